"""ui.i18n: the catalogue is complete and every literal key used exists."""
import re
import string
from pathlib import Path

import pytest

from ui.i18n import CATALOGUE, LANGS, t

ROOT = Path(__file__).resolve().parents[1]
# t("key" or t('key' -- also i18n.t("key"; not f-strings or variables.
_CALL = re.compile(r"""\bt\(\s*(["'])([^"'\\]+)\1""")


def _sources():
    files = [ROOT / "app.py"] if (ROOT / "app.py").is_file() else []
    for folder in ("pages", "ui"):
        if (ROOT / folder).is_dir():
            files += sorted((ROOT / folder).rglob("*.py"))
    return files


def _used_keys():
    return {(path.relative_to(ROOT).as_posix(), match.group(2))
            for path in _sources()
            for match in _CALL.finditer(path.read_text(encoding="utf-8"))}


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_langs():
    assert LANGS == {"id": "Bahasa Indonesia", "en": "English"}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_entry_complete_and_consistent(key):
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGS), key
    for lang in LANGS:
        assert isinstance(entry[lang], str) and entry[lang].strip(), (key, lang)
    assert _fields(entry["id"]) == _fields(entry["en"]), key


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_entry_formats_with_its_placeholders(key):
    for lang in LANGS:
        values = {name: f"<{name}>" for name in _fields(CATALOGUE[key][lang])}
        text = t(key, lang, **values)
        assert "{" not in text and "}" not in text
        for value in values.values():
            assert value in text


def test_every_literal_key_used_exists():
    missing = [(path, key) for path, key in _used_keys() if key not in CATALOGUE]
    assert not missing, f"keys used but not in ui/i18n.py CATALOGUE: {missing}"


def test_scanner_finds_calls():
    sample = "x = t('nav.overview', lang)\ny = i18n.t(\"app.title\")\nst.title(fmt)\nz = t(f'nav.{k}')\n"
    assert [m.group(2) for m in _CALL.finditer(sample)] == ["nav.overview", "app.title"]


@pytest.mark.parametrize("key, lang, kwargs, expected", [
    ("app.title", "id", {}, "Sejuta Peserta"),
    ("nav.overview", "id", {}, "Ringkasan Provinsi"),
    ("nav.overview", "en", {}, "Province overview"),
    ("nav.claims", "id", {}, "Klaim & Subsidi"),
    ("overview.headline", "id", {"segments": "BPU"}, "Peserta aktif yang dihitung untuk target (BPU)"),
    ("overview.headline", "en", {"segments": "BPU"}, "Active members counting toward the goal (BPU)"),
    ("overview.of_target", "id", {"target": "1.000.000"}, "dari target 1.000.000"),
    ("overview.recent_pace", "en", {"n": 3}, "Recent pace (last 3 months)"),
    ("data.as_of", "id", {"month": "Agu 2020"}, "Data per Agu 2020"),
    ("segment.BPU", "id", {}, "Bukan Penerima Upah"),
    ("segment.JAKON", "id", {}, "Jasa Konstruksi"),
    ("segment.PMI", "id", {}, "Pekerja Migran Indonesia"),
    ("table.change_3m", "id", {}, "Perubahan 3 bulan"),
])
def test_t(key, lang, kwargs, expected):
    assert t(key, lang, **kwargs) == expected


def test_default_language_is_indonesian():
    assert t("nav.data_quality") == "Kualitas Data"


def test_empty_state_says_what_to_do():
    for lang in LANGS:
        assert "python -m etl demo" in t("empty.no_data", lang)
    assert t("empty.no_data").startswith("Belum ada data")


@pytest.mark.parametrize("key, lang", [("no.such.key", "id"), ("app.title", "fr")])
def test_unknown_key_or_language_raises(key, lang):
    with pytest.raises(KeyError):
        t(key, lang)
