"""python -m etl {demo,load,rebuild,rollback,brief,digest} — see README.md."""
from __future__ import annotations

import signal
import sys

if __name__ == "__main__":      # Ctrl-C while Python is still starting: nothing has begun
    signal.signal(signal.SIGINT, lambda *_: sys.exit(130))

import argparse  # noqa: E402
import os  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402

from etl import reasons, settings  # noqa: E402
from etl.privacy import mask_text  # noqa: E402
from etl.warehouse import LoadError  # noqa: E402


class Terminated(BaseException):
    """SIGTERM, raised where the process is so that every cleanup runs."""


def parse_map(items: list[str]) -> dict[str, str]:
    from etl.contracts import norm_header
    out = {}
    for item in items:
        path = Path(item)
        try:
            lines = path.read_text(encoding="utf-8").splitlines() if "=" not in item and path.is_file() else [item]
        except (OSError, UnicodeError) as e:
            raise LoadError(f"--map {mask_text(item)}: the mapping file cannot be read ({type(e).__name__}).") from None
        for line in filter(None, (ln.strip() for ln in lines)):
            if "=" not in line:
                raise LoadError(f"--map '{mask_text(line)}': write it as \"Header in file=field\".")
            header, field = line.rsplit("=", 1)
            out[norm_header(header)] = field.strip()
    return out


def print_summary(results, lang: str) -> None:
    print(reasons.cli("cols", lang))
    for r in results:
        if r.skipped:
            print(f"{mask_text(r.file_name, 40):<40} {reasons.cli('skipped', lang)}: {r.skipped}")
            continue
        print(f"{mask_text(r.file_name, 40):<40} {r.kind:<14} {r.rows_read:>10,} {r.rows_loaded:>10,} "
              f"{r.rows_quarantined:>9,} {r.rows_flagged:>8,}")
        month = r.as_of.strftime("%Y-%m") if r.as_of else "-"
        print(f"{'':<40}   {reasons.cli('as_of', lang, month=month, rule=r.as_of_rule)}")
        for what, counts in (("quarantined", r.by_reason), ("flagged", r.by_issue)):
            for code, n in counts.items():
                print(f"{'':<40}   {reasons.cli(what, lang)} {code}: {n:,} ({reasons.title(code, lang)})")
        for note in r.notes:
            print(f"{'':<40}   {reasons.cli('note', lang)}: {note}")


def cmd_load(a) -> int:
    from etl.contracts import CONTRACTS
    from etl.load import load_paths
    if a.inbox is not None:
        return cmd_inbox(a)
    if not a.paths:
        raise LoadError("name the files to load, or a folder with --inbox DIR.")
    mapping = parse_map(a.map or [])
    bad = [f for f in mapping.values() if a.kind and f not in {x.name for x in CONTRACTS[a.kind].fields}]
    if bad:
        raise LoadError(f"--map names unknown field(s) {[mask_text(b) for b in bad]} for kind {a.kind}.")
    results = load_paths(a.paths, kind=a.kind, mapping=mapping, dry_run=a.dry_run, as_of=a.as_of,
                         wait=not a.no_wait, fresh=a.new_key)
    lang = settings.get("language")
    print_summary(results, lang)
    if a.dry_run:
        print(reasons.cli("dry_run", lang))
    elif all(r.skipped for r in results):
        print(reasons.cli("nothing_new", lang, path=settings.get_path("warehouse")))
    else:
        print(reasons.cli("published", lang, path=settings.get_path("warehouse")))
    return 0


def cmd_inbox(a) -> int:
    """Every settled file of the folder, one publish each: loaded/ or failed/ (etl/inbox.py)."""
    from etl import inbox
    extra = [o for o, v in (("FILE", a.paths), ("--map", a.map), ("--kind", a.kind), ("--as-of", a.as_of),
                            ("--dry-run", a.dry_run), ("--new-key", a.new_key)) if v]
    if extra:
        raise LoadError(f"--inbox loads the files of its folder as they are; leave out {', '.join(extra)}.")
    try:
        out = inbox.run(a.inbox)
    except inbox.InboxBusy:
        print(f"inbox {mask_text(a.inbox)}: another inbox run is still working; nothing to do.")
        return 0
    for name, what in out.loaded:
        print(f"loaded  {mask_text(name)} -> {what}")
    for name, why in out.failed:
        print(f"failed  {mask_text(name)} -> {inbox.FAILED}/: {why}")
    for name in out.waiting:
        print(f"waiting {mask_text(name)}: modified in the last {settings.get_int('inbox_settle_seconds', 0)} s, "
              "perhaps still being copied; next run")
    if not (out.loaded or out.failed or out.waiting):
        print(f"inbox {mask_text(a.inbox)}: no new file.")
    return 2 if out.failed else 0


def cmd_rollback(a) -> int:
    from etl import history
    warehouse = settings.get_path("warehouse")
    if a.list:
        print_versions(history.entries(warehouse), history.current(warehouse))
        return 0
    if a.to is not None and a.to_load is not None:
        raise LoadError("give --to VERSION or --to-load LOAD_ID, not both.")
    e = history.rollback(warehouse, to=a.to, load_id=a.to_load, wait=not a.no_wait)
    print(f"version {e['restored']} restored byte for byte as version {e['version']} "
          f"(SHA-256 {e['sha256'][:16]}...): {warehouse}")
    return 0


def print_versions(log: list[dict], now: dict | None) -> None:
    if not log:
        print("no version published yet.")
    for e in log:
        what = e["action"] + (f" of version {e['restored']}" if "restored" in e else "")
        files = ", ".join(f"{f['file_name']} (load_id {f['load_id']})" for f in e.get("files", []))
        mark = "*" if now and e["version"] == now["version"] else " "
        kept = "kept" if e["kept"] else "    "
        print(f"{mark}{e['version']:>5}  {e['at']}  {kept}  {e['by'] or '-':<28} {what}{': ' + files if files else ''}")


def cmd_demo(a) -> int:
    from etl.demo import build
    built = build(a.members, a.seed, a.as_of, a.out and Path(a.out), progress=print, append=a.append)
    print_summary(built.results, settings.get("language"))
    print(f"demo warehouse ready: {built.warehouse} ({built.seconds:.1f} s in all)")
    return 0


def cmd_rebuild(a) -> int:
    from etl import marts
    from etl.warehouse import building, refresh_config
    built = []
    with building(who="rebuild", wait=not a.no_wait, publish=lambda: bool(built)) as con:
        changed = refresh_config(con)
        built += marts.build(con, select=a.select, changed=None if a.select else changed)
    lang = settings.get("language")
    if not built:
        print(reasons.cli("nothing_to_rebuild", lang, path=settings.get_path("warehouse")))
        return 0
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


def cmd_digest(a) -> int:
    """What the latest load changed, as text to paste into WhatsApp or an e-mail."""
    from ui.digest import digest
    from ui.queries.funnel import plain
    warehouse = settings.get_path("warehouse")
    if not Path(warehouse).is_file():
        raise LoadError(f"no warehouse at {warehouse}: load data or run `python -m etl demo` first.")
    with plain(warehouse):
        print(digest(a.lang))
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
    ld.add_argument("paths", nargs="*")
    ld.add_argument("--inbox", metavar="DIR", help="load every settled file of DIR; move each to DIR/loaded/ or "
                                                   "DIR/failed/ (with a reason file); for cron or a systemd timer")
    ld.add_argument("--kind", choices=["members", "contributions", "claims", "subsidies"])
    ld.add_argument("--map", action="append", help='"Header in file=field", or a file of such lines')
    ld.add_argument("--dry-run", action="store_true", help="validate and report; write nothing")
    ld.add_argument("--as-of", help="month a member list speaks for (YYYY-MM); default: title, file name, data")
    ld.add_argument("--no-wait", action="store_true", help="stop (exit 2) instead of waiting for another writer")
    ld.add_argument("--new-key", action="store_true",
                    help="start a new warehouse from these files alone (after a lost key); creates a key if none")
    ld.set_defaults(fn=cmd_load)
    r = sub.add_parser("rebuild", help="rebuild the models after a configuration change")
    r.add_argument("--select", help="MODEL (that model) or MODEL+ (it and everything built from it); "
                                    "a source table with + (e.g. cfg_tiers+) rebuilds what reads it")
    r.add_argument("--no-wait", action="store_true", help="stop (exit 2) instead of waiting for another writer")
    r.set_defaults(fn=cmd_rebuild)
    rb = sub.add_parser("rollback", help="put back an earlier published warehouse (default: the one before)")
    rb.add_argument("--to", type=int, metavar="VERSION", help="the version to restore (see --list)")
    rb.add_argument("--to-load", type=int, metavar="LOAD_ID",
                    help="the version published by the load of this load_id (load_log, data-quality page)")
    rb.add_argument("--list", action="store_true", help="list the published versions; * marks the one in use")
    rb.add_argument("--no-wait", action="store_true", help="stop (exit 2) instead of waiting for another writer")
    rb.set_defaults(fn=cmd_rollback)
    b = sub.add_parser("brief", help="write one-page PDF briefs (province, regencies) from the warehouse")
    b.add_argument("--all", action="store_true", help="the province brief and all 22 regency briefs")
    b.add_argument("--province", action="store_true", help="the province brief")
    b.add_argument("--regency", action="append", metavar="CODE", help="a regency brief (Kemendagri code, e.g. 53.01)")
    b.add_argument("--lang", choices=["id", "en"], default="id", help="language (default id)")
    b.add_argument("--out", default="briefs", help="folder for the PDFs (default: briefs)")
    b.set_defaults(fn=cmd_brief)
    g = sub.add_parser("digest", help="what the latest load changed, as text for WhatsApp or e-mail")
    g.add_argument("--lang", choices=["id", "en"], default="id")
    g.set_defaults(fn=cmd_digest)
    return p


def on_term(signum, frame):
    raise Terminated


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    previous = None
    if threading_main():
        signal.signal(signal.SIGINT, signal.default_int_handler)
        previous = signal.signal(signal.SIGTERM, on_term)
    try:
        return args.fn(args)
    except (LoadError, settings.SettingError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return interrupted()
    except Terminated:
        print("terminated: the published warehouse was not changed.", file=sys.stderr)
        return 143
    except Exception as e:  # a bug, not bad input; or Ctrl-C as DuckDB reports it
        return interrupted() if is_interrupt(e) else unexpected(e)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def is_interrupt(e: Exception) -> bool:
    """DuckDB stops a query on Ctrl-C with RuntimeError('Query interrupted'), and reports a
    KeyboardInterrupt raised inside a Python function it calls as an error of its own."""
    text = str(e)
    return (type(e).__name__ == "InterruptException" or (isinstance(e, RuntimeError) and "interrupted" in text.lower())
            or "KeyboardInterrupt" in text)


def interrupted() -> int:
    print("interrupted: the published warehouse was not changed.", file=sys.stderr)
    return 130


def unexpected(e: Exception) -> int:
    """Where it happened, never its text (it may quote a row of the input)."""
    if os.environ.get("SEJUTA_DEBUG"):
        raise e
    where = traceback.extract_tb(e.__traceback__)[-1]
    print(f"error: unexpected {type(e).__name__} at {Path(where.filename).name}:{where.lineno}. The published "
          "warehouse was not changed (set SEJUTA_DEBUG=1 for details).", file=sys.stderr)
    return 1


def threading_main() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


if __name__ == "__main__":
    code = main()
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # the outcome is decided: no traceback at exit
    sys.exit(code)
