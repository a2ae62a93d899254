"""AppTest of the regency page on the hand-made fixture tests/fixtures/regency (see
test_area_marts.py for the numbers): Sabu Raijua 30 active of target 600 as of June 2024,
Kota Kupang 12 of 100. Widgets are driven by key; shown values are checked against hand
computations and against the marts."""
import base64
import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import FIXTURES, loaded, open_app, query, shown
from ui import fmt

FIX = FIXTURES / "regency"
REAL_BOUNDARIES = Path(__file__).resolve().parents[2] / "shared" / "geo" / "ntt_regencies.geojson"


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    with loaded(tmp_path_factory, "regpage", [FIX / "peserta.csv", FIX / "iuran.csv"], "2024-06",
                target_overrides=FIX / "targets.csv", boundary_file="") as path:
        yield path


def open_page(**params) -> AppTest:
    return open_app("pages/regencies.py", **params)


def metric(at, starts):
    return next(m for m in at.metric if m.label.startswith(starts))


def tables(at, first_column):
    """The tables whose first column is `first_column`, in page order."""
    return [shown(d) for d in at.dataframe if d.value.columns[0] == first_column]


def table(at, first_column):
    return tables(at, first_column)[0]


def values(arr) -> list:
    """A plotly JSON array: a plain list or a typed array {"dtype", "bdata"}."""
    if isinstance(arr, dict):
        return np.frombuffer(base64.b64decode(arr["bdata"]), dtype=arr["dtype"]).tolist()
    return list(arr)


def charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_first_screen_after_choosing_a_regency(wh):
    at = open_page()
    assert not at.exception and not at.error
    at.selectbox(key="reg_regency").set_value("53.20").run()
    assert metric(at, "Peserta aktif (BPU)").value == "30"
    assert metric(at, "Peserta aktif (BPU)").delta == "5,0% dari target 600"
    tier = metric(at, "Peringkat insentif")
    assert tier.value == "Belum berperingkat"
    assert tier.delta == "urutan ke-2 dari 22 · turun 1 dalam 3 bulan"   # 1st in March, Kota Kupang passed it
    nxt = metric(at, "Kekurangan menuju peringkat Perintis")
    assert (nxt.value, nxt.delta) == ("30", "minimal 10% dari target, yaitu 60 peserta aktif")
    # pace: (30 active in Jun - 2 in Dec 2023) / 6 = 4.67 a month; gap 570 -> 123 months after Jun 2024
    eta = metric(at, "Target tercapai pada")
    assert eta.value == "September 2034"
    assert eta.delta == "laju +5/bulan; dibutuhkan 9/bulan hingga Des 2029"   # 570 over 66 months
    assert at.query_params["regency"] == "53.20"


def test_headline_equals_the_marts(wh):
    at = open_page(regency="53.71")
    (active, target, to_next), = query(wh, """select n_active, target, n_to_next_tier from mart_area_progress
                                              where area_code = '53.71'""")
    assert metric(at, "Peserta aktif").value == fmt.number(active) == "12"
    assert metric(at, "Kekurangan menuju peringkat Perunggu").value == fmt.number(to_next) == "13"
    assert str(target) in metric(at, "Peserta aktif").delta


def test_districts_with_own_targets_and_suppression(wh):
    at = open_page(regency="53.20")
    d = table(at, "Kecamatan").set_index("Kecamatan")
    assert d["Target"].tolist() == ["86", "149", "150", "74", "69", "72"]     # by 2010 population; sums to 600
    # worst attainment first; hidden districts last, as missing values, in code order
    assert d.index.tolist() == ["Sabu Liae", "Hawu Mehara", "Sabu Barat", "Raijua", "Sabu Tengah", "Sabu Timur"]
    assert d.loc["Sabu Tengah", "Aktif"] == "disembunyikan"   # 3
    assert d.loc["Sabu Timur", "Aktif"] == "disembunyikan"    # 5, hidden so Sabu Tengah's 3 cannot be derived
    assert d.loc["Raijua"].tolist() == ["74", "13", "17,5%", "Perintis", "6", "1,69"]       # 13 / 7,671
    assert d.loc["Sabu Barat"].tolist() == ["150", "8", "5,3%", "Belum berperingkat", "7", "0,30"]
    assert d.loc["Sabu Tengah", "Per 1.000 penduduk (2010)"] == "disembunyikan"
    assert "menurut jumlah penduduk kecamatan (Sensus Penduduk 2010, BPS)" in " ".join(c.value for c in at.caption)


def test_village_leaderboard(wh):
    at = open_page(regency="53.20")
    bottom, top, every = tables(at, "Desa/kelurahan")
    # boards rank published villages only (hidden ones are in the full table)
    assert top.values.tolist()[:2] == [
        ["Mebba", "Sabu Barat", "9", "7", "77,7%", "Emas", "2"],
        ["Ledeke", "Raijua", "40", "6", "15,0%", "Perintis", "4"]]
    assert len(bottom) == 10 and (bottom["Aktif"] == "0").all()
    assert len(every) == query(wh, "select count(*) from ref_village where district_code like '53.20.%'")[0][0]
    hidden = every[every["Aktif"] == "disembunyikan"]
    names = list(zip(hidden["Desa/kelurahan"], hidden["Kecamatan"]))
    assert ("Ledeunu", "Raijua") in names and ("Ledeke", "Raijua") not in names
    # hidden: Ledeunu 2 and Bebae 3 (below 5), Bolua 5 beside Ledeunu, Bolou 5 (Sabu Timur, a
    # hidden district, keeps a hidden village); every other village shows its count, zeros too
    assert sorted(n for n, _ in names) == ["Bebae", "Bolou", "Bolua", "Ledeunu"]


def test_budget_paid_and_when_it_ends(wh):
    at = open_page(regency="53.20")
    m = metric(at, "Iuran dibayar APBD/APBDes/CSR")
    assert m.value == "11"
    assert m.delta == "36,7% dari peserta aktif; dibayar s.d. Des 2024"


def test_peers_default_and_choice(wh):
    at = open_page(regency="53.20")
    peers = at.multiselect(key="reg_peers").value
    island_group = dict(query(wh, "select regency_code, island_group from mart_regency_progress"))
    assert len(peers) == 3 and "53.20" not in peers                   # Sabu alone on its island
    assert {island_group[p] for p in peers} == {island_group["53.20"]}
    at.multiselect(key="reg_peers").set_value(["53.71"]).run()
    p = table(at, "Kabupaten/Kota")
    assert p["Kabupaten/Kota"].tolist() == ["Kabupaten Sabu Raijua", "Kota Kupang"]
    assert p.iloc[1].tolist() == ["Kota Kupang", "12", "100", "12,0%", p.iloc[1, 4], "1", "naik 1 dalam 3 bulan"]
    assert at.query_params["peers"] == "53.71"
    compare = [c for c in charts(at) if c["layout"].get("title", {}).get("text") == "Peserta aktif"][0]
    assert [tr["name"] for tr in compare["data"]] == ["Kabupaten Sabu Raijua", "Kota Kupang"]
    assert values(compare["data"][1]["y"])[-1] == 12


def test_state_from_the_url(wh):
    at = open_page(regency="53.71", peers="53.20,99.99,53.20", period="24", map="tile", color="tier")
    assert at.selectbox(key="reg_regency").value == "53.71"
    assert at.multiselect(key="reg_peers").value == ["53.20"]
    assert at.radio(key="reg_period").value == "24"
    assert at.radio(key="reg_color").value == "tier"


def test_bad_page_values_fall_back_quietly(wh):
    at = open_page(regency="53.20", period="7", map="3d", color="x", peers="zz")
    assert not at.exception and not at.error and not at.warning
    assert at.selectbox(key="reg_regency").value == "53.20"
    assert at.radio(key="reg_period").value == "12"
    assert at.radio(key="reg_map").value == "tile"
    assert at.radio(key="reg_color").value == "attainment"
    assert len(at.multiselect(key="reg_peers").value) == 3
    assert dict(at.query_params) == {"lang": "id", "regency": "53.20"}      # the address says what is shown


@pytest.mark.parametrize("asked, code", [
    ("5320", "53.20"),                   # BPS code of Sabu Raijua (Kemendagri 53.20)
    ("5317", "53.18"),                   # BPS code of Sumba Barat Daya, Kemendagri 53.18: by the table
    ("5318", "53.16"),                   # BPS 5318 is Nagekeo, not Kemendagri 53.18 with the dot dropped
    ("Sumba Barat Daya", "53.18"), ("sumba  BARAT daya", "53.18"), ("SBD", "53.18"), ("Kota Kupang", "53.71"),
    ("Sumba%20Barat%20Daya", "53.18"),
])
def test_regency_by_either_code_or_name(wh, asked, code):
    at = open_page(regency=asked)
    assert not at.warning and not at.error
    assert at.selectbox(key="reg_regency").value == code
    assert at.query_params["regency"] == code


@pytest.mark.parametrize("asked, says", [("99.99", "tidak dikenal"), ("53.99", "tidak dikenal"),
                                         ("Atlantis", "tidak dikenal"), ("kupang", "Kabupaten Kupang atau Kota Kupang")])
def test_unknown_regency_says_so_and_shows_the_province(wh, asked, says):
    at = open_page(regency=asked)
    assert any(says in w.value and asked in w.value for w in at.warning)
    assert at.selectbox(key="reg_regency").value == "53"                 # all of NTT, never another regency
    assert not [m for m in at.metric if m.label.startswith("Peserta aktif")]
    assert "regency" not in at.query_params


def test_tile_map_draws_22_tiles(wh):
    at = open_page(regency="53.20")
    tile_maps = [c for c in charts(at)
                 if any(s.get("name", "").startswith("tile:") for s in c["layout"].get("shapes", []))]
    assert len(tile_maps) == 1
    shapes = [s for s in tile_maps[0]["layout"]["shapes"] if s["name"].startswith("tile:")]
    assert len(shapes) == 22
    chosen = next(s for s in shapes if s["name"] == "tile:53.20")
    assert chosen["line"]["width"] == 4


def test_ranking_has_tier_cutoffs(wh):
    at = open_page(regency="53.20")
    ranking = next(c for c in charts(at) if c["data"][0]["type"] == "bar" and c["data"][0]["orientation"] == "h"
                   and len(c["data"][0]["y"]) == 22)
    lines = sorted(s["x0"] for s in ranking["layout"]["shapes"] if s["type"] == "line")
    assert lines == [10, 25, 50, 75, 100]
    assert values(ranking["data"][0]["y"])[-1] == "Kota Kupang"         # best at the top
    assert values(ranking["data"][0]["x"])[-2:] == [5.0, 12.0]
    assert "12,0% dari 100" in ranking["data"][0]["text"][-1]


def test_geo_mode_draws_the_shipped_boundaries_with_names(wh):
    at = open_page(regency="53.20", map="geo")
    assert not at.exception and not at.error and not at.warning and not at.info
    geo = [c for c in charts(at) if any(tr["type"] == "choropleth" for tr in c["data"])]
    regions = [loc for tr in geo[0]["data"] if tr["type"] == "choropleth" for loc in tr["locations"]]
    assert sorted(regions) == sorted(query(wh, "select kemendagri_code from ref_regency")[i][0] for i in range(22))
    names = [x for tr in geo[0]["data"] if tr["type"] == "scattergeo" and tr.get("mode") == "text" for x in tr["text"]]
    assert "Sabu Raijua" in names and "Kota Kupang" in names and "TTS" in names
    assert any("cahyadsn/wilayah_boundaries" in c.value for c in at.caption)   # the licence's credit


def test_bad_boundary_file_is_a_warning(wh, monkeypatch, tmp_path):
    bad = tmp_path / "batas.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
                   '{"nama": "Atlantis"}, "geometry": {"type": "Point", "coordinates": [120, -9]}}]}')
    monkeypatch.setenv("SEJUTA_BOUNDARY_FILE", str(bad))
    at = open_page(regency="53.20", map="geo")
    assert not at.exception and not at.error
    assert [w.value for w in at.warning] == ["Berkas batas wilayah yang diatur tidak dapat digunakan, "
                                             "jadi ditampilkan peta petak."]
    admin = next(e for e in at.expander if e.label == "Untuk administrator")
    assert any("contains no polygons" in m.value and "SEJUTA_BOUNDARY_FILE" in m.value for m in admin.markdown)


def test_district_map_coloured_by_attainment_hidden_grey(wh):
    at = open_page(regency="53.20")
    maps = [c for c in charts(at) if any(tr["type"] == "choropleth" for tr in c["data"])]
    district = next(c for c in maps if any(str(loc).startswith("53.20.") for tr in c["data"]
                                           if tr["type"] == "choropleth" for loc in tr["locations"]))
    traces = [tr for tr in district["data"] if tr["type"] == "choropleth"]
    grey = next(tr for tr in traces if tr.get("name") == "no data")
    coloured = next(tr for tr in traces if tr.get("name") != "no data")
    hidden = {r[0] for r in query(wh, "select area_code from mart_area_progress where level = 'district' "
                                      "and regency_code = '53.20' and is_suppressed")}
    assert hidden and set(grey["locations"]) == hidden                  # hidden districts: grey, no value
    assert not hidden & set(coloured["locations"])
    assert len(grey["locations"]) + len(coloured["locations"]) == 6
    assert {c for c, _ in grey["colorscale"]} and {col for _, col in grey["colorscale"]} == {"#b0b0b0"}
    shown_pct = dict(query(wh, "select area_code, attainment_pct from mart_area_progress where level = 'district' "
                               "and regency_code = '53.20' and not is_suppressed"))
    assert dict(zip(coloured["locations"], values(coloured["z"]))) == pytest.approx(shown_pct)
    names = [x for tr in district["data"] if tr["type"] == "scattergeo" for x in tr.get("text") or []]
    assert "Raijua" in names and "Sabu Barat" in names


@pytest.mark.skipif(not REAL_BOUNDARIES.exists(), reason="real boundary file ../shared/geo/ntt_regencies.geojson "
                                                          "is not present on this machine")
def test_real_boundary_file_draws_22_regencies(wh, monkeypatch):
    monkeypatch.setenv("SEJUTA_BOUNDARY_FILE", str(REAL_BOUNDARIES))
    at = open_page(regency="53.20", map="geo")
    assert not at.exception and not at.error and not at.warning
    geo = [c for c in charts(at) if any(tr["type"] == "choropleth" and "53.20" in tr["locations"]
                                        for tr in c["data"])]
    assert len(geo) == 1
    locations = [loc for tr in geo[0]["data"] if tr["type"] == "choropleth" for loc in tr["locations"]]
    assert sorted(locations) == sorted(query(wh, "select kemendagri_code from ref_regency order by 1")[i][0]
                                       for i in range(22))
    assert len(json.dumps(geo[0])) < 400_000      # simplified: light enough for a weak connection


def test_english(wh):
    at = open_page(regency="53.20", lang="en")
    assert metric(at, "Active members (BPU)").value == "30"
    assert metric(at, "Active members (BPU)").delta == "5.0% of the 600 target"
    assert table(at, "District").set_index("District").loc["Sabu Timur", "Active"] == "hidden"
