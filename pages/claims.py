"""Claims and subsidies, for the BPJS regional office: where the claim money goes (by
programme, regency and month, against the contributions collected, with unusual months
flagged and processing times), and how wage subsidies and budget-paid contributions turn
into protected workers who stay. Every filter lives in the address (?from=2020-01&to=2020-08
&regency=53.18&segment=BPU&view=stack), so the KiblatNTT article's
"Rp 99 miliar, Jan-Aug 2020" is one link away; the regency is the one of every page
(ui.state). An element that does not follow a filter says so in its title."""
import datetime as dt

import pandas as pd
import streamlit as st

from ui import claims_charts as cc
from ui import exports, fmt, state, tables, words
from ui.i18n import t
from ui.layout import admin_note, chart, folded, frame
from ui.queries import claims as q
from ui.queries import common
from ui.subsidy_view import subsidies_tab
from ui.tables import Col, Table

PROGRAMMES = ("JKK", "JKM", "JHT", "JP")
SEGMENTS = ("BPU", "PU", "JAKON", "PMI")
ARTICLE_PERIOD = (dt.date(2020, 1, 1), dt.date(2020, 8, 1))
KEYS = {"period": "claims_period", "regency": "claims_regency", "segment": "claims_segment",
        "view": "claims_view", "tab": "claims_tab"}
TABS = ("claims", "subsidies")  # the page's two tabs (?tab=subsidies): only the open one is built
VIEWS = ("split", "stack")      # claims per month: one panel per programme, or stacked
RATIO = Table("rasio_klaim", (
    tables.REGENCY, Col("loss_ratio_pct", "claims.col_loss_ratio", "percent"),
    Col("risk_claims_rp", "claims.col_incurred", "rupiah"), Col("n_risk", "claims.col_incurred_n"),
    Col("risk_contrib_rp", "claims.col_risk_contrib", "rupiah"),
    Col("withdrawal_pct", "claims.col_withdrawal_ratio", "percent"),
    Col("savings_claims_rp", "claims.col_withdrawals", "rupiah"),
    Col("savings_contrib_rp", "claims.col_savings_contrib", "rupiah")))
ANOMALIES = Table("bulan_tak_biasa", (
    Col("month", "claims.col_month", "month"), Col("area", "claims.col_area", "text"),
    Col("segment_code", "claims.col_segment", "text"), Col("programme_code", "claims.col_programme", "text"),
    Col("what", "claims.col_what", "text"), Col("direction", "claims.col_direction", "text"),
    Col("n_claims", "claims.col_cases"), Col("expected_n", "claims.col_expected_n", "decimal"),
    Col("claims_rp", "claims.col_amount", "rupiah"), Col("expected_rp", "claims.col_expected_rp", "rupiah")))
PROCESSING = Table("lama_proses", (
    Col("programme_code", "claims.col_programme", "text"), Col("n_claims", "claims.col_with_filed"),
    Col("p50_days", "claims.col_median_days"), Col("p90_days", "claims.col_p90_days")))


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


def parse_period_month(text) -> str:
    if parse_month(text) is None:
        raise state.Invalid(text)
    return f"{parse_month(text):%Y-%m}"


PARAMS = (state.Param("from", None, parse_period_month), state.Param("to", None, parse_period_month),
          state.Param("segment", None, str.upper, choices=SEGMENTS), state.Param("view", "split", choices=VIEWS),
          state.Param("tab", "claims", choices=TABS))


def chosen_period(months, as_of) -> tuple[dt.date, dt.date]:
    """The period of the address (?from=YYYY-MM&to=YYYY-MM) when both months have data and
    are in order, else year to date."""
    start, end = (parse_month(state.get(k)) for k in ("from", "to"))
    ok = start in months and end in months and start <= end
    return (start, end) if ok else default_period(months, as_of)


def set_period(start, end, ytd=None) -> None:
    """The period chosen (slider or preset); year to date is the default, kept out of the address."""
    same = ytd is not None and (start, end) == tuple(ytd)
    state.set("from", None if same else f"{start:%Y-%m}")
    state.set("to", None if same else f"{end:%Y-%m}")


def on_slider(key, ytd) -> None:
    set_period(*st.session_state[key], ytd=ytd)


def period_picker(lang, months, as_of) -> tuple[dt.date, dt.date]:
    """The slider shows the period of the address; when that changes from outside (a preset,
    Back) the slider gets a new key, so it starts from it."""
    ss, ytd, chosen = st.session_state, default_period(months, as_of), chosen_period(months, as_of)
    version = ss.get(KEYS["period"] + "_version", 0)
    shown = ss.get(f"{KEYS['period']}_{version}")
    if shown is not None and tuple(shown) != chosen:
        version += 1
    ss[KEYS["period"] + "_version"] = version
    key = f"{KEYS['period']}_{version}"
    start, end = st.select_slider(t("claims.period", lang), options=months, value=chosen, key=key,
                                  format_func=lambda m: fmt.month(m, lang), on_change=on_slider, args=(key, ytd))
    presets = [("claims_preset_ytd", "claims.preset_ytd", ytd), ("claims_preset_all", "claims.preset_all",
                                                                  (months[0], months[-1]))]
    if ARTICLE_PERIOD[0] in months and ARTICLE_PERIOD[1] in months:
        presets.insert(1, ("claims_preset_article", "claims.preset_article", ARTICLE_PERIOD))
    with st.container(horizontal=True):
        for key, label, period in presets:
            st.button(t(label, lang), on_click=set_period, args=(*period, ytd), key=key)
    return start, end


def filters(lang):
    regs = common.regencies()
    names = dict(zip(regs["regency_code"], regs["regency_name"]))
    c1, c2 = st.columns(2)
    c1.selectbox(t("claims.regency", lang), [state.ALL, *names],
                 format_func=lambda c: t("claims.all_regencies", lang) if c == state.ALL else names[c],
                 **state.bind_all("regency", KEYS["regency"]))
    c2.selectbox(t("claims.segment", lang), [state.ALL, *SEGMENTS],
                 format_func=lambda s: t("claims.all_segments", lang) if s == state.ALL else
                 f"{s} – {t(f'segment.{s}', lang)}", **state.bind_all("segment", KEYS["segment"]))
    return state.get("regency"), state.get("segment")


def scope(title, lang, regency=False, segment=False) -> str:
    """The title of an element that ignores the chosen regency (regency=True) or segment
    (segment=True), saying so when that filter is set."""
    return words.scope(title, lang, regency and bool(state.get("regency")), segment and bool(state.get("segment")))


def in_force(lang, start, end, regency, segment) -> None:
    """The filters the downloads of this tab name (ui.exports)."""
    names = dict(zip(common.regencies()["regency_code"], common.regencies()["regency_name"]))
    items = {t("claims.period", lang): period_text(start, end, lang)}
    if segment:
        items[t("claims.segment", lang)] = f"{segment} – {t(f'segment.{segment}', lang)}"
    exports.filters(place=names.get(regency), **items)


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
    rows["share_pct"] = 100 * rows["claims_rp"] / total_rp if total_rp else None
    rows["change_pct"] = [100 * (a - b) / b if complete and b else None
                          for a, b in zip(rows["claims_rp"], rows["claims_rp_prev"])]
    if not complete:
        rows[["n_claims_prev", "claims_rp_prev"]] = None
    spec = Table("klaim_program", (
        Col("label", "claims.col_programme", "text"), Col("n_claims", "claims.col_cases"),
        Col("claims_rp", "claims.col_amount", "rupiah"), Col("share_pct", "claims.col_share", "percent"),
        Col("n_claims_prev", "claims.col_cases_prev"), Col("claims_rp_prev", "claims.col_amount_prev", "rupiah"),
        Col("change_pct", "claims.col_change", "signed", digits=1)), label_args={"period": prev_period})
    tables.show(spec, rows, lang, key="claims_programme_table")
    st.caption(t("claims.compare_note", lang, period=prev_period))


def ratio_metric(where, label, claims_rp, contrib_rp, delta_key, lang):
    value = fmt.pct(100 * claims_rp / contrib_rp, 1, lang) if contrib_rp else fmt.MISSING
    where.metric(label, value, t(delta_key, lang, claims=fmt.rupiah_short(claims_rp, lang),
                                 contrib=fmt.rupiah_short(contrib_rp, lang)), delta_color="off", delta_arrow="off")


RATIO_SUMS = ("risk_claims_rp", "risk_contrib_rp", "risk_contrib_est_rp", "savings_claims_rp", "savings_contrib_rp",
              "n_by_incident", "n_by_filed", "n_by_paid")


def ratio_notes(lang, total, all_segments: bool, has_relief: bool):
    """One line defining each figure and the dating used, then what the contributions hold."""
    st.caption(t("claims.ratio_loss_def", lang) + " " + t("claims.ratio_dated", lang, **{
        k: fmt.number(total[f"n_by_{k}"], lang) for k in ("incident", "filed", "paid")}))
    st.caption(t("claims.ratio_withdrawal_def", lang))
    notes = [t("claims.ratio_bpu_only", lang)] if all_segments else []
    if has_relief:
        notes.append(t("claims.ratio_relief", lang))
    est, contrib = total["risk_contrib_est_rp"], total["risk_contrib_rp"]
    share = 100 * est / contrib if contrib else None
    notes.append(t("claims.loss_estimate", lang, pct=fmt.pct(share, 2 if share and share < 1 else 1, lang),
                   amount=fmt.rupiah_short(est, lang)) if est else t("claims.loss_no_estimate", lang))
    st.caption(" ".join(notes + [t("claims.ratio_split_note", lang)]))


def ratio_section(lang, start, end, regency, segment):
    """JKK + JKM claims incurred against their contributions (the loss ratio), and JHT + JP
    withdrawals against theirs, for one segment (BPU when all are chosen); the page sums."""
    st.subheader(t("claims.ratio_title", lang))
    seg = segment or "BPU"
    df = q.claims_ratio(start, end, seg)
    if df["risk_contrib_rp"].isna().all() and df["savings_contrib_rp"].isna().all():
        st.info(t("claims.ratio_no_split", lang, segment=t(f"segment.{seg}", lang)))
        return
    rows = df if regency is None else df[df["regency_code"] == regency]
    total = {c: int(rows[c].fillna(0).sum()) for c in RATIO_SUMS}
    area = "NTT" if regency is None else rows["regency_name"].iloc[0]
    c1, c2 = st.columns(2)
    ratio_metric(c1, t("claims.ratio_loss", lang, segment=seg, area=area), total["risk_claims_rp"],
                 total["risk_contrib_rp"], "claims.ratio_loss_delta", lang)
    ratio_metric(c2, t("claims.ratio_withdrawal", lang, segment=seg, area=area), total["savings_claims_rp"],
                 total["savings_contrib_rp"], "claims.ratio_withdrawal_delta", lang)
    ratio_notes(lang, total, segment is None, bool(df["has_relief_month"].iloc[0]))
    df = df.assign(regency_name=df["regency_name"].fillna(t("claims.unknown_regency", lang)))
    left, right = st.columns([1, 1.8])
    if df["loss_ratio_pct"].notna().any():
        chart(cc.loss_ratio_bars(df, lang), "claims_loss_chart", lang, where=left)
    with right:
        tables.show(RATIO, df, lang, key="claims_loss_table", height=35 * (len(df) + 1) + 3)


def anomaly_section(lang, start, end):
    st.subheader(scope(t("claims.anomaly_title", lang), lang, regency=True, segment=True))
    df = q.claims_anomalies(start, end)
    scored = int(q.claims_anomaly_counts(start, end)["n_scored"].iloc[0])
    st.caption(t("claims.anomaly_rule", lang))
    if df.empty:
        st.caption(t("claims.anomaly_none", lang, scored=fmt.number(scored, lang)))
        return
    st.caption(t("claims.anomaly_found", lang, n=fmt.number(len(df), lang), scored=fmt.number(scored, lang)))
    z = [zn if abs(zn) >= abs(zr) else zr for zn, zr in zip(df["z_n"], df["z_rp"])]   # the flagged one
    rows = df.assign(
        area=[t("claims.province", lang) if lvl == "province" else name for lvl, name in zip(df["level"], df["regency_name"])],
        what=[t("claims.what_both" if n and rp else "claims.what_count" if n else "claims.what_amount", lang)
              for n, rp in zip(df["is_anomaly_n"], df["is_anomaly_rp"])],
        direction=[t("claims.above" if v > 0 else "claims.below", lang) for v in z])
    tables.show(ANOMALIES, rows, lang, key="claims_anomaly_table", height=min(35 * (len(df) + 1) + 3, 420))


def processing_section(lang, start, end, regency):
    st.subheader(scope(t("claims.processing_title", lang), lang, segment=True))
    df = q.claims_processing(start, end, regency)
    if df.empty:
        st.caption(t("claims.processing_none", lang))
        return
    tables.show(PROCESSING, df[df["regency_code"].isna()], lang, key="claims_processing_table")
    st.caption(t("claims.processing_note", lang))
    reg = df[df["regency_code"].notna()]
    wide = reg.pivot(index="regency_name", columns="programme_code", values=["p50_days", "p90_days"])
    wide.columns = [f"{stat}_{p}" for stat, p in wide.columns]
    progs = [p for p in PROGRAMMES if p in reg["programme_code"].unique()]
    spec = Table("lama_proses_kabupaten", (tables.REGENCY,) + tuple(
        Col(f"{stat}_{p}", label, text=t(label, lang, code=p))
        for p in progs for stat, label in (("p50_days", "claims.col_prog_median"), ("p90_days", "claims.col_prog_p90"))))
    if regency is None:
        with (box := folded(t("claims.processing_by_regency", lang), "claims_processing_regency_open")):
            tables.show(spec, wide.reset_index(), lang, key="claims_processing_regency",
                        height=35 * (len(wide) + 1) + 3, draw=box.open)


def causes_section(lang, start, end, regency, k):
    df = q.claims_causes(start, end, regency, "JKK")
    title = scope(t("claims.causes_title", lang), lang, segment=True)
    if df.empty or not (df["n_claims"].fillna(0) > 0).any() and not df["is_suppressed"].any():
        st.subheader(title)
        st.caption(t("claims.causes_none", lang))
        return
    labels = [words.cause(c, lang) for c in df["cause"]]
    chart(cc.causes_bars(df, labels, lang).update_layout(title=title), "claims_causes_chart", lang)
    if regency:
        st.caption(t("claims.causes_year_note", lang, year=end.year) + " " + t("claims.privacy_note", lang, k=k))


def regency_claims_table(lang, start, end, segment):
    df = q.claims_by_regency(start, end, segment)
    spec = Table("klaim_kabupaten", (
        tables.REGENCY, Col("n_claims", "claims.col_cases"),
        Col("claims_rp", "claims.col_amount", "rupiah")) + tuple(
        Col(f"n_{p.lower()}", "claims.col_cases", text=f"{t('claims.col_cases', lang)} {p}") for p in PROGRAMMES))
    with (box := folded(scope(t("claims.by_regency_title", lang), lang, regency=True), "claims_regency_open")):
        tables.show(spec, df, lang, key="claims_regency_table", height=35 * 23 + 3, draw=box.open)


def monthly_section(lang, monthly):
    """Claims per month: one panel per programme with its own scale (JKK and JP stay
    visible beside JHT), or the programmes stacked."""
    if monthly.empty:
        return
    st.segmented_control(t("claims.view", lang), VIEWS, format_func=lambda v: t(f"claims.view_{v}", lang),
                         **state.bind("view", KEYS["view"], from_widget=lambda v: v or "split"))
    names = dict(zip(q.programmes()["programme_code"], q.programmes()[name_col(lang)]))
    figure = cc.claims_monthly if state.get("view") == "stack" else cc.claims_monthly_split
    chart(figure(monthly, lang, names), "claims_monthly_chart", lang)


def claims_tab(lang, status):
    bounds = q.claims_bounds().iloc[0]
    if pd.isna(bounds["first_month"]):
        st.info(t("claims.no_claims", lang))
        admin_note(lang, t("claims.no_claims_admin", lang))
        return
    as_of = month_start(bounds["as_of_month"])
    months = month_range(month_start(bounds["first_month"]), max(as_of, month_start(bounds["last_month"])))
    start, end = period_picker(lang, months, as_of)
    regency, segment = filters(lang)
    in_force(lang, start, end, regency, segment)
    progs = q.claims_by_programme(start, end, regency, segment)
    prev_period, complete = headline(lang, progs, start, end)
    programme_table(lang, progs, prev_period, complete)
    monthly_section(lang, q.claims_monthly(start, end, regency, segment))
    ratio_section(lang, start, end, regency, segment)
    anomaly_section(lang, start, end)
    processing_section(lang, start, end, regency)
    causes_section(lang, start, end, regency, status["suppress_below"])
    regency_claims_table(lang, start, end, segment)


@frame("claims.title")
def page(lang, status):
    state.use(PARAMS)
    labels = {tab: t(f"claims.tab_{tab}", lang) for tab in TABS}
    codes = {label: tab for tab, label in labels.items()}
    # Only the open tab's content is built and sent: the other's queries, tables and charts
    # wait for its click (bind's on_change makes it a rerun), so the page draws half of what it would.
    tab_claims, tab_subs = st.tabs(list(labels.values()), **state.bind(
        "tab", KEYS["tab"], to_widget=labels.get, from_widget=lambda v: codes.get(v, "claims")))
    if tab_claims.open:
        with tab_claims:
            claims_tab(lang, status)
    if tab_subs.open:
        with tab_subs:
            subsidies_tab(lang, status, province_wide=bool(state.get("regency")))


page()
