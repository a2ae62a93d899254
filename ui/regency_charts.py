"""Chart builders of the regency view: DataFrame in, plotly Figure out. No queries,
no streamlit but the figure cache (ui/figcache.py). Numbers are formatted with ui.fmt, strings come from ui.i18n."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from geo import boundaries, tiles
from ui import fmt
from ui.charts import COLORS, CONFIG, base_layout, month_labels
from ui.figcache import cached_figure
from ui.i18n import t

__all__ = ["CONFIG", "map_frame", "tile_map", "geo_map", "ranking", "compare", "trend", "mix_bars",
           "tier_colors", "hidden_text"]

# one colour per tier number (0 = not yet ranked); light to dark as the tier rises
TIER_PALETTE = ["#e8dcc4", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#0c2c84", "#081d58"]
SELECTED = "#b8252b"
PEER_COLORS = ["#b8252b", "#1d6fa5", "#d9822b", "#6a3d9a"]


def tier_label(row, lang: str) -> str:
    return row["tier_label_id"] if lang == "id" else row["tier_label_en"]


def tier_colors(tiers: pd.DataFrame, lang: str) -> dict[str, str]:
    """{tier label: colour} in tier order (also the legend order)."""
    col = "label_id" if lang == "id" else "label_en"
    return {r[col]: TIER_PALETTE[min(int(r["tier"]), len(TIER_PALETTE) - 1)]
            for _, r in tiers.sort_values("min_pct").iterrows()}


def hidden_text(lang: str) -> str:
    """What a hidden count shows, whatever hid it (so the page reveals no bound)."""
    return t("table.hidden", lang)


# ---------------------------------------------------------------- maps

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
    """One row per regency with what both maps show: value (attainment), tier label,
    tile text ("TTS<br>45,8%"; geo's frames key regencies by kemendagri_code) and hover text (name, attainment, active of target, tier, rank)."""
    d = standing.merge(regencies[["regency_code", "regency_label"]], on="regency_code", how="left")
    d["kemendagri_code"], d["label"], d["name"] = d["regency_code"], d["regency_label"], d["regency_name"]
    d["value"] = d["attainment_pct"].astype(float)
    d["tier_name"] = [tier_label(r, lang) for _, r in d.iterrows()]
    d["tile_text"] = [f"{wrap(lbl)}<br>{fmt.pct_cut(v, 1, lang)}" for lbl, v in zip(d["label"], d["value"])]
    d["hover"] = [
        f"<b>{r['name']}</b><br>"
        + t("reg.hover_attainment", lang, pct=fmt.pct(r["attainment_pct"], 1, lang),
            active=fmt.number(r["n_active"], lang), target=fmt.number(r["target"], lang))
        + "<br>" + t("reg.hover_tier", lang, tier=r["tier_name"])
        + "<br>" + t("reg.hover_rank", lang, rank=int(r["attainment_rank"]), n=len(d))
        for _, r in d.iterrows()]
    d["col_attainment"] = [fmt.pct(v, 1, lang) for v in d["value"]]
    d["col_active"] = [fmt.number(v, lang) for v in d["n_active"]]
    d["col_target"] = [fmt.number(v, lang) for v in d["target"]]
    return d


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
        category_colors=tier_colors(tiers, lang) if by_tier else None,
        hover_cols=hover, separators=fmt.plotly_separators(lang), font_size=10, height=400)
    for shape in fig.layout.shapes:
        if shape.name == f"{tiles.TILE_SHAPE_PREFIX}{selected}":
            shape.line = dict(color=SELECTED, width=4)
    return fig


def geo_map(matched, frame: pd.DataFrame, color_by: str, tiers: pd.DataFrame, selected: str | None,
            lang: str) -> go.Figure:
    """Choropleth of the matched boundaries (already simplified and oriented), same colours and
    hover as the tile map; the selected regency outlined."""
    by_tier = color_by == "tier"
    fig = boundaries.choropleth_figure(
        matched, frame[["kemendagri_code", "value", "tier_name", "hover"]], value_col="value",
        hover_text_col="hover", color_col="tier_name" if by_tier else None,
        category_colors=tier_colors(tiers, lang) if by_tier else None,
        separators=fmt.plotly_separators(lang), tolerance=None, precision=None, height=470)
    for trace in fig.data:
        if isinstance(trace, go.Choropleth):
            locs = list(trace.locations)
            trace.marker.line.width = [3 if c == selected else 0.6 for c in locs]
            trace.marker.line.color = [SELECTED if c == selected else "white" for c in locs]
    return fig


# ---------------------------------------------------------------- ranking and comparison

@cached_figure
def ranking(standing: pd.DataFrame, tiers: pd.DataFrame, selected: str | None, lang: str) -> go.Figure:
    """Horizontal bars of attainment, best at the top, coloured by tier, each labelled with its
    target; a vertical line at each tier's minimum share of target."""
    d = standing.sort_values(["attainment_pct", "regency_code"], ascending=[True, False])
    colors = tier_colors(tiers, lang)
    names = [f"<b>{n}</b>" if c == selected else n for n, c in zip(d["regency_short_name"], d["regency_code"])]
    text = [t("reg.bar_text", lang, pct=fmt.pct(p, 1, lang), target=fmt.number(tg, lang))
            for p, tg in zip(d["attainment_pct"], d["target"])]
    hover = [t("reg.hover_attainment", lang, pct=fmt.pct(p, 1, lang), active=fmt.number(a, lang),
               target=fmt.number(tg, lang))
             for p, a, tg in zip(d["attainment_pct"], d["n_active"], d["target"])]
    fig = go.Figure(go.Bar(
        x=d["attainment_pct"], y=names, orientation="h", text=text, textposition="outside",
        cliponaxis=False, customdata=hover, hovertemplate="%{y}<br>%{customdata}<extra></extra>",
        marker=dict(color=[colors.get(tier_label(r, lang), "#cccccc") for _, r in d.iterrows()],
                    line=dict(color=[SELECTED if c == selected else "rgba(0,0,0,0)" for c in d["regency_code"]],
                              width=2))))
    top = max(100.0, float(d["attainment_pct"].max() or 0))
    label_col = "label_id" if lang == "id" else "label_en"
    cuts = tiers[tiers["min_pct"] > 0].sort_values("min_pct")
    for i, (x, lbl) in enumerate(zip(cuts["min_pct"].astype(float), cuts[label_col])):
        # the tier's name over its line, on two alternating rows so neighbours do not collide
        fig.add_vline(x=x, line=dict(color="#777777", width=1, dash="dot"),
                      annotation=dict(text=f"{lbl} {fmt.pct(x, 0, lang)}", font_size=10, yanchor="bottom",
                                      yshift=4 + 14 * (i % 2), showarrow=False),
                      annotation_position="top")
    fig.update_xaxes(range=[0, top * 1.3], showgrid=False, showticklabels=False)   # the lines are named
    fig.update_layout(title=dict(text=t("reg.ranking_title", lang)), showlegend=False,
                      height=24 * len(d) + 150, margin=dict(l=10, r=10, t=90, b=10), plot_bgcolor="white",
                      separators=fmt.plotly_separators(lang), bargap=0.25)
    return fig


@cached_figure
def compare(monthly: pd.DataFrame, names: dict[str, str], value_col: str, title: str, lang: str,
            selected: str | None = None, decimals: int = 0) -> go.Figure:
    """One line per regency (the selected one thicker), for the peer comparison."""
    fig = go.Figure()
    codes = [selected] + [c for c in names if c != selected] if selected in names else list(names)
    for i, code in enumerate(codes):
        m = monthly[monthly["regency_code"] == code]
        x = pd.to_datetime(m["month"])
        fig.add_trace(go.Scatter(
            x=x, y=m[value_col], name=names[code], mode="lines",
            line=dict(color=PEER_COLORS[i % len(PEER_COLORS)], width=3.5 if code == selected else 2),
            customdata=month_labels(x, lang),
            hovertemplate="%{customdata}: %{y:,." + str(decimals) + "f}<extra>" + names[code] + "</extra>"))
    fig.update_layout(title=title)
    base_layout(fig, lang, height=330)
    fig.update_yaxes(tickformat=",d" if decimals == 0 else f",.{decimals}f")
    return fig


@cached_figure
def trend(monthly: pd.DataFrame, target: int, projection: pd.DataFrame | None, lang: str) -> go.Figure:
    """The regency's active and registered members with its target line and, when given, the
    projection at the recent pace."""
    fig = go.Figure()
    x = pd.to_datetime(monthly["month"])
    for key, col in (("registered", "n_registered"), ("active", "n_active")):
        fig.add_trace(go.Scatter(
            x=x, y=monthly[col], name=t(f"series.{key}", lang), mode="lines",
            line=dict(color=COLORS[key], width=3 if key == "active" else 1.8),
            customdata=month_labels(x, lang),
            hovertemplate="%{customdata}: %{y:,.0f}<extra>" + t(f"series.{key}", lang) + "</extra>"))
    if projection is not None and not projection.empty:
        px_ = pd.to_datetime(projection["month"])
        fig.add_trace(go.Scatter(
            x=px_, y=projection["value"], name=t("reg.projection", lang), mode="lines",
            line=dict(color=COLORS["active"], dash="dash", width=2), customdata=month_labels(px_, lang),
            hovertemplate="%{customdata}: %{y:,.0f}<extra>" + t("reg.projection", lang) + "</extra>"))
    highest = max(float(monthly["n_registered"].max() or 0),
                  float(projection["value"].max()) if projection is not None and not projection.empty else 0)
    title = t("reg.trend_title", lang)
    if target <= 4 * highest:
        fig.add_hline(y=target, line=dict(color=COLORS["target"], width=1.5, dash="dot"),
                      annotation_text=t("reg.target_line", lang, target=fmt.number(target, lang)),
                      annotation_position="top left")
    else:  # a line far above the data would flatten it: name the target instead
        title += " · " + t("reg.target_off_scale", lang, target=fmt.number(target, lang))
    fig.update_layout(title=title)
    return base_layout(fig, lang, height=380)


@cached_figure
def mix_bars(mix: pd.DataFrame, labels: list[str], lang: str, title: str,
             color: str = "#1d6fa5") -> go.Figure:
    """Horizontal bars of the share of each category; hidden cells drawn empty and labelled."""
    d = mix.assign(label=labels).iloc[::-1]
    share = d["share_pct"].astype(float).fillna(0)
    text = [fmt.pct(s, 1, lang) + f" ({fmt.number(n, lang)})" if not hidden else hidden_text(lang)
            for s, n, hidden in zip(d["share_pct"], d["n_active"], d["is_suppressed"])]
    fig = go.Figure(go.Bar(x=share, y=d["label"], orientation="h", text=text, textposition="outside",
                           cliponaxis=False, marker_color=color, hoverinfo="skip"))
    fig.update_xaxes(visible=False, range=[0, max(float(share.max() or 0), 1) * 2.1])
    fig.update_layout(title=title, height=28 * len(d) + 70, margin=dict(l=10, r=10, t=40, b=10),
                      plot_bgcolor="white", separators=fmt.plotly_separators(lang), showlegend=False)
    return fig
