"""Shared fixtures. The repository root is importable (etl, ui, geo)."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import contextlib
import os
import socket
import subprocess
import time
import urllib.request

import pytest

DEMO_MEMBERS = 20_000
ARTIFACTS = ROOT / "tests" / "artifacts"
BROWSER = ROOT / "tests" / "browser"


def pytest_collection_modifyitems(items):
    """Tests under tests/browser carry the `browser` marker (pytest.ini): -m "not browser" skips them."""
    for item in items:
        if BROWSER in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def demo_env(tmp_path_factory):
    """A small demo (20,000 members) generated and loaded by the real ETL, in a
    private warehouse; yields (environment, raw folder, warehouse path)."""
    from etl.demo import build
    tmp = tmp_path_factory.mktemp("demo")
    env = {"SEJUTA_WAREHOUSE": str(tmp / "warehouse.duckdb"), "SEJUTA_KEY_FILE": str(tmp / "nik.key")}
    mp = pytest.MonkeyPatch()
    for k, v in env.items():
        mp.setenv(k, v)
    build(DEMO_MEMBERS, seed=11, as_of="2026-10", out=tmp / "raw", progress=lambda *_: None)
    yield env, tmp / "raw", tmp / "warehouse.duckdb"
    mp.undo()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(env: dict, port: int = 0, app: Path = ROOT / "app.py"):
    """The dashboard (or `app`) served by streamlit on a local port (0: a free one) with `env` added."""
    port = port or free_port()
    proc = subprocess.Popen(
        [str(Path(os.sys.executable)), "-m", "streamlit", "run", str(app),
         "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def wait_healthy(url: str, proc, seconds: int = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.3)
    proc.kill()
    pytest.fail(f"streamlit did not become healthy within {seconds} s")


@pytest.fixture(scope="session")
def app_server(demo_env):
    """The dashboard on the small demo."""
    with serve(demo_env[0]) as url:
        yield url
