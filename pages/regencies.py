"""Regency view for regents: where every regency stands (map, ranking), peers, and the
regency's own districts and villages. The regency is the one of every page (ui.state);
peers, period and map mode live in the address too, so a shared link opens the same view.
Without a regency (or with one the address does not name) the page shows all 22."""
import math

import pandas as pd
import streamlit as st

from geo.boundaries import BoundaryError
from geo.cache import boundary_path, district_boundaries, regency_boundaries
from ui import exports, fmt, palette, state, tables, words
from ui import map_charts as mc
from ui import regency_charts as rc
from ui.i18n import t
from ui.layout import admin_note, chart, frame
from ui.peers import MAX_PEERS, PACE_MONTHS, default_peers, rank_change_text
from ui.queries import common, overview
from ui.queries import regencies as q
from ui.tables import Col, Table
from ui.trace import trace

PERIODS = ("12", "24", "60", "all")  # months of history in the trend charts
MAP_MODES = ("tile", "geo")
COLOR_MODES = ("attainment", "tier")
KEYS = {"regency": "reg_regency", "peers": "reg_peers", "period": "reg_period", "map": "reg_map",
        "color": "reg_color"}


def parse_peers(text: str) -> tuple:
    """"53.20,99.99,53.20" -> ("53.20",): known codes once each, at most MAX_PEERS."""
    codes = set(state.reference()["kemendagri_code"])
    return tuple(c for c in dict.fromkeys(text.split(",")) if c in codes)[:MAX_PEERS] or None


PARAMS = (state.Param("peers", None, parse_peers, ",".join), state.Param("period", "12", choices=PERIODS),
          state.Param("map", "tile", choices=MAP_MODES), state.Param("color", "attainment", choices=COLOR_MODES))


# ---------------------------------------------------------------- state in the URL

def peers_of(code: str, regs) -> list[str]:
    chosen = [c for c in (state.get("peers") or ()) if c != code]
    return chosen or default_peers(code, regs)


def new_regency(code):
    """A regency picked on this page (list or map) starts with its own default peers."""
    state.set("peers", None)
    return code


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
              words.eta_text(eta, pace, lang),
              t("reg.m_eta_delta", lang, pace=fmt.signed(pace, lang),
                needed=fmt.number(math.ceil(needed), lang) if not fmt.is_missing(needed) else "–",
                deadline=fmt.month(deadline, lang)),
              delta_color="off", delta_arrow="off")


# ---------------------------------------------------------------- map and ranking

def regency_map(lang, standing, regs, tiers, code):
    c1, c2 = st.columns(2)
    c1.radio(t("reg.map_mode", lang), MAP_MODES, horizontal=True, format_func=lambda m: t(f"reg.map_{m}", lang),
             **state.bind("map", KEYS["map"]))
    c2.radio(t("reg.color_mode", lang), COLOR_MODES, horizontal=True,
             format_func=lambda m: t(f"reg.color_{m}", lang), **state.bind("color", KEYS["color"]))
    frame_ = mc.map_frame(standing, regs, lang)
    color = state.get("color")
    if state.get("map") == "geo":
        fig = geo_figure(lang, frame_, color, tiers, code)
        if fig is not None:
            clickable(fig, f"reg_geo_map_{code}", lang)
            st.caption(t("reg.geo_note", lang))
            return
    clickable(mc.tile_map(frame_, color, tiers, code, lang), f"reg_tile_map_{code}", lang)
    st.caption(t("reg.tile_note", lang))


def clickable(fig, key, lang):
    """A map whose tiles or regions select a regency (the key follows the regency, so a
    new choice starts a fresh chart without the old click's highlight)."""
    chart(fig, key, lang, on_select=state.select("regency", key, then=lambda: state.set("peers", None)))


def geo_figure(lang, frame_, color, tiers, code):
    """The choropleth, or None (with a warning) when the boundary file is not usable."""
    try:
        match = regency_boundaries()
    except BoundaryError as e:
        st.warning(t("reg.boundary_error", lang))
        admin_note(lang, t("reg.boundary_error_admin", lang, error=str(e), path=str(boundary_path()[0])))
        return None
    if match.unmatched or match.missing:
        st.warning(t("reg.boundary_unmatched", lang, n=len(match.unmatched) + len(match.missing)))
        admin_note(lang, t("reg.boundary_unmatched_admin", lang, unmatched="; ".join(match.unmatched) or "–",
                           missing=", ".join(match.missing) or "–", how=match.matched_by,
                           path=str(boundary_path()[0])))
    return mc.geo_map(match.matched, frame_, color, tiers, code, lang)


# ---------------------------------------------------------------- comparison

def comparison(lang, status, standing, regs, code):
    names = dict(zip(regs.regency_code, regs.regency_name))
    c1, c2 = st.columns([3, 2])
    c1.multiselect(t("reg.peers", lang), [c for c in regs.regency_code if c != code], format_func=names.get,
                   max_selections=MAX_PEERS, placeholder=t("reg.peers_placeholder", lang),
                   **state.bind("peers", KEYS["peers"], to_widget=lambda _: peers_of(code, regs),
                                from_widget=lambda v: tuple(v) or None))
    c2.radio(t("reg.period", lang), PERIODS, horizontal=True,
             format_func=lambda p: t("reg.period_all", lang) if p == "all" else t("reg.period_n", lang, n=p),
             **state.bind("period", KEYS["period"]))
    chosen = [code] + peers_of(code, regs)
    monthly = q.regency_goal_monthly(",".join(chosen), since_month(status, state.get("period")))
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
    since = pd.Timestamp(since_month(status, state.get("period")))
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
    chart(rc.mix_bars(payer, labels, lang, t("reg.mix_payer", lang), color=palette.PAYER["APBD_KAB"]), "reg_mix_payer", lang, where=right)
    sector = m[m.dimension == "sector"]
    chart(rc.mix_bars(sector, sector[name].tolist(), lang, t("reg.mix_sector", lang),
                                  color=palette.BAR_ALT), "reg_mix_sector", lang, where=left)


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
    left, right = st.columns([2, 3])
    with left:
        chart(mc.district_map(district_boundaries(row.regency_code), districts, lang), "reg_district_map", lang)
        st.caption(t("reg.district_map_note", lang))
    with right:
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

def regency_picker(lang, regs):
    names = dict(zip(regs.regency_code, regs.regency_name))
    st.selectbox(t("reg.choose", lang), [state.ALL, *regs.regency_code],
                 format_func=lambda c: t("reg.choose_none", lang) if c == state.ALL else names[c],
                 **state.bind_all("regency", KEYS["regency"], then=new_regency))
    return state.get("regency")


@frame("reg.title")
def page(lang, status):
    state.use(PARAMS)
    regs = common.regencies()
    standing = q.regency_standing()
    code = regency_picker(lang, regs)
    tiers = common.tiers()
    if code is None:
        st.info(t("reg.pick_hint", lang))
    else:
        row = standing.set_index("regency_code", drop=False).loc[code]
        headline(lang, status, row, tiers, len(standing))
        exports.filters(place=row.regency_name)
        exports.brief_download(lang, status["as_of"], code, row.regency_name)

    st.subheader(t("reg.where_all_stand", lang))
    left, right = st.columns([3, 2])
    with left:
        regency_map(lang, standing, regs, tiers, code)
    with right:
        chart(rc.ranking(standing, tiers, code, lang), "reg_ranking", lang)
    if code is None:
        return
    st.subheader(t("reg.compare", lang))
    comparison(lang, status, standing, regs, code)
    detail(lang, status, row)
    districts_and_villages(lang, status, row)


page()
