"""The load page's parts (pages/load_data.py): each uploaded file's preview, a dry run of
the very load that "Terbitkan" publishes: its kind, the month it speaks for and the rule
that decided it, the headers recognised, the personal ones dropped and the unrecognised
ones with a field to assign (the same mapping as --map), and the rows that would load, be
quarantined by reason (a few masked rows each) or be flagged; then the publish itself."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from etl import reasons, upload
from etl.contracts import CONTRACTS, norm_header
from etl.warehouse import LoadError
from ui import fmt
from ui.i18n import t
from ui.tables import Col, Table

KINDS = ("members", "contributions", "claims", "subsidies")
HEADERS = Table("kolom", (Col("header", "load.col_header", "text"), Col("field", "load.col_field", "text")))
REASONS = Table("karantina_pratinjau", (Col("reason", "dq.col_reason", "text"), Col("code", "dq.col_code", "text"),
                                        Col("n", "dq.col_rows")))
SAMPLES = Table("contoh_pratinjau", (Col("sheet", "dq.col_sheet", "text"), Col("row_number", "dq.col_row"),
                                     Col("message", "dq.col_message", "text"), Col("content", "dq.col_content", "text")))


@dataclass
class File:
    name: str
    digest: str
    path: Path
    kind: str | None
    base: upload.Headers                    # headers without the page's mapping: what can be mapped
    view: upload.Headers                    # with it
    mapping: dict[str, str] = field(default_factory=dict)


def field_label(f: str, lang: str) -> str:
    pair = reasons.FIELDS.get(f)
    return f"{pair[0 if lang == 'id' else 1]} ({f})" if pair else t(f"load.pii.{f}", lang)


def read_headers(path: Path, kind, mapping) -> upload.Headers:
    try:
        return upload.header_view(path, kind, mapping)
    except Exception:  # an unreadable file: the dry run says why, in one sentence
        return upload.Headers(kind)


def prepare(uploads: list[tuple[str, bytes]], paths: list[Path]) -> list[File]:
    """Each file with the kind and mapping chosen on the page (the widgets' state)."""
    files = []
    for (name, data), path in zip(uploads, paths):
        d = hashlib.sha256(data).hexdigest()[:16]
        kind = st.session_state.get(f"load_kind_{d}")
        base = read_headers(path, kind, {})
        mapping = {}
        for j, h in enumerate(base.unrecognised):
            chosen = st.session_state.get(f"load_map_{d}_{base.kind}_{j}")
            if chosen:
                mapping[norm_header(h)] = chosen
        files.append(File(name, d, path, kind, base, read_headers(path, kind, mapping) if mapping else base, mapping))
    return files


def preview(files: list[File], stamp) -> upload.Preview:
    """The dry run, computed again only when a file, a choice or the warehouse changed."""
    sig = (stamp, tuple((f.digest, f.kind, tuple(sorted(f.mapping.items()))) for f in files))
    kept = st.session_state.get("load_preview")
    if kept and kept[0] == sig:
        return kept[1]
    paths = [f.path for f in files]
    found = upload.preview(paths, {f.path: (f.kind, f.mapping) for f in files})
    index = {p: i for i, p in enumerate(paths)}
    found.results = {index[p]: r for p, r in found.results.items()}
    found.samples = {index[p]: s for p, s in found.samples.items()}
    found.refused = {index[p]: s for p, s in found.refused.items()}
    st.session_state["load_preview"] = (sig, found)
    return found


# ------------------------------------------------------------------ one file

def show_file(lang: str, i: int, f: File, found: upload.Preview) -> None:
    with st.container(border=True):
        st.markdown(f"#### {i + 1}. {f.name}")
        kind_choice(lang, f)
        result = found.results.get(i)
        if i in found.refused and not f.view.missing:     # missing headers: said below, with the mapping
            st.error(t("load.refused", lang, sentence=found.refused[i]))
        if result is not None and result.skipped:
            st.info(t("load.skipped", lang, reason=result.skipped))
        elif result is not None:
            counts(lang, result)
        headers(lang, f)
        if result is not None and not result.skipped:
            quarantine(lang, i, result, found.samples.get(i))
            for note in result.notes:
                st.caption(t("load.note", lang, note=note))


def kind_choice(lang: str, f: File) -> None:
    detected = f.view.kind if f.kind is None else None
    auto = t("load.kind_auto", lang, kind=t(f"dq.kind.{detected}", lang) if detected else t("load.kind_unknown", lang))
    st.selectbox(t("load.kind", lang), [None, *KINDS], key=f"load_kind_{f.digest}",
                 format_func=lambda k: auto if k is None else t(f"dq.kind.{k}", lang))


def counts(lang: str, r) -> None:
    c = st.columns(4)
    c[0].metric(t("load.rows_read", lang), fmt.number(r.rows_read, lang))
    c[1].metric(t("load.rows_load", lang), fmt.number(r.rows_loaded, lang))
    c[2].metric(t("load.rows_quarantined", lang), fmt.number(r.rows_quarantined, lang))
    c[3].metric(t("load.rows_flagged", lang), fmt.number(r.rows_flagged, lang))
    month = fmt.month_long(r.as_of, lang) if r.as_of else t("load.no_as_of", lang)
    st.markdown(t("load.as_of", lang, month=month, rule=t(f"load.rule.{r.as_of_rule or 'none'}", lang)))


def headers(lang: str, f: File) -> None:
    v = f.view
    if v.kind is None:
        st.warning(t("load.no_header", lang))
        return
    if v.recognised:
        st.markdown(f"**{t('load.recognised', lang)}**")
        rows = pd.DataFrame({"header": [h for h, _ in v.recognised],
                             "field": [field_label(x, lang) for _, x in v.recognised]})
        st.dataframe(HEADERS.styled(rows, lang), hide_index=True, width="stretch")
    if v.personal:
        st.caption(t("load.personal", lang, headers=", ".join(f"“{h}”" for h, _ in v.personal)))
    if v.missing:
        st.warning(t("load.missing", lang, fields=", ".join(field_label(x, lang) for x in v.missing)))
    mapping(lang, f)


def mapping(lang: str, f: File) -> None:
    """A field for each header the loader does not know (the same as --map "Header=field")."""
    if not f.base.unrecognised or f.base.kind is None:
        return
    st.markdown(f"**{t('load.unrecognised', lang)}**")
    st.caption(t("load.map_help", lang))
    options = [None] + [x.name for x in CONTRACTS[f.base.kind].fields if x.type != "pii"]
    cols = st.columns(min(3, len(f.base.unrecognised)))
    for j, h in enumerate(f.base.unrecognised):
        cols[j % len(cols)].selectbox(t("load.map_label", lang, header=h), options,
                                      key=f"load_map_{f.digest}_{f.base.kind}_{j}",
                                      format_func=lambda x: t("load.map_none", lang) if x is None else field_label(x, lang))


def quarantine(lang: str, i: int, r, samples: pd.DataFrame | None) -> None:
    if r.by_reason:
        st.markdown(f"**{t('load.by_reason', lang)}**")
        rows = pd.DataFrame({"reason": [reasons.title(c, lang) for c in r.by_reason], "code": list(r.by_reason),
                             "n": list(r.by_reason.values())})
        st.dataframe(REASONS.styled(rows, lang), hide_index=True, width="stretch")
        if samples is not None and not samples.empty:
            with st.expander(t("load.samples", lang, n=fmt.number(len(samples), lang))):
                shown = samples.assign(sheet=samples["sheet"].fillna(""), message=[
                    reasons.render(c, p, lang) for c, p in zip(samples["reason_code"], samples["params"])])
                st.dataframe(SAMPLES.styled(shown, lang), hide_index=True, width="stretch", key=f"load_samples_{i}")
    if r.by_issue:
        st.caption(t("load.flagged", lang, issues="; ".join(
            f"{reasons.title(c, lang)}: {fmt.number(n, lang)}" for c, n in r.by_issue.items())))


# ------------------------------------------------------------------ publish

def publish(lang: str, files: list[File], who: str) -> list | None:
    """The same load as the command line, under the same lock, with a progress bar; the
    results, or None after saying why nothing was published."""
    from etl import marts
    from etl.load import load_paths
    bar = st.progress(0.0, text=t("load.publishing", lang))
    total, done = len(files) + len(marts.graph().order()), [0]

    def progress(message: str) -> None:
        if message.startswith("loading") or message.strip().startswith("model"):
            done[0] += 1
            bar.progress(min(done[0] / total, 0.99), text=t("load.publishing", lang))
    try:
        results = load_paths([f.path for f in files], per_file={f.path: (f.kind, f.mapping) for f in files},
                             by=who, progress=progress, wait=False)
    except LoadError as e:
        bar.empty()
        st.error(t("load.publish_failed", lang, sentence=str(e)))
        return None
    bar.progress(1.0, text=t("load.published_bar", lang))
    return results


def summary(lang: str, results) -> list[str]:
    return [t("load.summary_skipped", lang, file=r.file_name, reason=r.skipped) if r.skipped else
            t("load.summary", lang, file=r.file_name, kind=t(f"dq.kind.{r.kind}", lang),
              loaded=fmt.number(r.rows_loaded, lang), quarantined=fmt.number(r.rows_quarantined, lang),
              flagged=fmt.number(r.rows_flagged, lang)) for r in results]
