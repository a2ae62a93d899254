"""Words every page says the same way: when a goal is reached at the recent pace (or why
not), and the category labels that come from data rather than from the catalogue (claim
causes are free text in the claims exports: the demo's known causes are translated here,
any other text is shown as written)."""
from __future__ import annotations

from ui import fmt
from ui.i18n import t

HORIZON_YEARS = 50    # rules/rule_pace.sql horizon_months() = 600 (tests/test_words.py checks it)

# claim causes as the demo writes them (etl/demo/facts.py, etl/demo/claims.py) -> English
CAUSES_EN = {
    "Kecelakaan lalu lintas": "Traffic accident", "Jatuh dari pohon": "Fell from a tree",
    "Tertimpa": "Struck by a falling object", "Terluka alat kerja": "Injured by a work tool",
    "Terjatuh saat bekerja": "Fell while working", "Tenggelam saat melaut": "Drowned at sea",
    "Diseruduk ternak": "Attacked by livestock", "Meninggal dunia (sakit)": "Died (illness)",
    "Meninggal dunia": "Died", "Mengundurkan diri": "Resigned", "PHK": "Laid off",
    "Usia 56": "Age 56", "Klaim sebagian 10%": "10% partial claim",
    "Berhenti bekerja (manfaat sekaligus)": "Stopped working (lump sum)",
}


def eta_text(eta, pace, lang: str) -> str:
    """The month a goal is reached at the recent pace; beyond the horizon (growing, but more
    than 50 years away) or never (not growing) in the same words on every page."""
    if not fmt.is_missing(eta):
        return fmt.month_long(eta, lang)
    if not fmt.is_missing(pace) and pace > 0:
        return t("pace.beyond_horizon", lang, years=HORIZON_YEARS)
    return t("pace.never", lang)


def cause(text, lang: str) -> str:
    """A claim cause in the page's language: blank -> "not recorded"; a known demo cause
    translated; any other free text as written (it is data, not a word of the dashboard)."""
    if text is None or fmt.is_missing(text) or not str(text).strip():
        return t("claims.cause_blank", lang)
    return CAUSES_EN.get(str(text).strip(), str(text)) if lang == "en" else str(text)


def scope(title: str, lang: str, regency: bool = False, segment: bool = False) -> str:
    """The title of an element that does not follow a chosen regency (regency=True) or
    segment (segment=True) of its page, saying so: "... (seluruh NTT, semua segmen)"."""
    key = {(True, True): "scope.province_all_segments", (True, False): "scope.province",
           (False, True): "scope.all_segments"}.get((bool(regency), bool(segment)))
    return t(key, lang, title=title) if key else title
