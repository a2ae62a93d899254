"""First start on a fresh clone: build the demo warehouse, with progress on
the page, instead of failing. One build at a time (a lock file), so two
browser sessions opening at once do not both build."""
from __future__ import annotations

import fcntl

import streamlit as st

from etl import settings
from ui.i18n import t


def ensure_warehouse(lang: str) -> None:
    path = settings.get_path("warehouse")
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.bootstrap.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return
        build_demo(lang)


def build_demo(lang: str) -> None:
    from etl.demo import build
    with st.status(t("demo.building", lang), expanded=True) as box:
        box.write(t("demo.generating", lang))
        build(progress=box.write)
        box.update(label=t("demo.done", lang), state="complete", expanded=False)
