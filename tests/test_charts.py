"""Charts speak the page's language and fit a phone: plotly gets the Indonesian locale (month
names, separators, toolbar tips), titles wrap and start below the toolbar, legends sit below
the tick labels, nothing is drag-zoomed, and small programmes get their own panel."""
import json

import pandas as pd
import plotly.graph_objects as go

from ui import charts
from ui import claims_charts as cc


def test_locale_config():
    cfg = charts.config("id")
    assert cfg["locale"] == "id"
    fmt_ = cfg["locales"]["id"]["format"]
    assert fmt_["shortMonths"][4] == "Mei" and fmt_["months"][7] == "Agustus"
    assert (fmt_["decimal"], fmt_["thousands"]) == (",", ".")
    assert cfg["locales"]["id"]["dictionary"]["Download plot as a png"] == "Unduh grafik sebagai PNG"
    assert charts.config("en")["locale"] == "en" and "locales" not in charts.config("en")
    assert cfg["displaylogo"] is False and "zoom2d" in cfg["modeBarButtonsToRemove"]


def test_finish_puts_the_title_below_the_toolbar_and_wraps_it():
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], name="a"), layout=dict(
        title="Nilai klaim dibayar per bulan, per program (skala masing-masing)", height=400,
        legend=dict(orientation="h", y=-0.15)))
    out = charts.finish(fig, "id")
    lines = out.layout.title.text.split("<br>")
    assert len(lines) == 2 and all(len(x) <= charts.TITLE_CHARS for x in lines)
    top_px = (1 - out.layout.title.y) * 400
    assert out.layout.title.yanchor == "top" and top_px >= charts.TOOLBAR_PX
    assert out.layout.margin.t >= top_px + 2 * 20                        # room for both lines
    assert out.layout.separators == ",." and out.layout.dragmode is False
    assert (out.layout.legend.yref, out.layout.legend.y, out.layout.legend.yanchor) == ("container", 0, "bottom")
    assert out.layout.font.color == "#262730"


def monthly():
    months = pd.date_range("2026-01-01", periods=10, freq="MS")
    rows = [(m, p, n, rp) for m in months for p, n, rp in (("JKK", 1, 3_000_000), ("JHT", 80, 900_000_000),
                                                           ("JP", 2, 1_500_000))]
    return pd.DataFrame(rows, columns=["month", "programme_code", "n_claims", "claims_rp"])


def test_months_are_named_by_plotly_in_the_page_language():
    spec = json.loads(cc.claims_monthly(monthly(), "id").to_json())
    assert spec["layout"]["xaxis"]["type"] == "date"
    assert "ticktext" not in spec["layout"]["xaxis"]              # no English month names written by hand


def test_small_programmes_get_their_own_panel():
    fig = cc.claims_monthly_split(monthly(), "id", {"JKK": "Jaminan Kecelakaan Kerja", "JHT": "Jaminan Hari Tua",
                                                    "JP": "Jaminan Pensiun"})
    spec = json.loads(fig.to_json())
    assert [tr["name"] for tr in spec["data"]] == ["JKK", "JHT", "JP"]
    assert [tr["yaxis"] for tr in spec["data"]] == ["y", "y2", "y3"]    # each on its own scale
    titles = [a["text"] for a in spec["layout"]["annotations"]]
    assert titles == ["JKK · Jaminan Kecelakaan Kerja", "JHT · Jaminan Hari Tua", "JP · Jaminan Pensiun"]
    assert {spec["layout"]["yaxis"]["title"]["text"], spec["layout"]["yaxis2"]["title"]["text"]} == \
        {"Rp juta"}                                                    # JKK in juta, not lost beside JHT's
