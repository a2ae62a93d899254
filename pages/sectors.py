"""Sectors: which sectors of the informal workforce are reached, against estimates of
their size; where, since when, and how free-text occupations were mapped to sectors. The
area (all of NTT or the regency of every page, ui.state) drives the headline and the
coverage; the province-wide charts say so in their titles when a regency is chosen."""
import pandas as pd
import streamlit as st

from ui import fmt, state, tables
from ui import sector_charts as sc
from ui.i18n import t
from ui.layout import admin_note, chart, folded, frame
from ui.queries import common
from ui.queries import sectors as q
from ui.tables import Col, Table


def scope_picker(lang):
    """The area of the page: all of NTT (None) or one regency."""
    reg = common.regencies()
    names = dict(zip(reg["regency_code"], reg["regency_name"]))
    st.selectbox(t("sec.scope", lang), [state.ALL, *names],
                 format_func=lambda c: t("sec.province", lang) if c == state.ALL else names[c],
                 **state.bind_all("regency", "sec_scope"))
    return state.get("regency")


def scoped(title, lang) -> str:
    return t("scope.province", lang, title=title) if state.get("regency") else title


def regency_summary(cells: pd.DataFrame, progress: pd.DataFrame) -> dict | None:
    """The headline figures of one regency from its sector cells, or None when a hidden
    cell would be needed to compute them (so no hidden count can be worked out)."""
    agri = set(progress.loc[progress["is_agriculture"], "sector_code"])
    if cells["is_suppressed"].any():
        return None
    mine = cells["sector_code"].isin(agri)
    active, workforce = cells.loc[mine, "n_active"].sum(), cells.loc[mine, "workforce_est"].sum()
    total = cells["n_active"].sum()
    return {"agri_active": active, "agri_share_pct": 100 * active / total if total else None,
            "agri_workforce_est": workforce, "agri_coverage_pct": 100 * active / workforce if workforce else None}


def agriculture_metrics(lang, status, progress, summary, cells=None):
    c1, c2, c3 = st.columns(3)
    label = t("sec.agri_active", lang, segments=", ".join(status["goal_segments"]))
    if summary is None:
        c1.metric(label, t("table.hidden", lang), t("sec.hidden_short_note", lang), delta_color="off",
                  delta_arrow="off")
        return
    c1.metric(label, fmt.number(summary["agri_active"], lang),
              t("sec.share_of_goal_active", lang, pct=fmt.pct(summary["agri_share_pct"], 1, lang)),
              delta_color="off", delta_arrow="off")
    c2.metric(t("sec.agri_coverage", lang), fmt.pct(summary["agri_coverage_pct"], 2, lang),
              t("sec.of_estimate", lang, estimate=fmt.number(summary["agri_workforce_est"], lang)),
              delta_color="off", delta_arrow="off")
    rows = progress if cells is None else cells
    low = rows.sort_values(["coverage_pct", "sort_order"]).iloc[0]
    c3.metric(t("sec.lowest_coverage", lang), fmt.pct(low["coverage_pct"], 2, lang), low[sc.name_col(lang)],
              delta_color="off", delta_arrow="off")


COVERAGE = (Col("sector_name", "sec.col_sector", "text"),
            Col("n_active", "sec.col_active"),
            Col("workforce_est", "sec.col_estimate", hideable=False),
            Col("coverage_pct", "sec.col_coverage", "percent", digits=2))
COVERAGE_PROVINCE = Table("sektor", COVERAGE + (Col("n_active_all_segments", "sec.col_all_segments"),))
COVERAGE_REGENCY = Table("sektor_kabupaten", COVERAGE)


def coverage_table(lang, df, province: bool):
    rows = df.assign(sector_name=df[sc.name_col(lang)])
    tables.show(COVERAGE_PROVINCE if province else COVERAGE_REGENCY, rows, lang, key="sec_coverage_table")


def coverage_section(lang, status, progress, code, cells):
    st.subheader(t("sec.coverage_title", lang))
    st.caption(t("sec.estimate_note", lang, segments=", ".join(status["goal_segments"])))
    df, where = (progress, t("sec.province", lang)) if code is None else (cells, cells["regency_name"].iloc[0])
    chart(sc.coverage_bars(df, lang, t("sec.coverage_chart", lang, where=where)), "sec_coverage_chart", lang)
    coverage_table(lang, df, code is None)
    if code is not None and df["is_suppressed"].any():
        st.caption(t("sec.hidden_note", lang, k=status["suppress_below"]))


def growth_section(lang, status, progress, summary):
    as_of = status["as_of"]
    st.subheader(scoped(t("sec.growth_heading", lang), lang))
    since = pd.Timestamp(as_of) - pd.DateOffset(months=12)
    st.caption(t("sec.growth_note", lang, since=fmt.month_long(since, lang),
                 until=fmt.month_long(as_of, lang), change=fmt.signed(summary["change_12m"], lang),
                 new=fmt.number(summary["n_new_12m"], lang)))
    growth = sc.growth_bars(progress, lang)
    chart(growth.update_layout(title=scoped(growth.layout.title.text, lang)), "sec_growth_chart", lang)


def mapping_section(lang, status):
    st.subheader(scoped(t("sec.mapping_title", lang), lang))
    m, s = q.occupation_mapping(), q.occupation_summary().iloc[0]
    c1, c2, c3 = st.columns(3)
    c1.metric(t("sec.fell_to_other", lang), fmt.number(s["n_other"], lang),
              t("sec.of_members", lang, pct=fmt.pct(s["other_pct"], 1, lang), total=fmt.number(s["n_members"], lang)),
              delta_color="off", delta_arrow="off")
    c2.metric(t("sec.unmatched", lang), fmt.number(s["n_unmatched"], lang))
    c3.metric(t("sec.blank", lang), fmt.number(s["n_blank"], lang))
    st.caption(t("sec.mapping_note", lang, k=status["suppress_below"]))
    admin_note(lang, t("sec.mapping_admin", lang))
    with (box := folded(t("sec.mapping_expander", lang), "sec_mapping_open")):
        text = [t("sec.blank_row", lang) if b else
                t("sec.rare_row", lang, n=fmt.number(n, lang), k=status["suppress_below"]) if r else o
                for o, r, b, n in zip(m["occupation_norm"], m["is_rare_group"], m["is_blank"], m["n_texts"])]
        spec = Table("pemetaan_pekerjaan", MAPPING, label_args={"segments": ", ".join(status["goal_segments"])})
        tables.show(spec, m.assign(text=text, sector_name=m[sc.name_col(lang)]), lang, key="sec_mapping_table",
                    draw=box.open)


MAPPING = (Col("text", "sec.col_occupation", "text"), Col("sector_name", "sec.col_sector", "text"),
           Col("n_members", "sec.col_members"), Col("n_members_goal", "sec.col_members_goal"))


@frame("sec.title")
def page(lang, status):
    progress = q.sector_progress()
    if int(progress["n_registered"].sum()) == 0:
        st.info(t("empty.no_rows", lang))
        return
    code = scope_picker(lang)
    cells = None if code is None else q.sector_regency(code)
    summary = q.sector_summary().iloc[0] if code is None else regency_summary(cells, progress)
    agriculture_metrics(lang, status, progress, summary, cells)
    coverage_section(lang, status, progress, code, cells)
    st.subheader(scoped(t("sec.heatmap_title", lang), lang))
    st.caption(t("sec.heatmap_note", lang, segments=", ".join(status["goal_segments"]),
                 k=status["suppress_below"]))
    chart(sc.sector_heatmap(q.sector_regency(), lang), "sec_heatmap", lang)
    trend = sc.sector_trend(q.sector_monthly(), lang)
    chart(trend.update_layout(title=scoped(trend.layout.title.text, lang)), "sec_trend", lang)
    growth_section(lang, status, progress, q.sector_summary().iloc[0])
    mapping_section(lang, status)


page()
