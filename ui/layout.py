"""What every page shares: the language, the status line, and turning an
unexpected failure into one clear message instead of a traceback."""
from __future__ import annotations

import functools

import streamlit as st

from etl import settings
from ui import fmt, queries
from ui.i18n import LANGS, t


def lang() -> str:
    if "lang" not in st.session_state:
        q = st.query_params.get("lang")
        st.session_state["lang"] = q if q in LANGS else settings.get("language")
    return st.session_state["lang"]


def language_switch() -> None:
    current = lang()
    choice = st.sidebar.segmented_control(t("lang.label", current), options=list(LANGS),
                                          format_func=lambda k: LANGS[k], default=current, key="lang_switch")
    if choice and choice != current:
        st.session_state["lang"] = choice
        st.query_params["lang"] = choice
        st.rerun()


def status_line(status: dict, lg: str) -> str:
    parts = [t("data.as_of", lg, month=fmt.month_long(status["as_of"], lg))]
    if status.get("loaded_at") is not None:
        parts.append(t("data.loaded", lg, when=fmt.datetime_(status["loaded_at"], lg)))
    return " · ".join(parts)


def leave_pages_directory_mode() -> None:
    """The first run after the server starts, Streamlit treats pages/ as a folder of
    stand-alone pages (its older multipage mode) until app.py calls st.navigation.
    A link that opens a page directly would then run the page without app.py (no
    language switch, no navigation). Switch that mode off and rerun through app.py;
    url paths equal the file names, so the same page opens."""
    from streamlit.runtime.pages_manager import PagesManager
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def guarded(page):
    """Run a page body; expected problems become a warning with what to do."""
    @functools.wraps(page)
    def wrapper():
        leave_pages_directory_mode()
        lg = lang()
        try:
            page(lg)
        except queries.WarehouseMissing as e:
            st.warning(t("empty.no_data", lg) + f" ({e})")
        except Exception as e:  # never a traceback on screen
            st.error(t("error.page", lg, error=f"{type(e).__name__}: {e}"))
    return wrapper
