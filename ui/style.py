"""The dashboard's own style sheet (static/app.css): readable text contrast, and the
layout on phones (tables and charts inside 390 px, tile labels inside their tiles); and the
one tooltip plotly cannot translate (Streamlit's own "Fullscreen" button in the chart
toolbar, whose tip plotly draws from CSS) in the page's language."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import streamlit as st

from ui.i18n import t

CSS = Path(__file__).resolve().parents[1] / "static" / "app.css"
TIP = '.js-plotly-plot .plotly .modebar-btn[data-title="{title}"]:hover::after {{ content: "{text}" !important; }}'


@lru_cache(maxsize=1)
def _css() -> str:
    return CSS.read_text(encoding="utf-8")


def tips(lang: str) -> str:
    return "\n".join(TIP.format(title=title, text=t(key, lang))
                     for title, key in (("Fullscreen", "chart.fullscreen"), ("Close fullscreen", "chart.close_fullscreen")))


def inject(lang: str) -> None:
    st.html(f"<style>{_css()}\n{tips(lang)}</style>")
