"""Sectors: which sectors of the informal workforce are reached, against estimates of
their size; where, since when, and how free-text occupations were mapped to sectors."""
import streamlit as st

from ui import fmt, queries
from ui import sector_charts as sc
from ui.charts import CONFIG
from ui.i18n import t
from ui.layout import guarded, status_line
from ui.progress import add_months

PROVINCE = "53"


def scope_picker(lang):
    reg = queries.regencies()
    names = dict(zip(reg["kemendagri_code"], reg["name"]))
    return st.selectbox(t("sec.scope", lang), [PROVINCE, *names], key="sec_scope",
                        format_func=lambda c: t("sec.province", lang) if c == PROVINCE else names[c])


def agriculture_metrics(lang, status, progress, summary):
    c1, c2, c3 = st.columns(3)
    c1.metric(t("sec.agri_active", lang, segments=", ".join(status["goal_segments"])),
              fmt.number(summary["agri_active"], lang),
              t("sec.share_of_goal_active", lang, pct=fmt.pct(summary["agri_share_pct"], 1, lang)),
              delta_color="off", delta_arrow="off")
    c2.metric(t("sec.agri_coverage", lang), fmt.pct(summary["agri_coverage_pct"], 2, lang),
              t("sec.of_estimate", lang, estimate=fmt.number(summary["agri_workforce_est"], lang)),
              delta_color="off", delta_arrow="off")
    low = progress.sort_values(["coverage_pct", "sort_order"]).iloc[0]
    c3.metric(t("sec.lowest_coverage", lang), fmt.pct(low["coverage_pct"], 2, lang), low[sc.name_col(lang)],
              delta_color="off", delta_arrow="off")


def cell(value, hidden, lang, formatter):
    return t("sec.hidden_short", lang) if hidden else formatter(value, lang)


def coverage_table(lang, df, province: bool):
    hidden = df["n_active"].isna()
    table = {
        t("sec.col_sector", lang): df[sc.name_col(lang)],
        t("sec.col_active", lang): [cell(v, h, lang, fmt.number) for v, h in zip(df["n_active"], hidden)],
        t("sec.col_estimate", lang): [fmt.number(v, lang) for v in df["workforce_est"]],
        t("sec.col_coverage", lang): [cell(v, h, lang, lambda x, lg: fmt.pct(x, 2, lg))
                                      for v, h in zip(df["coverage_pct"], hidden)],
    }
    if province:
        table[t("sec.col_all_segments", lang)] = [fmt.number(v, lang) for v in df["n_active_all_segments"]]
    st.dataframe(table, hide_index=True, width="stretch", key="sec_coverage_table")


def coverage_section(lang, status, progress):
    st.subheader(t("sec.coverage_title", lang))
    st.caption(t("sec.estimate_note", lang, segments=", ".join(status["goal_segments"])))
    code = scope_picker(lang)
    if code == PROVINCE:
        df, where = progress, t("sec.province", lang)
    else:
        df = queries.sector_regency(code)
        where = df["regency_name"].iloc[0]
    title = t("sec.coverage_chart", lang, where=where)
    st.plotly_chart(sc.coverage_bars(df, lang, title), config=CONFIG, key="sec_coverage_chart")
    coverage_table(lang, df, code == PROVINCE)
    if code != PROVINCE and df["n_active"].isna().any():
        st.caption(t("sec.hidden_note", lang, k=status["suppress_below"]))


def growth_section(lang, status, progress, summary):
    as_of = status["as_of"]
    st.subheader(t("sec.growth_heading", lang))
    st.caption(t("sec.growth_note", lang, since=fmt.month_long(add_months(as_of, -12), lang),
                 until=fmt.month_long(as_of, lang), change=fmt.signed(summary["change_12m"], lang),
                 new=fmt.number(summary["n_new_12m"], lang)))
    st.plotly_chart(sc.growth_bars(progress, lang), config=CONFIG, key="sec_growth_chart")


def mapping_section(lang, status):
    st.subheader(t("sec.mapping_title", lang))
    m, s = queries.occupation_mapping(), queries.occupation_summary().iloc[0]
    c1, c2, c3 = st.columns(3)
    c1.metric(t("sec.fell_to_other", lang), fmt.number(s["n_other"], lang),
              t("sec.of_members", lang, pct=fmt.pct(s["other_pct"], 1, lang), total=fmt.number(s["n_members"], lang)),
              delta_color="off", delta_arrow="off")
    c2.metric(t("sec.unmatched", lang), fmt.number(s["n_unmatched"], lang))
    c3.metric(t("sec.blank", lang), fmt.number(s["n_blank"], lang))
    st.caption(t("sec.mapping_note", lang, k=status["suppress_below"]))
    with st.expander(t("sec.mapping_expander", lang)):
        text = [t("sec.blank_row", lang) if b else
                t("sec.rare_row", lang, n=fmt.number(n, lang), k=status["suppress_below"]) if r else o
                for o, r, b, n in zip(m["occupation_norm"], m["is_rare_group"], m["is_blank"], m["n_texts"])]
        st.dataframe({t("sec.col_occupation", lang): text,
                      t("sec.col_sector", lang): m[sc.name_col(lang)],
                      t("sec.col_members", lang): [fmt.number(v, lang) for v in m["n_members"]],
                      t("sec.col_members_goal", lang, segments=", ".join(status["goal_segments"])):
                          [fmt.number(v, lang) for v in m["n_members_goal"]]},
                     hide_index=True, width="stretch", key="sec_mapping_table")


@guarded
def page(lang):
    status = queries.status()
    st.title(t("sec.title", lang))
    st.caption(status_line(status, lang))
    progress = queries.sector_progress()
    if progress.empty or int(progress["n_registered"].sum()) == 0:
        st.info(t("empty.no_rows", lang))
        return
    summary = queries.sector_summary().iloc[0]
    agriculture_metrics(lang, status, progress, summary)
    coverage_section(lang, status, progress)
    st.subheader(t("sec.heatmap_title", lang))
    st.caption(t("sec.heatmap_note", lang, segments=", ".join(status["goal_segments"]),
                 k=status["suppress_below"]))
    st.plotly_chart(sc.sector_heatmap(queries.sector_regency(), lang), config=CONFIG, key="sec_heatmap")
    st.plotly_chart(sc.sector_trend(queries.sector_monthly(), lang), config=CONFIG, key="sec_trend")
    growth_section(lang, status, progress, summary)
    mapping_section(lang, status)


page()
