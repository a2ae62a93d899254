"""The view in the address: what every page shows (language, regency) and each page's own
filters live in the URL, so a copied address opens the same view in the same language, and
Back and Forward agree with what is shown.

The address is the truth. Each run, a parameter is read from the address when the address
was set from outside (the first run of a session, a link, Back/Forward, another page);
otherwise the page's widgets (their callbacks run first) own it. At the end of the run
(app.py) the address is written back, complete: the language always, every other
parameter when it differs from its default. Page links (app.py) carry the language and
the regency, so a regency chosen on one page is the regency of every page.

    state.begin(SHARED)                       # app.py, before the page
    state.use(PARAMS)                         # a page, for its own filters
    st.selectbox(..., **state.bind("regency", "claims_regency"))
    state.publish()                           # app.py, after the page
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import streamlit as st

from etl import settings
from geo import names, tiles
from ui.i18n import LANGS, t

VALUES, PUBLISHED, PAGE, ACTIVE, NOTICES, MOVED = (
    "_view", "_view_published", "_view_page", "_view_active", "_view_notices", "_view_moved")


class Invalid(ValueError):
    """A value the address cannot hold; the message is the notice shown (already translated
    when it says more than 'not understood')."""


@dataclass(frozen=True)
class Param:
    name: str                                           # in the address
    default: object = None                              # also: absent from the address
    parse: Callable[[str], object] = str                # address text -> value; raises Invalid
    dump: Callable[[object], str] = str                 # value -> address text
    always: bool = False                                # written even at its default (the language)
    notice: str | None = None                           # i18n key of the notice for a bad value
    choices: tuple = field(default=())                  # allowed values, when a closed list

    def read(self, text):
        if text is None:
            return self.default
        value = self.parse(text)
        if self.choices and value not in self.choices:
            raise Invalid(text)
        return value


# ---------------------------------------------------------------- the shared parameters

@lru_cache(maxsize=1)
def reference():
    """The 22 regencies of the reference table (both code systems, names, aliases)."""
    return tiles.load_regencies()


def parse_regency(text: str):
    found = names.resolve(text, reference())
    if found.problem:
        raise Invalid(text) if found.problem == "unknown" else Ambiguous(text, found.candidates)
    return found.code


class Ambiguous(Invalid):
    def __init__(self, text, candidates):
        super().__init__(text)
        self.candidates = candidates


def parse_lang(text: str) -> str:
    if text not in LANGS:
        raise Invalid(text)
    return text


def default_lang() -> str:
    lg = settings.get("language")
    return lg if lg in LANGS else "id"


LANG = Param("lang", "id", parse_lang, always=True, notice="state.lang_unknown")
REGENCY = Param("regency", None, parse_regency, notice="state.regency_unknown")
SHARED = (LANG, REGENCY)


# ---------------------------------------------------------------- reading the address

def _ss():
    return st.session_state


def _values() -> dict:
    return _ss().setdefault(VALUES, {})


def peek_lang() -> str:
    """The language of this run, before the page is known (app.py names the pages with it)."""
    text, published = st.query_params.get(LANG.name), _ss().get(PUBLISHED)
    if published is not None and text == published.get(LANG.name) and get(LANG.name):
        return get(LANG.name)
    return text if text in LANGS else (get(LANG.name) or default_lang())


def begin(page: str, params=SHARED) -> None:
    """Start of a run (app.py): note the page and read the shared parameters."""
    ss = _ss()
    ss[ACTIVE] = []
    ss[MOVED] = ss.get(PAGE) != page or PUBLISHED not in ss      # first run, or another page
    ss[PAGE] = page
    if ss[MOVED]:
        ss[NOTICES] = {}
    use(params)


def use(params) -> None:
    """A page's own parameters: read from the address when it was set from outside (first
    run, another page, Back/Forward, a link); else kept as the page's widgets left them."""
    ss, values = _ss(), _values()
    published = ss.get(PUBLISHED) or {}
    for p in params:
        ss[ACTIVE].append(p)
        text = st.query_params.get(p.name)
        if ss.get(MOVED, True) or text != published.get(p.name):
            values[p.name] = default_lang() if p is LANG and text is None else _read(p, text)
        elif p.name not in values:
            values[p.name] = p.default


def _read(p: Param, text):
    try:
        value = p.read(text)
    except Invalid as e:
        _ss().setdefault(NOTICES, {})[p.name] = (p, str(text), getattr(e, "candidates", ()))
        return p.default
    _ss().setdefault(NOTICES, {}).pop(p.name, None)
    return value


def get(name: str):
    return _values().get(name)


def set(name: str, value) -> None:  # noqa: A001 - the verb of the module
    _values()[name] = value
    _ss().get(NOTICES, {}).pop(name, None)


def lang() -> str:
    return get(LANG.name) or default_lang()


# ---------------------------------------------------------------- widgets

def bind(name: str, key: str, to_widget: Callable = lambda v: v, from_widget: Callable = lambda v: v) -> dict:
    """Keyword arguments of a widget that shows and sets parameter `name`: the widget starts
    from the parameter and its changes go into it (before the next run reads it)."""
    st.session_state[key] = to_widget(get(name))
    return {"key": key, "on_change": _store, "args": (name, key, from_widget)}


ALL = "53"       # the option meaning "no filter" (all of NTT, every segment): never None, which a
                 # selectbox would show as its English "Choose an option"


def bind_all(name: str, key: str, then: Callable = lambda v: v) -> dict:
    """bind() for a filter whose first option, ALL, means "not filtered" (the parameter None)."""
    return bind(name, key, to_widget=lambda v: ALL if v is None else v,
                from_widget=lambda v: then(None if v in (None, ALL) else v))


def _store(name: str, key: str, from_widget: Callable) -> None:
    value = st.session_state.get(key)
    if value is None and name == LANG.name:       # a segmented control clicked off: keep the language
        return
    set(name, from_widget(value))


def select(name: str, key: str, then: Callable | None = None):
    """on_select callback of a map (widget `key`): the clicked tile or region becomes
    parameter `name`; its code is customdata[0] of a tile, the location of a region."""
    def picked():
        points = ((st.session_state.get(key) or {}).get("selection") or {}).get("points") or []
        for p in points:
            custom = p.get("customdata")
            code = custom[0] if isinstance(custom, list) and custom else p.get("location")
            if code in reference()["kemendagri_code"].tolist():
                set(name, code)
                if then:
                    then()
                return
    return picked


# ---------------------------------------------------------------- writing the address

def address() -> dict[str, str]:
    """The address of the view: the language, and every active parameter off its default."""
    values, out = _values(), {}
    for p in _ss().get(ACTIVE, []):
        v = values.get(p.name, p.default)
        if p.always or v != p.default:
            out[p.name] = p.dump(v)
    return out


def link_params() -> dict[str, str]:
    """What a link to another page carries: the language and the regency."""
    values = _values()
    out = {LANG.name: values.get(LANG.name) or default_lang()}
    if values.get(REGENCY.name):
        out[REGENCY.name] = values[REGENCY.name]
    return out


def publish() -> None:
    """End of a run (app.py): the address becomes the view's address."""
    want = address()
    if st.query_params.to_dict() != want:
        st.query_params.from_dict(want)
    _ss()[PUBLISHED] = want


def notices(lang: str) -> list[str]:
    """One sentence per address value that could not be used, in the page's language."""
    out = []
    for p, text, candidates in _ss().get(NOTICES, {}).values():
        if candidates:
            names_ = dict(zip(reference()["kemendagri_code"], reference()["name"]))
            out.append(t("state.regency_ambiguous", lang, value=text,
                         options=t("state.or", lang).join(names_[c] for c in candidates)))
        else:
            out.append(t(p.notice or "state.value_unknown", lang, value=text, name=p.name))
    return out
