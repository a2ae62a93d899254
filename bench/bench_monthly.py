"""A month-by-month contribution export (one row per member-month) against the same
contributions as spells.

    .venv/bin/python bench/bench_monthly.py                      # 1,000,000 members (~38M rows)
    .venv/bin/python bench/bench_monthly.py --members 100000

Generates the demo's raw files once (kept in --work, default /tmp/bench-monthly-N), and
writes its contribution CSVs once more as one row per member-month (each spell's months,
its Rupiah shared by month: the remainder on the first months, so the total is the
same). Then loads, each in its own subprocess under /usr/bin/time -v into a fresh
warehouse: (a) the member list + the contribution CSVs as spells, (b) the member list +
the month-by-month file. Prints wall seconds, peak RSS, the most the build's spill folder
held (polled), the warehouse sizes, and checks that both give the same active members
per regency and the same Rupiah collected. Aims (issue 16): (b) <= 2 min, peak <= 4 GiB,
no spill, warehouse within 2x of (a). Prints figures only; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import PY, mart_counts, match, raw_files, timed  # noqa: E402

MONTHLY_SQL = """
copy (
    with s as (
        select *, row_number() over () as spell,
               try_strptime("Periode Awal", '%Y-%m') as a, try_strptime("Periode Akhir", '%Y-%m') as b,
               try_cast("Jumlah Iuran" as bigint) as rp,
               date_diff('month', a, b) + 1 as n,
               coalesce(n between 1 and 600 and rp >= 0, false) as ok
        from read_csv($files, header = true, all_varchar = true, union_by_name = true)
    ),
    m as (select *, unnest(range(case when ok then n else 1 end)) as i from s)
    select NIK, Nama,
           case when ok then strftime(a + to_months(i::integer), '%Y-%m') else "Periode Awal" end as "Periode Awal",
           case when ok then strftime(a + to_months(i::integer), '%Y-%m') else "Periode Akhir" end as "Periode Akhir",
           case when ok then (rp // n + case when i < rp % n then 1 else 0 end)::varchar else "Jumlah Iuran" end
               as "Jumlah Iuran",
           "Sumber Iuran", "Kab/Kota", Program
    from m order by spell, i
) to '{out}' (header, delimiter ',')
"""


def monthly_file(work: Path, contributions: list[Path]) -> Path:
    out = work / "iuran_bulanan.csv"
    if not out.exists():
        import duckdb
        t0 = time.perf_counter()
        part = out.with_suffix(".part")
        duckdb.connect().execute(MONTHLY_SQL.format(out=part), {"files": [str(c) for c in contributions]})
        part.rename(out)
        print(f"wrote {out.name} ({time.perf_counter() - t0:.1f} s)")
    return out


def lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b"")) - 1


class SpillWatch:
    """The most bytes the build's spill folders (*.tmp beside the warehouse) held, polled."""

    def __init__(self, folder: Path):
        self.folder, self.peak, self.stop = folder, 0, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        while not self.stop.wait(0.25):
            size = 0
            for d in self.folder.glob("*.tmp"):
                for f in d.rglob("*"):
                    try:
                        size += f.stat().st_size
                    except OSError:
                        pass
            self.peak = max(self.peak, size)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def load(label: str, files: list[Path]) -> tuple[dict, Path, int]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-monthly-"))
    env = {**os.environ, "SEJUTA_WAREHOUSE": str(tmp / "w.duckdb"), "SEJUTA_KEY_FILE": str(tmp / "key")}
    with SpillWatch(tmp) as spill:
        r = timed(label, [PY, "-m", "etl", "load", *files], env)
    return r, tmp, spill.peak


def money(warehouse: Path) -> int:
    import duckdb
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select sum(amount_rp) from contributions").fetchone()[0]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--members", type=int, default=1_000_000)
    p.add_argument("--work", help="folder for the raw files (default /tmp/bench-monthly-N), reused when present")
    a = p.parse_args()
    work = Path(a.work or f"/tmp/bench-monthly-{a.members}")
    members, contributions, as_of = raw_files(work, a.members)
    monthly = monthly_file(work, contributions)
    n_spells = sum(lines(c) for c in contributions)
    n_months = lines(monthly)
    print(f"inputs: {members.name}; contributions as {n_spells:,} spell rows ({len(contributions)} CSVs) "
          f"or {n_months:,} month rows ({monthly.stat().st_size / 2**20:,.0f} MiB); as of {as_of}")
    results = {}
    for label, files in (("spells", [members, *contributions]), ("monthly", [members, monthly])):
        r, tmp, spill = load(label, files)
        wh = tmp / "w.duckdb"
        size = wh.stat().st_size if wh.exists() else 0
        results[label] = (r, tmp, spill, size)
        print(f"load of member list + {label:<8}: {r['wall']:7.1f} s  peak RSS {r['rss'] / 1024:5.2f} GiB  "
              f"spill peak {spill / 2**20:,.0f} MiB  warehouse {size / 2**20:,.0f} MiB"
              + ("" if r["ok"] else "  (FAILED)"))
    (rs, ts, _, ss), (rm, tm, spill, sm) = results["spells"], results["monthly"]
    if rs["ok"] and rm["ok"]:
        print(f"warehouse monthly / spells: {sm / ss:5.2f}  (aim <= 2)")
        print(f"monthly load: {rm['wall'] / 60:.2f} min (aim <= 2), peak {rm['rss'] / 1024:.2f} GiB (aim <= 4), "
              f"spill {'none' if spill == 0 else f'{spill / 2**20:,.0f} MiB'} (aim: none)")
        print(match("monthly", mart_counts(tm / "w.duckdb"), mart_counts(ts / "w.duckdb")).replace("mart", "spells"))
        m_rp, s_rp = money(tm / "w.duckdb"), money(ts / "w.duckdb")
        print(f"Rupiah collected: monthly {m_rp:,} vs spells {s_rp:,}: {'same' if m_rp == s_rp else 'DIFFERENT'}")
    for _, tmp, _, _ in results.values():
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
