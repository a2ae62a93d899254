"""member_key: the first 128 bits of HMAC-SHA256(key, NIK) as a UHUGEINT (etl/pseudo.py), and
warehouses that kept it as 32 hex characters converted in place by the next build
(etl/warehouse.py keys_as_numbers), so every member keeps its key."""
from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import duckdb
import pytest

from etl.warehouse import LoadError
from tests.helpers import load_quiet, query, use_private_env

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
NIK = "5302011203850001"      # first row of data/examples/members.csv and contributions.csv


@pytest.fixture
def wh(monkeypatch, tmp_path):
    return use_private_env(monkeypatch, tmp_path)


def key_columns(wh: Path) -> dict[str, str]:
    """table -> type of its member_key column, over every table of the warehouse."""
    return dict(query(wh, "select c.table_name, c.data_type from duckdb_columns() c join duckdb_tables() t "
                          "using (database_name, schema_name, table_name) where c.column_name = 'member_key'"))


def as_text(wh: Path, value=None) -> None:
    """The warehouse as it was before 7 December 2026: every member_key as 32 hex characters
    (or `value` in the members table, to damage it)."""
    con = duckdb.connect(str(wh))
    try:
        for (name,) in con.execute("select table_name from duckdb_tables() t join duckdb_columns() c "
                                   "using (database_name, schema_name, table_name) "
                                   "where c.column_name = 'member_key'").fetchall():
            con.execute(f'alter table "{name}" alter member_key set data type varchar '
                        "using lpad(lower(hex(member_key)), 32, '0')")
        if value is not None:
            con.execute("update members set member_key = $v where row_number = 2", {"v": value})
    finally:
        con.close()


def test_the_key_is_the_hmac_first_16_bytes_as_one_number(wh, tmp_path):
    load_quiet([EXAMPLES / "members.csv"])
    key = (tmp_path / "nik.key").read_bytes()
    expected = int.from_bytes(hmac.new(key, NIK.encode(), hashlib.sha256).digest()[:16], "big")
    assert query(wh, "select member_key from members where row_number = 2") == [(expected,)]
    assert set(key_columns(wh).values()) == {"UHUGEINT"}
    assert {"members", "int_member_spells", "int_member_status", "hist_prev_status"} <= set(key_columns(wh))


def test_a_warehouse_of_text_keys_is_converted_and_members_keep_their_keys(wh):
    load_quiet([EXAMPLES / "members.csv", EXAMPLES / "contributions.csv"])
    members = query(wh, "select member_key, row_number from members order by 2")
    joined = "select count(*) from contributions c semi join members m using (member_key)"
    assert query(wh, joined)[0][0] >= 3
    n_joined = query(wh, joined)
    progress = query(wh, "select regency_code, n_active, n_registered from mart_regency_progress order by 1")
    as_text(wh)
    assert set(key_columns(wh).values()) == {"VARCHAR"}
    # the same rows again (a blank line added: another file): found in the warehouse only if the
    # keys still meet
    again = wh.parent / "iuran_lagi.csv"
    again.write_bytes((EXAMPLES / "contributions.csv").read_bytes() + b"\n")
    [r] = load_quiet([again])
    assert r.rows_loaded == 0 and r.by_reason == {"DUPLICATE_LOADED": r.rows_read} and r.rows_read > 3
    assert set(key_columns(wh).values()) == {"UHUGEINT"}
    assert query(wh, "select member_key, row_number from members order by 2") == members
    assert query(wh, "select regency_code, n_active, n_registered from mart_regency_progress order by 1") == progress
    assert query(wh, joined) == n_joined


def test_a_text_key_that_is_not_a_pseudonym_stops_the_build(wh):
    load_quiet([EXAMPLES / "members.csv"])
    as_text(wh, value="5302011203850001")         # a NIK where a pseudonym should be
    before = query(wh, "select count(*), count(distinct member_key) from members")
    with pytest.raises(LoadError, match=r"^Table members of this warehouse holds 1 member keys that are not "
                                        r"pseudonyms .* rebuild the warehouse from the raw files\.$") as e:
        load_quiet([EXAMPLES / "contributions.csv"])
    assert NIK not in str(e.value)
    assert set(key_columns(wh).values()) == {"VARCHAR"}     # nothing published
    assert query(wh, "select count(*), count(distinct member_key) from members") == before
