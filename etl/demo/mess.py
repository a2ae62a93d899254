"""Deliberate mess: each raw file carries a few rows a real export would, each
clearly wrong (Excel-mangled or cut NIKs, impossible dates, unknown regencies,
negative amounts) or repeated, so the demo exercises the ETL's quarantine. About
0.3% of member rows, one or two rows per other file. The recipes of every file
are here, one function per file kind."""
from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from etl.contracts import CONTRACTS
from etl.demo.writers import fmt_money
from etl.demo.world import World

MEMBER_DIRTY_SHARE = 0.003


# ---------------------------------------------------------------- tools
def corrupt(table: pa.Table, rng, edits: list[tuple[str, object, int]],
            eligible: dict[int, np.ndarray] | None = None) -> tuple[pa.Table, np.ndarray]:
    """Apply edits (header, fn(old text) -> new text, how many rows) to distinct
    random rows; eligible[i] optionally limits the rows of edit i. Returns the
    table and a mask of the rows touched."""
    used = np.zeros(table.num_rows, bool)
    changes: dict[str, list[tuple[int, str]]] = {}
    for i, (col, fn, count) in enumerate(edits):
        ok = ~used & (eligible.get(i, True) if eligible else True)
        rows = rng.choice(np.flatnonzero(ok), min(count, int(ok.sum())), replace=False)
        used[rows] = True
        old = table[col].take(pa.array(rows)).to_pylist()
        changes.setdefault(col, []).extend(zip(rows.tolist(), [fn(v) for v in old]))
    for col, pairs in changes.items():
        pairs.sort()
        mask = np.zeros(table.num_rows, bool)
        mask[[r for r, _ in pairs]] = True
        new = pc.replace_with_mask(table[col].combine_chunks(), pa.array(mask),
                                  pa.array([v for _, v in pairs], pa.string()))
        table = table.set_column(table.column_names.index(col), col, new)
    return table, used


def duplicate(table: pa.Table, rng, n: int, avoid: np.ndarray, change=None) -> pa.Table:
    """Append copies of n clean rows (change = (header, fn) alters the copies)."""
    rows = rng.choice(np.flatnonzero(~avoid), min(n, int((~avoid).sum())), replace=False)
    extra = table.take(pa.array(np.sort(rows)))
    if change:
        col, fn = change
        vals = pa.array([fn(v) for v in extra[col].to_pylist()], pa.string())
        extra = extra.set_column(extra.column_names.index(col), col, vals)
    return pa.concat_tables([table, extra])


def excel_nik(v: str) -> str:
    return f"{int(v):.5E}"            # 5302014507890001 -> '5.30201E+15'


def cut(v: str) -> str:
    return v[:15]                     # a digit lost: 15-digit NIK


def bump_amount(v: str) -> str:
    """'Rp 663.200' -> 'Rp 763.200': the same claim number with another amount."""
    return fmt_money(np.array([int(v[3:].replace(".", "")) + 100_000]), "Rp ")[0].as_py()


def negative(v: str) -> str:
    return v.replace("Rp ", "Rp -") if v.startswith("Rp ") else "-" + v


# ---------------------------------------------------------------- one recipe per file kind
def members(w: World, table: pa.Table) -> pa.Table:
    """~0.3% invalid rows in seven ways, plus exact duplicate lines. NIKs issued
    outside NTT stay valid; 'Kupang' (ambiguous) replaces a Kupang regency only."""
    rng = w.rng("dirty-members")
    k = max(1, round(table.num_rows * MEMBER_DIRTY_SHARE / 7))
    h = CONTRACTS["members"].demo_headers
    reg = pc.utf8_upper(table[h["regency"]]).to_numpy(zero_copy_only=False)
    kupang = np.isin(reg, ["KABUPATEN KUPANG", "KOTA KUPANG", "53.01", "53.71"])
    keep = ~pc.starts_with(table[h["nik"]], "5171").to_numpy(zero_copy_only=False)   # stay valid
    edits = [(h["nik"], excel_nik, k), (h["nik"], cut, k),
             (h["registered_date"], lambda v: "31/02/2021", k),
             (h["regency"], lambda v: "Kabupaten Atlantis", (k + 1) // 2),
             (h["regency"], lambda v: "53.99", k // 2 or 1),
             (h["regency"], lambda v: "Kupang", k), (h["segment"], lambda v: "XYZ", k)]
    table, used = corrupt(table, rng, edits, {i: keep & (kupang if i == 5 else True) for i in range(7)})
    return duplicate(table, rng, k, used)


def contributions(table: pa.Table, rng) -> pa.Table:
    """The self-paid and employer list: one of each bad value, two repeated rows."""
    h = CONTRACTS["contributions"].demo_headers
    table, used = corrupt(table, rng, [(h["nik"], excel_nik, 1), (h["amount_rp"], negative, 1),
                                       (h["period_start"], lambda v: "2021-13", 1),
                                       (h["regency"], lambda v: "Kabupaten Atlantis", 1)])
    return duplicate(table, rng, 2, used)


def budget_list(table: pa.Table, rng) -> pa.Table:
    """A budget payer's list: one cut NIK, one repeated row."""
    table, used = corrupt(table, rng, [(table.column_names[0], cut, 1)])
    return duplicate(table, rng, 1, used)


def claims(table: pa.Table, rng, year: int) -> pa.Table:
    """A year of claims: a negative amount, 31 February, a cut NIK, and one claim
    number repeated with another amount (a conflict)."""
    h = CONTRACTS["claims"].demo_headers
    table, used = corrupt(table, rng, [(h["amount_rp"], negative, 1),
                                       (h["paid_date"], lambda v: f"31/02/{year}", 1),
                                       (h["nik"], cut, 1)])
    return duplicate(table, rng, 1, used, (h["amount_rp"], bump_amount))


def subsidies(table: pa.Table, rng) -> pa.Table:
    """BSU recipients: an Excel-mangled NIK, 31 September, one repeated row."""
    h = CONTRACTS["subsidies"].demo_headers
    table, used = corrupt(table, rng, [(h["nik"], excel_nik, 1), (h["paid_date"], lambda v: "31/09/2020", 1)])
    return duplicate(table, rng, 1, used)
