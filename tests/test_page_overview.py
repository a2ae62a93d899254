"""AppTest of the province overview on the hand-made fixture (see test_marts.py):
3 active BPU members of 5 registered, as of June 2024; TTS target 4, Kota Kupang 10."""

import pytest

from tests.helpers import mini_loaded, open_app, shown, use_private_env



@pytest.fixture(scope="module")
def env(tmp_path_factory):
    with mini_loaded(tmp_path_factory, "ov") as wh:
        yield wh


def run_app(**query):
    return open_app(None, **query)


def metric(at, starts):
    return next(m for m in at.metric if m.label.startswith(starts))


def test_headline_and_gap(env):
    at = run_app()
    assert not at.exception and not at.error
    head = metric(at, "Peserta aktif yang dihitung untuk target (BPU)")
    assert head.value == "3"
    assert "0,0% dari target 1.000.000" in head.delta
    assert metric(at, "Kekurangan menuju target").value == "999.997"
    # 999,997 over the 66 months Jul 2024..Dec 2029 = 15,151.47, rounded up: 15.152
    assert metric(at, "Dibutuhkan per bulan hingga Desember 2029").value == "15.152"


def test_other_segments_beside_goal(env):
    at = run_app()
    assert metric(at, "Penerima Upah").value == "1"
    assert metric(at, "Bukan Penerima Upah ★").value == "3"


def test_regency_table_worst_first(env):
    at = run_app()
    table = shown(at.dataframe[-1])
    assert len(table) == 22
    by_name = table.set_index("Kabupaten/Kota")
    assert by_name.loc["Kabupaten Timor Tengah Selatan", "Capaian"] == "50,0%"
    assert by_name.loc["Kabupaten Timor Tengah Selatan", "Peringkat"] == "Perak"
    assert by_name.loc["Kota Kupang", "Perubahan 3 bulan"] == "-1"
    assert table["Kabupaten/Kota"].iloc[-1] == "Kabupaten Timor Tengah Selatan"  # best last


def test_pace_table(env):
    at = run_app()
    pace = shown(at.dataframe[0])
    # active BPU: Mar 3 -> Jun 3 (pace 0); Dec 2023 0 -> Jun 3 (6 months: +0.5 -> rounds to 0 or 1)
    assert pace.iloc[0, 1] == "0"
    assert pace.iloc[0, 2] == "Tidak tercapai"                  # no growth: never, the words of every page


def test_english_switch(env):
    at = run_app(lang="en")
    assert metric(at, "Active members counting toward the goal (BPU)").value == "3"
    assert "0.0% of the 1,000,000 goal" in metric(at, "Active members").delta


def test_missing_warehouse_is_a_clear_message(monkeypatch, tmp_path):
    use_private_env(monkeypatch, tmp_path)
    monkeypatch.setattr("ui.bootstrap.ensure_warehouse", lambda lang: None)
    at = run_app()
    assert not at.exception
    assert any("python -m etl demo" in w.value for w in at.warning)
