"""Every colour of the dashboard, chosen once. Adjacent categories of each palette differ by
CIEDE2000 >= 15 with normal vision and with simulated deuteranopia and protanopia
(tests/test_palette.py computes it with ui.colour); text is drawn in TEXT (>= 4.5:1 on
white) or, on a filled tile, in whichever of dark and white reads better.

The tier palette is ordered like the tiers and looks like them: cream for "not yet
ranked", sky blue for the pioneers, then bronze, silver and gold, and deep indigo for
the one-million goal itself."""
from __future__ import annotations

TEXT = "#262730"             # titles, ticks, labels: 15:1 on white
MUTED = "#555867"            # secondary text: 7:1 on white
GRID = "#e3e3e3"
BACKGROUND = "#ffffff"
HIDDEN = "#b0b0b0"           # a hidden (suppressed) area on a map: grey, never a value colour
NO_DATA = "#eeeeee"
SELECTED = "#b8252b"         # the outline of the chosen regency

# by tier number, as in data/tiers.csv (0 = not yet ranked ... 5 = one million protected)
TIER = ["#f2ead8", "#7fb3d5", "#9a5a25", "#b7bec6", "#e0a81e", "#2d2266"]
# active members toward the goal, shaded light (0%) to dark (100%): lightness falls steadily
ATTAINMENT_SCALE = "YlGnBu"

# in the trajectory's legend order
SERIES = {"registered": "#9aa5b1", "active": "#1b7f3b", "lapsed": "#e69f00", "self_paid": "#56b4e9",
          "budget_paid": "#5b3a8c", "target": "#b8252b"}
PROGRAMME = {"JKK": "#d55e00", "JKM": "#5b3a8c", "JHT": "#56b4e9", "JP": "#1b7f3b"}
PAYER = {"MANDIRI": "#444444", "PEMBERI_KERJA": "#a0a0a0", "APBD_PROV": "#1f3a93", "APBD_KAB": "#56b4e9",
         "APBDES": "#1b7f3b", "CSR": "#e69f00"}
# sectors by sort order (data/sectors.csv): farming ... other
SECTOR = ["#1b7f3b", "#e69f00", "#7a3b1f", "#56b4e9", "#8e3b8f", "#d55e00", "#1f3a93", "#a0a0a0", "#0072b2",
          "#444444"]
PEER = ["#b8252b", "#0072b2", "#e69f00", "#444444"]     # the chosen regency first
HORIZON = {3: "#0f4f22", 6: "#3f8f3f", 12: "#a8d5a0"}  # months after a budget ended: dark to light
BAR = "#1f6f9f"                                        # a bar chart of one series
BAR_ALT = "#1b7f3b"

# every categorical palette, in legend order, for the colour test
PALETTES = {"tier": TIER, "series": list(SERIES.values()), "programme": list(PROGRAMME.values()),
            "payer": list(PAYER.values()), "sector": SECTOR, "peer": PEER, "horizon": list(HORIZON.values())}


def tier(n: int) -> str:
    """The colour of tier number n (a configuration with more tiers repeats the top colour)."""
    return TIER[min(max(int(n), 0), len(TIER) - 1)]


def sector(i: int) -> str:
    return SECTOR[i % len(SECTOR)]
