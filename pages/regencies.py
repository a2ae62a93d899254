"""Regency view for regents: where every regency stands (map, ranking), peers, and the
regency's own districts and villages. The chosen regency, peers, period and map mode live
in the URL, so a shared link opens the same view."""
import math

import pandas as pd
import streamlit as st

from geo.boundaries import PLOTLY_CONFIG, BoundaryError
from ui import fmt, progress, queries
from ui import regency_charts as rc
from ui.i18n import t
from ui.layout import guarded, status_line

PACE_MONTHS = 6                      # the "recent pace" of the projection and the ETA
PERIODS = ["12", "24", "60", "all"]  # months of history in the trend charts
MAP_MODES = ["tile", "geo"]
COLOR_MODES = ["attainment", "tier"]
MAX_PEERS = 3                        # the regency itself plus up to 3 peers: 2-4 compared
STATE = {"regency": "reg_regency", "peers": "reg_peers", "period": "reg_period", "map": "reg_map",
         "color": "reg_color"}


# ---------------------------------------------------------------- state in the URL

def default_peers(code: str, regs) -> list[str]:
    """Same island (or island group when the island has fewer than 2 regencies), closest in
    informal workforce first."""
    me = regs.set_index("kemendagri_code").loc[code]
    same = regs[(regs.island == me.island) & (regs.kemendagri_code != code)]
    if len(regs[regs.island == me.island]) < 2:
        same = regs[(regs.island_group == me.island_group) & (regs.kemendagri_code != code)]
    gap = (same.informal_workforce_est.astype(float) - float(me.informal_workforce_est)).abs()
    return same.assign(gap=gap).sort_values(["gap", "kemendagri_code"]).kemendagri_code.head(MAX_PEERS).tolist()


def seed_state(regs) -> None:
    """Widget values from the URL on the first run of a session; a bad value falls back to
    the default without a word."""
    ss, q, codes = st.session_state, st.query_params, list(regs.kemendagri_code)
    if STATE["regency"] not in ss:
        ss[STATE["regency"]] = q.get("regency") if q.get("regency") in codes else codes[0]
    if STATE["peers"] not in ss:
        asked = [c for c in dict.fromkeys((q.get("peers") or "").split(","))
                 if c in codes and c != ss[STATE["regency"]]][:MAX_PEERS]
        ss[STATE["peers"]] = asked or default_peers(ss[STATE["regency"]], regs)
    for name, allowed in (("period", PERIODS), ("map", MAP_MODES), ("color", COLOR_MODES)):
        if STATE[name] not in ss:
            ss[STATE[name]] = q.get(name) if q.get(name) in allowed else allowed[0]


def sync_url() -> None:
    ss = st.session_state
    want = {"regency": ss[STATE["regency"]], "peers": ",".join(ss[STATE["peers"]]),
            "period": ss[STATE["period"]], "map": ss[STATE["map"]], "color": ss[STATE["color"]]}
    for k, v in want.items():
        if st.query_params.get(k) != v:
            st.query_params[k] = v


def on_regency_change(regs) -> None:
    code = st.session_state[STATE["regency"]]
    st.session_state[STATE["peers"]] = default_peers(code, regs)


# ---------------------------------------------------------------- first screen

def pace_and_eta(status, row, own):
    active, target = int(row.n_active), int(row.target)
    gap = max(target - active, 0)
    pace = progress.pace(own["n_active"], PACE_MONTHS)
    eta = progress.eta(status["as_of"], gap, pace)
    deadline = progress.parse_month(status["deadline"])
    needed = progress.needed_per_month(gap, status["as_of"], deadline)
    return gap, pace, eta, deadline, needed


def headline(lang, status, row, tiers, own, n_regencies):
    gap, pace, eta, deadline, needed = pace_and_eta(status, row, own)
    segments = ", ".join(status["goal_segments"])
    c1, c2 = st.columns(2)
    c3, c4 = st.columns(2)
    c1.metric(t("reg.m_active", lang, segments=segments), fmt.number(row.n_active, lang),
              t("reg.m_active_delta", lang, pct=fmt.pct(row.attainment_pct, 1, lang),
                target=fmt.number(row.target, lang)), delta_color="off", delta_arrow="off")
    c2.metric(t("reg.m_tier", lang), rc.tier_label(row, lang),
              t("reg.m_rank", lang, rank=int(row.attainment_rank), n=n_regencies)
              + " · " + rank_change_text(row.rank_change_3m, lang), delta_color="off", delta_arrow="off")
    nxt = tiers.iloc[0:0] if pd.isna(row.next_tier) else tiers[tiers.tier == int(row.next_tier)]
    if nxt.empty:
        c3.metric(t("reg.m_next_tier_none", lang), "–", t("reg.m_top_tier", lang),
                  delta_color="off", delta_arrow="off")
    else:
        label = nxt.iloc[0]["label_id" if lang == "id" else "label_en"]
        c3.metric(t("reg.m_next_tier", lang, tier=label), fmt.number(row.n_to_next_tier, lang),
                  t("reg.m_next_tier_delta", lang, pct=fmt.pct(nxt.iloc[0].min_pct, 0, lang),
                    n=fmt.number(row.n_active + row.n_to_next_tier, lang)),
                  delta_color="off", delta_arrow="off")
    c4.metric(t("reg.m_eta", lang, n=PACE_MONTHS),
              fmt.month_long(eta, lang) if eta else t("reg.eta_never", lang),
              t("reg.m_eta_delta", lang, pace=fmt.signed(round(pace), lang) if pace is not None else "–",
                needed=fmt.number(math.ceil(needed), lang) if needed is not None else "–",
                deadline=fmt.month(deadline, lang)),
              delta_color="off", delta_arrow="off")
    return eta, pace, deadline


def rank_change_text(change, lang) -> str:
    if change is None or change != change:
        return t("reg.rank_change_none", lang)
    change = int(change)
    if change > 0:
        return t("reg.rank_up", lang, n=change)
    if change < 0:
        return t("reg.rank_down", lang, n=-change)
    return t("reg.rank_same", lang)


# ---------------------------------------------------------------- map and ranking

def regency_map(lang, standing, regs, tiers, code):
    c1, c2 = st.columns(2)
    c1.radio(t("reg.map_mode", lang), MAP_MODES, key=STATE["map"], horizontal=True,
             format_func=lambda m: t(f"reg.map_{m}", lang))
    c2.radio(t("reg.color_mode", lang), COLOR_MODES, key=STATE["color"], horizontal=True,
             format_func=lambda m: t(f"reg.color_{m}", lang))
    frame = rc.map_frame(standing, regs, lang)
    color = st.session_state[STATE["color"]]
    if st.session_state[STATE["map"]] == "geo":
        fig = geo_figure(lang, frame, color, tiers, code)
        if fig is not None:
            st.plotly_chart(fig, config=PLOTLY_CONFIG, key="reg_geo_map")
            return
    st.plotly_chart(rc.tile_map(frame, color, tiers, code, lang), config=rc.CONFIG, key="reg_tile_map")
    st.caption(t("reg.tile_note", lang))


def geo_figure(lang, frame, color, tiers, code):
    """The choropleth, or None (with a note or a warning) when the boundary file is not usable."""
    try:
        match = queries.regency_boundaries()
    except BoundaryError as e:
        st.warning(t("reg.boundary_error", lang, error=str(e)))
        return None
    if match is None:
        st.info(t("reg.boundary_not_set", lang))
        return None
    if match.unmatched or match.missing:
        st.warning(t("reg.boundary_unmatched", lang, n=len(match.unmatched),
                     unmatched="; ".join(match.unmatched) or "–", missing=", ".join(match.missing) or "–")
                   + " " + t("reg.boundary_matched_by", lang, how=match.matched_by))
    return rc.geo_map(match.matched, frame, color, tiers, code, lang)


# ---------------------------------------------------------------- comparison

def comparison(lang, status, standing, regs, code):
    names = dict(zip(regs.kemendagri_code, regs.name))
    c1, c2 = st.columns([3, 2])
    c1.multiselect(t("reg.peers", lang), [c for c in regs.kemendagri_code if c != code], key=STATE["peers"],
                   format_func=names.get, max_selections=MAX_PEERS)
    c2.radio(t("reg.period", lang), PERIODS, key=STATE["period"], horizontal=True,
             format_func=lambda p: t("reg.period_all", lang) if p == "all" else t("reg.period_n", lang, n=p))
    chosen = [code] + list(st.session_state[STATE["peers"]])
    monthly = queries.regency_goal_monthly(",".join(chosen), since_month(status, st.session_state[STATE["period"]]))
    shown = {c: names[c] for c in chosen}
    a, b = st.columns(2)
    a.plotly_chart(rc.compare(monthly, shown, "n_active", t("reg.compare_absolute", lang), lang, code),
                   config=rc.CONFIG, key="reg_compare_abs")
    b.plotly_chart(rc.compare(monthly, shown, "active_per_1000_informal", t("reg.compare_per_1000", lang),
                              lang, code, decimals=1), config=rc.CONFIG, key="reg_compare_rel")
    peers_table(lang, standing[standing.kemendagri_code.isin(chosen)], chosen)
    return monthly


def since_month(status, period: str):
    if period == "all":
        return "1900-01-01"
    return progress.add_months(status["as_of"], -int(period))


def peers_table(lang, rows, order):
    rows = rows.set_index("kemendagri_code").loc[order]
    st.dataframe({
        t("table.regency", lang): rows["name"].tolist(),
        t("table.active", lang): [fmt.number(v, lang) for v in rows.n_active],
        t("table.target", lang): [fmt.number(v, lang) for v in rows.target],
        t("table.attainment", lang): [fmt.pct(v, 1, lang) for v in rows.attainment_pct],
        t("reg.col_per_1000", lang): [fmt.decimal(v, 1, lang) for v in rows.active_per_1000_informal],
        t("reg.col_rank", lang): [f"{int(v)}" for v in rows.attainment_rank],
        t("reg.col_rank_change", lang): [rank_change_text(v, lang) for v in rows.rank_change_3m],
    }, hide_index=True, width="stretch")


# ---------------------------------------------------------------- regency detail

def projection(status, row, eta, pace, deadline):
    """Straight line from today's active count at the recent pace, up to the month the target
    is met or the deadline, whichever comes first; None without a pace or after the deadline."""
    if pace is None or progress.months_left(status["as_of"], deadline) <= 0:
        return None
    end = min(eta, deadline) if eta else deadline
    n = max(progress.month_index(end) - progress.month_index(status["as_of"]), 1)
    return pd.DataFrame({"month": [progress.add_months(status["as_of"], i) for i in range(n + 1)],
                         "value": [max(int(row.n_active) + pace * i, 0) for i in range(n + 1)]})


def detail(lang, status, row, own, eta, pace, deadline):
    st.subheader(t("reg.detail", lang, name=row["name"]))
    left, right = st.columns([3, 2])
    since = pd.Timestamp(since_month(status, st.session_state[STATE["period"]]))
    shown = own[pd.to_datetime(own.month) >= since]
    left.plotly_chart(rc.trend(shown, int(row.target), projection(status, row, eta, pace, deadline), lang),
                      config=rc.CONFIG, key="reg_trend")
    left.caption(t("reg.projection_note", lang, n=PACE_MONTHS))
    mix(lang, status, queries.regency_mix(row.kemendagri_code), left, right)


def mix(lang, status, m, left, right):
    """Who pays and until when, and who is covered (right); sectors (left, under the trend)."""
    k = status["suppress_below"]
    name = "name_id" if lang == "id" else "name_en"
    right.metric(t("reg.budget_paid", lang), *budget_paid(lang, m, k), delta_color="off", delta_arrow="off")
    seg = m[m.dimension == "segment"]
    goal = set(status["goal_segments"])
    labels = [t(f"segment.{c}", lang) + (" ★" if c in goal else "") for c in seg.category_code]
    right.plotly_chart(rc.mix_bars(seg, labels, k, lang, t("reg.mix_segment", lang)),
                       config=rc.CONFIG, key="reg_mix_segment")
    payer = m[m.dimension == "payer"]
    labels = [f"{n} ({t('reg.until', lang, month=fmt.month(e, lang))})" if bp else n
              for n, e, bp in zip(payer[name], payer.latest_end_month, payer.is_budget_paid)]
    right.plotly_chart(rc.mix_bars(payer, labels, k, lang, t("reg.mix_payer", lang), color="#d9822b"),
                       config=rc.CONFIG, key="reg_mix_payer")
    sector = m[m.dimension == "sector"]
    left.plotly_chart(rc.mix_bars(sector, sector[name].tolist(), k, lang, t("reg.mix_sector", lang),
                                  color="#1b7f3b"), config=rc.CONFIG, key="reg_mix_sector")


def budget_paid(lang, m, k) -> tuple[str, str]:
    """(value, delta) of the budget-paid metric: how many, what share, paid until when."""
    budget = m[(m.dimension == "payer_group") & (m.category_code == "budget")]
    if budget.empty:
        return "0", t("reg.budget_none", lang)
    b = budget.iloc[0]
    hidden = isinstance(b.suppression, str)
    value = rc.suppressed_text(b.suppression, k, lang) if hidden else fmt.number(b.n_active, lang)
    return value, t("reg.budget_delta", lang, pct=fmt.pct(b.share_pct, 1, lang),
                    month=fmt.month(b.latest_end_month, lang))


# ---------------------------------------------------------------- districts and villages

def area_table(lang, rows, k, with_parent: bool):
    def count(n, sup):
        return rc.suppressed_text(sup, k, lang) if isinstance(sup, str) else fmt.number(n, lang)
    table = {t("reg.col_village" if with_parent else "reg.col_district", lang): rows.area_name.tolist()}
    if with_parent:
        table[t("reg.col_district", lang)] = rows.parent_name.tolist()
    table |= {
        t("table.target", lang): [fmt.number(v, lang) for v in rows.target],
        t("table.active", lang): [count(n, s) for n, s in zip(rows.n_active, rows.suppression)],
        t("table.attainment", lang): [fmt.pct(v, 1, lang) for v in rows.attainment_pct],
        t("table.tier", lang): [v if isinstance(v, str) else fmt.MISSING
                                for v in rows["tier_label_id" if lang == "id" else "tier_label_en"]],
        t("reg.col_to_next", lang): [fmt.number(v, lang) for v in rows.n_to_next_tier],
    }
    st.dataframe(table, hide_index=True, width="stretch", height=min(35 * (len(rows) + 1) + 3, 600))


def districts_and_villages(lang, status, row):
    k = status["suppress_below"]
    st.subheader(t("reg.districts", lang, name=row["name"]))
    st.caption(t("reg.districts_note", lang))
    districts = queries.areas(row.kemendagri_code, "district").sort_values(["sort_pct", "area_code"])
    area_table(lang, districts, k, False)
    st.subheader(t("reg.villages", lang))
    board = queries.village_board(row.kemendagri_code)
    bottom, top = st.tabs([t("reg.villages_bottom", lang), t("reg.villages_top", lang)])
    with bottom:
        area_table(lang, board[board.board == "bottom"], k, True)
    with top:
        area_table(lang, board[board.board == "top"], k, True)
    st.caption(t("reg.suppression_note", lang, k=fmt.number(k, lang)))


# ---------------------------------------------------------------- page

@guarded
def page(lang):
    status = queries.status()
    regs = queries.regencies()
    standing = queries.regency_standing()
    st.title(t("reg.title", lang))
    st.caption(status_line(status, lang))
    if standing.empty or regs.empty:
        st.info(t("empty.no_rows", lang))
        return
    seed_state(regs)
    names = dict(zip(regs.kemendagri_code, regs.name))
    st.selectbox(t("reg.choose", lang), list(regs.kemendagri_code), key=STATE["regency"],
                 format_func=names.get, on_change=on_regency_change, args=(regs,))
    code = st.session_state[STATE["regency"]]
    row = standing.set_index("kemendagri_code").loc[code]
    row["kemendagri_code"] = code
    tiers = queries.tiers()
    own = queries.regency_goal_monthly(code, since_month(status, "all"))
    eta, pace, deadline = headline(lang, status, row, tiers, own, len(standing))

    st.subheader(t("reg.where_all_stand", lang))
    left, right = st.columns([3, 2])
    with left:
        regency_map(lang, standing, regs, tiers, code)
    with right:
        st.plotly_chart(rc.ranking(standing, tiers, code, lang), config=rc.CONFIG, key="reg_ranking")

    st.subheader(t("reg.compare", lang))
    comparison(lang, status, standing, regs, code)
    detail(lang, status, row, own, eta, pace, deadline)
    districts_and_villages(lang, status, row)
    sync_url()


page()
