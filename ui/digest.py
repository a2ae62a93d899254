"""The text a steward pastes into WhatsApp or an e-mail after a load: what the latest load
changed (the province and the largest movers, with their parts), the tiers that changed and
the alerts, in the chosen language, from the same queries as the "what changed" page."""
from __future__ import annotations

from ui import fmt
from ui.i18n import t
from ui.queries import changes as q
from ui.queries import common

MOVERS = 5
PARTS = ("new", "reactivated", "lapsed", "moved", "correction")


def parts_text(row, lang: str) -> str:
    bits = [f"{t(f'chg.part.{p}', lang)} {fmt.signed(row[f'n_{p}'], lang)}" for p in PARTS if row[f"n_{p}"]]
    return "; ".join(bits)


def area_name(row, lang: str) -> str:
    return row["regency_name"] if row["level"] == "regency" else "NTT"


def alert_text(a, lang: str) -> str:
    area = a["regency_name"] if isinstance(a["regency_name"], str) else "NTT"
    number = (lambda v: fmt.decimal(v, 1, lang)) if a["rule"] == "quarantine" else (lambda v: fmt.number(v, lang))
    return t(f"chg.alert.{a['rule']}", lang, area=area, subject=a["subject"], before=number(a["value_before"]),
             value=number(a["value"]), threshold=fmt.number(a["threshold"], lang))


def digest(lang: str = "id") -> str:
    status = common.status()
    build = q.builds().iloc[0]
    summary = q.summary(int(build.build_id))
    prov = summary[summary.level == "province"].iloc[0]
    files = q.parts_by_file(int(build.build_id), "53")["file_name"].dropna().unique().tolist()
    lines = [t("chg.digest_head", lang, as_of=fmt.month_long(status["as_of"], lang)),
             t("chg.digest_loaded", lang, when=fmt.datetime_(build.built_at, lang), files=", ".join(files) or "–"),
             t("chg.digest_active", lang, segments=", ".join(status["goal_segments"]),
               before=fmt.number(prov.n_before, lang), after=fmt.number(prov.n_after, lang),
               change=fmt.signed(prov.n_after - prov.n_before, lang))]
    if parts_text(prov, lang):
        lines.append("  " + parts_text(prov, lang))
    movers = summary[(summary.level == "regency") & (summary.n_after != summary.n_before)].head(MOVERS)
    if len(movers):
        lines.append(t("chg.digest_movers", lang))
        lines += [f"• {area_name(r, lang)}: {fmt.number(r.n_before, lang)} → {fmt.number(r.n_after, lang)} "
                  f"({fmt.signed(r.n_after - r.n_before, lang)}; {parts_text(r, lang)})" for _, r in movers.iterrows()]
    tiers = q.tier_changes()
    if len(tiers):
        label = "label_before_id" if lang == "id" else "label_before_en"
        after = "label_after_id" if lang == "id" else "label_after_en"
        lines.append(t("chg.digest_tiers", lang))
        lines += [f"• {r.regency_name}: {r[label]} → {r[after]}" for _, r in tiers.iterrows()]
    alerts = q.alerts()
    if len(alerts):
        lines.append(t("chg.digest_alerts", lang))
        lines += [f"• {alert_text(a, lang)}" for _, a in alerts.iterrows()]
    lines.append(t("chg.digest_source", lang))
    return "\n".join(lines)
