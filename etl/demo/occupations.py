"""Occupations as members write them: free text grouped by sector (data/sectors.csv
codes) or segment, and the BPU sector mix."""
from __future__ import annotations

import numpy as np
import pandas as pd

from etl.settings import DATA

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
OCC_GROUPS = list(OCCUPATIONS)
OCC_TEXT = [t for g in OCC_GROUPS for t in OCCUPATIONS[g]]
OCC_START = np.cumsum([0] + [len(OCCUPATIONS[g]) for g in OCC_GROUPS])

# How much more (or less) easily each sector's informal workers are reached than
# average: an assumption of the demo (traders, drivers and town services are
# nearer to BPJS offices and payment points than farmers, herders and fishers),
# so that the sector page shows uneven coverage as real data would.
REACH = {"pertanian": 0.85, "perkebunan": 0.75, "peternakan": 0.65, "perikanan": 0.8,
         "industri_rumahan": 1.0, "perdagangan": 1.4, "transportasi": 1.8, "konstruksi": 1.2,
         "jasa": 1.2, "lainnya": 1.0}


def occupations(rng, n: int, groups: list[str], p=None) -> np.ndarray:
    """Index into OCC_TEXT: a group (sector), then one of its spellings."""
    gi = np.array([OCC_GROUPS.index(g) for g in groups])
    g = gi[rng.choice(len(gi), n, p=p)]
    size = OCC_START[g + 1] - OCC_START[g]
    return OCC_START[g] + (rng.random(n) * size).astype(np.int64)


def bpu_occupations(rng, n: int) -> np.ndarray:
    """Sector mix: sectors.csv informal_share_est (B: agriculture ~60% of informal work)
    weighted by REACH."""
    sec = pd.read_csv(DATA / "sectors.csv")
    p = sec.informal_share_est.to_numpy() * sec.sector_code.map(REACH).fillna(1.0).to_numpy()
    return occupations(rng, n, sec.sector_code.tolist(), p / p.sum())
