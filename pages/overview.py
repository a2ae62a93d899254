"""Province overview: active members toward the goal, pace, trajectory, regencies."""
import math

import streamlit as st

from ui import charts, fmt, progress, queries
from ui.i18n import t
from ui.layout import guarded, status_line


def headline(lang, status, monthly):
    now = monthly.iloc[-1]
    target, active = status["target"], int(now.n_active)
    gap = max(target - active, 0)
    c1, c2, c3 = st.columns(3)
    c1.metric(t("overview.headline", lang, segments=", ".join(status["goal_segments"])),
              fmt.number(active, lang),
              t("overview.share_of_target", lang, pct=fmt.pct(100 * active / target, 1, lang),
                target=fmt.number(target, lang)), delta_color="off", delta_arrow="off")
    c2.metric(t("overview.gap", lang), fmt.number(gap, lang),
              t("overview.deadline_is", lang, deadline=fmt.month_long(status["deadline"], lang)),
              delta_color="off", delta_arrow="off")
    needed = progress.needed_per_month(gap, status["as_of"], progress.parse_month(status["deadline"]))
    c3.metric(t("overview.needed_per_month", lang,
                deadline=fmt.month_long(status["deadline"], lang)),
              fmt.number(math.ceil(needed), lang) if needed is not None else t("overview.deadline_passed", lang),
              t("overview.net_per_month", lang), delta_color="off", delta_arrow="off")
    return active, gap, needed


def pace_table(lang, status, monthly, gap, needed):
    rows = []
    for n in (3, 6, 12):
        p = progress.pace(monthly["n_active"], n)
        when = progress.eta(status["as_of"], gap, p)
        on_pace = p is not None and needed is not None and p >= needed
        rows.append({
            t("overview.col_period", lang): t("overview.recent_pace", lang, n=n),
            t("overview.col_pace", lang): fmt.signed(round(p), lang) if p is not None else "–",
            t("overview.col_eta", lang): fmt.month_long(when, lang) if when else t("overview.eta_never", lang),
            t("overview.col_on_pace", lang): t("overview.yes" if on_pace else "overview.no", lang),
        })
    st.dataframe(rows, hide_index=True, width="stretch")


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


def regency_table(lang, reg):
    tier_col = "tier_label_id" if lang == "id" else "tier_label_en"
    table = {
        t("table.regency", lang): reg["regency_name"],
        t("table.target", lang): [fmt.number(v, lang) for v in reg["target"]],
        t("table.active", lang): [fmt.number(v, lang) for v in reg["active_members"]],
        t("table.attainment", lang): [fmt.pct(v, 1, lang) for v in reg["attainment_pct"]],
        t("table.tier", lang): reg[tier_col],
        t("table.change_3m", lang): [fmt.signed(v, lang) for v in reg["change_3m"]],
    }
    st.subheader(t("overview.regencies", lang))
    st.caption(t("table.sorted_worst_first", lang))
    st.dataframe(table, hide_index=True, width="stretch", height=35 * 23 + 3)


@guarded
def page(lang):
    status = queries.status()
    monthly = queries.province_monthly()
    st.title(t("overview.title", lang))
    st.caption(status_line(status, lang))
    if monthly.empty:
        st.info(t("empty.no_rows", lang))
        return
    active, gap, needed = headline(lang, status, monthly)
    pace_table(lang, status, monthly, gap, needed)
    path = progress.target_path(status["as_of"], active, status["target"],
                                progress.parse_month(status["deadline"]))
    st.plotly_chart(charts.trajectory(monthly, path, status["target"], lang), config=charts.CONFIG)
    other_segments(lang, status, monthly)
    regency_table(lang, queries.regency_progress())


page()
