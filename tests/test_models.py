"""The model graph (etl/models.py) and the contracts (etl/model_contract.py): build order comes
from the names the SQL files use, so a rename needs no other change; a cycle or a missing model
names its files; every mart declares its grain, and a duplicated row fails the load naming it."""
from __future__ import annotations

import re
import shutil

import duckdb
import pytest

from etl import marts, model_contract, models
from etl.__main__ import main
from etl.warehouse import SQL, LoadError
from tests.helpers import FIXTURES, load_quiet, query, use_private_env

MINI = FIXTURES / "mini"


def test_every_model_comes_after_what_it_reads():
    g = models.discover()
    seen = set()
    for m in g.order():
        assert g.deps[m.name] & set(g.models) <= seen, m.name
        seen.add(m.name)
    assert seen == set(g.models)


def test_every_mart_declares_its_grain_and_columns():
    for m in models.discover().models.values():
        if m.layer == "marts":
            c = model_contract.parse(m)
            assert c is not None and c.columns and (c.key or c.grain.startswith("one row")), m.name


def copy_sql(tmp_path):
    root = tmp_path / "sql"
    shutil.copytree(SQL, root)
    return root


def rename_everywhere(root, old: str, new: str) -> None:
    """What a person renaming a model does: the file, and the name wherever it is used."""
    (root / "marts" / f"{old}.sql").rename(root / "marts" / f"{new}.sql")
    for path in root.rglob("*.sql"):
        text = path.read_text()
        path.write_text(re.sub(rf"\b{old}\b", new, text))


@pytest.fixture
def mini(monkeypatch, tmp_path):
    wh = use_private_env(monkeypatch, tmp_path, target_overrides=MINI / "targets.csv")
    load_quiet([MINI / "peserta.csv", MINI / "iuran.csv"], as_of="2024-06")
    return wh


def test_a_renamed_mart_builds_in_the_right_order(mini, tmp_path):
    """mart_regency_goal_monthly feeds mart_pace and mart_tier_progress reads a sibling: renamed
    to a name that sorts after them, the build order still follows the references."""
    root = copy_sql(tmp_path)
    rename_everywhere(root, "mart_regency_goal_monthly", "mart_zz_goal_by_regency")
    order = [m.name for m in models.discover(root).order()]
    assert order.index("mart_zz_goal_by_regency") < order.index("mart_pace")
    con = duckdb.connect(str(mini))
    try:
        for name in ("mart_regency_goal_monthly", "mart_pace"):
            con.execute(f"drop table if exists {name}")
        built = marts.build(con, progress=lambda *_: None, root=root)
        assert "mart_zz_goal_by_regency" in built
        assert con.execute("select n_active from mart_pace where area_code = '53.02' and window_months = 3"
                           ).fetchone() == (2,)
    finally:
        con.close()


def test_a_cycle_names_both_files(tmp_path):
    root = copy_sql(tmp_path)
    path = root / "intermediate" / "int_calendar.sql"
    path.write_text(path.read_text() + "\n-- reads its consumer\nunion all select month from int_goal_monthly where false\n")
    with pytest.raises(models.ModelError, match=r"int_calendar\.sql.*int_goal_monthly\.sql|int_goal_monthly\.sql.*int_calendar\.sql"):
        models.discover(root).order()


def test_a_missing_model_names_the_file_that_reads_it(tmp_path):
    root = copy_sql(tmp_path)
    (root / "marts" / "mart_status.sql").write_text("select * from int_no_such_model\n")
    with pytest.raises(models.ModelError, match=r"mart_status\.sql references 'int_no_such_model'"):
        models.discover(root)


def test_a_duplicated_row_fails_the_load_with_the_marts_name(monkeypatch, tmp_path):
    tiers = tmp_path / "tiers.csv"
    text = (SQL.parents[1] / "data" / "tiers.csv").read_text().splitlines()
    tiers.write_text("\n".join(text + [text[2]]) + "\n")         # tier 1 twice
    use_private_env(monkeypatch, tmp_path, target_overrides=MINI / "targets.csv", tiers_file=tiers)
    with pytest.raises(LoadError, match=r"mart_tiers: its grain \(tier\) is not unique"):
        load_quiet([MINI / "peserta.csv"], as_of="2024-06")


def test_undeclared_columns_fail_the_contract():
    con = duckdb.connect()
    con.execute("create table mart_x as select 1 as a, 2 as b")
    m = models.Model(SQL / "marts" / "mart_x.sql", "marts", "-- key: a\n-- columns:\n--   a  the key\nselect 1\n")
    assert model_contract.problems(con, m) == [
        "mart_x: columns differ from its contract (declared but absent: none; present but undeclared: ['b'])."]


def test_rebuild_select_rebuilds_a_model_and_what_follows(mini, monkeypatch, capsys):
    before = query(mini, "select count(*) from mart_tier_thresholds")
    assert main(["rebuild", "--select", "mart_tier_progress+"]) == 0
    out = capsys.readouterr().out
    hist = frozenset({"hist_prev_status", "hist_prev_regency", "hist_prev_meta", "hist_build", "hist_change", "hist_added"})
    g = models.discover(sources=hist)
    asked = {m.name for m in g.select("mart_tier_progress+")}
    assert asked == {"mart_tier_progress", "mart_tier_thresholds"} | g.downstream({"mart_tier_progress"})
    readers = {m for m in g.downstream(hist) if m in g.models}     # the history changes at every build
    assert {"int_change_regency", "mart_changes"} <= readers
    assert f"\n{len(asked | readers)} model(s) rebuilt" in out and "model mart_tier_thresholds" in out
    assert "model int_change_regency" in out
    assert query(mini, "select count(*) from mart_tier_thresholds") == before
    assert main(["rebuild", "--select", "no_such_model"]) == 2
    assert "no model, rule or source table is called 'no_such_model'" in capsys.readouterr().err


def test_rebuild_rebuilds_only_what_changed(mini, monkeypatch, tmp_path, capsys):
    """Issue 16: `rebuild` without --select rebuilds the models that read a changed setting
    or reference table (or whose SQL changed), and nothing at all when nothing changed."""
    before = (mini.stat().st_mtime_ns, mini.read_bytes())
    assert main(["rebuild"]) == 0
    assert "tidak ada yang dibangun ulang" in capsys.readouterr().out
    assert (mini.stat().st_mtime_ns, mini.read_bytes()) == before
    tiers = tmp_path / "tiers.csv"
    text = (SQL.parents[1] / "data" / "tiers.csv").read_text()
    tiers.write_text(text.replace("Perintis", "Perintis Baru"))
    monkeypatch.setenv("SEJUTA_TIERS_FILE", str(tiers))
    assert main(["rebuild"]) == 0
    out = capsys.readouterr().out
    built = set(re.findall(r"model (\w+) \(", out))
    hist = re.findall(r"create table if not exists (hist_\w+)", (SQL / "history.sql").read_text())
    g = models.discover(sources=frozenset({"cfg_tiers", *hist}))
    readers = {m.name for h in hist for m in g.select(h + "+")}   # the history changes at every build
    assert "int_change_regency" in readers
    expected = {m.name for m in g.select("cfg_tiers+")} | readers
    assert built == expected and "stg_members" not in built
    assert query(mini, "select count(*) from mart_tiers where label_id = 'Perintis Baru'") == [(1,)]
    assert main(["rebuild"]) == 0 and "tidak ada yang dibangun ulang" in capsys.readouterr().out
    assert main(["rebuild", "--select", "mart_tiers"]) == 0        # --select still rebuilds on demand
    assert f"{len({'mart_tiers'} | readers)} model(s) rebuilt" in capsys.readouterr().out


def test_select_a_source_rebuilds_its_readers():
    g = models.discover(sources=frozenset({"cfg_tiers"}))
    chosen = {m.name for m in g.select("cfg_tiers+")}
    assert {"rule_tier", "mart_tiers", "mart_tier_progress", "mart_area_progress"} <= chosen
    assert "stg_members" not in chosen
