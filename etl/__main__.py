"""python -m etl {demo,load,rebuild,brief} — see README.md."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from etl import settings
from etl.warehouse import LoadError


def parse_map(items: list[str]) -> dict[str, str]:
    from etl.contracts import norm_header
    out = {}
    for item in items:
        path = Path(item)
        lines = path.read_text(encoding="utf-8").splitlines() if "=" not in item and path.is_file() else [item]
        for line in filter(None, (ln.strip() for ln in lines)):
            if "=" not in line:
                raise LoadError(f"--map '{line}': write it as \"Header in file=field\".")
            header, field = line.rsplit("=", 1)
            out[norm_header(header)] = field.strip()
    return out


def print_summary(results) -> None:
    print(f"{'file':<40} {'kind':<14} {'read':>10} {'loaded':>10} {'quarant.':>9} {'flagged':>8}")
    for r in results:
        if r.skipped:
            print(f"{r.file_name:<40} skipped: {r.skipped}")
            continue
        print(f"{r.file_name:<40} {r.kind:<14} {r.rows_read:>10,} {r.rows_loaded:>10,} "
              f"{r.rows_quarantined:>9,} {r.rows_flagged:>8,}")
        for code, n in r.by_reason.items():
            print(f"{'':<40}   quarantined {code}: {n:,}")
        for note in r.notes:
            print(f"{'':<40}   note: {note}")


def cmd_load(a) -> int:
    from etl.contracts import CONTRACTS
    from etl.load import load_paths
    mapping = parse_map(a.map or [])
    bad = [f for f in mapping.values() if a.kind and f not in {x.name for x in CONTRACTS[a.kind].fields}]
    if bad:
        raise LoadError(f"--map names unknown field(s) {bad} for kind {a.kind}.")
    results = load_paths(a.paths, kind=a.kind, mapping=mapping, dry_run=a.dry_run, as_of=a.as_of)
    print_summary(results)
    print("dry run: nothing was written." if a.dry_run else f"published {settings.get_path('warehouse')}")
    return 0


def cmd_demo(a) -> int:
    from etl.demo import build
    built = build(a.members, a.seed, a.as_of, a.out and Path(a.out), progress=print, append=a.append)
    print_summary(built.results)
    print(f"demo warehouse ready: {built.warehouse} ({built.seconds:.1f} s in all)")
    return 0


def cmd_rebuild(a) -> int:
    from etl import marts
    from etl.warehouse import building, refresh_config
    with building() as con:
        refresh_config(con)
        built = marts.build(con, select=a.select)
    print(f"{len(built)} model(s) rebuilt with the current configuration: {settings.get_path('warehouse')}")
    return 0


def cmd_brief(a) -> int:
    """One-page PDF briefs from the published warehouse, through the page queries."""
    import time
    from ui import brief
    from ui.brief.data import plain_queries
    warehouse = settings.get_path("warehouse")
    if not Path(warehouse).is_file():
        raise LoadError(f"no warehouse at {warehouse}: load data or run `python -m etl demo` first.")
    if not (a.all or a.province or a.regency):
        raise LoadError("say which brief: --all, --province or --regency CODE (e.g. 53.01).")
    t0 = time.perf_counter()
    with plain_queries(warehouse):
        try:
            written = brief.write_all(Path(a.out), a.lang, None if a.all else a.regency or [],
                                      province=a.all or a.province)
        except KeyError as e:
            raise LoadError(f"unknown regency code {e}: use Kemendagri codes such as 53.01.") from None
    for path in written:
        print(path)
    print(f"{len(written)} brief(s) written to {a.out} in {time.perf_counter() - t0:.1f} s")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m etl", description="Sejuta Peserta ETL")
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("demo", help="generate the demo raw files and load them (replaces the warehouse)")
    d.add_argument("--members", type=int, help="member rows (default: setting demo_members)")
    d.add_argument("--seed", type=int, help="random seed (default 7)")
    d.add_argument("--as-of", help="last month of the demo data, YYYY-MM (default 2026-10)")
    d.add_argument("--out", help="folder for the raw files (default: setting demo_dir)")
    d.add_argument("--append", action="store_true", help="load into the existing warehouse")
    d.set_defaults(fn=cmd_demo)
    ld = sub.add_parser("load", help="load export files (CSV, XLSX, Parquet)")
    ld.add_argument("paths", nargs="+")
    ld.add_argument("--kind", choices=["members", "contributions", "claims", "subsidies"])
    ld.add_argument("--map", action="append", help='"Header in file=field", or a file of such lines')
    ld.add_argument("--dry-run", action="store_true", help="validate and report; write nothing")
    ld.add_argument("--as-of", help="month a member list speaks for (YYYY-MM); default: its newest registration")
    ld.set_defaults(fn=cmd_load)
    r = sub.add_parser("rebuild", help="rebuild the models after a configuration change")
    r.add_argument("--select", help="MODEL (that model) or MODEL+ (it and everything built from it); "
                                    "a source table with + (e.g. cfg_tiers+) rebuilds what reads it")
    r.set_defaults(fn=cmd_rebuild)
    b = sub.add_parser("brief", help="write one-page PDF briefs (province, regencies) from the warehouse")
    b.add_argument("--all", action="store_true", help="the province brief and all 22 regency briefs")
    b.add_argument("--province", action="store_true", help="the province brief")
    b.add_argument("--regency", action="append", metavar="CODE", help="a regency brief (Kemendagri code, e.g. 53.01)")
    b.add_argument("--lang", choices=["id", "en"], default="id", help="language (default id)")
    b.add_argument("--out", default="briefs", help="folder for the PDFs (default: briefs)")
    b.set_defaults(fn=cmd_brief)
    return p


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.fn(args)
    except (LoadError, settings.SettingError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the published warehouse was not changed.", file=sys.stderr)
        return 130
    except Exception as e:  # a bug, not bad input: one line, traceback on request
        if os.environ.get("SEJUTA_DEBUG"):
            raise
        print(f"error: unexpected {type(e).__name__}: {e}. The published warehouse was not changed "
              "(set SEJUTA_DEBUG=1 for details).", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
