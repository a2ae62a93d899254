"""Incentive tiers: the tier table in force, which regions earned which tier and since
when, what each needs to reach the next, history, drops, and a 'what if'."""
import pandas as pd
import streamlit as st

from ui import fmt, queries
from ui import sector_charts as sc
from ui.charts import CONFIG
from ui.i18n import t
from ui.layout import guarded, status_line


def label(row, lang, prefix="tier"):
    return row[f"{prefix}_label_id" if lang == "id" else f"{prefix}_label_en"]


def tier_table(lang, tiers):
    st.subheader(t("tier.table_title", lang))
    inc = "incentive_id" if lang == "id" else "incentive_en"
    st.dataframe({t("tier.col_tier", lang): tiers["label_id" if lang == "id" else "label_en"],
                  t("tier.col_min_pct", lang): [fmt.pct(v, 0 if float(v).is_integer() else 1, lang)
                                                for v in tiers["min_pct"]],
                  t("tier.col_incentive", lang): tiers[inc]},
                 hide_index=True, width="stretch", key="tier_config_table")
    st.caption(t("tier.rule_note", lang))


def eta_text(row, lang):
    """When the next tier is reached at the last 6 months' pace (month and months), or why not."""
    if pd.isna(row["next_tier"]):
        return t("tier.top_reached", lang)
    if pd.isna(row["months_to_next"]):
        return t("tier.not_at_pace", lang)
    if pd.isna(row["next_tier_eta_month"]):
        return t("tier.beyond_50y", lang)
    return t("tier.eta", lang, month=fmt.month(row["next_tier_eta_month"], lang),
             n=fmt.number(row["months_to_next"], lang))


def next_text(row, lang):
    if pd.isna(row["next_tier"]):
        return "–"
    return t("tier.next_short", lang, tier=label(row, lang, "next_tier"), n=fmt.number(row["members_to_next"], lang))


def optional(value, lang, formatter=fmt.number):
    return "–" if pd.isna(value) else formatter(value, lang)


def province_metrics(lang, prov):
    c1, c2, c3 = st.columns(3)
    c1.metric(t("tier.province_tier", lang), label(prov, lang),
              t("tier.attainment_of", lang, pct=fmt.pct(prov["attainment_pct"], 1, lang),
                target=fmt.number(prov["target"], lang)), delta_color="off", delta_arrow="off")
    if pd.isna(prov["next_tier"]):
        c2.metric(t("tier.top_reached", lang), "–")
        return
    c2.metric(t("tier.to_next_named", lang, tier=label(prov, lang, "next_tier")),
              fmt.number(prov["members_to_next"], lang),
              t("tier.needs_active", lang, n=fmt.number(prov["next_tier_members"], lang)),
              delta_color="off", delta_arrow="off")
    pace = t("tier.pace_per_month", lang, pace=fmt.signed(prov["pace_6m"], lang, 1))
    value = (t("tier.n_months", lang, n=fmt.number(prov["months_to_next"], lang))
             if pd.notna(prov["next_tier_eta_month"]) else eta_text(prov, lang))
    delta = (f"{pace} · {fmt.month(prov['next_tier_eta_month'], lang)}"
             if pd.notna(prov["next_tier_eta_month"]) else pace)
    c3.metric(t("tier.at_pace", lang), value, delta, delta_color="off", delta_arrow="off")


def regency_table(lang, reg):
    st.subheader(t("tier.regencies_title", lang))
    st.dataframe({
        t("table.regency", lang): reg["area_name"],
        t("table.target", lang): [fmt.number(v, lang) for v in reg["target"]],
        t("table.active", lang): [fmt.number(v, lang) for v in reg["n_active"]],
        t("table.attainment", lang): [fmt.pct(v, 1, lang) for v in reg["attainment_pct"]],
        t("table.tier", lang): [label(r, lang) for _, r in reg.iterrows()],
        t("tier.col_since", lang): [fmt.month(v, lang) for v in reg["tier_since_month"]],
        t("tier.col_next", lang): [next_text(r, lang) for _, r in reg.iterrows()],
        t("tier.col_pace", lang): [fmt.signed(v, lang, 1) for v in reg["pace_6m"]],
        t("tier.col_eta", lang): [eta_text(r, lang) for _, r in reg.iterrows()],
    }, hide_index=True, width="stretch", height=35 * 23 + 3, key="tier_regency_table")
    st.caption(t("tier.pace_note", lang))


def what_if(lang, reg):
    st.subheader(t("tier.whatif_title", lang))
    names = dict(zip(reg["area_code"], reg["area_name"]))
    c1, c2 = st.columns(2)
    code = c1.selectbox(t("tier.whatif_regency", lang), sorted(names), format_func=names.get,
                        key="tier_whatif_regency")
    more = c2.number_input(t("tier.whatif_more", lang), min_value=0, max_value=10_000_000, value=100,
                           step=100, key="tier_whatif_more")
    res = queries.tier_what_if(code, int(more)).iloc[0]
    now = reg[reg["area_code"] == code].iloc[0]
    st.metric(t("tier.whatif_result", lang, n=fmt.number(more, lang), regency=names[code]),
              res["tier_after_label_id" if lang == "id" else "tier_after_label_en"],
              t("tier.whatif_detail", lang, active=fmt.number(res["n_after"], lang),
                pct=fmt.pct(res["attainment_after_pct"], 1, lang), now=label(now, lang)),
              delta_color="off", delta_arrow="off")


def reached_table(lang, reached):
    st.subheader(t("tier.reached_title", lang))
    lab = "tier_label_id" if lang == "id" else "tier_label_en"
    tiers = reached.drop_duplicates("tier").sort_values("tier")
    table = {t("table.regency", lang): reached.drop_duplicates("regency_code")["regency_name"].tolist()}
    for _, tr in tiers.iterrows():
        col = reached[reached["tier"] == tr["tier"]]
        table[tr[lab]] = [fmt.month(v, lang) for v in col["first_reached_month"]]
    st.dataframe(table, hide_index=True, width="stretch", height=35 * 23 + 3, key="tier_reached_table")
    st.caption(t("tier.reached_note", lang))


def drops_table(lang, drops):
    st.subheader(t("tier.drops_title", lang))
    if drops.empty:
        st.info(t("tier.no_drops", lang))
        return
    st.dataframe({
        t("tier.col_month", lang): [fmt.month(v, lang) for v in drops["month"]],
        t("table.regency", lang): drops["regency_name"],
        t("tier.col_from_to", lang): [f"{label(r, lang, 'tier_from')} → {label(r, lang, 'tier_to')}"
                                      for _, r in drops.iterrows()],
        t("tier.col_active_change", lang): [f"{fmt.number(a, lang)} → {fmt.number(b, lang)}"
                                            for a, b in zip(drops["n_active_before"], drops["n_active"])],
        t("tier.col_budget_change", lang): [f"{fmt.number(a, lang)} → {fmt.number(b, lang)}"
                                            for a, b in zip(drops["n_budget_paid_before"], drops["n_budget_paid"])],
    }, hide_index=True, width="stretch", key="tier_drops_table")
    st.caption(t("tier.drops_note", lang))


def areas_section(lang, status, reg):
    st.subheader(t("tier.areas_title", lang))
    names = dict(zip(reg["area_code"], reg["area_name"]))
    c1, c2 = st.columns(2)
    code = c1.selectbox(t("tier.areas_regency", lang), sorted(names), format_func=names.get,
                        key="tier_area_regency")
    level = c2.segmented_control(t("tier.areas_level", lang), ["district", "village"], default="district",
                                 format_func=lambda v: t(f"tier.level_{v}", lang), key="tier_area_level")
    areas = queries.tier_areas(code, level or "district")
    if areas.empty:
        st.info(t("tier.no_area_targets", lang))
        return
    hidden = areas["suppression"].notna()
    hid = t("sec.hidden_short", lang)
    st.dataframe({
        t("tier.col_area", lang): areas["area_name"],
        t("table.target", lang): [fmt.number(v, lang) for v in areas["target"]],
        t("table.active", lang): [hid if h else fmt.number(v, lang) for v, h in zip(areas["n_active"], hidden)],
        t("table.attainment", lang): [hid if h else fmt.pct(v, 1, lang)
                                      for v, h in zip(areas["attainment_pct"], hidden)],
        t("table.tier", lang): [hid if h else label(r, lang) for (_, r), h in zip(areas.iterrows(), hidden)],
        t("tier.col_to_next", lang): [hid if h else ("–" if pd.isna(v) else fmt.number(v, lang))
                                      for v, h in zip(areas["n_to_next_tier"], hidden)],
    }, hide_index=True, width="stretch", key="tier_area_table")
    st.caption(t("tier.areas_note", lang, k=status["suppress_below"], n=fmt.number(int(hidden.sum()), lang),
                 total=fmt.number(len(areas), lang)))


@guarded
def page(lang):
    status = queries.status()
    st.title(t("tier.title", lang))
    st.caption(status_line(status, lang))
    progress = queries.tier_progress()
    if progress.empty:
        st.info(t("empty.no_rows", lang))
        return
    tier_table(lang, queries.tiers())
    prov = progress[progress["level"] == "province"].iloc[0]
    reg = progress[progress["level"] == "regency"]
    province_metrics(lang, prov)
    regency_table(lang, reg)
    what_if(lang, reg)
    st.plotly_chart(sc.tier_distribution(queries.tier_distribution(), lang), config=CONFIG, key="tier_dist")
    reached_table(lang, queries.tier_reached())
    drops_table(lang, queries.tier_transitions(drops_only=True))
    areas_section(lang, status, reg)


page()
