"""The demo's world: months as indices from 2016-01, the reference tables
(regencies, districts, villages) and one random stream per named purpose, so
that changing one part of the demo leaves the draws of the others as they were."""
from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from etl.demo import facts
from etl.demo.codes import BPU, JAKON, PU
from etl.settings import DATA

M0 = np.datetime64("2016-01", "M")          # first month of the timeline


def month_index(label: str) -> int:
    return int((np.datetime64(label, "M") - M0).astype(int))


def first_day(m) -> np.ndarray:
    """Day number (days since 1970-01-01) of the first day of month index m."""
    return (M0 + np.asarray(m)).astype("datetime64[D]").astype(np.int64)


def days_in(m) -> np.ndarray:
    return first_day(np.asarray(m) + 1) - first_day(m)


def year_of(m) -> np.ndarray:
    return 2016 + np.asarray(m) // 12


@dataclass(frozen=True)
class World:
    seed: int
    scale: float
    last: int                 # month index of as_of
    reg: pd.DataFrame
    vil: pd.DataFrame         # villages + reg_idx, dist_idx, dist_part, is_desa, weight
    dist: pd.DataFrame

    def rng(self, name: str) -> np.random.Generator:
        return np.random.default_rng([self.seed, zlib.crc32(name.encode())])

    def reg_idx(self, code: str) -> int:
        return int(np.flatnonzero(self.reg.kemendagri_code.to_numpy() == code)[0])


def load_world(members: int, seed: int, as_of: str) -> World:
    read = lambda n: pd.read_csv(DATA / n, dtype=str, keep_default_na=False)  # noqa: E731
    reg, dist, vil = read("regencies.csv"), read("districts.csv"), read("villages.csv")
    for col in ("population_2024", "informal_workforce_est"):
        reg[col] = reg[col].astype(float)
    vil["reg_idx"] = pd.Index(reg.kemendagri_code).get_indexer(vil.district_code.str[:5])
    vil["dist_idx"] = pd.Index(dist.code).get_indexer(vil.district_code)
    vil["dist_part"] = vil.district_code.str[6:8].astype(int)
    vil["is_desa"] = vil.code.str[9] == "2"
    vil["weight"] = np.random.default_rng([seed, 1]).gamma(2.0, 1.0, len(vil))
    last = month_index(as_of)
    if last < 0:
        raise ValueError(f"as_of {as_of} is before the demo timeline starts (2016-01)")
    return World(seed, members / 1_000_000, last, reg, vil, dist)


def regency_weights(w: World, seg: int) -> np.ndarray:
    """Share of a segment's members in each regency: informal workforce (BPU), the
    rest of the population (PU) or population (others), times the facts' boosts."""
    codes, pop = w.reg.kemendagri_code, w.reg.population_2024
    informal = w.reg.informal_workforce_est
    if seg == BPU:
        base, boost = informal, facts.INFORMAL_BOOST
    elif seg == PU:
        base, boost = pop - informal, facts.FORMAL_BOOST
    else:
        base, boost = pop, facts.JAKON_BOOST if seg == JAKON else facts.PMI_BOOST
    wt = base.to_numpy() * codes.map(lambda c: boost.get(c, 1.0)).to_numpy()
    return wt / wt.sum()
