"""Who is registered, where and when, and which months each member paid.

A member is a row of `mem` (arrays: seg, reg, vil, female, reg_day, birth, income,
jht, occ); a paid spell is a row of `sp` (arrays: mem, start, end, payer; months
as indices of etl.demo.world). Members come in cohorts: open cohorts registering
month by month per segment, and budget-paid BPU cohorts (facts.BUDGETS). Spells
then continue after a budget ends, and some lapsed members pay again."""
from __future__ import annotations

import numpy as np

from etl.demo import facts
from etl.demo.codes import BPU, BUDGET_PAYERS, JAKON, MANDIRI, PK, PMI, PU, SEGMENT_CODE
from etl.demo.occupations import bpu_occupations, occupations
from etl.demo.personal import birth_days
from etl.demo.world import World, days_in, first_day, month_index, regency_weights


# ---------------------------------------------------------------- people
def pick_villages(w: World, rng, reg: np.ndarray, urban: bool) -> np.ndarray:
    """A village of each person's regency, weighted (kelurahan favoured for wage earners)."""
    vil = np.empty(len(reg), np.int64)
    kel = np.where(w.vil.is_desa, 1.0, 3.0 if urban else 0.5)
    weight = w.vil.weight.to_numpy() * kel
    for r in np.unique(reg):
        rows = np.flatnonzero(reg == r)
        cand = np.flatnonzero(w.vil.reg_idx.to_numpy() == r)
        vil[rows] = rng.choice(cand, len(rows), p=weight[cand] / weight[cand].sum())
    return vil


def people(w: World, rng, seg: int, reg, start, *, vil=None, reg_day=None, occ=None,
           budget: bool = False) -> dict:
    """Member attributes for one cohort; start = first paid month of each person."""
    n = len(reg)
    start = np.asarray(start)
    if reg_day is None:
        reg_day = first_day(start) + (rng.random(n) * days_in(start)).astype(np.int64)
    birth = birth_days(rng, seg, reg_day)
    income, jht = incomes(rng, seg, n, budget)
    if occ is None:
        occ = bpu_occupations(rng, n) if seg == BPU else occupations(rng, n, [SEGMENT_CODE[seg]])
    return {"seg": np.full(n, seg, np.int8), "reg": np.asarray(reg, np.int64),
            "vil": pick_villages(w, rng, reg, seg in (PU, JAKON)) if vil is None else vil,
            "female": rng.random(n) < facts.FEMALE[seg], "reg_day": reg_day, "birth": birth,
            "income": income, "jht": jht, "occ": occ}


def incomes(rng, seg: int, n: int, budget: bool) -> tuple[np.ndarray, np.ndarray]:
    """Declared income or wage (Rupiah) and whether the member takes JHT."""
    if budget:
        return np.full(n, facts.BPU_MIN_INCOME), np.zeros(n, bool)
    if seg == BPU:
        income = rng.choice(np.array(facts.BPU_INCOMES), n, p=np.array(facts.BPU_INCOME_P))
        return income, rng.random(n) < facts.BPU_JHT_SHARE
    wage = np.round(rng.lognormal(np.log(facts.WAGE_MEDIAN[seg]), 0.45, n), -3)
    wage = np.maximum(wage, facts.BPU_MIN_INCOME).astype(np.int64)
    jht = np.ones(n, bool) if seg == PU else rng.random(n) < (0.3 if seg == PMI else 0.0)
    return wage, jht


# ---------------------------------------------------------------- spells
def spells(mem, start, end, payer) -> dict:
    return {"mem": np.asarray(mem, np.int64), "start": np.asarray(start, np.int64),
            "end": np.asarray(end, np.int64), "payer": np.asarray(payer, np.int8)}


def append(sp: dict, more: dict) -> dict:
    return {k: np.concatenate([sp[k], more[k]]) for k in sp}


def geometric(rng, n: int, median: float) -> np.ndarray:
    return rng.geometric(1 - 0.5 ** (1 / median), n)


def bpu_length(rng, n: int) -> np.ndarray:
    """Self-paid BPU spells: a steady minority and many who stop after a few months."""
    steady = rng.random(n) < facts.BPU_STEADY_SHARE
    return np.where(steady, geometric(rng, n, facts.BPU_STEADY_MEDIAN),
                    geometric(rng, n, facts.BPU_LAPSE_MEDIAN))


def spell_length(rng, seg: int, n: int) -> np.ndarray:
    if seg == BPU:
        return bpu_length(rng, n)
    if seg == PU:
        return geometric(rng, n, facts.PU_MEDIAN)
    if seg == JAKON:
        return rng.integers(3, 13, n)              # brief: project duration 3-12 months
    return np.full(n, 24)                          # PMI: a 24-month placement


def month_weights(w: World, seg: int) -> np.ndarray:
    """Registration months. BPU: slow before the Aug 2020 push (D), faster after,
    faster again with the 2025-2026 budget programmes (brief)."""
    m = np.arange(w.last + 1)
    if seg == BPU:
        wt = np.ones(len(m))
        for since, weight in facts.BPU_REGISTRATION_WEIGHT:
            wt[m >= month_index(since)] = weight
        push = month_index(facts.BPU_PUSH[0])
        wt[(m >= push) & (m < push + facts.BPU_PUSH[1])] *= facts.BPU_PUSH[2]
    elif seg == PU:
        wt = np.where(m < 12, 3.0, 1.0) * np.where((m >= 51) & (m <= 59), 0.6, 1.0)
    elif seg == JAKON:
        wt = np.where(np.isin(m % 12, [4, 5, 6, 7, 8, 9]), 1.5, 1.0)   # dry season
    else:
        wt = np.where((m >= 51) & (m <= 71), 0.3, 1.0)                  # borders shut 2020-21
    return wt / wt.sum()


# ---------------------------------------------------------------- cohorts
def open_cohort(w: World, seg: int, n: int) -> tuple[dict, dict]:
    """Members registering month by month, paying themselves or by employer."""
    rng = w.rng(f"cohort-{seg}")
    reg = rng.choice(len(w.reg), n, p=regency_weights(w, seg))
    start = rng.choice(w.last + 1, n, p=month_weights(w, seg))
    end = np.minimum(start + spell_length(rng, seg, n) - 1, w.last)
    payer = np.full(n, PK if seg in (PU, JAKON) else MANDIRI, np.int8)
    return people(w, rng, seg, reg, start), spells(np.arange(n), start, end, payer)


def budget_regencies(w: World, rng, b: facts.Budget) -> tuple[np.ndarray, np.ndarray | None]:
    """Regency (and village for per-village cohorts) of each worker of a budget cohort."""
    if b.per_village:
        vil = []
        for code, per in b.per_village:
            desa = np.flatnonzero((w.vil.reg_idx == w.reg_idx(code)) & w.vil.is_desa)
            total = int(round(len(desa) * per * w.scale))
            vil.append(rng.permutation(desa)[np.arange(total) % len(desa)])
        vil = np.concatenate(vil)
        return w.vil.reg_idx.to_numpy()[vil], vil
    fixed = [np.full(int(round(q * w.scale)), w.reg_idx(c)) for c, q in b.quotas]
    rest = int(round(b.workers * w.scale)) - sum(map(len, fixed))
    pool = [w.reg_idx(c) for c in b.regencies] or [i for i in range(len(w.reg))
                                                   if w.reg.kemendagri_code[i] not in dict(b.quotas)]
    p = regency_weights(w, BPU)[pool]
    return np.concatenate(fixed + [rng.choice(pool, max(rest, 0), p=p / p.sum())]), None


def budget_cohort(w: World, b: facts.Budget) -> tuple[dict, dict] | None:
    first = month_index(b.first)
    if first > w.last:
        return None
    rng = w.rng(f"budget-{b.payer}-{b.first}")
    reg, vil = budget_regencies(w, rng, b)
    n = len(reg)
    reg_day = first_day(first) + rng.integers(-17, 20, n)   # registered mid-Dec .. mid-Jan
    occ = occupations(rng, n, ["perikanan"]) if b.fishers else None
    end = w.last if b.last is None else min(month_index(b.last), w.last)
    who = people(w, rng, BPU, reg, np.full(n, first), vil=vil, reg_day=reg_day, occ=occ, budget=True)
    return who, spells(np.arange(n), np.full(n, first), np.full(n, end), np.full(n, b.payer))


def concat_cohorts(cohorts: list[tuple[dict, dict]]) -> tuple[dict, dict]:
    offsets = np.cumsum([0] + [len(c[0]["seg"]) for c in cohorts])
    mem = {k: np.concatenate([c[0][k] for c in cohorts]) for k in cohorts[0][0]}
    sp = {k: np.concatenate([c[1][k] + (offsets[i] if k == "mem" else 0) for i, c in enumerate(cohorts)])
          for k in cohorts[0][1]}
    return mem, sp


def population(w: World, members: int) -> tuple[dict, dict]:
    """All members with their first spells, continuations and reactivations
    (deaths are drawn by etl.demo.claims, which ends the spells they cut short)."""
    counts = np.floor(np.array(facts.SEGMENT_SHARE) * members).astype(int)
    counts[BPU] += members - counts.sum()
    budget = [c for c in (budget_cohort(w, b) for b in facts.BUDGETS) if c is not None]
    n_budget = sum(len(c[0]["seg"]) for c in budget)
    if n_budget > counts[BPU]:
        raise ValueError(f"{members} members are too few for the budget cohorts")
    cohorts = [open_cohort(w, PU, counts[PU]), open_cohort(w, BPU, counts[BPU] - n_budget),
               *budget, open_cohort(w, JAKON, counts[JAKON]), open_cohort(w, PMI, counts[PMI])]
    mem, sp = concat_cohorts(cohorts)
    sp = append(sp, continue_after_budget(w, sp))
    return mem, append(sp, reactivate(w, mem, sp))


def continue_after_budget(w: World, sp: dict) -> dict:
    """Some budget-paid workers keep paying themselves when the budget year ends."""
    rng = w.rng("continue")
    ended = np.isin(sp["payer"], BUDGET_PAYERS) & (sp["end"] < w.last)
    keep = ended & (rng.random(len(ended)) < facts.BUDGET_CONTINUE)
    start = sp["end"][keep] + 1
    end = np.minimum(start + bpu_length(rng, len(start)) - 1, w.last)
    return spells(sp["mem"][keep], start, end, np.full(len(start), MANDIRI))


def by_member(sp: dict) -> dict:
    """Spells ordered by member, then start month."""
    order = np.lexsort((sp["start"], sp["mem"]))
    return {k: v[order] for k, v in sp.items()}


def last_spells(sp: dict) -> np.ndarray:
    """Index of each member's latest spell (the one that starts last)."""
    order = np.lexsort((sp["start"], sp["mem"]))
    mem = sp["mem"][order]
    return order[np.r_[np.flatnonzero(mem[1:] != mem[:-1]), len(mem) - 1]]


def reactivate(w: World, mem: dict, sp: dict) -> dict:
    """A share of lapsed members start paying again after a gap (a new spell)."""
    rng = w.rng("reactivate")
    last = last_spells(sp)
    seg = mem["seg"][sp["mem"][last]]
    segs = range(len(SEGMENT_CODE))
    p = np.select([seg == s for s in segs], list(facts.REACTIVATE))
    gap = np.select([seg == s for s in segs], [geometric(rng, len(last), facts.REACTIVATE_GAP[s]) for s in segs])
    start = sp["end"][last] + 1 + gap
    ok = (sp["end"][last] < w.last) & (rng.random(len(last)) < p) & (start <= w.last)
    seg, start = seg[ok], start[ok]
    length = np.select([seg == s for s in segs], [spell_length(rng, s, len(seg)) for s in segs])
    payer = np.where(np.isin(seg, [PU, JAKON]), PK, MANDIRI)
    return spells(sp["mem"][last][ok], start, np.minimum(start + length - 1, w.last), payer)
