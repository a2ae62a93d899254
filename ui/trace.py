"""'Dari mana angka ini?' (where does this number come from?): beside a headline figure, the
definition, the files behind it with each file's share (mart_figure_sources), when and from
what they were loaded, and the chain of models from the page's table down to the loaded
tables (mart_lineage, the model graph)."""
from __future__ import annotations

import streamlit as st

from ui import tables
from ui.i18n import t
from ui.queries import changes as q
from ui.tables import Col, Table

FILES = Table("penelusuran", (
    Col("file_name", "chg.col_file", "text"), Col("kind_label", "chg.col_kind", "text"),
    Col("n_members", "chg.col_members"), Col("share_pct", "trace.col_share", "percent"),
    Col("as_of_month", "trace.col_file_as_of", "month"), Col("rows_read", "trace.col_read"),
    Col("rows_quarantined", "trace.col_quarantined"), Col("finished_at", "trace.col_loaded_at", "datetime"),
    Col("loaded_by", "trace.col_by", "text")), hidden_flag=None)
LOADED = ("members", "contributions", "claims", "subsidies")


def trace(figure: str, level: str, area: str, lang: str, status: dict, mart: str, key: str,
          choices: dict[str, str] | None = None) -> None:
    """The control and what it opens; `mart` is the table the page read the figure from.
    With `choices` (area code -> name), the reader picks which region of a table to trace."""
    with st.popover(t("trace.button", lang), icon=":material/help:"):
        if choices:
            area = st.selectbox(t("table.regency", lang), list(choices), format_func=choices.get, key=f"{key}_area")
        st.markdown(t(f"trace.definition.{figure}", lang, segments=", ".join(status["goal_segments"])))
        files = q.sources(level, area, figure)
        st.markdown(f"**{t('trace.files_title', lang)}**")
        rows = files.assign(kind_label=[t(f"dq.kind.{k}", lang) for k in files["kind"]])
        tables.show(FILES, rows, lang, key=f"{key}_files")
        st.markdown(f"**{t('trace.models_title', lang)}**")
        chain = q.lineage(mart)
        shown = chain[chain.upstream.str.match(r"^(mart|int|stg)_") | chain.upstream.isin(LOADED)]
        st.code(" ← ".join([mart, *shown["upstream"]]), language=None, wrap_lines=True)   # names of tables, not words
