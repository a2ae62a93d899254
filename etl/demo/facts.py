"""The figures the demo is calibrated on, each with where it comes from.

Sections cite ../shared/reference/bpjs_facts.md (B = employment by sector,
C = BPJS facts, D = the 1-million target and NTT progress). "brief" marks this
project's own assumptions for the demo: no source gives them, and the demo must
not pass them off as facts. Figures "at 1,000,000 members" scale with the demo.
"""
from __future__ import annotations

from dataclasses import dataclass

from etl.demo.codes import CSR, DESA, KAB, PROV

# ---------------------------------------------------------------- segments
SEGMENT_SHARE = (0.45, 0.48, 0.05, 0.02)    # brief: PU, BPU, JAKON, PMI rows ever registered
FEMALE = (0.40, 0.45, 0.05, 0.55)           # brief: share of women, by segment
AGE = ((19, 50), (18, 60), (20, 55), (20, 40))   # brief: age range at registration, by segment

# ---------------------------------------------------------------- contributions
# C: BPU JKK = 1% of declared income, min Rp10,000 (PP 44/2015); JKM Rp6,800 flat;
# together Rp16,800 at the minimum income of Rp1 juta; JHT optional, 2% (PP 46/2015).
BPU_JKK_PCT, BPU_JKK_MIN, BPU_JKM_RP, BPU_JHT_PCT = 1, 10_000, 6_800, 2   # % of declared income
BPU_MIN_INCOME = 1_000_000                   # C: implied by the JKK minimum (derived)
# The income brackets of PP 44/2015 Lampiran II were not found (C, "Not found"): the
# declared incomes and their shares are brief, with most at the minimum.
BPU_INCOMES = (1_000_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000, 4_000_000, 5_000_000)
BPU_INCOME_P = (0.62, 0.12, 0.10, 0.06, 0.05, 0.03, 0.02)
BPU_JHT_SHARE = 0.25                        # brief: BPU members who also take JHT
# C: PU JKK 0.24-1.74% by risk class (0.54% = class 2 taken here), JKM 0.30%, JHT 5.7%,
# JP 3%; construction JKK 1.74% + JKM 0.30% (brief: of wages, not project value);
# migrant workers Rp370,000 per placement.
PU_RATE, JAKON_RATE, PMI_FEE = 0.0954, 0.0204, 370_000
PU_JHT_RATE = 0.057
WAGE_MEDIAN = (2.6e6, None, 2.4e6, 4.0e6)    # brief: median wage by segment (BPU: brackets)

# ---------------------------------------------------------------- spells (all brief)
# Spell lengths in months (geometric medians) and reactivation after a lapse; tuned so
# that at 2026-10 about 245k BPU and 385k PU are active at 1,000,000 members.
BPU_STEADY_SHARE, BPU_STEADY_MEDIAN, BPU_LAPSE_MEDIAN = 0.55, 96, 8
PU_MEDIAN = 240
BPU_RECENT_WEIGHT = 6.0                     # registrations per month 2025+, vs 1.0 before Aug 2020
BUDGET_CONTINUE = 0.25                      # 20-25% pay themselves after the budget ends
REACTIVATE = (0.30, 0.15, 0.35, 0.15)       # share of lapsed members who pay again, by segment
REACTIVATE_GAP = (4, 10, 6, 8)              # median months before they do

# ---------------------------------------------------------------- where (brief)
# A: rural Timor and Sumba are informal-heavy (low TPT, high TPAK), Kota Kupang formal;
# the multipliers themselves are brief. BPJS branch towns (A) get more wage earners.
INFORMAL_BOOST = {"53.02": 1.25, "53.03": 1.25, "53.21": 1.25, "53.11": 1.25,
                  "53.12": 1.25, "53.17": 1.25, "53.18": 1.25}
FORMAL_BOOST = {"53.71": 3.0, "53.07": 1.3, "53.08": 1.3, "53.04": 1.3, "53.15": 1.3,
                "53.11": 1.1, "53.02": 0.7, "53.03": 0.7, "53.21": 0.7, "53.12": 0.7,
                "53.17": 0.7, "53.18": 0.7}
JAKON_BOOST = {"53.71": 2.0, "53.15": 1.5}  # Kupang and Labuan Bajo building sites
PMI_BOOST = {"53.06": 2.0, "53.21": 2.0, "53.07": 1.5, "53.08": 1.5, "53.04": 1.5,
             "53.03": 1.5, "53.02": 1.2}     # main sending regencies


# ---------------------------------------------------------------- budget-paid cohorts
@dataclass(frozen=True)
class Budget:
    """A budget-paid cohort: new BPU workers paid by one payer for a period."""
    payer: int                       # a payer of etl.demo.codes
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

# ---------------------------------------------------------------- claims
# D: NTT 2022 paid JHT Rp342.9 miliar (35,717 cases), JKM 983 cases, JKK 218 cases
# Rp3.65 miliar, JP 2,628 cases Rp1.97 miliar. Year factors on case counts: 2023
# Rp402 miliar (D); 2020 set so that Jan-Aug 2020 ~ Rp99 miliar (D, KiblatNTT); the
# other years are a smooth guess (brief). 2022 is 1.05 because claims filed late in a
# year are paid (and filed under) the next.
CLAIMS_2022 = {"JHT": 35_717, "JKM": 983, "JKK": 218, "JP": 2_628}
CLAIM_YEAR_FACTOR = {2018: 0.31, 2019: 0.34, 2020: 0.385, 2021: 0.68, 2022: 1.05,
                     2023: 1.04, 2024: 1.10, 2025: 1.15, 2026: 1.20}
CLAIM_YEAR_GROWTH = 0.05                     # brief: per year after 2026
JHT_MONTHS = 46                             # brief: median months of JHT balance (~Rp9.6 juta, D 2022)
JKM_BENEFIT = 42_000_000                    # C: PP 82/2019, 20 + 12 + 10 juta
JKM_BPU_WEIGHT = 4.0                        # brief: BPU members die (claim JKM) 4x as often
JP_MEDIAN_RP = 620_000                      # brief; D: JP 2022 Rp1.97 miliar / 2,628 cases ~ Rp750k
JKK_DEATH_SHARE = 0.05                      # brief: share of JKK claims that are deaths
JKK_DEATH_EXTRA = 22_000_000                # C: death = 48 x income + Rp12 juta + Rp10 juta
JKK_CARE_MEDIAN = 6.5e6                     # brief; D: Rp3.65 miliar / 218 cases ~ Rp16.7 juta
JKK_CAUSES = ("Kecelakaan lalu lintas", "Jatuh dari pohon", "Tertimpa", "Terluka alat kerja",
              "Terjatuh saat bekerja", "Tenggelam saat melaut", "Diseruduk ternak")
JKK_CAUSE_P = (0.34, 0.16, 0.12, 0.16, 0.12, 0.05, 0.05)     # brief

# ---------------------------------------------------------------- subsidies
# C: BSU 2020 (Permenaker 14/2020) for wage earners under Rp5 juta active by June 2020,
# Rp600,000 x 4 months in 2 tranches of Rp1.2 juta; about 52,000 NTT workers (Antara
# Kupang 27 Aug 2020). The 2022 BSU is not in the demo.
BSU_RECIPIENTS, BSU_TRANCHE, BSU_WAGE_LIMIT = 52_000, 1_200_000, 5_000_000
