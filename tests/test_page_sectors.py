"""AppTest of the sector page on the hand-made fixture (tests/fixtures/tiers, see
test_sector_tier_marts.py): 6 active BPU members as of June 2024, 3 of them farmers,
fishers or livestock keepers; 9 registered, 2 fell to 'lainnya' (1 unmatched, 1 blank)."""

import pytest

from tests.helpers import open_app, shown, tiers_loaded, unfold



@pytest.fixture(scope="module")
def env(tmp_path_factory):
    with tiers_loaded(tmp_path_factory, "sec", suppress_below=0) as wh:
        yield wh


def open_page(lang="id", scope=None):
    at = open_app("pages/sectors.py", lang=lang)
    if scope:
        at.selectbox(key="sec_scope").set_value(scope).run()
    assert not at.exception and not at.error, (at.exception, at.error)
    return at


def metric(at, starts):
    return next(m for m in at.metric if m.label.startswith(starts))


def coverage_table(at):
    return next(shown(d) for d in at.dataframe if "Sektor" in shown(d).columns or "Sector" in shown(d).columns)


def test_headline_agriculture(env):
    at = open_page()
    head = metric(at, "Petani, pekebun, peternak dan nelayan aktif (BPU)")
    assert head.value == "3"                                   # A farmer, B fisher, F livestock keeper
    assert head.delta == "50,0% dari peserta aktif segmen target"   # 3 of the 6 active
    cov = metric(at, "Cakupan pertanian (perkiraan)")
    # 2,213,660 informal workers x (0.40 + 0.08 + 0.08 + 0.05), rounded per sector
    assert cov.delta == "dari perkiraan 1.350.333 pekerja informal"
    assert cov.value == "0,00%"


def test_province_coverage_table(env):
    t = coverage_table(open_page()).set_index("Sektor")
    assert t.loc["Perikanan & nelayan", "Peserta aktif"] == "1"
    assert t.loc["Perikanan & nelayan", "Perkiraan pekerja informal"] == "110.683"
    assert t.loc["Industri rumahan & tenun", "Peserta aktif"] == "0"      # the APBD cohort lapsed
    assert t.loc["Jasa lainnya", "Aktif semua segmen"] == "1"            # G, a wage earner, beside the goal
    assert t.loc["Lainnya / tidak terpetakan", "Peserta aktif"] == "2"


def test_regency_scope(env):
    t = coverage_table(open_page(scope="53.20")).set_index("Sektor")   # Sabu Raijua: I, blank occupation
    assert t.loc["Lainnya / tidak terpetakan", "Peserta aktif"] == "1"
    assert t.loc["Lainnya / tidak terpetakan", "Perkiraan pekerja informal"] == "778"   # 38,878 x 0.02
    assert t.loc["Lainnya / tidak terpetakan", "Cakupan (perkiraan)"] == "0,13%"
    assert "Aktif semua segmen" not in t.columns


def test_estimate_and_goal_segment_are_said(env):
    at = open_page()
    captions = " ".join(c.value for c in at.caption)
    assert "PERKIRAAN" in captions
    assert "Hanya segmen target (BPU)" in captions
    assert "dari Juni 2023 ke Juni 2024: +6; pendaftaran baru: 8" in captions   # C, D registered but lapsed


def test_occupation_mapping(env):
    at = open_page()
    other = metric(at, "Masuk 'Lainnya / tidak terpetakan'")
    assert (other.value, other.delta) == ("2", "22,2% dari 9 peserta terdaftar")
    assert metric(at, "Isian pekerjaan tidak dikenali").value == "1"    # 'Penjaga malam'
    assert metric(at, "Isian pekerjaan kosong").value == "1"
    tables = len(at.dataframe)                         # the mapping is folded: not built until opened
    assert not any("Isian pekerjaan (dinormalisasi)" in d.value.columns for d in at.dataframe)
    unfold(at, "sec_mapping_open")
    assert len(at.dataframe) == tables + 1
    mapping = shown(at.dataframe[-1]).set_index("Isian pekerjaan (dinormalisasi)")
    assert mapping.loc["penenun", "Peserta terdaftar"] == "2"          # 'PENENUN' and 'penenun.'
    assert mapping.loc["(tanpa isian)", "Sektor"] == "Lainnya / tidak terpetakan"


def test_english(env):
    at = open_page("en")
    assert metric(at, "Active farmers, plantation workers, livestock keepers and fishers (BPU)").value == "3"
    assert "Coverage by sector against the estimated informal workforce" in [s.value for s in at.subheader]


@pytest.fixture(scope="module")
def env_private(tmp_path_factory):
    with tiers_loaded(tmp_path_factory, "sec_k2", suppress_below=2) as wh:
        yield wh


def test_small_cells_and_rare_texts_hidden(env_private):
    at = open_page(scope="53.02")                                      # TTS: one farmer, one fisher
    t = coverage_table(at).set_index("Sektor")
    assert t.loc["Pertanian tanaman pangan & hortikultura", "Peserta aktif"] == "disembunyikan"
    assert t.loc["Pertanian tanaman pangan & hortikultura", "Cakupan (perkiraan)"] == "disembunyikan"
    mapping = shown(unfold(at, "sec_mapping_open").dataframe[-1])
    texts = list(mapping["Isian pekerjaan (dinormalisasi)"])
    assert "penenun" in texts and "penjaga malam" not in texts and "petani" not in texts
    assert "(1 isian lain, masing-masing kurang dari 2 peserta)" in texts


def test_chart_builders_show_hidden_cells_as_hidden():
    import pandas as pd

    from ui import sector_charts as sc
    cells = pd.DataFrame({"regency_code": ["53.01", "53.01", "53.02", "53.02"],
                          "regency_label": ["Kab. Kupang", "Kab. Kupang", "TTS", "TTS"],
                          "sector_code": ["pertanian", "perikanan"] * 2, "sort_order": [1, 4] * 2,
                          "name_id": ["Pertanian", "Perikanan"] * 2, "name_en": ["Farming", "Fishing"] * 2,
                          "n_active": [1200, None, 30, 0], "coverage_pct": [12.345, None, 0.5, 0.0],
                          "workforce_est": [9720, 600, 6000, 900]})
    heat = sc.sector_heatmap(cells, "id").data[0]
    assert list(heat.y) == ["TTS", "Kab. Kupang"]                      # first regency code at the top
    assert heat.text[1] == ["12,35%", "–"] and pd.isna(heat.z[1][1])   # hidden: blank, never 0
    assert "Aktif: disembunyikan" in heat.customdata[1][1]
    bars = sc.coverage_bars(cells[cells.regency_code == "53.01"], "en", "t").data[0]
    assert list(bars.text) == ["hidden", "12.35%"]                     # sort order bottom-up: Fishing first
