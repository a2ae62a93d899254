"""Akun Petugas (/account): sign in (the province's identity provider through st.login, or the
local mode's e-mail and password), who is signed in with which role, sign out. With no login
configured, it says that the dashboard is view-only and how to enable loading (ui/auth.py)."""
import streamlit as st

from ui import auth
from ui.i18n import t
from ui.layout import frame, pressed


def signed_in(lang: str, who: str) -> None:
    role = auth.role()
    st.success(t("auth.signed_in_as", lang, who=who, role=t(f"auth.role.{role}", lang)))
    if role == "viewer":
        st.info(t("auth.no_role", lang))
    if pressed(t("auth.sign_out", lang), "sign_out"):
        auth.sign_out()
        st.rerun()


def local_form(lang: str) -> None:
    with st.form("local_sign_in", clear_on_submit=True):
        st.markdown(f"**{t('auth.local_title', lang)}**")
        email = st.text_input(t("auth.email", lang))
        password = st.text_input(t("auth.password", lang), type="password")
        if pressed(t("auth.sign_in", lang), "sign_in", form=True):
            problem = auth.sign_in_local(email, password)
            if problem:
                st.error(t(problem, lang))
            else:
                st.rerun()


@frame("account.title", needs_members=False)
def page(lang, status):
    problem = auth.roles_problem()
    if problem:
        st.error(t("auth.roles_file_bad", lang, problem=problem))
    who = auth.identity()
    if who:
        signed_in(lang, who)
        return
    if not auth.login_configured():
        st.info(t("auth.view_only", lang))
        return
    st.caption(t("auth.roles_intro", lang))
    for provider in auth.oidc_providers():
        label = t("auth.sign_in_idp", lang) if provider is None else t("auth.sign_in_named", lang, name=provider)
        if pressed(label, f"login_{provider or 'default'}"):
            st.login(provider) if provider else st.login()
    if auth.local_mode():
        local_form(lang)


page()
