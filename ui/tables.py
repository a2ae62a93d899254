"""Every table declared once: its columns, each with the kind of value it holds and the
label key of its header. The spec drives the screen (typed values shown the Indonesian or
English way, sorting by value), the printed page (an HTML copy shown only on paper), the
workbook downloads (ui/workbook.py) and the PDF briefs (ui/brief). A hidden (suppressed)
cell stays a missing value, so it sorts as missing, and reads "disembunyikan"."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from ui import fmt
from ui.i18n import CATALOGUE, t

KINDS: dict[str, Callable] = {
    "count": lambda v, lang, d: fmt.number(v, lang),
    "signed": lambda v, lang, d: fmt.signed(v, lang, d),
    "decimal": lambda v, lang, d: fmt.decimal(v, d, lang),
    "percent": lambda v, lang, d: fmt.pct(v, d, lang),
    "attainment": lambda v, lang, d: fmt.pct_cut(v, d, lang),
    "rupiah": lambda v, lang, d: fmt.rupiah(v, lang),
    "rupiah_short": lambda v, lang, d: fmt.rupiah_short(v, lang),
    "month": lambda v, lang, d: fmt.month(v, lang),
    "month_long": lambda v, lang, d: fmt.month_long(v, lang),
    "date": lambda v, lang, d: fmt.date(v, lang),
    "datetime": lambda v, lang, d: fmt.datetime_(v, lang),
    "text": lambda v, lang, d: fmt.MISSING if v is None or (isinstance(v, float) and v != v) else str(v),
}
NUMERIC = {"count", "signed", "decimal", "percent", "attainment", "rupiah", "rupiah_short"}


@dataclass(frozen=True)
class Col:
    key: str               # column of the query's DataFrame (or of the page's own frame)
    label: str             # i18n key of the header
    kind: str = "count"
    digits: int = 1
    hideable: bool = True  # shows "disembunyikan" on a hidden row (else "–" when missing)
    text: str | None = None      # a header given as text (e.g. a tier's name) instead of a label key

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass(frozen=True)
class Table:
    name: str                          # names the download files
    columns: tuple[Col, ...]
    hidden_flag: str | None = "is_suppressed"
    label_args: dict = field(default_factory=dict)

    def headers(self, lang: str) -> list[str]:
        return [c.text if c.text is not None else t(c.label, lang, **self.label_args) for c in self.columns]

    def frame(self, df: pd.DataFrame, lang: str) -> pd.DataFrame:
        """The typed values under the page's headers, in the declared order."""
        out = pd.DataFrame({h: df[c.key].to_numpy() for h, c in zip(self.headers(lang), self.columns)})
        for h, c in zip(out.columns, self.columns):
            if c.kind in NUMERIC:
                out[h] = pd.to_numeric(out[h], errors="coerce")
        return out

    def placeholder(self, df: pd.DataFrame, lang: str) -> str:
        """What the browser's grid shows in an empty cell (it does not show a styled text
        there): "disembunyikan" in a table with hidden cells, else "–". So a table with hidden
        cells has no other empty cell, and a value with its own meaning when missing ("not
        reached") is given as text by the page."""
        return t("table.hidden", lang) if self.hidden_rows(df).any() else fmt.MISSING

    def hidden_rows(self, df: pd.DataFrame) -> pd.Series:
        if self.hidden_flag and self.hidden_flag in df:
            return df[self.hidden_flag].fillna(False).astype(bool).reset_index(drop=True)
        return pd.Series(False, index=range(len(df)))

    def hides(self, col: Col, row_hidden: bool, value) -> bool:
        """Whether a cell reads "hidden": in a hidden row, every number of a column that can be
        hidden (even one the mart failed to blank: a hidden count never shows) and an empty text
        cell (the browser's grid shows the placeholder there; the workbook and print the same)."""
        return row_hidden and col.hideable and (col.kind in NUMERIC or fmt.is_missing(value))

    def styled(self, df: pd.DataFrame, lang: str):
        """A pandas Styler: typed cells, each shown by its kind; hidden rows read as hidden."""
        data = self.frame(df, lang)
        sty = data.style.format({h: _formatter(c, lang) for h, c in zip(data.columns, self.columns)})
        hidden = self.hidden_rows(df)
        if hidden.any():
            for h, c in zip(data.columns, self.columns):
                show = _formatter(c, lang)
                sty = sty.format(lambda v, c=c, show=show: t("table.hidden", lang) if self.hides(c, True, v) else show(v),
                                 subset=pd.IndexSlice[hidden[hidden].index, [h]])
        return sty

    def display(self, df: pd.DataFrame, lang: str) -> list[list[str]]:
        """Every cell as the screen shows it (the printed page and the PDF briefs)."""
        data, hidden = self.frame(df, lang), self.hidden_rows(df)
        shown = [[_formatter(c, lang)(v) for v in data[h]] for h, c in zip(data.columns, self.columns)]
        for j, (h, c) in enumerate(zip(data.columns, self.columns)):
            shown[j] = [t("table.hidden", lang) if self.hides(c, hid, raw) else v
                        for v, hid, raw in zip(shown[j], hidden, data[h])]
        return [list(row) for row in zip(*shown)]

    def title(self, lang: str, key: str | None = None) -> str:
        """The table's title (a workbook sheet, a printed caption): the i18n entry
        "sheet.<show key>", else "sheet.<table name>", else the table name."""
        for k in (f"sheet.{key}", f"sheet.{self.name}"):
            if k in CATALOGUE:
                return t(k, lang)
        return self.name.replace("_", " ").capitalize()


def _formatter(col: Col, lang: str):
    fn = KINDS[col.kind]
    return lambda v: fn(v, lang, col.digits)


def show(spec: Table, df: pd.DataFrame, lang: str, key: str | None = None, height: int | None = None,
         style=None, draw: bool = True) -> None:
    """The table on the page, sortable by value; under it its workbook download, and a copy
    that only the printed page shows (the grid prints only its visible part). `style`
    (frame -> frame of CSS) colours cells on screen. draw=False: the table of a folded section
    (ui/layout.py folded) while it is closed: not drawn, but a sheet of the page's workbook."""
    from ui import exports, printing
    if not draw:
        exports.register(spec, df, lang, key)
        return
    styled = spec.styled(df, lang)
    if style is not None:
        styled = styled.apply(style, axis=None)
    st.dataframe(styled, hide_index=True, width="stretch", key=key, placeholder=spec.placeholder(df, lang),
                 height=height if height is not None else "auto")
    sheet = exports.register(spec, df, lang, key)
    printing.table(spec, df, lang, sheet.title if sheet else spec.title(lang, key))
    if sheet is not None:
        exports.table_download(sheet, key or spec.name)


# Columns many tables share, declared once.
REGENCY = Col("regency_name", "table.regency", "text")
TARGET = Col("target", "table.target", hideable=False)
ACTIVE = Col("n_active", "table.active")
ATTAINMENT = Col("attainment_pct", "table.attainment", "attainment")
TIER = Col("tier_label", "table.tier", "text")
CHANGE_3M = Col("change_3m", "table.change_3m", "signed", digits=0)
# The 22 regencies at the as-of month (the overview page and the governor's brief).
REGENCY_PROGRESS = Table("kabupaten", (REGENCY, TARGET, ACTIVE, ATTAINMENT, TIER, CHANGE_3M))


def area_spec(with_parent: bool) -> Table:
    """A regency's districts (with active members per 1,000 inhabitants, 2010 census), or its
    villages under their district (no population figure exists for a village), for the regency
    page and the regent's brief; hidden cells come from the mart (is_suppressed). At the top
    tier nothing more is needed: 0 (an empty cell would read as hidden)."""
    first = (Col("area_name", "reg.col_village", "text"), Col("parent_name", "reg.col_district", "text")) \
        if with_parent else (Col("area_name", "reg.col_district", "text"),)
    return Table("desa" if with_parent else "kecamatan", first + (
        TARGET, ACTIVE, ATTAINMENT, TIER, Col("n_to_next_tier", "reg.col_to_next")) + (() if with_parent else (
        Col("active_per_1000_pop", "reg.col_per_1000_pop", "decimal", digits=2),)))
