"""The briefs' charts, drawn with matplotlib on the server (no browser, no network) into PNG
bytes, in the colours and words of the dashboard's own charts (ui.charts)."""
from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from ui import fmt  # noqa: E402
from ui.charts import COLORS  # noqa: E402
from ui.i18n import t  # noqa: E402

DPI = 220
MM = 1 / 25.4
TEXT = "#26313d"
GRID = "#e5e5e5"

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 7, "axes.edgecolor": "#9aa5b1",
                     "axes.labelcolor": TEXT, "xtick.color": TEXT, "ytick.color": TEXT,
                     "axes.spines.top": False, "axes.spines.right": False, "legend.frameon": False})


def _axes(width_mm: float, height_mm: float):
    fig, ax = plt.subplots(figsize=(width_mm * MM, height_mm * MM), dpi=DPI)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    return fig, ax


def _counts(ax, lang: str) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(5, integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(
        lambda v, _: fmt.count_short(v, lang) if abs(v) >= 10_000 else fmt.number(v, lang)))
    ax.set_ylim(bottom=0)


def _months(ax, lang: str, start, end) -> None:
    span = (pd.Timestamp(end) - pd.Timestamp(start)).days / 365.25
    ax.xaxis.set_major_locator(mdates.YearLocator() if span > 3 else mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda v, _: str(mdates.num2date(v).year) if span > 3 else fmt.month(mdates.num2date(v), lang)))
    ax.set_xlim(pd.Timestamp(start), pd.Timestamp(end))


def _legend(ax, columns: int) -> None:
    """The legend under the plot, where it covers no line."""
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.1), ncol=columns, fontsize=6.5, handlelength=2.4)


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", pad_inches=0.02)
    plt.close(fig)
    return buf.getvalue()


def trajectory(monthly: pd.DataFrame, path: pd.DataFrame, target: int, lang: str,
               width_mm: float, height_mm: float) -> bytes:
    """Province: registered and active members, the target path to the deadline, the
    projection at the recent pace and the goal line."""
    fig, ax = _axes(width_mm, height_mm)
    x = pd.to_datetime(monthly["month"])
    ax.plot(x, monthly["n_registered"], color=COLORS["registered"], lw=1, label=t("series.registered", lang))
    ax.plot(x, monthly["n_active"], color=COLORS["active"], lw=2, label=t("series.active", lang))
    px = pd.to_datetime(path["month"])
    ax.plot(px, path["target_path"], color=COLORS["target"], lw=1.2, ls="--", label=t("series.target_path", lang))
    ax.plot(px, path["projected"], color=COLORS["active"], lw=1.2, ls=":", label=t("reg.projection", lang))
    ax.axhline(target, color=COLORS["target"], lw=0.7, ls=":")
    ax.text(x.iloc[0], target, " " + t("overview.goal_line", lang, target=fmt.number(target, lang)),
            va="bottom", ha="left", color=COLORS["target"], fontsize=6.5)
    _counts(ax, lang)
    ax.set_ylim(top=target * 1.08)
    _months(ax, lang, x.iloc[0], px.iloc[-1])
    _legend(ax, 4)
    return _png(fig)


def trend(monthly: pd.DataFrame, target: int, projection: pd.DataFrame, lang: str,
          width_mm: float, height_mm: float) -> bytes:
    """Regency: active and registered members, the projection at the recent pace, and the
    target line when it is on a readable scale (as ui.regency_charts.trend)."""
    fig, ax = _axes(width_mm, height_mm)
    x = pd.to_datetime(monthly["month"])
    ax.plot(x, monthly["n_registered"], color=COLORS["registered"], lw=1, label=t("series.registered", lang))
    ax.plot(x, monthly["n_active"], color=COLORS["active"], lw=2, label=t("series.active", lang))
    end = x.iloc[-1]
    if projection is not None and not projection.empty:
        px = pd.to_datetime(projection["month"])
        ax.plot(px, projection["value"], color=COLORS["active"], lw=1.2, ls="--", label=t("reg.projection", lang))
        end = px.iloc[-1]
    highest = max(float(monthly["n_registered"].max() or 0),
                  float(projection["value"].max()) if projection is not None and not projection.empty else 0)
    _counts(ax, lang)
    if target <= 4 * highest:
        ax.axhline(target, color=COLORS["target"], lw=1, ls=":")
        ax.text(x.iloc[0], target, " " + t("reg.target_line", lang, target=fmt.number(target, lang)),
                va="bottom", ha="left", color=COLORS["target"], fontsize=6.5)
        ax.set_ylim(top=max(target, highest) * 1.1)
    else:
        ax.set_title(t("reg.target_off_scale", lang, target=fmt.number(target, lang)), fontsize=6.5,
                     loc="left", color=COLORS["target"])
    _months(ax, lang, x.iloc[0], end)
    _legend(ax, 3)
    return _png(fig)
