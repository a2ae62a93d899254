"""AppTest of the data-quality page on a warehouse loaded from the messy fixtures of
test_etl_load.py, whose answers are computed by hand there:

file                       read loaded quarantined flagged blank
peserta_bpu_agustus.csv      18      6          12       3     2   (as of June 2024)
peserta_kupang_2024.xlsx      5      2           3       0     4   Kota Kupang, Jan-Feb 2024
klaim_2024_q1.csv             8      3           5       0     0   TTS Feb-Mar, Sumba Barat Apr 2024
klaim_2024_q2.csv             3      1           2       0     0   Ende Jun 2024
"""
import re
from collections import Counter
from pathlib import Path

import pytest

from etl.contracts import CONTRACTS
from etl.extract import Extracted
from etl.validate import reason_sql
from tests.helpers import load_quiet, loaded, open_app, shown, use_private_env
from tests.test_etl_load import A_REASONS, CLAIMS_1, CLAIMS_2, members_a, members_xlsx, write_lines
from etl import reasons

ROOT = Path(__file__).resolve().parents[1]
PAGE = str(ROOT / "pages" / "data_quality.py")

QUARANTINED = Counter({code: len(rows) for code, rows in A_REASONS.items()})
QUARANTINED.update({"NIK_EXCEL_SCIENTIFIC": 1, "REGISTERED_DATE_INVALID": 1, "NIK_EXCEL_NUMBER": 1,  # xlsx
                    "DUPLICATE_ROW": 1, "DUPLICATE_CONFLICT": 1, "PROGRAMME_UNKNOWN": 1,  # claims q1
                    "DATES_INCONSISTENT": 1, "AMOUNT_NEGATIVE": 1,
                    "DUPLICATE_LOADED": 1, "CONFLICT_LOADED": 1})                       # claims q2


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    def files(tmp):
        return [members_a(tmp), members_xlsx(tmp), write_lines(tmp / "klaim_2024_q1.csv", CLAIMS_1),
                write_lines(tmp / "klaim_2024_q2.csv", CLAIMS_2)]
    roles = tmp_path_factory.mktemp("roles") / "roles.toml"
    roles.write_text('[people."petugas@nttprov.go.id"]\nrole = "steward"\n', encoding="utf-8")
    with loaded(tmp_path_factory, "dq", files, "2024-06", roles_file=roles) as wh:
        yield wh.parent


def run_page(user=None, **query):
    return open_app("pages/data_quality.py", user=user, **query)


def table(at, first_column: str):
    return next(shown(d) for d in at.dataframe if shown(d).columns[0] == first_column)


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def metric_delta(at, label):
    return next(m.delta for m in at.metric if m.label == label)


def test_freshness_and_history(env):
    at = run_page()
    assert not at.exception
    assert at.title[0].value == "Kualitas Data"
    assert metric(at, "Data per") == "Juni 2024"
    assert metric(at, "Berkas dimuat") == "4"
    assert metric(at, "Hari sejak pemuatan terakhir") == "0"
    # the date alone as the value (the date and time overflowed a quarter column), the time below
    assert re.fullmatch(r"\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}",
                        metric(at, "Pemuatan terakhir"))
    assert re.fullmatch(r"pukul \d{2}\.\d{2}", metric_delta(at, "Pemuatan terakhir"))
    kinds = table(at, "Jenis berkas").set_index("Jenis berkas")
    assert kinds.loc["Daftar peserta", "Jumlah berkas"] == "2"
    assert kinds.loc["Daftar peserta", "Baris dimuat"] == "8"
    assert kinds.loc["Klaim dibayar", "Baris dimuat"] == "4"
    assert kinds.loc["Klaim dibayar", "Data terbaru s.d. bulan"] == "Juni 2024"
    assert kinds.loc["Iuran dibayar", "Jumlah berkas"] == "0"
    history = table(at, "Berkas").set_index("Berkas")
    assert list(history.index) == ["klaim_2024_q2.csv", "klaim_2024_q1.csv", "peserta_kupang_2024.xlsx",
                                   "peserta_bpu_agustus.csv"]        # newest first
    cols = ["Dibaca", "Dimuat", "Dikarantina", "Dimuat dengan catatan", "Baris kosong", "Rekonsiliasi"]
    assert history.loc["peserta_bpu_agustus.csv", cols].tolist() == ["18", "6", "12", "3", "2", "✓"]
    assert history.loc["peserta_kupang_2024.xlsx", cols].tolist() == ["5", "2", "3", "0", "4", "✓"]
    assert history.loc["klaim_2024_q1.csv", cols].tolist() == ["8", "3", "5", "0", "0", "✓"]
    assert history.loc["klaim_2024_q2.csv", cols].tolist() == ["3", "1", "2", "0", "0", "✓"]


def test_quarantine_by_reason_equals_what_was_loaded(env):
    at = run_page()
    assert any(c.value == "22 baris dikarantina dari 4 berkas" for c in at.caption)
    by_reason = table(at, "Alasan")
    counts = dict(zip(by_reason["Kode"], by_reason["Baris"].astype(int)))
    assert counts == dict(QUARANTINED)
    row = by_reason.set_index("Kode").loc["NIK_EXCEL_SCIENTIFIC"]
    assert (row["Alasan"], row["Baris"], row["Jumlah berkas"]) == \
        ("NIK rusak oleh Excel (notasi ilmiah, digit hilang)", "2", "2")
    assert by_reason.set_index("Kode").loc["NIK_TOO_SHORT", "Porsi"] == "4,5%"      # 1 of 22


def test_quarantine_sample_by_reason_is_masked(env):
    at = run_page(user="petugas@nttprov.go.id")          # samples are for data stewards (tests/test_staff.py)
    at.selectbox(key="dq_reason").set_value("REGENCY_AMBIGUOUS").run()
    sample = next(shown(d) for d in at.dataframe if "Isi baris (disamarkan)" in shown(d).columns)
    assert len(sample) == 1
    assert sample["Berkas"][0] == "peserta_bpu_agustus.csv" and sample["Baris ke-"][0] == "8"
    assert "Kupang" in sample["Keterangan"][0]
    assert '"nik":"530101**********"' in sample["Isi baris (disamarkan)"][0]
    at.selectbox(key="dq_reason").set_value("NIK_EXCEL_SCIENTIFIC").run()
    sample = next(shown(d) for d in at.dataframe if "Isi baris (disamarkan)" in shown(d).columns)
    assert sorted(zip(sample["Berkas"], sample["Lembar"], sample["Baris ke-"])) == [
        ("peserta_bpu_agustus.csv", "", "4"), ("peserta_kupang_2024.xlsx", "Januari", "6")]
    text = " ".join(" ".join(map(str, shown(d).astype(str).values.ravel())) for d in at.dataframe)
    assert "5302010101900001" not in text and "Ani Ladopurab" not in text


def test_filter_by_file(env):
    at = run_page()
    load_id = next(o for o in at.selectbox(key="dq_file").options if o.startswith("klaim_2024_q2.csv"))
    assert load_id == "klaim_2024_q2.csv (#4)"
    at.selectbox(key="dq_file").set_value(4).run()
    assert any(c.value == "2 baris dikarantina dari 1 berkas" for c in at.caption)
    assert dict(zip(table(at, "Alasan")["Kode"], table(at, "Alasan")["Baris"])) == \
        {"CONFLICT_LOADED": "1", "DUPLICATE_LOADED": "1"}
    assert any(s.value == "Tidak ada baris dengan catatan." for s in at.success)


def test_issues(env):
    at = run_page()
    issues = table(at, "Catatan")
    assert dict(zip(issues["Kode"], issues["Baris"])) == {
        "OCCUPATION_FALLBACK": "1", "NIK_OUTSIDE_NTT": "1", "DISTRICT_UNKNOWN": "1"}
    assert "Pekerjaan tidak terpetakan (masuk sektor lainnya)" in issues["Catatan"].tolist()


def test_completeness_missing_and_late(env):
    at = run_page()
    # window Jul 2023 - Jun 2024; recent = Apr-Jun 2024
    assert [w.value for w in at.warning] == [
        "Terlambat, tanpa data dalam 3 bulan terakhir (2 kabupaten/kota): TTS (Mar 2024), Kota Kupang (Feb 2024)."]
    [missing] = [e.value for e in at.error]
    assert missing.startswith("Tidak ada data dalam 12 bulan terakhir (18 kabupaten/kota): Kab. Kupang, TTU,")
    assert "Ende" not in missing and "Sumba Barat" not in missing
    grid = table(at, "Kabupaten/Kota").set_index("Kabupaten/Kota")
    assert len(grid) == 22
    assert list(grid.columns[2:]) == ["Jul 2023", "Agu 2023", "Sep 2023", "Okt 2023", "Nov 2023", "Des 2023",
                                      "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024", "Mei 2024", "Jun 2024"]
    assert grid.loc["Kota Kupang", ["Status", "Jan 2024", "Feb 2024", "Mar 2024"]].tolist() == \
        ["Terlambat", "1", "1", "0"]
    assert grid.loc["Ende", "Status"] == "Lengkap" and grid.loc["Sabu Raijua", "Status"] == "Tidak ada data"
    at.segmented_control(key="dq_metric").set_value("n_claims").run()
    grid = table(at, "Kabupaten/Kota").set_index("Kabupaten/Kota")
    assert grid.loc["TTS", ["Feb 2024", "Mar 2024", "Apr 2024"]].tolist() == ["1", "1", "0"]
    assert grid.loc["Sumba Barat", "Apr 2024"] == "1" and grid.loc["Ende", "Jun 2024"] == "1"
    assert grid.loc["Kota Kupang", "Jan 2024"] == "0"


def test_english(env):
    at = run_page(lang="en")
    assert not at.exception
    assert at.title[0].value == "Data quality"
    assert metric(at, "Data as of") == "June 2024"
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}", metric(at, "Last load"))
    assert re.fullmatch(r"at \d{2}:\d{2}", metric_delta(at, "Last load"))
    by_reason = table(at, "Reason").set_index("Code")
    assert by_reason.loc["NIK_TOO_LONG", "Reason"] == "NIK longer than 16 digits"
    assert by_reason.loc["NIK_TOO_SHORT", "Share"] == "4.5%"


def test_without_a_warehouse(monkeypatch, tmp_path):
    use_private_env(monkeypatch, tmp_path)
    monkeypatch.setattr("ui.bootstrap.ensure_warehouse", lambda lang: None)   # no first-start demo
    at = run_page()
    assert not at.exception
    assert at.warning and at.warning[0].value.startswith("Belum ada data")


def possible_reason_codes() -> set[str]:
    """Every reason code the loader can write: from the validator's SQL for each kind with
    all its columns present (and a NIK typed as a number), the NIK macro, and the loader's
    duplicate checks."""
    codes = set()
    for c in CONTRACTS.values():
        sql = reason_sql(Extracted(c.kind, {f.name: f.name for f in c.fields}, [], nik_number=True))
        codes |= set(re.findall(r"code := '([A-Z_]+)'", sql))
    codes |= set(re.findall(r"then '(NIK_[A-Z_]+)'", (ROOT / "etl" / "sql" / "macros.sql").read_text()))
    codes |= set(re.findall(r"then '(NIK_[A-Z_]+)'", (ROOT / "etl" / "validate.py").read_text()))
    codes |= set(re.findall(r"code := '([A-Z_]+)'", (ROOT / "etl" / "load.py").read_text()))
    return codes


def possible_issue_codes() -> set[str]:
    from etl import targets
    return set(targets.ISSUES) | {"MEMBER_CONFLICT_" + c for c in targets.CONFLICT_FIELDS}


def test_every_reason_and_issue_code_has_a_title_and_sentence_in_both_languages():
    codes = possible_reason_codes()
    assert {"NIK_EXCEL_SCIENTIFIC", "NIK_EXCEL_NUMBER", "REGISTERED_DATE_MISSING", "TRANCHE_INVALID",
            "SUPERSEDED", "CONFLICT_LOADED", "DATE_AFTER_AS_OF", "CONTRIBUTION_ABOVE_CEILING",
            "CLAIM_ABOVE_CEILING"} <= codes and len(codes) >= 40
    issues = possible_issue_codes()
    assert issues == {"NIK_OUTSIDE_NTT", "OCCUPATION_FALLBACK", "DISTRICT_UNKNOWN", "VILLAGE_UNKNOWN",
                      "JKM_AMOUNT_UNUSUAL", "MEMBER_CONFLICT_REGENCY", "MEMBER_CONFLICT_SEGMENT",
                      "MEMBER_CONFLICT_REGISTERED"}
    for code in sorted(codes | issues):
        texts = [f(code, lang) for lang in reasons.LANGS
                 for f in (reasons.title, lambda c, lg: reasons.render(c, {"value": "x", "field": "nik"}, lg))]
        assert all(t and t != code for t in texts), code
        assert texts[0] != texts[2], code          # Indonesian and English differ
    assert set(reasons.all_codes()) >= codes | issues


def test_page_has_no_sql():
    src = Path(PAGE).read_text(encoding="utf-8")
    assert "duckdb" not in src and not re.search(r"\bselect\b.+\bfrom\b", src, re.I)


def test_member_conflicts_counted_on_the_page(monkeypatch, tmp_path):
    use_private_env(monkeypatch, tmp_path)
    head = "NIK;Tgl Kepesertaan;Kab/Kota;Segmen;BLTH Iuran Terakhir"
    load_quiet([write_lines(tmp_path / "peserta_2024-05.csv", [head, "5302010101900501;10/01/2024;TTS;BPU;2024-05"]),
                write_lines(tmp_path / "peserta_2024-06.csv", [head, "5302010101900501;10/01/2024;Ende;PU;2024-06"])])
    at = run_page(lang="en")
    assert not at.exception
    issues = table(at, "Issue").set_index("Code")
    assert issues.loc["MEMBER_CONFLICT_REGENCY", "Rows"] == "1" and issues.loc["MEMBER_CONFLICT_SEGMENT", "Rows"] == "1"
    assert issues.loc["MEMBER_CONFLICT_REGENCY", "Issue"] == "Member's regency differs between files"
