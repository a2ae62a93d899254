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
PU_JKK_RATE, PU_JKM_RATE, PU_JHT_RATE, PU_JP_RATE = 0.0054, 0.0030, 0.057, 0.03
PU_RATE = round(PU_JKK_RATE + PU_JKM_RATE + PU_JHT_RATE + PU_JP_RATE, 6)
JAKON_RATE, PMI_FEE = 0.0204, 370_000
WAGE_MEDIAN = (2.6e6, None, 2.4e6, 4.0e6)    # brief: median wage by segment (BPU: brackets)
# C: PP 49/2020 (signed 31 Aug 2020) cut JKK and JKM contributions by 99% for the
# contribution months Aug 2020 - Jan 2021, for employers, PU and "certain" BPU
# participants; benefits unchanged. The sources do not say which BPU participants: the
# demo relieves every BPU member. Construction and migrant workers are not named: no
# relief. The deferral of 99% of JP for qualifying firms is not modelled (deferred, not
# cut, and no source says which firms took it).
RELIEF_MONTHS = ("2020-08", "2021-01")       # first and last relieved month
RELIEF_KEEP_PCT = 1                          # % of the JKK + JKM contribution still paid

# ---------------------------------------------------------------- the BPU trajectory
# Active BPU members at 1,000,000 members (seed 7; tests/test_demo_facts.py measures them
# in the warehouse marts):
#   June 2024  about 136k   D: informal coverage 13.6% of the ~1 juta informal workers of
#                           BPJS's base (kupang.tribunnews.com 25 Jul 2024), derived
#   May 2025   about 141k   D: "about 141 ribu (13%)" covered (Gov. Melki Laka Lena, May 2025)
#   Dec 2025   about 267k   the APBD 2025 cohort of 100,000 on top (see BUDGETS)
#   Oct 2026   about 259k   brief (the dashboard's present; 242k before this calibration,
#                           which needed a larger self-paying base for the 2024-25 points)
# No BPU count for 2016-2023 was found (D, "Not found"): before June 2024 the path is the
# demo's own (about 37k in mid-2020, 77k in mid-2022, 121k in mid-2023). The 2024 and
# 2025 points are nearly level because the village-funded cohorts of 2023-2024 end as
# self-paid members grow, and the province's 100,000 start only in Sep 2025 (BUDGETS).
# Spell lengths in months (geometric medians) and reactivation after a lapse (brief).
BPU_STEADY_SHARE, BPU_STEADY_MEDIAN, BPU_LAPSE_MEDIAN = 0.64, 150, 8
PU_MEDIAN = 240
# BPU self-paid registrations per month, relative from each month on (D: the governor's
# push of Aug 2020, the circular of Nov 2022 to regencies and villages; the levels are
# brief), and the push itself: (first month, months, x).
BPU_REGISTRATION_WEIGHT = (("2016-01", 1.0), ("2020-08", 2.2), ("2023-01", 3.0))
BPU_PUSH = ("2020-08", 5, 1.5)
BUDGET_CONTINUE = 0.25                      # brief: pay themselves after the budget ends
REACTIVATE = (0.30, 0.15, 0.35, 0.15)       # brief: lapsed members who pay again, by segment
REACTIVATE_GAP = (4, 10, 6, 8)              # brief: median months before they do

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
    # D: Dasa Cita, APBD 2025 funds 100 ribu vulnerable workers (JKK+JKM), a Pergub still
    # in preparation in May 2025; quota of electoral district 7: Malaka 4,475, Belu 2,069,
    # TTU 1,174 (radarperbatasan 17 Aug 2025). No start month is sourced: Sep 2025 (brief),
    # after the quotas and consistent with 141k covered in May 2025.
    Budget(PROV, "2025-09", "2025-12", 100_000,
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
# D: NTT paid Rp381 miliar+ in 2022 (timexkupang 10 Feb 2023): JHT Rp342,869,184,542
# (35,717 cases), JKM Rp32,563,500,000 (983 cases), JKK Rp3,650,207,392 (218 cases), JP
# Rp1,966,961,840 (2,628 cases). The four amounts add up to the total (Rp381.05 miliar,
# JHT 90.0%), the case counts do not (39,546 against the 29,466 reported). So the demo
# keeps the money: JKM cases = Rp32.56 miliar / Rp42 juta = 775 (derived), since 983
# deaths at the Rp42 juta in force would make Rp41.3 miliar.
# Year factors on case counts: 2023 so that the year pays ~Rp402 miliar (D); 2020 so that
# Jan-Aug 2020 pays ~Rp99 miliar (D, KiblatNTT, unconfirmed); the other years are a
# smooth guess (brief). 2022 is above 1 because claims filed late in a year are paid (and
# filed under) the next.
CLAIMS_2022 = {"JHT": 35_717, "JKM": 775, "JKK": 218, "JP": 2_628}
CLAIM_YEAR_FACTOR = {2018: 0.31, 2019: 0.34, 2020: 0.394, 2021: 0.68, 2022: 1.06,
                     2023: 1.06, 2024: 1.10, 2025: 1.15, 2026: 1.20}
CLAIM_YEAR_GROWTH = 0.05                     # brief: per year after 2026
JHT_MONTHS = 46                             # brief: median months of JHT balance (~Rp9.6 juta, D 2022)
JKM_BPU_WEIGHT = 4.0                        # brief: BPU members die (claim JKM) 4x as often
JP_MEDIAN_RP = 620_000                      # brief; D: JP 2022 Rp1.97 miliar / 2,628 cases ~ Rp750k
JKK_DEATH_SHARE = 0.05                      # brief: share of JKK claims that are deaths
JKK_CARE_MEDIAN = 6.5e6                     # brief; D: Rp3.65 miliar / 218 cases ~ Rp16.7 juta
# Benefits in force on the day of the death or accident, from each date on:
# - PP 44/2015, in force before the demo's timeline: JKM Rp24 juta in all, of which Rp4.8
#   juta periodic and Rp3 juta funeral; JKK death 48 x income + Rp4.8 juta + Rp3 juta.
#   Not in bpjs_facts.md: e-Kliping Ketenagakerjaan (Kemnaker) 4 Nov 2019, p. 199
#   (online.flipbuilder.com/plcl/ztyb/files/basic-html/page199.html).
# - PP 82/2019, signed 2 Dec 2019 (C; taken as in force from that day, the promulgation
#   date is not in the sources): JKM Rp20 + 12 + 10 juta = Rp42 juta; JKK death 48 x income
#   + Rp12 juta + Rp10 juta (Rp70 juta at Rp1 juta, C).
# Scholarships (up to Rp174 juta for 2 children, C; 609 children, Rp4.4 miliar in 2023, D)
# are not in the demo's claims files.
BENEFITS_FROM = ("2016-01-01", "2019-12-02")
JKM_BENEFIT = (24_000_000, 42_000_000)
JKK_DEATH_EXTRA = (7_800_000, 22_000_000)
JKK_CAUSES = ("Kecelakaan lalu lintas", "Jatuh dari pohon", "Tertimpa", "Terluka alat kerja",
              "Terjatuh saat bekerja", "Tenggelam saat melaut", "Diseruduk ternak")
JKK_CAUSE_P = (0.34, 0.16, 0.12, 0.16, 0.12, 0.05, 0.05)     # brief

# ---------------------------------------------------------------- subsidies
# C: BSU 2020 (Permenaker 14/2020) for wage earners under Rp5 juta active by June 2020,
# Rp600,000 x 4 months in 2 tranches of Rp1.2 juta; about 52,000 NTT workers (Antara
# Kupang 27 Aug 2020). The 2022 BSU is not in the demo.
BSU_RECIPIENTS, BSU_TRANCHE, BSU_WAGE_LIMIT = 52_000, 1_200_000, 5_000_000

# ---------------------------------------------------------------- facts the demo does not meet
# - Formal coverage, June 2024: 65.9% of ~600 ribu formal workers (D) = ~395k (derived);
#   the demo has about 321k PU active then. Total participants Apr 2025 "roughly 500-600
#   ribu" (D): the demo has about 493k (PU + BPU + JAKON + PMI). UCJ end of 2025 45.83% (D)
#   has no stated base. The PU side was not recalibrated.
# - Missing, so not in the demo: BPJS TK participant counts for NTT 2016-2023 and BPU
#   counts before 2024 (D, "Not found"); the BPU income brackets (C); JKK/JKM/JHT/JP
#   claims by year other than 2022-2023 and Jan-Aug 2020; the start month of the APBD 2025
#   cohort; which BPU participants PP 49/2020 relieved.
