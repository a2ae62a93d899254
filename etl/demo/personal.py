"""Personal fields, all fake: NIK, names, birth dates, addresses, phone and KPJ
numbers. They look like NTT's (Kemendagri codes in the NIK, local first names
and clan names) so the ETL's pseudonymisation and checks meet realistic values."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from etl.demo import facts
from etl.demo.world import World

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
OUTSIDE_NTT_SHARE = 0.0004      # brief: NIKs issued elsewhere (Denpasar, 51.71)


def birth_days(rng, seg: int, reg_day: np.ndarray) -> np.ndarray:
    """Day number of birth: an age in the segment's range at registration."""
    lo, hi = facts.AGE[seg]
    return reg_day - (rng.uniform(lo, hi + 1, len(reg_day)) * 365.25).astype(np.int64)


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
    outside = w.rng("nik-outside").choice(len(nik), max(1, round(len(nik) * OUTSIDE_NTT_SHARE)), replace=False)
    nik[outside] = 5171 * 10**12 + nik[outside] % 10**12   # dirty but valid: issued in Denpasar
    return nik


def make_names(w: World, female: np.ndarray) -> pa.Array:
    """First name by sex and a clan name; about a third written in capitals."""
    rng = w.rng("names")
    n = len(female)
    first = np.where(female, len(MALE) + rng.integers(0, len(FEMALE_NAMES), n), rng.integers(0, len(MALE), n))
    name = pc.binary_join_element_wise(pa.array(MALE + FEMALE_NAMES).take(first),
                                       pa.array(SURNAMES).take(rng.integers(0, len(SURNAMES), n)), " ")
    return pc.if_else(pa.array(rng.random(n) < 0.35), pc.utf8_upper(name), name)


def kpj_numbers(rng, n: int) -> pa.Array:
    """BPJS membership card numbers (KPJ), increasing with the member index."""
    return pa.array(16_000_000_000 + np.arange(n) * 37 + rng.integers(0, 37, n)).cast(pa.string())


def addresses(w: World, rng, vil: np.ndarray) -> pa.Array:
    """'RT 003/RW 002, Desa <name>' (Kel. for a kelurahan)."""
    rtrw = [f"RT {rt:03d}/RW {rw:03d}" for rt in range(1, 16) for rw in range(1, 9)]
    place = [("Desa " if d else "Kel. ") + nm for d, nm in zip(w.vil.is_desa, w.vil.name)]
    rows = pa.array(rng.integers(0, len(rtrw), len(vil)))
    return pc.binary_join_element_wise(pa.array(rtrw).take(rows), pa.array(place).take(pa.array(vil)), ", ")


def phones(rng, n: int) -> pa.Array:
    """Mobile numbers 0812..."""
    return pc.binary_join_element_wise("0", pa.array(81_200_000_000 + rng.integers(0, 8 * 10**8, n))
                                       .cast(pa.string()), "")
