"""The regency tile map: one equal square per regency, placed roughly where it lies.

The layout is the project's own data, ``geo/tiles.csv`` (kemendagri_code,
row, col; rows increase southward, columns eastward): Flores across the top
west to east, then Lembata and Alor; Sumba in the south-west; Timor in the
south-east; Sabu and Rote south of them.

Tiles are layout shapes in data coordinates with ``scaleanchor`` y=x, so they
stay square and scale with the container width. Text and hover come from one
scatter trace at the tile centres. Nothing is fetched from the network.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
import plotly.colors as pc
import plotly.graph_objects as go

ROOT = Path(__file__).resolve().parents[1]
TILES_CSV = Path(__file__).with_name("tiles.csv")
REGENCIES_CSV = ROOT / "data" / "regencies.csv"

TILE_SHAPE_PREFIX = "tile:"          # every tile is a layout shape named "tile:<kemendagri_code>"
TILE_TRACE_NAME = "tiles"            # the scatter trace with one point (text, hover) per tile
DEFAULT_COLORSCALE = "YlGnBu"
NO_DATA_COLOR = "#eeeeee"
COLORBAR = dict(orientation="h", x=0.5, xanchor="center", y=-0.02, yanchor="top", len=0.5,
                thickness=10, ticksuffix="%")
LEGEND = dict(orientation="h", x=0.5, xanchor="center", y=-0.02, yanchor="top")
NO_DATA_LABEL = "—"


def load_regencies(path: Path | str = REGENCIES_CSV) -> pd.DataFrame:
    """The reference table, every column as text (so "53.10" stays "53.10")."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def load_tiles(path: Path | str = TILES_CSV, regencies: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tile layout joined with the regency label: kemendagri_code, row, col, label, name."""
    tiles = pd.read_csv(path, dtype={"kemendagri_code": str, "row": int, "col": int})
    reg = load_regencies() if regencies is None else regencies
    _check_layout(tiles, reg)
    return tiles.merge(reg[["kemendagri_code", "label", "name"]], on="kemendagri_code", how="left")


def _check_layout(tiles: pd.DataFrame, regencies: pd.DataFrame) -> None:
    codes, expected = set(tiles["kemendagri_code"]), set(regencies["kemendagri_code"])
    if codes != expected or len(tiles) != len(expected):
        raise ValueError(f"tile layout must list each of the {len(expected)} regencies once; "
                         f"extra {sorted(codes - expected)}, missing {sorted(expected - codes)}")
    if tiles.duplicated(["row", "col"]).any():
        raise ValueError("tile layout puts two regencies in the same cell")


def count_tiles(fig: go.Figure) -> int:
    """Number of regency tiles drawn in a figure made by `tile_figure`."""
    return sum(1 for s in fig.layout.shapes if (s.name or "").startswith(TILE_SHAPE_PREFIX))


def continuous_colors(values: Sequence[float], colorscale=DEFAULT_COLORSCALE,
                      vmin: float = 0.0, vmax: float = 100.0) -> list[str]:
    """One colour per value on the colorscale, values clipped to [vmin, vmax]; NaN -> grey."""
    scale = pc.get_colorscale(colorscale) if isinstance(colorscale, str) else colorscale
    out = []
    for v in values:
        if pd.isna(v):
            out.append(NO_DATA_COLOR)
        else:
            t = min(max((float(v) - vmin) / (vmax - vmin), 0.0), 1.0)
            out.append(pc.sample_colorscale(scale, [t])[0])
    return out


def text_color_for(fill: str) -> str:
    """Black or white, whichever reads better on the fill ("#rrggbb" or "rgb(...)"; else black)."""
    if fill.startswith("#") and len(fill) == 7:
        rgb = pc.hex_to_rgb(fill)
    elif fill.startswith("rgb"):
        rgb = [float(x) for x in re.findall(r"[\d.]+", fill)[:3]]
    else:
        return "#111111"
    luminance = (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255
    return "#111111" if luminance > 0.55 else "#ffffff"


def discrete_colorscale(colors: Sequence[str]) -> list[list]:
    """A stepped colorscale for z = 0..n-1, one flat band per colour."""
    n = len(colors)
    scale = []
    for i, c in enumerate(colors):
        scale += [[i / n, c], [(i + 1) / n, c]]
    return scale


def _tile_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Layout left-joined with the caller's data: all 22 tiles, data or not."""
    if df["kemendagri_code"].duplicated().any():
        raise ValueError("tile_figure needs at most one row per kemendagri_code")
    data = df.drop(columns=[c for c in ("row", "col", "label", "name") if c in df.columns])
    return load_tiles().merge(data, on="kemendagri_code", how="left")


def _fills(t: pd.DataFrame, value_col, color_col, colorscale, category_colors) -> list[str]:
    if color_col is None:
        return continuous_colors(t[value_col], colorscale)
    colors = category_colors or {}
    return [colors.get(c, NO_DATA_COLOR) if not pd.isna(c) else NO_DATA_COLOR for c in t[color_col]]


def _tile_shape(r, fill: str) -> dict:
    pad = 0.05
    return dict(type="rect", xref="x", yref="y", name=f"{TILE_SHAPE_PREFIX}{r.kemendagri_code}",
                x0=r.col - 0.5 + pad, x1=r.col + 0.5 - pad, y0=r.row - 0.5 + pad, y1=r.row + 0.5 - pad,
                fillcolor=fill, layer="below",
                line=dict(color="#bbbbbb" if fill == NO_DATA_COLOR else "white", width=1))


def _hover(t: pd.DataFrame, hover_cols: Sequence[str]) -> tuple[list, str]:
    """customdata per tile: [kemendagri_code, name, *hover_cols] (the code first: a click on
    a tile tells which regency it is)."""
    cols = ["kemendagri_code", "name", *hover_cols]
    custom = t[cols].astype(object).where(t[cols].notna(), NO_DATA_LABEL).values.tolist()
    lines = ["<b>%{customdata[1]}</b>"] + [f"{c}: %{{customdata[{i + 2}]}}" for i, c in enumerate(hover_cols)]
    return custom, "<br>".join(lines) + "<extra></extra>"


def _text_trace(t: pd.DataFrame, label_col: str | None, fills: list[str], hover_cols, font_size: int,
                text_color=text_color_for) -> go.Scatter:
    text = t[label_col] if label_col else t["label"]
    text = [str(x) if not pd.isna(x) else lbl for x, lbl in zip(text, t["label"])]
    custom, template = _hover(t, hover_cols)
    return go.Scatter(x=t["col"], y=t["row"], mode="markers+text", name=TILE_TRACE_NAME, text=text,
                      textfont=dict(size=font_size, color=[text_color(f) for f in fills]),
                      marker=dict(symbol="square", size=36, opacity=0), customdata=custom,
                      unselected=dict(marker=dict(opacity=0)), selected=dict(marker=dict(opacity=0)),
                      hovertemplate=template, showlegend=False)


def _colorbar_trace(colorscale) -> go.Scatter:
    """Invisible trace that only carries the 0-100 colour bar."""
    return go.Scatter(x=[None, None], y=[None, None], mode="markers", hoverinfo="skip", showlegend=False,
                      marker=dict(color=[0, 100], cmin=0, cmax=100, colorscale=colorscale, showscale=True,
                                  colorbar=COLORBAR))


def _legend_traces(category_colors: Mapping[str, str]) -> list[go.Scatter]:
    """Legend-only entries, one per category, in the given order."""
    return [go.Scatter(x=[None], y=[None], mode="markers", name=str(cat), showlegend=True,
                       marker=dict(symbol="square", size=14, color=color))
            for cat, color in category_colors.items()]


def _layout(fig: go.Figure, t: pd.DataFrame, title, separators: str, height) -> None:
    nrows, ncols = t["row"].max() + 1, t["col"].max() + 1
    axis = dict(visible=False, showgrid=False, zeroline=False, fixedrange=True)
    fig.update_xaxes(axis, range=[-0.5, ncols - 0.5], constrain="domain")
    fig.update_yaxes(axis, range=[nrows - 0.5, -0.5], scaleanchor="x", scaleratio=1, constrain="domain")
    fig.update_layout(title=title, separators=separators, height=height or 90 * nrows + 90,
                      margin=dict(l=10, r=10, t=50 if title else 10, b=10), plot_bgcolor="rgba(0,0,0,0)",
                      paper_bgcolor="rgba(0,0,0,0)", legend=LEGEND, dragmode=False)


def tile_figure(df: pd.DataFrame, value_col: str, label_col: str | None = None, color_col: str | None = None,
                hover_cols: Sequence[str] = (), colorscale=DEFAULT_COLORSCALE,
                category_colors: Mapping[str, str] | None = None, title: str | None = None,
                separators: str = ",.", height: int | None = None, font_size: int = 11,
                text_color=text_color_for) -> go.Figure:
    """Tile map of the 22 regencies.

    df: one row per regency with `kemendagri_code` and the columns named here.
    Tiles are coloured by `value_col` on `colorscale` over 0-100 (values
    clipped; missing -> grey), or, when `color_col` is given, by its category
    using `category_colors` {category: colour} (also the legend order).
    Each tile shows `label_col` (caller-formatted text, e.g. "TTS<br>45,8%";
    default: the short label); hover shows the name and each of `hover_cols`
    as "column: value" (name and format those columns for display first).
    Regencies absent from df are still drawn, in grey. Tiles scale with the
    width but text does not: below ~700 px pass short labels or a smaller
    `font_size`. `text_color(fill)` picks each label's colour.
    """
    t = _tile_frame(df)
    fills = _fills(t, value_col, color_col, colorscale, category_colors)
    fig = go.Figure()
    for r, fill in zip(t.itertuples(), fills):
        fig.add_shape(**_tile_shape(r, fill))
    fig.add_trace(_text_trace(t, label_col, fills, hover_cols, font_size, text_color))
    if color_col is None:
        fig.add_trace(_colorbar_trace(colorscale))
    else:
        fig.add_traces(_legend_traces(category_colors or {}))
    _layout(fig, t, title, separators, height)
    return fig
