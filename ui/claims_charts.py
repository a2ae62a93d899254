"""Chart builders of the claims and subsidies page: DataFrame in, plotly Figure out.
No queries, no streamlit. Money axes are drawn in one unit (miliar / juta / ribu) chosen
from the data, with exact Rupiah in the hover text."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from plotly.subplots import make_subplots

from ui import fmt, palette
from ui.charts import base_layout, month_axis
from ui.figcache import cached_figure
from ui.i18n import t

PROGRAMMES = ("JKK", "JKM", "JHT", "JP")
PROGRAMME_COLORS = palette.PROGRAMME
PAYER_COLORS = palette.PAYER
HORIZONS = (3, 6, 12)
PAYER_SHORT = {"APBD_PROV": "APBD Prov.", "APBD_KAB": "APBD Kab/Kota", "APBDES": "APBDes", "CSR": "CSR"}


def money_unit(max_value, lang: str) -> tuple[float, str]:
    """(divisor, axis title) so the largest value reads between 1 and 999."""
    for factor in (10**9, 10**6, 10**3):
        if max_value is not None and max_value >= factor:
            return factor, t("claims.axis_rp", lang, unit=t(f"claims.unit_1e{len(str(factor)) - 1}", lang))
    return 1, t("claims.axis_rp", lang, unit=t("claims.unit_1", lang))


def _bars(part: pd.DataFrame, code: str, factor: float, lang: str, **kw) -> go.Bar:
    x = pd.to_datetime(part["month"])
    hover = [f"{fmt.month(m, lang)} · {code}: {fmt.rupiah_short(rp, lang)} · "
             f"{fmt.number(n, lang)} {t('claims.col_cases', lang).lower()}"
             for m, rp, n in zip(x, part["claims_rp"], part["n_claims"])]
    return go.Bar(x=x, y=part["claims_rp"] / factor, name=code, marker_color=PROGRAMME_COLORS[code],
                  customdata=hover, hovertemplate="%{customdata}<extra></extra>", **kw)


@cached_figure
def claims_monthly(df: pd.DataFrame, lang: str, names: dict | None = None) -> go.Figure:
    """Stacked bars: Rupiah paid per month, one colour per programme."""
    totals = df.groupby("month")["claims_rp"].sum()
    factor, title = money_unit(totals.max() if len(totals) else 0, lang)
    fig = go.Figure()
    for code in PROGRAMMES:
        part = df[df["programme_code"] == code]
        if not part.empty:
            fig.add_trace(_bars(part, code, factor, lang))
    fig.update_layout(barmode="stack", title=t("claims.monthly_title", lang), legend_traceorder="normal")
    base_layout(fig, lang, height=360)
    fig.update_layout(hovermode="closest")
    fig.update_yaxes(title_text=title, tickformat=",~f")
    return month_axis(fig)


@cached_figure
def claims_monthly_split(df: pd.DataFrame, lang: str, names: dict | None = None) -> go.Figure:
    """Small multiples: one panel per programme, each on its own scale, so the few JKK and
    JP claims are as readable as the many JHT withdrawals."""
    codes = [c for c in PROGRAMMES if (df["programme_code"] == c).any()]
    titles = [f"{c} · {(names or {}).get(c, c)}" for c in codes]
    fig = make_subplots(rows=len(codes), cols=1, shared_xaxes=True, vertical_spacing=0.12 / max(len(codes), 1) * 2,
                        subplot_titles=titles)
    for i, code in enumerate(codes, start=1):
        part = df[df["programme_code"] == code]
        factor, axis = money_unit(part["claims_rp"].max(), lang)
        fig.add_trace(_bars(part, code, factor, lang, showlegend=False), row=i, col=1)
        fig.update_yaxes(title_text=axis, tickformat=",~f", row=i, col=1, nticks=4)
    fig.update_layout(title=t("claims.monthly_title_split", lang))
    base_layout(fig, lang, height=90 + 150 * len(codes))
    fig.update_layout(hovermode="closest", showlegend=False)
    fig.update_annotations(font=dict(size=12), x=0, xanchor="left")
    return month_axis(fig)


@cached_figure
def loss_ratio_bars(df: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal bars: JKK + JKM loss ratio (%) per regency, highest at the top; regencies without
    contributions in the period are left out."""
    d = df.dropna(subset=["loss_ratio_pct", "regency_name"]).sort_values("loss_ratio_pct")
    hover = [f"{name}: {fmt.pct(r, 1, lang)} · {fmt.rupiah_short(c, lang)} / {fmt.rupiah_short(k, lang)}"
             for name, r, c, k in zip(d["regency_name"], d["loss_ratio_pct"], d["risk_claims_rp"],
                                      d["risk_contrib_rp"])]
    fig = go.Figure(go.Bar(x=d["loss_ratio_pct"], y=d["regency_name"], orientation="h", marker_color=palette.BAR,
                           text=[fmt.pct(r, 0, lang) for r in d["loss_ratio_pct"]], textposition="outside",
                           customdata=hover, hovertemplate="%{customdata}<extra></extra>", cliponaxis=False))
    base_layout(fig, lang, height=max(260, 24 * len(d) + 80))
    fig.update_layout(title=t("claims.loss_chart", lang), hovermode="closest", showlegend=False,
                      margin=dict(l=10, r=50, t=40, b=10))
    fig.update_xaxes(ticksuffix="%", tickformat=",~f", gridcolor=palette.GRID, rangemode="tozero")
    fig.update_yaxes(tickformat=None, gridcolor=None)
    return fig


@cached_figure
def causes_bars(df: pd.DataFrame, labels: list[str], lang: str) -> go.Figure:
    """Horizontal bars: cases per cause (labels already translated), most at the top; a hidden
    cause (small counts below regency level) keeps its row, empty and marked hidden."""
    d = df.assign(label=labels).iloc[::-1]
    hidden = t("table.hidden", lang)
    shown = [fmt.number(n, lang) if not h else hidden for n, h in zip(d["n_claims"], d["is_suppressed"])]
    hover = [f"{lab}: {n}" + ("" if h else f" · {fmt.rupiah_short(rp, lang)}")
             for lab, n, rp, h in zip(d["label"], shown, d["claims_rp"], d["is_suppressed"])]
    fig = go.Figure(go.Bar(x=d["n_claims"].fillna(0), y=d["label"], orientation="h",
                           marker_color=PROGRAMME_COLORS["JKK"], text=shown, textposition="outside",
                           customdata=hover, hovertemplate="%{customdata}<extra></extra>", cliponaxis=False))
    base_layout(fig, lang, height=max(220, 30 * len(d) + 80))
    fig.update_layout(title=t("claims.causes_title", lang), hovermode="closest", showlegend=False,
                      margin=dict(l=10, r=40, t=40, b=10))
    fig.update_xaxes(tickformat=",d", gridcolor=palette.GRID, rangemode="tozero", title_text=t("claims.col_cases", lang))
    fig.update_yaxes(gridcolor=None)
    return fig


@cached_figure
def budget_workers(df: pd.DataFrame, lang: str) -> go.Figure:
    """Grouped bars: workers covered per budget year, one colour per payer."""
    name_col = "name_id" if lang == "id" else "name_en"
    fig = go.Figure()
    for code, part in df.groupby("payer_code", sort=False):
        hover = [f"{nm} {y}: {fmt.number(w, lang)} · {fmt.rupiah_short(rp, lang)}"
                 for nm, y, w, rp in zip(part[name_col], part["budget_year"], part["n_workers"], part["contrib_rp"])]
        fig.add_trace(go.Bar(x=part["budget_year"].astype(str), y=part["n_workers"], name=part[name_col].iloc[0],
                             marker_color=PAYER_COLORS.get(code, palette.MUTED), customdata=hover,
                             hovertemplate="%{customdata}<extra></extra>"))
    fig.update_layout(barmode="group", title=t("subs.workers_chart", lang))
    base_layout(fig, lang, height=340)
    fig.update_layout(hovermode="closest")
    fig.update_xaxes(type="category")
    return fig


@cached_figure
def retention_bars(df: pd.DataFrame, lang: str) -> go.Figure:
    """Grouped bars: share of each cohort (payer x budget year) still paying 3, 6, 12 months
    after the budget ended; a horizon not yet observable for any member has no bar."""
    name_col = "name_id" if lang == "id" else "name_en"
    labels = [f"{PAYER_SHORT.get(c, n)}<br>{y}" for c, n, y in zip(df["payer_code"], df[name_col], df["budget_year"])]
    fig = go.Figure()
    shades = palette.HORIZON
    for h in HORIZONS:
        obs, paying = df[f"n_observable_{h}"], df[f"n_paying_{h}"]
        pct = [100 * p / o if o else None for p, o in zip(paying, obs)]
        hover = [f"{lab.replace('<br>', ' ')} · {t('subs.months_after', lang, n=h)}: " +
                 (f"{fmt.pct(v, 1, lang)} ({fmt.number(p, lang)} / {fmt.number(o, lang)})" if v is not None
                  else t("subs.not_observable", lang))
                 for lab, v, p, o in zip(labels, pct, paying, obs)]
        fig.add_trace(go.Bar(x=labels, y=pct, name=t("subs.months_after", lang, n=h), marker_color=shades[h],
                             customdata=hover, hovertemplate="%{customdata}<extra></extra>"))
    fig.update_layout(barmode="group", title=t("subs.retention_chart", lang))
    base_layout(fig, lang, height=360)
    fig.update_layout(hovermode="closest", legend=dict(y=-0.2))
    fig.update_xaxes(type="category")
    fig.update_yaxes(ticksuffix="%", tickformat=",~f", range=[0, 100])
    return fig
