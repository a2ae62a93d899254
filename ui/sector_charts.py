"""Chart builders of the sector and incentive-tier pages: DataFrame in, plotly Figure out.
No queries, no streamlit. Values arrive aggregated (and small cells already hidden)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui import fmt, palette
from ui.charts import COLORS, base_layout, month_labels
from ui.figcache import cached_figure
from ui.i18n import t


def name_col(lang: str) -> str:
    return "name_id" if lang == "id" else "name_en"


def sector_color(i: int) -> str:
    return palette.sector(i)


@cached_figure
def coverage_bars(df: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Horizontal bars: coverage % of the estimated informal workforce per sector.
    df: name_id/name_en, sort_order, n_active, workforce_est, coverage_pct (NULL = hidden)."""
    d = df.sort_values("sort_order", ascending=False)
    hidden = d["coverage_pct"].isna()
    text = [t("sec.hidden_short", lang) if h else fmt.pct(v, 2, lang) for v, h in zip(d["coverage_pct"], hidden)]
    hover = [t("sec.hover_coverage", lang, active=t("sec.hidden_short", lang) if h else fmt.number(a, lang),
               estimate=fmt.number(e, lang), pct=x)
             for a, e, h, x in zip(d["n_active"], d["workforce_est"], hidden, text)]
    fig = go.Figure(go.Bar(
        x=d["coverage_pct"].fillna(0), y=d[name_col(lang)], orientation="h", text=text,
        textposition="outside", cliponaxis=False, marker_color=COLORS["active"],
        customdata=hover, hovertemplate="%{y}<br>%{customdata}<extra></extra>"))
    fig.update_layout(title=title, hovermode="closest")
    base_layout(fig, lang, height=60 + 34 * len(d))
    fig.update_xaxes(ticksuffix="%", tickformat=",.2f", rangemode="tozero", gridcolor=palette.GRID)
    fig.update_yaxes(tickformat=None, gridcolor=None)
    fig.update_layout(margin=dict(l=10, r=60, t=40, b=10))
    return fig


@cached_figure
def sector_heatmap(df: pd.DataFrame, lang: str) -> go.Figure:
    """Regency (rows) x sector (columns): coverage % of the estimated informal workforce.
    Hidden cells (coverage_pct NULL) stay blank with a dash."""
    sectors = df.drop_duplicates("sector_code").sort_values("sort_order")
    regencies = df.drop_duplicates("regency_code").sort_values("regency_code", ascending=False)
    grid = df.pivot(index="regency_code", columns="sector_code", values="coverage_pct")
    counts = df.pivot(index="regency_code", columns="sector_code", values="n_active")
    grid = grid.reindex(index=regencies["regency_code"], columns=sectors["sector_code"])
    counts = counts.reindex(index=regencies["regency_code"], columns=sectors["sector_code"])
    z = grid.astype(float).values
    text = [["–" if pd.isna(v) else fmt.pct(v, 2, lang) for v in row] for row in z]
    full = list(sectors[name_col(lang)])
    hover = [[f"{sector} · " + t("sec.hover_cell", lang, active=t("sec.hidden_short", lang) if pd.isna(n)
                                 else fmt.number(n, lang), pct="–" if pd.isna(v) else fmt.pct(v, 2, lang))
              for sector, n, v in zip(full, nrow, zrow)] for nrow, zrow in zip(counts.values, z)]
    fig = go.Figure(go.Heatmap(
        z=z, x=short_names(full), y=list(regencies["regency_label"]),
        text=text, texttemplate="%{text}", textfont=dict(size=10), customdata=hover,
        hovertemplate="%{y} · %{customdata}<extra></extra>", colorscale="Greens",
        hoverongaps=False, xgap=1, ygap=1,
        colorbar=dict(title=t("sec.coverage_axis", lang), ticksuffix="%", tickformat=",.2f")))
    fig.update_layout(height=110 + 26 * len(regencies), margin=dict(l=10, r=10, t=10, b=10),
                      separators=fmt.plotly_separators(lang),
                      plot_bgcolor="white", font=dict(size=12))
    fig.update_xaxes(tickangle=-90)   # one short name per column, turned: they never overlap, even on a phone
    return fig


def short_names(names: list[str]) -> list[str]:
    """A column label of one word ("Pertanian"), longer only where two would read the same
    ("Other services", "Other"); the full name is in the hover."""
    first = [n.split()[0] for n in names]
    return [n.split("/")[0].split("(")[0].split("&")[0].strip() if first.count(f) > 1 else f
            for n, f in zip(names, first)]


@cached_figure
def sector_trend(monthly: pd.DataFrame, lang: str) -> go.Figure:
    """One line per sector: active members of the goal segments, month by month."""
    fig = go.Figure()
    for i, (_, d) in enumerate(monthly.sort_values(["sort_order", "month"]).groupby("sort_order", sort=True)):
        x = pd.to_datetime(d["month"])
        name = d[name_col(lang)].iloc[0]
        fig.add_trace(go.Scatter(x=x, y=d["n_active"], name=name, mode="lines",
                                 line=dict(color=sector_color(i), width=2),
                                 customdata=month_labels(x, lang),
                                 hovertemplate="%{customdata}: %{y:,.0f}<extra>" + name + "</extra>"))
    fig.update_layout(title=t("sec.trend_title", lang), hovermode="closest")
    fig.update_xaxes(tickformat="%Y")
    base_layout(fig, lang, height=440)
    fig.update_layout(legend=dict(orientation="h", y=-0.12))
    return fig


@cached_figure
def growth_bars(df: pd.DataFrame, lang: str) -> go.Figure:
    """Net change in active members over the last 12 months per sector, with its share."""
    d = df.sort_values("change_12m")
    text = [fmt.signed(c, lang) + ("" if pd.isna(s) else f" ({fmt.pct(s, 1, lang)})")
            for c, s in zip(d["change_12m"], d["growth_share_pct"])]
    colors = [COLORS["active"] if c >= 0 else COLORS["lapsed"] for c in d["change_12m"]]
    fig = go.Figure(go.Bar(x=d["change_12m"], y=d[name_col(lang)], orientation="h", text=text,
                           textposition="outside", cliponaxis=False, marker_color=colors,
                           hovertemplate="%{y}: %{text}<extra></extra>"))
    fig.update_layout(title=t("sec.growth_title", lang), hovermode="closest")
    base_layout(fig, lang, height=60 + 34 * len(d))
    lo, hi = min(int(d["change_12m"].min()), 0), max(int(d["change_12m"].max()), 0)
    pad = max(hi - lo, 1) * 0.3  # room for the labels outside the bars, on both sides
    fig.update_xaxes(tickformat=",d", zeroline=True, zerolinecolor=palette.MUTED, gridcolor=palette.GRID,
                     range=[lo - (pad if lo < 0 else 0), hi + pad])
    fig.update_yaxes(tickformat=None, gridcolor=None, rangemode="normal")
    fig.update_layout(margin=dict(l=10, r=90, t=40, b=10))
    return fig


@cached_figure
def tier_distribution(dist: pd.DataFrame, lang: str) -> go.Figure:
    """Stacked bars: how many of the 22 regencies held each tier, month by month."""
    label = "label_id" if lang == "id" else "label_en"
    tiers = dist.drop_duplicates("tier").sort_values("tier")
    fig = go.Figure()
    for _, row in tiers.iterrows():
        d = dist[dist["tier"] == row["tier"]]
        x = pd.to_datetime(d["month"])
        color = palette.tier(row["tier"])
        fig.add_trace(go.Scatter(x=x, y=d["n_regencies"], name=row[label], stackgroup="tiers",
                                 mode="lines", line=dict(width=0.5, color=color, shape="hv"), fillcolor=color,
                                 customdata=month_labels(x, lang),
                                 hovertemplate="%{customdata}: %{y}<extra>" + row[label] + "</extra>"))
    fig.update_layout(title=t("tier.distribution_title", lang), hovermode="x unified",
                      legend=dict(traceorder="reversed"))
    fig.update_xaxes(tickformat="%Y")
    base_layout(fig, lang, height=380)
    fig.update_yaxes(title=t("tier.n_regencies_axis", lang), range=[0, max(int(dist.groupby("month")
                                                                             ["n_regencies"].sum().max()), 1)])
    return fig
