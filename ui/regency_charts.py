"""Chart builders of the regency view: DataFrame in, plotly Figure out. No queries,
no streamlit. Numbers are formatted with ui.fmt, strings come from ui.i18n."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui import fmt, palette
from ui.charts import COLORS, base_layout, month_labels
from ui.figcache import cached_figure
from ui.i18n import t
from ui.map_charts import tier_colors, tier_label

__all__ = ["ranking", "compare", "trend", "mix_bars", "tier_colors", "tier_label", "hidden_text"]

SELECTED = palette.SELECTED
PEER_COLORS = palette.PEER


def hidden_text(lang: str) -> str:
    """What a hidden count shows, whatever hid it (so the page reveals no bound)."""
    return t("table.hidden", lang)


# ---------------------------------------------------------------- ranking and comparison

@cached_figure
def ranking(standing: pd.DataFrame, tiers: pd.DataFrame, selected: str | None, lang: str) -> go.Figure:
    """Horizontal bars of attainment, best at the top, coloured by tier, each labelled with its
    target; a vertical line at each tier's minimum share of target."""
    d = standing.sort_values(["attainment_pct", "regency_code"], ascending=[True, False])
    colors = tier_colors(tiers, lang)
    names = [f"<b>{n}</b>" if c == selected else n for n, c in zip(d["regency_short_name"], d["regency_code"])]
    text = [t("reg.bar_text", lang, pct=fmt.pct_cut(p, 1, lang), target=fmt.number(tg, lang))
            for p, tg in zip(d["attainment_pct"], d["target"])]
    hover = [t("reg.hover_attainment", lang, pct=fmt.pct_cut(p, 1, lang), active=fmt.number(a, lang),
               target=fmt.number(tg, lang))
             for p, a, tg in zip(d["attainment_pct"], d["n_active"], d["target"])]
    fig = go.Figure(go.Bar(
        x=d["attainment_pct"], y=names, orientation="h", text=text, textposition="outside",
        cliponaxis=False, customdata=hover, hovertemplate="%{y}<br>%{customdata}<extra></extra>",
        marker=dict(color=[colors.get(tier_label(r, lang), palette.NO_DATA) for _, r in d.iterrows()],
                    line=dict(color=[SELECTED if c == selected else palette.MUTED for c in d["regency_code"]],
                              width=[2.5 if c == selected else 0.5 for c in d["regency_code"]]))))
    top = max(100.0, float(d["attainment_pct"].max() or 0))
    label_col = "label_id" if lang == "id" else "label_en"
    cuts = tiers[tiers["min_pct"] > 0].sort_values("min_pct")
    for i, (x, lbl) in enumerate(zip(cuts["min_pct"].astype(float), cuts[label_col])):
        # the tier's name over its line, on two alternating rows so neighbours do not collide
        fig.add_vline(x=x, line=dict(color=palette.MUTED, width=1, dash="dot"),
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
             color: str = palette.BAR) -> go.Figure:
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
