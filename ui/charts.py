"""Chart builders: DataFrame in, plotly Figure out. No queries; streamlit only to keep
a figure per its inputs (ui/figcache.py)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui import fmt
from ui.figcache import cached_figure
from ui.i18n import t

COLORS = {"active": "#1b7f3b", "registered": "#7a8899", "lapsed": "#d9822b", "target": "#b8252b",
          "self_paid": "#5aa469", "budget_paid": "#7b4fa0"}
CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def base_layout(fig: go.Figure, lang: str, height: int = 380) -> go.Figure:
    fig.update_layout(height=height, margin=dict(l=10, r=10, t=40, b=10), separators=fmt.plotly_separators(lang),
                      legend=dict(orientation="h", y=-0.15), hovermode="x unified",
                      plot_bgcolor="white", font=dict(size=13))
    fig.update_yaxes(gridcolor="#e5e5e5", rangemode="tozero", tickformat=",d")
    return fig


def month_labels(months, lang: str) -> list[str]:
    return [fmt.month(m, lang) for m in months]


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
