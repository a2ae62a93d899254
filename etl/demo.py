"""Demo data: raw export files as BPJS Ketenagakerjaan and local governments
deliver them, for the timeline 2016-01 .. as_of. See `generate`.

Nothing here loads data: the ETL reads these files like any real export, so
the demo proves the real path. Everything is vectorised (numpy, pyarrow);
Python loops run over regencies, files or a few dirty rows, never over members.

Calibration figures cite ../shared/reference/bpjs_facts.md by section
(C = BPJS facts, D = the 1-million target and NTT progress). Figures marked
"brief" are this project's own assumptions for the demo, not sourced facts.
"""
from __future__ import annotations

import datetime as dt
import re
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from etl.contracts import CONTRACTS
from etl.settings import DATA

M0 = np.datetime64("2016-01", "M")          # first month of the timeline
PU, BPU, JAKON, PMI = range(4)
SEGMENT_CODE = ("PU", "BPU", "JAKON", "PMI")
SEGMENT_SHARE = (0.45, 0.48, 0.05, 0.02)    # brief: member rows ever registered
SEGMENT_TEXT = (                            # as offices write them (10 slots each)
    ["PU"] * 7 + ["Penerima Upah"] * 2 + ["penerima upah"],
    ["BPU"] * 8 + ["Bukan Penerima Upah"] * 2,
    ["Jasa Konstruksi"] * 5 + ["JAKON"] * 5,
    ["PMI"] * 9 + ["Pekerja Migran Indonesia"],
)
MANDIRI, PK, PROV, KAB, DESA, CSR = range(6)
BUDGET_PAYERS = (PROV, KAB, DESA, CSR)
PAYER_TEXT = ("Mandiri", "Pemberi Kerja", "APBD Provinsi", "APBD Kabupaten", "Dana Desa", "CSR")
PAYER_FILE = ("", "", "apbd_provinsi", "apbd_kabupaten", "dana_desa", "csr")
PAYER_SOURCE = ("", "", "APBD Provinsi NTT", "APBD Kabupaten", "APBDes / Dana Desa", "CSR / donatur")
XLSX_BUDGET_FILES = {(DESA, 2024), (CSR, 2023)}   # small lists kept as spreadsheets

# C: BPU JKK 1% of declared income (min Rp10,000) + JKM Rp6,800 = Rp16,800 at the
# minimum income of Rp1 juta; JHT optional 2%. PU: JKK 0.54% (risk class 2) + JKM 0.30%
# + JHT 5.7% + JP 3%. Construction: JKK 1.74% + JKM 0.30%. PMI: Rp370,000 per placement.
BPU_INCOMES = np.array([1_000_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000, 4_000_000, 5_000_000])
BPU_INCOME_P = np.array([0.62, 0.12, 0.10, 0.06, 0.05, 0.03, 0.02])
BPU_JHT_SHARE = 0.25                        # brief
PU_RATE, JAKON_RATE, PMI_FEE = 0.0954, 0.0204, 370_000

# brief: spell lengths in months (geometric medians) and reactivation after a lapse
BPU_STEADY_SHARE, BPU_STEADY_MEDIAN, BPU_LAPSE_MEDIAN = 0.55, 96, 8
PU_MEDIAN = 240
BPU_RECENT_WEIGHT = 6.0                     # registrations per month 2025+, vs 1.0 before Aug 2020
# (the four values above are tuned so that at 2026-10 about 245k BPU and 385k PU are active)
BUDGET_CONTINUE = 0.25                      # brief: 20-25% pay themselves after the budget ends
REACTIVATE = {PU: 0.30, BPU: 0.15, JAKON: 0.35, PMI: 0.15}
REACTIVATE_GAP = {PU: 4, BPU: 10, JAKON: 6, PMI: 8}
FEMALE = {PU: 0.40, BPU: 0.45, JAKON: 0.05, PMI: 0.55}
AGE = {PU: (19, 50), BPU: (18, 60), JAKON: (20, 55), PMI: (20, 40)}

# rural Timor and Sumba are informal-heavy; Kota Kupang and branch-office towns formal-heavy
INFORMAL_BOOST = {"53.02": 1.25, "53.03": 1.25, "53.21": 1.25, "53.11": 1.25,
                  "53.12": 1.25, "53.17": 1.25, "53.18": 1.25}
FORMAL_BOOST = {"53.71": 3.0, "53.07": 1.3, "53.08": 1.3, "53.04": 1.3, "53.15": 1.3,
                "53.11": 1.1, "53.02": 0.7, "53.03": 0.7, "53.21": 0.7, "53.12": 0.7,
                "53.17": 0.7, "53.18": 0.7}
JAKON_BOOST = {"53.71": 2.0, "53.15": 1.5}  # Kupang and Labuan Bajo building sites
PMI_BOOST = {"53.06": 2.0, "53.21": 2.0, "53.07": 1.5, "53.08": 1.5, "53.04": 1.5,
             "53.03": 1.5, "53.02": 1.2}     # main sending regencies (brief)


@dataclass(frozen=True)
class Budget:
    """A budget-paid cohort: new BPU workers paid by one payer for a period."""
    payer: int
    first: str                       # first paid month
    last: str | None                 # last paid month; None = renewed through as_of
    workers: int = 0                 # at 1,000,000 members
    regencies: tuple[str, ...] = ()  # empty: all, by informal workforce
    quotas: tuple[tuple[str, int], ...] = ()      # fixed workers per regency
    per_village: tuple[tuple[str, int], ...] = ()  # workers per desa, by regency
    fishers: bool = False


BUDGETS = (
    # D: Dasa Cita, APBD 2025 funds 100 ribu vulnerable workers (JKK+JKM); quota of
    # electoral district 7: Malaka 4,475, Belu 2,069, TTU 1,174 (radarperbatasan 2025)
    Budget(PROV, "2025-01", "2025-12", 100_000,
           quotas=(("53.21", 4_475), ("53.04", 2_069), ("53.03", 1_174))),
    Budget(PROV, "2026-01", "2026-12", 50_000),  # D: 2026 50,000 workers, Rp10.08 miliar
    Budget(KAB, "2025-07", None, 14_880, ("53.03",)),  # D: TTU from 7 Jul 2025
    Budget(KAB, "2024-01", "2024-12", 2_000, ("53.18",)),  # brief (invented, small)
    Budget(KAB, "2026-01", "2026-12", 3_000, ("53.15",)),  # brief (invented, small)
    # D: governor's circular, >= 100 vulnerable workers per village from Dana Desa 2023
    # (Pemkab Belu); Rote Ndao 50 per village from APBDes (2023: 50 x 112 = 5,600)
    Budget(DESA, "2023-01", "2023-12", per_village=(("53.04", 100), ("53.14", 50), ("53.21", 100))),
    Budget(DESA, "2024-01", "2024-12", per_village=(("53.04", 100), ("53.17", 100))),
    Budget(CSR, "2022-01", "2022-12", 3_000, ("53.71", "53.01", "53.06"), fishers=True),  # brief
    Budget(CSR, "2023-01", "2023-12", 2_000, ("53.71", "53.07"), fishers=True),  # brief
)

# Claims, D: NTT 2022 paid JHT Rp342.9 miliar (35,717 cases), JKM 983 cases, JKK 218
# cases Rp3.65 miliar, JP 2,628 cases Rp1.97 miliar. Year factors on money: 2023
# Rp402 miliar (D); 2020 set so that Jan-Aug 2020 ~ Rp99 miliar (D, KiblatNTT);
# the other years are a smooth guess (brief). 2022 is 1.05 because claims filed
# late in a year are paid (and filed under) the next.
CLAIMS_2022 = {"JHT": 35_717, "JKM": 983, "JKK": 218, "JP": 2_628}
CLAIM_YEAR_FACTOR = {2018: 0.31, 2019: 0.34, 2020: 0.385, 2021: 0.68, 2022: 1.05,
                     2023: 1.04, 2024: 1.10, 2025: 1.15, 2026: 1.20}
JHT_MONTHS = 46                             # median months of JHT balance (tuned to ~Rp9.6 juta, D 2022)
JKM_BENEFIT = 42_000_000                    # C: PP 82/2019, 20 + 12 + 10 juta
JKK_CAUSES = ("Kecelakaan lalu lintas", "Jatuh dari pohon", "Tertimpa", "Terluka alat kerja",
              "Terjatuh saat bekerja", "Tenggelam saat melaut", "Diseruduk ternak")
JKK_CAUSE_P = (0.34, 0.16, 0.12, 0.16, 0.12, 0.05, 0.05)
BSU_RECIPIENTS, BSU_TRANCHE = 52_000, 1_200_000  # C: ~52,000 NTT workers; 2 x Rp1.2 juta

OCCUPATIONS = {  # free text as written; groups are sectors.csv codes or segments.
    # Every spelling maps by data/occupations.csv keywords except 'lainnya' and two of PMI.
    "pertanian": ["Petani", "PETANI", "petani", "Petani jagung", "PETANI JAGUNG", "Petani padi",
                  "Buruh tani", "Petani sawah", "Petani sayur"],
    "perkebunan": ["Petani kopi", "Petani kemiri", "Pekebun", "PEKEBUN", "Penyadap lontar", "Buruh kebun"],
    "peternakan": ["Peternak", "Peternak sapi", "peternak babi", "PETERNAK AYAM", "Peternak kambing"],
    "perikanan": ["Nelayan", "nelayan", "NELAYAN", "Petani rumput laut", "Pembudidaya ikan"],
    "industri_rumahan": ["Penenun", "penenun", "Penenun ikat", "Pengrajin anyaman", "Penjahit",
                         "Perajin gerabah"],
    "perdagangan": ["Pedagang", "Pedagang kios", "pedagang sayur", "Pedagang ikan", "Wiraswasta",
                    "PEDAGANG", "Penjual kue"],
    "transportasi": ["Tukang ojek", "tukang ojek", "Sopir", "Sopir angkot", "Supir truk",
                     "Pengemudi ojek online"],
    "konstruksi": ["Buruh bangunan", "Tukang batu", "Tukang kayu", "Kuli bangunan"],
    "jasa": ["Guru honorer", "Montir", "Tukang cukur", "Pembantu rumah tangga", "Perangkat desa", "Salon"],
    "lainnya": ["serabutan", "Serabutan", "Pekerja lepas", "Mengurus rumah tangga"],
    "PU": ["Karyawan swasta", "KARYAWAN SWASTA", "Karyawan", "Pegawai swasta", "Guru", "Karyawan toko",
           "Pegawai honorer", "Sopir", "Karyawan hotel", "Pegawai kantor"],
    "JAKON": ["Buruh bangunan", "Tukang batu", "Tukang kayu", "Mandor konstruksi", "Pekerja konstruksi"],
    "PMI": ["Pekerja migran", "Buruh kebun", "Pembantu rumah tangga", "Pekerja pabrik"],
}
MALE = ("Yohanes", "Yosef", "Petrus", "Paulus", "Agustinus", "Fransiskus", "Markus", "Yakobus",
        "Dominikus", "Aloysius", "Stefanus", "Kornelis", "Benediktus", "Martinus", "Simon", "Daniel",
        "Yusuf", "Abdul", "Muhammad", "Umbu", "Fredrik", "Hendrik", "Melkianus", "Ferdinandus",
        "Arnoldus", "Vinsensius", "Gabriel", "Siprianus", "Yeremias", "Marthen")
FEMALE_NAMES = ("Maria", "Yuliana", "Margaretha", "Agustina", "Elisabeth", "Veronika", "Theresia",
                "Fransiska", "Katarina", "Anastasia", "Yasinta", "Marselina", "Rambu", "Ester", "Ruth",
                "Naomi", "Debora", "Yohana", "Siti", "Nurhayati", "Filomena", "Wilhelmina", "Paulina",
                "Modesta", "Roswita", "Oktovina", "Sarlota")
SURNAMES = ("Nggadas", "Bria", "Tefa", "Seran", "Nahak", "Bere", "Fanggidae", "Ndoen", "Kause", "Lake",
            "Nenobais", "Taolin", "Manek", "Klau", "Mau", "Lay", "Nggebu", "Dethan", "Messakh", "Pello",
            "Tallo", "Ratu", "Wadu", "Kaka", "Lero", "Laka", "Kewa", "Lamablawa", "Lewar", "Making",
            "Liwu", "Da Costa", "Fernandez", "Parera", "Goncalves", "Djawa", "Nipu", "Hina", "Mbani",
            "Ndapa", "Wolo", "Wangge", "Bata", "Nai", "Pandie", "Sinlae", "Baun", "Tanesib", "Banunaek")
EXTRA_PII = {"kpj": "No. KPJ", "birth_date": "Tgl Lahir", "address": "Alamat", "phone": "No HP"}
FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------- time helpers
def month_index(label: str) -> int:
    return int((np.datetime64(label, "M") - M0).astype(int))


def first_day(m) -> np.ndarray:
    """Day number (days since 1970-01-01) of the first day of month index m."""
    return (M0 + np.asarray(m)).astype("datetime64[D]").astype(np.int64)


def days_in(m) -> np.ndarray:
    return first_day(np.asarray(m) + 1) - first_day(m)


def year_of(m) -> np.ndarray:
    return 2016 + np.asarray(m) // 12


# ---------------------------------------------------------------- the world
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
    codes, pop = w.reg.kemendagri_code, w.reg.population_2024
    informal = w.reg.informal_workforce_est
    if seg == BPU:
        base, boost = informal, INFORMAL_BOOST
    elif seg == PU:
        base, boost = pop - informal, FORMAL_BOOST
    else:
        base, boost = pop, JAKON_BOOST if seg == JAKON else PMI_BOOST
    wt = base.to_numpy() * codes.map(lambda c: boost.get(c, 1.0)).to_numpy()
    return wt / wt.sum()


# ---------------------------------------------------------------- people
def pick_villages(w: World, rng, reg: np.ndarray, urban: bool) -> np.ndarray:
    """A village of each person's regency, weighted (kelurahan favoured for wage earners)."""
    vil = np.empty(len(reg), np.int64)
    kel = np.where(w.vil.is_desa, 1.0, 3.0 if urban else 0.5)
    weight = w.vil.weight.to_numpy() * kel
    for r in np.unique(reg):
        rows = np.flatnonzero(reg == r)
        cand = np.flatnonzero(w.vil.reg_idx.to_numpy() == r)
        vil[rows] = rng.choice(cand, len(rows), p=weight[cand] / weight[cand].sum())
    return vil


OCC_GROUPS = list(OCCUPATIONS)
OCC_TEXT = [t for g in OCC_GROUPS for t in OCCUPATIONS[g]]
OCC_START = np.cumsum([0] + [len(OCCUPATIONS[g]) for g in OCC_GROUPS])


def occupations(rng, n: int, groups: list[str], p=None) -> np.ndarray:
    """Index into OCC_TEXT: a group (sector), then one of its spellings."""
    gi = np.array([OCC_GROUPS.index(g) for g in groups])
    g = gi[rng.choice(len(gi), n, p=p)]
    size = OCC_START[g + 1] - OCC_START[g]
    return OCC_START[g] + (rng.random(n) * size).astype(np.int64)


# How much more (or less) easily each sector's informal workers are reached than
# average: an assumption of the demo (traders, drivers and town services are
# nearer to BPJS offices and payment points than farmers, herders and fishers),
# so that the sector page shows uneven coverage as real data would.
REACH = {"pertanian": 0.85, "perkebunan": 0.75, "peternakan": 0.65, "perikanan": 0.8,
         "industri_rumahan": 1.0, "perdagangan": 1.4, "transportasi": 1.8, "konstruksi": 1.2,
         "jasa": 1.2, "lainnya": 1.0}


def bpu_occupations(rng, n: int) -> np.ndarray:
    """Sector mix: sectors.csv informal_share_est (B: agriculture ~60% of informal work)
    weighted by REACH."""
    sec = pd.read_csv(DATA / "sectors.csv")
    p = sec.informal_share_est.to_numpy() * sec.sector_code.map(REACH).fillna(1.0).to_numpy()
    return occupations(rng, n, sec.sector_code.tolist(), p / p.sum())


def people(w: World, rng, seg: int, reg, start, *, vil=None, reg_day=None, occ=None,
           budget: bool = False) -> dict:
    """Member attributes for one cohort; start = first paid month of each person."""
    n = len(reg)
    start = np.asarray(start)
    if reg_day is None:
        reg_day = first_day(start) + (rng.random(n) * days_in(start)).astype(np.int64)
    lo, hi = AGE[seg]
    age_days = (rng.uniform(lo, hi + 1, n) * 365.25).astype(np.int64)
    income, jht = incomes(rng, seg, n, budget)
    if occ is None:
        occ = bpu_occupations(rng, n) if seg == BPU else occupations(rng, n, [SEGMENT_CODE[seg]])
    return {"seg": np.full(n, seg, np.int8), "reg": np.asarray(reg, np.int64),
            "vil": pick_villages(w, rng, reg, seg in (PU, JAKON)) if vil is None else vil,
            "female": rng.random(n) < FEMALE[seg], "reg_day": reg_day, "birth": reg_day - age_days,
            "income": income, "jht": jht, "occ": occ}


def incomes(rng, seg: int, n: int, budget: bool) -> tuple[np.ndarray, np.ndarray]:
    """Declared income or wage (Rupiah) and whether the member takes JHT."""
    if budget:
        return np.full(n, 1_000_000), np.zeros(n, bool)
    if seg == BPU:
        return rng.choice(BPU_INCOMES, n, p=BPU_INCOME_P), rng.random(n) < BPU_JHT_SHARE
    median = {PU: 2.6e6, JAKON: 2.4e6, PMI: 4.0e6}[seg]
    wage = np.maximum(np.round(rng.lognormal(np.log(median), 0.45, n), -3), 1_000_000).astype(np.int64)
    jht = np.ones(n, bool) if seg == PU else rng.random(n) < (0.3 if seg == PMI else 0.0)
    return wage, jht


def monthly_fee(seg, income, jht) -> np.ndarray:
    """Contribution per month (C: BPU 1% JKK, min 10,000, + JKM 6,800 + JHT 2%)."""
    bpu = np.maximum(income // 100, 10_000) + 6_800 + np.where(jht, income * 2 // 100, 0)
    return np.select([seg == PU, seg == JAKON], [np.round(income * PU_RATE), np.round(income * JAKON_RATE)],
                     bpu).astype(np.int64)


# ---------------------------------------------------------------- spells
def geometric(rng, n: int, median: float) -> np.ndarray:
    return rng.geometric(1 - 0.5 ** (1 / median), n)


def bpu_length(rng, n: int) -> np.ndarray:
    """Self-paid BPU spells: a steady minority and many who stop after a few months."""
    steady = rng.random(n) < BPU_STEADY_SHARE
    return np.where(steady, geometric(rng, n, BPU_STEADY_MEDIAN), geometric(rng, n, BPU_LAPSE_MEDIAN))


def spell_length(rng, seg: int, n: int) -> np.ndarray:
    if seg == BPU:
        return bpu_length(rng, n)
    if seg == PU:
        return geometric(rng, n, PU_MEDIAN)
    if seg == JAKON:
        return rng.integers(3, 13, n)              # brief: project duration 3-12 months
    return np.full(n, 24)                          # PMI: a 24-month placement


def month_weights(w: World, seg: int) -> np.ndarray:
    """Registration months. BPU: slow before the Aug 2020 push (D), faster after,
    faster again with the 2025-2026 budget programmes (brief)."""
    m = np.arange(w.last + 1)
    aug20, jan25 = month_index("2020-08"), month_index("2025-01")
    if seg == BPU:
        wt = np.select([m < aug20, m < jan25], [1.0, 2.2], BPU_RECENT_WEIGHT)
        wt[(m >= aug20) & (m <= aug20 + 4)] *= 1.5
    elif seg == PU:
        wt = np.where(m < 12, 3.0, 1.0) * np.where((m >= 51) & (m <= 59), 0.6, 1.0)
    elif seg == JAKON:
        wt = np.where(np.isin(m % 12, [4, 5, 6, 7, 8, 9]), 1.5, 1.0)   # dry season
    else:
        wt = np.where((m >= 51) & (m <= 71), 0.3, 1.0)                  # borders shut 2020-21
    return wt / wt.sum()


def open_cohort(w: World, seg: int, n: int) -> tuple[dict, dict]:
    """Members registering month by month, paying themselves or by employer."""
    rng = w.rng(f"cohort-{seg}")
    reg = rng.choice(len(w.reg), n, p=regency_weights(w, seg))
    start = rng.choice(w.last + 1, n, p=month_weights(w, seg))
    end = np.minimum(start + spell_length(rng, seg, n) - 1, w.last)
    payer = np.full(n, PK if seg in (PU, JAKON) else MANDIRI, np.int8)
    return people(w, rng, seg, reg, start), spells(np.arange(n), start, end, payer)


def spells(mem, start, end, payer) -> dict:
    return {"mem": np.asarray(mem, np.int64), "start": np.asarray(start, np.int64),
            "end": np.asarray(end, np.int64), "payer": np.asarray(payer, np.int8)}


def budget_regencies(w: World, rng, b: Budget) -> tuple[np.ndarray, np.ndarray | None]:
    """Regency (and village for per-village cohorts) of each worker of a budget cohort."""
    if b.per_village:
        vil = []
        for code, per in b.per_village:
            desa = np.flatnonzero((w.vil.reg_idx == w.reg_idx(code)) & w.vil.is_desa)
            total = int(round(len(desa) * per * w.scale))
            vil.append(rng.permutation(desa)[np.arange(total) % len(desa)])
        vil = np.concatenate(vil)
        return w.vil.reg_idx.to_numpy()[vil], vil
    fixed = [np.full(int(round(q * w.scale)), w.reg_idx(c)) for c, q in b.quotas]
    rest = int(round(b.workers * w.scale)) - sum(map(len, fixed))
    pool = [w.reg_idx(c) for c in b.regencies] or [i for i in range(len(w.reg))
                                                   if w.reg.kemendagri_code[i] not in dict(b.quotas)]
    p = regency_weights(w, BPU)[pool]
    return np.concatenate(fixed + [rng.choice(pool, max(rest, 0), p=p / p.sum())]), None


def budget_cohort(w: World, b: Budget) -> tuple[dict, dict] | None:
    first = month_index(b.first)
    if first > w.last:
        return None
    rng = w.rng(f"budget-{b.payer}-{b.first}")
    reg, vil = budget_regencies(w, rng, b)
    n = len(reg)
    reg_day = first_day(first) + rng.integers(-17, 20, n)   # registered mid-Dec .. mid-Jan
    occ = occupations(rng, n, ["perikanan"]) if b.fishers else None
    end = w.last if b.last is None else min(month_index(b.last), w.last)
    who = people(w, rng, BPU, reg, np.full(n, first), vil=vil, reg_day=reg_day, occ=occ, budget=True)
    return who, spells(np.arange(n), np.full(n, first), np.full(n, end), np.full(n, b.payer))


def concat_cohorts(cohorts: list[tuple[dict, dict]]) -> tuple[dict, dict]:
    offsets = np.cumsum([0] + [len(c[0]["seg"]) for c in cohorts])
    mem = {k: np.concatenate([c[0][k] for c in cohorts]) for k in cohorts[0][0]}
    sp = {k: np.concatenate([c[1][k] + (offsets[i] if k == "mem" else 0) for i, c in enumerate(cohorts)])
          for k in cohorts[0][1]}
    return mem, sp


def population(w: World, members: int) -> tuple[dict, dict]:
    """All members with their first spells, then continuations and reactivations."""
    counts = np.floor(np.array(SEGMENT_SHARE) * members).astype(int)
    counts[BPU] += members - counts.sum()
    budget = [c for c in (budget_cohort(w, b) for b in BUDGETS) if c is not None]
    n_budget = sum(len(c[0]["seg"]) for c in budget)
    if n_budget > counts[BPU]:
        raise ValueError(f"{members} members are too few for the budget cohorts")
    cohorts = [open_cohort(w, PU, counts[PU]), open_cohort(w, BPU, counts[BPU] - n_budget),
               *budget, open_cohort(w, JAKON, counts[JAKON]), open_cohort(w, PMI, counts[PMI])]
    mem, sp = concat_cohorts(cohorts)
    sp = append(sp, continue_after_budget(w, sp))
    sp = deaths(w, mem, append(sp, reactivate(w, mem, sp)))
    order = np.lexsort((sp["start"], sp["mem"]))
    return mem, {k: v[order] for k, v in sp.items()}


def append(sp: dict, more: dict) -> dict:
    return {k: np.concatenate([sp[k], more[k]]) for k in sp}


def continue_after_budget(w: World, sp: dict) -> dict:
    """Some budget-paid workers keep paying themselves when the budget year ends."""
    rng = w.rng("continue")
    ended = np.isin(sp["payer"], BUDGET_PAYERS) & (sp["end"] < w.last)
    keep = ended & (rng.random(len(ended)) < BUDGET_CONTINUE)
    start = sp["end"][keep] + 1
    end = np.minimum(start + bpu_length(rng, len(start)) - 1, w.last)
    return spells(sp["mem"][keep], start, end, np.full(len(start), MANDIRI))


def last_spells(sp: dict) -> np.ndarray:
    """Index of each member's latest spell (the one that starts last)."""
    order = np.lexsort((sp["start"], sp["mem"]))
    mem = sp["mem"][order]
    return order[np.r_[np.flatnonzero(mem[1:] != mem[:-1]), len(mem) - 1]]


def reactivate(w: World, mem: dict, sp: dict) -> dict:
    """A share of lapsed members start paying again after a gap (a new spell)."""
    rng = w.rng("reactivate")
    last = last_spells(sp)
    seg = mem["seg"][sp["mem"][last]]
    p = np.select([seg == s for s in REACTIVATE], list(REACTIVATE.values()))
    gap = np.select([seg == s for s in REACTIVATE], [geometric(rng, len(last), REACTIVATE_GAP[s])
                                                     for s in REACTIVATE])
    start = sp["end"][last] + 1 + gap
    ok = (sp["end"][last] < w.last) & (rng.random(len(last)) < p) & (start <= w.last)
    seg, start = seg[ok], start[ok]
    length = np.select([seg == s for s in range(4)], [spell_length(rng, s, len(seg)) for s in range(4)])
    payer = np.where(np.isin(seg, [PU, JAKON]), PK, MANDIRI)
    return spells(sp["mem"][last][ok], start, np.minimum(start + length - 1, w.last), payer)


# ---------------------------------------------------------------- NIK, names
def make_niks(w: World, mem: dict) -> np.ndarray:
    """16 digits: Kemendagri regency (4), district (2), birth DDMMYY with +40 on DD
    for women (6), serial (4). The serial counts within district part + birth date
    across regencies, so the last 12 digits alone are unique."""
    b = pd.to_datetime(mem["birth"], unit="D")
    dd = b.day.to_numpy() + np.where(mem["female"], 40, 0)
    ddmmyy = dd * 10_000 + b.month.to_numpy() * 100 + b.year.to_numpy() % 100
    dist = w.vil.dist_part.to_numpy()[mem["vil"]]
    key = dist * 1_000_000 + ddmmyy
    serial = pd.Series(key).groupby(key).cumcount().to_numpy() + 1
    reg4 = w.reg.kemendagri_code.str.replace(".", "").astype(np.int64).to_numpy()[mem["reg"]]
    nik = ((reg4 * 100 + dist) * 1_000_000 + ddmmyy) * 10_000 + serial
    outside = w.rng("nik-outside").choice(len(nik), max(1, round(len(nik) * 0.0004)), replace=False)
    nik[outside] = 5171 * 10**12 + nik[outside] % 10**12   # dirty but valid: issued in Denpasar
    return nik


def make_names(w: World, female: np.ndarray) -> pa.Array:
    rng = w.rng("names")
    n = len(female)
    first = np.where(female, len(MALE) + rng.integers(0, len(FEMALE_NAMES), n), rng.integers(0, len(MALE), n))
    name = pc.binary_join_element_wise(pa.array(MALE + FEMALE_NAMES).take(first),
                                       pa.array(SURNAMES).take(rng.integers(0, len(SURNAMES), n)), " ")
    return pc.if_else(pa.array(rng.random(n) < 0.35), pc.utf8_upper(name), name)


# ---------------------------------------------------------------- formatting
def fmt_days(days: np.ndarray, fmt: str = "%d/%m/%Y") -> pa.Array:
    """Day numbers -> text, through a lookup table of the distinct days."""
    days = np.asarray(days, np.int64)
    lo = int(days.min()) if len(days) else 0
    span = np.arange(lo, (int(days.max()) if len(days) else 0) + 1)
    labels = pd.to_datetime(span, unit="D").strftime(fmt).tolist()
    return pa.array(labels, pa.string()).take(pa.array(days - lo))


def fmt_months(m: np.ndarray, fmt: str = "%Y-%m") -> pa.Array:
    return fmt_days(first_day(m), fmt)


def fmt_money(values: np.ndarray, prefix: str = "") -> pa.Array:
    """Indonesian money text: 1234567 -> '1.234.567' (with prefix 'Rp ' if asked)."""
    uniq, inv = np.unique(np.asarray(values, np.int64), return_inverse=True)
    labels = [prefix + f"{v:,}".replace(",", ".") for v in uniq.tolist()]
    return pa.array(labels, pa.string()).take(pa.array(inv.ravel()))


def text(values) -> pa.Array:
    return pa.array(np.asarray(values)).cast(pa.string())


def lookup(labels, idx) -> pa.Array:
    return pa.array(list(labels), pa.string()).take(pa.array(np.asarray(idx, np.int64)))


def regency_variants(w: World) -> list[list[str]]:
    """20 equally likely spellings per regency: 11 official name, 4 upper case,
    2 alias, 2 Kemendagri code, 1 BPS code (brief: ~55/20/10/10/5%)."""
    out = []
    for r in w.reg.itertuples():
        alias = [a for a in r.aliases.split("|") if a and a != r.name]
        if r.name.startswith("Kabupaten"):
            alias.append(f"Kab. {r.short_name}")
        out.append([r.name] * 11 + [r.name.upper()] * 4 + [alias[0], alias[-1]]
                   + [r.kemendagri_code] * 2 + [r.bps_code])
    return out


def regency_text(w: World, reg: np.ndarray, style: str, rng=None) -> pa.Array:
    """One spelling per file (style = a regencies.csv column, or 'upper'), or 'mixed'."""
    if style == "mixed":
        variants = [v for row in regency_variants(w) for v in row]
        return lookup(variants, reg * 20 + rng.integers(0, 20, len(reg)))
    labels = w.reg.name.str.upper() if style == "upper" else w.reg[style]
    return lookup(labels, reg)


def programme_text(seg: np.ndarray, jht: np.ndarray) -> pa.Array:
    labels = ["JKK+JKM", "JKK+JKM+JHT", "JKK+JKM+JHT+JP"]
    return lookup(labels, np.where(seg == PU, 2, jht.astype(int)))


# ---------------------------------------------------------------- writing
def write_csv(path: Path, table: pa.Table, sep: str = ",", bom: bool = False) -> Path:
    """Plain CSV, quoting only the values that need it (as spreadsheet exports
    do); lines are joined by pyarrow and written straight from its buffer."""
    with path.open("wb") as f:
        f.write(("\ufeff" if bom else "").encode() + (sep.join(table.column_names) + "\n").encode())
        if table.num_rows:
            line = pc.binary_join_element_wise(*[csv_field(c, sep) for c in table.columns], sep)
            arr = pc.binary_join_element_wise(line, "\n", "").combine_chunks()
            offsets = np.frombuffer(arr.buffers()[1], np.int32)[arr.offset:arr.offset + len(arr) + 1]
            f.write(memoryview(arr.buffers()[2])[offsets[0]:offsets[-1]])
    return path


def csv_field(col, sep: str):
    needs = pc.or_(pc.match_substring(col, sep), pc.match_substring(col, '"'))
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(col, '"', '""'), '"', "")
    return pc.if_else(needs, quoted, col)


def write_xlsx(path: Path, table: pa.Table, titles: list[str], sheet: str = "Sheet1",
               native: bool = False, blank_tail: int = 0) -> Path:
    """openpyxl write-only; title rows above the header. native: dd/mm/yyyy text
    becomes date cells and 'Rp ...' text becomes numbers, as Excel exports have."""
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    for t in titles:
        ws.append([t] if t else [])
    ws.append(table.column_names)
    cols = [c.to_pylist() for c in table.columns]
    if native:
        cols = [[native_cell(v) for v in c] for c in cols]
    for row in zip(*cols):
        ws.append(list(row))
    for _ in range(blank_tail):
        ws.append([None] * len(cols))
    wb.save(path)
    return fix_zip_times(path)


DATE_TEXT = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
RP_TEXT = re.compile(r"Rp -?[\d.]+")


def native_cell(v):
    if isinstance(v, str) and DATE_TEXT.fullmatch(v):
        d, m, y = map(int, DATE_TEXT.fullmatch(v).groups())
        try:
            return dt.datetime(y, m, d)
        except ValueError:
            return v          # an impossible date stays text, as in a real export
    if isinstance(v, str) and RP_TEXT.fullmatch(v):
        return int(v[3:].replace(".", ""))
    return v


def fix_zip_times(path: Path) -> Path:
    """Make an XLSX byte-identical between runs: fixed zip entry times and
    document dates (openpyxl stamps both with the current time)."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-01-01T00:00:00Z", data)
            z.writestr(zipfile.ZipInfo(name, FIXED_ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return path


def headers(kind: str, *fields: str) -> list[str]:
    h = CONTRACTS[kind].demo_headers
    return [h.get(f) or EXTRA_PII[f] for f in fields]


# ---------------------------------------------------------------- dirty rows
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


def bump_amount(v: str) -> str:
    """'Rp 663.200' -> 'Rp 763.200': the same claim number with another amount."""
    return fmt_money(np.array([int(v[3:].replace(".", "")) + 100_000]), "Rp ")[0].as_py()


def negative(v: str) -> str:
    return v.replace("Rp ", "Rp -") if v.startswith("Rp ") else "-" + v


# ---------------------------------------------------------------- members file
def member_table(w: World, mem: dict, sp: dict, nik: np.ndarray, names: pa.Array) -> pa.Table:
    rng = w.rng("member-text")
    n = len(nik)
    last = last_spells(sp)
    vil = mem["vil"]
    n_dist, n_vil = len(w.dist), len(w.vil)
    cols = {
        "nik": text(nik), "kpj": text(16_000_000_000 + np.arange(n) * 37 + rng.integers(0, 37, n)),
        "name": names, "birth_date": fmt_days(mem["birth"]), "registered_date": fmt_days(mem["reg_day"]),
        "regency": regency_text(w, mem["reg"], "mixed", rng),
        "district": lookup(list(w.dist.name) + list(w.dist.code),
                           w.vil.dist_idx.to_numpy()[vil] + n_dist * (rng.random(n) < 0.5)),
        "village": lookup(list(w.vil.name) + list(w.vil.code), vil + n_vil * (rng.random(n) < 0.5)),
        "address": addresses(w, rng, vil),
        "phone": pc.binary_join_element_wise("0", text(81_200_000_000 + rng.integers(0, 8 * 10**8, n)), ""),
        "segment": segment_text(rng, mem["seg"]), "occupation": lookup(OCC_TEXT, mem["occ"]),
        "payer": lookup(PAYER_TEXT, sp["payer"][last]),
        "last_paid_month": fmt_months(sp["end"][last], "%m/%Y"),
        "declared_income_rp": fmt_money(mem["income"]),
        "programmes": programme_text(mem["seg"], mem["jht"]),
    }
    order = np.lexsort((np.arange(n), mem["reg_day"]))
    return pa.table(dict(zip(headers("members", *cols), cols.values()))).take(pa.array(order))


def segment_text(rng, seg: np.ndarray) -> pa.Array:
    flat = [t for row in SEGMENT_TEXT for t in row]
    return lookup(flat, seg.astype(np.int64) * 10 + rng.integers(0, 10, len(seg)))


def addresses(w: World, rng, vil: np.ndarray) -> pa.Array:
    rtrw = [f"RT {rt:03d}/RW {rw:03d}" for rt in range(1, 16) for rw in range(1, 9)]
    place = [("Desa " if d else "Kel. ") + nm for d, nm in zip(w.vil.is_desa, w.vil.name)]
    return pc.binary_join_element_wise(lookup(rtrw, rng.integers(0, len(rtrw), len(vil))),
                                       lookup(place, vil), ", ")


def dirty_members(w: World, table: pa.Table) -> pa.Table:
    """~0.3% invalid rows, each clearly wrong (see the brief)."""
    rng = w.rng("dirty-members")
    k = max(1, round(table.num_rows * 0.003 / 7))
    h = CONTRACTS["members"].demo_headers
    reg = pc.utf8_upper(table[h["regency"]]).to_numpy(zero_copy_only=False)
    kupang = np.isin(reg, ["KABUPATEN KUPANG", "KOTA KUPANG", "53.01", "53.71"])
    keep = ~pc.starts_with(table[h["nik"]], "5171").to_numpy(zero_copy_only=False)   # stay valid
    edits = [(h["nik"], excel_nik, k), (h["nik"], lambda v: v[:15], k),
             (h["registered_date"], lambda v: "31/02/2021", k),
             (h["regency"], lambda v: "Kabupaten Atlantis", (k + 1) // 2),
             (h["regency"], lambda v: "53.99", k // 2 or 1),
             (h["regency"], lambda v: "Kupang", k), (h["segment"], lambda v: "XYZ", k)]
    table, used = corrupt(table, rng, edits, {i: keep & (kupang if i == 5 else True) for i in range(7)})
    return duplicate(table, rng, k, used)


# ---------------------------------------------------------------- contributions
def spell_rows(w: World, mem: dict, sp: dict, nik: np.ndarray, names: pa.Array, rows: np.ndarray,
               reg_style: str, money_prefix: str | None) -> pa.Table:
    m = sp["mem"][rows]
    seg, months = mem["seg"][m], sp["end"][rows] - sp["start"][rows] + 1
    fee = monthly_fee(seg, mem["income"][m], mem["jht"][m])
    amount = np.where(seg == PMI, PMI_FEE, months * fee)
    cols = {"nik": text(nik[m]), "name": names.take(pa.array(m)),
            "period_start": fmt_months(sp["start"][rows]), "period_end": fmt_months(sp["end"][rows]),
            "amount_rp": text(amount) if money_prefix is None else fmt_money(amount, money_prefix),
            "payer": lookup(PAYER_TEXT, sp["payer"][rows]),
            "regency": regency_text(w, mem["reg"][m], reg_style),
            "programmes": programme_text(seg, mem["jht"][m])}
    return pa.table(dict(zip(headers("contributions", *cols), cols.values())))


def split_budget_years(sp: dict) -> dict:
    """Budget-paid spells become one row per budget year (Jan..Dec pieces)."""
    budget = np.flatnonzero(np.isin(sp["payer"], BUDGET_PAYERS))
    y0, y1 = year_of(sp["start"][budget]), year_of(sp["end"][budget])
    rep = np.repeat(budget, y1 - y0 + 1)
    k = np.arange(len(rep)) - np.repeat(np.cumsum(y1 - y0 + 1) - (y1 - y0 + 1), y1 - y0 + 1)
    year = np.repeat(y0, y1 - y0 + 1) + k
    start = np.maximum(sp["start"][rep], (year - 2016) * 12)
    end = np.minimum(sp["end"][rep], (year - 2016) * 12 + 11)
    return spells(sp["mem"][rep], start, end, sp["payer"][rep])


def write_contributions(w: World, out: Path, mem, sp, nik, names) -> list[Path]:
    rng = w.rng("dirty-contributions")
    rows = np.flatnonzero(np.isin(sp["payer"], [MANDIRI, PK]))
    rows = rows[np.lexsort((sp["mem"][rows], sp["start"][rows]))]
    t = spell_rows(w, mem, sp, nik, names, rows, "upper", None)
    h = CONTRACTS["contributions"].demo_headers
    t, used = corrupt(t, rng, [(h["nik"], excel_nik, 1), (h["amount_rp"], negative, 1),
                               (h["period_start"], lambda v: "2021-13", 1),
                               (h["regency"], lambda v: "Kabupaten Atlantis", 1)])
    paths = [write_csv(out / "iuran_mandiri_pemberi_kerja.csv", duplicate(t, rng, 2, used))]
    return paths + write_budget_files(w, out, mem, split_budget_years(sp), nik, names, rng)


BUDGET_REGENCY_STYLE = {PROV: "label", KAB: "name", DESA: "kemendagri_code", CSR: "bps_code"}


def write_budget_files(w: World, out: Path, mem, sp, nik, names, rng) -> list[Path]:
    """One file per payer and budget year; the small ones in XLSX_BUDGET_FILES as
    spreadsheets with title rows and 'Rp' amounts."""
    paths, year = [], year_of(sp["start"])
    for payer, y in sorted(set(zip(sp["payer"].tolist(), year.tolist()))):
        rows = np.flatnonzero((sp["payer"] == payer) & (year == y))
        rows = rows[np.argsort(sp["mem"][rows], kind="stable")]
        xlsx = (payer, y) in XLSX_BUDGET_FILES
        t = spell_rows(w, mem, sp, nik, names, rows, BUDGET_REGENCY_STYLE[payer], "Rp " if xlsx else None)
        t, used = corrupt(t, rng, [(t.column_names[0], lambda v: v[:15], 1)])
        t = duplicate(t, rng, 1, used)
        stem = f"iuran_{PAYER_FILE[payer]}_{y}"
        if xlsx:
            titles = ["DAFTAR PEKERJA RENTAN PENERIMA BANTUAN IURAN",
                      f"Sumber: {PAYER_SOURCE[payer]} Tahun {y}", ""]
            paths.append(write_xlsx(out / f"{stem}.xlsx", t, titles, blank_tail=3 if payer == DESA else 0))
        else:
            paths.append(write_csv(out / f"{stem}.csv", t))
    return paths


# ---------------------------------------------------------------- claims
def es_pick(rng, weight: np.ndarray, n: int) -> np.ndarray:
    """n indices drawn without replacement with probability ~ weight
    (Efraimidis-Spirakis keys), vectorised."""
    pos = np.flatnonzero(weight > 0)
    if n >= len(pos):
        return pos
    keys = np.log(rng.random(len(pos))) / weight[pos]
    return pos[np.argpartition(-keys, n)[:n]]


def claim_count(w: World, prog: str, y: int) -> int:
    factor = CLAIM_YEAR_FACTOR.get(y, 1.20 + 0.05 * (y - 2026))
    months = min(12, w.last - (y - 2016) * 12 + 1)
    return int(round(CLAIMS_2022[prog] * factor * w.scale * months / 12))


def claim_years(w: World) -> range:
    return range(2018, int(year_of(w.last)) + 1)


def year_window(w: World, y: int) -> tuple[int, int]:
    return (y - 2016) * 12, min((y - 2016) * 12 + 11, w.last)


def overlap(sp: dict, a: int, b: int) -> np.ndarray:
    return np.clip(np.minimum(sp["end"], b) - np.maximum(sp["start"], a) + 1, 0, None)


def month_within(rng, sp: dict, pick: np.ndarray, a: int, b: int) -> np.ndarray:
    """A random month of each picked spell inside the window [a, b]."""
    lo, hi = np.maximum(sp["start"][pick], a), np.minimum(sp["end"][pick], b)
    return lo + (rng.random(len(pick)) * (hi - lo + 1)).astype(np.int64)


def deaths(w: World, mem: dict, sp: dict) -> dict:
    """JKM cases (D: 983 in 2022, scaled by year): members who die while paying,
    BPU drawn 4x as often (brief: JKM is the informal programme's main benefit).
    The spell ends in the month of death, later spells are dropped, and
    mem['death'] records the month (-1: alive)."""
    rng = w.rng("deaths")
    death = np.full(len(mem["seg"]), -1)
    weight = np.where(mem["seg"][sp["mem"]] == BPU, 4.0, 1.0)
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


def claim_amounts(rng, prog: str, seg, income) -> np.ndarray:
    n = len(seg)
    if prog == "JKM":
        return np.full(n, JKM_BENEFIT)
    if prog == "JP":
        return np.round(rng.lognormal(np.log(620_000), 0.55, n), -2).astype(np.int64)
    if prog == "JHT":      # balance ~ monthly JHT x months paid (incl. years before 2016)
        monthly = np.where(seg == PU, income * 0.057, income * 0.02)
        months = np.clip(rng.lognormal(np.log(JHT_MONTHS), 0.7, n), 6, 300)
        return np.round(monthly * months * rng.uniform(1.0, 1.15, n)).astype(np.int64)
    fatal = rng.random(n) < 0.05       # C: death 48 x income + Rp22 juta (Rp70 juta at Rp1 juta)
    care = np.maximum(rng.lognormal(np.log(6.5e6), 1.0, n), 250_000)
    return np.round(np.where(fatal, 48 * income + 22_000_000, care), -2).astype(np.int64)


def claims_frame(w: World, mem: dict, sp: dict) -> pd.DataFrame:
    """All claims: member index, programme, dates (day numbers), amount, cause."""
    rng = w.rng("claims")
    parts = [claim_part(rng, mem, prog, *pick_claims(w, rng, mem, sp, prog, y))
             for y in claim_years(w) for prog in ("JHT", "JKM", "JKK", "JP")]
    df = pd.concat(parts or [claim_part(rng, mem, "JKK", *[np.zeros(0, np.int64)] * 3)], ignore_index=True)
    df = df[df.paid < first_day(w.last + 1)].sort_values(["paid", "mem", "prog"], kind="stable",
                                                         ignore_index=True)
    df["year"] = pd.to_datetime(df.paid, unit="D").dt.year
    df["seq"] = df.groupby("year").cumcount() + 1
    return df


def claim_part(rng, mem, prog, m, event, left) -> pd.DataFrame:
    seg, n = mem["seg"][m], len(m)
    filed = first_day(event) + (rng.random(n) * days_in(event)).astype(np.int64) + rng.integers(0, 21, n)
    filed = np.maximum(filed, mem["reg_day"][m] + 1)
    delay = rng.integers(14, 151, n) if prog == "JKK" else rng.integers(3, 61, n)
    age = (filed - mem["birth"][m]) / 365.25
    died = (mem["death"][m] >= 0) & (mem["death"][m] <= event)
    return pd.DataFrame({"mem": m, "prog": prog, "filed": filed, "paid": filed + delay,
                         "amount": claim_amounts(rng, prog, seg, mem["income"][m]),
                         "cause": claim_causes(rng, prog, left, age, died)})


def claim_causes(rng, prog, left, age, died) -> np.ndarray:
    """JHT while still paying: a balance from an earlier employer (resigned or
    laid off there), age 56, or the 10% partial withdrawal. JHT and JP after a
    member's death go to the heirs."""
    n = len(left)
    if prog == "JKK":
        return np.array(JKK_CAUSES)[rng.choice(len(JKK_CAUSES), n, p=JKK_CAUSE_P)]
    if prog == "JKM":
        return np.full(n, "Meninggal dunia (sakit)")
    u = rng.random(n)
    quit_ = np.where(u < 0.62, "Mengundurkan diri", "PHK")
    paying = np.where(age >= 56, "Usia 56", np.where(u < 0.88, quit_, "Klaim sebagian 10%"))
    cause = np.where(left, quit_, paying) if prog == "JHT" else np.full(n, "Berhenti bekerja (manfaat sekaligus)")
    return np.where(left & died, "Meninggal dunia", cause)


def claims_table(w: World, df: pd.DataFrame, mem, nik, names) -> pa.Table:
    m = df["mem"].to_numpy()
    ids = pc.utf8_lpad(text(df["seq"].to_numpy()), 6, "0")
    cols = {"claim_id": pc.binary_join_element_wise("KLM", text(df["year"].to_numpy()), ids, "-"),
            "nik": text(nik[m]), "name": names.take(pa.array(m)), "programme": pa.array(df["prog"].tolist()),
            "filed_date": fmt_days(df["filed"].to_numpy()), "paid_date": fmt_days(df["paid"].to_numpy()),
            "amount_rp": fmt_money(df["amount"].to_numpy(), "Rp "),
            "regency": regency_text(w, mem["reg"][m], "name"),
            "segment": lookup(SEGMENT_CODE, mem["seg"][m]), "cause": pa.array(df["cause"].tolist())}
    return pa.table(dict(zip(headers("claims", *cols), cols.values())))


def write_claims(w: World, out: Path, mem, sp, nik, names) -> list[Path]:
    df = claims_frame(w, mem, sp)
    rng, h = w.rng("dirty-claims"), CONTRACTS["claims"].demo_headers
    paths, years = [], sorted(df.year.unique().tolist())
    for y in years:
        t = claims_table(w, df[df.year == y], mem, nik, names)
        t, used = corrupt(t, rng, [(h["amount_rp"], negative, 1), (h["paid_date"], lambda v: f"31/02/{y}", 1),
                                   (h["nik"], lambda v: v[:15], 1)])
        t = duplicate(t, rng, 1, used, (h["amount_rp"], bump_amount))
        if y == years[-1]:
            title = [f"DATA KLAIM DIBAYAR BPJS KETENAGAKERJAAN WILAYAH NTT TAHUN {y}"]
            paths.append(write_xlsx(out / f"klaim_{y}.xlsx", t, title, "Klaim", native=True))
        else:
            paths.append(write_csv(out / f"klaim_{y}.csv", t))
    return paths


# ---------------------------------------------------------------- BSU 2020
def write_bsu(w: World, out: Path, mem, sp, nik, names) -> list[Path]:
    """C: BSU 2020 for wage earners under Rp5 juta active by June 2020, 2 x Rp1.2 juta."""
    june = month_index("2020-06")
    if w.last < month_index("2020-11"):
        return []
    rng = w.rng("bsu")
    on = (sp["start"] <= june) & (sp["end"] >= june) & (sp["payer"] == PK)
    m = np.unique(sp["mem"][on])
    m = m[(mem["seg"][m] == PU) & (mem["income"][m] < 5_000_000)]
    m = np.sort(rng.choice(m, min(len(m), int(round(BSU_RECIPIENTS * w.scale))), replace=False))
    day1 = first_day(month_index("2020-08")) + 23 + rng.integers(0, 38, len(m))   # 24 Aug - 30 Sep
    day2 = first_day(month_index("2020-10")) + rng.integers(0, 61, len(m))        # Oct - Nov
    both, n = np.concatenate([m, m]), len(m)
    cols = {"nik": text(nik[both]), "name": names.take(pa.array(both)), "scheme": lookup(["BSU 2020"], np.zeros(2 * n)),
            "tranche": text(np.repeat([1, 2], n)), "paid_date": fmt_days(np.concatenate([day1, day2])),
            "amount_rp": fmt_money(np.full(2 * n, BSU_TRANCHE)),
            "regency": regency_text(w, mem["reg"][both], "upper")}
    t = pa.table(dict(zip(headers("subsidies", *cols), cols.values())))
    h = CONTRACTS["subsidies"].demo_headers
    t, used = corrupt(t, rng, [(h["nik"], excel_nik, 1), (h["paid_date"], lambda v: "31/09/2020", 1)])
    return [write_csv(out / "bsu_2020.csv", duplicate(t, rng, 1, used))]


# ---------------------------------------------------------------- entry point
def generate(out_dir: Path, members: int = 1_000_000, seed: int = 7, as_of: str = "2026-10",
             progress=print) -> list[Path]:
    """Write the demo raw files into out_dir and return their paths. Files are
    byte-identical for the same (members, seed, as_of)."""
    t0 = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    w = load_world(members, seed, as_of)
    mem, sp = population(w, members)
    nik, names = make_niks(w, mem), make_names(w, mem["female"])
    progress(f"demo: {members:,} members and {len(sp['mem']):,} contribution spells drawn "
             f"({time.perf_counter() - t0:.1f} s)")
    t = dirty_members(w, member_table(w, mem, sp, nik, names))
    paths = [write_csv(out / f"peserta_{as_of}.csv", t, sep=";", bom=True)]
    progress(f"demo: members {t.num_rows:,} rows written ({time.perf_counter() - t0:.1f} s)")
    for label, writer in (("contributions", write_contributions), ("claims", write_claims),
                          ("subsidies", write_bsu)):
        new = writer(w, out, mem, sp, nik, names)
        paths += new
        progress(f"demo: {label} {len(new)} file(s) written ({time.perf_counter() - t0:.1f} s)")
    return paths
