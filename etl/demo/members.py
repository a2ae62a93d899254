"""The member list (daftar peserta), as the BPJS branch exports it: semicolon CSV
with a BOM, one row per member in order of registration, regency names in
mixed spellings, districts and villages by name or code, personal fields
the ETL must drop."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa

from etl.demo import mess, personal
from etl.demo.occupations import OCC_TEXT
from etl.demo.population import last_spells
from etl.demo.world import World
from etl.demo.writers import (as_export, fmt_days, fmt_money, fmt_months, lookup, payer_text,
                              programme_text, regency_text, segment_text, write_csv)


def member_table(w: World, mem: dict, sp: dict, nik: np.ndarray, names: pa.Array) -> pa.Table:
    rng = w.rng("member-text")
    n = len(nik)
    last = last_spells(sp)
    vil = mem["vil"]
    n_dist, n_vil = len(w.dist), len(w.vil)
    cols = {
        "nik": pa.array(nik).cast(pa.string()), "kpj": personal.kpj_numbers(rng, n),
        "name": names, "birth_date": fmt_days(mem["birth"]), "registered_date": fmt_days(mem["reg_day"]),
        "regency": regency_text(w, mem["reg"], "mixed", rng),
        "district": lookup(list(w.dist.name) + list(w.dist.code),
                           w.vil.dist_idx.to_numpy()[vil] + n_dist * (rng.random(n) < 0.5)),
        "village": lookup(list(w.vil.name) + list(w.vil.code), vil + n_vil * (rng.random(n) < 0.5)),
        "address": personal.addresses(w, rng, vil),
        "phone": personal.phones(rng, n),
        "segment": segment_text(rng, mem["seg"]), "occupation": lookup(OCC_TEXT, mem["occ"]),
        "payer": payer_text(sp["payer"][last]),
        "last_paid_month": fmt_months(sp["end"][last], "%m/%Y"),
        "declared_income_rp": fmt_money(mem["income"]),
        "programmes": programme_text(mem["seg"], mem["jht"]),
    }
    order = np.lexsort((np.arange(n), mem["reg_day"]))
    return as_export("members", cols).take(pa.array(order))


def write_members(w: World, out: Path, as_of: str, mem, sp, nik, names) -> Path:
    table = mess.members(w, member_table(w, mem, sp, nik, names))
    return write_csv(out / f"peserta_{as_of}.csv", table, sep=";", bom=True)
