"""The project's load of a member list and its contributions against two peers
that compute the same figure without the project, and against the read floor.

    .venv/bin/python bench/bench_scale.py                        # 3,000,000 members
    .venv/bin/python bench/bench_scale.py --members 200000
    .venv/bin/python bench/bench_scale.py --members 200000 --work /tmp/my-raw-files

Generates the demo's raw files once (etl.demo.generate, kept in --work, default
/tmp/bench-scale-N, reused when there), takes the member list and the
contribution CSVs (the two small contribution spreadsheets are left out, by
everyone), and runs each of these as its own subprocess under /usr/bin/time -v
(wall seconds, peak RSS of that process alone):

  project  `python -m etl load MEMBERS CONTRIBUTIONS...` into a fresh warehouse
           (SEJUTA_WAREHOUSE, SEJUTA_KEY_FILE in a new temp dir): extract,
           validate, pseudonymise, dedupe, quarantine, marts, publish
  pandas   bench/peer_pandas.py: the count a data analyst would write in pandas
  duckdb   bench/peer_duckdb.py: the same count as one plain DuckDB query
  read     bare DuckDB read_csv of the same files into two tables (the floor)

MATCH: the peers' active members per regency at the as-of month, counted for
the goal segments (setting goal_segments, default BPU), against n_active of
mart_regency_progress in the warehouse the project built (the mart counts the
goal segments only). Prints the figures and the ratios the issue sets an aim
for; asserts nothing.
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PY = sys.executable


def raw_files(work: Path, members: int) -> tuple[Path, list[Path], str]:
    """(member list, contribution CSVs, as-of month): generated once, then reused."""
    from etl.demo.recipe import AS_OF
    manifest = work / "files.txt"
    if not manifest.exists():
        from etl.demo import generate
        t0 = time.perf_counter()
        files = generate(work / "raw", members=members, progress=lambda *_: None)
        manifest.write_text("".join(f"{f.name}\n" for f in files))
        print(f"generated {len(files)} raw files in {work / 'raw'} ({time.perf_counter() - t0:.1f} s)")
    else:
        print(f"reusing the raw files in {work / 'raw'}")
    names = manifest.read_text().split()
    member_list = work / "raw" / next(n for n in names if n.startswith("peserta"))
    contributions = [work / "raw" / n for n in names if n.startswith("iuran") and n.endswith(".csv")]
    return member_list, contributions, AS_OF


def timed(label: str, cmd: list, env: dict | None = None) -> dict:
    """Run cmd under /usr/bin/time -v: wall seconds, peak RSS (MiB), stdout."""
    with tempfile.NamedTemporaryFile(suffix=".time") as t:
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-v", "-o", t.name, *map(str, cmd)], capture_output=True, text=True,
                           env=env, cwd=ROOT)
        wall = time.perf_counter() - t0
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", Path(t.name).read_text())
    if p.returncode:
        print(f"{label} failed ({p.returncode}):\n{p.stderr[-2000:]}", file=sys.stderr)
    return {"label": label, "wall": wall, "rss": int(rss.group(1)) / 1024 if rss else float("nan"),
            "out": p.stdout, "ok": p.returncode == 0}


def read_floor(db: str, members: str, contributions: list[str]) -> None:
    """(subprocess) The bare reads: each file kind into a table, types sniffed."""
    import duckdb
    con = duckdb.connect(db)
    con.execute("create table members as select * from read_csv($p, delim=';', header=true)", {"p": members})
    con.execute("create table contributions as select * from read_csv($p, header=true, union_by_name=true)",
                {"p": contributions})
    con.close()


def peer_counts(out: str) -> dict[str, int]:
    return {r["regency_code"]: int(r["active"]) for r in csv.DictReader(io.StringIO(out))}


def mart_counts(warehouse: Path) -> dict[str, int]:
    import duckdb
    con = duckdb.connect(str(warehouse), read_only=True)
    rows = con.execute("select regency_code, n_active from mart_regency_progress").fetchall()
    con.close()
    return dict(rows)


def match(name: str, peer: dict[str, int], mart: dict[str, int]) -> str:
    codes = sorted(set(peer) | set(mart))
    off = [(c, peer.get(c, 0), mart.get(c, 0)) for c in codes if peer.get(c, 0) != mart.get(c, 0)]
    total = f"{sum(peer.values()):,} vs mart {sum(mart.values()):,}"
    if not off:
        return f"MATCH {name:<7}: yes, {len(codes)} regencies equal ({total})"
    shown = ", ".join(f"{c}: {p} vs {m}" for c, p, m in off[:5])
    return f"MATCH {name:<7}: NO, {len(off)} of {len(codes)} regencies differ ({total}); {shown}"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--members", type=int, default=3_000_000)
    p.add_argument("--work", help="folder for the raw files (default /tmp/bench-scale-N), reused when present")
    p.add_argument("--read-floor", nargs="+", help=argparse.SUPPRESS)   # DB MEMBERS CONTRIB...: the subprocess
    a = p.parse_args()
    if a.read_floor:
        return read_floor(a.read_floor[0], a.read_floor[1], a.read_floor[2:])
    from etl import settings
    work = Path(a.work or f"/tmp/bench-scale-{a.members}")
    members, contributions, as_of = raw_files(work, a.members)
    size = (members.stat().st_size + sum(c.stat().st_size for c in contributions)) / 2**20
    print(f"inputs: {members.name} + {len(contributions)} contribution CSVs, {size:,.0f} MiB; as of {as_of}")
    segments = ",".join(settings.goal_segments())
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    env = {**os.environ, "SEJUTA_WAREHOUSE": str(tmp / "w.duckdb"), "SEJUTA_KEY_FILE": str(tmp / "key")}
    files = [members, *contributions]
    peer_args = [*files, "--as-of", as_of, "--segments", segments]
    runs = [timed("read", [PY, __file__, "--read-floor", tmp / "bare.duckdb", *files]),
            timed("project", [PY, "-m", "etl", "load", *files], env),
            timed("pandas", [PY, ROOT / "bench" / "peer_pandas.py", *peer_args]),
            timed("duckdb", [PY, ROOT / "bench" / "peer_duckdb.py", *peer_args])]
    r = {x["label"]: x for x in runs}
    what = {"read": "bare DuckDB read_csv into tables", "project": "project load + marts + publish",
            "pandas": "peer: plain pandas", "duckdb": "peer: plain DuckDB SQL"}
    for x in runs:
        print(f"{what[x['label']]:<34}: {x['wall']:7.2f} s  peak RSS {x['rss']:7,.0f} MiB"
              + ("" if x["ok"] else "  (FAILED)"))
    print(f"ratio project / duckdb peer        : {r['project']['wall'] / r['duckdb']['wall']:6.2f}  (aim <= 2)")
    print(f"ratio pandas peer / project        : {r['pandas']['wall'] / r['project']['wall']:6.2f}  (aim >= 3)")
    print(f"ratio project / read floor         : {r['project']['wall'] / r['read']['wall']:6.2f}")
    if r["project"]["ok"]:
        mart = mart_counts(tmp / "w.duckdb")
        print(f"compared: active members at {as_of} per regency, segments {segments} "
              "(peers --segments) vs mart_regency_progress.n_active")
        for name in ("pandas", "duckdb"):
            if r[name]["ok"]:
                print(match(name, peer_counts(r[name]["out"]), mart))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
