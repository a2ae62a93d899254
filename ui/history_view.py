"""The publish history (etl/history.py) as the pages show it: every version of the
warehouse, when and by whom it was published, what it did (a load and its files, a rebuild,
a configuration change, a rollback of version N), and whether its copy is still kept for a
rollback. Read from the log beside the warehouse, which a rollback does not undo."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from etl import history, settings
from ui import tables
from ui.i18n import t
from ui.tables import Col, Table

VERSIONS = Table("versi_terbit", (
    Col("version", "hist.col_version", "text"), Col("at", "hist.col_at", "datetime"),
    Col("by", "hist.col_by", "text"), Col("what", "hist.col_what", "text"), Col("files", "hist.col_files", "text"),
    Col("state", "hist.col_state", "text")))


@st.cache_data(max_entries=8, show_spinner=False)
def _entries(warehouse: str, stamp: tuple | None) -> tuple[list[dict], dict | None]:
    log = history.entries(Path(warehouse))
    return log, history.current(Path(warehouse), log)


def entries() -> tuple[list[dict], dict | None]:
    """(the log oldest first, the entry of the version published now or None); re-read when
    the log or the published file changes."""
    wh = settings.get_path("warehouse")
    stamps = []
    for p in (history.folder(wh) / history.LOG, wh):
        try:
            s = p.stat()
            stamps.append((s.st_ino, s.st_mtime_ns, s.st_size))
        except FileNotFoundError:
            stamps.append(None)
    return _entries(str(wh), tuple(stamps))


def what(e: dict, lang: str) -> str:
    if e["action"] == "rollback":
        return t("hist.action.rollback", lang, version=e.get("restored", "?"))
    key = f"hist.action.{e['action']}"
    return t(key, lang) if key in _known() else e["action"]


def _known() -> set[str]:
    from ui.i18n import CATALOGUE
    return {k for k in CATALOGUE if k.startswith("hist.action.")}


def frame(lang: str) -> pd.DataFrame:
    log, now = entries()
    rows = [{"version": f"v{e['version']}", "at": pd.Timestamp(e["at"]), "by": e.get("by") or "–",
             "what": what(e, lang), "files": ", ".join(f["file_name"] for f in e.get("files", [])) or "–",
             "state": t("hist.state.current" if now and e["version"] == now["version"] else
                        "hist.state.kept" if e["kept"] else "hist.state.gone", lang),
             "number": e["version"], "kept": e["kept"]} for e in reversed(log)]
    return pd.DataFrame(rows, columns=["version", "at", "by", "what", "files", "state", "number", "kept"])


def show(lang: str, key: str) -> pd.DataFrame:
    """The versions, newest first; returns them (the load page offers the kept ones back)."""
    df = frame(lang)
    if df.empty:
        st.info(t("hist.none", lang))
    else:
        tables.show(VERSIONS, df, lang, key=key)
    return df
