"""Regency view for regents: where every regency stands (map, ranking), peers, and the
regency's own districts and villages. The chosen regency, peers, period and map mode live
in the URL, so a shared link opens the same view."""
import math

import pandas as pd
import streamlit as st

from geo.boundaries import BoundaryError
from geo.cache import regency_boundaries
from ui import exports, fmt, tables
from ui import regency_charts as rc
from ui.i18n import t
from ui.layout import chart, frame
from ui.peers import MAX_PEERS, PACE_MONTHS, default_peers, rank_change_text
from ui.queries import common, overview
from ui.queries import regencies as q
from ui.tables import Col, Table
from ui.trace import trace

PERIODS = ["12", "24", "60", "all"]  # months of history in the trend charts
MAP_MODES = ["tile", "geo"]
COLOR_MODES = ["attainment", "tier"]
STATE = {"regency": "reg_regency", "peers": "reg_peers", "period": "reg_period", "map": "reg_map",
         "color": "reg_color"}


# ---------------------------------------------------------------- state in the URL

def seed_state(regs) -> None:
    """Widget values from the URL on the first run of a session; a bad value falls back to
    the default without a word."""
    ss, q, codes = st.session_state, st.query_params, list(regs.regency_code)
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

def headline(lang, status, row, tiers, n_regencies):
    p = overview.pace("regency", row.regency_code)
    p = p[p.window_months == PACE_MONTHS].iloc[0]
    pace, eta, deadline, needed = p.pace_per_month, p.eta_month, p.deadline_month, p.needed_per_month
    segments = ", ".join(status["goal_segments"])
    c1, c2 = st.columns(2)
    c3, c4 = st.columns(2)
    c1.metric(t("reg.m_active", lang, segments=segments), fmt.number(row.n_active, lang),
              t("reg.m_active_delta", lang, pct=fmt.pct_cut(row.attainment_pct, 1, lang),
                target=fmt.number(row.target, lang)), delta_color="off", delta_arrow="off")
    with c1:
        trace("active", "regency", row.regency_code, lang, status, "mart_regency_progress", key="trace_regency")
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
              fmt.month_long(eta, lang) if not fmt.is_missing(eta) else t("reg.eta_never", lang),
              t("reg.m_eta_delta", lang, pace=fmt.signed(pace, lang),
                needed=fmt.number(math.ceil(needed), lang) if not fmt.is_missing(needed) else "–",
                deadline=fmt.month(deadline, lang)),
              delta_color="off", delta_arrow="off")


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
            chart(fig, "reg_geo_map", lang)
            return
    chart(rc.tile_map(frame, color, tiers, code, lang), "reg_tile_map", lang)
    st.caption(t("reg.tile_note", lang))


def geo_figure(lang, frame, color, tiers, code):
    """The choropleth, or None (with a note or a warning) when the boundary file is not usable."""
    try:
        match = regency_boundaries()
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
    names = dict(zip(regs.regency_code, regs.regency_name))
    c1, c2 = st.columns([3, 2])
    c1.multiselect(t("reg.peers", lang), [c for c in regs.regency_code if c != code], key=STATE["peers"],
                   format_func=names.get, max_selections=MAX_PEERS)
    c2.radio(t("reg.period", lang), PERIODS, key=STATE["period"], horizontal=True,
             format_func=lambda p: t("reg.period_all", lang) if p == "all" else t("reg.period_n", lang, n=p))
    chosen = [code] + list(st.session_state[STATE["peers"]])
    monthly = q.regency_goal_monthly(",".join(chosen), since_month(status, st.session_state[STATE["period"]]))
    shown = {c: names[c] for c in chosen}
    a, b = st.columns(2)
    chart(rc.compare(monthly, shown, "n_active", t("reg.compare_absolute", lang), lang, code), "reg_compare_abs", lang, where=a)
    chart(rc.compare(monthly, shown, "active_per_1000_informal", t("reg.compare_per_1000", lang),
                              lang, code, decimals=1), "reg_compare_rel", lang, where=b)
    peers_table(lang, standing.set_index("regency_code").loc[chosen].reset_index())
    return monthly


def since_month(status, period: str):
    if period == "all":
        return "1900-01-01"
    return (pd.Timestamp(status["as_of"]) - pd.DateOffset(months=int(period))).date()


PEERS = Table("pembanding", (
    tables.REGENCY,
    tables.ACTIVE,
    tables.TARGET,
    tables.ATTAINMENT,
    Col("active_per_1000_informal", "reg.col_per_1000", "decimal"),
    Col("attainment_rank", "reg.col_rank"),
    Col("rank_change", "reg.col_rank_change", "text"),
))


def peers_table(lang, rows):
    rows = rows.assign(rank_change=[rank_change_text(v, lang) for v in rows.rank_change_3m])
    tables.show(PEERS, rows, lang, key="reg_peers_table")


# ---------------------------------------------------------------- regency detail

def detail(lang, status, row):
    st.subheader(t("reg.detail", lang, name=row.regency_name))
    left, right = st.columns([3, 2])
    since = pd.Timestamp(since_month(status, st.session_state[STATE["period"]]))
    own = q.regency_goal_monthly(row.regency_code, since.date())
    proj = overview.projection("regency", row.regency_code).dropna(subset=["projected"])
    proj = None if proj.empty else proj.rename(columns={"projected": "value"})[["month", "value"]]
    chart(rc.trend(own, int(row.target), proj, lang), "reg_trend", lang, where=left)
    left.caption(t("reg.projection_note", lang, n=PACE_MONTHS))
    mix(lang, status, q.regency_mix(row.regency_code), left, right)


def mix(lang, status, m, left, right):
    """Who pays and until when, and who is covered (right); sectors (left, under the trend)."""
    name = "name_id" if lang == "id" else "name_en"
    right.metric(t("reg.budget_paid", lang), *budget_paid(lang, m), delta_color="off", delta_arrow="off")
    seg = m[m.dimension == "segment"]
    goal = set(status["goal_segments"])
    labels = [t(f"segment.{c}", lang) + (" ★" if c in goal else "") for c in seg.category_code]
    chart(rc.mix_bars(seg, labels, lang, t("reg.mix_segment", lang)), "reg_mix_segment", lang, where=right)
    payer = m[m.dimension == "payer"]
    labels = [f"{n} ({t('reg.until', lang, month=fmt.month(e, lang))})" if bp and not fmt.is_missing(e) else n
              for n, e, bp in zip(payer[name], payer.latest_end_month, payer.is_budget_paid)]
    chart(rc.mix_bars(payer, labels, lang, t("reg.mix_payer", lang), color="#d9822b"), "reg_mix_payer", lang, where=right)
    sector = m[m.dimension == "sector"]
    chart(rc.mix_bars(sector, sector[name].tolist(), lang, t("reg.mix_sector", lang),
                                  color="#1b7f3b"), "reg_mix_sector", lang, where=left)


def budget_paid(lang, m) -> tuple[str, str]:
    """(value, delta) of the budget-paid metric: how many, what share, paid until when."""
    budget = m[(m.dimension == "payer_group") & (m.category_code == "budget")]
    if budget.empty:
        return "0", t("reg.budget_none", lang)
    b = budget.iloc[0]
    if b.is_suppressed:
        return rc.hidden_text(lang), t("reg.budget_hidden", lang)
    return fmt.number(b.n_active, lang), t("reg.budget_delta", lang, pct=fmt.pct(b.share_pct, 1, lang),
                                           month=fmt.month(b.latest_end_month, lang))


# ---------------------------------------------------------------- districts and villages

def area_table(lang, rows, with_parent: bool, key: str):
    rows = rows.assign(tier_label=rows["tier_label_id" if lang == "id" else "tier_label_en"],
                       n_to_next_tier=rows["n_to_next_tier"].where(rows["is_suppressed"], rows["n_to_next_tier"].fillna(0)))
    tables.show(tables.area_spec(with_parent), rows, lang, key=key, height=min(35 * (len(rows) + 1) + 3, 600))


def districts_and_villages(lang, status, row):
    k = status["suppress_below"]
    st.subheader(t("reg.districts", lang, name=row.regency_name))
    st.caption(t("reg.districts_note", lang))
    districts = q.areas(row.regency_code, "district").sort_values(["attainment_pct", "area_code"], na_position="last")
    area_table(lang, districts, False, "reg_districts")
    st.subheader(t("reg.villages", lang))
    board = q.village_board(row.regency_code)
    villages = q.areas(row.regency_code, "village")
    bottom, top, every = st.tabs([t("reg.villages_bottom", lang), t("reg.villages_top", lang),
                                  t("reg.villages_all", lang, n=fmt.number(len(villages), lang))])
    with bottom:
        area_table(lang, board[board.board == "bottom"], True, "reg_villages_bottom")
    with top:
        area_table(lang, board[board.board == "top"], True, "reg_villages_top")
    with every:
        area_table(lang, villages.sort_values(["attainment_pct", "area_code"], na_position="last"), True,
                   "reg_villages_all")
    st.caption(t("reg.villages_boards_note", lang, n=fmt.number(int(villages.is_suppressed.sum()), lang))
               + " " + t("reg.suppression_note", lang, k=fmt.number(k, lang)))


# ---------------------------------------------------------------- page

@frame("reg.title")
def page(lang, status):
    regs = common.regencies()
    standing = q.regency_standing()
    seed_state(regs)
    names = dict(zip(regs.regency_code, regs.regency_name))
    st.selectbox(t("reg.choose", lang), list(regs.regency_code), key=STATE["regency"],
                 format_func=names.get, on_change=on_regency_change, args=(regs,))
    code = st.session_state[STATE["regency"]]
    row = standing.set_index("regency_code", drop=False).loc[code]
    tiers = common.tiers()
    headline(lang, status, row, tiers, len(standing))
    exports.filters(place=row.regency_name)
    exports.brief_download(lang, status["as_of"], code, row.regency_name)

    st.subheader(t("reg.where_all_stand", lang))
    left, right = st.columns([3, 2])
    with left:
        regency_map(lang, standing, regs, tiers, code)
    with right:
        chart(rc.ranking(standing, tiers, code, lang), "reg_ranking", lang)

    st.subheader(t("reg.compare", lang))
    comparison(lang, status, standing, regs, code)
    detail(lang, status, row)
    districts_and_villages(lang, status, row)
    sync_url()


page()
