"""Page views under N concurrent users, simulated at the protocol level (no browser).

    .venv/bin/python bench/bench_users.py data/warehouse.duckdb                 # 20 users x 5 views
    .venv/bin/python bench/bench_users.py W.duckdb --users 20 --views 5 --port 0
    .venv/bin/python bench/bench_users.py W.duckdb --think 15                 # the issue's figure

Two figures, both for 20 users: a real official clicks a page, then reads it before the next
click. The issue's "20 concurrent users" figure is the one with think time (--think 15: each
user pauses a random time, exponential with mean 15 s, seeded, between its views, and
also before its first: the 20 arrive at random moments, as officials do, instead of all
clicking in the same instant, which would be the saturation case again); the
back-to-back figure (--think 0, the default: every user clicks again the moment a page has
finished) is the saturation figure, the worst case: all 20 always waiting on the server.

bench_pages.py simulates users with Chromium contexts, but 20 Chromium instances on the
server's own cores measure the machine, not the server. Here each user is one websocket to
the Streamlit server's `/_stcore/stream` (what the browser opens), speaking its protocol as
the frontend does (streamlit 1.67: streamlit/web/server/starlette/starlette_websocket.py,
runtime/app_session.py): the subprotocol "streamlit"; a view is a BackMsg `rerun_script`
whose ClientState names the page by its url path (`page_name`, as on a page load; the
default page is the root ""), timed from sending it until the ForwardMsg `script_finished`
FINISHED_SUCCESSFULLY (FINISHED_EARLY_FOR_RERUN, the app rerunning itself, is waited past).
A view fails on an exception element, an error alert (st.error), page_not_found, another
finish status or a 120 s timeout. The browser's drawing is not in these times (bench_pages.py
measures it per page); the server's whole work is: the script, its queries and figures, and
every message sent. No message cache: the client declares no cached messages, so the server
sends every element in full on every view (a browser skips repeats it has cached).

Serves the dashboard on the given warehouse (bench_pages.served: streamlit run), then
1. one user views each page once (the first view after the server started: cold), printing
   its seconds and what arrived, so a reader sees the page really rendered;
2. --users users at once, each on its own connection (session), viewing --views pages in
   turn, started at different pages; prints per page the views, p50 and the delta messages
   per view (min-max), then all views' p50, p95, max, the failures, the wall time, the server
   process's CPU seconds per view (user+system, /proc) and this client's own CPU seconds
   (small: the cores stay the server's). The configuration (users, views, think) is printed
   first.
Prints figures only; asserts nothing.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# ADDRESS: each page's url path, the default page (the first) at the root as the app's own
# links have it (`page_name="overview"` answers page_not_found).
from bench_pages import ADDRESS, PAGES, p95, served  # noqa: E402
TIMEOUT = 120.0


@dataclass
class View:
    page: str
    seconds: float = 0.0
    deltas: int = 0                  # delta messages: elements and blocks
    kinds: Counter = field(default_factory=Counter)
    received: int = 0                # bytes of all messages
    failure: str = ""


async def view(ws, page: str) -> View:
    """One page view on an open connection: rerun_script for the page, read until it finished."""
    from streamlit.proto.Alert_pb2 import Alert
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    back = BackMsg()
    back.rerun_script.query_string = ""
    back.rerun_script.page_name = ADDRESS[page]
    v = View(page)
    t0 = time.perf_counter()
    await ws.send(back.SerializeToString())
    try:
        async with asyncio.timeout(TIMEOUT):
            while True:
                data = await ws.recv()
                v.received += len(data)
                msg = ForwardMsg.FromString(data)
                kind = msg.WhichOneof("type")
                if kind == "delta":
                    v.deltas += 1
                    d = msg.delta
                    el = d.new_element.WhichOneof("type") if d.WhichOneof("type") == "new_element" else None
                    v.kinds[el or d.WhichOneof("type")] += 1
                    if el == "exception" and not v.failure:
                        e = d.new_element.exception
                        v.failure = f"exception {e.type}: {e.message[:80]}"
                    elif el == "alert" and d.new_element.alert.format == Alert.ERROR and not v.failure:
                        v.failure = f"st.error: {d.new_element.alert.body[:80]}"
                elif kind == "page_not_found":
                    v.failure = v.failure or f"page_not_found ({ADDRESS[page]!r})"
                elif kind == "script_finished":
                    status = msg.script_finished
                    if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        continue
                    if status != ForwardMsg.FINISHED_SUCCESSFULLY:
                        v.failure = v.failure or f"script_finished {ForwardMsg.ScriptFinishedStatus.Name(status)}"
                    break
    except TimeoutError:
        v.failure = f"no script_finished within {TIMEOUT:.0f} s"
    v.seconds = time.perf_counter() - t0
    return v


def connect(base: str):
    from websockets.asyncio.client import connect as ws_connect
    return ws_connect(base.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"],
                      max_size=None, open_timeout=60, ping_interval=None)


async def user(base: str, start: int, views: int, think: float, rng: random.Random,
               out: list[View]) -> None:
    """`views` pages in turn from PAGES[start]; before each view a pause, exponential with
    mean `think` seconds (0: none)."""
    async with connect(base) as ws:
        for i in range(views):
            if think:
                await asyncio.sleep(rng.expovariate(1 / think))
            out.append(await view(ws, PAGES[(start + i) % len(PAGES)]))


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def server_cpu() -> float:
    """CPU seconds (user+system) of this process's children: the streamlit server."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid():
                total += (int(fields[11]) + int(fields[12])) / tick
    return total


def shown(v: View) -> str:
    """What arrived: the most frequent element kinds."""
    return ", ".join(f"{k} {n}" for k, n in v.kinds.most_common(5) if k != "add_block")


async def run(base: str, a) -> None:
    print("1 user, each page once (cold): seconds, delta messages, KiB received", flush=True)
    async with connect(base) as ws:
        for name in PAGES:
            v = await view(ws, name)
            blocks = v.kinds["add_block"]
            print(f"  {name:<13} {v.seconds:6.2f} s {v.deltas:4d} deltas = {v.deltas - blocks} elements"
                  f" + {blocks} blocks, {v.kinds['plotly_chart']} plotly_chart, {v.received / 1024:4.0f} KiB"
                  f"  ({shown(v)}){'  FAILED: ' + v.failure if v.failure else ''}", flush=True)
    out: list[View] = []
    cpu0, server0, t0 = cpu(), server_cpu(), time.perf_counter()
    await asyncio.gather(*(user(base, u, a.views, a.think, random.Random(a.seed * 1000 + u), out)
                           for u in range(a.users)))
    wall, client_cpu, server = time.perf_counter() - t0, cpu() - cpu0, server_cpu() - server0
    by_page = defaultdict(list)
    for v in out:
        by_page[v.page].append(v)
    print(f"{a.users} concurrent users x {a.views} views, think {a.think:g} s, per page: views, p50, "
          "delta messages per view", flush=True)
    for name in PAGES:
        vs = by_page.get(name, [])
        if vs:
            d = [v.deltas for v in vs]
            print(f"  {name:<13} {len(vs):3d} views  p50 {statistics.median(v.seconds for v in vs):5.2f} s"
                  f"  deltas {min(d)}-{max(d)}")
    times = [v.seconds for v in out]
    failed = [v for v in out if v.failure]
    print(f"all: {len(out)} page views in {wall:.1f} s: p50 {statistics.median(times):.2f} s, "
          f"p95 {p95(times):.2f} s, max {max(times):.2f} s; {len(failed)} failed")
    print(f"  server CPU {server:.1f} s = {server / len(out):.2f} s per view; "
          f"this client's own CPU {client_cpu:.1f} s of the {wall:.1f} s")
    for why, n in Counter(f"{v.page}: {v.failure}" for v in failed).most_common(10):
        print(f"  failed {n}x {why}")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("warehouse")
    p.add_argument("--users", type=int, default=20)
    p.add_argument("--views", type=int, default=5)
    p.add_argument("--think", type=float, default=0.0, metavar="SECONDS",
                   help="mean pause before each of a user's views (exponential, seeded); 0: back to back")
    p.add_argument("--seed", type=int, default=16, help="of the think pauses")
    p.add_argument("--port", type=int, default=0, help="0: a free port")
    a = p.parse_args()
    print(f"configured: {a.users} users x {a.views} views, think {a.think:g} s "
          f"({'exponential mean, seed ' + str(a.seed) if a.think else 'back to back: saturation'})",
          flush=True)
    with served(a.warehouse, port=a.port) as base:
        asyncio.run(run(base, a))


if __name__ == "__main__":
    main()
