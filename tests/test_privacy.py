"""Issue 11: personal data never leaves the pipeline. No clear-text copy of an
input anywhere (even on Ctrl-C, SIGTERM or kill -9), no NIK or name in any
message, log, exception or table, digits of any script normalised before any
check, identifiers never pasted into SQL."""
from __future__ import annotations

import contextlib
import io
import json
import re
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from etl import privacy
from etl.__main__ import main
from etl.warehouse import sql_file
from tests.helpers import load_quiet, query, use_private_env
from tests.test_etl_load import all_text
from tests.test_load_safety import EXAMPLES, ROOT, big_members, env_for, sha

NIK_RE = re.compile(rb"53\d{14}")


def files_holding(folder: Path, niks: set[bytes]) -> list[str]:
    """Every file under folder whose bytes hold one of the NIKs (ASCII or UTF-16)."""
    hits = []
    for p in folder.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            found = set(NIK_RE.findall(data)) | set(NIK_RE.findall(data.replace(b"\x00", b"")))
            if found & niks:
                hits.append(str(p))
    return hits


# ---------------------------------------------------------------- a. no copy of an input anywhere

@pytest.mark.slow   # whole loads in subprocesses: the slow layer (pytest.ini)
@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM", "SIGKILL"])
def test_an_interrupted_load_of_a_cp1252_file_leaves_no_copy(tmp_path, how):
    scratch, wh_dir = tmp_path / "tmpdir", tmp_path / "wh"
    scratch.mkdir()
    wh_dir.mkdir()
    env = {**env_for(wh_dir), "TMPDIR": str(scratch)}
    assert subprocess.run([sys.executable, "-m", "etl", "load", str(EXAMPLES / "members.csv")], cwd=ROOT,
                          env=env, capture_output=True).returncode == 0
    before = sha(wh_dir / "warehouse.duckdb")
    big = big_members(tmp_path / "peserta_ende.csv", 300_000, encoding="cp1252")
    niks = set(NIK_RE.findall(big.read_bytes()))
    assert len(niks) == 300_000
    proc = subprocess.Popen([sys.executable, "-m", "etl", "load", str(big)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().startswith("loading peserta_ende.csv")
    time.sleep(0.5)                                          # decoding and parsing the file
    proc.send_signal(getattr(signal, how))
    proc.communicate(timeout=120)
    assert proc.returncode == {"SIGINT": 130, "SIGTERM": 143, "SIGKILL": -9}[how]
    assert sha(wh_dir / "warehouse.duckdb") == before
    assert list(scratch.iterdir()) == []
    if how == "SIGKILL":                                     # the next start removes what was left
        nxt = subprocess.run([sys.executable, "-m", "etl", "load", str(EXAMPLES / "claims.csv")], cwd=ROOT,
                             env=env, capture_output=True, text=True)
        assert nxt.returncode == 0, nxt.stderr
    assert [p.name for p in wh_dir.iterdir()] == sorted(
        ["warehouse.duckdb", ".warehouse.duckdb.lock", "nik.key", "warehouse.duckdb.history"],
        key=[p.name for p in wh_dir.iterdir()].index)
    history = sorted(p.name for p in (wh_dir / "warehouse.duckdb.history").iterdir())   # the rollback copies
    assert history[0] == "publish_log.jsonl" and all(h.startswith("v") and h.endswith(".duckdb") for h in history[1:])
    assert files_holding(tmp_path.parent / tmp_path.name, niks) == [str(big)]


# ---------------------------------------------------------------- b. no personal data in any message

PEOPLE = [("5302011203850001", "Ani Ladopurab", "Jl. Soekarno 5 Soe", "081234567890", "12/03/1985"),
          ("5371014405900002", "Bernadus Tefa", "Jl. El Tari 12 Kupang", "085298765432", "04/05/1990"),
          ("5308015507880003", "Maria Goreti Wangge", "Desa Wolotopo", "081339001122", "15/07/1988")]


def people_rows(sep=";") -> list[str]:
    return [sep.join(p) for p in PEOPLE]


def error_paths(tmp: Path) -> list[list[str]]:
    """Command lines that each end on a different error path, every file full of personal data."""
    def csv(name, lines, encoding="utf-8"):
        p = tmp / name
        p.write_bytes(("\n".join(lines) + "\n").encode(encoding))
        return str(p)
    wb = Workbook()
    for row in PEOPLE:
        wb.active.append(list(row))
    wb.save(tmp / "tanpa_header.xlsx")
    head = "NIK;Nama;Alamat;No HP;Tgl Lahir"
    return [
        ["load", csv("tanpa_header.csv", people_rows())],                          # no header row
        ["load", str(tmp / "tanpa_header.xlsx")],                                     # no header row, XLSX
        ["load", csv("tanpa_segmen.csv", [head + ";Tgl Kepesertaan;Kab/Kota"] +
                     [r + ";01/01/2024;TTS" for r in people_rows()])],                # a required field missing
        ["load", csv("kutip.csv", ['NIK,Nama,Tgl Kepesertaan,Kab/Kota,Segmen',
                                    f'{PEOPLE[0][0]},"{PEOPLE[0][1]},01/01/2024,TTS,BPU'])],   # unterminated quote
        ["load", csv("biner.csv", [people_rows()[0] + "\x00" * 20])],                 # binary
        ["load", "--kind", "members", "--map", f"{PEOPLE[0][1]}=tanggal", csv("peta.csv",
         [f"NIK;{PEOPLE[0][1]};Kab/Kota;Segmen", f"{PEOPLE[1][0]};01/01/2024;TTS;BPU"])],   # a bad --map
        ["load", "--as-of", PEOPLE[0][0], csv("asof.csv", [head])],                  # a bad --as-of
        ["load", csv("karantina.csv", [head + ";Tgl Kepesertaan;Kab/Kota;Segmen"] +
                     [people_rows()[0] + ";31/02/2024;TTS;BPU",                       # every reason in turn
                      people_rows()[1] + ";01/01/2024;Kupang;BPU",
                      people_rows()[2] + ";01/01/2024;TTS;Karyawan",
                      PEOPLE[0][0][:15] + ";Ani Ladopurab;x;0812;01/01/1980;01/01/2024;TTS;BPU",
                      PEOPLE[1][0] + "7;Bernadus Tefa;x;0812;01/01/1980;01/01/2024;TTS;BPU",
                      "５３０８０１５５０７８８０００３;Maria Goreti Wangge;x;1;1;01/01/2024;TTS;BPU"],
                     encoding="utf-8")],
    ]


def test_no_nik_or_name_on_any_error_path(tmp_path):
    work = tmp_path / "files"
    work.mkdir()
    outputs = []
    env = env_for(tmp_path)
    for args in error_paths(work):
        p = subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, env=env, capture_output=True, text=True)
        assert p.returncode in (0, 2) and "Traceback" not in p.stderr, (args, p.stderr)
        outputs.append(p.stdout + p.stderr)
    assert sum("error:" in o for o in outputs) == 6     # six refusals; the unterminated quote and the reasons load
    texts = outputs + all_text(tmp_path / "warehouse.duckdb")
    needles = {p[0] for p in PEOPLE} | {p[0][:15] for p in PEOPLE} | {p[1] for p in PEOPLE} | \
              {p[2] for p in PEOPLE} | {p[3] for p in PEOPLE} | {p[4] for p in PEOPLE}
    leaks = sorted({(n, t[:80]) for t in texts for n in needles if n in t})
    assert leaks == []
    assert query(tmp_path / "warehouse.duckdb", "select reason_code from quarantine order by load_id, row_number") == [
        ("REGISTERED_DATE_MISSING",), ("REGISTERED_DATE_INVALID",), ("REGENCY_AMBIGUOUS",), ("SEGMENT_UNKNOWN",), ("NIK_TOO_SHORT",),
        ("NIK_TOO_LONG",)]


def test_an_unexpected_error_shows_where_never_what(monkeypatch, tmp_path, capsys):
    use_private_env(monkeypatch, tmp_path)
    from etl import load

    def boom(*a, **kw):
        raise ValueError(f"could not convert '{PEOPLE[0][0]}' of {PEOPLE[0][1]}")
    monkeypatch.setattr(load, "prepare", boom)
    assert main(["load", str(EXAMPLES / "members.csv")]) == 1
    err = capsys.readouterr().err
    assert "unexpected ValueError at test_privacy.py:" in err
    assert PEOPLE[0][0] not in err and PEOPLE[0][1] not in err


# ---------------------------------------------------------------- c. digits of any script

DIGITS = {"ascii": "0123456789", "fullwidth": "０１２３４５６７８９", "arabic_indic": "٠١٢٣٤٥٦٧٨٩",
          "devanagari": "०१२३४५६७८९"}
FORMAT = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad"]


@st.composite
def written_nik(draw):
    nik = draw(st.from_regex(r"53[0-9]{14}", fullmatch=True))
    chars = []
    for d in nik:
        chars.append(DIGITS[draw(st.sampled_from(sorted(DIGITS)))][int(d)])
        if draw(st.integers(0, 9)) == 0:
            chars.append(draw(st.sampled_from(FORMAT)))
    return nik, "".join(chars)


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect()
    privacy.register(c)
    c.execute(sql_file("macros.sql"))
    yield c
    c.close()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=written_nik())
def test_a_nik_in_any_digits_is_the_same_nik(con, pair):
    nik, written = pair
    assert privacy.clean(written) == nik
    assert con.execute("select nik_reason($n), nik_text($n)", {"n": privacy.clean(written)}).fetchone() == (None, nik)
    masked = privacy.mask_nik(written)
    assert masked == nik[:6] + "*" * 10
    assert sum(unicodedata.digit(ch, None) is not None for ch in masked) == 6


def test_fullwidth_nik_loads_as_the_same_member_and_a_bad_one_is_masked(monkeypatch, tmp_path):
    wh = use_private_env(monkeypatch, tmp_path)
    wide = "".join(DIGITS["fullwidth"][int(d)] for d in "5302010101900001")
    arabic15 = "\u200b".join(DIGITS["arabic_indic"][int(d)] for d in "530201010190000")
    f = tmp_path / "peserta.csv"
    f.write_text("NIK;Tgl Kepesertaan;Kab/Kota;Segmen\n5302010101900001;01/01/2024;TTS;BPU\n"
                 f"{wide};01/01/2024;TTS;BPU\n\ufeff{arabic15};01/01/2024;TTS;BPU\n", encoding="utf-8")
    [r] = load_quiet([f])
    assert (r.rows_loaded, r.by_reason) == (1, {"DUPLICATE_ROW": 1, "NIK_TOO_SHORT": 1})
    content = dict(query(wh, "select row_number, content from quarantine"))
    assert json.loads(content[3])["nik"] == "530201**********"
    assert json.loads(content[4])["nik"] == "530201*********"
    assert json.loads(query(wh, "select params from quarantine where row_number = 4")[0][0])["value"] == "530201*********"


# ---------------------------------------------------------------- d. identifiers never pasted into SQL

def test_a_header_with_quotes_loads(monkeypatch, tmp_path):
    wh = use_private_env(monkeypatch, tmp_path)
    f = tmp_path / "peserta.csv"
    f.write_text('NIK,"Tgl ""Kepesertaan""",Kab/Kota,Segmen,"Catatan""; drop table members; --"\n'
                 "5302010101900001,01/01/2024,TTS,BPU,x\n", encoding="utf-8")
    [r] = load_quiet([f])
    assert r.rows_loaded == 1
    assert query(wh, "select columns_used, columns_ignored from load_log") == [
        ('NIK -> nik; Tgl "Kepesertaan" -> registered_date; Kab/Kota -> regency; Segmen -> segment',
         'Catatan"; drop table members; --')]


EVIL = ['x" as c from raw_in; copy (select 1) to \'{out}\'; --',
        "x'; copy (select 1) to '{out}'; --", 'a"); copy raw_in to \'{out}\' (header); select ("',
        "/* {out} */ nik", "--{out}\nNIK", '"" ; COPY members TO \'{out}\'']


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(header=st.one_of(st.sampled_from(EVIL), st.text(min_size=1, max_size=40)),
       field=st.sampled_from(["registered_date", "segment", "occupation", "tanggal"]),
       as_map=st.booleans())
def test_any_header_or_map_writes_no_file_and_exits_0_or_2(tmp_path_factory, header, field, as_map):
    tmp = tmp_path_factory.mktemp("inject")
    out = tmp / "pwned.csv"
    header = header.replace("{out}", str(out))
    f = tmp / "peserta.csv"
    cols = ["NIK", header, "Kab/Kota", "Segmen"] if as_map else ["NIK", "Tgl Kepesertaan", "Kab/Kota", header]
    f.write_text(",".join('"' + c.replace('"', '""') + '"' for c in cols) +
                 "\n5302010101900001,01/01/2024,TTS,BPU\n", encoding="utf-8")
    args = ["load", str(f), "--no-wait"] + ([f"--map={header}={field}"] if as_map else [])
    with pytest.MonkeyPatch.context() as mp:
        use_private_env(mp, tmp)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            rc = main(args)
    assert rc in (0, 2)
    assert not out.exists() and sorted(p.name for p in tmp.iterdir()) in (
        [".warehouse.duckdb.lock", "nik.key", "peserta.csv", "warehouse.duckdb", "warehouse.duckdb.history"],
        [".warehouse.duckdb.lock", "nik.key", "peserta.csv"], [".warehouse.duckdb.lock", "peserta.csv"])


# ---------------------------------------------------------------- e. codes rendered in the configured language

@pytest.mark.parametrize("lang, words", [("id", ["berkas", "dikarantina NIK_TOO_SHORT: 1 (NIK kurang dari 16 digit)",
                                                  "diterbitkan"]),
                                         ("en", ["file", "quarantined NIK_TOO_SHORT: 1 (NIK shorter than 16 digits)",
                                                 "published"])])
def test_cli_summary_in_the_configured_language(tmp_path, lang, words):
    f = tmp_path / "peserta.csv"
    f.write_text("NIK;Tgl Kepesertaan;Kab/Kota;Segmen\n530201010190000;01/01/2024;TTS;BPU\n", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "etl", "load", str(f)], cwd=ROOT, capture_output=True, text=True,
                       env={**env_for(tmp_path), "SEJUTA_LANGUAGE": lang})
    assert p.returncode == 0, p.stderr
    assert all(w in p.stdout for w in words), p.stdout


# ---------------------------------------------------------------- f. the threat model points at real tests

def test_every_test_named_in_the_threat_model_exists():
    doc = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    refs = re.findall(r"`(tests/[\w/]+\.py)::(test_\w+)`", doc)
    refs += re.findall(r"`(tests/[\w/]+\.py)::test_\w+`, `::(test_\w+)`", doc)
    assert len(refs) >= 15
    missing = [(f, t) for f, t in refs if not re.search(rf"^def {t}\(", (ROOT / f).read_text(), re.M)]
    assert missing == []
