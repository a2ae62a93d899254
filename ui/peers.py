"""What a regency is compared with, one home for the regency page and the regent's brief:
its default peers (same island, closest in informal workforce) and the window of the
"recent pace" behind its projection and the month it reaches its target (mart_projection)."""
from __future__ import annotations

from ui.i18n import t

PACE_MONTHS = 6   # the "recent pace" of the projection and the ETA (mart_projection)
MAX_PEERS = 3     # the regency itself plus up to 3 peers: 2-4 compared


def default_peers(code: str, regs) -> list[str]:
    """Same island (or island group when the island has fewer than 2 regencies), closest in
    informal workforce first."""
    me = regs.set_index("regency_code").loc[code]
    same = regs[(regs.island == me.island) & (regs.regency_code != code)]
    if len(regs[regs.island == me.island]) < 2:
        same = regs[(regs.island_group == me.island_group) & (regs.regency_code != code)]
    gap = (same.informal_workforce_est.astype(float) - float(me.informal_workforce_est)).abs()
    return same.assign(gap=gap).sort_values(["gap", "regency_code"]).regency_code.head(MAX_PEERS).tolist()


def rank_change_text(change, lang) -> str:
    """A regency's change of rank over 3 months, in words."""
    if change is None or change != change:
        return t("reg.rank_change_none", lang)
    change = int(change)
    if change > 0:
        return t("reg.rank_up", lang, n=change)
    if change < 0:
        return t("reg.rank_down", lang, n=-change)
    return t("reg.rank_same", lang)
