"""Reference tables and configuration, read from data/ and settings, as the
frames the warehouse stores (ref_* and cfg_* tables)."""
from __future__ import annotations

import re

import pandas as pd

from etl import settings

DATA = settings.DATA


def read_csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


def norm_key(s: str) -> str:
    """Same normalisation as the SQL macro norm_key."""
    s = re.sub(r"[.,_/\\\-:()]+", " ", str(s).strip().lower())
    return re.sub(r"\s+", " ", s).strip()


def largest_remainder(weights: list[float], total: int) -> list[int]:
    """Integer parts proportional to weights that sum exactly to total."""
    if total <= 0 or not weights:
        return [0] * len(weights)
    if sum(weights) <= 0:
        weights = [1.0] * len(weights)
    raw = [w * total / sum(weights) for w in weights]
    parts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (raw[i] - parts[i], -i), reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def regency_keys(reg: pd.DataFrame) -> pd.DataFrame:
    """Every spelling that names a regency -> its Kemendagri code.
    4-digit codes are BPS codes, dotted ones Kemendagri: never mixed.
    Bare 'kupang' is ambiguous (Kabupaten vs Kota) and maps to no code."""
    rows = []
    for r in reg.itertuples():
        city = r.name.lower().startswith("kota")
        names = {r.name, r.short_name, r.label, *filter(None, r.aliases.split("|"))}
        if not city:
            names |= {f"Kab {r.short_name}", f"Kabupaten {r.short_name}", f"Kab. {r.short_name}"}
        for n in names:
            rows.append((norm_key(n), r.kemendagri_code))
        rows += [(norm_key(r.kemendagri_code), r.kemendagri_code), (r.bps_code, r.kemendagri_code)]
    keys = pd.DataFrame(rows, columns=["key", "kemendagri_code"]).drop_duplicates()
    keys = keys[keys.key != "kupang"]
    ambiguous = pd.DataFrame([("kupang", None)], columns=["key", "kemendagri_code"])
    return pd.concat([keys, ambiguous], ignore_index=True)


def alias_table(df: pd.DataFrame, code_col: str) -> pd.DataFrame:
    rows = [(norm_key(a), getattr(r, code_col)) for r in df.itertuples()
            for a in [getattr(r, code_col), *r.aliases.split("|")] if a]
    return pd.DataFrame(rows, columns=["alias", "code"]).drop_duplicates("alias")


SPLIT_BASIS = {"regency": "informal_workforce_est", "district": "population_2010", "village": "equal"}


def split(parents: pd.DataFrame, children: pd.DataFrame, parent_col: str, level: str,
          weight_col: str | None, overrides: dict[str, int]) -> pd.DataFrame:
    """Each parent's target split over its children in proportion to weight_col (equal
    shares without one) by largest remainder, so the children sum exactly to the parent;
    overridden children keep their value and the others share what is left by their weights."""
    out = []
    for p in parents.itertuples():
        kids = children[children[parent_col] == p.area_code]
        fixed = {k: overrides[k] for k in kids.code if k in overrides}
        free = kids[~kids.code.isin(fixed)]
        weights = free[weight_col].astype(float).tolist() if weight_col else [1.0] * len(free)
        parts = dict(zip(free.code, largest_remainder(weights, max(p.target - sum(fixed.values()), 0))))
        out += [(k, level, p.area_code, fixed.get(k, parts.get(k, 0)), k in fixed,
                 "override" if k in fixed else SPLIT_BASIS[level]) for k in kids.code]
    return pd.DataFrame(out, columns=["area_code", "level", "parent_code", "target", "is_override", "split_basis"])


def regency_targets(reg: pd.DataFrame, overrides: dict[str, int]) -> pd.DataFrame:
    """The province target split over the regencies by estimated informal workforce."""
    province = pd.DataFrame({"area_code": ["53"], "target": [settings.config().target]})
    return split(province, reg.assign(code=reg.kemendagri_code, province="53"), "province", "regency",
                 "informal_workforce_est", overrides)


def read_overrides() -> dict[str, int]:
    path = settings.get_path("target_overrides")
    if not path.exists():
        return {}
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    return {r.area_code.strip(): int(r.target) for r in df.itertuples() if r.area_code.strip()}


def districts() -> pd.DataFrame:
    """The districts with their 2010 census population (data/district_population.csv, BPS
    SP2010 matched to today's codes: data/sources/district_population.md)."""
    dist = read_csv("districts.csv")
    pop = read_csv("district_population.csv")[["district_code", "population_2010"]]
    dist = dist.merge(pop, how="left", left_on="code", right_on="district_code").drop(columns="district_code")
    dist["population_2010"] = pd.to_numeric(dist.population_2010).astype("Int64")
    return dist


def targets(overrides: dict[str, int] | None = None) -> pd.DataFrame:
    """Own targets of every area: regencies by informal workforce, districts by 2010
    population, villages in equal shares of their district (no village weight exists).
    `overrides`: these instead of the configured file's (the admin page checks an edit)."""
    reg, dist, vil = read_csv("regencies.csv"), districts(), read_csv("villages.csv")
    over = read_overrides() if overrides is None else overrides
    r = regency_targets(reg, over)
    d = split(r, dist, "regency_code", "district", "population_2010", over)
    v = split(d, vil, "district_code", "village", None, over)
    return pd.concat([r, d, v], ignore_index=True)


def tiers() -> pd.DataFrame:
    df = pd.read_csv(settings.get_path("tiers_file"), dtype=str, keep_default_na=False)
    df["tier"] = df.tier.astype(int)
    df["min_pct"] = df.min_pct.astype(float)
    if df.min_pct.min() != 0:
        raise ValueError(f"{settings.get('tiers_file')}: the lowest tier must start at 0%")
    return df.sort_values("min_pct")


def settings_table() -> pd.DataFrame:
    """The configuration in force as one typed row (cfg_settings), read by the rules of
    etl/sql/rules/rule_settings.sql and shown by the dashboard (mart_status)."""
    c = settings.config()
    return pd.DataFrame({"target": [c.target], "deadline": [c.deadline],
                         "goal_segments": [list(c.goal_segments)], "suppress_below": [c.suppress_below],
                         "alert_move_pct": [c.alert_move_pct], "alert_stale_days": [c.alert_stale_days],
                         "alert_quarantine_pct": [c.alert_quarantine_pct]})


def tables() -> dict[str, pd.DataFrame]:
    reg = read_csv("regencies.csv")
    dist, vil = districts(), read_csv("villages.csv")
    dist["key"] = dist.name.map(norm_key)
    vil["key"] = vil.name.map(norm_key)
    vil["regency_code"] = vil.district_code.str[:5]
    for col in ["area_km2"]:
        reg[col] = reg[col].astype(float)
    for col in ["population_2024", "informal_workforce_est"]:
        reg[col] = reg[col].astype("int64")
    sectors, segments = read_csv("sectors.csv"), read_csv("segments.csv")
    sectors["informal_share_est"] = sectors.informal_share_est.astype(float)
    sectors["sort_order"] = sectors.sort_order.astype(int)
    occ = read_csv("occupations.csv")
    occ["keyword"] = occ.keyword.map(norm_key)
    occ["priority"] = occ.priority.astype(int)
    payers, programmes = read_csv("payers.csv"), read_csv("programmes.csv")
    payers["is_budget_paid"] = payers.is_budget_paid == "true"
    return {
        "ref_regency": reg.drop(columns=["population_2020"]),
        "ref_regency_key": regency_keys(reg),
        "ref_district": dist, "ref_village": vil,
        "ref_sector": sectors, "ref_occupation": occ,
        "ref_segment": segments.drop(columns=["aliases"]),
        "ref_segment_alias": alias_table(segments, "segment_code"),
        "ref_payer": payers.drop(columns=["aliases"]),
        "ref_payer_alias": alias_table(payers, "payer_code"),
        "ref_programme": programmes.drop(columns=["aliases"]),
        "ref_programme_alias": alias_table(programmes, "programme_code"),
        "cfg_tiers": tiers(), "cfg_target": targets(), "cfg_settings": settings_table(),
    }

