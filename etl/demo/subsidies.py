"""Wage-subsidy recipients (BSU 2020), as the list of payments per tranche."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa

from etl.demo import facts, mess
from etl.demo.codes import PK, PU
from etl.demo.world import World, first_day, month_index
from etl.demo.writers import as_export, fmt_days, fmt_money, lookup, regency_text, text, write_csv


def write_bsu(w: World, out: Path, mem, sp, nik, names) -> list[Path]:
    """C: BSU 2020 for wage earners under Rp5 juta active by June 2020, 2 x Rp1.2 juta,
    tranche 1 paid 24 Aug - 30 Sep, tranche 2 in Oct - Nov 2020."""
    june = month_index("2020-06")
    if w.last < month_index("2020-11"):
        return []
    rng = w.rng("bsu")
    on = (sp["start"] <= june) & (sp["end"] >= june) & (sp["payer"] == PK)
    m = np.unique(sp["mem"][on])
    m = m[(mem["seg"][m] == PU) & (mem["income"][m] < facts.BSU_WAGE_LIMIT)]
    m = np.sort(rng.choice(m, min(len(m), int(round(facts.BSU_RECIPIENTS * w.scale))), replace=False))
    day1 = first_day(month_index("2020-08")) + 23 + rng.integers(0, 38, len(m))   # 24 Aug - 30 Sep
    day2 = first_day(month_index("2020-10")) + rng.integers(0, 61, len(m))        # Oct - Nov
    both, n = np.concatenate([m, m]), len(m)
    cols = {"nik": text(nik[both]), "name": names.take(pa.array(both)), "scheme": lookup(["BSU 2020"], np.zeros(2 * n)),
            "tranche": text(np.repeat([1, 2], n)), "paid_date": fmt_days(np.concatenate([day1, day2])),
            "amount_rp": fmt_money(np.full(2 * n, facts.BSU_TRANCHE)),
            "regency": regency_text(w, mem["reg"][both], "upper")}
    return [write_csv(out / "bsu_2020.csv", mess.subsidies(as_export("subsidies", cols), rng))]
