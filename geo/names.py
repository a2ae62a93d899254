"""Regency names and codes, matched through the reference table (data/regencies.csv):
Kemendagri code ("53.18"), BPS code ("5317") or a name in any of its spellings
("Sumba Barat Daya", "SBD", "kab. sumba barat daya"). BPS codes are looked up in the
table, never made by dropping the dot: Kemendagri 53.18 is BPS 5317, BPS 5318 is Nagekeo.

Used by the boundary matching (geo.boundaries) and by the address of every page
(ui.state): one rule for both."""
from __future__ import annotations

import re
from urllib.parse import unquote_plus
from dataclasses import dataclass

import pandas as pd

KIND_WORDS = {"kabupaten": "kab", "kab": "kab", "regency": "kab",
              "kota": "kota", "kotamadya": "kota", "kodya": "kota", "city": "kota"}
KEMENDAGRI_RE = re.compile(r"^\d{2}\.\d{2}$")
BPS_RE = re.compile(r"^\d{4}$")
PROVINCE_WORDS = {"", "53", "ntt", "all", "semua", "provinsi", "province", "nusa tenggara timur"}


def name_key(text: str) -> str:
    """Normalised name: lower case, punctuation to spaces, "Kabupaten"/"Kab." -> "kab",
    "Kotamadya"/"Kodya" -> "kota", a trailing "City"/"Regency" moved to the front."""
    words = re.sub(r"[^\w]+|_", " ", str(text).lower()).split()
    if len(words) > 1 and words[-1] in ("city", "regency"):
        words = [words[-1], *words[:-1]]
    if words and words[0] in KIND_WORDS:
        words[0] = KIND_WORDS[words[0]]
    return " ".join(words)


def name_index(reg: pd.DataFrame) -> dict[str, set]:
    """Name key -> kemendagri codes; a key of more than one code (bare "kupang") is ambiguous.
    Every name, short name, label and alias, with and without its "kab"/"kota" word, and
    each of those without spaces ("sumbabaratdaya")."""
    index: dict[str, set] = {}
    for r in reg.itertuples():
        for raw in [r.name, r.short_name, r.label, *str(r.aliases or "").split("|")]:
            key = name_key(raw)
            for k in {key, re.sub(r"^(kab|kota) ", "", key)} - {""}:
                for variant in {k, k.replace(" ", "")}:
                    index.setdefault(variant, set()).add(r.kemendagri_code)
    return index


def code_index(reg: pd.DataFrame) -> dict[str, dict]:
    """{"kemendagri": code or undotted code -> code, "bps": BPS code -> Kemendagri code}."""
    kem = {c: c for c in reg["kemendagri_code"]} | {c.replace(".", ""): c for c in reg["kemendagri_code"]}
    return {"kemendagri": kem, "bps": dict(zip(reg["bps_code"], reg["kemendagri_code"]))}


@dataclass(frozen=True)
class Resolved:
    code: str | None          # Kemendagri code; None: the province (asked for, or nothing usable)
    problem: str | None = None   # None, "unknown" or "ambiguous"
    candidates: tuple[str, ...] = ()   # the regencies an ambiguous name could mean


def resolve(text, reg: pd.DataFrame) -> Resolved:
    """What an address's `regency=` means: a dotted code is Kemendagri, four digits are BPS,
    anything else a name (case, spacing and punctuation do not matter). The province words
    ("53", "ntt", empty) mean the province; anything else that matches no regency, or more
    than one, is a problem the page reports: it never falls back to another regency."""
    raw = "" if text is None else unquote_plus(str(text)).strip()
    if name_key(raw) in PROVINCE_WORDS:
        return Resolved(None)
    codes = code_index(reg)
    if KEMENDAGRI_RE.match(raw):
        code = codes["kemendagri"].get(raw)
        return Resolved(code) if code else Resolved(None, "unknown")
    if BPS_RE.match(raw):
        code = codes["bps"].get(raw)
        return Resolved(code) if code else Resolved(None, "unknown")
    index, key = name_index(reg), name_key(raw)
    bare = re.sub(r"^(kab|kota) ", "", key)            # "Kab. TTS": the label "TTS" with its kind word
    found = next((index[k] for k in (key, key.replace(" ", ""), bare) if k in index), set())
    if bare != key and len(found) > 1 and key not in index:
        found = set()
    if len(found) == 1:
        return Resolved(next(iter(found)))
    if len(found) > 1:
        return Resolved(None, "ambiguous", tuple(sorted(found)))
    return Resolved(None, "unknown")
