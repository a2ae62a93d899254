"""Page render times in headless Chromium, and page views under concurrent users.

    .venv/bin/python bench/bench_pages.py data/warehouse.duckdb                # every page, 20 users
    .venv/bin/python bench/bench_pages.py W.duckdb --users 20 --views 3 --repeat 3

Serves the dashboard on the given warehouse (streamlit run, a free local port), then
1. for each page: the first view after the server started (cold: queries and figures not
   yet cached) and the median of --repeat later views (warm), each timed from navigation
   until the page is fully rendered: the script run finished (no running indicator) and
   every Plotly chart has drawn its SVG, stable for 300 ms;
2. --users browser contexts at once, each viewing --views pages (the pages in turn,
   started at different ones): every view timed the same way; prints p50, p95, max.
Prints figures only; asserts nothing (tests never time). Needs Debian's chromium.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = ["overview", "regencies", "sectors", "tiers", "claims", "data_quality"]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
RENDERED = """() => {
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  const main = document.querySelector('[data-testid="stMain"], section.main');
  if (!main || !main.querySelector('[data-testid="stMarkdown"], [data-testid="stMetric"], h1, h2')) return false;
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  if (plots.some(p => !p.querySelector('.main-svg'))) return false;
  const sig = plots.length + ':' + main.innerText.length;
  if (window.__sig !== sig) { window.__sig = sig; window.__since = performance.now(); return false; }
  return performance.now() - window.__since >= 300;
}"""


@contextlib.contextmanager
def served(warehouse, port: int = 0):
    """The dashboard on `warehouse` (streamlit run, tests/conftest.py's serve; port 0: a free
    one); prints the warehouse's size and the cores; yields the base url."""
    from tests.conftest import serve
    size = Path(warehouse).stat().st_size / 2**20
    print(f"warehouse {warehouse} ({size:,.0f} MiB), {os.cpu_count()} cores", flush=True)
    with serve({"SEJUTA_WAREHOUSE": str(Path(warehouse).resolve())}, port=port) as base:
        yield base


def p95(times: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    s = sorted(times)
    return s[min(len(s) - 1, int(round(0.95 * len(s))) - 1)]


async def view(page, url: str) -> float:
    """Seconds from navigation until fully rendered (the 300 ms stability wait not counted)."""
    t0 = time.perf_counter()
    await page.goto(url)
    await page.wait_for_function(RENDERED, polling=50, timeout=120_000)
    return time.perf_counter() - t0 - 0.3


async def per_page(browser, base: str, repeat: int) -> None:
    ctx = await browser.new_context(viewport={"width": 1400, "height": 2200}, locale="id-ID")
    page = await ctx.new_page()
    print(f"{'page':<14} {'cold s':>7} {'warm s (median of ' + str(repeat) + ')':>26}", flush=True)
    for name in PAGES:
        cold = await view(page, f"{base}/{name}")
        warm = [await view(page, f"{base}/{name}") for _ in range(repeat)]
        print(f"{name:<14} {cold:7.2f} {statistics.median(warm):26.2f}", flush=True)
    await ctx.close()


async def user(browser, base: str, start: int, views: int, times: list[float]) -> None:
    ctx = await browser.new_context(viewport={"width": 1400, "height": 2200}, locale="id-ID")
    page = await ctx.new_page()
    for i in range(views):
        times.append(await view(page, f"{base}/{PAGES[(start + i) % len(PAGES)]}"))
    await ctx.close()


async def run(base: str, a) -> None:
    from playwright.async_api import async_playwright
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        await per_page(browser, base, a.repeat)
        times: list[float] = []
        t0 = time.perf_counter()
        await asyncio.gather(*(user(browser, base, u, a.views, times) for u in range(a.users)))
        wall = time.perf_counter() - t0
        print(f"{a.users} concurrent users x {a.views} views ({len(times)} page views in {wall:.1f} s): "
              f"p50 {statistics.median(times):.2f} s, p95 {p95(times):.2f} s, max {max(times):.2f} s")
        await browser.close()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("warehouse")
    p.add_argument("--users", type=int, default=20)
    p.add_argument("--views", type=int, default=3)
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args()
    with served(a.warehouse) as base:
        asyncio.run(run(base, a))


if __name__ == "__main__":
    main()
