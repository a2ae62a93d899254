"""Muat Data (/load_data), for data stewards: drop export files, see what the load would do
before anything is written (a dry run), fix a header mapping, publish with the same loader
and lock as `python -m etl load`, and put an earlier version back. Uploads stay in memory
(etl/upload.py): no clear-text copy is written anywhere."""
import streamlit as st

from etl import history, settings, upload
from etl.warehouse import LoadError
from ui import auth, history_view, load_view
from ui.i18n import t
from ui.layout import frame, pressed


def uploads(lang: str) -> list[tuple[str, bytes]]:
    """The dropped files that can be read, each refused one told in one sentence."""
    limit = settings.get_int("upload_max_mb", 1)
    st.caption(t("load.intro", lang, mb=limit))
    files = st.file_uploader(t("load.drop", lang), type=[s.lstrip(".") for s in upload.SUFFIXES],
                             accept_multiple_files=True, key=f"load_files_{st.session_state.get('load_round', 0)}",
                             max_upload_size=limit)
    good = []
    for f in files or []:
        data = f.getvalue()
        problem = upload.problem(f.name, data, limit)
        if problem:
            st.error(t(f"load.problem.{problem[0]}", lang, file=f.name, **problem[1]))
        else:
            good.append((f.name, data))
    return good


def warehouse_stamp():
    try:
        s = settings.get_path("warehouse").stat()
        return s.st_ino, s.st_mtime_ns
    except FileNotFoundError:
        return None


def preview_and_publish(lang: str, good: list[tuple[str, bytes]]) -> None:
    with upload.in_memory(good) as paths:
        files = load_view.prepare(good, paths)
        with st.spinner(t("load.checking", lang)):
            found = load_view.preview(files, warehouse_stamp())
        st.subheader(t("load.preview", lang))
        if found.error:
            st.warning(t("load.cannot_check", lang, sentence=found.error))
        for i, f in enumerate(files):
            load_view.show_file(lang, i, f, found)
        ready = not found.error and not found.refused and len(found.results) == len(files)
        st.caption(t("load.publish_help", lang) if ready else t("load.publish_blocked", lang))
        clicked = pressed(t("load.publish", lang), "load_publish", type="primary", disabled=not ready)
        if clicked:
            results = load_view.publish(lang, files, auth.by())
            if results is not None:
                st.session_state["load_done"] = load_view.summary(lang, results)
                st.session_state["load_round"] = st.session_state.get("load_round", 0) + 1
                st.session_state.pop("load_preview", None)
                st.rerun()


def versions(lang: str) -> None:
    """The published versions; a kept one can be put back (itself a new version)."""
    st.subheader(t("hist.title", lang))
    st.caption(t("hist.caption", lang, n=settings.get_int("keep_versions", 1)))
    history_view.show(lang, key="load_versions")
    log, now = history_view.entries()
    choices = [e for e in reversed(log) if e["kept"] and not (now and e["version"] == now["version"])]
    if not choices:
        return
    labels = {e["version"]: f"v{e['version']} · {history_view.what(e, lang)} · {e['at'].replace('T', ' ')}"
              for e in choices}
    version = st.selectbox(t("hist.restore_which", lang), list(labels), format_func=labels.get, key="rollback_version")
    sure = st.checkbox(t("hist.restore_sure", lang, version=version), key="rollback_sure")
    if pressed(t("hist.restore", lang, version=version), "rollback_go", disabled=not sure):
        try:
            e = history.rollback(to=version, by=auth.by(), wait=False, progress=lambda *_: None)
        except LoadError as err:
            st.error(t("hist.restore_failed", lang, sentence=str(err)))
            return
        st.session_state["load_done"] = [t("hist.restored", lang, version=e["restored"], new=e["version"])]
        st.session_state.pop("rollback_sure", None)
        st.rerun()


@frame("load.title", needs_members=False)
def page(lang, status):
    if not auth.can("steward"):
        st.warning(t("auth.need_steward", lang))
        return
    for line in st.session_state.pop("load_done", []):
        st.success(line)
    good = uploads(lang)
    if good:
        preview_and_publish(lang, good)
    versions(lang)


page()
