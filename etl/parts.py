"""A file of many rows is loaded in parts (etl/load.py slices). Rows are dealt to parts by
a bucket: a hash of what their key is made of (the NIK as it will be read, or the claim
number), computed once as the file is read into RAW (etl/extract.py), so that rows sharing a
key, and a member's months, always meet in one part."""
from __future__ import annotations

PART_KEY = {"claims": "claim_id"}     # the field a file's rows are dealt to parts by (else the NIK)
BUCKETS = 4096


def part_key(kind: str) -> str:
    return PART_KEY.get(kind, "nik")


def bucket_sql(kind: str, cells: dict[str, str]) -> str:
    """The _bucket column of RAW. cells: field -> its cell as written into RAW (trimmed)."""
    key = part_key(kind)
    return f"{bucket_of(kind, cells[key])} as _bucket" if key in cells else "null::integer as _bucket"


def bucket_of(kind: str, cell: str) -> str:
    """The bucket of a key cell (an expression): hash(NULL) is a number too."""
    return f"(hash({'nik_text(' + cell + ')' if part_key(kind) == 'nik' else cell}) % {BUCKETS})::integer"
