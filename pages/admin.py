"""Target & Peringkat (/admin), for admins: the incentive tiers and the target overrides in
editable tables, checked (tiers strictly increasing from 0%, codes that exist, overrides not
above their area's target), saved atomically to the configured files (SEJUTA_TIERS_FILE,
SEJUTA_TARGET_OVERRIDES) and rebuilt into the warehouse, only the models that read them
(etl/config_edit.py). A problem gets a sentence, and then nothing is saved."""
import pandas as pd
import streamlit as st

from etl import config_edit, reference, settings
from etl.warehouse import LoadError
from ui import auth, fmt
from ui.i18n import t
from ui.layout import frame, pressed


def read(setting: str, columns: list[str]) -> pd.DataFrame:
    path = settings.get_path(setting)
    df = pd.read_csv(path, dtype=str, keep_default_na=False) if path.exists() else pd.DataFrame(columns=columns)
    return df.reindex(columns=columns).fillna("")


def tiers_table() -> pd.DataFrame:
    df = read("tiers_file", config_edit.TIER_COLUMNS)
    return df.assign(tier=pd.to_numeric(df["tier"]).astype("Int64"), min_pct=pd.to_numeric(df["min_pct"]).astype("Float64"))


def overrides_table() -> pd.DataFrame:
    df = read("target_overrides", config_edit.OVERRIDE_COLUMNS)
    return df.assign(target=pd.to_numeric(df["target"]).astype("Int64"))


def tiers_editor(lang: str, current: pd.DataFrame) -> pd.DataFrame:
    st.subheader(t("admin.tiers", lang))
    st.caption(t("admin.tiers_help", lang))
    return st.data_editor(current, num_rows="dynamic", hide_index=True, key="admin_tiers", width="stretch",
                          column_config={
                              "tier": st.column_config.NumberColumn(t("admin.col_tier", lang), min_value=0, step=1),
                              "min_pct": st.column_config.NumberColumn(t("admin.col_min_pct", lang), min_value=0,
                                                                       max_value=config_edit.MAX_PCT, step=0.1),
                              "label_id": t("admin.col_label_id", lang), "label_en": t("admin.col_label_en", lang),
                              "incentive_id": t("admin.col_incentive_id", lang),
                              "incentive_en": t("admin.col_incentive_en", lang)})


def overrides_editor(lang: str, current: pd.DataFrame) -> pd.DataFrame:
    st.subheader(t("admin.overrides", lang))
    st.caption(t("admin.overrides_help", lang, target=fmt.number(settings.config().target, lang)))
    edited = st.data_editor(current, num_rows="dynamic", hide_index=True, key="admin_overrides", width="stretch",
                            column_config={
                                "area_code": t("admin.col_area_code", lang),
                                "target": st.column_config.NumberColumn(t("admin.col_target", lang), min_value=0, step=1),
                                "note": t("admin.col_note", lang)})
    names = area_names()
    known = [f"{c} {names[c]}" for c in edited["area_code"].astype(str).str.strip() if c in names]
    if known:
        st.caption(t("admin.areas", lang, areas="; ".join(known)))
    return edited


@st.cache_data(show_spinner=False)
def area_names() -> dict[str, str]:
    out = dict(zip(reference.read_csv("regencies.csv").kemendagri_code, reference.read_csv("regencies.csv").name))
    out |= dict(zip(reference.read_csv("districts.csv").code, reference.read_csv("districts.csv").name))
    out |= dict(zip(reference.read_csv("villages.csv").code, reference.read_csv("villages.csv").name))
    return out


def shown(params: dict, lang: str) -> dict:
    """Parameters of a problem as the sentence shows them."""
    return {k: fmt.decimal(v, 1, lang).removesuffix(",0").removesuffix(".0") if isinstance(v, float)
            else fmt.number(v, lang) if isinstance(v, int) else v for k, v in params.items()}


def save(lang: str, tiers, overrides, before) -> None:
    changed = [None if config_edit.tiers_csv(tiers) == config_edit.tiers_csv(before[0]) else tiers,
               None if config_edit.overrides_csv(overrides) == config_edit.overrides_csv(before[1]) else overrides]
    if all(c is None for c in changed):
        st.info(t("admin.unchanged", lang))
        return
    try:
        with st.spinner(t("admin.rebuilding", lang)):
            built = config_edit.save(*changed, by=auth.by())
    except config_edit.ConfigProblems as e:
        for code, params in e.problems:
            st.error(t(f"admin.err.{code}", lang, **shown(params, lang)))
        st.caption(t("admin.nothing_saved", lang))
        return
    except LoadError as e:
        st.error(t("admin.failed", lang, sentence=str(e)))
        return
    st.session_state["admin_done"] = t("admin.saved", lang, n=fmt.number(len(built), lang))
    for key in ("admin_tiers", "admin_overrides"):
        st.session_state.pop(key, None)
    st.rerun()


@frame("admin.page_title", needs_members=False)
def page(lang, status):
    if not auth.can("admin"):
        st.warning(t("auth.need_admin", lang))
        return
    if "admin_done" in st.session_state:
        st.success(st.session_state.pop("admin_done"))
    before = (tiers_table(), overrides_table())
    tiers = tiers_editor(lang, before[0])
    overrides = overrides_editor(lang, before[1])
    if pressed(t("admin.save", lang), "admin_save", type="primary"):
        save(lang, tiers, overrides, before)


page()
