"""What every page shares: the language, the status line, and the page frame (title,
status line, empty and error states: an unexpected failure becomes one clear message,
never a traceback)."""
from __future__ import annotations

import functools

import pandas as pd
import streamlit as st

from ui import fmt, state
from ui.queries import common
from ui.queries.funnel import WarehouseMissing
from ui.i18n import LANGS, t


def lang() -> str:
    """The language of this run (ui.state: from the address, else the session, else the setting)."""
    return state.lang()


def language_switch() -> None:
    """The language picker of the sidebar; a change goes into the address (ui.state)."""
    current = lang()
    st.sidebar.segmented_control(t("lang.label", current), options=list(LANGS), format_func=LANGS.get,
                                 **state.bind("lang", "lang_switch"))


def status_line(status: dict, lg: str) -> str:
    parts = [t("data.as_of", lg, month=fmt.month_long(status["as_of"], lg))]
    if status.get("loaded_at") is not None:
        parts.append(t("data.loaded", lg, when=fmt.datetime_(status["loaded_at"], lg)))
    return " · ".join(parts)


def admin_note(lang: str, *texts: str) -> None:
    """What only the person running the dashboard needs (setting names, file paths,
    commands), folded away under "Untuk administrator"."""
    with st.expander(t("admin.title", lang)):
        for text in texts:
            st.markdown(text)


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


def frame(title_key: str, needs_members: bool = True):
    """The page frame: `@frame("overview.title")` over `def page(lang, status)`. It draws the
    title and the status line, says what to do when there is no warehouse or no data yet,
    and turns an unexpected failure into one sentence. A page that speaks about the loads
    themselves (needs_members=False) runs before any member list is loaded."""
    def wrap(body):
        @functools.wraps(body)
        def page():
            leave_pages_directory_mode()
            lg = lang()
            st.title(t(title_key, lg))
            try:
                status = common.status()
                st.caption(status_line(status, lg))
                if needs_members and (status["as_of"] is None or pd.isna(status["as_of"])):
                    st.info(t("empty.no_rows", lg))
                    return
                body(lg, status)
            except WarehouseMissing as e:
                st.warning(t("empty.no_data", lg) + f" ({e})")
            except Exception as e:  # never a traceback on screen
                st.error(t("error.page", lg, error=f"{type(e).__name__}: {e}"))
        return page
    return wrap


def chart(fig, key: str, lang: str, where=None, on_select="ignore"):
    """Every chart goes on a page this way, with one configuration: offline maps (plotly's
    topojson from this server, see geo.boundaries), no logo, no lasso; the page's language
    (ui.charts.config, finish). A map passes on_select (a callback) to be clicked."""
    from ui.charts import config, finish
    return (where or st).plotly_chart(finish(fig, lang), config={**config(lang), "topojsonURL": "/app/static/"},
                                      key=key, on_select=on_select, selection_mode="points")
