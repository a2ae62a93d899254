"""The printed page (Ctrl+P): a clean A4 with no sidebar, toolbar or buttons, charts scaled
to the page width, tables whole with their header row repeated on every sheet of paper.

Streamlit's table is a canvas grid that prints only the rows in view, so every table
also writes a plain HTML copy from the same spec (ui.tables), hidden on screen and shown
only on paper. Plotly charts keep the pixel width they had on screen, so a small script fixes the main
column at its screen width and zooms it to the paper's width before printing (and undoes
it afterwards): the paper shows the screen's layout, scaled, with nothing cut."""
from __future__ import annotations

import html

import streamlit as st

from ui.tables import NUMERIC

PAPER_PX = 690   # A4 (210 mm) less 2 x 12 mm margins, in CSS pixels (96 per inch), with a little room

CSS = """
<style>
.sp-print, [data-testid="stElementContainer"]:has(.sp-print) { display: none; }
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  html, body, #root, .stApp, [data-testid="stApp"], [data-testid="stAppViewContainer"],
  [data-testid="stMain"], [data-testid="stMainBlockContainer"], section.main {
    height: auto !important; min-height: 0 !important; overflow: visible !important;
    position: static !important; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  header, [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stDataFrame"], [data-testid="stDownloadButton"], [data-testid="stButton"],
  [data-testid="stElementToolbar"], [data-testid="stBottom"], iframe, .modebar-container,
  [data-testid="stElementContainer"]:has([data-testid="stDownloadButton"]),
  [data-testid="stElementContainer"]:has([data-testid="stDataFrame"]),
  [data-testid="stElementContainer"]:has([data-testid="stButton"]),
  [data-testid="stElementContainer"]:has(iframe),
  [data-testid="stElementContainer"]:has(hr):has(+ [data-testid="stElementContainer"] [data-testid="stDownloadButton"])
    { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; }
  [data-testid="stMain"] { margin: 0 !important; }
  [data-testid="stVerticalBlock"] { gap: 0.35rem !important; }
  .sp-print, [data-testid="stElementContainer"]:has(.sp-print) { display: block !important; }
  .sp-print table { width: 100%; border-collapse: collapse; font-size: 10.5pt; line-height: 1.25; }
  .sp-print caption { text-align: left; font-weight: 600; font-size: 11pt; padding: 2pt 0; }
  .sp-print thead { display: table-header-group; }
  .sp-print tr { break-inside: avoid; }
  .sp-print th { background: #eef3ef !important; border-bottom: 1px solid #1b7f3b; text-align: left;
                 padding: 2pt 4pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .sp-print td { border-bottom: 1px solid #e3e3e3; padding: 1.5pt 4pt; }
  .sp-print .num { text-align: right; white-space: nowrap; }
  [data-testid="stPlotlyChart"], [data-testid="stMetric"] {
    break-inside: avoid; }
  h1, h2, h3, [data-testid="stHeading"] { break-after: avoid; }
  h1 { padding-top: 0 !important; }
}
</style>
"""

SCRIPT = """
<script>
(function () {
  if (window.__sejutaPrint) { return; }
  window.__sejutaPrint = true;
  var PAPER = %d;
  /* Print the page as laid out on screen, scaled to the paper's width: the main column
     keeps its screen width (so no chart redraws for the narrower paper, and columns stay
     side by side) and is zoomed down to fit. */
  function main() { return document.querySelector('[data-testid="stMainBlockContainer"]'); }
  function fit() {
    var el = main();
    if (!el || el.dataset.spWidth) { return; }
    var style = getComputedStyle(el);
    var width = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (!width) { return; }
    el.dataset.spWidth = width;
    el.style.width = width + 'px';
    el.style.maxWidth = width + 'px';
    el.style.zoom = width > PAPER ? (PAPER / width).toFixed(4) : '';
  }
  function unfit() {
    var el = main();
    if (!el) { return; }
    delete el.dataset.spWidth; el.style.width = ''; el.style.maxWidth = ''; el.style.zoom = '';
  }
  window.addEventListener('beforeprint', fit);
  window.addEventListener('afterprint', unfit);
  var media = window.matchMedia('print');
  media.addEventListener('change', function (e) { if (e.matches) { fit(); } else { unfit(); } });
})();
</script>
""" % PAPER_PX


def inject() -> None:
    """The print rules and the chart-scaling script, once per page run (the frame calls it)."""
    st.html(CSS)
    st.html(SCRIPT, unsafe_allow_javascript=True)


def table_html(spec, df, lang: str, title: str) -> str:
    """The table as plain HTML from its spec: the same headers and display strings as the screen."""
    numeric = [c.kind in NUMERIC or c.kind.startswith("month") for c in spec.columns]
    head = "".join(f'<th class="{"num" if n else ""}">{html.escape(h)}</th>'
                   for h, n in zip(spec.headers(lang), numeric))
    body = "".join("<tr>" + "".join(f'<td class="{"num" if n else ""}">{html.escape(str(v))}</td>'
                                    for v, n in zip(row, numeric)) + "</tr>"
                   for row in spec.display(df, lang))
    return (f'<div class="sp-print"><table><caption>{html.escape(title)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def table(spec, df, lang: str, title: str) -> None:
    st.html(table_html(spec, df, lang, title))
