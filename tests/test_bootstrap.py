"""The first start speaks the page's language: the demo build's steps come through a
translator, with numbers written the page's way; the loader's lines are recognised by their
shape; the sidebar names pages by their titles, never by their file names, while it builds."""
import pytest

from etl.demo.recipe import english, generate
from tests.helpers import ROOT
from tests.language import foreign_words, from_catalogue
from ui.bootstrap import progress_lines, translator


@pytest.mark.parametrize("lang", ["id", "en"])
def test_demo_steps_in_the_page_language(tmp_path, lang):
    lines = []
    generate(tmp_path, 300, 3, "2026-10", progress=progress_lines(lang, lines.append), say=translator(lang))
    assert len(lines) == 5
    for line in lines:
        assert from_catalogue(line, lang) and not foreign_words(line, lang), line
        assert "demo:" not in line
    assert lines[0].startswith("300 peserta" if lang == "id" else "300 members")


def test_numbers_written_the_page_way():
    say = translator("id")
    assert say("drawn", members=1_000_000, spells=1_234_567, seconds=12.34) == \
        "1.000.000 peserta dan 1.234.567 periode iuran dibuat (12,3 detik)"
    assert translator("en")("drawn", members=1_000_000, spells=5, seconds=1.0) == \
        "1,000,000 members and 5 contribution spells drawn (1.0 s)"
    assert english("drawn", members=1_000_000, spells=5, seconds=1.0).startswith("demo: 1,000,000")   # the CLI's


def test_loader_lines_by_their_shape():
    lines = []
    progress = progress_lines("id", lines.append)
    for raw in ("loading peserta_2026-10.csv ...", "  peserta_2026-10.csv: members, 1,000 rows read, 990 loaded",
                "  model stg_members (0.2 s)", "  model mart_status (0.1 s)"):
        progress(raw)
    assert lines == ["Memuat peserta_2026-10.csv…", "Menyusun tabel ringkasan…"]


def test_navigation_before_the_build():
    """app.py registers the pages (titles in the page's language) before it builds the demo,
    so Streamlit never lists the raw file names of pages/ in the sidebar meanwhile."""
    source = (ROOT / "app.py").read_text()
    assert source.index("st.navigation(") < source.index("bootstrap.ensure_warehouse(")
