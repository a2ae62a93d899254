"""Sejuta Peserta: the router. Navigation, language, data status; the view in the address
(ui/state.py): the language and the regency follow a person from page to page."""
from pathlib import Path

import streamlit as st

from ui import auth, bootstrap, layout, state, style
from ui.queries import common
from ui.i18n import t

st.set_page_config(page_title="Sejuta Peserta", layout="wide", initial_sidebar_state="auto")

# (file, title key, url path): the pages in navigation order
PAGES = [
    ("pages/overview.py", "nav.overview", "overview"),
    ("pages/regencies.py", "nav.regencies", "regencies"),
    ("pages/sectors.py", "nav.sectors", "sectors"),
    ("pages/tiers.py", "nav.tiers", "tiers"),
    ("pages/claims.py", "nav.claims", "claims"),
    ("pages/data_quality.py", "nav.data_quality", "data_quality"),
    ("pages/changes.py", "nav.changes", "changes"),
]
PAGES += auth.pages()     # by the signed-in role: load data (steward), targets and tiers (admin), account
HERE = Path(__file__).resolve().parent
lang = state.peek_lang()
pages = [st.Page(f, title=t(key, lang), url_path=url, default=(i == 0))
         for i, (f, key, url) in enumerate(PAGES) if (HERE / f).exists()]
nav = st.navigation(pages, position="hidden")     # the links below carry the view's address
state.begin(nav.url_path)
lang = state.lang()
style.inject(lang)
try:
    bootstrap.ensure_warehouse(lang)
except Exception as e:  # the page must explain, never show a traceback
    st.error(t("error.demo_build", lang))
    layout.admin_note(lang, t("error.demo_build_admin", lang, error=f"{type(e).__name__}: {e}"))

st.sidebar.markdown(f"### {t('app.title', lang)}")
st.sidebar.caption(t("app.subtitle", lang))
links = st.sidebar.container()
layout.language_switch()
try:
    st.sidebar.caption(layout.status_line(common.status(), lang))
except Exception:
    pass
for notice in state.notices(lang):
    st.warning(notice)
nav.run()
with links:
    for page in pages:
        st.page_link(page, label=page.title, query_params=state.link_params())
state.publish()
