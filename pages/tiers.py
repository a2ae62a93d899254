"""Incentive tiers: the tier table in force, which regions earned which tier and since
when, what each needs to reach the next, history, drops, and a 'what if'. The area (the
province or the regency of every page, ui.state) drives the headline, the what-if and the
districts; the tables of all 22 regencies say so in their titles."""
import pandas as pd
import streamlit as st

from ui import fmt, state, tables, words
from ui import sector_charts as sc
from ui.i18n import t
from ui.layout import admin_note, chart, frame
from ui.queries import common
from ui.queries import tiers as q
from ui.tables import Col, Table

LEVELS = ("district", "village")
MOST = 10_000_000                   # the largest what-if a person may type
PARAMS = (state.Param("level", "district", choices=LEVELS), state.Param("more", "100"))

TIERS = Table("peringkat", (Col("label", "tier.col_tier", "text"), Col("min_pct", "tier.col_min_pct", "percent", 0),
                            Col("incentive", "tier.col_incentive", "text")))
REGENCIES = Table("peringkat_kabupaten", (
    Col("area_name", "table.regency", "text"), tables.TARGET, tables.ACTIVE,
    tables.ATTAINMENT, tables.TIER,
    Col("tier_since_month", "tier.col_since", "month"), Col("next_text", "tier.col_next", "text"),
    Col("pace_6m", "tier.col_pace", "signed", 1), Col("eta_text", "tier.col_eta", "text")))
DROPS = Table("turun_peringkat", (
    Col("month", "tier.col_month", "month"), tables.REGENCY,
    Col("from_to", "tier.col_from_to", "text"), Col("active_change", "tier.col_active_change", "text"),
    Col("budget_change", "tier.col_budget_change", "text")))
AREAS = Table("peringkat_wilayah", (
    Col("area_name", "tier.col_area", "text"), tables.TARGET,
    tables.ACTIVE, tables.ATTAINMENT,
    tables.TIER, Col("n_to_next_tier", "tier.col_to_next")))


def label(row, lang, prefix="tier"):
    return row[f"{prefix}_label_id" if lang == "id" else f"{prefix}_label_en"]


def scoped(title: str, lang: str) -> str:
    """A title of a table of all 22 regencies, saying so when a regency is chosen."""
    return t("scope.province", lang, title=title) if state.get("regency") else title


def tier_table(lang, tiers):
    st.subheader(t("tier.table_title", lang))
    rows = tiers.assign(label=tiers["label_id" if lang == "id" else "label_en"],
                        incentive=tiers["incentive_id" if lang == "id" else "incentive_en"])
    tables.show(TIERS, rows, lang, key="tier_config_table")
    st.caption(t("tier.rule_note", lang))
    admin_note(lang, t("tier.rule_admin", lang))


def eta_text(row, lang):
    """When the next tier is reached at the last 6 months' pace (month and months), or why not."""
    if pd.isna(row["next_tier"]):
        return t("tier.top_reached", lang)
    if pd.isna(row["next_tier_eta_month"]):
        return words.eta_text(None, row["pace_6m"], lang)
    return t("tier.eta", lang, month=fmt.month(row["next_tier_eta_month"], lang),
             n=fmt.number(row["months_to_next"], lang))


def next_text(row, lang):
    if pd.isna(row["next_tier"]):
        return "–"
    return t("tier.next_short", lang, tier=label(row, lang, "next_tier"), n=fmt.number(row["n_to_next_tier"], lang))


def area_metrics(lang, prov):
    """Tier, members to the next tier and when, of the province or the chosen regency."""
    c1, c2, c3 = st.columns(3)
    name = t("tier.province", lang) if prov["level"] == "province" else prov["area_name"]
    c1.metric(t("tier.area_tier", lang, name=name), label(prov, lang),
              t("tier.attainment_of", lang, pct=fmt.pct_cut(prov["attainment_pct"], 1, lang),
                target=fmt.number(prov["target"], lang)), delta_color="off", delta_arrow="off")
    if pd.isna(prov["next_tier"]):
        c2.metric(t("tier.top_reached", lang), "–")
        return
    c2.metric(t("tier.to_next_named", lang, tier=label(prov, lang, "next_tier")),
              fmt.number(prov["n_to_next_tier"], lang),
              t("tier.needs_active", lang, n=fmt.number(prov["n_for_next_tier"], lang)),
              delta_color="off", delta_arrow="off")
    pace = t("tier.pace_per_month", lang, pace=fmt.signed(prov["pace_6m"], lang, 1))
    value = (t("tier.n_months", lang, n=fmt.number(prov["months_to_next"], lang))
             if pd.notna(prov["next_tier_eta_month"]) else eta_text(prov, lang))
    delta = (f"{pace} · {fmt.month(prov['next_tier_eta_month'], lang)}"
             if pd.notna(prov["next_tier_eta_month"]) else pace)
    c3.metric(t("tier.at_pace", lang), value, delta, delta_color="off", delta_arrow="off")


def regency_table(lang, reg):
    st.subheader(scoped(t("tier.regencies_title", lang), lang))
    rows = reg.assign(tier_label=[label(r, lang) for _, r in reg.iterrows()],
                      next_text=[next_text(r, lang) for _, r in reg.iterrows()],
                      eta_text=[eta_text(r, lang) for _, r in reg.iterrows()])
    tables.show(REGENCIES, rows, lang, key="tier_regency_table", height=35 * 23 + 3)
    st.caption(t("tier.pace_note", lang))


def what_if(lang, area):
    """What a number of new members would do to the tier of the area; the number is typed
    the page's way ("14.845"), and anything that is not a whole number says why instead."""
    name = t("tier.province", lang) if area["level"] == "province" else area["area_name"]
    st.subheader(t("tier.whatif_title", lang, name=name))
    text = st.text_input(t("tier.whatif_more", lang), placeholder=fmt.number(100, lang),
                         help=t("tier.whatif_help", lang, example=fmt.number(14845, lang)),
                         **state.bind("more", "tier_whatif_more", to_widget=lambda v: shown_more(v, lang),
                                      from_widget=lambda v: stored_more(v, lang)))
    try:
        more = fmt.parse_whole(text, lang, most=MOST)
    except fmt.NotWhole as e:
        st.warning(t(f"tier.whatif_{e.args[0]}", lang, text=text, most=fmt.number(MOST, lang)))
        return
    res = q.tier_what_if(area["area_code"], more, area["level"]).iloc[0]
    st.metric(t("tier.whatif_result", lang, n=fmt.number(more, lang), regency=name),
              res["tier_after_label_id" if lang == "id" else "tier_after_label_en"],
              t("tier.whatif_detail", lang, active=fmt.number(res["n_after"], lang),
                pct=fmt.pct_cut(res["attainment_after_pct"], 1, lang), now=label(area, lang)),
              delta_color="off", delta_arrow="off")


def shown_more(value, lang) -> str:
    """The what-if number as the box shows it: the address keeps digits, the box the page's way."""
    return fmt.number(int(value), lang) if str(value).isdigit() else str(value)


def stored_more(text, lang) -> str:
    try:
        return str(fmt.parse_whole(text, lang, most=MOST))
    except fmt.NotWhole:
        return str(text)


def reached_table(lang, reached):
    st.subheader(scoped(t("tier.reached_title", lang), lang))
    lab = "tier_label_id" if lang == "id" else "tier_label_en"
    wide = reached.pivot(index=["regency_code", "regency_name"], columns="tier", values="first_reached_month")
    wide.columns = [f"tier_{c}" for c in wide.columns]
    tiers = reached.drop_duplicates("tier").sort_values("tier")
    spec = Table("peringkat_dicapai", (tables.REGENCY,) + tuple(
        Col(f"tier_{r.tier}", "", "month", text=getattr(r, lab)) for r in tiers.itertuples()))
    tables.show(spec, wide.reset_index(), lang, key="tier_reached_table", height=35 * 23 + 3)
    st.caption(t("tier.reached_note", lang))


def drops_table(lang, drops):
    st.subheader(scoped(t("tier.drops_title", lang), lang))
    if drops.empty:
        st.info(t("tier.no_drops", lang))
        return
    rows = drops.assign(
        from_to=[f"{label(r, lang, 'tier_from')} → {label(r, lang, 'tier_to')}" for _, r in drops.iterrows()],
        active_change=[f"{fmt.number(a, lang)} → {fmt.number(b, lang)}"
                       for a, b in zip(drops["n_active_before"], drops["n_active"])],
        budget_change=[f"{fmt.number(a, lang)} → {fmt.number(b, lang)}"
                       for a, b in zip(drops["n_budget_paid_before"], drops["n_budget_paid"])])
    tables.show(DROPS, rows, lang, key="tier_drops_table")
    st.caption(t("tier.drops_note", lang))


def areas_section(lang, status, area):
    if area["level"] == "province":
        st.subheader(t("tier.areas_title", lang))
        st.info(t("tier.areas_pick", lang))
        return
    st.subheader(t("tier.areas_title_of", lang, name=area["area_name"]))
    level = st.segmented_control(t("tier.areas_level", lang), LEVELS,
                                 format_func=lambda v: t(f"tier.level_{v}", lang),
                                 **state.bind("level", "tier_area_level",
                                              from_widget=lambda v: v or "district"))
    areas = q.tier_areas(area["area_code"], level or "district")
    if areas.empty:
        st.info(t("tier.no_area_targets", lang))
        return
    hidden = areas["is_suppressed"]
    rows = areas.assign(tier_label=[t("table.hidden", lang) if h else label(r, lang)
                                    for (_, r), h in zip(areas.iterrows(), hidden)])
    tables.show(AREAS, rows, lang, key="tier_area_table")
    st.caption(t("tier.areas_note", lang, k=status["suppress_below"], n=fmt.number(int(hidden.sum()), lang),
                 total=fmt.number(len(areas), lang)))


def area_picker(lang, reg):
    """The area of the page: all of NTT or one regency (the regency of every page)."""
    names = dict(zip(reg["area_code"], reg["area_name"]))
    st.selectbox(t("scope.where", lang), [state.ALL, *sorted(names)],
                 format_func=lambda c: t("scope.all_ntt", lang) if c == state.ALL else names[c],
                 **state.bind_all("regency", "tier_regency"))


@frame("tier.title")
def page(lang, status):
    state.use(PARAMS)
    progress = q.tier_progress()
    reg = progress[progress["level"] == "regency"]
    area_picker(lang, reg)
    code = state.get("regency")
    area = (reg[reg["area_code"] == code] if code else progress[progress["level"] == "province"]).iloc[0]
    area_metrics(lang, area)
    what_if(lang, area)
    tier_table(lang, common.tiers())
    regency_table(lang, reg)
    dist = sc.tier_distribution(q.tier_distribution(), lang)
    chart(dist.update_layout(title=scoped(dist.layout.title.text, lang)), "tier_dist", lang)
    reached_table(lang, q.tier_reached())
    drops_table(lang, q.tier_transitions(drops_only=True))
    areas_section(lang, status, area)


page()
