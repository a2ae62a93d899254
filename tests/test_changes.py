"""Why this number, and what changed (issue 17), on a hand fixture of two loads:

load 1  peserta_mei.csv (as of May 2024)
        M1 BPU TTS, paid to May (active)       M2 BPU TTS, paid to Feb (lapsed)
        M3 BPU Kota Kupang, paid to May         M4 BPU Kota Kupang, paid to May
        M5 PU TTS, paid to May (not a goal segment)
        -> TTS 1 active (M1), Kota Kupang 2 (M3, M4)
load 2  iuran_apbdes.csv: M2's village fund pays Mar-Jun 2024
        peserta_juni.csv (as of June 2024): M1 paid to June; M3 now in TTS, paid to June;
        M4 still paid to May; M5 now BPU, paid to June; M6 new, BPU TTS, paid to June
        -> TTS 5 active: M2 reactivated (iuran_apbdes), M3 moved in, M5 corrected, M6 new
           (peserta_juni); Kota Kupang 0: M3 moved out, M4 lapsed
"""
from __future__ import annotations

import pytest

from tests.helpers import load_quiet, open_app, query, shown, use_private_env

HEAD = "NIK;Nama Peserta;Tgl Kepesertaan;Kab/Kota;Segmen;Pekerjaan;Sumber Iuran;BLTH Iuran Terakhir"
NIK = {i: f"53020101019000{i:02d}" for i in range(1, 7)}
MAY = [HEAD,
       f"{NIK[1]};M1;10/01/2024;TTS;BPU;Petani;Mandiri;2024-05",
       f"{NIK[2]};M2;10/01/2024;TTS;BPU;Petani;Mandiri;2024-02",
       f"{NIK[3]};M3;10/01/2024;Kota Kupang;BPU;Pedagang;Mandiri;2024-05",
       f"{NIK[4]};M4;10/01/2024;Kota Kupang;BPU;Pedagang;Mandiri;2024-05",
       f"{NIK[5]};M5;10/01/2024;TTS;PU;Guru;Pemberi Kerja;2024-05"]
JUNE = [HEAD,
        f"{NIK[1]};M1;10/01/2024;TTS;BPU;Petani;Mandiri;2024-06",
        f"{NIK[2]};M2;10/01/2024;TTS;BPU;Petani;Mandiri;2024-02",
        f"{NIK[3]};M3;10/01/2024;TTS;BPU;Pedagang;Mandiri;2024-06",
        f"{NIK[4]};M4;10/01/2024;Kota Kupang;BPU;Pedagang;Mandiri;2024-05",
        f"{NIK[5]};M5;10/01/2024;TTS;BPU;Guru;Mandiri;2024-06",
        f"{NIK[6]};M6;02/06/2024;TTS;BPU;Nelayan;Mandiri;2024-06"]
APBDES = ["NIK;Nama;Periode Awal;Periode Akhir;Jumlah Iuran;Sumber Iuran;Kab/Kota",
          f"{NIK[2]};M2;2024-03;2024-06;67.200;Dana Desa;TTS"]


def write(folder, name, lines):
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    tmp = tmp_path_factory.mktemp("changes")
    path = use_private_env(mp, tmp)
    load_quiet([write(tmp, "peserta_mei.csv", MAY)], as_of="2024-05")
    load_quiet([write(tmp, "iuran_apbdes.csv", APBDES), write(tmp, "peserta_juni.csv", JUNE)], as_of="2024-06")
    yield path
    mp.undo()


def parts(wh, area: str) -> dict[str, int]:
    rows = query(wh, """select c.component, coalesce(l.file_name, '-'), sum(c.n_members)
                        from mart_changes c left join mart_dq_load_history l using (load_id)
                        where c.is_latest and c.area_code = $a group by all""", a=area)
    return {f"{comp} {file}": n for comp, file, n in rows}


def test_the_second_load_explained_part_by_part(wh):
    assert parts(wh, "53.02") == {"before -": 1, "after -": 5, "reactivated iuran_apbdes.csv": 1,
                                  "moved_in peserta_juni.csv": 1, "correction peserta_juni.csv": 1,
                                  "new peserta_juni.csv": 1}
    assert parts(wh, "53.71") == {"before -": 2, "after -": 0, "moved_out peserta_juni.csv": -1,
                                  "lapsed peserta_juni.csv": -1}
    province = parts(wh, "53")
    assert province["before -"] == 3 and province["after -"] == 5
    assert sum(n for k, n in province.items() if not k.startswith(("before", "after"))) == 2


def test_history_keeps_the_first_load(wh):
    first = query(wh, """select component, sum(n_members) from mart_changes
                         where build_id = 1 and area_code = '53' group by 1 order by 1""")
    assert first == [("after", 3), ("before", 0), ("new", 3)]
    assert query(wh, "select count(*), count(*) filter (where is_latest) from mart_builds") == [(2, 1)]


def test_the_trace_gives_each_files_exact_share(wh):
    rows = query(wh, """select l.file_name, s.n_members, s.share_pct from mart_figure_sources s
                        join mart_dq_load_history l using (load_id)
                        where s.level = 'regency' and s.area_code = '53.02' and s.figure = 'active'
                        order by 2 desc""")
    assert rows == [("peserta_juni.csv", 4, 80.0), ("iuran_apbdes.csv", 1, 20.0)]


def test_added_contributions_per_programme(wh):
    # Rp 67.200 for 4 months of the minimum package (JKK 10.000 + JKM 6.800 a month)
    rows = dict(query(wh, """select programme_code, amount_rp from mart_added
                             where is_latest and kind = 'contributions'"""))
    assert rows == {"JKK": 40_000, "JKM": 27_200}


def test_alerts_after_the_load(wh):
    alerts = query(wh, "select rule, area_code, value_before, value from mart_alerts order by 1, 2")
    # Kota Kupang fell from 2 to 0 (-100%) but by fewer than 10 members: no big_move; its tier
    # did not drop below the lowest; the data of June 2024 is long stale
    assert ("stale_data", "53", None) == alerts[-1][:3]
    assert not any(r == "big_move" for r, *_ in alerts)


def test_the_decomposition_identity_is_a_data_test(wh):
    """The data test fails on a decomposition whose parts do not add up."""
    import duckdb
    from etl.warehouse import SQL
    con = duckdb.connect()
    con.execute("""create table mart_changes as select * from (values
        (1, 'regency', '53.02', 'before', 1, true), (1, 'regency', '53.02', 'after', 5, true),
        (1, 'regency', '53.02', 'new', 3, true)) v(build_id, level, area_code, component, n_members, is_latest);
        create table mart_regency_progress as select '53.02' as regency_code, 5 as n_active""")
    rows = con.execute((SQL / "tests" / "change_decomposition_adds_up.sql").read_text()).fetchall()
    assert [r[-1] for r in rows] == ["parts do not add up"]


def test_digest_names_the_changes_with_the_marts_figures(wh, capsys):
    from etl.__main__ import main
    assert main(["digest", "--lang", "id"]) == 0
    text = capsys.readouterr().out
    assert "Sejuta Peserta · perubahan data per Juni 2024" in text
    assert "Peserta aktif (BPU): 3 → 5 (+2)" in text
    assert "• Kabupaten Timor Tengah Selatan: 1 → 5 (+4; pendaftar baru +1; aktif (kembali) +1; " \
           "pindah kabupaten/kota +1; koreksi (daftar baru/bertentangan) +1)" in text
    assert "• Kota Kupang: 2 → 0 (-2; berhenti membayar -1; pindah kabupaten/kota -1)" in text
    assert "Data per 2024-06 sudah" in text
    assert main(["digest", "--lang", "en"]) == 0
    assert "Active members (BPU): 3 → 5 (+2)" in capsys.readouterr().out


@pytest.fixture
def page_env(wh, monkeypatch):
    monkeypatch.setenv("SEJUTA_WAREHOUSE", str(wh))
    monkeypatch.setenv("SEJUTA_KEY_FILE", str(wh.parent / "nik.key"))


def test_what_changed_page(page_env):
    at = open_app("pages/changes.py")
    assert not at.exception and not at.error
    assert at.metric[0].value == "5" and at.metric[0].delta == "+2"
    reg = next(shown(d) for d in at.dataframe if "Sebelum" in d.value.columns).set_index("Kabupaten/Kota")
    assert reg.loc["Kabupaten Timor Tengah Selatan", ["Sebelum", "Sesudah", "Perubahan"]].tolist() == ["1", "5", "+4"]
    at.selectbox(key="chg_area").set_value("53.71").run()
    files = next(shown(d) for d in at.dataframe if "Sebab" in d.value.columns)
    assert sorted(zip(files["Sebab"], files["Peserta"], files["Berkas"])) == [
        ("berhenti membayar", "-1", "peserta_juni.csv"), ("pindah keluar", "-1", "peserta_juni.csv")]
    assert any("sudah" in w.value and "hari lewat" in w.value for w in at.warning)   # the stale-data alert


def test_trace_on_the_regency_page_lists_both_files(page_env):
    at = open_app("pages/regencies.py", regency="53.02")
    assert not at.exception and not at.error
    files = next(shown(d) for d in at.dataframe if "Porsi" in d.value.columns)
    assert files[["Berkas", "Peserta", "Porsi"]].values.tolist() == [["peserta_juni.csv", "4", "80,0%"],
                                                                     ["iuran_apbdes.csv", "1", "20,0%"]]
    assert any("int_member_spells" in c.value and "contributions" in c.value for c in at.code)


def test_a_rebuild_without_files_shows_in_the_history(wh, tmp_path, monkeypatch):
    """A build that loaded no file (a rebuild after a setting changed) is listed with '–' for
    its files, and the page still draws."""
    import shutil

    from etl.__main__ import main
    copy = tmp_path / "warehouse.duckdb"
    shutil.copyfile(wh, copy)
    monkeypatch.setenv("SEJUTA_WAREHOUSE", str(copy))
    monkeypatch.setenv("SEJUTA_KEY_FILE", str(wh.parent / "nik.key"))
    monkeypatch.setenv("SEJUTA_TARGET", "900000")
    assert main(["rebuild"]) == 0
    at = open_app("pages/changes.py")
    assert not at.exception and not at.error
    history = next(shown(d) for d in at.dataframe if "Berkas (id muatan)" in d.value.columns)
    assert list(history["Berkas (id muatan)"])[0] == "–"
