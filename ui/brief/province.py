"""The governor's one-page brief: where the province stands against one million, the pace,
the trajectory with the target path, the 22 regencies and the biggest movers."""
from __future__ import annotations

import math

from ui import fmt, tables, words
from ui.brief import charts
from ui.brief.data import Province
from ui.brief.pdf import MARGIN, WIDTH, Page
from ui.i18n import t
from ui.peers import PACE_MONTHS
from ui.tables import Col, Table

MOVERS = Table("perubahan_terbesar", (Col("regency_label", "table.regency", "text"), Col("change_1m", "brief.col_change_1m", "signed", 0),
                                      tables.ACTIVE), hidden_flag=None)
TIER_COUNTS = Table("peringkat_berlaku", (Col("label", "tier.col_tier", "text"),
                                          Col("min_pct", "tier.col_min_pct", "percent", 0),
                                          Col("n_regencies", "brief.col_n_regencies")), hidden_flag=None)


def tier_label_col(lang: str) -> str:
    return "tier_label_id" if lang == "id" else "tier_label_en"


def headline(p: Province, lang: str) -> list[tuple[str, str, str]]:
    s, now = p.status, p.window()
    deadline = fmt.month_long(s["deadline"], lang)
    needed = now.needed_per_month
    eta = now.eta_month
    return [
        (t("overview.headline", lang, segments=", ".join(s["goal_segments"])), fmt.number(p.active, lang),
         t("overview.share_of_target", lang, pct=fmt.pct_cut(100 * p.active / s["target"], 1, lang),
           target=fmt.number(s["target"], lang))),
        (t("overview.gap", lang), fmt.number(int(now.gap), lang), t("overview.deadline_is", lang, deadline=deadline)),
        (t("overview.needed_per_month", lang, deadline=deadline),
         fmt.number(math.ceil(needed), lang) if not fmt.is_missing(needed) else t("overview.deadline_passed", lang),
         t("overview.net_per_month", lang)),
        (t("overview.recent_pace", lang, n=PACE_MONTHS), t("brief.per_month", lang, n=fmt.signed(now.pace_per_month, lang)),
         t("overview.eta", lang, month=fmt.month_long(eta, lang)) if not fmt.is_missing(eta)
         else words.eta_text(eta, now.pace_per_month, lang)),
    ]


def tier_counts(p: Province, lang: str):
    label = "label_id" if lang == "id" else "label_en"
    counts = p.regencies.groupby("tier").size()
    return p.tiers.assign(label=p.tiers[label], n_regencies=[int(counts.get(k, 0)) for k in p.tiers.tier])


def notes(p: Province, lang: str) -> list[str]:
    s = p.status
    return [t("brief.note_active", lang),
            t("brief.note_goal", lang, segments=", ".join(s["goal_segments"]), target=fmt.number(s["target"], lang),
              deadline=fmt.month_long(s["deadline"], lang)),
            t("brief.note_attainment", lang),
            t("brief.note_pace", lang, n=PACE_MONTHS),
            t("brief.note_change", lang)]


def build(p: Province, lang: str, made: str) -> bytes:
    as_of = t("data.as_of", lang, month=fmt.month_long(p.status["as_of"], lang))
    page = Page(lang, f"{t('brief.province_kicker', lang)} · {as_of}")
    y = page.band(t("brief.province_kicker", lang), t("overview.title", lang), as_of, t("brief.province_name", lang))
    y = page.kpis(y, headline(p, lang))
    y = page.section(MARGIN, y, WIDTH, t("overview.trajectory", lang))
    png = charts.trajectory(p.monthly, p.path, p.status["target"], lang, WIDTH, 74)
    y = page.image_png(png, MARGIN, y, WIDTH) + 2
    left_w, gap = 118, 5
    right_x, right_w = MARGIN + left_w + gap, WIDTH - left_w - gap
    top = y
    y = page.section(MARGIN, top, left_w, t("overview.regencies", lang) + " · " + t("table.sorted_worst_first", lang))
    rows = p.regencies.assign(tier_label=p.regencies[tier_label_col(lang)])
    page.table(tables.REGENCY_PROGRESS, rows, lang, MARGIN, y, [40, 15, 14, 13, 23, 13], size=6.8, row_h=3.75)
    y = page.section(right_x, top, right_w, t("brief.movers", lang))
    y = page.table(MOVERS, p.movers, lang, right_x, y, [35, 14, 14], size=6.8)
    y = page.paragraph(right_x, y, right_w, t("brief.movers_note", lang), 6, line_h=2.6) + 3
    y = page.section(right_x, y, right_w, t("brief.tiers", lang))
    page.table(TIER_COUNTS, tier_counts(p, lang), lang, right_x, y, [29, 15, 19], size=6.8)
    page.footnotes(notes(p, lang), t("export.source", lang), t("brief.made", lang, when=made))
    return page.bytes()
