"""What every page shares: the language, the status line, the page frame (title, status
line, empty and error states: an unexpected failure becomes one clear message, never a
traceback; the print rules; the page's workbook) and the one way to put a chart on a page."""
from __future__ import annotations

import contextlib
import functools
import re

import pandas as pd
import streamlit as st

from ui import exports, fmt, printing, state
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


def folded(label: str, key: str):
    """An expander whose content is drawn only while it is open: the container to write into,
    or a null context while it is closed (`box.open` says which). Opening it reruns the page;
    a closed one draws and sends nothing. A table in it is still a sheet of the page's
    workbook: `tables.show(..., draw=box.open)`.

        with (box := folded(label, "x_open")):
            tables.show(spec, df, lang, key="x", draw=box.open)"""
    box = st.expander(label, key=key, on_change="rerun")
    return box if box.open else Closed()


class Closed(contextlib.nullcontext):
    """A folded section while it is closed: nothing is written into it."""
    open = False


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
    themselves (needs_members=False) runs before any member list is loaded. Every table the
    page shows is collected (ui.exports) and offered at the end as one workbook; the print
    rules (ui.printing) make Ctrl+P give a clean A4."""
    def wrap(body):
        @functools.wraps(body)
        def page():
            leave_pages_directory_mode()
            lg = lang()
            st.title(t(title_key, lg))
            printing.inject()
            token = None
            try:
                status = common.status()
                st.caption(status_line(status, lg))
                if needs_members and (status["as_of"] is None or pd.isna(status["as_of"])):
                    st.info(t("empty.no_rows", lg))
                    return
                token = exports.begin(exports.Context(
                    page=t(title_key, lg), slug=exports.page_slug(title_key), lang=lg, as_of=status["as_of"],
                    suppress_below=status["suppress_below"]))
                body(lg, status)
                exports.page_download()
            except WarehouseMissing as e:
                st.warning(t("empty.no_data", lg) + f" ({e})")
            except Exception as e:  # never a traceback on screen
                st.error(t("error.page", lg, error=f"{type(e).__name__}: {e}"))
            finally:
                if token is not None:
                    exports.end(token)
        return page
    return wrap


def plain(text) -> str:
    """A plotly title without its markup."""
    return re.sub(r"<[^>]+>", " ", str(text or "")).strip()


def context_line(ctx) -> str | None:
    """The line under a chart's title: the data's as-of month and the source (an
    exports.Context; None outside a page)."""
    return f"{ctx.as_of_text()} · {ctx.source()}" if ctx is not None else None


def with_context(fig, lang: str, line: str | None, title: str | None = None):
    """The chart carries its context in the image: a title (the figure's own, else `title`),
    and under it `line` (context_line: the data's as-of month and the source)."""
    own = plain(fig.layout.title.text)
    if not own and title:
        fig.update_layout(title_text=title)
    if line is not None:
        fig.update_layout(title_subtitle_text=line,
                          title_subtitle_font=dict(size=11, color="#5f6b7a"))
        top = fig.layout.margin.t if fig.layout.margin.t is not None else 80
        fig.update_layout(margin_t=max(top, 78))
    return fig


def chart(fig, key: str, lang: str, where=None, title: str | None = None, on_select="ignore"):
    """Every chart goes on a page this way, with one configuration: offline maps (plotly's
    topojson from this server, see geo.boundaries), no logo, no lasso; the title, as-of
    month and source line in the figure, and an image download named for what it shows
    (sejuta-peserta_<title>_<regency>_<YYYY-MM>.png); the page's language and a title clear
    of the toolbar (ui.charts.config, finish). A map passes on_select (a callback) to be clicked.
    The finishing is cached (finished): a warm rerun sends the same figure without redoing it."""
    import plotly.graph_objects as go
    import plotly.io as pio
    from ui.charts import config
    ctx = exports.context()
    named, spec = finished(pio.to_json(fig, validate=False), lang, context_line(ctx), title)
    name = exports.slug(named or key)
    image = {"format": "png", "scale": 2, "filename": ctx.file_name(name, "png")[:-4] if ctx else name}
    # The cached spec was validated when it was finished: plotly need not check it again.
    return (where or st).plotly_chart(
        go.Figure(spec, _validate=False),
        config={**config(lang), "topojsonURL": "/app/static/", "toImageButtonOptions": image},
        key=key, on_select=on_select, selection_mode="points")


@st.cache_data(max_entries=512, show_spinner=False)
def finished(spec: str, lang: str, line: str | None, title: str | None) -> tuple[str, dict]:
    """The figure (its plotly JSON) with its context and last touches (with_context, finish):
    the title its image is named for, and the finished figure as a dict. Cached on the figure's
    JSON and the texts added, because plotly's validating update_layout is most of a warm
    page view's time (measured: ~75 ms a chart for finish alone; the JSON ~7 ms)."""
    import json

    import plotly.graph_objects as go
    from ui.charts import finish
    fig = with_context(go.Figure(json.loads(spec)), lang, line, title)
    named = plain(fig.layout.title.text)
    return named, finish(fig, lang).to_dict()


def pressed(label: str, key: str, form: bool = False, **kw) -> bool:
    """A button that reports its click through its on_click callback (a session flag), not
    through st.button's return value: the value is lost when a multipage run starts on
    another page than the one the click came from (seen in AppTest); the callback is not."""
    flag = f"_pressed_{key}"
    button = st.form_submit_button if form else st.button
    button(label, key=key, on_click=st.session_state.__setitem__, args=(flag, True), **kw)
    return bool(st.session_state.pop(flag, False))
