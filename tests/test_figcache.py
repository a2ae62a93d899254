"""Issue 16: figures kept per their inputs (ui/figcache.py). The same inputs give an equal
figure without building it again; each caller gets its own copy (ui.layout.chart adds a
title and source line to it); other inputs or another language build anew."""
from __future__ import annotations

import json

import pandas as pd

from ui import claims_charts as cc

FRAME = pd.DataFrame({"month": pd.to_datetime(["2024-01-01", "2024-02-01"]).date,
                      "programme_code": ["JKK", "JKK"], "n_claims": [3, 4], "claims_rp": [1_000_000, 2_500_000]})


def test_same_inputs_same_figure_own_copy(monkeypatch):
    cc.claims_monthly.clear()
    calls = []
    real = cc.money_unit
    monkeypatch.setattr(cc, "money_unit", lambda *a: calls.append(a) or real(*a))
    first = cc.claims_monthly(FRAME, "id")
    again = cc.claims_monthly(FRAME.copy(), "id")
    assert len(calls) == 1                              # built once
    assert again is not first and json.loads(again.to_json()) == json.loads(first.to_json())
    first.update_layout(title_text="changed by a page")
    assert cc.claims_monthly(FRAME, "id").layout.title.text != "changed by a page"
    cc.claims_monthly(FRAME, "en")
    other = FRAME.assign(n_claims=[3, 5])
    cc.claims_monthly(other, "id")
    assert len(calls) == 3                              # another language, other data: built anew
