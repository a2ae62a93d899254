"""Province overview: active members toward the goal, pace, trajectory, regencies."""
import math

import streamlit as st

from ui import charts, exports, fmt, tables, words
from ui.i18n import t
from ui.layout import chart, frame
from ui.queries import overview as q
from ui.tables import Col, Table
from ui.trace import trace

PACE = Table("laju", (
    Col("period", "overview.col_period", "text"),
    Col("pace_per_month", "overview.col_pace", "signed", digits=0),
    Col("pace_self_paid_per_month", "overview.col_pace_self", "signed", digits=0),
    Col("pace_budget_paid_per_month", "overview.col_pace_budget", "signed", digits=0),
    Col("budget_year", "overview.col_budget_year", "text"),
    Col("eta_text", "overview.col_eta", "text"),
    Col("on_pace", "overview.col_on_pace", "text"),
))
REGENCIES = tables.REGENCY_PROGRESS


def headline(lang, status, monthly, pace):
    active, target = int(monthly.iloc[-1].n_active), status["target"]
    gap, needed = int(pace.gap.iloc[0]), pace.needed_per_month.iloc[0]
    deadline = fmt.month_long(status["deadline"], lang)
    c1, c2, c3 = st.columns(3)
    c1.metric(t("overview.headline", lang, segments=", ".join(status["goal_segments"])),
              fmt.number(active, lang),
              t("overview.share_of_target", lang, pct=fmt.pct_cut(100 * active / target, 1, lang),
                target=fmt.number(target, lang)), delta_color="off", delta_arrow="off")
    with c1:
        trace("active", "province", "53", lang, status, "mart_province_monthly", key="trace_province")
    c2.metric(t("overview.gap", lang), fmt.number(gap, lang), t("overview.deadline_is", lang, deadline=deadline),
              delta_color="off", delta_arrow="off")
    c3.metric(t("overview.needed_per_month", lang, deadline=deadline),
              fmt.number(math.ceil(needed), lang) if not fmt.is_missing(needed) else t("overview.deadline_passed", lang),
              t("overview.net_per_month", lang), delta_color="off", delta_arrow="off")


def pace_table(lang, pace):
    rows = pace.assign(
        period=[t("overview.recent_pace", lang, n=n) for n in pace.window_months],
        on_pace=[t("overview.yes" if ok else "overview.no", lang) for ok in pace.is_on_pace],
        budget_year=[t("overview.budget_year_in" if jan else "overview.budget_year_none", lang)
                     for jan in pace.has_january],
        eta_text=[words.eta_text(e, p, lang) for e, p in zip(pace.eta_month, pace.pace_per_month)])
    tables.show(PACE, rows, lang, key="overview_pace")
    st.caption(t("overview.pace_note", lang))


def other_segments(lang, status, monthly):
    now = monthly.iloc[-1]
    st.subheader(t("overview.other_segments", lang))
    cols = st.columns(4)
    for col, seg in zip(cols, ["BPU", "PU", "JAKON", "PMI"]):
        mark = " ★" if seg in status["goal_segments"] else ""
        col.metric(t(f"segment.{seg}", lang) + mark, fmt.number(int(now[f"n_active_{seg.lower()}"]), lang),
                   t("overview.registered_n", lang,
                     n=fmt.number(int(now[f"n_registered_{seg.lower()}"]), lang)), delta_color="off",
                   delta_arrow="off")
    st.caption(t("overview.goal_star", lang))


def regency_table(lang, status, reg):
    st.subheader(t("overview.regencies", lang))
    st.caption(t("table.sorted_worst_first", lang))
    rows = reg.assign(tier_label=reg["tier_label_id" if lang == "id" else "tier_label_en"])
    tables.show(REGENCIES, rows, lang, key="overview_regencies", height=35 * 23 + 3)
    trace("active", "regency", reg.regency_code.iloc[0], lang, status, "mart_regency_progress",
          key="trace_regencies", choices=dict(zip(reg.regency_code, reg.regency_name)))


@frame("overview.title")
def page(lang, status):
    monthly = q.province_monthly()
    pace = q.pace()
    headline(lang, status, monthly, pace)
    exports.brief_download(lang, status["as_of"])
    pace_table(lang, pace)
    path = q.projection().rename(columns={"target_path": "value"})
    chart(charts.trajectory(monthly, path, status["target"], lang), "overview_trajectory", lang)
    other_segments(lang, status, monthly)
    regency_table(lang, status, q.regency_progress())


page()
