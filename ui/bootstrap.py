"""First start on a fresh clone: build the demo warehouse, with progress on the page,
instead of failing. One build at a time (a lock file), so two browser sessions opening at
once do not both build. The progress speaks the page's language and writes numbers its way:
the demo's own steps come through a translator (etl.demo.build's `say`), the loader's lines
are recognised by their shape (a file being loaded, a model being built) and the rest, the
loader's per-file summaries, are left to the command line."""
from __future__ import annotations

import fcntl
import re

import streamlit as st

from etl import settings
from ui import fmt
from ui.i18n import t

LOADING = re.compile(r"^loading (?P<name>.+?) \.\.\.$")
MODEL = re.compile(r"^\s+model ")


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


def translator(lang: str):
    """say(key, **values) of the demo build in the page's language (ui.i18n "demo.*")."""
    def say(key: str, **v) -> str:
        values = {k: fmt.number(x, lang) if isinstance(x, int) else
                  fmt.decimal(x, 1, lang) if isinstance(x, float) else x for k, x in v.items()}
        if key == "files_written":
            values["label"] = t(f"demo.kind_{v['label']}", lang)
        values.pop("out", None)
        return t(f"demo.{key}", lang, **values)
    return say


def progress_lines(lang: str, write):
    """A progress callback: the demo's (already translated) steps as they come; a loader's
    "loading FILE ..." as one line in the page's language; the model builds as one line."""
    seen = {"models": False}

    def progress(line: str) -> None:
        found = LOADING.match(line)
        if found:
            write(t("demo.loading_file", lang, name=found["name"]))
        elif MODEL.match(line):
            if not seen["models"]:
                seen["models"] = True
                write(t("demo.marts", lang))
        elif not line.startswith(" ") and not line.startswith("loading"):
            write(line)
    return progress


def build_demo(lang: str) -> None:
    from etl.demo import build
    with st.status(t("demo.building", lang), expanded=True) as box:
        box.write(t("demo.generating", lang))
        build(progress=progress_lines(lang, box.write), say=translator(lang))
        box.update(label=t("demo.done", lang), state="complete", expanded=False)
