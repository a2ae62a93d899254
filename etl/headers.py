"""Headers as people write them: which column feeds which field of a contract.

A header is recognised, in this order, by a --map entry; by a whole known
spelling (alias, after `norm_header`); or by its words: a header holding every
word of an alias ("SEGMEN PESERTA", "Jenis Segmen" hold "segmen") is that
alias's field, the alias with the most words deciding. A header whose words fit
two fields equally ("Kode Wilayah Kecamatan": regency or district), or two
headers that fit one field equally, are reported, never guessed.
Messages name headers (masked: a NIK in a header row shows 6 digits), never cell values.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache

from etl.contracts import CONTRACTS, norm_header
from etl.privacy import mask_text
from etl.warehouse import LoadError

EXACT = 1000     # rank of a whole known spelling; a words match ranks by its alias's word count


@dataclass
class Recognition:
    kind: str
    cols: dict[str, int] = field(default_factory=dict)           # field -> column position
    ignored: list[str] = field(default_factory=list)             # headers used for no field
    ambiguous: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)   # header, fields

    @property
    def missing(self) -> list[str]:
        return [f for f in CONTRACTS[self.kind].required if f not in self.cols]


@lru_cache(maxsize=None)
def alias_words(kind: str) -> tuple[tuple[frozenset, str, int], ...]:
    """(words, field, rank) for every alias of the kind, field names included."""
    out = []
    for f in CONTRACTS[kind].fields:
        for a in (f.name.replace("_", " "), *f.aliases):
            words = frozenset(norm_header(a).split())
            out.append((words, f.name, len(words)))
    return tuple(out)


@lru_cache(maxsize=None)
def kind_fields(kind: str) -> frozenset:
    return frozenset(f.name for f in CONTRACTS[kind].fields)


@lru_cache(maxsize=None)
def exact_index(kind: str) -> dict[str, str]:
    idx = {}
    for f in CONTRACTS[kind].fields:
        for a in (f.name, *f.aliases):
            idx.setdefault(norm_header(a), f.name)
    return idx


def candidates(header: str, kind: str, mapping: dict[str, str]) -> tuple[int, tuple[str, ...]]:
    """(rank, fields) a header may feed: one field, or several when it is ambiguous."""
    h = norm_header(header)
    if not h:
        return 0, ()
    if h in mapping:       # a field this kind lacks: no column of this kind (check_map says so)
        return (EXACT + 1, (mapping[h],)) if mapping[h] in kind_fields(kind) else (0, ())
    if h in exact_index(kind):
        return EXACT, (exact_index(kind)[h],)
    words = frozenset(h.split())
    best: dict[str, int] = {}
    for alias, f, n in alias_words(kind):
        if alias <= words:
            best[f] = max(best.get(f, 0), n)
    if not best:
        return 0, ()
    top = max(best.values())
    return top, tuple(sorted(f for f, n in best.items() if n == top))


def recognise(headers: list[str], kind: str, mapping: dict[str, str] | None = None) -> Recognition:
    mapping = mapping or {}
    r = Recognition(kind)
    claims: dict[str, list[tuple[int, int]]] = {}
    for pos, h in enumerate(headers):
        rank, fields = candidates(h, kind, mapping)
        if len(fields) > 1:
            r.ambiguous.append((str(h).strip(), fields))
        elif fields:
            claims.setdefault(fields[0], []).append((rank, pos))
        elif str(h).strip():
            r.ignored.append(str(h).strip())
    for f, cs in claims.items():
        top = max(rank for rank, _ in cs)
        best = [pos for rank, pos in cs if rank == top]
        if top < EXACT and len(best) > 1:           # two headers fit by words alone: say so
            r.ambiguous.append((" / ".join(str(headers[p]).strip() for p in best), (f,)))
            continue
        r.cols[f] = best[0]
        r.ignored += [str(headers[p]).strip() for _, p in cs if p != best[0]]
    return r


def score(headers: list[str], kind: str, mapping: dict[str, str]) -> tuple[int, int]:
    r = recognise(headers, kind, mapping)
    return len(CONTRACTS[kind].required) - len(r.missing), len(r.cols)


def detect_kind(headers: list[str], kind: str | None, mapping: dict[str, str]) -> str | None:
    """The contract whose required fields all appear; None when the row is no header row."""
    if kind:
        return kind if score(headers, kind, mapping)[1] >= 2 else None
    full = sorted(((n, k) for k, c in CONTRACTS.items()
                   for req, n in [score(headers, k, mapping)] if req == len(c.required)), reverse=True)
    if not full:
        return None
    if len(full) > 1 and full[0][0] == full[1][0]:
        raise LoadError(f"The headers fit both '{full[0][1]}' and '{full[1][1]}' files; say which with --kind.")
    return full[0][1]


def find_header(rows: list[list[str]], kind: str | None, mapping: dict[str, str]) -> tuple[int, str] | None:
    for i, row in enumerate(rows):
        k = detect_kind([c for c in row if c], kind, mapping)
        if k:
            return i, k
    return None


def check_map(headers: list[str], kind: str, mapping: dict[str, str]) -> None:
    """A header of this file mapped to a field its kind lacks stops the load."""
    names = [f.name for f in CONTRACTS[kind].fields]
    for h in map(norm_header, headers):
        target = mapping.get(h)
        if target is not None and target not in names:
            raise LoadError(f"--map \"{mask_text(h)}={mask_text(target)}\": a {kind} file has no field "
                            f"'{mask_text(target)}'. Its fields are: {', '.join(names)}.")


def columns(headers: list[str], kind: str, mapping: dict[str, str]) -> Recognition:
    """Field -> position for the header row; stops when a required field is missing."""
    check_map(headers, kind, mapping)
    r = recognise(headers, kind, mapping)
    if r.missing:
        raise LoadError(missing_sentence(headers, r))
    return r


def missing_sentence(headers: list[str], r: Recognition) -> str:
    c = CONTRACTS[r.kind]
    expected = "; ".join(f"{f} (e.g. {', '.join(repr(a) for a in c.field(f).aliases[:3])})" for f in r.missing)
    found = ", ".join(mask_text(h) for h in headers if str(h).strip())
    return (f"Missing required column(s) for a {r.kind} file: {expected}. "
            f"Expected (required): {', '.join(c.required)}. Found: {found}. {suggestion(r)}")


def suggestion(r: Recognition) -> str:
    """The unrecognised (or ambiguous) headers, and the --map that would most likely fix it."""
    loose = r.ignored + [h for h, _ in r.ambiguous]
    if not loose:
        return "No unrecognised header is left to map: add the column, or map a header with --map \"Header=field\"."
    best = max(((closeness(h, f, r.kind), h, f) for h in loose for f in r.missing))
    shown = ", ".join(repr(mask_text(h)) for h in loose)
    amb = "".join(f" '{mask_text(h)}' could be {' or '.join(fs)}." for h, fs in r.ambiguous if len(fs) > 1)
    return (f"Unrecognised headers: {shown}.{amb} Closest to {best[2]}: '{mask_text(best[1])}'; "
            f"if it is, add --map \"{mask_text(best[1])}={best[2]}\".")


def closeness(header: str, field_name: str, kind: str) -> float:
    h = norm_header(header)
    f = CONTRACTS[kind].field(field_name)
    return max(difflib.SequenceMatcher(None, h, norm_header(a)).ratio() for a in (f.name, *f.aliases))


def closest(rows: list[list[str]], mapping: dict[str, str]) -> tuple[list[str], str] | None:
    """(header row, kind) with the fewest missing required fields, among rows matching 2+ fields."""
    best = None
    for row in rows:
        headers = [c for c in row if c]
        for k, c in CONTRACTS.items():
            r = recognise(headers, k, mapping)
            n = sum(c.field(f).type != "pii" for f in r.cols)      # names and addresses alone are no header
            rank = (-len(r.missing), n)
            if n >= 2 and (best is None or rank > best[0]):
                best = (rank, [str(h).strip() for h in row], k)
    return (best[1], best[2]) if best else None


def not_recognised(name: str, rows: list[list[str]], mapping: dict[str, str], scanned: int) -> LoadError:
    """No row has every required field of a kind. When a row fits a kind in part, the
    error says what that kind misses; else what was seen, without any cell value."""
    close = closest(rows, mapping)
    if close:
        try:
            columns(close[0], close[1], mapping)
        except LoadError as e:
            return LoadError(f"{mask_text(name)}: {e}")
    widths = sorted({len(r) for r in rows if any(str(c).strip() for c in r)})
    seen = f"rows of {widths[0]} to {widths[-1]} columns" if widths else "no non-empty row"
    return LoadError(f"{mask_text(name)}: no header row recognised in the first {scanned} rows ({seen}, "
                     "no cell naming two fields of a member, contribution, claim or subsidy file); "
                     "use --kind and --map \"Header=field\".")
