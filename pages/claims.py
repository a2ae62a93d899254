"""Claims and subsidies, for the BPJS regional office: where the claim money goes (by
programme, regency and month, against the contributions collected, with unusual months
flagged and processing times), and how wage subsidies and budget-paid contributions turn
into protected workers who stay. The period lives in the URL (?from=2020-01&to=2020-08),
so the KiblatNTT article's "Rp 99 miliar, Jan-Aug 2020" is one link away."""
import datetime as dt

import pandas as pd
import streamlit as st

from ui import claims_charts as cc
from ui import fmt, queries
from ui.charts import CONFIG
from ui.i18n import t
from ui.layout import guarded, status_line

PROGRAMMES = ("JKK", "JKM", "JHT", "JP")
SPLIT_PROGRAMMES = ("JKK", "JKM", "JHT")   # contributions split by programme (BPU only)
SEGMENTS = ("BPU", "PU", "JAKON", "PMI")
MINIMUM_PACKAGE_RP = 16_800                # BPU JKK Rp 10,000 + JKM Rp 6,800 (reference/bpjs_facts.md)
ARTICLE_PERIOD = (dt.date(2020, 1, 1), dt.date(2020, 8, 1))
KEYS = {"period": "claims_period", "regency": "claims_regency", "segment": "claims_segment",
        "programme": "claims_loss_programme", "scheme": "subs_scheme", "year": "subs_year"}


# ---------------------------------------------------------------- period and filters

def month_start(value) -> dt.date:
    return dt.date(value.year, value.month, 1)


def add_months(d: dt.date, n: int) -> dt.date:
    i = d.year * 12 + d.month - 1 + n
    return dt.date(i // 12, i % 12 + 1, 1)


def month_range(first: dt.date, last: dt.date) -> list[dt.date]:
    n = (last.year - first.year) * 12 + last.month - first.month
    return [add_months(first, k) for k in range(n + 1)]


def parse_month(text) -> dt.date | None:
    try:
        y, m = str(text).split("-")[:2]
        return dt.date(int(y), int(m), 1)
    except (ValueError, TypeError):
        return None


def default_period(months: list[dt.date], as_of: dt.date) -> tuple[dt.date, dt.date]:
    """Year to date: January of the as-of year (or the first month with claims) to the as-of month."""
    end = min(as_of, months[-1])
    return max(dt.date(end.year, 1, 1), months[0]), end


def seed_period(months, as_of) -> None:
    """The period from the URL (?from=YYYY-MM&to=YYYY-MM) on a session's first run, else year to date."""
    ss = st.session_state
    if KEYS["period"] in ss:
        return
    start, end = (parse_month(st.query_params.get(k)) for k in ("from", "to"))
    ok = start in months and end in months and start <= end
    ss[KEYS["period"]] = (start, end) if ok else default_period(months, as_of)
    ss[KEYS["period"] + "_version"] = 0


def set_period(start, end) -> None:
    """A preset: store the period and give the slider a new key, so it starts from it."""
    st.session_state[KEYS["period"]] = (start, end)
    st.session_state[KEYS["period"] + "_version"] += 1


def period_picker(lang, months, as_of) -> tuple[dt.date, dt.date]:
    seed_period(months, as_of)
    ss = st.session_state
    ytd = default_period(months, as_of)
    chosen = tuple(m if m in months else ytd[i] for i, m in enumerate(ss[KEYS["period"]]))
    start, end = st.select_slider(t("claims.period", lang), options=months, value=chosen,
                                  key=f"{KEYS['period']}_{ss[KEYS['period'] + '_version']}",
                                  format_func=lambda m: fmt.month(m, lang))
    ss[KEYS["period"]] = (start, end)
    presets = [("claims_preset_ytd", "claims.preset_ytd", ytd), ("claims_preset_all", "claims.preset_all",
                                                                  (months[0], months[-1]))]
    if ARTICLE_PERIOD[0] in months and ARTICLE_PERIOD[1] in months:
        presets.insert(1, ("claims_preset_article", "claims.preset_article", ARTICLE_PERIOD))
    with st.container(horizontal=True):
        for key, label, period in presets:
            st.button(t(label, lang), on_click=set_period, args=period, key=key)
    st.query_params["from"], st.query_params["to"] = f"{start:%Y-%m}", f"{end:%Y-%m}"
    return start, end


def filters(lang):
    regs = queries.regencies()
    names = dict(zip(regs["kemendagri_code"], regs["name"]))
    c1, c2 = st.columns(2)
    regency = c1.selectbox(t("claims.regency", lang), [None, *names], key=KEYS["regency"],
                           format_func=lambda c: t("claims.all_regencies", lang) if c is None else names[c])
    segment = c2.selectbox(t("claims.segment", lang), [None, *SEGMENTS], key=KEYS["segment"],
                           format_func=lambda s: t("claims.all_segments", lang) if s is None else
                           f"{s} – {t(f'segment.{s}', lang)}")
    return regency, segment


def period_text(start, end, lang) -> str:
    return t("claims.period_label", lang, start=fmt.month(start, lang), end=fmt.month(end, lang))


def change_text(now, before, lang) -> str:
    if not before:
        return fmt.MISSING
    return fmt.signed(100 * (now - before) / before, lang, 1) + "%"


def name_col(lang) -> str:
    return "name_id" if lang == "id" else "name_en"


# ---------------------------------------------------------------- claims tab

def headline(lang, progs, start, end):
    """The period's total (short Rupiah), its cases and the change against the same months a
    year earlier; the split by programme follows in the table below."""
    prev_period = period_text(add_months(start, -12), add_months(end, -12), lang)
    rp, n = int(progs["claims_rp"].sum()), int(progs["n_claims"].sum())
    rp_prev, n_prev = int(progs["claims_rp_prev"].sum()), int(progs["n_claims_prev"].sum())
    complete = bool(progs["prev_complete"].iloc[0])
    c1, c2, c3 = st.columns([1.3, 1, 1])
    c1.metric(t("claims.total", lang, period=period_text(start, end, lang)), fmt.rupiah_short(rp, lang),
              t("claims.prev_value", lang, period=prev_period, value=fmt.rupiah_short(rp_prev, lang))
              if complete else t("claims.no_prev", lang), delta_color="off", delta_arrow="off")
    c2.metric(t("claims.cases", lang), fmt.number(n, lang),
              t("claims.prev_value", lang, period=prev_period, value=fmt.number(n_prev, lang))
              if complete else t("claims.no_prev", lang), delta_color="off", delta_arrow="off")
    c3.metric(t("claims.change_vs_prev", lang), change_text(rp, rp_prev, lang) if complete else fmt.MISSING,
              t("claims.per_case", lang, value=fmt.rupiah_short(rp / n if n else None, lang)),
              delta_color="off", delta_arrow="off")
    return prev_period, complete


def programme_table(lang, progs, prev_period, complete):
    total_rp = progs["claims_rp"].sum()
    rows = progs.assign(label=[f"{c} · {nm}" for c, nm in zip(progs["programme_code"], progs[name_col(lang)])])
    total = pd.DataFrame([{"label": t("claims.total_row", lang), "n_claims": progs["n_claims"].sum(),
                           "claims_rp": total_rp, "n_claims_prev": progs["n_claims_prev"].sum(),
                           "claims_rp_prev": progs["claims_rp_prev"].sum()}])
    rows = pd.concat([rows, total], ignore_index=True)
    prev = (lambda f: f) if complete else (lambda f: (lambda v, lg: fmt.MISSING))
    table = {
        t("claims.col_programme", lang): rows["label"],
        t("claims.col_cases", lang): [fmt.number(v, lang) for v in rows["n_claims"]],
        t("claims.col_amount", lang): [fmt.rupiah(v, lang) for v in rows["claims_rp"]],
        t("claims.col_share", lang): [fmt.pct(100 * v / total_rp if total_rp else None, 1, lang)
                                      for v in rows["claims_rp"]],
        t("claims.col_cases_prev", lang, period=prev_period): [prev(fmt.number)(v, lang) for v in rows["n_claims_prev"]],
        t("claims.col_amount_prev", lang, period=prev_period): [prev(fmt.rupiah)(v, lang)
                                                                for v in rows["claims_rp_prev"]],
        t("claims.col_change", lang): [change_text(a, b, lang) if complete else fmt.MISSING
                                       for a, b in zip(rows["claims_rp"], rows["claims_rp_prev"])],
    }
    st.dataframe(table, hide_index=True, width="stretch", key="claims_programme_table")
    st.caption(t("claims.compare_note", lang, period=prev_period))


def loss_ratio_section(lang, start, end):
    st.subheader(t("claims.loss_title", lang))
    programme = st.segmented_control(
        t("claims.loss_programme", lang), [None, *SPLIT_PROGRAMMES], key=KEYS["programme"],
        format_func=lambda p: t("claims.loss_all", lang) if p is None else t("claims.loss_bpu", lang, code=p))
    df = queries.loss_ratio(start, end, programme)
    claims_rp, contrib_rp, est_rp = (int(df[c].sum()) for c in ("claims_rp", "contrib_rp", "contrib_est_rp"))
    c1, c2 = st.columns([1.4, 2])
    c1.metric(t("claims.loss_province", lang),
              fmt.pct(100 * claims_rp / contrib_rp, 1, lang) if contrib_rp else fmt.MISSING,
              t("claims.loss_province_delta", lang, claims=fmt.rupiah_short(claims_rp, lang),
                contrib=fmt.rupiah_short(contrib_rp, lang)), delta_color="off", delta_arrow="off")
    with c2:
        st.caption(t("claims.loss_note", lang))
        share = 100 * est_rp / contrib_rp if contrib_rp else None
        st.caption(t("claims.loss_estimate", lang, pct=fmt.pct(share, 2 if share and share < 1 else 1, lang),
                     amount=fmt.rupiah_short(est_rp, lang)) if est_rp else t("claims.loss_no_estimate", lang))
        if programme == "JHT" or programme is None:
            st.caption(t("claims.loss_jht_note", lang))
    left, right = st.columns([1, 1.8])
    if df["loss_ratio_pct"].notna().any():
        left.plotly_chart(cc.loss_ratio_bars(df, lang), config=CONFIG, key="claims_loss_chart")
    table = {
        t("table.regency", lang): df["regency_name"],
        t("claims.col_loss_ratio", lang): [fmt.pct(v, 1, lang) for v in df["loss_ratio_pct"]],
        t("claims.col_amount", lang): [fmt.rupiah(v, lang) for v in df["claims_rp"]],
        t("claims.col_contrib", lang): [fmt.rupiah(v, lang) for v in df["contrib_rp"]],
        t("claims.col_contrib_est", lang): [fmt.rupiah(v, lang) for v in df["contrib_est_rp"]],
    }
    right.dataframe(table, hide_index=True, width="stretch", height=35 * 23 + 3, key="claims_loss_table")


def anomaly_section(lang, start, end):
    st.subheader(t("claims.anomaly_title", lang))
    df = queries.claims_anomalies(start, end)
    scored = int(queries.claims_anomaly_counts(start, end)["n_scored"].iloc[0])
    if df.empty:
        st.caption(t("claims.anomaly_none", lang, scored=fmt.number(scored, lang)))
        return
    st.caption(t("claims.anomaly_rule", lang, n=fmt.number(len(df), lang), scored=fmt.number(scored, lang)))
    table = {
        t("claims.col_month", lang): [fmt.month(m, lang) for m in df["month"]],
        t("table.regency", lang): df["regency_name"],
        t("claims.col_amount", lang): [fmt.rupiah(v, lang) for v in df["claims_rp"]],
        t("claims.col_cases", lang): [fmt.number(v, lang) for v in df["n_claims"]],
        t("claims.col_history_median", lang): [fmt.rupiah(v, lang) for v in df["history_median_rp"]],
        t("claims.col_score", lang): [fmt.decimal(v, 1, lang) for v in df["robust_z"]],
        t("claims.col_direction", lang): [t("claims.above" if z > 0 else "claims.below", lang) for z in df["robust_z"]],
    }
    st.dataframe(table, hide_index=True, width="stretch", key="claims_anomaly_table",
                 height=min(35 * (len(df) + 1) + 3, 420))


def processing_section(lang, start, end, regency):
    st.subheader(t("claims.processing_title", lang))
    df = queries.claims_processing(start, end, regency)
    if df.empty:
        st.caption(t("claims.processing_none", lang))
        return
    top = df[df["regency_code"].isna()]
    st.dataframe({
        t("claims.col_programme", lang): top["programme_code"],
        t("claims.col_with_filed", lang): [fmt.number(v, lang) for v in top["n_claims"]],
        t("claims.col_median_days", lang): [fmt.number(v, lang) for v in top["p50_days"]],
        t("claims.col_p90_days", lang): [fmt.number(v, lang) for v in top["p90_days"]],
    }, hide_index=True, width="stretch", key="claims_processing_table")
    st.caption(t("claims.processing_note", lang))
    reg = df[df["regency_code"].notna()]
    wide = reg.pivot(index="regency_name", columns="programme_code", values=["p50_days", "p90_days"])
    table = {t("table.regency", lang): list(wide.index)}
    for p in [p for p in PROGRAMMES if p in reg["programme_code"].unique()]:
        table[t("claims.col_prog_median", lang, code=p)] = [fmt.number(v, lang) for v in wide[("p50_days", p)]]
        table[t("claims.col_prog_p90", lang, code=p)] = [fmt.number(v, lang) for v in wide[("p90_days", p)]]
    if regency is None:
        with st.expander(t("claims.processing_by_regency", lang)):
            st.dataframe(table, hide_index=True, width="stretch", key="claims_processing_regency",
                         height=35 * (len(wide) + 1) + 3)


def causes_section(lang, start, end, regency, k):
    df = queries.claims_causes(start, end, regency, "JKK")
    if df.empty:
        st.subheader(t("claims.causes_title", lang))
        st.caption(t("claims.causes_none", lang))
        return
    labels = [t("claims.cause_other", lang, k=k) if c is None and regency else
              (t("claims.cause_blank", lang) if c is None else c) for c in df["cause"]]
    st.plotly_chart(cc.causes_bars(df, labels, lang), config=CONFIG, key="claims_causes_chart")
    if df["n_claims"].isna().any() or regency:
        st.caption(t("claims.privacy_note", lang, k=k))


def regency_claims_table(lang, start, end, segment):
    df = queries.claims_by_regency(start, end, segment)
    with st.expander(t("claims.by_regency_title", lang)):
        table = {t("table.regency", lang): df["regency_name"],
                 t("claims.col_cases", lang): [fmt.number(v, lang) for v in df["n_claims"]],
                 t("claims.col_amount", lang): [fmt.rupiah(v, lang) for v in df["claims_rp"]]}
        for p in PROGRAMMES:
            table[f"{t('claims.col_cases', lang)} {p}"] = [fmt.number(v, lang) for v in df[f"n_{p.lower()}"]]
        st.dataframe(table, hide_index=True, width="stretch", height=35 * 23 + 3, key="claims_regency_table")


def claims_tab(lang, status):
    bounds = queries.claims_bounds().iloc[0]
    if pd.isna(bounds["first_month"]):
        st.info(t("claims.no_claims", lang))
        return
    as_of = month_start(bounds["as_of_month"])
    months = month_range(month_start(bounds["first_month"]), max(as_of, month_start(bounds["last_month"])))
    start, end = period_picker(lang, months, as_of)
    regency, segment = filters(lang)
    progs = queries.claims_by_programme(start, end, regency, segment)
    prev_period, complete = headline(lang, progs, start, end)
    programme_table(lang, progs, prev_period, complete)
    monthly = queries.claims_monthly(start, end, regency, segment)
    if not monthly.empty:
        st.plotly_chart(cc.claims_monthly(monthly, lang), config=CONFIG, key="claims_monthly_chart")
    loss_ratio_section(lang, start, end)
    anomaly_section(lang, start, end)
    processing_section(lang, start, end, regency)
    causes_section(lang, start, end, regency, status["suppress_below"])
    regency_claims_table(lang, start, end, segment)


# ---------------------------------------------------------------- subsidies tab

def bsu_section(lang):
    st.subheader(t("subs.bsu_title", lang))
    schemes = queries.subsidy_schemes()
    if schemes.empty:
        st.info(t("subs.none", lang))
        return
    scheme = schemes["scheme"].iloc[0]
    if len(schemes) > 1:
        scheme = st.selectbox(t("subs.scheme", lang), list(schemes["scheme"]), key=KEYS["scheme"])
    df = queries.subsidy_regencies(scheme)
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
    table = {
        t("table.regency", lang): df["regency_name"],
        t("subs.col_tranche", lang, n=1): [fmt.number(v, lang) for v in df["n_tranche_1"]],
        t("subs.col_tranche", lang, n=2): [fmt.number(v, lang) for v in df["n_tranche_2"]],
        t("subs.col_amount", lang): [fmt.rupiah(v, lang) for v in df["subsidy_rp"]],
        t("subs.col_recipients", lang): [fmt.number(v, lang) for v in df["n_recipients"]],
        t("subs.col_eligible", lang): [fmt.number(v, lang) for v in df["n_eligible"]],
        t("subs.col_reached", lang): [fmt.number(v, lang) for v in df["n_reached"]],
        t("subs.col_reach_pct", lang): [fmt.pct(v, 1, lang) for v in df["reach_pct"]],
    }
    if df["n_tranche_later"].sum():
        table[t("subs.col_tranche_later", lang)] = [fmt.number(v, lang) for v in df["n_tranche_later"]]
    st.dataframe(table, hide_index=True, width="stretch", height=35 * 23 + 3, key="subs_bsu_table")


def budget_section(lang, k):
    st.subheader(t("subs.budget_title", lang))
    st.caption(t("subs.budget_note", lang, minimum=fmt.rupiah(MINIMUM_PACKAGE_RP, lang)))
    years = queries.budget_years()
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
    st.plotly_chart(cc.budget_workers(years, lang), config=CONFIG, key="subs_workers_chart")
    st.dataframe({
        t("subs.col_payer", lang): years[name_col(lang)],
        t("subs.col_year", lang): years["budget_year"].astype(str),
        t("subs.col_workers", lang): [fmt.number(v, lang) for v in years["n_workers"]],
        t("subs.col_worker_months", lang): [fmt.number(v, lang) for v in years["worker_months"]],
        t("subs.col_contrib", lang): [fmt.rupiah(v, lang) for v in years["contrib_rp"]],
        t("subs.col_cost", lang): [fmt.rupiah(v, lang) for v in years["rp_per_worker_month"]],
        t("subs.col_estimated", lang): [fmt.rupiah(v, lang) for v in years["contrib_est_rp"]],
    }, hide_index=True, width="stretch", height=35 * (len(years) + 1) + 3, key="subs_budget_table")
    reg = queries.budget_regencies(year)
    with st.expander(t("subs.by_regency", lang, year=year)):
        hidden = t("claims.hidden", lang, k=k)
        st.dataframe({
            t("subs.col_payer", lang): reg[name_col(lang)],
            t("table.regency", lang): reg["regency_name"],
            t("subs.col_workers", lang): [hidden if s else fmt.number(v, lang)
                                          for v, s in zip(reg["n_workers"], reg["is_suppressed"])],
            t("subs.col_worker_months", lang): [hidden if s else fmt.number(v, lang)
                                                for v, s in zip(reg["worker_months"], reg["is_suppressed"])],
            t("subs.col_contrib", lang): [hidden if s else fmt.rupiah(v, lang)
                                          for v, s in zip(reg["contrib_rp"], reg["is_suppressed"])],
            t("subs.col_cost", lang): [hidden if s else fmt.rupiah(v, lang)
                                       for v, s in zip(reg["rp_per_worker_month"], reg["is_suppressed"])],
        }, hide_index=True, width="stretch", key="subs_budget_regency_table")
        st.caption(t("claims.privacy_note", lang, k=k))


def retention_cell(paying, observable, cohort, lang) -> str:
    if pd.isna(observable) or not observable:
        return t("subs.not_observable", lang)
    pct = fmt.pct(100 * paying / observable, 1, lang)
    if observable == cohort:
        return f"{pct} ({fmt.number(paying, lang)})"
    return t("subs.partial", lang, pct=pct, paying=fmt.number(paying, lang), observable=fmt.number(observable, lang))


def retention_table(lang, df, key, k=None):
    table = {t("subs.col_payer", lang): df[name_col(lang)],
             t("subs.col_year", lang): df["budget_year"].astype(str)}
    if df["regency_code"].notna().any():
        table[t("table.regency", lang)] = df["regency_name"]
    hidden = t("claims.hidden", lang, k=k) if k else ""
    table[t("subs.col_cohort", lang)] = [hidden if s else fmt.number(v, lang)
                                         for v, s in zip(df["n_cohort"], df["is_suppressed"])]
    for h in cc.HORIZONS:
        table[t("subs.col_after", lang, n=h)] = [
            hidden if s else retention_cell(p, o, c, lang)
            for p, o, c, s in zip(df[f"n_paying_{h}"], df[f"n_observable_{h}"], df["n_cohort"], df["is_suppressed"])]
    st.dataframe(table, hide_index=True, width="stretch", key=key)


def retention_section(lang, status, k):
    st.subheader(t("subs.retention_title", lang))
    as_of = fmt.month_long(status["as_of"], lang)
    df = queries.budget_retention()
    if df.empty:
        st.info(t("subs.retention_none", lang, as_of=as_of))
        return
    st.caption(t("subs.retention_rule", lang, as_of=as_of))
    st.plotly_chart(cc.retention_bars(df, lang), config=CONFIG, key="subs_retention_chart")
    retention_table(lang, df, "subs_retention_table")
    with st.expander(t("subs.retention_by_regency", lang)):
        retention_table(lang, queries.budget_retention(by_regency=True), "subs_retention_regency_table", k)
        st.caption(t("claims.privacy_note", lang, k=k))


def subsidies_tab(lang, status):
    bsu_section(lang)
    budget_section(lang, status["suppress_below"])
    retention_section(lang, status, status["suppress_below"])


@guarded
def page(lang):
    status = queries.status()
    st.title(t("claims.title", lang))
    st.caption(status_line(status, lang))
    tab_claims, tab_subs = st.tabs([t("claims.tab_claims", lang), t("claims.tab_subsidies", lang)])
    with tab_claims:
        claims_tab(lang, status)
    with tab_subs:
        subsidies_tab(lang, status)


page()
