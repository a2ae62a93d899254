"""What a page lets people take away: each table as a workbook, all of a page's tables as
one workbook, and the context every download carries (page, filters in force, the data's
as-of month, the source line, a file name that says what it is).

The page frame (ui.layout.frame) opens a *run* for each page run; ui.tables.show registers
every table it draws in it, and the frame offers the page's workbook at the end. Pages say
which filters are in force with `filters(...)`. Outside a page (tests, the briefs) there
is no run and nothing is registered."""
from __future__ import annotations

import contextvars
import re
import unicodedata
from dataclasses import dataclass, field, replace

import pandas as pd

from ui import fmt
from ui.i18n import t

PRODUCT = "sejuta-peserta"
PAGE_SLUGS = {"overview.title": "ringkasan-provinsi", "reg.title": "kabupaten-kota", "sec.title": "sektor",
              "tier.title": "peringkat-insentif", "claims.title": "klaim-subsidi", "dq.title": "kualitas-data"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Context:
    """What a download says about itself."""
    page: str                 # the page's title, in the page's language
    slug: str                 # the page in file names (Indonesian, stable across languages)
    lang: str
    as_of: object             # the data's as-of month
    suppress_below: int = 5
    place: str | None = None  # the regency a page is about (names files)
    filters: tuple[tuple[str, str], ...] = ()

    def as_of_text(self) -> str:
        return t("data.as_of", self.lang, month=fmt.month_long(self.as_of, self.lang))

    def source(self) -> str:
        return t("export.source", self.lang)

    def file_name(self, what: str, ext: str) -> str:
        """sejuta-peserta_kecamatan_kab-kupang_2026-10.xlsx"""
        parts = [PRODUCT, what] + ([slug(self.place)] if self.place else [])
        month = pd.Timestamp(self.as_of).strftime("%Y-%m") if not fmt.is_missing(self.as_of) else "tanpa-data"
        return "_".join(parts + [month]) + f".{ext}"


@dataclass
class Sheet:
    spec: object              # ui.tables.Table
    rows: pd.DataFrame
    title: str
    context: Context


@dataclass
class Run:
    context: Context
    sheets: list[Sheet] = field(default_factory=list)


_RUN: contextvars.ContextVar[Run | None] = contextvars.ContextVar("sejuta_export_run", default=None)


def slug(text: str) -> str:
    """"Kabupaten Timor Tengah Selatan" -> "kab-timor-tengah-selatan"; "Kota Kupang" -> "kota-kupang"."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"^kabupaten\b", "kab", text.strip())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def page_slug(title_key: str) -> str:
    """A page in file names, the same in both languages."""
    return PAGE_SLUGS.get(title_key) or slug(t(title_key, "id"))


def begin(context: Context) -> contextvars.Token:
    return _RUN.set(Run(context))


def end(token: contextvars.Token) -> None:
    _RUN.reset(token)


def current() -> Run | None:
    return _RUN.get()


def context() -> Context | None:
    run = current()
    return run.context if run else None


def filters(place: str | None = None, **items: str) -> None:
    """The filters in force for what the page shows from here on: `place` (a regency's name,
    also in file names) and any others as label=value text, e.g.
    filters(**{t("claims.period", lang): "Jan 2026 – Okt 2026"})."""
    run = current()
    if run is not None:
        run.context = replace(run.context, place=place, filters=tuple(items.items()))


def register(spec, df: pd.DataFrame, lang: str, key: str | None) -> Sheet | None:
    """Record a table the page shows (tables.show calls this)."""
    run = current()
    if run is None:
        return None
    sheet = Sheet(spec, df.reset_index(drop=True), spec.title(lang, key), run.context)
    run.sheets.append(sheet)
    return sheet


# ---------------------------------------------------------------- download buttons

def table_download(sheet: Sheet, key: str) -> None:
    """The workbook of one table, built only when the button is pressed."""
    import streamlit as st
    from ui.workbook import workbook
    st.download_button(t("export.table_xlsx", sheet.context.lang), lambda: workbook([sheet]),
                       file_name=sheet.context.file_name(sheet.spec.name, "xlsx"), mime=XLSX,
                       key=f"xlsx_{key}", on_click="ignore", type="tertiary", icon=":material/download:")


def page_download() -> None:
    """One workbook with every table the page showed in this run, one sheet each."""
    import streamlit as st
    from ui.workbook import workbook
    run = current()
    if run is None or not run.sheets:
        return
    sheets, ctx = list(run.sheets), run.context
    st.divider()
    st.download_button(t("export.page_xlsx", ctx.lang, n=len(sheets)), lambda: workbook(sheets),
                       file_name=ctx.file_name(ctx.slug, "xlsx"), mime=XLSX, key="xlsx_page",
                       on_click="ignore", icon=":material/table_view:")


def brief_download(lang: str, as_of, code: str | None = None, name: str | None = None) -> None:
    """The one-page PDF brief (ui.brief): the province's, or the regency `code`'s; drawn only
    when the button is pressed."""
    import streamlit as st
    from ui import brief
    if code is None:
        label, data = t("brief.download_province", lang), (lambda: brief.province_pdf(lang))
    else:
        label, data = t("brief.download_regency", lang, name=name), (lambda: brief.regency_pdf(code, lang))
    st.download_button(label, data, file_name=brief.file_name(as_of, name), mime=brief.MIME,
                       key=f"brief_{code or 'province'}", on_click="ignore", icon=":material/picture_as_pdf:")
