"""Page render times in headless Chromium, and page views under concurrent users.

    .venv/bin/python bench/bench_pages.py data/warehouse.duckdb                # every page, 20 users
    .venv/bin/python bench/bench_pages.py W.duckdb --users 20 --views 3 --repeat 3
    .venv/bin/python bench/bench_pages.py --floor                              # bench/floor_app.py only

Serves the dashboard on the given warehouse (streamlit run, a free local port), then
1. for each page: the first view after the server started (cold: queries and figures not
   yet cached) and the median of --repeat later views (warm), each timed from navigation
   until the page is fully rendered (see `view`);
2. --users browser contexts at once, each viewing --views pages (the pages in turn,
   started at different ones): every view timed the same way; prints p50, p95, max.
Prints figures only; asserts nothing (tests never time). Needs Debian's chromium.
--floor measures bench/floor_app.py instead (a title, four metrics and one chart, no query):
what a view of any Streamlit page costs in this Chromium before the page's own content.

Fully rendered: the server said the script run finished (the ForwardMsg `script_finished`
FINISHED_SUCCESSFULLY on the page's websocket, read by Playwright; the app's header, and
with it Streamlit's running indicator, is not in the DOM, so the DOM alone cannot tell a
query in progress from a finished page), then no skeleton is left (`stSkeleton`,
`stAppSkeleton`, `stSkeletonElement`: Streamlit's placeholders for elements not yet drawn,
seen in the DOM on every page while it renders, also for a moment after the run finished),
no spinner, no stale element, every Plotly chart has drawn its SVG, and the element count,
chart count and text length have stayed the same for 300 ms. The time is to the first
moment of that final state (the 300 ms of waiting for stability not counted). The default
page (overview) is at the root `/`, as the app's own links have it (`/overview` answers
"page not found").
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
# The url path of each page: the default page (the first) at the root.
ADDRESS = {name: ("" if i == 0 else name) for i, name in enumerate(PAGES)} | {"floor": ""}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
STABLE_MS = 300
# After the script finished: nothing left to draw, and the same for STABLE_MS. Returns false,
# or [ms the final state has lasted, element containers, Plotly charts].
RENDERED = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main) return false;
  const busy = '[data-testid="stSkeleton"], [data-testid="stAppSkeleton"], [data-testid="stSkeletonElement"],'
             + ' [data-testid="stSpinner"], [data-stale="true"]';
  if (document.querySelector(busy)) { window.__sig = null; return false; }
  const plots = [...main.querySelectorAll('.js-plotly-plot')];
  if (plots.some(p => !p.querySelector('.main-svg'))) { window.__sig = null; return false; }
  const n = main.querySelectorAll('[data-testid="stElementContainer"]').length;
  if (!n) return false;
  const sig = n + ':' + plots.length + ':' + main.innerText.length;
  if (window.__sig !== sig) { window.__sig = sig; window.__since = performance.now(); return false; }
  const lasted = performance.now() - window.__since;
  return lasted >= %d ? [lasted, n, plots.length] : false;
}""" % STABLE_MS


@contextlib.contextmanager
def served(warehouse, port: int = 0, app: Path | None = None):
    """The dashboard on `warehouse` (streamlit run, tests/conftest.py's serve; port 0: a free
    one), or `app` alone; prints the warehouse's size and the cores; yields the base url."""
    from tests.conftest import serve
    if app:
        print(f"{app.name} (no warehouse), {os.cpu_count()} cores", flush=True)
        with serve({}, port=port, app=app) as base:
            yield base
        return
    size = Path(warehouse).stat().st_size / 2**20
    print(f"warehouse {warehouse} ({size:,.0f} MiB), {os.cpu_count()} cores", flush=True)
    with serve({"SEJUTA_WAREHOUSE": str(Path(warehouse).resolve())}, port=port) as base:
        yield base


def p95(times: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    s = sorted(times)
    return s[min(len(s) - 1, int(round(0.95 * len(s))) - 1)]


def watch(page) -> dict:
    """Record, on `page`, when the server last reported a script run finished successfully."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    state = {"finished": 0}

    def frame(payload) -> None:
        if isinstance(payload, bytes):
            msg = ForwardMsg.FromString(payload)
            if (msg.WhichOneof("type") == "script_finished"
                    and msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY):
                state["finished"] += 1

    page.on("websocket", lambda ws: ws.on("framereceived", frame))
    return state


async def view(page, state: dict, address: str, base: str, click: bool = False) -> tuple[float, int, int]:
    """Seconds from navigation until fully rendered (module docstring), element containers, charts.
    click: by the page's link in the sidebar (no reload) instead of loading the address."""
    await page.evaluate("() => { window.__sig = null; }")
    t0 = time.perf_counter()
    state["finished"] = 0
    if click:
        # the app's links are relative: "regencies?lang=id", "?lang=id" for the default page
        await page.locator(f'[data-testid="stSidebar"] a[href^="{address}?"]').first.click()
    else:
        await page.goto(f"{base}/{address}")
    while not state["finished"]:
        if time.perf_counter() - t0 > 120:
            raise TimeoutError(f"/{address}: no script_finished within 120 s")
        await asyncio.sleep(0.02)
    handle = await page.wait_for_function(RENDERED, polling=50, timeout=120_000)
    lasted, elements, charts = await handle.json_value()
    return time.perf_counter() - t0 - lasted / 1000, elements, charts


async def per_page(browser, base: str, repeat: int, pages: list[str]) -> None:
    ctx = await browser.new_context(viewport={"width": 1400, "height": 2200}, locale="id-ID")
    page = await ctx.new_page()
    state = watch(page)
    print(f"{'page':<14} {'cold s':>7} {'warm s (median of ' + str(repeat) + ')':>26} {'in-app s':>9}"
          "  elements, charts", flush=True)
    for i, name in enumerate(pages):
        cold, elements, charts = await view(page, state, ADDRESS[name], base)
        warm = [(await view(page, state, ADDRESS[name], base))[0] for _ in range(repeat)]
        inapp = []
        for _ in range(repeat if len(pages) > 1 else 0):     # from the previous page, by its link
            await view(page, state, ADDRESS[pages[i - 1]], base)
            inapp.append((await view(page, state, ADDRESS[name], base, click=True))[0])
        print(f"{name:<14} {cold:7.2f} {statistics.median(warm):26.2f} "
              f"{statistics.median(inapp) if inapp else float('nan'):9.2f}  {elements:8d} {charts:7d}", flush=True)
    await ctx.close()


async def user(browser, base: str, start: int, views: int, times: list[float]) -> None:
    ctx = await browser.new_context(viewport={"width": 1400, "height": 2200}, locale="id-ID")
    page = await ctx.new_page()
    state = watch(page)
    for i in range(views):
        times.append((await view(page, state, ADDRESS[PAGES[(start + i) % len(PAGES)]], base))[0])
    await ctx.close()


async def run(base: str, a) -> None:
    from playwright.async_api import async_playwright
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        await per_page(browser, base, a.repeat, ["floor"] if a.floor else PAGES)
        if not a.users or a.floor:
            await browser.close()
            return
        times: list[float] = []
        t0 = time.perf_counter()
        await asyncio.gather(*(user(browser, base, u, a.views, times) for u in range(a.users)))
        wall = time.perf_counter() - t0
        print(f"{a.users} concurrent users x {a.views} views ({len(times)} page views in {wall:.1f} s): "
              f"p50 {statistics.median(times):.2f} s, p95 {p95(times):.2f} s, max {max(times):.2f} s")
        await browser.close()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("warehouse", nargs="?")
    p.add_argument("--floor", action="store_true", help="bench/floor_app.py instead of the dashboard")
    p.add_argument("--users", type=int, default=20, help="0: per page only")
    p.add_argument("--views", type=int, default=3)
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args()
    if not a.floor and not a.warehouse:
        p.error("the warehouse is required (or --floor)")
    with served(a.warehouse, app=ROOT / "bench" / "floor_app.py" if a.floor else None) as base:
        asyncio.run(run(base, a))


if __name__ == "__main__":
    main()
