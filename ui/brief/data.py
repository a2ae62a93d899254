"""The figures of the briefs, read through the same query functions as the pages
(ui/queries), so a number on a brief is the number on screen. Outside Streamlit, point the
query funnel at a plain read-only connection first (`plain_queries`)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ui.peers import PACE_MONTHS, default_peers
from ui.queries import common, overview
from ui.queries import regencies as q

TREND_MONTHS = 36   # history shown in a brief's trend chart
MOVERS = 3


def plain_queries(warehouse):
    """The page queries on one plain read-only connection (ui.queries.funnel.plain)."""
    from ui.queries.funnel import plain
    return plain(warehouse)


def months_before(month, n: int):
    return (pd.Timestamp(month) - pd.DateOffset(months=n)).date()


@dataclass
class Province:
    status: dict
    monthly: pd.DataFrame      # mart_province_monthly
    pace: pd.DataFrame         # mart_pace, 3/6/12 months
    path: pd.DataFrame         # the target path and the projection
    regencies: pd.DataFrame    # mart_regency_progress, worst first
    movers: pd.DataFrame       # the biggest changes since last month
    tiers: pd.DataFrame

    @property
    def active(self) -> int:
        return int(self.monthly.iloc[-1].n_active)

    def window(self, months: int = PACE_MONTHS):
        return self.pace[self.pace.window_months == months].iloc[0]


def movers(status, n: int = MOVERS) -> pd.DataFrame:
    """The regencies whose active members changed most since the month before the as-of
    month (largest absolute change first)."""
    as_of = pd.Timestamp(status["as_of"])
    codes = ",".join(common.regencies().regency_code)
    m = q.regency_goal_monthly(codes, months_before(as_of, 1))
    now = m[pd.to_datetime(m.month) == as_of].set_index("regency_code")
    before = m[pd.to_datetime(m.month) < as_of].set_index("regency_code")
    regs = common.regencies().set_index("regency_code")
    out = pd.DataFrame({"regency_name": regs.regency_name.reindex(now.index),
                        "regency_label": regs.regency_label.reindex(now.index), "n_active": now.n_active,
                        "change_1m": now.n_active - before.n_active.reindex(now.index).fillna(0)})
    out = out.assign(size=out.change_1m.abs()).sort_values(["size", "n_active"], ascending=[False, False])
    return out.head(n).reset_index()


def province() -> Province:
    status = common.status()
    regencies = overview.regency_progress()
    return Province(status, overview.province_monthly(), overview.pace(),
                    overview.projection(), regencies, movers(status), common.tiers())


@dataclass
class Regency:
    status: dict
    row: pd.Series             # regency_standing: active, target, attainment, tier, rank, next tier
    n_regencies: int
    peers: pd.DataFrame        # the regency and its default peers, as the regency page compares them
    pace: pd.Series            # mart_pace at PACE_MONTHS
    trend: pd.DataFrame        # monthly goal series
    projection: pd.DataFrame   # month, value (the projection at the recent pace)
    districts: pd.DataFrame    # worst first, hidden cells hidden
    mix: pd.DataFrame          # mart_regency_mix
    tiers: pd.DataFrame

    def next_tier(self) -> pd.Series | None:
        if pd.isna(self.row.next_tier):
            return None
        nxt = self.tiers[self.tiers.tier == int(self.row.next_tier)]
        return None if nxt.empty else nxt.iloc[0]


def regency(code: str) -> Regency:
    status = common.status()
    standing = q.regency_standing()
    row = standing.set_index("regency_code", drop=False).loc[code]
    regs = common.regencies()
    chosen = [code] + default_peers(code, regs)
    peers = standing.set_index("regency_code").loc[chosen].reset_index()
    peers = peers.assign(regency_label=peers.regency_code.map(dict(zip(regs.regency_code, regs.regency_label))))
    pace = overview.pace("regency", code)
    since = months_before(status["as_of"], TREND_MONTHS)
    proj = overview.projection("regency", code).dropna(subset=["projected"])
    proj = proj.rename(columns={"projected": "value"})[["month", "value"]]
    districts = q.areas(code, "district").sort_values(["attainment_pct", "area_code"], na_position="last")
    return Regency(status, row, len(standing), peers, pace[pace.window_months == PACE_MONTHS].iloc[0],
                   q.regency_goal_monthly(code, since), proj, districts.reset_index(drop=True),
                   q.regency_mix(code), common.tiers())
