"""One A4 page, drawn with fpdf2 (pure Python): a header band, headline figures, sections,
tables from ui.tables specs (the screen's headers and display strings, hidden cells
hidden), charts as images, and footnotes with the source line. The font is DejaVu Sans as
shipped inside matplotlib, so nothing depends on the fonts a machine has."""
from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from ui.tables import NUMERIC

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
GREEN, DARK, GREY, LIGHT, RED = (27, 127, 59), (38, 49, 61), (95, 107, 122), (238, 243, 239), (184, 37, 43)
PAGE_W, PAGE_H, MARGIN = 210, 297, 12
WIDTH = PAGE_W - 2 * MARGIN


class Overflow(Exception):
    """The content ran into the footnotes: the page layout needs a change (a bug, not bad data)."""


class Page(FPDF):
    def __init__(self, lang: str, title: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.bottom = 0.0   # the lowest point drawn above the footnotes
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)
        self.add_font("Sans", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("Sans", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_lang("id-ID" if lang == "id" else "en-GB")
        self.set_title(title)
        self.set_author("Sejuta Peserta")
        self.set_creator("Sejuta Peserta")
        self.add_page()

    # ------------------------------------------------------------ text helpers
    def font(self, size: float, bold: bool = False, color=DARK) -> None:
        self.set_font("Sans", "B" if bold else "", size)
        self.set_text_color(*color)

    def fit(self, text: str, width: float) -> str:
        """The text, shortened with an ellipsis to fit `width` in the current font."""
        text = str(text)
        if self.get_string_width(text) <= width:
            return text
        while text and self.get_string_width(text + "…") > width:
            text = text[:-1]
        return text.rstrip() + "…"

    def shrink(self, text: str, width: float, size: float, bold: bool = False) -> None:
        """Set the largest font size down to 80% of `size` at which `text` fits `width`."""
        for k in range(5):
            self.font(size * (1 - 0.05 * k), bold)
            if self.get_string_width(text) <= width:
                return

    def lines(self, text: str, width: float) -> list[str]:
        """Words wrapped to `width` in the current font."""
        out, line = [], ""
        for word in str(text).split():
            trial = f"{line} {word}".strip()
            if line and self.get_string_width(trial) > width:
                out.append(line)
                line = word
            else:
                line = trial
        return out + ([line] if line else [])

    def text_at(self, x, y, w, h, text, size=8, bold=False, color=DARK, align="L") -> None:
        self.font(size, bold, color)
        self.set_xy(x, y)
        self.cell(w, h, self.fit(text, w), align=align)

    def paragraph(self, x, y, w, text, size=7, color=GREY, line_h=None, bold=False) -> float:
        """Wrapped text; returns the y under it."""
        self.font(size, bold, color)
        line_h = line_h or size * 0.45
        for line in self.lines(text, w):
            self.set_xy(x, y)
            self.cell(w, line_h, line)
            y += line_h
        self.bottom = max(self.bottom, y)
        return y

    # ------------------------------------------------------------ blocks
    def band(self, kicker: str, title: str, right: str, right_sub: str) -> float:
        """The header band; returns the y under it."""
        self.set_fill_color(*GREEN)
        self.rect(0, 0, PAGE_W, 24, style="F")
        self.text_at(MARGIN, 4.5, 130, 4, kicker.upper(), 7.5, True, (220, 238, 225))
        self.text_at(MARGIN, 9.5, 140, 9, title, 15.5, True, (255, 255, 255))
        self.text_at(PAGE_W - MARGIN - 60, 5, 60, 5, right, 9.5, True, (255, 255, 255), "R")
        self.text_at(PAGE_W - MARGIN - 60, 11, 60, 4, right_sub, 7, False, (220, 238, 225), "R")
        return 28

    def kpis(self, y: float, items: list[tuple[str, str, str]], height: float = 23) -> float:
        """Headline figures side by side: (label, value, note); returns the y under them."""
        gap = 3
        w = (WIDTH - gap * (len(items) - 1)) / len(items)
        for i, (label, value, note) in enumerate(items):
            x = MARGIN + i * (w + gap)
            self.set_fill_color(*LIGHT)
            self.rect(x, y, w, height, style="F")
            self.set_fill_color(*GREEN)
            self.rect(x, y, 1.1, height, style="F")
            self.font(6.8, False, GREY)
            yy = y + 1.6
            for line in self.lines(label, w - 4)[:2]:
                self.set_xy(x + 2.5, yy)
                self.cell(w - 4, 3, line)
                yy += 3
            self.value(x + 2.5, y + 8.2, w - 4, value)
            self.paragraph(x + 2.5, y + 16.4, w - 4, note, 6.3, GREY, 2.7)
        return y + height + 3

    def value(self, x: float, y: float, w: float, text: str) -> None:
        """A headline figure: as large as fits, else two lines."""
        for size in (14, 12.5, 11, 9.5):
            self.font(size, True)
            if self.get_string_width(text) <= w:
                self.text_at(x, y + (14 - size) * 0.2, w, 7, text, size, True)
                return
        self.paragraph(x, y - 0.6, w, text, 8.5, DARK, 3.6, bold=True)

    def section(self, x: float, y: float, w: float, text: str) -> float:
        """A section heading (wrapped when long) with a rule under it; returns the y under it."""
        self.font(9.5, True)
        lines = self.lines(text, w)[:2]
        for line in lines:
            self.text_at(x, y, w, 4.6, line, 9.5, True, GREEN)
            y += 4.4
        self.set_draw_color(*GREEN)
        self.set_line_width(0.3)
        self.line(x, y + 0.9, x + w, y + 0.9)
        return y + 2.2

    def image_png(self, png: bytes, x: float, y: float, w: float) -> float:
        info = self.image(io.BytesIO(png), x=x, y=y, w=w)
        self.bottom = max(self.bottom, y + info.rendered_height)
        return y + info.rendered_height

    def table(self, spec, df, lang: str, x: float, y: float, widths: list[float], size: float = 6.8,
              row_h: float = 3.7, bold_rows: frozenset = frozenset()) -> float:
        """A table from its spec with the screen's headers and cells; returns the y under it."""
        heads, cells = spec.headers(lang), spec.display(df, lang)
        right = [c.kind in NUMERIC or c.kind.startswith("month") for c in spec.columns]
        self.font(size - 0.4, True, DARK)
        wrapped = [self.lines(h, w - 1.6)[:2] for h, w in zip(heads, widths)]
        head_h = max(len(w) for w in wrapped) * (size * 0.4) + 1.4
        self.set_fill_color(*LIGHT)
        self.rect(x, y, sum(widths), head_h, style="F")
        xx = x
        for lines, w, r in zip(wrapped, widths, right):
            for k, line in enumerate(lines):
                self.shrink(line, w - 1.6, size - 0.4, True)
                self.set_xy(xx + 0.8, y + 0.7 + k * size * 0.4)
                self.cell(w - 1.6, size * 0.4, line, align="R" if r else "L")
            xx += w
        y += head_h
        self.set_draw_color(*GREEN)
        self.set_line_width(0.3)
        self.line(x, y, x + sum(widths), y)
        self.set_draw_color(225, 229, 233)
        self.set_line_width(0.15)
        for i, row in enumerate(cells):
            self.font(size, i in bold_rows, DARK)
            xx = x
            for v, w, r in zip(row, widths, right):
                self.shrink(str(v), w - 1.6, size, i in bold_rows)
                self.set_xy(xx + 0.8, y)
                self.cell(w - 1.6, row_h, self.fit(v, w - 1.6), align="R" if r else "L",
                          new_x=XPos.RIGHT, new_y=YPos.TOP)
                xx += w
            y += row_h
            self.line(x, y, x + sum(widths), y)
        self.bottom = max(self.bottom, y)
        return y + 1.5

    def footnotes(self, notes: list[str], source: str, stamp: str) -> None:
        """Definitions at the foot of the page, the source line and when it was made."""
        self.font(6.2)
        heights = sum(len(self.lines(n, WIDTH - 3)) for n in notes) * 2.75
        y = PAGE_H - MARGIN - heights - 6.5
        if self.bottom > y - 2:
            raise Overflow(f"content reaches {self.bottom:.0f} mm, the footnotes start at {y:.0f} mm")
        self.set_draw_color(*GREY)
        self.set_line_width(0.2)
        self.line(MARGIN, y - 1.5, PAGE_W - MARGIN, y - 1.5)
        for i, note in enumerate(notes, start=1):
            self.text_at(MARGIN, y, 3, 2.75, f"{i}", 6.2, True, GREY)
            y = self.paragraph(MARGIN + 3, y, WIDTH - 3, note, 6.2, GREY, 2.75)
        self.text_at(MARGIN, y + 1.2, WIDTH * 0.65, 3.5, source, 7, True, DARK)
        self.text_at(MARGIN + WIDTH * 0.65, y + 1.2, WIDTH * 0.35, 3.5, stamp, 6.2, False, GREY, "R")

    def bytes(self) -> bytes:
        return bytes(self.output())
