"""Data quality, for the BPJS data officer and the regional heads: is the data fresh,
did every loaded file reconcile (rows read = loaded + quarantined), why were rows
quarantined (with a masked sample to fix at the source), which loaded rows carry an
issue, and which regencies' data is missing or late."""
import datetime as dt

import pandas as pd
import streamlit as st

from etl import reasons
from ui import auth, fmt, history_view, tables
from ui.i18n import t
from ui.layout import admin_note, frame
from ui.queries import data_quality as q
from ui.tables import Col, Table

MONTHS = 12          # completeness window (mart_dq_completeness)
RECENT = 3           # a regency with no rows in the last RECENT months is late (mart_dq_completeness)
SAMPLE = 50          # quarantined rows shown per reason
OK, BAD = "✓", "✗"
LATE_BG = "background-color: #fdecea"
ZERO_BG = "background-color: #fff4e5"
FRESHNESS = Table("kesegaran", (
    Col("kind_label", "dq.col_kind", "text"), Col("n_files", "dq.col_files"),
    Col("rows_loaded", "dq.col_rows_in_warehouse"), Col("last_loaded_at", "dq.col_last_loaded", "datetime"),
    Col("newest_month", "dq.col_newest_month", "month_long")))
HISTORY = Table("riwayat_muat", (
    Col("file_name", "dq.col_file", "text"), Col("kind_label", "dq.col_kind", "text"),
    Col("finished_at", "dq.col_loaded_at", "datetime"), Col("as_of_month", "dq.col_file_as_of", "month"),
    Col("rows_read", "dq.col_read"), Col("rows_loaded", "dq.col_loaded"),
    Col("rows_quarantined", "dq.col_quarantined"), Col("rows_flagged", "dq.col_flagged"),
    Col("rows_blank", "dq.col_blank"), Col("reconciled", "dq.col_reconciled", "text"),
    Col("columns_ignored", "dq.col_ignored", "text"), Col("loaded_by", "dq.col_loaded_by", "text"),
    Col("size_bytes", "dq.col_size"), Col("sha256_short", "dq.col_sha256", "text")))
BY_REASON = Table("karantina", (
    Col("reason", "dq.col_reason", "text"), Col("reason_code", "dq.col_code", "text"),
    Col("n_rows", "dq.col_rows"), Col("share_pct", "dq.col_share", "percent"), Col("n_files", "dq.col_files")))
SAMPLE_TABLE = Table("contoh_karantina", (
    Col("file_name", "dq.col_file", "text"), Col("sheet", "dq.col_sheet", "text"),
    Col("row_number", "dq.col_row"), Col("message", "dq.col_message", "text"),
    Col("content", "dq.col_content", "text")))
ISSUES = Table("catatan_muat", (
    Col("issue", "dq.col_issue", "text"), Col("issue_code", "dq.col_code", "text"),
    Col("n_rows", "dq.col_rows"), Col("n_files", "dq.col_files")))


def label(prefix: str, code: str, lang: str) -> str:
    """User-facing label of a file kind, or of a reason or issue code (etl/reasons.py)."""
    return t(f"{prefix}{code}", lang) if prefix == "dq.kind." else reasons.title(code, lang)


def days_since(when) -> int | None:
    if when is None or pd.isna(when):
        return None
    return max((dt.datetime.now() - pd.Timestamp(when).to_pydatetime()).days, 0)


# ---------------------------------------------------------------- freshness

def freshness(lang, status, history):
    st.subheader(t("dq.freshness", lang))
    loaded_at = history["finished_at"].max()
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("dq.as_of", lang), fmt.month_long(status["as_of"], lang))
    c2.metric(t("dq.last_load", lang), fmt.date(loaded_at, lang),    # the time below: a quarter column holds no more
              delta=t("dq.last_load_time", lang, time=fmt.time_(loaded_at, lang)) if pd.notna(loaded_at) else None,
              delta_color="off", delta_arrow="off")
    c3.metric(t("dq.days_since", lang), fmt.number(days_since(loaded_at), lang))
    c4.metric(t("dq.files_loaded", lang), fmt.number(len(history), lang))
    fresh = q.dq_freshness()
    tables.show(FRESHNESS, fresh.assign(kind_label=[t(f"dq.kind.{k}", lang) for k in fresh["kind"]]), lang,
                key="dq_freshness")


# ---------------------------------------------------------------- load history

def load_history(lang, history):
    st.subheader(t("dq.history", lang))
    st.caption(t("dq.history_caption", lang))
    bad = int((~history["is_reconciled"].astype(bool)).sum())
    if bad:
        st.error(t("dq.not_reconciled", lang, n=fmt.number(bad, lang)))
    rows = history.assign(kind_label=[label("dq.kind.", k, lang) for k in history["kind"]],
                          reconciled=[OK if v else BAD for v in history["is_reconciled"]],
                          columns_ignored=history["columns_ignored"].fillna(""),
                          loaded_by=history["loaded_by"].fillna("–"),
                          sha256_short=[f"{v[:12]}…" if isinstance(v, str) else "–" for v in history["sha256"]])
    tables.show(HISTORY, rows, lang, key="dq_history")
    st.markdown(f"**{t('hist.title', lang)}**")
    st.caption(t("hist.dq_caption", lang))
    history_view.show(lang, key="dq_versions")


# ---------------------------------------------------------------- quarantine and issues

def file_filter(lang, history):
    """None for all files, else the load_id of one file."""
    options = [None] + [int(v) for v in history["load_id"]]
    names = dict(zip(history["load_id"].astype(int), history["file_name"]))
    return st.selectbox(t("dq.filter_file", lang), options, key="dq_file",
                        format_func=lambda v: t("dq.all_files", lang) if v is None else f"{names[v]} (#{v})")


def quarantine(lang, history):
    """Returns the file chosen (None: all), which the issues below follow too."""
    st.subheader(t("dq.quarantine", lang))
    load_id = file_filter(lang, history)
    by_reason = q.dq_quarantine_by_reason(load_id)
    if by_reason.empty:
        st.success(t("dq.quarantine_none", lang))
        return load_id
    total = int(by_reason["n_rows"].sum())
    files = history if load_id is None else history[history["load_id"] == load_id]
    st.caption(t("dq.quarantine_total", lang, n=fmt.number(total, lang),
                 files=fmt.number(int((files["rows_quarantined"] > 0).sum()), lang)))
    rows = by_reason.assign(reason=[label("reason.", c, lang) for c in by_reason["reason_code"]],
                            share_pct=100 * by_reason["n_rows"] / total)
    tables.show(BY_REASON, rows, lang, key="dq_by_reason")

    st.markdown(f"**{t('dq.sample', lang)}**")
    if not auth.can("steward"):          # row content, even masked, is for data stewards only
        st.info(t("dq.sample_stewards_only", lang))
        return load_id
    codes = list(by_reason["reason_code"])
    code = st.selectbox(t("dq.sample_reason", lang), codes, key="dq_reason",
                        format_func=lambda c: f"{label('reason.', c, lang)} ({c})")
    sample = q.dq_quarantine_sample(code, SAMPLE, load_id)
    st.caption(t("dq.sample_caption", lang, n=fmt.number(SAMPLE, lang)))
    messages = [reasons.render(c, p, lang) for c, p in zip(sample["reason_code"], sample["params"])]
    tables.show(SAMPLE_TABLE, sample.assign(sheet=sample["sheet"].fillna(""), message=messages), lang,
                key="dq_sample")
    return load_id


def issues(lang, load_id):
    st.subheader(t("dq.issues", lang))
    by_code = q.dq_issues_by_code(load_id)
    if by_code.empty:
        st.success(t("dq.issues_none", lang))
        return
    st.caption(t("dq.issues_caption", lang))
    tables.show(ISSUES, by_code.assign(issue=[label("dq.issue.", c, lang) for c in by_code["issue_code"]]), lang,
                key="dq_issues")


# ---------------------------------------------------------------- completeness

def completeness(lang):
    st.subheader(t("dq.completeness", lang))
    grid = q.dq_completeness()
    if grid.empty:
        return
    st.caption(t("dq.completeness_caption", lang, months=fmt.number(MONTHS, lang),
                 as_of=fmt.month_long(grid["month"].max(), lang), recent=fmt.number(RECENT, lang)))
    regencies = grid.drop_duplicates("regency_code")
    late = regencies[regencies["status"] == "late"]
    missing = regencies[regencies["status"] == "missing"]
    if late.empty and missing.empty:
        st.success(t("dq.all_complete", lang, recent=fmt.number(RECENT, lang)))
    if not missing.empty:
        st.error(t("dq.missing_list", lang, months=fmt.number(MONTHS, lang), n=fmt.number(len(missing), lang),
                   regencies=", ".join(missing["regency_label"])))
    if not late.empty:
        st.warning(t("dq.late_list", lang, recent=fmt.number(RECENT, lang), n=fmt.number(len(late), lang),
                     regencies=", ".join(f"{r.regency_label} ({fmt.month(r.last_month_with_data, lang)})"
                                         for r in late.itertuples())))

    metric = st.segmented_control(t("dq.show", lang), ["n_new_members", "n_claims"], key="dq_metric",
                                  default="n_new_members",
                                  format_func=lambda m: t("dq.metric_new_members" if m == "n_new_members"
                                                          else "dq.metric_claims", lang)) or "n_new_members"
    counts = grid.pivot(index="regency_code", columns="month", values=metric)
    months = list(counts.columns)
    regency = regencies.set_index("regency_code").loc[counts.index]
    rows = pd.DataFrame({"regency_label": regency["regency_label"].values,
                         "status_label": [t(f"dq.status.{s}", lang) for s in regency["status"]],
                         "last_month": regency["last_month_with_data"].values,
                         **{f"m{j}": counts[m].values for j, m in enumerate(months)}})
    spec = Table("kelengkapan", (Col("regency_label", "dq.col_regency", "text"),
                                 Col("status_label", "dq.col_status", "text"),
                                 Col("last_month", "dq.col_last_data", "month")) + tuple(
        Col(f"m{j}", "dq.col_regency", text=fmt.month(m, lang)) for j, m in enumerate(months)))
    behind = regency["status"].ne("ok").values
    zero = counts.eq(0).values

    def colours(frame):
        css = pd.DataFrame("", index=frame.index, columns=frame.columns)
        for i in range(len(frame)):
            if behind[i]:
                css.iloc[i, :3] = LATE_BG
            for j in range(len(months)):
                if zero[i, j]:
                    css.iloc[i, 3 + j] = LATE_BG if behind[i] else ZERO_BG
        return css

    tables.show(spec, rows, lang, key="dq_completeness", height=35 * (len(rows) + 1) + 3, style=colours)


@frame("dq.title", needs_members=False)
def page(lang, status):
    history = q.dq_load_history()
    if history.empty:
        st.info(t("dq.no_loads", lang))
        admin_note(lang, t("dq.no_loads_admin", lang))
        return
    st.caption(t("dq.intro", lang))
    freshness(lang, status, history)
    load_history(lang, history)
    load_id = quarantine(lang, history)
    issues(lang, load_id)
    completeness(lang)


page()
