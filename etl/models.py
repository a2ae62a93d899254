"""The model graph: every SQL model under etl/sql/{rules,staging,intermediate,marts},
the names it defines and the names it references, and the build order derived from
those references (as dbt's `ref` does), never from a list or the alphabet.

- A model file in staging/, intermediate/ or marts/ is one SELECT; its table (or view,
  with a `-- materialized: view` header line) is named by the file: renaming the file
  and its references is all a rename needs.
- A file in rules/ holds `create or replace macro` statements: the rules every model
  and the read-only dashboard call (tier, attainment, pace, settings).
- A name that looks like a model (stg_, int_, mart_ prefixes) but that no file
  defines is an error naming the file that references it; so is a cycle, naming its files.
- Each model's header declares its contract (etl/contracts_sql.py reads it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from etl.sqlid import ident

SQL = Path(__file__).resolve().parent / "sql"
LAYERS = ("rules", "staging", "intermediate", "marts")
MODEL_PREFIX = re.compile(r"^(stg|int|mart)_[a-z0-9_]+$")
MACRO_DEF = re.compile(r"create\s+(?:or\s+replace\s+)?macro\s+([a-z_][a-z0-9_]*)", re.I)
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
COMMENT = re.compile(r"--[^\n]*")
STRING = re.compile(r"'(?:[^']|'')*'")


class ModelError(Exception):
    """The model files do not form a buildable graph (one sentence, names the files)."""


def strip_sql(text: str) -> str:
    """SQL without comments and string literals: what is left names tables and macros."""
    return STRING.sub("''", COMMENT.sub("", text))


@dataclass
class Model:
    path: Path
    layer: str
    text: str = field(repr=False)

    @property
    def name(self) -> str:
        return self.path.stem

    @cached_property
    def defines(self) -> set[str]:
        if self.layer == "rules":
            return {m.lower() for m in MACRO_DEF.findall(self.text)}
        return {self.name}

    @cached_property
    def words(self) -> set[str]:
        return {w.lower() for w in WORD.findall(strip_sql(self.text))}

    @cached_property
    def header(self) -> list[str]:
        """The leading comment lines, without their '--'."""
        out = []
        for line in self.text.splitlines():
            if not line.startswith("--"):
                break
            out.append(line[2:].rstrip())
        return out

    @property
    def materialized(self) -> str:
        for line in self.header:
            m = re.match(r"\s*materialized:\s*(table|view)\b", line)
            if m:
                return m.group(1)
        return "table"

    def statement(self) -> str:
        """The SQL that builds the model."""
        if self.layer == "rules":
            return self.text
        return f"create or replace {self.materialized} {ident(self.name)} as\n{self.text}"


@dataclass
class Graph:
    models: dict[str, Model]          # by file stem
    owner: dict[str, str]             # defined name -> model name
    deps: dict[str, set[str]]         # model name -> model names it references

    def order(self) -> list[Model]:
        try:
            names = [n for n in TopologicalSorter(self.deps).static_order() if n in self.models]
        except CycleError as e:
            cycle = list(dict.fromkeys(e.args[1]))
            files = " -> ".join(self.models[n].path.name for n in cycle)
            raise ModelError(f"The models reference each other in a cycle: {files}.") from None
        return [self.models[n] for n in names]

    def downstream(self, names: set[str]) -> set[str]:
        """The given models (or sources) and every model that depends on them."""
        out, frontier = set(), set(names)
        while frontier:
            out |= frontier
            frontier = {m for m, d in self.deps.items() if d & out and m not in out}
        return out

    def select(self, spec: str) -> list[Model]:
        """`name` (that model alone) or `name+` (it and everything downstream), in build order.
        The name may be a model, a macro of a rules file, or a source table (then only `+`)."""
        base, plus = spec.rstrip("+"), spec.endswith("+")
        root = self.owner.get(base, base)
        if root not in self.models and not (plus and root in self.sources()):
            raise ModelError(f"--select '{spec}': no model, rule or source table is called '{base}'.")
        wanted = self.downstream({root}) if plus else {root}
        return [m for m in self.order() if m.name in wanted]

    def sources(self) -> set[str]:
        return {d for deps in self.deps.values() for d in deps if d not in self.models}

    def upstream(self, name: str) -> list[tuple[str, int]]:
        """Every model and source table a model is built from, with its depth, nearest first
        (for a figure's trace)."""
        seen, frontier, out, depth = set(), [name], [], 0
        while frontier:
            depth += 1
            nxt = []
            for n in frontier:
                for d in sorted(self.deps.get(n, ())):
                    if d not in seen:
                        seen.add(d)
                        out.append((d, depth))
                        nxt.append(d)
            frontier = nxt
        return out

    def lineage(self) -> list[tuple[str, str, int]]:
        """(model, upstream, depth) for every model."""
        return [(m, u, d) for m in self.models for u, d in self.upstream(m)]


def discover(root: Path = SQL, sources: frozenset[str] = frozenset()) -> Graph:
    """Read every model file under `root` and link them by the names they use. Source
    tables (loader, ref_*, cfg_*) are listed in `sources` so a trace can name them."""
    models = {}
    for layer in LAYERS:
        for path in sorted((root / layer).glob("*.sql")):
            if path.stem in models:
                raise ModelError(f"Two model files are called {path.stem}: {models[path.stem].path} and {path}.")
            models[path.stem] = Model(path, layer, path.read_text(encoding="utf-8"))
    owner = {}
    for m in models.values():
        for name in m.defines:
            if name in owner and owner[name] != m.name:
                raise ModelError(f"'{name}' is defined by both {models[owner[name]].path.name} "
                                 f"and {m.path.name}.")
            owner[name] = m.name
    deps = {}
    for m in models.values():
        used = m.words - m.defines
        missing = sorted(w for w in used if MODEL_PREFIX.match(w) and w not in owner)
        if missing:
            raise ModelError(f"{m.path.name} references '{missing[0]}', which no model file defines.")
        deps[m.name] = {owner[w] for w in used if w in owner} | {w for w in used & sources}
    return Graph(models, owner, deps)
