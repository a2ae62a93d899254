"""Sejuta Peserta: the router. Navigation, language, data status."""
import streamlit as st

from ui import bootstrap, layout, queries
from ui.i18n import t

st.set_page_config(page_title="Sejuta Peserta", layout="wide", initial_sidebar_state="expanded")

lang = layout.lang()
try:
    bootstrap.ensure_warehouse(lang)
except Exception as e:  # the page must explain, never show a traceback
    st.error(t("error.demo_build", lang, error=f"{type(e).__name__}: {e}"))

PAGES = [
    st.Page("pages/overview.py", title=t("nav.overview", lang), url_path="ringkasan", default=True),
]
nav = st.navigation(PAGES)
st.sidebar.markdown(f"### {t('app.title', lang)}")
st.sidebar.caption(t("app.subtitle", lang))
layout.language_switch()
try:
    st.sidebar.caption(layout.status_line(queries.status(), lang))
except Exception:
    pass
nav.run()
