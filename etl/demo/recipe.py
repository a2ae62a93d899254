"""The demo's one recipe: draw the population, write the raw files, and load
them through the real ETL (etl.load.load_paths), member lists first."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from etl import settings
from etl.demo import claims, personal
from etl.demo.claims import write_claims
from etl.demo.contributions import write_contributions
from etl.demo.members import write_members
from etl.demo.population import by_member, population
from etl.demo.subsidies import write_bsu
from etl.demo.world import load_world

SEED, AS_OF = 7, "2026-10"
# Member lists first: contributions, claims and subsidies find their member by NIK.
LOAD_ORDER = ("peserta", "iuran", "klaim", "bsu")


@dataclass(frozen=True)
class Built:
    """What a build leaves: the raw files, the ETL's result per file, the warehouse."""
    files: list[Path]
    results: list
    warehouse: Path
    seconds_generating: float
    seconds: float                   # in all


# what the build tells `progress`, in English; a caller may pass `say(key, **values)` to
# tell it in another language (the dashboard's first start does, in the page's language)
MESSAGES = {
    "drawn": "demo: {members:,} members and {spells:,} contribution spells drawn ({seconds:.1f} s)",
    "members_written": "demo: member list written ({seconds:.1f} s)",
    "files_written": "demo: {label} {n} file(s) written ({seconds:.1f} s)",
    "loading": "demo: {n} raw files in {out}; loading them ({seconds:.1f} s)",
}


def english(key: str, **values) -> str:
    return MESSAGES[key].format(**values)


def generate(out_dir: Path, members: int = 1_000_000, seed: int = SEED, as_of: str = AS_OF,
             progress=print, say=english) -> list[Path]:
    """Write the demo raw files into out_dir and return their paths (nothing is
    loaded). Files are byte-identical for the same (members, seed, as_of)."""
    t0 = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    w = load_world(members, seed, as_of)
    mem, sp = population(w, members)
    sp = by_member(claims.deaths(w, mem, sp))
    nik, names = personal.make_niks(w, mem), personal.make_names(w, mem["female"])
    progress(say("drawn", members=members, spells=len(sp["mem"]), seconds=time.perf_counter() - t0))
    paths = [write_members(w, out, as_of, mem, sp, nik, names)]
    progress(say("members_written", seconds=time.perf_counter() - t0))
    for label, writer in (("contributions", write_contributions), ("claims", write_claims),
                          ("subsidies", write_bsu)):
        new = writer(w, out, mem, sp, nik, names)
        paths += new
        progress(say("files_written", label=label, n=len(new), seconds=time.perf_counter() - t0))
    return paths


def build(members: int | None = None, seed: int | None = None, as_of: str | None = None,
          out: Path | None = None, progress=print, append: bool = False, say=english) -> Built:
    """Generate the raw files into `out` (default: setting demo_dir) and load them
    into the configured warehouse (setting warehouse), which they replace unless
    `append`. Defaults: setting demo_members, seed 7, as of 2026-10."""
    t0 = time.perf_counter()
    out = Path(out or settings.get_path("demo_dir"))
    members = members or settings.get_int("demo_members")
    files = generate(out, members, SEED if seed is None else seed, as_of or AS_OF, progress, say)
    generating = time.perf_counter() - t0
    progress(say("loading", n=len(files), out=out, seconds=generating))
    results = load(files, progress, append)
    return Built(files, results, settings.get_path("warehouse"), generating, time.perf_counter() - t0)


def load_order(path: Path) -> tuple[int, str]:
    return next((i for i, k in enumerate(LOAD_ORDER) if path.name.startswith(k)), len(LOAD_ORDER)), path.name


def load(files: list[Path], progress, append: bool) -> list:
    """Load in LOAD_ORDER. Replacing: a fresh build under the warehouse's writer lock,
    published when complete, so a reader never finds the warehouse missing or half built
    and no other load can slip in between."""
    from etl.load import load_paths
    return load_paths(sorted(files, key=load_order), progress=progress, fresh=not append)
