"""Soak: loads under concurrent writers, kill -9 and Ctrl-C end where one clean
sequential load ends.

Each round loads the demo's raw files into a fresh warehouse through random
groups of `python -m etl load` processes, up to three at a time; a random
writer is killed (SIGKILL) or interrupted (SIGINT) at a random moment, and its
group is loaded again later. The final warehouse's counts (members,
contributions, claims, subsidies, quarantine, load_log, active members per
regency in mart_regency_progress) are compared with one clean sequential load
of the same files. Prints the differences per round and in all (aim: 0).

    .venv/bin/python bench/soak.py [--rounds 20] [--members 3000] [--seed 1]
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COUNTS = ["members", "contributions", "claims", "subsidies", "quarantine", "load_issue"]


def env_for(folder: Path, key: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "SEJUTA_DEBUG"}
    env.update({"SEJUTA_WAREHOUSE": str(folder / "warehouse.duckdb"), "SEJUTA_KEY_FILE": str(key)})
    return env


def load_cmd(files: list[Path]) -> list[str]:
    return [sys.executable, "-m", "etl", "load", *map(str, files)]


def state(wh: Path) -> dict:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        out = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in COUNTS}
        out["load_log"] = sorted(r[0] for r in con.execute("select file_name from load_log").fetchall())
        out["regency_active"] = con.execute("select regency_code, n_active "
                                            "from mart_regency_progress order by 1").fetchall()
        return out
    finally:
        con.close()


def reference(files: list[Path], folder: Path, key: Path) -> dict:
    folder.mkdir(parents=True)
    subprocess.run(load_cmd(files), cwd=ROOT, env=env_for(folder, key), check=True, capture_output=True)
    return state(folder / "warehouse.duckdb")


def groups(files: list[Path], rnd: random.Random) -> list[list[Path]]:
    files = files[:]
    rnd.shuffle(files)
    out = []
    while files:
        n = rnd.randint(1, 4)
        out.append(files[:n])
        files = files[n:]
    return out


def run_wave(wave: list[list[Path]], env: dict, rnd: random.Random, tally: dict) -> list[list[Path]]:
    """Start a wave of writers at once, disturb some; return the groups to load again."""
    procs = [(g, subprocess.Popen(load_cmd(g), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)) for g in wave]
    fates = {id(p): rnd.choices(["run", "kill", "int"], [6, 2, 2])[0] for _, p in procs}
    deadline = {id(p): time.monotonic() + rnd.uniform(0.05, 4.0) for _, p in procs}
    while any(p.poll() is None for _, p in procs):
        for _, p in procs:
            if p.poll() is None and fates[id(p)] != "run" and time.monotonic() > deadline[id(p)]:
                p.send_signal(signal.SIGKILL if fates[id(p)] == "kill" else signal.SIGINT)
                tally[fates[id(p)]] += 1
                fates[id(p)] = "run"
        time.sleep(0.02)
    again = [g for g, p in procs if p.returncode != 0]
    tally["retried"] += len(again)
    return again


def soak_round(files: list[Path], folder: Path, key: Path, rnd: random.Random, tally: dict) -> dict:
    folder.mkdir(parents=True)
    env = env_for(folder, key)
    pending = groups(files, rnd)
    while pending:
        k = rnd.randint(1, 3)
        wave, pending = pending[:k], pending[k:]
        pending += run_wave(wave, env, rnd, tally)
    leftovers = [p.name for p in folder.iterdir() if ".build-" in p.name or ".compact-" in p.name]
    tally["leftovers"] += len(leftovers)
    return state(folder / "warehouse.duckdb")


def differences(a: dict, b: dict) -> int:
    n = sum(a[k] != b[k] for k in COUNTS + ["load_log"])
    return n + sum(x != y for x, y in zip(a["regency_active"], b["regency_active"])) + \
        abs(len(a["regency_active"]) - len(b["regency_active"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--members", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    from etl.demo import generate
    work = Path(tempfile.mkdtemp(prefix="soak-"))
    try:
        files = sorted(generate(work / "raw", members=a.members, seed=a.seed, as_of="2026-10",
                                progress=lambda *_: None))
        key = work / "nik.key"
        t0 = time.perf_counter()
        ref = reference(files, work / "reference", key)
        print(f"{len(files)} files; clean sequential load {time.perf_counter() - t0:.1f} s: "
              + ", ".join(f"{k} {ref[k]:,}" for k in COUNTS))
        rnd, total = random.Random(a.seed), 0
        tally = {"kill": 0, "int": 0, "retried": 0, "leftovers": 0}
        for i in range(a.rounds):
            t0 = time.perf_counter()
            got = soak_round(files, work / f"round{i:02d}", key, rnd, tally)
            d = differences(got, ref)
            total += d
            print(f"round {i + 1:2d}: {d} differences ({time.perf_counter() - t0:.1f} s)", flush=True)
            shutil.rmtree(work / f"round{i:02d}")
        print(f"{a.rounds} rounds, {tally['kill']} kill -9, {tally['int']} Ctrl-C, {tally['retried']} writers "
              f"retried, {tally['leftovers']} build files left: {total} differences in all")
        return 0 if total == 0 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
