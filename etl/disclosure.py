"""The subtraction attack, run on every build (etl/checks.py): for each published breakdown
(int_disclosure), what a reader can work out about each hidden cell from the published
figures alone, and whether any hidden cell has a single possible value.

A reader knows every published cell, every parent total (a regency's count is public),
that each parent equals the sum of its cells, and that no count is negative; a hidden cell
is otherwise unknown (pages show every hidden cell the same way, so the reason reveals no
bound). The constraints form a tree (cells sum to parents, parents are cells one level up),
so propagating interval bounds through the sums until nothing changes gives each hidden
cell's exact feasible range. A range of one value is a disclosure, except inside a parent
published as 0 (nobody there to protect).
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

CELLS = """select family, depth, parent_id, cell_id, n, is_pseudo, is_hidden
           from int_disclosure order by family, depth, parent_id, cell_id"""


@dataclass
class Box:
    lo: float
    hi: float

    def tighten(self, lo: float, hi: float) -> bool:
        lo, hi = max(self.lo, lo), min(self.hi, hi)
        changed = (lo, hi) != (self.lo, self.hi)
        self.lo, self.hi = lo, hi
        return changed


def ranges(rows, known: dict | None = None) -> dict[tuple[str, str], Box]:
    """(family, cell_id) -> the feasible range of every cell given what is published.
    rows: (family, depth, parent_id, cell_id, n, is_pseudo, is_hidden); `known`: bounds a
    page would reveal about hidden cells ((family, cell) -> (lo, hi)), none by default."""
    box, groups, roots = {}, defaultdict(list), defaultdict(int)
    for family, depth, parent, cell, n, pseudo, hidden in rows:
        lo, hi = (known or {}).get((family, cell), (0, math.inf))
        box[family, cell] = Box(lo, hi) if hidden or pseudo else Box(n, n)
        groups[family, parent].append((family, cell))
        if depth == 1:
            roots[family, parent] += n          # a published total: the true sum of its cells
    for key, total in roots.items():
        box[key] = Box(total, total)
    changed = True
    while changed:
        changed = False
        for parent, kids in groups.items():
            if parent not in box:
                continue
            changed |= _propagate(box[parent], [box[k] for k in kids])
    return box


def _propagate(parent: Box, kids: list[Box]) -> bool:
    """One pass of parent = sum(kids), every value >= 0."""
    lo_sum, hi_sum = sum(k.lo for k in kids), sum(k.hi for k in kids)
    changed = parent.tighten(lo_sum, hi_sum)
    for k in kids:
        others_lo, others_hi = lo_sum - k.lo, hi_sum - k.hi
        changed |= k.tighten(parent.lo - others_hi, parent.hi - others_lo)
    return changed


def exposed(rows, known: dict | None = None) -> list[tuple[str, str, float]]:
    """Hidden real cells whose value a reader can work out: (family, cell, value)."""
    rows = list(rows)
    box = ranges(rows, known)
    roots = {(f, p): box[f, p] for f, d, p, *_ in rows if d == 1}
    out = []
    for family, depth, parent, cell, n, pseudo, hidden in rows:
        b = box[family, cell]
        if hidden and not pseudo and b.lo == b.hi and not _inside_zero(family, parent, roots, box):
            out.append((family, cell, b.lo))
    return out


def _inside_zero(family, parent, roots, box) -> bool:
    p = roots.get((family, parent)) or box.get((family, parent))
    return p is not None and p.hi == 0


def problems(con) -> list[str]:
    found = exposed(con.execute(CELLS).fetchall())
    return [f"disclosure: hidden cell {cell} of {family} can be worked out exactly "
            f"from the published figures ({len(found)} such cell(s))" for family, cell, _ in found[:1]]
