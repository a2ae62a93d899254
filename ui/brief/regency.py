"""The regent's one-page brief: the regency's active members against its target, rank among
the 22 and its same-island peers, tier and what the next one takes, trend with
projection, its districts worst first (small counts hidden) and who pays."""
from __future__ import annotations

import math

import pandas as pd

from ui import fmt, tables, words
from ui.brief import charts
from ui.brief.data import Regency
from ui.brief.pdf import DARK, MARGIN, WIDTH, Page
from ui.i18n import t
from ui.peers import PACE_MONTHS, rank_change_text
from ui.tables import Col, Table

PEERS = Table("pembanding", (Col("regency_label", "table.regency", "text"), tables.ACTIVE, tables.ATTAINMENT,
                             Col("attainment_rank", "reg.col_rank")), hidden_flag=None)
PAYERS = Table("pembayar", (Col("payer", "subs.col_payer", "text"), tables.ACTIVE,
                            Col("share_pct", "brief.col_share", "percent"),
                            Col("latest_end_month", "brief.col_until", "month", hideable=False)))
DISTRICTS_COMPACT = Table("kecamatan", (Col("area_name", "reg.col_district", "text"), tables.ACTIVE,
                                        tables.ATTAINMENT, tables.TIER, Col("n_to_next_tier", "reg.col_to_next")))
SPLIT_ABOVE = 15   # more districts than this: two columns, without the target column


def headline(r: Regency, lang: str) -> list[tuple[str, str, str]]:
    row, s, p = r.row, r.status, r.pace
    tier = row.tier_label_id if lang == "id" else row.tier_label_en
    nxt = r.next_tier()
    if nxt is None:
        tier_note = t("reg.m_top_tier", lang)
    else:
        tier_note = t("brief.next_tier", lang, n=fmt.number(row.n_to_next_tier, lang),
                      tier=nxt["label_id" if lang == "id" else "label_en"], pct=fmt.pct(nxt.min_pct, 0, lang))
    eta, needed = p.eta_month, p.needed_per_month
    return [
        (t("reg.m_active", lang, segments=", ".join(s["goal_segments"])), fmt.number(row.n_active, lang),
         t("reg.m_active_delta", lang, pct=fmt.pct_cut(row.attainment_pct, 1, lang), target=fmt.number(row.target, lang))),
        (t("brief.rank", lang), t("brief.rank_value", lang, rank=int(row.attainment_rank), n=r.n_regencies),
         rank_change_text(row.rank_change_3m, lang)),
        (t("reg.m_tier", lang), tier, tier_note),
        (t("reg.m_eta", lang, n=PACE_MONTHS),
         words.eta_text(eta, p.pace_per_month, lang),
         t("reg.m_eta_delta", lang, pace=fmt.signed(p.pace_per_month, lang),
           needed=fmt.number(math.ceil(needed), lang) if not fmt.is_missing(needed) else "–",
           deadline=fmt.month(p.deadline_month, lang))),
    ]


def payers(r: Regency, lang: str) -> pd.DataFrame:
    m = r.mix[r.mix.dimension == "payer"]
    name = m["name_id" if lang == "id" else "name_en"]
    until = m.latest_end_month.where(m.is_budget_paid.fillna(False).astype(bool))
    return m.assign(payer=name, latest_end_month=until)


def budget_line(r: Regency, lang: str) -> str:
    b = r.mix[(r.mix.dimension == "payer_group") & (r.mix.category_code == "budget")]
    if b.empty:
        return t("reg.budget_paid", lang) + ": " + t("reg.budget_none", lang)
    b = b.iloc[0]
    if b.is_suppressed:
        return t("reg.budget_paid", lang) + ": " + t("reg.budget_hidden", lang)
    return t("reg.budget_paid", lang) + ": " + fmt.number(b.n_active, lang) + " · " + t(
        "reg.budget_delta", lang, pct=fmt.pct(b.share_pct, 1, lang), month=fmt.month(b.latest_end_month, lang))


def notes(r: Regency, lang: str) -> list[str]:
    k = fmt.number(r.status["suppress_below"], lang)
    return [t("brief.note_active", lang),
            t("brief.note_regency_target", lang, segments=", ".join(r.status["goal_segments"])),
            t("brief.note_attainment", lang),
            t("brief.note_pace", lang, n=PACE_MONTHS),
            t("brief.note_hidden", lang, k=k, hidden=t("table.hidden", lang))]


def districts(page: Page, r: Regency, lang: str, y: float) -> float:
    rows = r.districts.assign(tier_label=r.districts["tier_label_id" if lang == "id" else "tier_label_en"])
    if len(rows) <= SPLIT_ABOVE:
        return page.table(tables.area_spec(False), rows, lang, MARGIN, y, [40, 21, 21, 19, 31, 30, 24], size=6.6)
    half, gap = math.ceil(len(rows) / 2), 4
    w = (WIDTH - gap) / 2
    widths = [w * f for f in (0.30, 0.12, 0.14, 0.25, 0.19)]
    end = page.table(DISTRICTS_COMPACT, rows.iloc[:half], lang, MARGIN, y, widths, size=6.3, row_h=3.4)
    page.table(DISTRICTS_COMPACT, rows.iloc[half:], lang, MARGIN + w + gap, y, widths, size=6.3, row_h=3.4)
    return end


def build(r: Regency, lang: str, made: str) -> bytes:
    row = r.row
    as_of = t("data.as_of", lang, month=fmt.month_long(r.status["as_of"], lang))
    page = Page(lang, f"{row.regency_name} · {as_of}")
    y = page.band(t("brief.regency_kicker", lang), row.regency_name, as_of,
                  t("brief.island", lang, island=row.island))
    y = page.kpis(y, headline(r, lang))
    left_w, gap = 112, 5
    right_x, right_w = MARGIN + left_w + gap, WIDTH - left_w - gap
    top = y
    y = page.section(MARGIN, top, left_w, t("reg.trend_title", lang))
    png = charts.trend(r.trend, int(row.target), r.projection, lang, left_w, 62)
    chart_end = page.image_png(png, MARGIN, y, left_w)
    y = page.section(right_x, top, right_w, t("brief.peers", lang))
    y = page.table(PEERS, r.peers, lang, right_x, y, [30, 13, 13, 13],
                   size=6.8, bold_rows=frozenset({0}))
    y = page.paragraph(right_x, y, right_w, t("brief.note_peers", lang), 6, line_h=2.6)
    y = max(y, chart_end) + 3
    y = page.section(MARGIN, y, WIDTH, t("brief.districts", lang, name=row.regency_name))
    y = districts(page, r, lang, y) + 2
    y = page.section(MARGIN, y, WIDTH, t("reg.mix_payer", lang))
    page.table(PAYERS, payers(r, lang), lang, MARGIN, y, [44, 20, 22, 20], size=6.8)
    page.paragraph(MARGIN + 112, y + 1, WIDTH - 112, budget_line(r, lang), 7.5, DARK, 3.4, bold=True)
    page.paragraph(MARGIN + 112, y + 9, WIDTH - 112, t("brief.budget_note", lang), 6.3, line_h=2.8)
    page.footnotes(notes(r, lang), t("export.source", lang), t("brief.made", lang, when=made))
    return page.bytes()
