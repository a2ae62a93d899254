"""AppTest of the incentive-tier page on the hand-made fixture (tests/fixtures/tiers, see
test_sector_tier_marts.py for the hand computation): TTS 2 of 4 (Perak since Mar 2024),
Kota Kupang dropped from Emas to Perunggu in Apr 2024 when its APBD cohort lapsed."""

import pytest

from tests.helpers import FIXTURES, open_app, shown, tiers_loaded

TIERS = FIXTURES / "tiers"


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    with tiers_loaded(tmp_path_factory, "tier", suppress_below=0) as wh:
        yield wh


def open_page(lang="id", **widgets):
    """The page, then each widget set by key: the area (tier_regency), the what-if number
    typed as text (tier_whatif_more), the level of the areas (tier_area_level)."""
    at = open_app("pages/tiers.py", lang=lang)
    for key, value in widgets.items():
        (at.segmented_control if key == "tier_area_level" else
         at.text_input if key == "tier_whatif_more" else at.selectbox)(key=key).set_value(value).run()
    assert not at.exception and not at.error, (at.exception, at.error)
    return at


def metric(at, starts):
    return next(m for m in at.metric if m.label.startswith(starts))


MARKS = {"tier_config_table": "Capaian minimal", "tier_regency_table": "Sejak",
         "tier_reached_table": "Kabupaten/Kota", "tier_drops_table": "Dari → ke", "tier_area_table": "Wilayah"}


def frame(at, key):
    """A table of the page, found by a column only it has (dataframes have no key in AppTest)."""
    frames = [shown(d) for d in at.dataframe if MARKS[key] in shown(d).columns]
    if key == "tier_reached_table":
        frames = [f for f in frames if "Sejak" not in f.columns and "Dari → ke" not in f.columns]
    assert len(frames) == 1, key
    return frames[0]


def test_tier_table_in_force(env):
    t = frame(open_page(), "tier_config_table")
    assert list(t["Peringkat"]) == ["Belum berperingkat", "Perintis", "Perunggu", "Perak", "Emas",
                                    "Sejuta Terlindungi"]
    assert list(t["Capaian minimal"]) == ["0%", "10%", "25%", "50%", "75%", "100%"]


def test_province(env):
    at = open_page()
    prov = metric(at, "Peringkat Provinsi NTT")
    assert (prov.value, prov.delta) == ("Belum berperingkat", "capaian 0,0% dari target 1.000.000")
    gap = metric(at, "Kekurangan menuju Perintis")
    assert (gap.value, gap.delta) == ("99.994", "peringkat itu membutuhkan 100.000 peserta aktif")
    pace = metric(at, "Dengan laju 6 bulan terakhir")
    # 6 in 6 months: 99,994 months, beyond the 50-year horizon: the words of every page
    assert (pace.value, pace.delta) == ("Lebih dari 50 tahun lagi", "laju +1,0 peserta/bulan")


@pytest.mark.parametrize("name, cells", [
    ("Kabupaten Timor Tengah Selatan",
     ["4", "2", "50,0%", "Perak", "Mar 2024", "Emas (kurang 1)", "+0,3", "Sep 2024 (3 bln)"]),
    ("Kota Kupang", ["4", "1", "25,0%", "Perunggu", "Apr 2024", "Perak (kurang 1)", "+0,2", "Des 2024 (6 bln)"]),
    ("Kabupaten Sumba Barat", ["10", "1", "10,0%", "Perintis", "Feb 2024", "Perunggu (kurang 2)", "+0,2",
                               "Jun 2025 (12 bln)"]),
    ("Kabupaten Sabu Raijua", ["22.761", "1", "0,0%", "Belum berperingkat", "–", "Perintis (kurang 2.276)", "+0,2",
                               "Lebih dari 50 tahun lagi"]),
    ("Kabupaten Alor", None),
])
def test_regency_table(env, name, cells):
    t = frame(open_page(), "tier_regency_table").set_index("Kabupaten/Kota")
    assert len(t) == 22
    if cells is None:   # no members, no pace
        assert t.loc[name, "Perkiraan tercapai"] == "Tidak tercapai"
        return
    assert list(t.loc[name]) == cells
    assert t.index[0] == "Kabupaten Timor Tengah Selatan"   # highest tier first


@pytest.mark.parametrize("regency, more, tier, detail", [
    ("53.02", 0, "Perak", "2 peserta aktif, capaian 50,0% (sekarang: Perak)"),
    ("53.02", 1, "Emas", "3 peserta aktif, capaian 75,0% (sekarang: Perak)"),          # exactly 75%
    ("53.12", 2, "Perunggu", "3 peserta aktif, capaian 30,0% (sekarang: Perintis)"),
    ("53.71", 3, "Sejuta Terlindungi", "4 peserta aktif, capaian 100,0% (sekarang: Perunggu)"),
])
def test_what_if(env, regency, more, tier, detail):
    at = open_page(tier_regency=regency, tier_whatif_more=str(more))
    m = next(m for m in at.metric if m.label.startswith("Peringkat") and "jika" in m.label)
    assert (m.value, m.delta) == (tier, detail)


def test_first_reached(env):
    t = frame(open_page(), "tier_reached_table").set_index("Kabupaten/Kota")
    assert list(t.loc["Kabupaten Timor Tengah Selatan"]) == ["Jan 2024", "Jan 2024", "Mar 2024", "–", "–"]
    assert list(t.loc["Kota Kupang"]) == ["Jan 2024", "Jan 2024", "Jan 2024", "Jan 2024", "–"]


def test_drops(env):
    t = frame(open_page(), "tier_drops_table")
    assert t.values.tolist() == [["Apr 2024", "Kota Kupang", "Emas → Perunggu", "3 → 1", "2 → 0"]]


@pytest.mark.parametrize("regency, level, rows", [
    ("53.02", "district", [["Kota Soe", "4", "2", "50,0%", "Perak", "1"]]),
    ("53.02", "village", [["SoE", "2", "1", "50,0%", "Perak", "1"], ["Cendana", "2", "1", "50,0%", "Perak", "1"]]),
    ("53.71", "district", [["Maulafa", "1", "1", "100,0%", "Sejuta Terlindungi", "–"],
                           ["Alak", "1", "0", "0,0%", "Belum berperingkat", "1"],
                           ["Kelapa Lima", "1", "0", "0,0%", "Belum berperingkat", "1"],
                           ["Oebobo", "1", "0", "0,0%", "Belum berperingkat", "1"]]),
])
def test_districts_and_villages(env, regency, level, rows):
    t = frame(open_page(tier_regency=regency, tier_area_level=level), "tier_area_table")
    assert t.values.tolist() == rows


def test_english(env):
    at = open_page("en", tier_whatif_more="1")
    assert metric(at, "Tier of NTT province").value == "Not yet ranked"
    at.selectbox(key="tier_regency").set_value("53.02").run()
    assert metric(at, "Tier of Kabupaten Timor Tengah Selatan if 1 members join").value == "Gold"


@pytest.fixture(scope="module")
def env_alt(tmp_path_factory):
    with tiers_loaded(tmp_path_factory, "tier_alt", suppress_below=0, tiers_file=TIERS / "tiers_alt.csv") as wh:
        yield wh


def test_changed_tier_table(env_alt):
    at = open_page(tier_regency="53.02", tier_whatif_more="1")
    assert list(frame(at, "tier_config_table")["Peringkat"]) == ["Awal", "Madya", "Utama", "Paripurna"]
    t = frame(at, "tier_regency_table").set_index("Kabupaten/Kota")
    assert t.loc["Kabupaten Timor Tengah Selatan", "Peringkat"] == "Madya"   # 50% >= 30%
    assert t.loc["Kota Kupang", "Peringkat"] == "Awal"                       # 25% < 30%
    m = next(m for m in at.metric if "jika" in m.label)
    assert m.value == "Utama"                                                # 75% >= 60%
    assert frame(at, "tier_drops_table").values.tolist() == [["Apr 2024", "Kota Kupang", "Utama → Awal", "3 → 1",
                                                              "2 → 0"]]
