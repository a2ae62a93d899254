"""What changed: the latest load's effect on the active members of the province and of each
regency, split by cause (new, reactivated, lapsed, moved, corrections) with the file that
caused each part; tiers that changed; what the load added; the alerts; earlier loads."""
import pandas as pd
import streamlit as st

from ui import fmt, tables
from ui.digest import alert_text
from ui.i18n import t
from ui.layout import frame
from ui.queries import changes as q
from ui.tables import Col, Table

PARTS = ("new", "reactivated", "lapsed", "moved", "correction")
REGENCIES = Table("perubahan_kabupaten", (
    tables.REGENCY, Col("n_before", "chg.col_before"), Col("n_after", "chg.col_after"),
    Col("n_change", "chg.col_change", "signed", digits=0)) + tuple(
    Col(f"n_{p}", f"chg.part.{p}", "signed", digits=0) for p in PARTS), hidden_flag=None)
FILES = Table("perubahan_berkas", (
    Col("part", "chg.col_part", "text"), Col("n_members", "chg.col_members", "signed", digits=0),
    Col("file", "chg.col_file", "text"), Col("as_of_month", "chg.col_as_of", "month")), hidden_flag=None)
ADDED = Table("ditambahkan", (
    Col("kind_label", "chg.col_kind", "text"), Col("programme", "chg.col_programme", "text"),
    Col("n_rows", "chg.col_rows"), Col("amount_rp", "chg.col_amount", "rupiah")), hidden_flag=None)
TIERS = Table("peringkat_berubah", (
    tables.REGENCY, Col("before", "chg.col_tier_before", "text"), Col("after", "chg.col_tier_after", "text"),
    Col("n_before", "chg.col_before"), Col("n_after", "chg.col_after")), hidden_flag=None)
HISTORY = Table("riwayat_perubahan", (
    Col("build_id", "chg.build_pick"), Col("built_at", "chg.col_built", "datetime"),
    Col("as_of_after", "chg.col_as_of", "month"), Col("files", "chg.col_files", "text")), hidden_flag=None)


def pick_build(lang, builds):
    labels = {int(b.build_id): t("chg.build_label", lang, n=int(b.build_id), when=fmt.datetime_(b.built_at, lang),
                                 as_of=fmt.month(b.as_of_after, lang)) + (f" ({t('chg.latest', lang)})"
                                                                          if b.is_latest else "")
              for b in builds.itertuples()}
    return st.selectbox(t("chg.build_pick", lang), list(labels), format_func=labels.get, key="chg_build")


def province(lang, status, summary):
    prov = summary[summary.level == "province"].iloc[0]
    c1, c2 = st.columns([1, 2])
    c1.metric(t("chg.province_active", lang, segments=", ".join(status["goal_segments"])),
              fmt.number(prov.n_after, lang), fmt.signed(prov.n_after - prov.n_before, lang),
              delta_arrow="auto")
    c1.caption(t("chg.before_after", lang, before=fmt.number(prov.n_before, lang)))
    c2.markdown(f"**{t('chg.parts_title', lang)}**")
    c2.markdown("  \n".join(f"{t(f'chg.part.{p}', lang)}: {fmt.signed(prov[f'n_{p}'], lang)}" for p in PARTS))


def regencies(lang, build_id, summary):
    st.subheader(t("chg.regencies_title", lang))
    reg = summary[summary.level == "regency"].assign(n_change=lambda d: d.n_after - d.n_before)
    tables.show(REGENCIES, reg, lang, key="chg_regencies")
    names = dict(zip(reg.area_code, reg.regency_name))
    moved = [c for c in reg.area_code if names.get(c)]
    area = st.selectbox(t("chg.files_pick", lang), ["53", *moved], key="chg_area",
                        format_func=lambda c: "NTT" if c == "53" else names[c])
    parts = q.parts_by_file(build_id, area)
    rows = parts.assign(part=[t(f"chg.part.{c}", lang) for c in parts.component],
                        file=parts.file_name.fillna(t("chg.no_file", lang)))
    tables.show(FILES, rows, lang, key="chg_files")


def added_and_tiers(lang, build_id, is_latest):
    st.subheader(t("chg.added_title", lang))
    added = q.added(build_id)
    tables.show(ADDED, added.assign(kind_label=[t(f"chg.kind.{k}", lang) for k in added.kind],
                                    programme=[t("chg.programme_all", lang) if p == "TOTAL" else p
                                               for p in added.programme_code]), lang, key="chg_added")
    if not is_latest:
        return
    st.subheader(t("chg.tiers_title", lang))
    tiers = q.tier_changes()
    if tiers.empty:
        st.caption(t("chg.tiers_none", lang))
    else:
        rows = tiers.assign(before=tiers[f"label_before_{lang}"], after=tiers[f"label_after_{lang}"])
        tables.show(TIERS, rows, lang, key="chg_tiers")


def alerts(lang):
    st.subheader(t("chg.alerts_title", lang))
    found = q.alerts()
    if found.empty:
        st.success(t("chg.alerts_none", lang))
    for _, a in found.iterrows():
        st.warning(alert_text(a, lang))


@frame("chg.title", needs_members=False)
def page(lang, status):
    builds = q.builds()
    if builds.empty:
        st.info(t("chg.none", lang))
        return
    st.caption(t("chg.intro", lang))
    build_id = pick_build(lang, builds)
    summary = q.summary(build_id)
    province(lang, status, summary)
    alerts(lang)
    regencies(lang, build_id, summary)
    added_and_tiers(lang, build_id, bool(builds.set_index("build_id").loc[build_id, "is_latest"]))
    st.subheader(t("chg.history_title", lang))
    history = builds.assign(files=[f"{int(b.first_load_id)}–{int(b.last_load_id)}" if pd.notna(b.first_load_id)
                                   else "–" for b in builds.itertuples()])   # a rebuild loads no file
    tables.show(HISTORY, history, lang, key="chg_history")


page()
