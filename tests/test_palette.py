"""One palette, readable by everyone: adjacent categories differ by CIEDE2000 >= 15 with normal
vision and simulated deuteranopia and protanopia (Machado et al. 2009, ui/colour.py), text
reaches 4.5:1, the tier colours look like their medals, and every chart and map draws tiers
with the same colours."""
import json

import numpy as np
import pandas as pd
import pytest

from ui import colour, palette
from ui import map_charts as mc
from ui import regency_charts as rc
from ui import sector_charts as sc

MIN_DELTA_E = 15
VISIONS = [None, "deuteranopia", "protanopia"]
TIERS = pd.DataFrame({"tier": range(6), "min_pct": [0, 10, 25, 50, 75, 100],
                      "label_id": ["Belum berperingkat", "Perintis", "Perunggu", "Perak", "Emas", "Sejuta Terlindungi"],
                      "label_en": ["Not yet ranked", "Pioneer", "Bronze", "Silver", "Gold", "One Million Protected"]})


# ---------------------------------------------------------------- the arithmetic itself

@pytest.mark.parametrize("lab1, lab2, expected", [      # Sharma, Wu & Dalal (2005), CIEDE2000 test data
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, -1.3802, -84.2814), (50.0, 0.0, -82.7485), 1.0000),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (50.0, 3.2592, 0.3350), 1.0000),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
])
def test_ciede2000_reference_pairs(lab1, lab2, expected):
    assert colour.ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def test_cvd_simulation_behaves():
    grey = "#808080"
    for d in ("deuteranopia", "protanopia"):
        assert np.allclose(colour.simulate(grey, d), colour.rgb(grey), atol=0.01)     # greys stay grey
        # the red-green confusion: red and green come closer than they are
        assert colour.delta_e("#d62728", "#2ca02c", d) < colour.delta_e("#d62728", "#2ca02c") / 2
    assert colour.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert colour.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# ---------------------------------------------------------------- the palettes

@pytest.mark.parametrize("name", sorted(palette.PALETTES))
@pytest.mark.parametrize("vision", VISIONS)
def test_adjacent_categories_differ(name, vision):
    colours = palette.PALETTES[name]
    for a, b in zip(colours, colours[1:]):
        assert colour.delta_e(a, b, vision) >= MIN_DELTA_E, (name, vision, a, b)


def test_text_contrast():
    for ink in (palette.TEXT, palette.MUTED):
        assert colour.contrast(ink, "#ffffff") >= 4.5
    # a label drawn on a tile or region: dark or white, whichever reads, always >= 4.5:1
    fills = palette.TIER + mc.fill_colours(np.linspace(0, 100, 21)) + [palette.HIDDEN, palette.NO_DATA]
    for fill in fills:
        assert colour.contrast(colour.text_on(fill), fill) >= 4.5, fill


def test_tiers_look_like_their_medals():
    hue = {name: np.degrees(np.arctan2(lab[2], lab[1])) % 360
           for name, lab in zip(TIERS["label_en"], (colour.lab(colour.rgb(c)) for c in palette.TIER))}
    chroma = {name: float(np.hypot(*colour.lab(colour.rgb(c))[1:])) for name, c in zip(TIERS["label_en"], palette.TIER)}
    assert 40 <= hue["Bronze"] <= 80 and chroma["Bronze"] > 30           # brown-orange
    assert chroma["Silver"] < 8                                           # grey
    assert 60 <= hue["Gold"] <= 100 and chroma["Gold"] > 50               # yellow-gold
    lightness = [colour.lab(colour.rgb(c))[0] for c in palette.TIER]
    assert lightness[0] == max(lightness) and lightness[-1] == min(lightness)   # nothing yet -> all of it


def tier_colours_of(fig_json: dict) -> set:
    found = set()
    for tr in fig_json["data"]:
        marker = tr.get("marker") or {}
        for c in (marker.get("color") if isinstance(marker.get("color"), list) else [marker.get("color")]):
            found.add(c)
        found.add(tr.get("fillcolor"))
    for s in fig_json["layout"].get("shapes", []):
        found.add(s.get("fillcolor"))
    return {c for c in found if isinstance(c, str) and c.startswith("#")}


def test_one_tier_palette_on_every_chart():
    standing = pd.DataFrame({"regency_code": ["53.01", "53.02", "53.71"], "regency_name": ["A", "B", "C"],
                             "regency_short_name": ["A", "B", "C"], "attainment_pct": [5.0, 30.0, 80.0],
                             "target": [10, 10, 10], "n_active": [0, 3, 8], "tier": [0, 2, 4],
                             "tier_label_id": ["Belum berperingkat", "Perunggu", "Emas"],
                             "tier_label_en": ["Not yet ranked", "Bronze", "Gold"], "attainment_rank": [3, 2, 1]})
    regs = standing[["regency_code"]].assign(regency_label=["A", "B", "C"])
    frame = mc.map_frame(standing, regs, "id")
    ranking = json.loads(rc.ranking(standing, TIERS, None, "id").to_json())
    tile = json.loads(mc.tile_map(frame, "tier", TIERS, None, "id").to_json())
    dist = pd.DataFrame({"month": ["2024-01-01"] * 6, "tier": range(6), "label_id": TIERS["label_id"],
                         "label_en": TIERS["label_en"], "n_regencies": [1] * 6})
    history = json.loads(sc.tier_distribution(dist, "id").to_json())
    expected = {palette.TIER[0], palette.TIER[2], palette.TIER[4]}
    assert expected <= tier_colours_of(ranking)
    assert expected <= tier_colours_of(tile)
    assert set(palette.TIER) <= tier_colours_of(history)
    for fig in (ranking, tile, history):
        strays = tier_colours_of(fig) - set(palette.TIER) - {palette.NO_DATA, palette.MUTED, palette.SELECTED}
        assert not strays, strays
