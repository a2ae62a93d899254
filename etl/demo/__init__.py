"""Demo data: raw export files as BPJS Ketenagakerjaan and local governments
deliver them, for the timeline 2016-01 .. as_of, loaded by the same ETL as real
exports so the demo proves the real path.

    build(members, seed, as_of, out, progress)   generate and load (the one recipe)
    generate(out, members, seed, as_of, progress)  the raw files only

Modules: facts (sourced figures and the demo's own assumptions, marked), world
(months, reference tables, random streams), population (cohorts and paid spells),
occupations, personal (fake NIK, names, addresses), members, contributions,
claims, subsidies (one per file kind), writers (office formats), mess (dirty
rows), recipe (the order of it all). Everything is vectorised (numpy, pyarrow);
Python loops run over regencies, files or a few dirty rows, never over members.
"""
from etl.demo.recipe import LOAD_ORDER, Built, build, generate

__all__ = ["LOAD_ORDER", "Built", "build", "generate"]
