"""Claims paid (klaim), one file per year: who claims which programme when, and
how much. Case counts follow facts.CLAIMS_2022 scaled by facts.CLAIM_YEAR_FACTOR;
JKM cases are deaths, drawn first because a death ends the member's spells."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from etl.demo import facts, mess
from etl.demo.codes import BPU, JAKON, PMI, PU, SEGMENT_CODE
from etl.demo.world import World, days_in, first_day, year_of
from etl.demo.writers import as_export, fmt_days, fmt_money, lookup, regency_text, text, write_csv, write_xlsx

PROGRAMMES = ("JHT", "JKM", "JKK", "JP")


# ---------------------------------------------------------------- counts and windows
def es_pick(rng, weight: np.ndarray, n: int) -> np.ndarray:
    """n indices drawn without replacement with probability ~ weight
    (Efraimidis-Spirakis keys), vectorised."""
    pos = np.flatnonzero(weight > 0)
    if n >= len(pos):
        return pos
    keys = np.log(rng.random(len(pos))) / weight[pos]
    return pos[np.argpartition(-keys, n)[:n]]


def claim_count(w: World, prog: str, y: int) -> int:
    last = max(facts.CLAIM_YEAR_FACTOR)
    factor = facts.CLAIM_YEAR_FACTOR.get(y, facts.CLAIM_YEAR_FACTOR[last] + facts.CLAIM_YEAR_GROWTH * (y - last))
    months = min(12, w.last - (y - 2016) * 12 + 1)
    return int(round(facts.CLAIMS_2022[prog] * factor * w.scale * months / 12))


def claim_years(w: World) -> range:
    return range(min(facts.CLAIM_YEAR_FACTOR), int(year_of(w.last)) + 1)


def year_window(w: World, y: int) -> tuple[int, int]:
    return (y - 2016) * 12, min((y - 2016) * 12 + 11, w.last)


def overlap(sp: dict, a: int, b: int) -> np.ndarray:
    return np.clip(np.minimum(sp["end"], b) - np.maximum(sp["start"], a) + 1, 0, None)


def month_within(rng, sp: dict, pick: np.ndarray, a: int, b: int) -> np.ndarray:
    """A random month of each picked spell inside the window [a, b]."""
    lo, hi = np.maximum(sp["start"][pick], a), np.minimum(sp["end"][pick], b)
    return lo + (rng.random(len(pick)) * (hi - lo + 1)).astype(np.int64)


# ---------------------------------------------------------------- who claims
def deaths(w: World, mem: dict, sp: dict) -> dict:
    """JKM cases: members who die while paying, BPU drawn facts.JKM_BPU_WEIGHT times
    as often. The spell ends in the month of death, later spells are dropped, and
    mem['death'] records the month (-1: alive)."""
    rng = w.rng("deaths")
    death = np.full(len(mem["seg"]), -1)
    weight = np.where(mem["seg"][sp["mem"]] == BPU, facts.JKM_BPU_WEIGHT, 1.0)
    for y in claim_years(w):
        a, b = year_window(w, y)
        pick = es_pick(rng, overlap(sp, a, b) * weight * (death[sp["mem"]] < 0), claim_count(w, "JKM", y))
        _, first = np.unique(sp["mem"][pick], return_index=True)
        pick = pick[first]
        death[sp["mem"][pick]] = month_within(rng, sp, pick, a, b)
    mem["death"] = death
    until = np.where(death < 0, w.last, death)[sp["mem"]]
    keep = sp["start"] <= until
    return {"mem": sp["mem"][keep], "start": sp["start"][keep],
            "end": np.minimum(sp["end"], until)[keep], "payer": sp["payer"][keep]}


def pick_claims(w: World, rng, mem: dict, sp: dict, prog: str, y: int):
    """Members that claim prog in year y: member index, event month, and
    whether the claim follows the end of a spell (left a job / stopped paying)."""
    a, b = year_window(w, y)
    if prog == "JKM":
        m = np.flatnonzero((mem["death"] >= a) & (mem["death"] <= b))
        return m, mem["death"][m], np.zeros(len(m), bool)
    seg, n = mem["seg"][sp["mem"]], claim_count(w, prog, y)
    if prog == "JKK":      # accident while paying; construction riskier
        wt = overlap(sp, a, b) * np.select([seg == JAKON, seg == PMI], [4.0, 0.3], 1.0)
    else:                  # JHT / JP: mostly after leaving a job; JHT also while paying
        left = (sp["end"] < w.last) & (sp["end"] + 1 >= a) & (sp["end"] + 1 <= b)
        holder = mem["jht"][sp["mem"]] if prog == "JHT" else seg == PU
        wt = holder * (6.0 * left + (prog == "JHT") * overlap(sp, a, b) * ~left / 12)
    pick = es_pick(rng, wt.astype(float), n)
    left = (sp["end"][pick] < w.last) & (sp["end"][pick] + 1 >= a) & (sp["end"][pick] + 1 <= b)
    left &= prog != "JKK"
    after = np.minimum(sp["end"][pick] + 1 + rng.integers(0, 3, len(pick)), b)
    return sp["mem"][pick], np.where(left, after, month_within(rng, sp, pick, a, b)), left


# ---------------------------------------------------------------- what they get
def in_force(day: np.ndarray, amounts: tuple[int, ...]) -> np.ndarray:
    """The benefit in force on each day (day numbers), by facts.BENEFITS_FROM."""
    since = np.array(facts.BENEFITS_FROM, "datetime64[D]").astype(np.int64)
    return np.array(amounts, np.int64)[np.searchsorted(since, day, "right") - 1]


def claim_amounts(rng, prog: str, seg, income, day) -> np.ndarray:
    """Amounts by programme; JKM and a JKK death get the benefit in force on the day
    of the death or accident."""
    n = len(seg)
    if prog == "JKM":
        return in_force(day, facts.JKM_BENEFIT)
    if prog == "JP":
        return np.round(rng.lognormal(np.log(facts.JP_MEDIAN_RP), 0.55, n), -2).astype(np.int64)
    if prog == "JHT":      # balance ~ monthly JHT x months paid (incl. years before 2016)
        monthly = np.where(seg == PU, income * facts.PU_JHT_RATE, income * (facts.BPU_JHT_PCT / 100))
        months = np.clip(rng.lognormal(np.log(facts.JHT_MONTHS), 0.7, n), 6, 300)
        return np.round(monthly * months * rng.uniform(1.0, 1.15, n)).astype(np.int64)
    fatal = rng.random(n) < facts.JKK_DEATH_SHARE
    care = np.maximum(rng.lognormal(np.log(facts.JKK_CARE_MEDIAN), 1.0, n), 250_000)
    death = 48 * income + in_force(day, facts.JKK_DEATH_EXTRA)
    return np.round(np.where(fatal, death, care), -2).astype(np.int64)


def claim_causes(rng, prog, left, age, died) -> np.ndarray:
    """JHT while still paying: a balance from an earlier employer (resigned or
    laid off there), age 56, or the 10% partial withdrawal. JHT and JP after a
    member's death go to the heirs."""
    n = len(left)
    if prog == "JKK":
        return np.array(facts.JKK_CAUSES)[rng.choice(len(facts.JKK_CAUSES), n, p=facts.JKK_CAUSE_P)]
    if prog == "JKM":
        return np.full(n, "Meninggal dunia (sakit)")
    u = rng.random(n)
    quit_ = np.where(u < 0.62, "Mengundurkan diri", "PHK")
    paying = np.where(age >= 56, "Usia 56", np.where(u < 0.88, quit_, "Klaim sebagian 10%"))
    cause = np.where(left, quit_, paying) if prog == "JHT" else np.full(n, "Berhenti bekerja (manfaat sekaligus)")
    return np.where(left & died, "Meninggal dunia", cause)


def claim_part(rng, mem, prog, m, event, left) -> pd.DataFrame:
    seg, n = mem["seg"][m], len(m)
    day = first_day(event) + (rng.random(n) * days_in(event)).astype(np.int64)     # of the event
    filed = np.maximum(day + rng.integers(0, 21, n), mem["reg_day"][m] + 1)
    delay = rng.integers(14, 151, n) if prog == "JKK" else rng.integers(3, 61, n)
    age = (filed - mem["birth"][m]) / 365.25
    died = (mem["death"][m] >= 0) & (mem["death"][m] <= event)
    return pd.DataFrame({"mem": m, "prog": prog, "event": day, "filed": filed, "paid": filed + delay,
                         "amount": claim_amounts(rng, prog, seg, mem["income"][m], day),
                         "cause": claim_causes(rng, prog, left, age, died)})


def claims_frame(w: World, mem: dict, sp: dict) -> pd.DataFrame:
    """All claims: member index, programme, dates (day numbers), amount, cause."""
    rng = w.rng("claims")
    parts = [claim_part(rng, mem, prog, *pick_claims(w, rng, mem, sp, prog, y))
             for y in claim_years(w) for prog in PROGRAMMES]
    df = pd.concat(parts or [claim_part(rng, mem, "JKK", *[np.zeros(0, np.int64)] * 3)], ignore_index=True)
    df = df[df.paid < first_day(w.last + 1)].sort_values(["paid", "mem", "prog"], kind="stable",
                                                         ignore_index=True)
    df["year"] = pd.to_datetime(df.paid, unit="D").dt.year
    df["seq"] = df.groupby("year").cumcount() + 1
    return df


# ---------------------------------------------------------------- files
def incident_dates(df: pd.DataFrame) -> pa.Array:
    """The day of the accident (JKK) or death (JKM), as the branch's export gives it; empty
    for JHT and JP, which have no incident."""
    dated = df["prog"].isin(["JKK", "JKM"]).to_numpy()
    return pc.if_else(pa.array(dated), fmt_days(df["event"].to_numpy()), "")


def claims_table(w: World, df: pd.DataFrame, mem, nik, names) -> pa.Table:
    m = df["mem"].to_numpy()
    ids = pc.utf8_lpad(text(df["seq"].to_numpy()), 6, "0")
    cols = {"claim_id": pc.binary_join_element_wise("KLM", text(df["year"].to_numpy()), ids, "-"),
            "nik": text(nik[m]), "name": names.take(pa.array(m)), "programme": pa.array(df["prog"].tolist()),
            "filed_date": fmt_days(df["filed"].to_numpy()), "paid_date": fmt_days(df["paid"].to_numpy()),
            "incident_date": incident_dates(df),
            "amount_rp": fmt_money(df["amount"].to_numpy(), "Rp "),
            "regency": regency_text(w, mem["reg"][m], "name"),
            "segment": lookup(SEGMENT_CODE, mem["seg"][m]), "cause": pa.array(df["cause"].tolist())}
    return as_export("claims", cols)


def write_claims(w: World, out: Path, mem, sp, nik, names) -> list[Path]:
    """One CSV per year; the current year as the XLSX the branch sends (native cells)."""
    df = claims_frame(w, mem, sp)
    rng = w.rng("dirty-claims")
    paths, years = [], sorted(df.year.unique().tolist())
    for y in years:
        t = mess.claims(claims_table(w, df[df.year == y], mem, nik, names), rng, y)
        if y == years[-1]:
            title = [f"DATA KLAIM DIBAYAR BPJS KETENAGAKERJAAN WILAYAH NTT TAHUN {y}"]
            paths.append(write_xlsx(out / f"klaim_{y}.xlsx", t, title, "Klaim", native=True))
        else:
            paths.append(write_csv(out / f"klaim_{y}.csv", t))
    return paths
