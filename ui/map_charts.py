"""Maps of the regency page: the tile map, the geographic map of the 22 regencies (names on
it) and the map of one regency's districts. DataFrame in, plotly Figure out; no queries,
no streamlit. A click on a tile or region selects it (ui.state.select reads the code from
customdata[0] or the choropleth location)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from geo import boundaries, tiles
from ui import colour, fmt, palette
from ui.figcache import cached_figure
from ui.i18n import t


def tier_label(row, lang: str) -> str:
    return row["tier_label_id"] if lang == "id" else row["tier_label_en"]


def tier_colors(tiers: pd.DataFrame, lang: str) -> dict[str, str]:
    """{tier label: colour} in tier order (also the legend order): the one tier palette."""
    col = "label_id" if lang == "id" else "label_en"
    return {r[col]: palette.tier(r["tier"]) for _, r in tiers.sort_values("min_pct").iterrows()}


def wrap(label: str, width: int = 9) -> str:
    """A tile label on short lines: "Manggarai Barat" -> "Manggarai<br>Barat"."""
    lines: list[str] = []
    for word in str(label).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def map_frame(standing: pd.DataFrame, regencies: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per regency with what both maps show: value (attainment), tier label, tile
    text ("TTS<br>45,8%"), hover text (name, attainment, active of target, tier, rank)."""
    d = standing.merge(regencies[["regency_code", "regency_label"]], on="regency_code", how="left")
    d["kemendagri_code"], d["label"], d["name"] = d["regency_code"], d["regency_label"], d["regency_name"]
    d["value"] = d["attainment_pct"].astype(float)
    d["tier_name"] = [tier_label(r, lang) for _, r in d.iterrows()]
    d["tile_text"] = [f"{wrap(lbl)}<br>{fmt.pct_cut(v, 1, lang)}" for lbl, v in zip(d["label"], d["value"])]
    d["hover"] = [
        f"<b>{r['name']}</b><br>"
        + t("reg.hover_attainment", lang, pct=fmt.pct_cut(r["attainment_pct"], 1, lang),
            active=fmt.number(r["n_active"], lang), target=fmt.number(r["target"], lang))
        + "<br>" + t("reg.hover_tier", lang, tier=r["tier_name"])
        + "<br>" + t("reg.hover_rank", lang, rank=int(r["attainment_rank"]), n=len(d))
        for _, r in d.iterrows()]
    d["col_attainment"] = [fmt.pct_cut(v, 1, lang) for v in d["value"]]
    d["col_active"] = [fmt.number(v, lang) for v in d["n_active"]]
    d["col_target"] = [fmt.number(v, lang) for v in d["target"]]
    return d


def fill_colours(values, colorscale=palette.ATTAINMENT_SCALE) -> list[str]:
    return tiles.continuous_colors(values, colorscale)


@cached_figure
def tile_map(frame: pd.DataFrame, color_by: str, tiers: pd.DataFrame, selected: str | None,
             lang: str) -> go.Figure:
    """Tile map coloured by attainment (0-100) or by tier; the selected regency outlined."""
    shown = frame.rename(columns={"col_attainment": t("table.attainment", lang),
                                  "col_active": t("table.active", lang),
                                  "col_target": t("table.target", lang),
                                  "tier_name": t("table.tier", lang)})
    hover = [t("table.attainment", lang), t("table.active", lang), t("table.target", lang), t("table.tier", lang)]
    by_tier = color_by == "tier"
    fig = tiles.tile_figure(
        shown.drop(columns=["name"]), value_col="value", label_col="tile_text",
        color_col=t("table.tier", lang) if by_tier else None,
        category_colors=tier_colors(tiers, lang) if by_tier else None, colorscale=palette.ATTAINMENT_SCALE,
        hover_cols=hover, separators=fmt.plotly_separators(lang), font_size=10, height=400,
        text_color=colour.text_on)
    for shape in fig.layout.shapes:
        if shape.name == f"{tiles.TILE_SHAPE_PREFIX}{selected}":
            shape.line = dict(color=palette.SELECTED, width=4)
    return fig.update_layout(title=t("reg.map_title", lang))


def _fills(d: pd.DataFrame, color_col: str | None, category_colors: dict | None) -> list[str]:
    if color_col:
        return [(category_colors or {}).get(c, palette.NO_DATA) for c in d[color_col]]
    return fill_colours(d["value"])


def name_labels(points, texts, fills, size: int = 10) -> go.Scattergeo:
    """Names on a geographic map, each in the colour that reads on its region; not
    clickable (the region under it is)."""
    return go.Scattergeo(lon=[p.x for p in points], lat=[p.y for p in points], text=list(texts), mode="text",
                         textfont=dict(size=size, color=[colour.text_on(f) for f in fills]),
                         hoverinfo="skip", showlegend=False)


def geo_map(matched, frame: pd.DataFrame, color_by: str, tiers: pd.DataFrame, selected: str | None,
            lang: str) -> go.Figure:
    """Choropleth of the matched boundaries (already simplified and oriented) with the
    regency names on it; same colours and hover as the tile map; the selected one outlined."""
    by_tier = color_by == "tier"
    colors = tier_colors(tiers, lang) if by_tier else None
    fig = boundaries.choropleth_figure(
        matched, frame[["kemendagri_code", "value", "tier_name", "hover"]], value_col="value",
        hover_text_col="hover", color_col="tier_name" if by_tier else None, category_colors=colors,
        colorscale=palette.ATTAINMENT_SCALE, separators=fmt.plotly_separators(lang), tolerance=None,
        precision=None, height=470)
    for trace in fig.data:
        if isinstance(trace, go.Choropleth):
            locs = list(trace.locations)
            trace.marker.line.width = [3 if c == selected else 0.6 for c in locs]
            trace.marker.line.color = [palette.SELECTED if c == selected else "white" for c in locs]
    labelled = matched[["kemendagri_code", "label_point"]].merge(
        frame[["kemendagri_code", "label", "value", "tier_name"]], on="kemendagri_code")
    fig.add_trace(name_labels(labelled["label_point"], [wrap(x, 12) for x in labelled["label"]],
                              _fills(labelled, "tier_name" if by_tier else None, colors)))
    return fig.update_layout(title=t("reg.map_title", lang))


def district_frame(districts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The district table's rows keyed for the map: attainment, or hidden (never a value
    colour for a hidden district), and the hover text."""
    d = districts.rename(columns={"area_code": "kemendagri_code", "area_name": "name"})
    hidden = d["is_suppressed"].fillna(False).astype(bool)
    d["value"] = d["attainment_pct"].astype(float).where(~hidden)
    d["hover"] = [f"<b>{n}</b><br>" + (t("reg.hover_hidden", lang) if h else t(
        "reg.hover_attainment", lang, pct=fmt.pct_cut(p, 1, lang), active=fmt.number(a, lang),
        target=fmt.number(tg, lang))) for n, h, p, a, tg in
        zip(d["name"], hidden, d["attainment_pct"], d["n_active"], d["target"])]
    return d.assign(is_hidden=hidden)


def district_map(shapes, districts: pd.DataFrame, lang: str) -> go.Figure:
    """One regency's districts coloured by attainment; hidden districts grey (hover:
    hidden); each district named on the map."""
    g = shapes.rename(columns={"district_code": "kemendagri_code", "district_name": "name"})
    d = district_frame(districts, lang)
    fig = boundaries.choropleth_figure(
        g[["kemendagri_code", "name", "geometry"]], d[["kemendagri_code", "value", "hover"]], value_col="value",
        hover_text_col="hover", colorscale=palette.ATTAINMENT_SCALE, separators=fmt.plotly_separators(lang),
        tolerance=None, precision=None, height=460)
    for trace in fig.data:
        if isinstance(trace, go.Choropleth):
            trace.marker.line.color = palette.MUTED
            if trace.name == "no data":
                trace.colorscale = [[0, palette.HIDDEN], [1, palette.HIDDEN]]
    fills = [palette.HIDDEN if pd.isna(v) else c
             for v, c in zip(g.merge(d, on="kemendagri_code", how="left")["value"],
                             fill_colours(g.merge(d, on="kemendagri_code", how="left")["value"]))]
    fig.add_trace(name_labels(g["label_point"], [wrap(n, 12) for n in g["name"]], fills, size=9))
    return fig.update_layout(title=t("reg.district_map_title", lang))

