"""Chart builders: DataFrame in, plotly Figure out. No queries; streamlit only to keep a
figure per its inputs (ui/figcache.py).

Every chart reaches the page through ui.layout.chart, which applies `finish` (text colour,
titles clear of the toolbar, no drag-zoom on phones) and `config` (the page's language
for month names, number separators and toolbar tips: plotly.js ships no Indonesian, so
the locale is given here)."""
from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from ui import fmt, palette
from ui.figcache import cached_figure
from ui.i18n import t

COLORS = palette.SERIES
CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": [
    "lasso2d", "select2d", "zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d",
    "zoomInGeo", "zoomOutGeo", "resetGeo", "hoverClosestGeo", "hoverClosestCartesian", "hoverCompareCartesian",
    "toggleSpikelines", "pan", "zoomInMap", "zoomOutMap", "resetViewMap"]}
TITLE_CHARS = 46          # a title wraps after this many characters, so it fits a phone
TOOLBAR_PX = 30           # the toolbar's height: titles start below it

ID_LOCALE = {
    "moduleType": "locale", "name": "id",
    "dictionary": {
        "Download plot as a png": "Unduh grafik sebagai PNG", "Download plot as a PNG": "Unduh grafik sebagai PNG",
        "Download plot": "Unduh grafik",
        "Reset axes": "Kembalikan sumbu", "Autoscale": "Skala otomatis", "Zoom": "Perbesar",
        "Pan": "Geser", "Zoom in": "Perbesar", "Zoom out": "Perkecil", "Reset": "Kembalikan",
        "Double-click to zoom back out": "Klik dua kali untuk kembali",
        "Taking snapshot - this may take a few seconds": "Membuat gambar, mohon tunggu",
        "Snapshot succeeded": "Gambar berhasil dibuat", "Sorry, there was a problem downloading your snapshot!":
            "Maaf, gambar gagal diunduh.", "Produced with Plotly.js": "Dibuat dengan Plotly.js",
        "Toggle Spike Lines": "Garis bantu", "Show closest data on hover": "Data terdekat",
        "Compare data on hover": "Bandingkan data", "trace": "seri", "new text": "teks baru",
    },
    "format": {
        "days": ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
        "shortDays": ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
        "months": fmt.MONTHS_ID_LONG, "shortMonths": fmt.MONTHS_ID,
        "date": "%d/%m/%Y", "decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp ", ""],
    },
}


def config(lang: str) -> dict:
    """plotly.js configuration of every chart in the page's language."""
    out = {**CONFIG, "locale": lang}
    if lang == "id":
        out["locales"] = {"id": ID_LOCALE}
    return out


def wrap_title(text: str | None, width: int = TITLE_CHARS) -> str | None:
    if not text or "<br>" in text:
        return text
    return "<br>".join(textwrap.wrap(text, width)) or text


def finish(fig: go.Figure, lang: str) -> go.Figure:
    """The last touches every chart gets: dark text, a title that wraps and starts below
    the toolbar, the page's separators, and no drag-zoom (a phone scrolls past a chart)."""
    title = wrap_title(fig.layout.title.text)
    if not title and fig.layout.title.subtitle.text:  # a subtitle alone would sit under the toolbar
        title = "\u200b"
    lines = 0 if not title else title.count("<br>") + 1
    top = fig.layout.margin.t if fig.layout.margin.t is not None else 40
    needed = TOOLBAR_PX + 4 + 12 * max(lines - 1, 0) + 20 * lines + 10
    if fig.layout.title.subtitle.text:                # the as-of month and source line (ui.layout.with_context)
        needed += 18
    extra = max(top - 40, 0) if lines else top        # room a chart kept for its own top labels
    fig.update_layout(
        font=dict(color=palette.TEXT), separators=fmt.plotly_separators(lang), dragmode=False,
        title=dict(text=title, x=0, xanchor="left", xref="container", yref="container", yanchor="top",
                   y=1 - (TOOLBAR_PX + 4 + 12 * max(lines - 1, 0)) / (fig.layout.height or 450), pad=dict(l=8),
                   font=dict(color=palette.TEXT, size=15)),
        margin=dict(t=max(needed + extra, top) if lines else max(top, TOOLBAR_PX)),
        legend=dict(font=dict(color=palette.TEXT)),
        hoverlabel=dict(font=dict(color=palette.TEXT), bgcolor="white"))
    fig.update_xaxes(tickfont=dict(color=palette.TEXT), title_font=dict(color=palette.TEXT), automargin=True)
    fig.update_yaxes(tickfont=dict(color=palette.TEXT), title_font=dict(color=palette.TEXT), automargin=True)
    leg = fig.layout.legend
    if leg.orientation == "h" and (leg.y is None or leg.y < 0):     # below the chart, never on its tick labels
        fig.update_layout(legend=dict(yref="container", y=0, yanchor="bottom", x=0, xanchor="left"))
    for ann in fig.layout.annotations or ():
        if ann.font.color is None:
            ann.font.color = palette.TEXT
    return fig


def base_layout(fig: go.Figure, lang: str, height: int = 380) -> go.Figure:
    fig.update_layout(height=height, margin=dict(l=10, r=10, t=40, b=10), separators=fmt.plotly_separators(lang),
                      legend=dict(orientation="h", y=-0.15), hovermode="x unified",
                      plot_bgcolor="white", font=dict(size=13))
    fig.update_yaxes(gridcolor=palette.GRID, rangemode="tozero", tickformat=",d")
    return fig


def month_labels(months, lang: str) -> list[str]:
    return [fmt.month(m, lang) for m in months]


def month_axis(fig: go.Figure, **kw) -> go.Figure:
    """A month axis: plotly places the ticks (never overlapping) and names the months in the
    page's language (config locale); the hover header reads "Mei 2026"."""
    fig.update_xaxes(type="date", hoverformat="%b %Y", **kw)
    return fig


@cached_figure
def trajectory(monthly: pd.DataFrame, path: pd.DataFrame, target: int, lang: str) -> go.Figure:
    fig = go.Figure()
    x = pd.to_datetime(monthly["month"])
    for key, col in (("registered", "n_registered"), ("active", "n_active"), ("lapsed", "n_lapsed"),
                     ("self_paid", "n_self_paid"), ("budget_paid", "n_budget_paid")):
        fig.add_trace(go.Scatter(
            x=x, y=monthly[col], name=t(f"series.{key}", lang), mode="lines",
            line=dict(color=COLORS[key], width=3 if key == "active" else 1.8,
                      dash="dot" if key in ("self_paid", "budget_paid") else None),
            customdata=month_labels(x, lang),
            hovertemplate="%{customdata}: %{y:,.0f}<extra>" + t(f"series.{key}", lang) + "</extra>"))
    fig.add_trace(go.Scatter(
        x=path["month"], y=path["value"], name=t("series.target_path", lang), mode="lines",
        line=dict(color=COLORS["target"], dash="dash", width=2),
        customdata=month_labels(path["month"], lang),
        hovertemplate="%{customdata}: %{y:,.0f}<extra>" + t("series.target_path", lang) + "</extra>"))
    fig.add_hline(y=target, line=dict(color=COLORS["target"], width=1, dash="dot"),
                  annotation_text=t("overview.goal_line", lang, target=fmt.number(target, lang)),
                  annotation_position="top left")
    fig.update_xaxes(tickformat="%Y")
    fig.update_layout(title=t("overview.trajectory", lang))
    return base_layout(fig, lang, height=420)
