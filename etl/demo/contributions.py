"""Contributions paid (iuran), one row per paid spell: the self-paid and employer
list as one CSV, and one list per budget payer and budget year (CSV, or XLSX
with title rows for the small ones), as local governments send them."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa

from etl.demo import facts, mess
from etl.demo.codes import BPU, BUDGET_PAYERS, CSR, DESA, JAKON, KAB, MANDIRI, PK, PMI, PROV, PU
from etl.demo.population import spells
from etl.demo.world import World, month_index, year_of
from etl.demo.writers import (as_export, fmt_money, fmt_months, payer_text, programme_text,
                              regency_text, text, write_csv, write_xlsx)

PAYER_FILE = {PROV: "apbd_provinsi", KAB: "apbd_kabupaten", DESA: "dana_desa", CSR: "csr"}
PAYER_SOURCE = {PROV: "APBD Provinsi NTT", KAB: "APBD Kabupaten", DESA: "APBDes / Dana Desa",
                CSR: "CSR / donatur"}
BUDGET_REGENCY_STYLE = {PROV: "label", KAB: "name", DESA: "kemendagri_code", CSR: "bps_code"}
XLSX_BUDGET_FILES = {(DESA, 2024), (CSR, 2023)}   # small lists kept as spreadsheets


def monthly_fee(seg, income, jht, relieved) -> np.ndarray:
    """Contribution per month at the facts' rates (BPU: JKK 1%, min Rp10,000, + JKM
    Rp6,800 + JHT 2% when taken); in relieved months PU and BPU pay only
    facts.RELIEF_KEEP_PCT % of JKK + JKM (PP 49/2020)."""
    keep = np.where(relieved, facts.RELIEF_KEEP_PCT, 100)
    risk = np.maximum(income * facts.BPU_JKK_PCT // 100, facts.BPU_JKK_MIN) + facts.BPU_JKM_RP
    bpu = risk * keep // 100 + np.where(jht, income * facts.BPU_JHT_PCT // 100, 0)
    pu_cut = (facts.PU_JKK_RATE + facts.PU_JKM_RATE) * (100 - keep) / 100
    return np.select([seg == PU, seg == JAKON],
                     [np.round(income * (facts.PU_RATE - pu_cut)), np.round(income * facts.JAKON_RATE)],
                     bpu).astype(np.int64)


def relief_window() -> tuple[int, int]:
    return month_index(facts.RELIEF_MONTHS[0]), month_index(facts.RELIEF_MONTHS[1])


def split_at(sp: dict, cuts) -> dict:
    """Spells cut into pieces at the given months (each cut month starts a new
    piece), in the order of the spells, then of their pieces."""
    cuts = np.asarray(sorted(cuts), np.int64)
    first = np.searchsorted(cuts, sp["start"], "right")
    n = np.searchsorted(cuts, sp["end"], "right") - first + 1
    rep = np.repeat(np.arange(len(n)), n)
    k = first[rep] + np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)   # piece k: cuts[k-1] .. cuts[k]-1
    start = np.maximum(sp["start"][rep], np.where(k > 0, cuts[np.maximum(k - 1, 0)], 0))
    end = np.minimum(sp["end"][rep], np.where(k < len(cuts), cuts[np.minimum(k, len(cuts) - 1)] - 1, sp["end"][rep]))
    return spells(sp["mem"][rep], start, end, sp["payer"][rep])


def spell_rows(w: World, mem: dict, sp: dict, nik: np.ndarray, names: pa.Array, rows: np.ndarray,
               reg_style: str, money_prefix: str | None) -> pa.Table:
    m = sp["mem"][rows]
    seg, months = mem["seg"][m], sp["end"][rows] - sp["start"][rows] + 1
    first, last = relief_window()
    relieved = (sp["start"][rows] >= first) & (sp["end"][rows] <= last) & np.isin(seg, (PU, BPU))
    fee = monthly_fee(seg, mem["income"][m], mem["jht"][m], relieved)
    amount = np.where(seg == PMI, facts.PMI_FEE, months * fee)
    cols = {"nik": text(nik[m]), "name": names.take(pa.array(m)),
            "period_start": fmt_months(sp["start"][rows]), "period_end": fmt_months(sp["end"][rows]),
            "amount_rp": text(amount) if money_prefix is None else fmt_money(amount, money_prefix),
            "payer": payer_text(sp["payer"][rows]),
            "regency": regency_text(w, mem["reg"][m], reg_style),
            "programmes": programme_text(seg, mem["jht"][m])}
    return as_export("contributions", cols)


def budget_years(w: World, sp: dict) -> dict:
    """Budget-paid spells become one row per budget year (Jan..Dec pieces)."""
    budget = {k: v[np.isin(sp["payer"], BUDGET_PAYERS)] for k, v in sp.items()}
    return split_at(budget, np.arange(12, w.last + 1, 12))


def write_contributions(w: World, out: Path, mem, sp, nik, names) -> list[Path]:
    """A spell across the relief months is paid (and listed) as a piece before, the
    relieved piece and a piece after, each at its own rate."""
    rng = w.rng("dirty-contributions")
    first, last = relief_window()
    sp = split_at(sp, (first, last + 1))
    rows = np.flatnonzero(np.isin(sp["payer"], [MANDIRI, PK]))
    rows = rows[np.lexsort((sp["mem"][rows], sp["start"][rows]))]
    t = mess.contributions(spell_rows(w, mem, sp, nik, names, rows, "upper", None), rng)
    paths = [write_csv(out / "iuran_mandiri_pemberi_kerja.csv", t)]
    return paths + write_budget_files(w, out, mem, budget_years(w, sp), nik, names, rng)


def write_budget_files(w: World, out: Path, mem, sp, nik, names, rng) -> list[Path]:
    """One file per payer and budget year; the small ones in XLSX_BUDGET_FILES as
    spreadsheets with title rows and 'Rp' amounts."""
    paths, year = [], year_of(sp["start"])
    for payer, y in sorted(set(zip(sp["payer"].tolist(), year.tolist()))):
        rows = np.flatnonzero((sp["payer"] == payer) & (year == y))
        rows = rows[np.argsort(sp["mem"][rows], kind="stable")]
        xlsx = (payer, y) in XLSX_BUDGET_FILES
        t = spell_rows(w, mem, sp, nik, names, rows, BUDGET_REGENCY_STYLE[payer], "Rp " if xlsx else None)
        t = mess.budget_list(t, rng)
        stem = f"iuran_{PAYER_FILE[payer]}_{y}"
        if xlsx:
            titles = ["DAFTAR PEKERJA RENTAN PENERIMA BANTUAN IURAN",
                      f"Sumber: {PAYER_SOURCE[payer]} Tahun {y}", ""]
            paths.append(write_xlsx(out / f"{stem}.xlsx", t, titles, blank_tail=3 if payer == DESA else 0))
        else:
            paths.append(write_csv(out / f"{stem}.csv", t))
    return paths
