"""Every word in the page's language: each page, in both languages, on the small demo (which has
claims, causes, subsidies and quarantined rows), walked through AppTest. Every string a person
reads (titles, captions, messages, labels, options, table headers and cells, chart titles,
legends, axis titles, tile and bar labels, hover texts) comes from the catalogue or is data, and
none holds a known word of the other language. What AppTest cannot see (plotly's own axis
months, Streamlit's built-in texts) is walked in Chromium (tests/browser/test_language_browser.py)."""
import json

import pytest

from tests.helpers import open_app, shown
from tests.language import foreign_words, from_catalogue

WALK = [("pages/overview.py", {}), ("pages/regencies.py", {}), ("pages/regencies.py", {"regency": "53.18"}),
        ("pages/sectors.py", {}), ("pages/sectors.py", {"regency": "53.18"}),
        ("pages/tiers.py", {}), ("pages/tiers.py", {"regency": "53.18", "level": "village"}),
        ("pages/claims.py", {"from": "2020-01", "to": "2026-10"}),
        ("pages/claims.py", {"regency": "53.18", "segment": "PU", "view": "stack"}),
        ("pages/data_quality.py", {}), ("pages/changes.py", {})]
FREE_TEXT_COLUMNS = {"Isian pekerjaan (dinormalisasi)", "Occupation text (normalised)", "Berkas", "File",
                     "Isi baris (disamarkan)", "Row content (masked)", "Lembar", "Sheet", "Kolom diabaikan",
                     "Columns ignored", "Kode", "Code",
                     "Oleh", "By", "Dimuat oleh", "Loaded by",   # who loaded: an identity (cli:<user>, an e-mail)
                     "SHA-256"}


def chart_texts(spec: dict) -> list[str]:
    out = []
    lay = spec.get("layout", {})
    out.append((lay.get("title") or {}).get("text"))
    out.append(((lay.get("title") or {}).get("subtitle") or {}).get("text"))
    for k, v in lay.items():
        if k.startswith(("xaxis", "yaxis")) and isinstance(v, dict):
            out.append(((v.get("title") or {}).get("text")))
            out += [str(x) for x in v.get("ticktext") or []]
    out += [a.get("text") for a in lay.get("annotations", [])]
    for tr in spec.get("data", []):
        if tr.get("showlegend") is not False and tr.get("name") and not str(tr["name"]).startswith("tile"):
            out.append(tr["name"])
        for key in ("text", "customdata", "y", "x"):
            val = tr.get(key)
            if isinstance(val, list):
                flat = [x for row in val for x in (row if isinstance(row, list) else [row])]
                out += [x for x in flat if isinstance(x, str) and not x[:4].isdigit()]
        template = tr.get("hovertemplate")
        if isinstance(template, str):
            out.append(template.split("%{")[0])
    return [t for t in out if isinstance(t, str) and t.strip()]


def page_texts(at) -> list[str]:
    out = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning", "error", "success"):
        out += [e.value for e in getattr(at, kind)]
    for m in at.metric:
        out += [m.label, m.value, m.delta or ""]
    for kind in ("selectbox", "radio", "multiselect", "segmented_control", "select_slider"):
        for w in getattr(at, kind):
            out += [w.label] + [str(o) for o in w.options]
    for kind in ("text_input", "button", "expander", "tabs"):
        out += [w.label for w in getattr(at, kind)]
    out += [p.proto.label for p in at.get("page_link")]
    for d in at.dataframe:
        table = shown(d)
        out += [str(c) for c in table.columns]
        for col in table.columns:
            if col not in FREE_TEXT_COLUMNS:
                out += [str(v) for v in table[col] if isinstance(v, str)]
    for chart in at.get("plotly_chart"):
        out += chart_texts(json.loads(chart.proto.spec))
    return [t for t in out if isinstance(t, str) and t.strip()]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page, params", WALK, ids=[f"{p.split('/')[1][:-3]}{sorted(q)}" for p, q in WALK])
def test_every_word_in_the_page_language(demo_env, page, params, lang):
    at = open_app(page, lang=lang, **params)
    assert not at.exception and not at.error, (at.exception, at.error)
    texts = page_texts(at)
    assert len(texts) > 20
    foreign = {t: foreign_words(t, lang) for t in texts if foreign_words(t, lang)}
    assert not foreign, f"words of the other language on {page} ({lang}): {list(foreign.items())[:8]}"
    strays = sorted({t for t in texts if not from_catalogue(t, lang)})
    assert not strays, f"strings not from the catalogue on {page} ({lang}): {strays[:12]}"


@pytest.mark.parametrize("text, lang, ok", [
    ("Peserta aktif (BPU)", "id", True), ("Kabupaten Sumba Barat Daya", "en", True), ("Mei 2026", "id", True),
    ("Rp 8,0 miliar", "id", True), ("Rincian Kabupaten Ende", "id", True), ("Choose an option", "id", False),
    ("demo: 1,000,000 members drawn", "id", False), ("Set SEJUTA_TIERS_FILE to change", "en", False),
    ("Regency progress", "id", False),
])
def test_the_check_itself(text, lang, ok):
    assert from_catalogue(text, lang) is ok


@pytest.mark.parametrize("text, lang, found", [
    ("Mei 2026", "en", ["Mei"]), ("May 2026", "id", ["May"]), ("Jatuh dari pohon", "en", ["Jatuh dari pohon", "dari"]),
    ("5.0% of the 600 target", "id", ["the", "of"]), ("Kabupaten/kota", "en", []),
])
def test_foreign_words(text, lang, found):
    assert sorted(foreign_words(text, lang)) == sorted(found)
