"""AppTest of the province overview on the hand-made fixture (see test_marts.py):
3 active BPU members of 5 registered, as of June 2024; TTS target 4, Kota Kupang 10."""

import pytest

from tests.helpers import mini_loaded, open_app, query, table_with, use_private_env



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
    table = table_with(at, "Kabupaten/Kota", "Capaian")
    assert len(table) == 22
    by_name = table.set_index("Kabupaten/Kota")
    assert by_name.loc["Kabupaten Timor Tengah Selatan", "Capaian"] == "50,0%"
    assert by_name.loc["Kabupaten Timor Tengah Selatan", "Peringkat"] == "Perak"
    assert by_name.loc["Kota Kupang", "Perubahan 3 bulan"] == "-1"
    assert table["Kabupaten/Kota"].iloc[-1] == "Kabupaten Timor Tengah Selatan"  # best last


def test_pace_table(env):
    at = run_app()
    pace = table_with(at, "Periode").set_index("Periode")
    # active BPU: Mar 3 -> Jun 3 (pace 0); Dec 2023 0 -> Jun 3 (6 months: +0.5 a month)
    assert pace.loc["Laju terkini (3 bulan terakhir)", "Tambahan bersih per bulan"] == "0"
    assert pace.loc["Laju terkini (3 bulan terakhir)", "Target tercapai pada"] == "Tidak tercapai"   # the words of every page
    assert pace.loc["Laju terkini (12 bulan terakhir)", "Tambahan bersih per bulan"] == "–"   # data from Dec 2023


def test_pace_split_budget_paid_and_self_paid(env):
    """March: B self-paid, C (APBD Provinsi) and D (Dana Desa) budget-paid; June: A, B and D
    (now paying herself) self-paid, no budget: over 3 months the budgets take 2 away and
    self-paid members add 2, a flat pace that rests on members who pay themselves. December
    2023: nobody; the 6-month window crosses the budget year."""
    at = run_app()
    pace = table_with(at, "Periode").set_index("Periode")
    cols = ["Tambahan bersih per bulan", "Dari iuran sendiri", "Dari anggaran/CSR", "Lewat akhir tahun anggaran?"]
    assert pace.loc["Laju terkini (3 bulan terakhir)", cols].tolist() == ["0", "+1", "-1", "Tidak"]
    assert pace.loc["Laju terkini (6 bulan terakhir)", cols].tolist() == ["+1", "+1", "0", "Ya (Des → Jan)"]
    assert any("kohort yang dibayar anggaran bisa berakhir" in c.value for c in at.caption)
    rows = query(env, """select window_months, n_budget_paid_before, n_budget_paid, pace_per_month,
                                pace_self_paid_per_month, pace_budget_paid_per_month, has_january
                         from mart_pace where level = 'province' order by 1""")
    assert rows[0][:3] == (3, 2, 0) and rows[0][6] is False
    assert rows[0][3:6] == (0.0, pytest.approx(2 / 3), pytest.approx(-2 / 3))
    assert rows[1][1:] == (0, 0, 0.5, 0.5, 0.0, True)
    assert rows[2][3:6] == (None, None, None)


def test_trajectory_shows_budget_paid_and_self_paid(env):
    at = run_app()
    import base64
    import json

    import numpy as np
    traces = {tr.get("name"): tr["y"] for tr in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]}

    def values(y):     # plotly writes a numeric column as {"dtype", "bdata": base64}
        return np.frombuffer(base64.b64decode(y["bdata"]), y["dtype"]).tolist() if isinstance(y, dict) else y

    # Dec 2023 .. Jun 2024: A alone, then A + F, B; C and D budget-paid Jan-Mar; D pays herself from April
    assert values(traces["Aktif, iuran sendiri"]) == [0, 1, 2, 1, 2, 3, 3]
    assert values(traces["Aktif, iuran dibayar APBD/APBDes/CSR"]) == [0, 2, 2, 2, 0, 0, 0]


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
