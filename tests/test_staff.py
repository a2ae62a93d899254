"""Issue 12 in AppTest and on the command line: who sees what (viewer, steward, admin, with
the identity seeded through AppTest.user as st.login would), the load page from upload to
publish, the admin's tier edit, rollback byte for byte, and the inbox.

Each test has its own warehouse, key, roles file and copies of the tiers and target files,
loaded from the hand-made fixture of tests/fixtures/tiers (as of June 2024)."""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest      # (imported before a test moves tempfile's folder)

from tests.helpers import FIXTURES, ROOT, load_quiet, open_app, query, shown, use_private_env

EXAMPLES = ROOT / "data" / "examples"
TIERS = FIXTURES / "tiers"
ROLES = """
[people."petugas@nttprov.go.id"]
role = "steward"

[people."admin@nttprov.go.id"]
role = "admin"

[people."pembaca@nttprov.go.id"]
role = "viewer"
"""
STEWARD, ADMIN, VIEWER = "petugas@nttprov.go.id", "admin@nttprov.go.id", "pembaca@nttprov.go.id"
EXCEL_NIK = b"5.30201E+15,Yohana Bait,14/08/2020,Timor Tengah Selatan,Kota Soe,Nonohonis,BPU,Petani,Mandiri,09/2026,1.000.000,JKK JKM\n"


@pytest.fixture
def env(monkeypatch, tmp_path):
    """A private warehouse with the tiers fixture loaded; the roles file names one person of
    each role; tiers and targets are copies the admin may change; temporary files go to a
    folder of the test's own (so a clear-text copy of an upload would be seen)."""
    shutil.copy(ROOT / "data" / "tiers.csv", tmp_path / "tiers.csv")
    shutil.copy(TIERS / "targets.csv", tmp_path / "targets.csv")
    (tmp_path / "roles.toml").write_text(ROLES, encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    wh = use_private_env(monkeypatch, tmp_path, roles_file=tmp_path / "roles.toml", tiers_file=tmp_path / "tiers.csv",
                         target_overrides=tmp_path / "targets.csv", suppress_below=0)
    load_quiet([TIERS / "peserta.csv", TIERS / "iuran.csv"], as_of="2024-06")
    return wh


def app(page: str, who: str | None = None, **query):
    """The app on `page`, signed in through the identity provider as `who` (None: nobody)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.user = {"is_logged_in": True, "email": who, "email_verified": True} if who else {"is_logged_in": False}
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def texts(elements) -> list[str]:
    return [e.value for e in elements]


def registered(at) -> set[str]:
    return {Path(info["script_path"]).name for info in at._registered_pages.values()}


# ------------------------------------------------------------------ who sees what

def test_without_any_login_the_dashboard_is_view_only_and_says_how(env, tmp_path):
    (tmp_path / "roles.toml").unlink()
    at = app("pages/account.py")
    assert "load_data.py" not in registered(at) and "admin.py" not in registered(at)
    assert any("hanya untuk dilihat" in s and "docs/operations.md" in s for s in texts(at.info))


@pytest.mark.parametrize("who", [None, VIEWER, "orang.lain@example.com"])
def test_a_viewer_sees_no_load_page_and_no_quarantine_samples(env, who):
    load_quiet([write(env.parent / "peserta_buruk.csv", members_bytes(extra=EXCEL_NIK))])
    at = app("pages/overview.py", who)
    assert "load_data.py" not in registered(at) and "admin.py" not in registered(at)
    with pytest.raises(Exception):
        at.switch_page("pages/load_data.py")
    at.switch_page("pages/data_quality.py").run()
    assert not any("Isi baris (disamarkan)" in shown(d).columns for d in at.dataframe)
    assert any("hanya terlihat oleh petugas data" in s for s in texts(at.info))
    assert not any("530201" in str(shown(d).to_dict()) for d in at.dataframe)


def test_a_steward_sees_the_quarantine_samples_masked(env):
    load_quiet([write(env.parent / "peserta_buruk.csv", members_bytes(extra=EXCEL_NIK))])
    at = app("pages/data_quality.py", STEWARD)
    sample = next(shown(d) for d in at.dataframe if "Isi baris (disamarkan)" in shown(d).columns)
    assert len(sample) == 1 and "NIK_EXCEL" not in sample.to_string()


def test_local_mode_signs_in_with_an_argon2_hash(env, tmp_path):
    from argon2 import PasswordHasher
    (tmp_path / "roles.toml").write_text(
        f'[people."{STEWARD}"]\nrole = "steward"\npassword_hash = "{PasswordHasher().hash("rahasia-12")}"\n',
        encoding="utf-8")
    at = app("pages/account.py")
    assert "load_data.py" not in registered(at)
    for password, said in (("salah", "E-mail atau kata sandi salah."), ("rahasia-12", None)):
        at.text_input[0].input(STEWARD.upper())
        at.text_input[1].input(password)
        at.button(key="sign_in").click().run()
        assert not at.exception
        if said:
            assert texts(at.error) == [said]
    assert texts(at.success) == [f"Masuk sebagai {STEWARD} (peran: petugas data)."]
    assert "load_data.py" in registered(at)
    at.switch_page("pages/load_data.py").run()
    assert at.file_uploader and not at.warning
    at.switch_page("pages/account.py").run()
    at.button(key="sign_out").click().run()
    assert "load_data.py" not in registered(at)


def test_the_load_page_in_english(env):
    at = app("pages/load_data.py", STEWARD, lang="en")
    assert at.title[0].value == "Load data"
    at.file_uploader[0].set_value([("contributions.csv", (EXAMPLES / "contributions.csv").read_bytes(), "text/csv")]).run()
    assert not at.exception and not at.error
    assert [m.label for m in at.metric][:4] == ["Rows read", "Would load", "Would be quarantined", "Loaded with an issue"]
    assert at.button(key="load_publish").label == "Publish"


def test_the_load_page_refuses_a_viewer_even_by_address(env):
    at = app("pages/account.py", VIEWER)
    assert any("pembaca" in s for s in texts(at.success))
    # the page file itself (an old bookmark, the pages/ folder mode) checks the role again
    direct = AppTest.from_file(str(ROOT / "pages" / "load_data.py"), default_timeout=60)
    direct.user = {"is_logged_in": True, "email": VIEWER}
    direct.run()
    assert texts(direct.warning) == ["Halaman ini untuk petugas data: masuk di halaman Akun Petugas."]
    assert not direct.file_uploader


# ------------------------------------------------------------------ the steward's load

def members_bytes(header_from: bytes = b"", header_to: bytes = b"", extra: bytes = b"") -> bytes:
    data = (EXAMPLES / "members.csv").read_bytes()
    return (data.replace(header_from, header_to, 1) if header_from else data) + extra


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def headline(at) -> str:
    return at.metric[0].value


def test_a_steward_uploads_the_examples_fixes_a_mapping_and_publishes(env, tmp_path):
    before = headline(app("pages/overview.py"))
    at = app("pages/load_data.py", STEWARD)
    assert "load_data.py" in registered(at) and "admin.py" not in registered(at)
    files = [("members.csv", members_bytes(b"Kab/Kota", b"Dati II", EXCEL_NIK), "text/csv")]
    files += [(p.name, p.read_bytes(), "text/csv") for p in sorted(EXAMPLES.glob("*.csv")) if p.name != "members.csv"]
    at.file_uploader[0].set_value(files).run()
    assert not at.exception, at.exception
    # the preview: each file's kind, as-of month and rule; members cannot load until mapped
    md = texts(at.markdown)
    assert [m for m in md if m.startswith("#### ")] == ["#### 1. members.csv", "#### 2. claims.csv",
                                                         "#### 3. contributions.csv", "#### 4. subsidies.csv"]
    assert any("Kolom wajib belum ditemukan: Kabupaten/kota (regency)" in w for w in texts(at.warning))
    assert at.button(key="load_publish").disabled
    assert any("Dati II" in s.label for s in at.selectbox)
    mapping = next(s for s in at.selectbox if s.label == "Kolom “Dati II” berisi")
    mapping.set_value("regency").run()
    assert not at.exception, at.exception
    assert not at.error, texts(at.error)
    assert any("Data per **Oktober 2026**, ditentukan oleh: bulan iuran terakhir terbaru di berkas." == m for m in md + texts(at.markdown))
    metrics = [(m.label, m.value) for m in at.metric][:4]
    assert metrics == [("Baris dibaca", "6"), ("Akan dimuat", "5"), ("Akan dikarantina", "1"),
                       ("Dimuat dengan catatan", "0")]
    caption = " ".join(texts(at.caption))
    assert "Data pribadi yang dibuang saat dimuat" in caption and "“Nama Peserta”" in caption
    sample = next(shown(d) for d in at.dataframe if "Isi baris" in " ".join(shown(d).columns))
    assert "Yohana" not in sample.to_string()             # names are dropped before the quarantine
    assert query(env, "select count(*) from load_log")[0][0] == 2          # the preview wrote nothing
    assert not at.button(key="load_publish").disabled
    at.button(key="load_publish").click().run()
    assert not at.exception and not at.error, (at.exception, texts(at.error))
    done = texts(at.success)
    assert done[0] == "Diterbitkan members.csv (Daftar peserta): 5 baris dimuat, 1 dikarantina, 0 dengan catatan."
    assert len(done) == 4
    rows = query(env, "select file_name, loaded_by, size_bytes, length(sha256) from load_log where load_id > 2 "
                      "order by load_id")
    assert [r[1] for r in rows] == [STEWARD] * 4 and all(r[2] > 0 and r[3] == 64 for r in rows)
    assert rows[0][2] == len(files[0][1])
    assert headline(app("pages/overview.py")) != before
    left = [p for p in (tmp_path / "tmp").rglob("*") if not p.is_dir() or "sejuta" in p.name]
    assert left == []       # no copy of an upload, no folder of ours, left behind


def test_a_locked_and_a_damaged_workbook_get_one_sentence(env):
    at = app("pages/load_data.py", STEWARD)
    at.file_uploader[0].set_value([
        ("peserta_terkunci.xlsx", (FIXTURES / "upload" / "peserta_terkunci.xlsx").read_bytes(), "application/x"),
        ("rusak.xlsx", b"PK\x03\x04 not really a workbook", "application/x")]).run()
    assert not at.exception
    errors = texts(at.error)
    assert errors[0].startswith("peserta_terkunci.xlsx dilindungi kata sandi: buka di Excel")
    assert errors[1].startswith("rusak.xlsx rusak atau bukan berkas dengan jenis itu")
    assert len(errors) == 2 and not any("Traceback" in e for e in errors)
    os.environ["SEJUTA_UPLOAD_MAX_MB"] = "1"
    try:
        at.file_uploader[0].set_value([("besar.csv", b"x" * (1024 * 1024 + 1), "text/csv")]).run()
        # the uploader itself refuses a file above the limit (the browser says so beside it)
        assert at.file_uploader[0].value == [] and not [m for m in texts(at.markdown) if m.startswith("####")]
        assert any("paling besar 1 MB per berkas" in c for c in texts(at.caption))
    finally:
        del os.environ["SEJUTA_UPLOAD_MAX_MB"]
    from etl import upload                       # and the page checks again what reaches it
    assert upload.problem("besar.csv", b"x" * (1024 * 1024 + 1), 1) == ("too_big", {"mb": 1.0, "limit": 1})


# ------------------------------------------------------------------ the admin's tiers

def test_an_admin_changes_a_tier_cut_off_and_the_tiers_page_follows(env, tmp_path):
    tiers_page = app("pages/tiers.py")
    assert next(m for m in tiers_page.metric if m.label.startswith("Kekurangan menuju Perintis")).value == "99.994"
    at = app("pages/admin.py", ADMIN)
    assert "admin.py" in registered(at) and "load_data.py" in registered(at)
    at.session_state["admin_tiers"] = {"edited_rows": {1: {"min_pct": 5.0}}, "added_rows": [], "deleted_rows": []}
    at.button(key="admin_save").click().run()
    assert not at.exception and not at.error, (at.exception, texts(at.error))
    assert any(s.startswith("Disimpan;") for s in texts(at.success))
    assert pd.read_csv(tmp_path / "tiers.csv")["min_pct"].tolist() == [0, 5, 25, 50, 75, 100]
    tiers_page = app("pages/tiers.py")
    assert next(m for m in tiers_page.metric if m.label.startswith("Kekurangan menuju Perintis")).value == "49.994"


def test_an_invalid_tier_table_is_refused_in_a_sentence_and_nothing_is_saved(env, tmp_path):
    before = (tmp_path / "tiers.csv").read_bytes()
    at = app("pages/admin.py", ADMIN)
    at.session_state["admin_tiers"] = {"edited_rows": {2: {"min_pct": 5.0}}, "added_rows": [], "deleted_rows": []}
    at.button(key="admin_save").click().run()
    assert not at.exception
    assert texts(at.error) == ["Peringkat 2 (5%) harus lebih tinggi dari peringkat 1 (10%): capaian minimal harus "
                               "naik bersama nomor peringkat."]
    assert (tmp_path / "tiers.csv").read_bytes() == before


def test_an_admin_sets_a_target_override_not_above_its_parent(env, tmp_path):
    at = app("pages/admin.py", ADMIN)
    at.session_state["admin_overrides"] = {"edited_rows": {}, "deleted_rows": [],
                                           "added_rows": [{"area_code": "53.02.02", "target": 1}]}
    at.button(key="admin_save").click().run()
    assert texts(at.error) == ["Target yang ditetapkan di bawah 53.02 berjumlah 5, melebihi target 53.02 sendiri (4)."]
    at = app("pages/admin.py", ADMIN)
    at.session_state["admin_overrides"] = {"edited_rows": {}, "deleted_rows": [],
                                           "added_rows": [{"area_code": "53.99", "target": 1}]}
    at.button(key="admin_save").click().run()
    assert texts(at.error) == ["Kode wilayah 53.99 tidak ada (gunakan kode Kemendagri seperti 53.02)."]


@pytest.mark.parametrize("rows, problem", [
    ([(0, 0), (1, 10), (2, 25)], None),
    ([(0, 0), (1, 10), (2, 10)], "tier_not_increasing"),
    ([(0, 5), (1, 10)], "tier_first_zero"),
    ([(0, 0), (1, 10), (1, 20)], "tier_duplicate"),
    ([(0, 0), ("x", 10)], "tier_number"),
    ([(0, 0), (1, "banyak")], "tier_pct"),
    ([], "tiers_empty"),
])
def test_tier_checks(rows, problem):
    from etl.config_edit import TIER_COLUMNS, check_tiers
    df = pd.DataFrame([(t, p, "a", "b", "", "") for t, p in rows], columns=TIER_COLUMNS)
    found = check_tiers(df)
    assert (found[0][0] if found else None) == problem


# ------------------------------------------------------------------ rollback

def test_rollback_restores_the_previous_warehouse_byte_for_byte_and_the_history_shows_both(env, capsys):
    from etl.__main__ import main
    first = env.read_bytes()
    assert main(["load", str(EXAMPLES / "members.csv")]) == 0
    assert env.read_bytes() != first
    assert main(["rollback"]) == 0
    assert env.read_bytes() == first
    out = capsys.readouterr().out
    assert "restored byte for byte" in out
    assert main(["rollback", "--list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[-2].split()[4:] == ["load:", "members.csv", "(load_id", "3)"] and "rollback of version 1" in listing[-1]
    assert listing[-1].startswith("*")
    assert main(["rollback", "--to-load", "3"]) == 0         # the version members.csv was published in
    assert env.read_bytes() != first
    assert main(["rollback", "--to-load", "1"]) == 0         # the tiers fixture's version: byte for byte again
    assert env.read_bytes() == first
    at = app("pages/data_quality.py")
    versions = next(shown(d) for d in at.dataframe if "Tindakan" in shown(d).columns)
    assert list(versions["Tindakan"])[:4] == ["kembali ke v1", "kembali ke v2", "kembali ke v1", "muat berkas"]
    assert list(versions["Status"])[0] == "sedang terbit"
    assert versions["Oleh"][0].startswith("cli:")


def test_the_steward_rolls_back_from_the_page(env):
    first = env.read_bytes()
    load_quiet([EXAMPLES / "members.csv"])
    at = app("pages/load_data.py", STEWARD)
    assert at.selectbox(key="rollback_version").value == 1
    assert at.button(key="rollback_go").disabled
    at.checkbox(key="rollback_sure").check().run()
    at.button(key="rollback_go").click().run()
    assert not at.exception and not at.error, texts(at.error)
    assert texts(at.success) == ["v1 dikembalikan byte demi byte sebagai v3."]
    assert env.read_bytes() == first
    from etl import history
    assert [(e["action"], e["by"]) for e in history.entries(env)][-1] == ("rollback", STEWARD)


def test_only_the_last_versions_are_kept(env, monkeypatch):
    from etl import history
    monkeypatch.setenv("SEJUTA_KEEP_VERSIONS", "2")
    for p in sorted(EXAMPLES.glob("*.csv")):
        load_quiet([p])
    kept = [e["version"] for e in history.entries(env) if e["kept"]]
    assert kept == [4, 5]
    with pytest.raises(Exception, match="no longer kept"):
        history.rollback(env, to=1, progress=lambda *_: None)


# ------------------------------------------------------------------ the inbox

def test_inbox_loads_the_good_fails_the_bad_and_leaves_the_half_copied(env, tmp_path, capsys):
    from etl.__main__ import main
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = write(inbox / "peserta_2026-10.csv", members_bytes())
    bad = write(inbox / "laporan.csv", b"Tanggal,Keterangan\n2026-10-01,rapat\n")
    half = write(inbox / "iuran.csv", (EXAMPLES / "contributions.csv").read_bytes()[:90])
    old = time.time() - 600
    for p in (good, bad):
        os.utime(p, (old, old))
    os.environ["SEJUTA_INBOX_SETTLE_SECONDS"] = "60"
    try:
        code = main(["load", "--inbox", str(inbox)])
    finally:
        del os.environ["SEJUTA_INBOX_SETTLE_SECONDS"]
    out = capsys.readouterr().out
    assert code == 2                                   # a file failed: cron mails the output
    assert (inbox / "loaded" / "peserta_2026-10.csv").is_file() and not good.exists()
    assert (inbox / "failed" / "laporan.csv").is_file() and not bad.exists()
    reason = (inbox / "failed" / "laporan.csv.reason.txt").read_text(encoding="utf-8")
    assert reason.count("\n") == 1 and "laporan.csv" in reason and "5302011203850001" not in reason
    assert half.exists()                               # still being copied: left for the next run
    assert "waiting iuran.csv" in out
    rows = query(env, "select file_name, loaded_by from load_log order by load_id")
    assert rows[-1][0] == "peserta_2026-10.csv" and rows[-1][1].startswith("cli:")
    # the copy finishes; the next run takes it
    half.write_bytes((EXAMPLES / "contributions.csv").read_bytes())
    os.utime(half, (old, old))
    assert main(["load", "--inbox", str(inbox)]) == 0
    assert (inbox / "loaded" / "iuran.csv").is_file()
    assert query(env, "select file_name, rows_read from load_log order by load_id desc limit 1") == [("iuran.csv", 5)]
    assert main(["load", "--inbox", str(inbox)]) == 0   # nothing new: a quiet success for cron
    assert "no new file" in capsys.readouterr().out
