"""The command line both peers take (bench/peer_pandas.py, bench/peer_duckdb.py), so they
read the same inputs the same way."""
from __future__ import annotations

import argparse


def parse(doc: str) -> argparse.Namespace:
    """members, contributions, as_of ('YYYY-MM'), segments (upper-case list, or None: all)."""
    p = argparse.ArgumentParser(description=doc.splitlines()[0])
    p.add_argument("members")
    p.add_argument("contributions", nargs="+")
    p.add_argument("--as-of", required=True, help="YYYY-MM")
    p.add_argument("--segments", help="comma-separated segments to count (default: all)")
    a = p.parse_args()
    a.segments = [s.strip().upper() for s in a.segments.split(",")] if a.segments else None
    return a
