"""The loader on messy export files, each built here with its answer computed by hand:
which rows load, which are quarantined and why, which loaded rows carry an issue.

Every test also checks the reconciliation the data-quality page shows:
rows read = loaded + quarantined per file in load_log, and the quarantine holds
exactly the quarantined rows.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from etl.load import load_paths
from etl.reasons import render
from etl.warehouse import LoadError
from tests.helpers import query, use_private_env

ROOT = Path(__file__).resolve().parents[1]

# ------------------------------------------------------------------------------------
# fixture files
# ------------------------------------------------------------------------------------

# members, semicolon, UTF-8 with BOM, Windows line ends, office-style headers.
# line: expected outcome
MEMBERS_A = [
    "NO. KTP;Nama Lengkap;TGL. KEPESERTAAN;Kab./Kota;Kecamatan;SEGMEN;Pekerjaan;BLTH Iuran Terakhir;Upah Dilaporkan",
    "5302010101900001;Ani Ladopurab;14/08/2020;TTS;Kota Soe;BPU;Petani jagung;2024-06;Rp 1.000.000",   # 2 loaded
    "5312010101900002;Bili Kakamburu;14 Agustus 2020;5301;;Bukan Penerima Upah;nelayan;Juni 2024;",   # 3 loaded: BPS 5301 = Sumba Barat 53.12
    "5.30201E+15;Cici Tapatabu;2020-08-14;TTS;;BPU;Petani;;",                                         # 4 NIK_EXCEL_SCIENTIFIC
    "530201010190000;Dodi Manekat;2020-08-14;TTS;;BPU;Petani;;",                                      # 5 NIK_TOO_SHORT (15 digits)
    "53020101019000044;Eka Nubatonis;2020-08-14;TTS;;BPU;Petani;;",                                   # 6 NIK_TOO_LONG (17 digits)
    "5302-0101-0190-0005;Fani Selanoni;2020-08-14;TTS;;BPU;Petani;;",                                 # 7 NIK_NOT_DIGITS
    "5301010101900006;Gita Bolkisnu;14-Agu-20;Kupang;;BPU;Petani;;",                                  # 8 REGENCY_AMBIGUOUS
    "5399010101900007;Hadi Oematan;14/08/2020;53.99;;BPU;Petani;;",                                   # 9 REGENCY_UNKNOWN
    ";;;;;;;;",                                                                                       # 10 blank
    "5301010101900008;Indah Sabuleti;44057;Kab. Kupang;;BPU;Penyanyi;2024-06;",                       # 11 loaded, Excel serial; OCCUPATION_FALLBACK
    "3171010101900009;Joko Widaryanto;14/08/2020;Kota Kupang;;BPU;Pedagang;2024-06;",                 # 12 loaded; NIK_OUTSIDE_NTT
    "5308010101900010;Kornelis Wangge;14/08/2020;Ende;Kec. Ndona;BPU;Penenun;2024-06;",               # 13 loaded, district 53.08.05
    "5302010101900011;Lusi Nenoharan;14/08/2020;TTS;Ndona;BPU;Petani;2024-03;",                       # 14 loaded; DISTRICT_UNKNOWN
    "5302010101900012;Maria Taebenu;31/02/2020;TTS;;BPU;Petani;;",                                    # 15 REGISTERED_DATE_INVALID
    "5302010101900013;Nus Kolifaij;14/08/2020;TTS;;Karyawan kantor;;;",                               # 16 SEGMENT_UNKNOWN
    "5302010101900014;Oni Seranmeta;14/08/2099;TTS;;BPU;Petani;;",                                    # 17 DATE_IN_FUTURE
    "5302010101900001;Ani Ladopurab;14/08/2020;TTS;Kota Soe;BPU;Petani jagung;2024-06;Rp 1.000.000",  # 18 DUPLICATE_ROW (of 2)
    "5312010101900002;Bili Kakamburu;14 Agustus 2020;Sumba Timur;;BPU;nelayan;Juni 2024;",            # 19 DUPLICATE_CONFLICT (of 3)
    "",                                                                                               # 20 empty line: blank
    "5302010101900015;Putri Mbatamesa;;TTS;;BPU;;;",                                                  # 21 REGISTERED_DATE_MISSING
]
A_READ, A_LOADED, A_BLANK = 18, 6, 2
A_REASONS = {"NIK_EXCEL_SCIENTIFIC": [4], "NIK_TOO_SHORT": [5], "NIK_TOO_LONG": [6], "NIK_NOT_DIGITS": [7],
             "REGENCY_AMBIGUOUS": [8], "REGENCY_UNKNOWN": [9], "REGISTERED_DATE_INVALID": [15],
             "SEGMENT_UNKNOWN": [16], "DATE_IN_FUTURE": [17], "DUPLICATE_ROW": [18],
             "DUPLICATE_CONFLICT": [19], "REGISTERED_DATE_MISSING": [21]}
A_ISSUES = {"OCCUPATION_FALLBACK": [11], "NIK_OUTSIDE_NTT": [12], "DISTRICT_UNKNOWN": [14]}

# members, comma, Windows-1252 (accents)
MEMBERS_CP1252 = [
    "NIK,Nama Peserta,Tanggal Daftar,Kabupaten,Kecamatan,Segmen,Pekerjaan",
    "5308010101900101,José Ndoná,01/03/2024,Ende,Ndona,BPU,Penjual café",           # 2 loaded, perdagangan
    "5308010101900102,Ana María Wolo,02/03/2024,Kab. Ende,Ndona Timur,BPU,Tenun ikat",  # 3 loaded, 53.08.16
    "5308010101900103,Régis Kelimutu,03/03/2024,Énde,,BPU,Petani",                  # 4 REGENCY_UNKNOWN ('Énde')
]

CLAIMS_1 = [
    "No. Klaim,NIK,Nama,Program,Tgl Pengajuan,Tgl Bayar,Nominal,Kab/Kota,Sebab Klaim",
    "K-001,5302010101900001,Ani Ladopurab,JHT,01/03/2024,15/03/2024,Rp 5.000.000,TTS,Mengundurkan diri",  # 2 loaded
    'K-002,5302010101900011,Lusi Nenoharan,JKM,2024-02-01,2024-02-20,"42.000.000,00",TTS,Meninggal dunia',  # 3 loaded
    "K-001,5302010101900001,Ani Ladopurab,JHT,01/03/2024,15/03/2024,Rp 5.000.000,TTS,Mengundurkan diri",  # 4 DUPLICATE_ROW
    "K-003,5312010101900002,Bili Kakamburu,JKK,05/04/2024,20/04/2024,Rp 10.000.000,5301,Kecelakaan kerja",  # 5 loaded
    "K-003,5312010101900002,Bili Kakamburu,JKK,05/04/2024,20/04/2024,Rp 12.000.000,5301,Kecelakaan kerja",  # 6 DUPLICATE_CONFLICT
    "K-004,5302010101900001,Ani Ladopurab,Beasiswa,01/05/2024,10/05/2024,Rp 1.500.000,TTS,",             # 7 PROGRAMME_UNKNOWN
    "K-005,5302010101900001,Ani Ladopurab,JHT,10/05/2024,01/05/2024,Rp 2.000.000,TTS,",                  # 8 DATES_INCONSISTENT
    "K-006,5302010101900001,Ani Ladopurab,JKK,01/05/2024,10/05/2024,-5.000,TTS,",                        # 9 AMOUNT_NEGATIVE
]
CLAIMS_2 = [   # a later export of the same office
    "No Klaim,NIK,Nama,Program,Tgl Pengajuan,Tgl Bayar,Nominal,Kab/Kota",
    "K-001,5302010101900001,Ani Ladopurab,JHT,01/03/2024,15/03/2024,5000000,TTS",            # 2 DUPLICATE_LOADED
    "K-002,5302010101900011,Lusi Nenoharan,JKM,2024-02-01,2024-02-20,40000000,TTS",          # 3 CONFLICT_LOADED
    "K-007,5308010101900010,Kornelis Wangge,JHT,2024-06-03,2024-06-17,7.250.000,Ende",       # 4 loaded
]

FIXTURE_NAMES = ["Ani Ladopurab", "Bili Kakamburu", "Cici Tapatabu", "Dodi Manekat", "Eka Nubatonis",
                 "Fani Selanoni", "Gita Bolkisnu", "Hadi Oematan", "Indah Sabuleti", "Joko Widaryanto",
                 "Kornelis Wangge", "Lusi Nenoharan", "Maria Taebenu", "Nus Kolifaij", "Oni Seranmeta",
                 "Putri Mbatamesa", "José Ndoná", "Ana María Wolo", "Régis Kelimutu",
                 "Quirinus Tefa", "Rosalia Bria", "Stefanus Nahak", "Theresia Luruk", "Ursula Manek",
                 "Veronika Seran", "Wilhelmus Atok"]


def write_lines(path: Path, lines: list[str], encoding="utf-8", newline="\n", bom=False) -> Path:
    data = newline.join(lines) + newline
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode(encoding))
    return path


def members_a(tmp: Path) -> Path:
    return write_lines(tmp / "peserta_bpu_agustus.csv", MEMBERS_A, newline="\r\n", bom=True)


def members_cp1252(tmp: Path) -> Path:
    return write_lines(tmp / "peserta_ende.csv", MEMBERS_CP1252, encoding="cp1252")


def members_xlsx(tmp: Path) -> Path:
    """Two data sheets (title rows above the header; headers spelled and ordered
    differently), a notes sheet, and empty trailing rows."""
    wb = Workbook()
    jan = wb.active
    jan.title = "Januari"
    jan.append(["DAFTAR PESERTA BPU KANTOR CABANG KUPANG"])
    jan.append(["Periode: Januari 2024"])
    jan.append(["NIK", "Nama", "Tgl Kepesertaan", "Kab/Kota", "Segmen", "Pekerjaan"])          # row 3
    jan.append(["5371010101900201", "Quirinus Tefa", dt.datetime(2024, 1, 5), "Kota Kupang", "BPU", "Ojek"])  # 4 loaded
    jan.append([5371010101900202, "Rosalia Bria", "05/01/2024", "KOTA KUPANG", "BPU", "Sopir"])   # 5 NIK_EXCEL_NUMBER
    jan.append(["5.37101E+15", "Stefanus Nahak", "06/01/2024", "Kota Kupang", "BPU", "Sopir"])   # 6 NIK_EXCEL_SCIENTIFIC
    jan.append([" ", None, None, " ", None, None])                                                # 7 blank
    for col in range(1, 7):                                                                       # 8 formatted, empty
        jan.cell(row=8, column=col).fill = PatternFill("solid", fgColor="FFFF00")
    feb = wb.create_sheet("Februari")
    feb.append(["REKAP PESERTA FEBRUARI 2024"])
    feb.append(["No KTP", "Segmen Kepesertaan", "Kabupaten/Kota", "Tanggal Kepesertaan", "Nama Peserta",
                "Jenis Pekerjaan", "Kecamatan"])                                                  # row 2
    feb.append(["5371010101900203", "BPU", "53.71", dt.datetime(2024, 2, 10), "Theresia Luruk", "Pedagang",
                "Alak"])                                                                          # 3 loaded, district 53.71.01
    feb.append(["5371010101900204", "BPU", "Kota Kupang", "30/02/2024", "Ursula Manek", "Pedagang", ""])  # 4 REGISTERED_DATE_INVALID
    feb.append([None] * 7)                                                                        # 5 blank
    feb.append(["", "", "", "", "", "", ""])                                                      # 6 blank
    notes = wb.create_sheet("Catatan")
    notes.append(["Sumber: BPJS Ketenagakerjaan Kanwil Bali Nusra"])
    notes.append(["Kolom NIK wajib 16 digit"])
    path = tmp / "peserta_kupang_2024.xlsx"
    wb.save(path)
    return path


def members_parquet(tmp: Path) -> Path:
    table = pa.table({
        "NIK": pa.array(["5303010101900301", "5304010101900302", None], pa.string()),
        "Nama Peserta": ["Veronika Seran", "Wilhelmus Atok", "Tanpa NIK"],
        "Tgl Kepesertaan": pa.array([dt.date(2024, 4, 2), dt.date(2024, 4, 3), dt.date(2024, 4, 4)], pa.date32()),
        "Kab/Kota": ["5303", "5304", "5303"],       # BPS codes: 5303 = Kab. Kupang 53.01, 5304 = TTS 53.02
        "Segmen": ["BPU", "PU", "BPU"],
        "Upah Dilaporkan": pa.array([1_000_000, 2_500_000, 1_000_000], pa.int64()),
    })
    path = tmp / "peserta.parquet"
    pq.write_table(table, path)
    return path


# ------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------

@pytest.fixture
def wh(monkeypatch, tmp_path):
    return use_private_env(monkeypatch, tmp_path)


def load(paths, **kw):
    return load_paths(paths, progress=lambda *_: None, **kw)


def cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SEJUTA_WAREHOUSE": str(tmp_path / "warehouse.duckdb"),
           "SEJUTA_KEY_FILE": str(tmp_path / "nik.key")}
    env.pop("SEJUTA_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "etl", "load", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def log_row(wh: Path, file_name: str) -> dict:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        cur = con.execute("select * from load_log where file_name = $f", {"f": file_name})
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    assert len(rows) == 1, rows
    return dict(zip(names, rows[0]))


def quarantined(wh: Path, load_id: int) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for code, row in query(wh, "select reason_code, row_number from quarantine where load_id = $id "
                               "order by row_number", id=load_id):
        out.setdefault(code, []).append(row)
    return out


def issues(wh: Path, load_id: int) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for code, row in query(wh, "select issue_code, row_number from load_issue where load_id = $id "
                               "order by row_number", id=load_id):
        out.setdefault(code, []).append(row)
    return out


TARGET = {"members": "members", "contributions": "contributions", "claims": "claims", "subsidies": "subsidies"}


def assert_reconciled(wh: Path) -> None:
    """Per file: read = loaded + quarantined; the quarantine holds each quarantined row
    once; the target table holds each loaded row (members may be replaced by a newer list)."""
    logs = query(wh, "select load_id, kind, rows_read, rows_loaded, rows_quarantined from load_log "
                     "where status = 'loaded'")
    assert logs
    for load_id, kind, read, loaded, quar in logs:
        assert read == loaded + quar, (load_id, read, loaded, quar)
        assert query(wh, "select count(*), count(distinct (sheet, row_number)) from quarantine "
                         "where load_id = $id", id=load_id) == [(quar, quar)]
        in_table = query(wh, f"select count(*) from {TARGET[kind]} where load_id = $id", id=load_id)[0][0]
        assert in_table == loaded if kind != "members" else in_table <= loaded


def all_text(wh: Path) -> list[str]:
    """Every VARCHAR value of every table of the warehouse."""
    con = duckdb.connect(str(wh), read_only=True)
    try:
        cols = con.execute("select table_name, column_name from information_schema.columns "
                           "where data_type = 'VARCHAR'").fetchall()
        out = []
        for table, col in cols:
            out += [v for (v,) in con.execute(f'select distinct "{col}" from "{table}" '
                                              f'where "{col}" is not null').fetchall()]
        return out
    finally:
        con.close()


# ------------------------------------------------------------------------------------
# one messy member list: every reason, every issue
# ------------------------------------------------------------------------------------

def test_semicolon_bom_csv_every_reason_counted(wh, tmp_path):
    [r] = load([members_a(tmp_path)], as_of="2024-06")
    assert (r.kind, r.rows_read, r.rows_loaded, r.rows_quarantined, r.rows_blank, r.rows_flagged) == \
        ("members", A_READ, A_LOADED, A_READ - A_LOADED, A_BLANK, 3)
    log = log_row(wh, "peserta_bpu_agustus.csv")
    assert (log["rows_read"], log["rows_loaded"], log["rows_quarantined"], log["rows_blank"]) == \
        (A_READ, A_LOADED, 12, A_BLANK)
    assert log["as_of_month"] == dt.date(2024, 6, 1)
    assert "NO. KTP -> nik" in log["columns_used"] and "Nama Lengkap -> name" in log["columns_used"]
    assert quarantined(wh, log["load_id"]) == A_REASONS
    assert issues(wh, log["load_id"]) == A_ISSUES
    assert_reconciled(wh)


def test_values_normalised(wh, tmp_path):
    load([members_a(tmp_path)], as_of="2024-06")
    rows = {r[0]: r[1:] for r in query(wh, """
        select row_number, regency_code, district_code, sector_code, registered_date, last_paid_month,
               declared_income_rp, is_nik_outside_ntt from members""")}
    aug14 = dt.date(2020, 8, 14)
    assert rows == {
        2: ("53.02", "53.02.01", "pertanian", aug14, dt.date(2024, 6, 1), 1_000_000, False),
        3: ("53.12", None, "perikanan", aug14, dt.date(2024, 6, 1), None, False),    # BPS 5301 = Sumba Barat
        11: ("53.01", None, "lainnya", aug14, dt.date(2024, 6, 1), None, False),     # Excel serial 44057
        12: ("53.71", None, "perdagangan", aug14, dt.date(2024, 6, 1), None, True),  # NIK 3171: flagged, kept
        13: ("53.08", "53.08.05", "industri_rumahan", aug14, dt.date(2024, 6, 1), None, False),  # 'Kec. Ndona'
        14: ("53.02", None, "pertanian", aug14, dt.date(2024, 3, 1), None, False),   # Ndona is not in TTS
    }
    # active at the as-of month: paid through June 2024 (row 14 stopped in March)
    assert query(wh, "select n_registered, n_active from mart_province_monthly "
                     "where month = date '2024-06-01'") == [(6, 5)]


def test_districts_and_villages_by_code_by_name_or_left_unresolved(wh, tmp_path):
    """An area is written as its code or its name (with or without 'Kec.'/'Desa'), looked up
    within the regency and, when known, the district; a name two areas share stays unresolved
    (no guess) and is recorded as an issue. Kupang Timur (53.01.06) has two villages named
    Oesao; Timor Tengah Selatan has a Fatumnasi in Fatumnasi (53.02.12) and in Noebana (53.02.24)."""
    f = tmp_path / "areas.csv"
    f.write_text("NIK;Nama;Tgl Kepesertaan;Kabupaten;Kecamatan;Desa;Segmen;Pekerjaan;BLTH Iuran Terakhir\n"
                 "5301010101900001;A;14/08/2020;53.01;Kec. Kupang Timur;Desa Oesao;BPU;Petani;2024-06\n"
                 "5301010101900002;B;14/08/2020;53.01;53.01.06;53.01.06.1004;BPU;Petani;2024-06\n"
                 "5301010101900003;C;14/08/2020;53.01;kupang timur;Babau;BPU;Petani;2024-06\n"
                 "5302010101900004;D;14/08/2020;53.02;;Desa Fatumnasi;BPU;Petani;2024-06\n"
                 "5302010101900005;E;14/08/2020;53.02;Noebana;Fatumnasi;BPU;Petani;2024-06\n"
                 "5302010101900006;F;14/08/2020;53.02;Kec. Fatumnasi;Babau;BPU;Petani;2024-06\n",
                 encoding="utf-8")
    [r] = load([f], as_of="2024-06")
    assert r.rows_loaded == 6
    got = dict(((n, (d, v)) for n, d, v in query(wh, "select row_number, district_code, village_code from members")))
    assert got == {2: ("53.01.06", None), 3: ("53.01.06", "53.01.06.1004"), 4: ("53.01.06", "53.01.06.1001"),
                   5: (None, None), 6: ("53.02.24", "53.02.24.2002"), 7: ("53.02.12", None)}
    assert sorted(query(wh, "select row_number from load_issue where issue_code = 'VILLAGE_UNKNOWN'")) == [
        (2,), (5,), (7,)]


def test_spaces_and_invisible_characters_around_a_value_are_dropped(wh, tmp_path):
    """Cells are trimmed once, when read; a no-break space (which NFKC makes a space) or a
    zero-width character at a value's edge is dropped by the normalisation, then trimmed, so the
    value resolves like its plain spelling, in a CSV and in a workbook alike."""
    rows = [["NIK", "Nama", "Tgl Kepesertaan", "Kabupaten", "Kecamatan", "Segmen", "Pekerjaan", "BLTH Iuran Terakhir"],
            ["5302010101900001", "A", "14/08/2020", "\u00a0TTS", "Kota Soe\u00a0", "BPU\u200b", " Petani ", "2024-06"],
            [" 5302010101900002 ", "B", " 14/08/2020", "\u200bTTS ", "\u00a0\u00a0", "\u00a0BPU", "Petani", "\u00a02024-06"]]
    f = tmp_path / "spaces.csv"
    f.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    x = tmp_path / "spaces.xlsx"
    wb.save(x)
    for path in (f, x):
        [r] = load([path], as_of="2024-06", fresh=True)
        assert (r.rows_loaded, r.rows_quarantined) == (2, 0), path.name
        assert sorted(query(wh, "select row_number, regency_code, district_code, segment_code, sector_code, "
                                "last_paid_month from members")) == [
            (2, "53.02", "53.02.01", "BPU", "pertanian", dt.date(2024, 6, 1)),
            (3, "53.02", None, "BPU", "pertanian", dt.date(2024, 6, 1))], path.name
        assert query(wh, "select count(*) from load_issue where issue_code = 'DISTRICT_UNKNOWN'") == [(0,)]


def test_quarantine_messages_are_clear_and_masked(wh, tmp_path):
    load([members_a(tmp_path)], as_of="2024-06")
    rows = {r[0]: (render(r[1], r[2], "en"), r[3])
            for r in query(wh, "select row_number, reason_code, params, content from quarantine")}
    msg, content = rows[8]
    assert "Kupang" in msg and "Kota Kupang" in msg and json.loads(content)["regency"] == "Kupang"
    assert "53.99" in rows[9][0] and "not an NTT regency" in rows[9][0]
    assert "31/02/2020" in rows[15][0]
    assert "5.30201E+" in rows[4][0]
    assert json.loads(rows[7][1])["nik"] == "5302-01**-****-****"
    assert json.loads(rows[6][1])["nik"] == "530201" + "*" * 11
    assert json.loads(rows[16][1])["nik"] == "530201" + "*" * 10      # a valid NIK, quarantined for its segment
    assert "row 2" in rows[18][0] and "row 3" in rows[19][0]


def test_occupation_fallback_recorded(wh, tmp_path):
    [r] = load([members_a(tmp_path)], as_of="2024-06")
    [(params,)] = query(wh, "select params from load_issue where issue_code = 'OCCUPATION_FALLBACK'")
    msg = render("OCCUPATION_FALLBACK", params, "en")
    assert "Penyanyi" in msg and "lainnya" in msg
    assert query(wh, "select occupation_text, sector_code from members where row_number = 11") == \
        [("Penyanyi", "lainnya")]


# ------------------------------------------------------------------------------------
# encodings and formats
# ------------------------------------------------------------------------------------

def test_windows_1252_csv(wh, tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    [r] = load([members_cp1252(tmp_path)])
    assert (r.rows_read, r.rows_loaded, r.rows_quarantined) == (3, 2, 1)
    assert query(wh, "select row_number, district_code, sector_code, occupation_text from members "
                     "order by row_number") == [(2, "53.08.05", "perdagangan", "Penjual café"),
                                                (3, "53.08.16", "industri_rumahan", "Tenun ikat")]
    [(code, row, params)] = query(wh, "select reason_code, row_number, params from quarantine")
    msg = render(code, params, "en")
    assert (code, row) == ("REGENCY_UNKNOWN", 4) and "'Énde'" in msg
    assert list(scratch.iterdir()) == []          # the UTF-8 copy (personal data) is gone
    assert_reconciled(wh)


def test_xlsx_title_rows_sheets_notes_trailing_rows(wh, tmp_path):
    [r] = load([members_xlsx(tmp_path)])
    assert (r.rows_read, r.rows_loaded, r.rows_quarantined, r.rows_blank) == (5, 2, 3, 4)
    assert any("Catatan" in n for n in r.notes)
    assert (r.as_of, r.as_of_rule) == (dt.date(2024, 2, 1), "title")     # 'REKAP PESERTA FEBRUARI 2024'
    assert query(wh, "select sheet, row_number, reason_code from quarantine order by sheet desc, row_number") == [
        ("Januari", 5, "NIK_EXCEL_NUMBER"), ("Januari", 6, "NIK_EXCEL_SCIENTIFIC"),
        ("Februari", 4, "REGISTERED_DATE_INVALID")]
    assert query(wh, "select row_number, registered_date, regency_code, district_code, sector_code "
                     "from members order by registered_date, row_number") == [
        (4, dt.date(2024, 1, 5), "53.71", None, "transportasi"),
        (3, dt.date(2024, 2, 10), "53.71", "53.71.01", "perdagangan")]   # Kecamatan only on sheet 2
    assert_reconciled(wh)


def test_parquet(wh, tmp_path):
    [r] = load([members_parquet(tmp_path)])
    assert (r.rows_read, r.rows_loaded, r.by_reason) == (3, 2, {"NIK_MISSING": 1})
    assert query(wh, "select row_number, reason_code from quarantine") == [(4, "NIK_MISSING")]   # row 1: names
    assert sorted(query(wh, "select regency_code, segment_code, registered_date, declared_income_rp from members")) == [
        ("53.01", "BPU", dt.date(2024, 4, 2), 1_000_000), ("53.02", "PU", dt.date(2024, 4, 3), 2_500_000)]
    assert_reconciled(wh)


def test_parquet_rows_keep_their_numbers_across_row_groups(wh, tmp_path):
    """A Parquet file of 12 row groups, read in parallel: the quarantine names the row of
    each bad record as a spreadsheet would (the names are row 1)."""
    n = 60_000
    niks = [f"5303010101{i:06d}" for i in range(n)]
    segments = ["BPU"] * n
    niks[43_209] = None                # data row 43,210 -> row 43,211
    segments[59_998] = "XYZ"           # data row 59,999 -> row 60,000
    path = tmp_path / "peserta.parquet"
    pq.write_table(pa.table({"NIK": niks, "Nama Peserta": ["A"] * n, "Tgl Kepesertaan": ["02/04/2024"] * n,
                             "Kab/Kota": ["5303"] * n, "Segmen": segments}), path, row_group_size=5_000)
    assert pq.ParquetFile(path).num_row_groups == 12
    [r] = load([path])
    assert (r.rows_read, r.rows_loaded) == (n, n - 2)
    assert query(wh, "select row_number, reason_code from quarantine order by 1") == [
        (43_211, "NIK_MISSING"), (60_000, "SEGMENT_UNKNOWN")]


# ------------------------------------------------------------------------------------
# headers: missing, unknown, mapped
# ------------------------------------------------------------------------------------

def test_missing_required_column_stops_with_expected_and_found(tmp_path):
    f = write_lines(tmp_path / "tanpa_segmen.csv", [
        "NIK,Nama,Tgl Kepesertaan,Kab/Kota,Pekerjaan", "5302010101900001,Ani Ladopurab,14/08/2020,TTS,Petani"])
    p = cli(tmp_path, str(f))
    assert p.returncode == 2, p.stderr
    err = p.stderr
    assert "tanpa_segmen.csv" in err and "segment" in err
    assert "nik, registered_date, regency, segment" in err                  # expected
    assert "Found: NIK, Nama, Tgl Kepesertaan, Kab/Kota, Pekerjaan" in err   # found
    assert "--map" in err and "Traceback" not in err
    assert not (tmp_path / "warehouse.duckdb").exists()
    assert not list(tmp_path.glob(".warehouse.duckdb.build-*"))


def unknown_header_file(tmp: Path) -> Path:
    return write_lines(tmp / "peserta_lain.csv", [
        "NIK;Nama;Header Lain;Kabupaten Domisili Peserta;Segmen",
        "5302010101900001;Ani Ladopurab;14/08/2020;TTS;BPU",
        "5312010101900002;Bili Kakamburu;15/08/2020;Sumbar;BPU",
        "5302010101900011;Lusi Nenoharan;16/08/2020;SBD;BPU"])


def test_unknown_header_mapped_on_the_command_line(tmp_path):
    f = unknown_header_file(tmp_path)
    p = cli(tmp_path, str(f), "--kind", "members", "--map", "Kabupaten Domisili Peserta=regency")
    assert p.returncode == 2 and "registered_date" in p.stderr and "Header Lain" in p.stderr
    p = cli(tmp_path, str(f), "--map", "Header Lain=registered_date", "--map", "kabupaten domisili peserta=regency")
    assert p.returncode == 0, p.stderr
    assert "peserta_lain.csv" in p.stdout and "diterbitkan" in p.stdout
    wh = tmp_path / "warehouse.duckdb"
    assert sorted(query(wh, "select regency_code, registered_date from members")) == [
        ("53.02", dt.date(2020, 8, 14)), ("53.12", dt.date(2020, 8, 15)), ("53.18", dt.date(2020, 8, 16))]
    assert "Header Lain -> registered_date" in log_row(wh, "peserta_lain.csv")["columns_used"]
    assert_reconciled(wh)


def test_mapping_file(tmp_path):
    f = unknown_header_file(tmp_path)
    mapping = tmp_path / "peta_kolom.txt"
    mapping.write_text("Header Lain=registered_date\n\nKabupaten Domisili Peserta = regency\n", encoding="utf-8")
    p = cli(tmp_path, str(f), "--map", str(mapping))
    assert p.returncode == 0, p.stderr
    assert query(tmp_path / "warehouse.duckdb", "select count(*) from members") == [(3,)]


def test_map_to_a_field_the_kind_lacks(tmp_path):
    p = cli(tmp_path, str(unknown_header_file(tmp_path)), "--map", "Header Lain=tanggal")
    assert p.returncode == 2 and "no field 'tanggal'" in p.stderr and "registered_date" in p.stderr
    assert not (tmp_path / "warehouse.duckdb").exists()


# ------------------------------------------------------------------------------------
# dry run, idempotence, superseding
# ------------------------------------------------------------------------------------

def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_dry_run_writes_nothing(tmp_path):
    f = members_a(tmp_path)
    p = cli(tmp_path, str(f), "--dry-run")
    assert p.returncode == 0, p.stderr
    assert "dry run" in p.stdout and f"{A_READ}" in p.stdout and "NIK_TOO_SHORT" in p.stdout
    wh = tmp_path / "warehouse.duckdb"
    assert not wh.exists()
    assert cli(tmp_path, str(members_cp1252(tmp_path))).returncode == 0
    before = sha(wh)
    p = cli(tmp_path, str(f), "--dry-run")
    assert p.returncode == 0, p.stderr
    assert sha(wh) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".warehouse")] in ([], [".warehouse.duckdb.lock"])


def test_same_file_twice_changes_nothing(wh, tmp_path):
    f = members_a(tmp_path)
    load([f], as_of="2024-06")
    tables = ["members", "quarantine", "load_issue", "load_log"]
    counts = [query(wh, f"select count(*) from {t}") for t in tables]
    active = query(wh, "select * from mart_province_monthly order by month")
    [again] = load([f], as_of="2024-06")
    assert again.skipped and "peserta_bpu_agustus.csv" in again.skipped
    copy = tmp_path / "salinan.csv"
    copy.write_bytes(f.read_bytes())
    [again, twice] = load([copy, copy])       # the same bytes under another name, twice in one command
    assert again.skipped and twice.skipped
    assert [query(wh, f"select count(*) from {t}") for t in tables] == counts
    assert query(wh, "select * from mart_province_monthly order by month") == active


OLD_LIST = ["NIK;Tgl Kepesertaan;Kab/Kota;Segmen;BLTH Iuran Terakhir",
            "5302010101900501;10/01/2024;TTS;BPU;2024-03",     # A lapsed
            "5302010101900502;10/01/2024;TTS;BPU;2024-05",     # B paid through May
            "5302010101900503;10/02/2024;TTS;BPU;2024-05"]     # C: only in the old list
NEW_LIST = ["NIK;Tgl Kepesertaan;Kab/Kota;Segmen;BLTH Iuran Terakhir",
            "5302010101900501;10/01/2024;TTS;BPU;2024-06",     # A paid again
            "5302010101900502;10/01/2024;Kota Kupang;BPU;2024-04",  # B moved, stopped paying
            "5302010101900504;01/06/2024;TTS;BPU;2024-06"]     # D new


def member_state(wh: Path):
    return sorted(query(wh, "select member_key, regency_code, last_paid_month, as_of_month from members"))


def test_newer_member_list_supersedes(monkeypatch, tmp_path):
    wh_fwd = use_private_env(monkeypatch, tmp_path)
    wh_back = tmp_path / "back.duckdb"
    old = write_lines(tmp_path / "peserta_mei.csv", OLD_LIST)
    new = write_lines(tmp_path / "peserta_juni.csv", NEW_LIST)

    # old, then new: the new list's status wins
    load_paths([old], as_of="2024-05", progress=lambda *_: None, warehouse=wh_fwd)
    [r] = load_paths([new], as_of="2024-06", progress=lambda *_: None, warehouse=wh_fwd)
    assert (r.rows_read, r.rows_loaded, r.rows_quarantined) == (3, 3, 0)

    # new, then old: the older rows of A and B are quarantined as SUPERSEDED, C loads
    load_paths([new], as_of="2024-06", progress=lambda *_: None, warehouse=wh_back)
    [r] = load_paths([old], as_of="2024-05", progress=lambda *_: None, warehouse=wh_back)
    assert (r.rows_read, r.rows_loaded, r.by_reason) == (3, 1, {"SUPERSEDED": 2})

    for wh in (wh_fwd, wh_back):
        state = member_state(wh)
        assert len(state) == 4
        assert sorted((reg, paid) for _, reg, paid, _ in state) == [
            ("53.02", dt.date(2024, 5, 1)), ("53.02", dt.date(2024, 6, 1)), ("53.02", dt.date(2024, 6, 1)),
            ("53.71", dt.date(2024, 4, 1))]
        # June: A and D active; B lapsed, C's last payment was May
        assert query(wh, "select n_registered, n_active from mart_province_monthly "
                         "where month = date '2024-06-01'") == [(4, 2)]
        assert_reconciled(wh)
    assert member_state(wh_fwd) == member_state(wh_back)


# ------------------------------------------------------------------------------------
# claims: duplicates within and across files
# ------------------------------------------------------------------------------------

def test_claims_duplicates_and_conflicts(wh, tmp_path):
    c1 = write_lines(tmp_path / "klaim_2024_q1.csv", CLAIMS_1)
    c2 = write_lines(tmp_path / "klaim_2024_q2.csv", CLAIMS_2)
    [_, r1, r2] = load([members_a(tmp_path), c1, c2], as_of="2024-06")
    assert (r1.kind, r1.rows_read, r1.rows_loaded) == ("claims", 8, 3)
    assert quarantined(wh, log_row(wh, "klaim_2024_q1.csv")["load_id"]) == {
        "DUPLICATE_ROW": [4], "DUPLICATE_CONFLICT": [6], "PROGRAMME_UNKNOWN": [7],
        "DATES_INCONSISTENT": [8], "AMOUNT_NEGATIVE": [9]}
    assert (r2.rows_read, r2.rows_loaded) == (3, 1)
    assert quarantined(wh, log_row(wh, "klaim_2024_q2.csv")["load_id"]) == {
        "DUPLICATE_LOADED": [2], "CONFLICT_LOADED": [3]}
    assert query(wh, "select claim_id, programme_code, amount_rp, regency_code from claims order by claim_id") == [
        ("K-001", "JHT", 5_000_000, "53.02"), ("K-002", "JKM", 42_000_000, "53.02"),
        ("K-003", "JKK", 10_000_000, "53.12"), ("K-007", "JHT", 7_250_000, "53.08")]
    [(params,)] = query(wh, "select params from quarantine where reason_code = 'CONFLICT_LOADED'")
    assert json.loads(params)["value"] == 42_000_000 and "42,000,000" in render("CONFLICT_LOADED", params, "en")
    assert_reconciled(wh)


# ------------------------------------------------------------------------------------
# personal data never in clear
# ------------------------------------------------------------------------------------

def fixture_niks() -> set[str]:
    niks = set()
    for lines, sep in [(MEMBERS_A, ";"), (MEMBERS_CP1252, ","), (CLAIMS_1, ","), (CLAIMS_2, ","),
                       (OLD_LIST, ";"), (NEW_LIST, ";")]:
        for line in lines[1:]:
            cells = line.split(sep)
            value = cells[1] if lines in (CLAIMS_1, CLAIMS_2) else cells[0]
            if value:
                niks.add(value)
    niks |= {"5371010101900201", "5371010101900202", "5371010101900203", "5371010101900204",
             "5303010101900301", "5304010101900302"}
    return niks


def test_no_nik_or_name_in_clear(wh, tmp_path):
    load([members_a(tmp_path), members_cp1252(tmp_path), members_xlsx(tmp_path), members_parquet(tmp_path),
          write_lines(tmp_path / "k1.csv", CLAIMS_1), write_lines(tmp_path / "k2.csv", CLAIMS_2)], as_of="2024-06")
    load([write_lines(tmp_path / "peserta_mei.csv", OLD_LIST)], as_of="2024-05")
    texts = all_text(wh)
    assert len(texts) > 1000                           # reference tables, keys, messages, content
    niks = fixture_niks()
    digit_forms = {n.replace("-", "") for n in niks}
    needles = niks | digit_forms | {n[:12] for n in digit_forms if len(n) >= 15} | set(FIXTURE_NAMES)
    needles |= {hashlib.sha256(n.encode()).hexdigest()[:32] for n in digit_forms}   # an unkeyed hash
    needles |= {hashlib.md5(n.encode()).hexdigest() for n in digit_forms}
    leaks = sorted({(needle, text[:80]) for text in texts for needle in needles if needle in text})
    assert not leaks
    # still: every member is known by its pseudonym, and the quarantine points at the row
    assert query(wh, "select count(*), count(distinct member_key) from members")[0][0] > 10
    assert_reconciled(wh)


def test_claims_into_a_warehouse_without_members(wh, tmp_path):
    [r] = load([write_lines(tmp_path / "klaim.csv", CLAIMS_2)])
    assert (r.rows_read, r.rows_loaded) == (3, 3)
    assert_reconciled(wh)


def test_unknown_file_type_and_missing_file(wh, tmp_path):
    f = tmp_path / "peserta.json"
    f.write_text("{}")
    with pytest.raises(LoadError, match="unsupported file type"):
        load([f])
    with pytest.raises(LoadError, match="no such file"):
        load([tmp_path / "tidak_ada.csv"])
    assert not wh.exists()


# ------------------------------------------------------------------------------------
# shipped examples and documentation
# ------------------------------------------------------------------------------------

EXAMPLES = ROOT / "data" / "examples"


def test_every_example_file_loads_clean(wh):
    from etl.contracts import CONTRACTS
    files = sorted(EXAMPLES.iterdir())
    assert sorted(f.name for f in files) == sorted(f"{kind}.csv" for kind in CONTRACTS)
    results = load(files)
    assert {r.file_name: (r.kind, r.rows_read, r.rows_loaded, r.rows_quarantined, r.rows_flagged)
            for r in results} == {f"{k}.csv": (k, 5, 5, 0, 0) for k in CONTRACTS}
    for r in results:     # every field of the contract is present in its example, except personal ones
        used = log_row(wh, r.file_name)["columns_used"]
        fields = [f.name for f in CONTRACTS[r.kind].fields if f.type != "pii"]
        assert all(f"-> {f}" in used for f in fields), (r.kind, used)
    assert query(wh, "select count(*) from quarantine") == [(0,)]
    assert query(wh, "select count(*) from load_issue") == [(0,)]
    assert_reconciled(wh)


def test_contracts_doc_names_every_field_and_reason():
    from etl.contracts import CONTRACTS
    doc = (ROOT / "docs" / "contracts.md").read_text(encoding="utf-8")
    missing = [(c.kind, f.name) for c in CONTRACTS.values() for f in c.fields if f"`{f.name}`" not in doc]
    assert not missing
    assert all(f"### {kind}" in doc for kind in CONTRACTS)
    for c in CONTRACTS.values():          # every header alias is listed
        section = doc.split(f"### {c.kind}")[1].split("###")[0]
        members = doc.split("### members")[1].split("###")[0]
        absent = [a for f in c.fields for a in f.aliases if a not in section and a not in members]
        assert not absent, (c.kind, absent)
    from etl import reasons
    codes = sorted(reasons.CODES)          # every reason and issue code of the catalogue
    assert len(codes) == 32 and "NIK_EXCEL_NUMBER" in codes and "MEMBER_CONFLICT_REGENCY" in codes
    assert [c for c in codes if f"`{c}`" not in doc] == []
    assert "--map" in doc and "Header Lain=registered_date" in doc
    rules = ["option", "title", "file_name", "last_paid_month", "registered_date", "load_month"]
    assert [r for r in rules if f"`{r}`" not in doc] == []
    from etl import settings
    assert all(settings.SETTINGS[n].env in doc for n in ("contribution_ceiling_rp", "claim_ceiling_rp"))
