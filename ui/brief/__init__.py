"""One-page PDF briefs (A4): the province brief for the governor and a brief for each
regent, in the page's language, drawn on the server in pure Python (fpdf2, matplotlib):
no browser and no network at run time. They read the page queries (ui/queries), so a
figure on a brief is the figure on screen.

    province_pdf("id") -> bytes
    regency_pdf("53.01", "en") -> bytes
    write_all(Path("briefs"), "id")   # the province and all 22 regencies
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ui import fmt
from ui.exports import PRODUCT, slug

MIME = "application/pdf"


def made_at(lang: str) -> str:
    return fmt.datetime_(dt.datetime.now(), lang)


def file_name(as_of, place: str | None = None) -> str:
    """sejuta-peserta_ringkasan-provinsi_2026-10.pdf, sejuta-peserta_ringkasan_kab-kupang_2026-10.pdf"""
    what = f"ringkasan_{slug(place)}" if place else "ringkasan-provinsi"
    return f"{PRODUCT}_{what}_{pd.Timestamp(as_of):%Y-%m}.pdf"


def province_pdf(lang: str) -> bytes:
    from ui.brief import data, province
    return province.build(data.province(), lang, made_at(lang))


def regency_pdf(code: str, lang: str) -> bytes:
    from ui.brief import data, regency
    return regency.build(data.regency(code), lang, made_at(lang))


def write_all(out: Path, lang: str, codes: list[str] | None = None, province: bool = True) -> list[Path]:
    """Write the province brief and the regency briefs (all 22 unless `codes`) into `out`."""
    from ui.queries import common
    out.mkdir(parents=True, exist_ok=True)
    status, regs = common.status(), common.regencies()
    names = dict(zip(regs.regency_code, regs.regency_name))
    written = []
    if province:
        written.append(out / file_name(status["as_of"]))
        written[-1].write_bytes(province_pdf(lang))
    for code in codes if codes is not None else list(regs.regency_code):
        if code not in names:
            raise KeyError(code)
        written.append(out / file_name(status["as_of"], names[code]))
        written[-1].write_bytes(regency_pdf(code, lang))
    return written
