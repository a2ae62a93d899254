"""What a page says, checked against its language: every string either comes from the
catalogue (ui/i18n.py, its placeholders holding anything) or is data (place names, numbers,
months, the configured tier and category names of that language), and no known word of the
other language appears. Shared by the AppTest walk (tests/test_language_walk.py) and the
Chromium walk (tests/browser/test_language_browser.py)."""
from __future__ import annotations

import re
import string
from functools import lru_cache

import pandas as pd

from tests.helpers import ROOT
from etl import reasons
from ui import fmt, sector_charts, words
from ui.i18n import CATALOGUE

# a few words that only the other language uses (proper names are data in both)
FOREIGN = {
    "id": ["the", "and", "of", "members", "member", "months", "regency", "regencies", "hidden", "Not yet ranked",
           "Pioneer", "Bronze", "Silver", "Gold", "Choose", "option", "None", "May", "Aug", "Oct", "Dec",
           "Traffic accident", "Work accident", "Death", "Pension", "Self-paid", "Employer", "Crop farming",
           "Fishing", "Trade", "years", "reached", "No data", "Download", "trace"],
    "en": ["dan", "dari", "yang", "untuk", "dengan", "bulan", "peserta", "disembunyikan", "Belum berperingkat",
           "Perintis", "Perunggu", "Perak", "Emas", "Mei", "Agu", "Okt", "Des", "tahun", "Tidak", "seluruh",
           "Kecelakaan lalu lintas", "Jatuh dari pohon", "Pertanian", "Perdagangan", "Mandiri", "Pemberi kerja",
           "Jaminan", "Belum", "seri", "Unduh"],
}
NUMBER = re.compile(r"(?:-?Rp\s?)?[+\-−]?\d(?:[\d.,]*\d)?(?:\s?(?:%|ribu|juta|miliar|triliun|thousand|million|billion))?")
FILE = re.compile(r"\S+\.(?:csv|xlsx|xls|parquet|json|geojson)\b")     # a loaded file's name
CODE = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")          # a reason or issue code: REGENCY_UNKNOWN
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
FILLER = re.compile(r"^[\s§·•,.:;()\[\]/–—\-+→%★✓✗|*\"“”'#\u200b]*$")


def foreign_words(text: str, lang: str) -> list[str]:
    return [w for w in FOREIGN[lang] if re.search(rf"(?<![\w/]){re.escape(w)}(?![\w/])", text)]


@lru_cache(maxsize=2)
def data_tokens(lang: str) -> list[str]:
    """Names that are data, not words of the dashboard, longest first."""
    data = ROOT / "data"
    name = "name_id" if lang == "id" else "name_en"
    reg = pd.read_csv(data / "regencies.csv", dtype=str, keep_default_na=False)
    tokens = set(reg["name"]) | set(reg["short_name"]) | set(reg["label"])
    tokens |= set(pd.read_csv(data / "districts.csv", dtype=str)["name"])
    tokens |= set(pd.read_csv(data / "villages.csv", dtype=str)["name"])
    for f in ("sectors.csv", "payers.csv", "programmes.csv"):
        tokens |= set(pd.read_csv(data / f, dtype=str)[name])
    tiers = pd.read_csv(data / "tiers.csv", dtype=str)
    tokens |= set(tiers["label_id" if lang == "id" else "label_en"]) | set(tiers["incentive_" + lang])
    tokens |= set(words.CAUSES_EN.values() if lang == "en" else words.CAUSES_EN)
    tokens |= set(fmt.MONTHS_ID + fmt.MONTHS_ID_LONG if lang == "id" else fmt.MONTHS_EN + fmt.MONTHS_EN_LONG)
    tokens |= set(sector_charts.short_names(list(pd.read_csv(data / "sectors.csv", dtype=str)[name])))
    tokens |= {"BPU", "PU", "JAKON", "PMI", "JKK", "JKM", "JHT", "JP", "BSU", "NTT", "APBD Prov.", "APBD Kab/Kota",
               "APBDes", "CSR", "APBD", "P90", "NIK", "Sejuta Peserta", "Bahasa Indonesia", "English"}
    return sorted((t for t in tokens if t and t.strip()), key=len, reverse=True)


@lru_cache(maxsize=2)
def _token_re(lang: str) -> re.Pattern:
    return re.compile("|".join(rf"(?<!\w){re.escape(t)}(?!\w)" for t in data_tokens(lang)))


def blank_data(text: str, lang: str) -> str:
    text = re.sub(r"<[^>]+>|\*\*", " ", str(text))          # plotly markup (<b>, <br>), markdown bold
    text = FILE.sub("§", CODE.sub("§", text))
    text = _token_re(lang).sub("§", text)
    text = NUMBER.sub("§", text)
    return re.sub(r"\s+", " ", text).strip()


def entries(lang: str) -> list[str]:
    """The dashboard's catalogue and the loader's reasons (etl/reasons.py: a code's title and
    sentence), in one language."""
    out = [entry[lang] for entry in CATALOGUE.values()]
    for code in reasons.all_codes():
        out += list(reasons.entry(code, lang))
    return out


@lru_cache(maxsize=2)
def templates(lang: str) -> re.Pattern:
    parts = []
    for entry in entries(lang):
        literal = [blank_data(p, lang) if p.strip() else p for p in PLACEHOLDER.split(entry)]
        literal = [re.escape(re.sub(r"<[^>]+>", " ", p)) for p in literal]
        # an entry of placeholders and punctuation only ("{period}: {value}") holds data only
        hole = ".*?" if re.search(r"[^\W\d_§]", "".join(PLACEHOLDER.split(entry))) else r"[§\s\d.,:%–\-+()/]*?"
        parts.append(hole.join(literal))
    return re.compile("^(?:" + "|".join(f"(?:{p})" for p in parts) + ")$", re.S | re.I)


def from_catalogue(text: str, lang: str) -> bool:
    """True when `text`, once its data is blanked, is a catalogue entry or only data."""
    blanked = blank_data(text, lang)
    if FILLER.match(blanked):
        return True
    flat = re.sub(r"\s+", " ", blanked)
    if templates(lang).match(flat) or templates(lang).match(re.sub(r" \(§\)$| ★$", "", flat)):
        return True
    # catalogue entries the page joins: " · ", " – ", "(...)", " ★", or one sentence after another
    pieces = [p for p in re.split(r"\s*(?:·|\n| – | \(|\)$| ★|: )\s*", flat) if p and not FILLER.match(p)]
    if pieces and pieces != [flat] and all(templates(lang).match(p) or FILLER.match(p) for p in pieces):
        return True
    return bool(sentences(lang).match(flat))


@lru_cache(maxsize=2)
def sentences(lang: str) -> re.Pattern:
    """Two or three catalogue entries in a row (a caption made of a note and a privacy note)."""
    one = templates(lang).pattern[1:-1]
    return re.compile(f"^{one}(?: {one}){{1,2}}$", re.S | re.I)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
