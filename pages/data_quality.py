"""Data quality, for the BPJS data officer and the regional heads: is the data fresh,
did every loaded file reconcile (rows read = loaded + quarantined), why were rows
quarantined (with a masked sample to fix at the source), which loaded rows carry an
issue, and which regencies' data is missing or late."""
import datetime as dt

import pandas as pd
import streamlit as st

from etl import reasons
from ui import fmt, queries
from ui.i18n import t
from ui.layout import guarded, status_line

MONTHS = 12          # completeness window
RECENT = 3           # a regency with no rows in the last RECENT months is late
SAMPLE = 50          # quarantined rows shown per reason
OK, BAD = "✓", "✗"
LATE_BG = "background-color: #fdecea"
ZERO_BG = "background-color: #fff4e5"


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
    c2.metric(t("dq.last_load", lang), fmt.datetime_(loaded_at, lang))
    c3.metric(t("dq.days_since", lang), fmt.number(days_since(loaded_at), lang))
    c4.metric(t("dq.files_loaded", lang), fmt.number(len(history), lang))
    fresh = queries.dq_freshness()
    st.dataframe({
        t("dq.col_kind", lang): [t(f"dq.kind.{k}", lang) for k in fresh["kind"]],
        t("dq.col_files", lang): [fmt.number(v, lang) for v in fresh["n_files"]],
        t("dq.col_rows_in_warehouse", lang): [fmt.number(v, lang) for v in fresh["rows_loaded"]],
        t("dq.col_last_loaded", lang): [fmt.datetime_(v, lang) for v in fresh["last_loaded_at"]],
        t("dq.col_newest_month", lang): [fmt.month_long(v, lang) for v in fresh["newest_month"]],
    }, hide_index=True, width="stretch")


# ---------------------------------------------------------------- load history

def load_history(lang, history):
    st.subheader(t("dq.history", lang))
    st.caption(t("dq.history_caption", lang))
    bad = int((~history["is_reconciled"].astype(bool)).sum())
    if bad:
        st.error(t("dq.not_reconciled", lang, n=fmt.number(bad, lang)))
    st.dataframe({
        t("dq.col_file", lang): history["file_name"],
        t("dq.col_kind", lang): [label("dq.kind.", k, lang) for k in history["kind"]],
        t("dq.col_loaded_at", lang): [fmt.datetime_(v, lang) for v in history["finished_at"]],
        t("dq.col_file_as_of", lang): [fmt.month(v, lang) for v in history["as_of_month"]],
        t("dq.col_read", lang): [fmt.number(v, lang) for v in history["rows_read"]],
        t("dq.col_loaded", lang): [fmt.number(v, lang) for v in history["rows_loaded"]],
        t("dq.col_quarantined", lang): [fmt.number(v, lang) for v in history["rows_quarantined"]],
        t("dq.col_flagged", lang): [fmt.number(v, lang) for v in history["rows_flagged"]],
        t("dq.col_blank", lang): [fmt.number(v, lang) for v in history["rows_blank"]],
        t("dq.col_reconciled", lang): [OK if v else BAD for v in history["is_reconciled"]],
        t("dq.col_ignored", lang): history["columns_ignored"].fillna(""),
    }, hide_index=True, width="stretch")


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
    by_reason = queries.dq_quarantine_by_reason(load_id)
    if by_reason.empty:
        st.success(t("dq.quarantine_none", lang))
        return load_id
    total = int(by_reason["n_rows"].sum())
    files = history if load_id is None else history[history["load_id"] == load_id]
    st.caption(t("dq.quarantine_total", lang, n=fmt.number(total, lang),
                 files=fmt.number(int((files["rows_quarantined"] > 0).sum()), lang)))
    st.dataframe({
        t("dq.col_reason", lang): [label("reason.", c, lang) for c in by_reason["reason_code"]],
        t("dq.col_code", lang): by_reason["reason_code"],
        t("dq.col_rows", lang): [fmt.number(v, lang) for v in by_reason["n_rows"]],
        t("dq.col_share", lang): [fmt.pct(100 * v / total, 1, lang) for v in by_reason["n_rows"]],
        t("dq.col_files", lang): [fmt.number(v, lang) for v in by_reason["n_files"]],
    }, hide_index=True, width="stretch")

    st.markdown(f"**{t('dq.sample', lang)}**")
    codes = list(by_reason["reason_code"])
    code = st.selectbox(t("dq.sample_reason", lang), codes, key="dq_reason",
                        format_func=lambda c: f"{label('reason.', c, lang)} ({c})")
    sample = queries.dq_quarantine_sample(code, SAMPLE, load_id)
    st.caption(t("dq.sample_caption", lang, n=fmt.number(SAMPLE, lang)))
    st.dataframe({
        t("dq.col_file", lang): sample["file_name"],
        t("dq.col_sheet", lang): sample["sheet"].fillna(""),
        t("dq.col_row", lang): [fmt.number(v, lang) for v in sample["row_number"]],
        t("dq.col_message", lang): [reasons.render(c, p, lang) for c, p in zip(sample["reason_code"], sample["params"])],
        t("dq.col_content", lang): sample["content"],
    }, hide_index=True, width="stretch")
    return load_id


def issues(lang, load_id):
    st.subheader(t("dq.issues", lang))
    by_code = queries.dq_issues_by_code(load_id)
    if by_code.empty:
        st.success(t("dq.issues_none", lang))
        return
    st.caption(t("dq.issues_caption", lang))
    st.dataframe({
        t("dq.col_issue", lang): [label("dq.issue.", c, lang) for c in by_code["issue_code"]],
        t("dq.col_code", lang): by_code["issue_code"],
        t("dq.col_rows", lang): [fmt.number(v, lang) for v in by_code["n_rows"]],
        t("dq.col_files", lang): [fmt.number(v, lang) for v in by_code["n_files"]],
    }, hide_index=True, width="stretch")


# ---------------------------------------------------------------- completeness

def completeness(lang):
    st.subheader(t("dq.completeness", lang))
    grid = queries.dq_completeness(MONTHS, RECENT)
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
    month_cols = [fmt.month(m, lang) for m in months]
    regency = regencies.set_index("regency_code").loc[counts.index]
    table = pd.DataFrame({t("dq.col_regency", lang): regency["regency_label"].values,
                          t("dq.col_status", lang): [t(f"dq.status.{s}", lang) for s in regency["status"]],
                          t("dq.col_last_data", lang): [fmt.month(v, lang) for v in regency["last_month_with_data"]]})
    for col, m in zip(month_cols, months):
        table[col] = [fmt.number(v, lang) for v in counts[m]]
    behind = regency["status"].ne("ok").values
    zero = counts.eq(0).values

    def colours(frame):
        css = pd.DataFrame("", index=frame.index, columns=frame.columns)
        for i in range(len(frame)):
            if behind[i]:
                css.iloc[i, :3] = LATE_BG
            for j, col in enumerate(month_cols):
                if zero[i, j]:
                    css.loc[frame.index[i], col] = LATE_BG if behind[i] else ZERO_BG
        return css

    st.dataframe(table.style.apply(colours, axis=None), hide_index=True, width="stretch",
                 height=35 * (len(table) + 1) + 3)


@guarded
def page(lang):
    st.title(t("dq.title", lang))
    history = queries.dq_load_history()
    if history.empty:
        st.info(t("dq.no_loads", lang))
        return
    status = queries.status()
    st.caption(status_line(status, lang))
    st.caption(t("dq.intro", lang))
    freshness(lang, status, history)
    load_history(lang, history)
    load_id = quarantine(lang, history)
    issues(lang, load_id)
    completeness(lang)


page()
