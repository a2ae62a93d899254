"""A model's contract, declared once in its header and checked on every build:

    -- grain: one row per regency at the as-of month      (prose, for the reader)
    -- key: regency_code                                   (the grain as columns)
    -- columns:
    --   regency_code        Kemendagri code (53.01)       (three spaces: a column)
    --   n_active            active members of the goal     (five or more: its text goes on)
    --                       segments
    -- not null: target                                    (optional, besides the key)
    -- nullable: occupation_norm                           (optional: a key column that may be NULL)

Generated tests: the table has exactly the declared columns; the key is unique (NULLs
equal) and not null (but for `nullable` ones); the `not null` columns hold no NULL. Every mart must declare a key and columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from etl.models import Model
from etl.sqlid import ident, idents

COLUMN = re.compile(r"^   ([a-z_][a-z0-9_]*)\b\s*(.*)$")
MORE = re.compile(r"^     +\S")


@dataclass(frozen=True)
class Contract:
    grain: str
    key: tuple[str, ...]
    columns: dict[str, str]        # name -> description
    not_null: tuple[str, ...]
    nullable: tuple[str, ...] = ()


def _names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in text.split(",") if n.strip())


def parse(model: Model) -> Contract | None:
    grain, key, not_null, nullable, columns, current, in_columns = "", (), (), (), {}, None, False
    for line in model.header:
        if in_columns and COLUMN.match(line):
            current, text = COLUMN.match(line).groups()
            columns[current] = text.strip()
            continue
        if in_columns and current and MORE.match(line):
            columns[current] = (columns[current] + " " + line.strip()).strip()
            continue
        in_columns = False
        m = re.match(r"^ (grain|key|columns|not null|nullable):\s*(.*)$", line)
        if not m:
            continue
        what, rest = m.groups()
        if what == "grain":
            grain = rest
        elif what == "key":
            key = _names(rest)
        elif what == "not null":
            not_null = _names(rest)
        elif what == "nullable":
            nullable = _names(rest)
        else:
            in_columns, current = True, None
    if not key and not columns:
        return None
    return Contract(grain, key, columns, not_null, nullable)


def problems(con, model: Model) -> list[str]:
    """Sentences naming the model and what its table breaks of its contract."""
    c = parse(model)
    if c is None:
        return [f"{model.name}: its header declares no key and no columns."] if model.layer == "marts" else []
    actual = [d[0] for d in con.execute(f"select * from {ident(model.name)} limit 0").description]
    out = []
    missing = [n for n in c.columns if n not in actual]
    extra = [n for n in actual if n not in c.columns]
    if c.columns and (missing or extra):
        out.append(f"{model.name}: columns differ from its contract "
                   f"(declared but absent: {missing or 'none'}; present but undeclared: {extra or 'none'}).")
        return out
    if not c.key and re.match(r"one row\b(?! per)", c.grain):
        n = con.execute(f"select count(*) from {ident(model.name)}").fetchone()[0]
        if n > 1:
            out.append(f"{model.name}: its grain is one row, and it has {n}.")
    if c.key:
        keys = ", ".join(c.key)
        dup = con.execute(f"select {idents(c.key)}, count(*) from {ident(model.name)} group by all "
                          f"having count(*) > 1 limit 1").fetchone()
        if dup:
            out.append(f"{model.name}: its grain ({keys}) is not unique, e.g. {dup[:-1]} appears {dup[-1]} times.")
    for col in [k for k in c.key if k not in c.nullable] + list(c.not_null):
        n = con.execute(f"select count(*) from {ident(model.name)} where {ident(col)} is null").fetchone()[0]
        if n:
            out.append(f"{model.name}: {n} row(s) have no {col}.")
    return out
