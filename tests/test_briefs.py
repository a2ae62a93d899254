"""One-page PDF briefs (ui/brief, `python -m etl brief`): one A4 page each, in the page's
language, holding the figures of the marts the pages read."""
import io
import os
import subprocess
import sys

import duckdb
import pytest
from pypdf import PdfReader

from tests.helpers import ROOT, mini_loaded
from ui import fmt


def pages_text(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    with mini_loaded(tmp_path_factory, "brief_mini") as wh:
        yield wh


@pytest.mark.parametrize("lang, as_of, source", [
    ("id", "Data per Juni 2024", "Sumber: BPJS Ketenagakerjaan, diolah Sejuta Peserta"),
    ("en", "Data as of June 2024", "Source: BPJS Ketenagakerjaan, processed by Sejuta Peserta"),
])
def test_province_brief_one_page_in_the_language(mini, lang, as_of, source):
    from ui import brief
    from ui.brief.data import plain_queries
    with plain_queries(mini):
        text = pages_text(brief.province_pdf(lang))
    assert len(text) == 1
    active = duckdb.connect(str(mini), read_only=True).execute(
        "select n_active from mart_province_monthly order by month desc limit 1").fetchone()[0]
    assert as_of in text[0] and source in text[0]
    assert fmt.number(active, lang) in text[0]
    assert ("Aktif ≠ terdaftar" if lang == "id" else "Active ≠ registered") in text[0]


def test_regency_brief_names_its_regency_districts_and_tier(mini):
    from ui import brief
    from ui.brief.data import plain_queries
    con = duckdb.connect(str(mini), read_only=True)
    code, name, active, tier = con.execute("""select regency_code, regency_name, n_active, tier_label_en
        from mart_regency_progress order by n_active desc, regency_code limit 1""").fetchone()
    districts = [r[0] for r in con.execute("""select area_name from mart_area_progress
        where level = 'district' and regency_code = $c""", {"c": code}).fetchall()]
    with plain_queries(mini):
        text = pages_text(brief.regency_pdf(code, "en"))
    assert len(text) == 1
    assert name in text[0] and tier in text[0] and fmt.number(active, "en") in text[0]
    assert all(d in text[0] for d in districts)


def test_regency_brief_district_table_has_the_rate_per_1000_inhabitants(mini):
    """Kota Kupang's 6 districts fit one table, with every column of the screen's
    (ui.tables.area_spec), the last one the rate per 1,000 inhabitants (hidden with the count)."""
    from ui import brief
    from ui.brief.data import plain_queries
    with plain_queries(mini):
        text = " ".join(pages_text(brief.regency_pdf("53.71", "en"))[0].split())
    assert "Tier Needed for the next tier Per 1,000 inhabitants" in text      # headers wrap to two lines
    # target 10 split by 2010 population (Oebobo 79,726 ... Kota Lama 30,208); no member is located
    # in a district, so every district shows 0 (a zero is shown: nobody to protect)
    assert "Oebobo 2 0 0.0% Not yet ranked 1 0.00" in text and "Kota Lama 1 0 0.0% Not yet ranked 1 0.00" in text


@pytest.mark.parametrize("args, message", [
    (["brief"], "say which brief"),
    (["brief", "--regency", "99.99"], "unknown regency code"),
])
def test_cli_says_what_is_wrong(mini, args, message, capsys, tmp_path):
    from etl.__main__ import main
    assert main(args + ["--out", str(tmp_path)]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.slow
def test_all_briefs_on_the_demo(demo_env, tmp_path):
    """`python -m etl brief --all` writes the province brief and 22 regency briefs, one page
    each; every regency brief holds the regency's active count and tier of mart_regency_progress."""
    env, _, wh = demo_env
    run = subprocess.run([sys.executable, "-m", "etl", "brief", "--all", "--lang", "id", "--out", str(tmp_path)],
                         cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    files = sorted(tmp_path.glob("*.pdf"))
    assert len(files) == 23
    texts = {f.name: pages_text(f.read_bytes()) for f in files}
    assert all(len(t) == 1 for t in texts.values())
    rows = duckdb.connect(str(wh), read_only=True).execute(
        "select regency_name, n_active, tier_label_id, target from mart_regency_progress").fetchall()
    for name, active, tier, target in rows:
        slug = name.lower().replace("kabupaten ", "kab-").replace(" ", "-")
        text = texts[f"sejuta-peserta_ringkasan_{slug}_2026-10.pdf"][0]
        assert name in text and fmt.number(active, "id") in text and tier in text
        assert fmt.number(target, "id") in text
    province = texts["sejuta-peserta_ringkasan-provinsi_2026-10.pdf"][0]
    assert all(name in province for name, *_ in rows)
