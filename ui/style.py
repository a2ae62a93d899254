"""The dashboard's own style sheet (static/app.css): readable text contrast, and the
layout on phones (tables and charts inside 390 px, tile labels inside their tiles)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import streamlit as st

CSS = Path(__file__).resolve().parents[1] / "static" / "app.css"


@lru_cache(maxsize=1)
def _css() -> str:
    return CSS.read_text(encoding="utf-8")


def inject() -> None:
    st.html(f"<style>{_css()}</style>")
