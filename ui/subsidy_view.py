"""The subsidies tab of the claims page: wage subsidies (BSU) and who they reached,
contributions paid by budgets and donors, and whether workers stay once a budget stops.
Layout only: queries from ui.queries.claims, tables declared once here."""
import pandas as pd
import streamlit as st

from ui import claims_charts as cc
from ui import exports, fmt, tables, words
from ui.i18n import t
from ui.layout import chart, folded
from ui.queries import claims as q
from ui.tables import Col, Table

MINIMUM_PACKAGE_RP = 16_800                # BPU JKK Rp 10,000 + JKM Rp 6,800 (reference/bpjs_facts.md)
KEYS = {"scheme": "subs_scheme", "year": "subs_year"}
BUDGET = Table("iuran_anggaran", (
    Col("payer_name", "subs.col_payer", "text"), Col("budget_year", "subs.col_year", "text"),
    Col("n_workers", "subs.col_workers"), Col("worker_months", "subs.col_worker_months"),
    Col("contrib_rp", "subs.col_contrib", "rupiah"), Col("rp_per_worker_month", "subs.col_cost", "rupiah"),
    Col("contrib_est_rp", "subs.col_estimated", "rupiah")))
BUDGET_REGENCY = Table("iuran_anggaran_kabupaten", (
    Col("payer_name", "subs.col_payer", "text"), tables.REGENCY,
    Col("n_workers", "subs.col_workers"), Col("worker_months", "subs.col_worker_months"),
    Col("contrib_rp", "subs.col_contrib", "rupiah"), Col("rp_per_worker_month", "subs.col_cost", "rupiah")))


def name_col(lang) -> str:
    return "name_id" if lang == "id" else "name_en"


def bsu_section(lang, wide=False):
    st.subheader(words.scope(t("subs.bsu_title", lang), lang, regency=wide))
    schemes = q.subsidy_schemes()
    if schemes.empty:
        st.info(t("subs.none", lang))
        return
    scheme = schemes["scheme"].iloc[0]
    if len(schemes) > 1:
        scheme = st.selectbox(t("subs.scheme", lang), list(schemes["scheme"]), key=KEYS["scheme"])
    df = q.subsidy_regencies(scheme)
    n, rp = int(df["n_recipients"].sum()), int(df["subsidy_rp"].sum())
    rule_month = df["eligibility_month"].iloc[0]
    c1, c2, c3 = st.columns(3)
    c1.metric(f"{t('subs.recipients', lang)} · {scheme}", fmt.number(n, lang),
              t("subs.recipients_delta", lang, t1=fmt.number(df["n_tranche_1"].sum(), lang),
                t2=fmt.number(df["n_tranche_2"].sum(), lang)), delta_color="off", delta_arrow="off")
    c2.metric(t("subs.paid_total", lang), fmt.rupiah_short(rp, lang),
              t("subs.paid_delta", lang, per=fmt.rupiah_short(rp / n if n else None, lang)),
              delta_color="off", delta_arrow="off")
    if pd.notna(rule_month):
        eligible, reached = int(df["n_eligible"].sum()), int(df["n_reached"].sum())
        c3.metric(t("subs.reach", lang), fmt.pct(100 * reached / eligible if eligible else None, 1, lang),
                  t("subs.reach_delta", lang, reached=fmt.number(reached, lang), eligible=fmt.number(eligible, lang)),
                  delta_color="off", delta_arrow="off")
        st.caption(t("subs.eligibility_rule", lang, month=fmt.month_long(rule_month, lang)))
    else:
        st.caption(t("subs.no_rule", lang))
    cols = (tables.REGENCY,
            Col("n_tranche_1", "subs.col_tranche", text=t("subs.col_tranche", lang, n=1)),
            Col("n_tranche_2", "subs.col_tranche", text=t("subs.col_tranche", lang, n=2)),
            Col("subsidy_rp", "subs.col_amount", "rupiah"), Col("n_recipients", "subs.col_recipients"),
            Col("n_eligible", "subs.col_eligible"), Col("n_reached", "subs.col_reached"),
            Col("reach_pct", "subs.col_reach_pct", "percent"))
    if df["n_tranche_later"].sum():
        cols += (Col("n_tranche_later", "subs.col_tranche_later"),)
    tables.show(Table("bsu_kabupaten", cols), df, lang, key="subs_bsu_table", height=35 * 23 + 3)


def budget_section(lang, k, wide=False):
    st.subheader(words.scope(t("subs.budget_title", lang), lang, regency=wide))
    st.caption(t("subs.budget_note", lang, minimum=fmt.rupiah(MINIMUM_PACKAGE_RP, lang)))
    years = q.budget_years()
    if years.empty:
        st.info(t("subs.budget_none", lang))
        return None
    year = st.selectbox(t("subs.year_pick", lang), sorted(years["budget_year"].unique(), reverse=True),
                        key=KEYS["year"])
    now = years[years["budget_year"] == year]
    workers, months, rp = (int(now[c].sum()) for c in ("n_workers", "worker_months", "contrib_rp"))
    c1, c2, c3 = st.columns(3)
    c1.metric(t("subs.workers_covered", lang, year=year), fmt.number(workers, lang),
              t("subs.worker_months_delta", lang, n=fmt.number(months, lang)), delta_color="off", delta_arrow="off")
    c2.metric(t("subs.budget_rp", lang, year=year), fmt.rupiah_short(rp, lang), fmt.rupiah(rp, lang),
              delta_color="off", delta_arrow="off")
    c3.metric(t("subs.cost_per_worker_month", lang, year=year), fmt.rupiah(rp / months if months else None, lang),
              t("subs.cost_delta", lang, minimum=fmt.rupiah(MINIMUM_PACKAGE_RP, lang)),
              delta_color="off", delta_arrow="off")
    chart(cc.budget_workers(years, lang), "subs_workers_chart", lang)
    rows = years.assign(payer_name=years[name_col(lang)], budget_year=years["budget_year"].astype(str))
    tables.show(BUDGET, rows, lang, key="subs_budget_table", height=35 * (len(years) + 1) + 3)
    reg = q.budget_regencies(year)
    with (box := folded(t("subs.by_regency", lang, year=year), "subs_budget_regency_open")):
        tables.show(BUDGET_REGENCY, reg.assign(payer_name=reg[name_col(lang)]), lang,
                    key="subs_budget_regency_table", draw=box.open)
        if box.open:
            st.caption(t("claims.privacy_note", lang, k=k))


def retention_cell(paying, observable, cohort, lang) -> str:
    if pd.isna(observable) or not observable:
        return t("subs.not_observable", lang)
    pct = fmt.pct(100 * paying / observable, 1, lang)
    if observable == cohort:
        return f"{pct} ({fmt.number(paying, lang)})"
    return t("subs.partial", lang, pct=pct, paying=fmt.number(paying, lang), observable=fmt.number(observable, lang))


def retention_table(lang, df, key, by_regency: bool = False, draw: bool = True):
    hidden = t("table.hidden", lang)
    rows = df.assign(payer_name=df[name_col(lang)], budget_year=df["budget_year"].astype(str),
                     **{f"after_{h}": [hidden if s else retention_cell(p, o, c, lang) for p, o, c, s in
                                       zip(df[f"n_paying_{h}"], df[f"n_observable_{h}"], df["n_cohort"],
                                           df["is_suppressed"])] for h in cc.HORIZONS})
    cols = (Col("payer_name", "subs.col_payer", "text"), Col("budget_year", "subs.col_year", "text"))
    cols += (tables.REGENCY,) if by_regency else ()
    cols += (Col("n_cohort", "subs.col_cohort"),) + tuple(
        Col(f"after_{h}", "subs.col_after", "text", text=t("subs.col_after", lang, n=h)) for h in cc.HORIZONS)
    tables.show(Table("retensi_kabupaten" if by_regency else "retensi", cols), rows, lang, key=key, draw=draw)


def retention_section(lang, status, k, wide=False):
    st.subheader(words.scope(t("subs.retention_title", lang), lang, regency=wide))
    as_of = fmt.month_long(status["as_of"], lang)
    df = q.budget_retention()
    if df.empty:
        st.info(t("subs.retention_none", lang, as_of=as_of))
        return
    st.caption(t("subs.retention_rule", lang, as_of=as_of))
    chart(cc.retention_bars(df, lang), "subs_retention_chart", lang)
    retention_table(lang, df, "subs_retention_table")
    with (box := folded(t("subs.retention_by_regency", lang), "subs_retention_regency_open")):
        retention_table(lang, q.budget_retention(by_regency=True), "subs_retention_regency_table", True,
                        draw=box.open)
        if box.open:
            st.caption(t("claims.privacy_note", lang, k=k))


def subsidies_tab(lang, status, province_wide: bool = False):
    """The tab; province_wide: a regency is chosen on the page, and these sections (which
    show all of NTT, with tables by regency) say so in their titles."""
    exports.filters()   # the claims tab's period and regency do not apply here
    bsu_section(lang, province_wide)
    budget_section(lang, status["suppress_below"], province_wide)
    retention_section(lang, status, status["suppress_below"], province_wide)
