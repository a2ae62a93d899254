"""What AppTest cannot see, in headless Chromium: every page in both languages as drawn, with
plotly's own month names on date axes, its toolbar tips and Streamlit's built-in texts, holds
no known word of the other language; and every text a person reads (page and charts) has a
contrast of at least 4.5:1 with what is behind it."""
import pytest

from tests.browser.view import new_page, open_page
from tests.conftest import ARTIFACTS
from tests.language import foreign_words

PAGES = ["/", "/regencies?regency=53.18&map=geo", "/regencies?color=tier", "/sectors", "/tiers?regency=53.18",
         "/claims", "/claims?regency=53.18&view=stack", "/data_quality"]
MONTHS = {"id": ("Mei", "Agu", "Okt", "Des"), "en": ("May", "Aug", "Oct", "Dec")}

SEEN = """() => {
  const svg = [...document.querySelectorAll('.js-plotly-plot text')].map(t => t.textContent).filter(x => x.trim());
  const tips = [...document.querySelectorAll('.modebar-btn')].map(b => b.getAttribute('data-title') || '')
    .filter(t => !['Fullscreen', 'Close fullscreen'].includes(t));   // Streamlit's button: its tip comes from CSS
  const ticks = [...document.querySelectorAll('.js-plotly-plot .xtick text')].map(t => t.textContent);
  return {page: document.body.innerText, svg, tips, ticks};
}"""

CONTRAST = """() => {
  const parse = c => { const m = (c || '').match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(parseFloat); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lin = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = c => 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  const over = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                  b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const ratio = (f, b) => { const x = lum(f), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const bg = el => { const stack = []; for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) { stack.push(c); if (c.a >= 1) break; } }
    let out = {r: 255, g: 255, b: 255, a: 1}; for (let i = stack.length - 1; i >= 0; i--) out = over(stack[i], out); return out; };
  const opacity = el => { let o = 1; for (let e = el; e && e.nodeType === 1; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity); return o; };
  const bad = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement; const text = walker.currentNode.textContent.trim();
    if (!text || !el || seen.has(el) || el.closest('svg')) continue; seen.add(el);
    const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    if (!r.width || !r.height || cs.visibility === 'hidden' || el.closest('[aria-hidden="true"] button[disabled]')) continue;
    const b = bg(el); const f = over({...parse(cs.color), a: parse(cs.color).a * opacity(el)}, b);
    const k = ratio(f, b);
    if (k < 4.5 && k > 1.05) bad.push(['html', text.slice(0, 40), k.toFixed(2)]);   // 1:1 is text meant unseen
  }
  for (const t of document.querySelectorAll('.js-plotly-plot text')) {
    const text = t.textContent.trim(); if (!text || t.closest('.heatmaplayer')) continue;
    const r = t.getBoundingClientRect(); if (!r.width) continue;
    const fill = parse(getComputedStyle(t).fill); if (!fill) continue;
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const under = document.elementsFromPoint(x, y).find(e => e !== t && !e.closest('text') && e.tagName === 'path'
      && parse(getComputedStyle(e).fill)?.a > 0 && getComputedStyle(e).fillOpacity !== '0');
    const base = under ? over({...parse(getComputedStyle(under).fill), a: parseFloat(getComputedStyle(under).fillOpacity || 1)},
                              {r: 255, g: 255, b: 255, a: 1}) : {r: 255, g: 255, b: 255, a: 1};
    const f = over({...fill, a: fill.a * opacity(t)}, base);
    if (ratio(f, base) < 4.5) bad.push(['chart', text.slice(0, 40), ratio(f, base).toFixed(2)]);
  }
  return bad;
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pages_as_drawn_speak_one_language(browser, app_server, lang):
    pg = new_page(browser, lang="id-ID" if lang == "id" else "en-US")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    months_seen = []
    for url in PAGES:
        open_page(pg, app_server + url + ("&" if "?" in url else "?") + f"lang={lang}")
        got = pg.evaluate(SEEN)
        where = f"{url} ({lang})"
        for text in [got["page"], *got["svg"], *got["tips"]]:
            assert not foreign_words(text, lang), (where, foreign_words(text, lang), text[:200])
        assert "Choose an option" not in got["page"] and "No results" not in got["page"], where
        months_seen += [m for tick in got["ticks"] for m in MONTHS[lang] if m in tick]
        if url == "/claims":
            tip = "Unduh grafik sebagai PNG" if lang == "id" else "Download plot as a PNG"
            assert tip in got["tips"], (where, got["tips"][:4])
            full = pg.locator('.modebar-btn[data-title="Fullscreen"]').first
            full.hover(force=True)
            shown = pg.evaluate("b => getComputedStyle(b, '::after').content", full.element_handle())
            assert shown == ('"Layar penuh"' if lang == "id" else '"Fullscreen"'), (where, shown)
    assert months_seen, f"no date axis named a month the {lang} way"
    assert pg.outside == [], pg.outside[:5]


@pytest.mark.parametrize("url", ["/regencies?regency=53.18&color=tier", "/regencies?map=geo&color=tier",
                                 "/tiers?regency=53.18", "/claims", "/sectors", "/"])
def test_text_contrast_at_least_4_5(browser, app_server, url):
    pg = new_page(browser)
    open_page(pg, app_server + url)
    bad = pg.evaluate(CONTRAST)
    assert not bad, f"text below 4.5:1 on {url}: {bad[:10]}"
