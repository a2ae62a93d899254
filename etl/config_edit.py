"""Targets and tiers edited in the browser (the admin page): checked, saved atomically to
the configured files (SEJUTA_TIERS_FILE, SEJUTA_TARGET_OVERRIDES) and rebuilt into the
warehouse under the writer lock, only the models that read what changed (`cfg_tiers+`,
`cfg_target+`). A problem is a code with parameters (the page says it in a sentence), and
then nothing is saved; a rebuild that fails puts the files back as they were.
"""
from __future__ import annotations

import math
import os
from pathlib import Path

import pandas as pd

from etl import reference, settings
from etl.warehouse import LoadError

TIER_COLUMNS = ["tier", "min_pct", "label_id", "label_en", "incentive_id", "incentive_en"]
OVERRIDE_COLUMNS = ["area_code", "target", "note"]
MAX_PCT = 1000


class ConfigProblems(LoadError):
    """The edit cannot be saved: problems = [(code, params)]."""
    def __init__(self, problems: list[tuple[str, dict]]):
        super().__init__("; ".join(f"{c} {p}" for c, p in problems))
        self.problems = problems


def whole(v) -> int | None:
    """A whole number (15, 15.0, '15'), else None."""
    try:
        f = float(str(v).strip())
    except (TypeError, ValueError):
        return None
    return int(f) if math.isfinite(f) and f.is_integer() else None


def number(v) -> float | None:
    try:
        f = float(str(v).strip().replace(",", "."))
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def blank(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or str(v).strip() in ("", "nan", "None", "<NA>")


def rows(df: pd.DataFrame, columns: list[str]) -> list[dict]:
    """The edited table's rows that hold anything (an empty added row is no row)."""
    out = []
    for r in df.reindex(columns=columns).to_dict("records"):
        if not all(blank(v) for v in r.values()):
            out.append(r)
    return out


# ------------------------------------------------------------------ tiers

def check_tiers(df: pd.DataFrame) -> list[tuple[str, dict]]:
    """Whole tier numbers, each once; labels in both languages; minimum shares of the target
    from 0% (the lowest tier) and strictly increasing with the tier."""
    found, tiers = [], []
    for i, r in enumerate(rows(df, TIER_COLUMNS), start=1):
        tier, pct = whole(r["tier"]), number(r["min_pct"])
        if tier is None or tier < 0:
            found.append(("tier_number", {"row": i}))
        elif pct is None or not 0 <= pct <= MAX_PCT:
            found.append(("tier_pct", {"tier": tier, "max": MAX_PCT}))
        elif blank(r["label_id"]) or blank(r["label_en"]):
            found.append(("tier_label", {"tier": tier}))
        else:
            tiers.append((tier, pct))
    if found:
        return found
    if not tiers:
        return [("tiers_empty", {})]
    seen = [t for t, _ in tiers]
    dupes = sorted({t for t in seen if seen.count(t) > 1})
    if dupes:
        return [("tier_duplicate", {"tier": dupes[0]})]
    tiers.sort()
    if tiers[0][1] != 0:
        return [("tier_first_zero", {"tier": tiers[0][0]})]
    for (t0, p0), (t1, p1) in zip(tiers, tiers[1:]):
        if p1 <= p0:
            return [("tier_not_increasing", {"tier": t1, "pct": p1, "prev_tier": t0, "prev_pct": p0})]
    return []


def tiers_csv(df: pd.DataFrame) -> str:
    out = pd.DataFrame(rows(df, TIER_COLUMNS), columns=TIER_COLUMNS)
    out["tier"] = [whole(v) for v in out["tier"]]
    out["min_pct"] = [pct_text(number(v)) for v in out["min_pct"]]
    out = out.fillna("").sort_values("tier")
    return out.to_csv(index=False, lineterminator="\n")


def pct_text(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


# ------------------------------------------------------------------ target overrides

def area_codes() -> dict[str, str]:
    """Every regency, district and village code -> its level."""
    codes = {c: "regency" for c in reference.read_csv("regencies.csv").kemendagri_code}
    codes |= {c: "district" for c in reference.read_csv("districts.csv").code}
    codes |= {c: "village" for c in reference.read_csv("villages.csv").code}
    return codes


def check_overrides(df: pd.DataFrame) -> list[tuple[str, dict]]:
    """Codes that exist, each once; whole targets of 0 or more; the overridden parts of an
    area not above the area's own target (else the others could not share the rest)."""
    codes, found, over = area_codes(), [], {}
    for r in rows(df, OVERRIDE_COLUMNS):
        code, target = str(r["area_code"] or "").strip(), whole(r["target"])
        if code not in codes:
            found.append(("override_code", {"code": code or "-"}))
        elif code in over:
            found.append(("override_duplicate", {"code": code}))
        elif target is None or target < 0:
            found.append(("override_target", {"code": code}))
        else:
            over[code] = target
    if found:
        return found
    return above_parent(over)


def above_parent(over: dict[str, int]) -> list[tuple[str, dict]]:
    split = reference.targets(over)
    target = dict(zip(split.area_code, split.target))
    target["53"] = settings.config().target
    parent = dict(zip(split.area_code, split.parent_code))
    sums: dict[str, int] = {}
    for code, value in over.items():
        sums[parent[code]] = sums.get(parent[code], 0) + value
    return [("override_above_parent", {"parent": p, "sum": s, "target": target[p]})
            for p, s in sorted(sums.items()) if s > target[p]]


def overrides_csv(df: pd.DataFrame) -> str:
    out = pd.DataFrame(rows(df, OVERRIDE_COLUMNS), columns=OVERRIDE_COLUMNS)
    out["area_code"] = [str(v).strip() for v in out["area_code"]]
    out["target"] = [whole(v) for v in out["target"]]
    out["note"] = ["" if blank(v) else str(v) for v in out["note"]]
    return out.to_csv(index=False, lineterminator="\n")


# ------------------------------------------------------------------ save and rebuild

def write_atomic(path: Path, text: str) -> None:
    """The whole new file or the old one, never half of one: written beside, then swapped in."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def save(tiers: pd.DataFrame | None = None, overrides: pd.DataFrame | None = None, by: str | None = None,
         progress=lambda *_: None) -> list[str]:
    """Check, save and rebuild; return the models rebuilt. Raises ConfigProblems (nothing
    saved) or LoadError (the rebuild failed: the files are as they were)."""
    from etl import marts
    from etl.warehouse import building, refresh_config
    problems = (check_tiers(tiers) if tiers is not None else []) + \
               (check_overrides(overrides) if overrides is not None else [])
    if problems:
        raise ConfigProblems(problems)
    new = {}
    if tiers is not None:
        new[settings.get_path("tiers_file")] = (tiers_csv(tiers), "cfg_tiers+")
    if overrides is not None:
        new[settings.get_path("target_overrides")] = (overrides_csv(overrides), "cfg_target+")
    old = {p: p.read_bytes() if p.exists() else None for p in new}
    try:
        with building(who=f"configuration by {by}", by=by, wait=False, action="config") as con:
            for path, (text, _) in new.items():
                write_atomic(path, text)
            refresh_config(con)
            return marts.build(con, progress, select=",".join(sel for _, sel in new.values()))
    except BaseException:
        for path, data in old.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                write_atomic(path, data.decode("utf-8"))
        raise
