"""Headers as people write them (etl/headers.py): recognised by their words, an
ambiguous header reported and never guessed, and a missing field explained with
the file's unrecognised headers, the closest field and the --map to use."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.contracts import CONTRACTS, norm_header
from etl.headers import candidates, recognise

ROOT = Path(__file__).resolve().parents[1]
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ALIAS_WORDS = {w for c in CONTRACTS.values() for f in c.fields for a in (f.name, *f.aliases)
               for w in norm_header(a.replace("_", " ")).split()}
FILLER = ["terbaru", "data", "bpjs", "ketenagakerjaan", "kolom", "isian", "utama", "resmi"]
assert not set(FILLER) & ALIAS_WORDS


@pytest.mark.parametrize("header, field", [
    ("SEGMEN PESERTA", "segment"),
    ("Segmen Kepesertaan Peserta", "segment"),
    ("Jenis Segmen", "segment"),
    ("TANGGAL KEPESERTAAN PESERTA", "registered_date"),
    ("Nama Kabupaten Domisili", "regency"),         # 'nama kabupaten' (2 words) beats 'nama' (a name)
    ("Nama Ibu Kandung", "name"),                   # personal: recognised so that it is dropped
    ("Blth Iuran Terakhir Peserta", "last_paid_month"),
    ("NIK (16 digit)", "nik"),
])
def test_a_header_is_recognised_by_its_words(header, field):
    r = recognise(["Nomor Urut", header], "members")
    assert r.cols.get(field) == 1 and "Nomor Urut" in r.ignored


@pytest.mark.parametrize("header, fields", [
    ("Kode Wilayah Kecamatan", ("district", "regency")),
    ("Kategori Pekerjaan", ("occupation", "segment")),
])
def test_a_header_that_could_be_two_fields_is_reported_not_guessed(header, fields):
    r = recognise(["NIK", header], "members")
    assert r.ambiguous == [(header, fields)]
    assert not set(fields) & set(r.cols)


def test_two_headers_that_fit_one_field_by_words_are_reported():
    r = recognise(["NIK", "Segmen Peserta", "Jenis Segmen"], "members")
    assert "segment" not in r.cols and r.ambiguous == [("Segmen Peserta / Jenis Segmen", ("segment",))]
    r = recognise(["NIK", "Segmen", "Jenis Segmen"], "members")      # a whole spelling wins over words
    assert r.cols["segment"] == 1 and r.ignored == ["Jenis Segmen"]


def test_missing_field_names_unrecognised_headers_closest_field_and_the_map(tmp_path):
    f = tmp_path / "peserta.csv"
    f.write_text("NIK;Tgl Kepesertaan;Kab/Kota;Kelompok Peserta;Keterangan\n5302010101900001;2024-01-01;TTS;BPU;-\n")
    p = subprocess.run([sys.executable, "-m", "etl", "load", str(f), "--kind", "members"], cwd=ROOT,
                       capture_output=True, text=True,
                       env={"SEJUTA_WAREHOUSE": str(tmp_path / "w.duckdb"), "SEJUTA_KEY_FILE": str(tmp_path / "k"),
                            "PATH": "/usr/bin:/bin"})
    assert p.returncode == 2
    assert "Unrecognised headers: 'Kelompok Peserta', 'Keterangan'." in p.stderr
    assert "Closest to segment: 'Kelompok Peserta'" in p.stderr
    assert '--map "Kelompok Peserta=segment"' in p.stderr and "5302010101900001" not in p.stderr


# ---------------------------------------------------------------- properties

def spelled(alias: str, rnd: random.Random) -> str:
    """An alias as an office might write it: any case, other separators, filler words around."""
    words = norm_header(alias.replace("_", " ")).split()
    words = [w.upper() if rnd.random() < 0.3 else w.title() if rnd.random() < 0.5 else w for w in words]
    for _ in range(rnd.randint(0, 2)):
        words.insert(rnd.randint(0, len(words)), rnd.choice(FILLER))
    return rnd.choice([" ", "_", ". ", "/", " - "]).join(words)


@FAST
@given(kind=st.sampled_from(sorted(CONTRACTS)), data=st.data(), seed=st.integers(0, 10**6))
def test_any_spelling_of_an_alias_finds_its_field_or_is_reported(kind, data, seed):
    f = data.draw(st.sampled_from(CONTRACTS[kind].fields))
    alias = data.draw(st.sampled_from((f.name, *f.aliases)))
    header = spelled(alias, random.Random(seed))
    rank, fields = candidates(header, kind, {})
    assert f.name in fields                                # never another field alone
    r = recognise(["Nomor Urut", header], kind)
    if len(fields) == 1:
        assert r.cols == {f.name: 1}
    else:
        assert r.ambiguous == [(header.strip(), fields)] and r.cols == {}


@FAST
@given(words=st.lists(st.sampled_from(FILLER), min_size=1, max_size=4),
       junk=st.text(alphabet=st.characters(blacklist_categories=("L", "N")), max_size=5))
def test_words_of_no_alias_are_never_a_field(words, junk):
    header = junk + " ".join(words)
    for kind in CONTRACTS:
        assert candidates(header, kind, {}) == (0, ())


@FAST
@given(kind=st.sampled_from(sorted(CONTRACTS)), seed=st.integers(0, 10**6))
def test_the_order_of_headers_does_not_matter(kind, seed):
    headers = list(CONTRACTS[kind].demo_headers.values())
    shuffled = headers[:]
    random.Random(seed).shuffle(shuffled)
    a, b = recognise(headers, kind), recognise(shuffled, kind)
    assert {f: headers[p] for f, p in a.cols.items()} == {f: shuffled[p] for f, p in b.cols.items()}
    assert set(a.cols) >= set(CONTRACTS[kind].required)


@FAST
@given(header=st.text(max_size=60), mapped=st.sampled_from(["registered_date", "segment", "regency"]))
def test_a_mapped_header_always_wins(header, mapped):
    if not norm_header(header):
        return
    r = recognise(["NIK", header], "members", {norm_header(header): mapped})
    assert r.cols.get(mapped) == 1 or norm_header(header) == "nik"
