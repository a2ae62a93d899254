"""The demo generator writes raw files that look like real exports and carry the
calibration the dashboard relies on. Expectations are computed from the files
themselves with a strict, independent reader (csv module, openpyxl), never from
the generator's internals."""
from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from etl.contracts import CONTRACTS
from etl.demo import generate
from etl.settings import DATA

MEMBERS, AS_OF = 3000, "2026-10"
SEGMENTS = {"PU": "PU", "PENERIMA UPAH": "PU", "BPU": "BPU", "BUKAN PENERIMA UPAH": "BPU",
            "JAKON": "JAKON", "JASA KONSTRUKSI": "JAKON", "PMI": "PMI", "PEKERJA MIGRAN INDONESIA": "PMI"}
DIRTY_REGENCIES = {"Kabupaten Atlantis", "53.99", "Kupang"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    generate(out, members=MEMBERS, seed=7, as_of=AS_OF, progress=lambda _: None)
    return out


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def read_csv(path: Path, sep: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=sep, strict=True))


def read_xlsx(path: Path) -> list[dict]:
    """Rows under the header: the first row of several cells, all non-empty text."""
    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    hi = next(i for i, r in enumerate(rows) if len(r) > 2 and all(isinstance(c, str) and c for c in r))
    return [dict(zip(rows[hi], r)) for r in rows[hi + 1:] if any(c is not None for c in r)]


def members(demo: Path) -> list[dict[str, str]]:
    return read_csv(demo / f"peserta_{AS_OF}.csv", ";")


def rupiah(v) -> int:
    return v if isinstance(v, int) else int(re.sub(r"^Rp ", "", v).replace(".", ""))


def regency_lookup() -> dict[str, str]:
    """Every spelling in regencies.csv -> Kemendagri code (BPS codes via the table)."""
    with (DATA / "regencies.csv").open(encoding="utf-8") as f:
        reg = list(csv.DictReader(f))
    out = {}
    for r in reg:
        names = [r["name"], r["name"].upper(), r["kemendagri_code"], r["bps_code"], f"Kab. {r['short_name']}",
                 r["label"], *filter(None, r["aliases"].split("|"))]
        out.update({n: r["kemendagri_code"] for n in names})
    return out


def test_same_seed_same_bytes_other_seed_differs(demo, tmp_path):
    again, other = tmp_path / "again", tmp_path / "other"
    generate(again, members=MEMBERS, seed=7, as_of=AS_OF, progress=lambda _: None)
    generate(other, members=MEMBERS, seed=8, as_of=AS_OF, progress=lambda _: None)
    assert digests(again) == digests(demo)
    changed = [n for n, h in digests(other).items() if digests(demo).get(n) != h]
    assert f"peserta_{AS_OF}.csv" in changed and len(changed) >= len(digests(demo)) - 2


def test_files_of_every_kind_with_contract_headers(demo):
    names = {p.name for p in demo.iterdir()}
    assert f"peserta_{AS_OF}.csv" in names and "bsu_2020.csv" in names
    assert "iuran_mandiri_pemberi_kerja.csv" in names and "iuran_apbd_provinsi_2025.csv" in names
    assert {"iuran_dana_desa_2024.xlsx", "iuran_csr_2023.xlsx", "klaim_2026.xlsx"} <= names
    assert {f"klaim_{y}.csv" for y in range(2018, 2026)} <= names
    kinds = {"peserta": "members", "iuran": "contributions", "klaim": "claims", "bsu": "subsidies"}
    for p in demo.iterdir():
        rows = read_xlsx(p) if p.suffix == ".xlsx" else read_csv(p, ";" if p.name.startswith("peserta") else ",")
        expected = set(CONTRACTS[kinds[p.name.split("_")[0]]].demo_headers.values())
        assert expected <= set(rows[0]), p.name


def test_member_file_formats_are_those_of_the_export(demo):
    raw = (demo / f"peserta_{AS_OF}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNIK;")
    rows = [r for r in members(demo) if r["Tgl Kepesertaan"] != "31/02/2021"]
    assert all(re.fullmatch(r"\d\d/\d\d/20\d\d", r["Tgl Kepesertaan"]) for r in rows)
    assert all(re.fullmatch(r"\d\d/20\d\d", r["BLTH Iuran Terakhir"]) for r in rows)
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})+", r["Upah Dilaporkan"]) for r in rows)
    assert max(r["BLTH Iuran Terakhir"][3:] + r["BLTH Iuran Terakhir"][:2] for r in rows) == "202610"
    amounts = [r["Jumlah Iuran"] for r in read_csv(demo / "iuran_mandiri_pemberi_kerja.csv")]
    assert sum(not re.fullmatch(r"\d+", a) for a in amounts) == 1          # the one negative amount


def test_member_niks_are_16_digits_and_unique_apart_from_dirty_rows(demo):
    rows = members(demo)
    distinct = list({tuple(r.values()): r for r in rows}.values())
    assert len(rows) - len(distinct) >= 1                     # exact duplicate lines exist
    niks = [r["NIK"] for r in distinct]
    good = [n for n in niks if re.fullmatch(r"\d{16}", n)]
    bad = [n for n in niks if not re.fullmatch(r"\d{16}", n)]
    assert len(good) == len(set(good))
    assert any(re.fullmatch(r"\d\.\d{5}E\+15", n) for n in bad)   # Excel-mangled
    assert any(re.fullmatch(r"\d{15}", n) for n in bad)
    assert len(bad) <= 0.01 * len(rows)
    assert 1 <= sum(n.startswith("5171") for n in good) <= 0.005 * len(rows)
    ntt = {c.replace(".", "") for c in regency_lookup().values()}
    assert all(n[:4] in ntt for n in good if not n.startswith("5171"))


def test_segment_shares(demo):
    seg = Counter(SEGMENTS.get(r["Segmen"].upper(), "?") for r in members(demo))
    n = sum(seg.values())
    for code, share, tol in [("PU", 0.45, 0.03), ("BPU", 0.48, 0.03), ("JAKON", 0.05, 0.015), ("PMI", 0.02, 0.01)]:
        assert abs(seg[code] / n - share) <= tol, (code, seg[code] / n)
    assert 0 < seg["?"] <= 0.01 * n                         # the dirty 'XYZ' rows


def test_many_bpu_members_have_lapsed(demo):
    bpu = [r for r in members(demo) if SEGMENTS.get(r["Segmen"].upper()) == "BPU"]
    active = sum(r["BLTH Iuran Terakhir"] == "10/2026" for r in bpu)
    assert 0.25 < active / len(bpu) < 0.70


def test_every_regency_appears_and_codes_map_by_the_table(demo):
    lookup = regency_lookup()
    rows = members(demo)
    unknown = {r["Kab/Kota"] for r in rows if r["Kab/Kota"] not in lookup}
    assert unknown <= DIRTY_REGENCIES and unknown
    seen = {lookup[r["Kab/Kota"]] for r in rows if r["Kab/Kota"] in lookup}
    assert seen == set(lookup.values())
    bps = [r for r in rows if re.fullmatch(r"\d{4}", r["Kab/Kota"]) and re.fullmatch(r"53\d{14}", r["NIK"])]
    assert bps and all(lookup[r["Kab/Kota"]].replace(".", "") == r["NIK"][:4] for r in bps)


def test_villages_belong_to_the_members_regency(demo):
    coded = [r for r in members(demo) if re.fullmatch(r"53\.\d\d\.\d\d\.\d{4}", r["Desa/Kelurahan"])
             and re.fullmatch(r"53\d{14}", r["NIK"])]
    assert coded and all(r["Desa/Kelurahan"][:5].replace(".", "") == r["NIK"][:4] for r in coded)


def test_budget_contributions_cost_the_minimum_package(demo):
    rows = read_csv(demo / "iuran_apbd_provinsi_2025.csv")
    clean = [r for r in rows if re.fullmatch(r"\d{16}", r["NIK"])]
    months = [int(r["Periode Akhir"][5:]) - 8 for r in clean]  # shorter only when the worker died
    assert all(r["Periode Awal"] == "2025-09" and r["Periode Akhir"][:5] == "2025-" for r in clean)
    assert sum(m == 4 for m in months) >= 0.98 * len(clean)   # Sep-Dec 2025
    assert all(int(r["Jumlah Iuran"]) == m * 16_800 for r, m in zip(clean, months))


def test_budget_spreadsheet_has_title_rows_and_blank_tail(demo):
    rows = list(load_workbook(demo / "iuran_dana_desa_2024.xlsx", read_only=True).active.iter_rows(values_only=True))
    assert rows[0][0].startswith("DAFTAR PEKERJA RENTAN") and "2024" in rows[1][0]
    assert rows[3][0] == "NIK" and all(not any(r) for r in rows[-3:])
    assert read_xlsx(demo / "iuran_dana_desa_2024.xlsx")[0]["Jumlah Iuran"] == "Rp 201.600"


def claims(demo: Path) -> list[dict]:
    out = []
    for p in sorted(demo.glob("klaim_*")):
        out += read_xlsx(p) if p.suffix == ".xlsx" else read_csv(p)
    return out


def test_claims_mostly_jht_money_with_ids_duplicated_only_on_purpose(demo):
    rows = claims(demo)
    money = Counter()
    for r in rows:
        money[r["Program"]] += max(rupiah(r["Nominal"]), 0)
    assert set(money) == {"JHT", "JKM", "JKK", "JP"}
    assert 0.80 <= money["JHT"] / sum(money.values()) <= 0.95
    ids = Counter(r["No. Klaim"] for r in rows)
    assert sum(n > 1 for n in ids.values()) == len(list(demo.glob("klaim_*")))
    assert all(r["Segmen"] == "PU" for r in rows if r["Program"] == "JP")


def test_bsu_two_tranches_in_late_2020(demo):
    rows = read_csv(demo / "bsu_2020.csv")
    assert {r["Tahap"] for r in rows} == {"1", "2"} and {r["Nominal"] for r in rows} == {"1.200.000"}
    months = {r["Tgl Salur"][3:] for r in rows if r["Tgl Salur"] != "31/09/2020"}
    assert months <= {"08/2020", "09/2020", "10/2020", "11/2020"}
