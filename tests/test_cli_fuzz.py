"""Every file a user can produce either loads (exit 0) or gets one sentence and
exit 2, with the published warehouse byte-identical: never an 'unexpected'
exit 1. Random bytes, random text in random encodings, random header rows and
cells, fed to the CLI's entry function etl.__main__.main."""
from __future__ import annotations

import contextlib
import hashlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.__main__ import main
from tests.helpers import load_quiet, use_private_env

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
HEADERS = ["NIK", "No KTP", "Nama", "Tgl Kepesertaan", "Kab/Kota", "Segmen", "Pekerjaan", "BLTH Iuran Terakhir",
           "Periode Awal", "Jumlah Iuran", "No. Klaim", "Program", "Tgl Bayar", "Nominal", "Tahap", "Tgl Salur"]
CELLS = ["5302010101900001", "5.30201E+15", "５３０２０１０１０１９０００２", "14/08/2020", "2024-06", "TTS",
         "Kupang", "BPU", "JHT", "Rp 1.000.000", "-5", "99999999999999999999", "", " ", '"', "\x00", "\u200b",
         "1", "II", "31/02/2020", "Agustus 2020"]

text_files = st.builds(
    lambda head, rows, sep, enc, nl: (nl.join(sep.join(r) for r in [head, *rows]) + nl).encode(enc, "replace"),
    st.lists(st.one_of(st.sampled_from(HEADERS), st.text(max_size=12)), min_size=1, max_size=8),
    st.lists(st.lists(st.one_of(st.sampled_from(CELLS), st.text(max_size=10)), max_size=9), max_size=6),
    st.sampled_from([";", ",", "\t", "|"]), st.sampled_from(ENCODINGS), st.sampled_from(["\n", "\r\n", "\r"]))
contents = st.one_of(st.binary(max_size=300), text_files,
                     st.builds(lambda t, e: t.encode(e, "replace"), st.text(max_size=200), st.sampled_from(ENCODINGS)))


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz")
    with pytest.MonkeyPatch.context() as mp:
        wh = use_private_env(mp, tmp)
        load_quiet([EXAMPLES / "members.csv"])
        yield tmp, wh


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(content=contents, suffix=st.sampled_from([".csv", ".txt", ".tsv", ".xlsx", ".parquet"]),
       kind=st.sampled_from([[], ["--kind", "members"], ["--kind", "claims"]]))
def test_any_file_loads_or_exits_2_leaving_the_warehouse_as_it_was(published, content, suffix, kind):
    tmp, wh = published
    f = tmp / f"masukan{suffix}"
    f.write_bytes(content)
    before = digest(wh)
    with pytest.MonkeyPatch.context() as mp:
        use_private_env(mp, tmp)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = main(["load", str(f), "--no-wait", *kind])
    assert rc in (0, 2), err.getvalue()
    if rc == 2:
        assert digest(wh) == before
        assert err.getvalue().startswith("error: ") and "Traceback" not in err.getvalue()
    assert [p.name for p in tmp.glob(".warehouse.duckdb.build-*")] == []
