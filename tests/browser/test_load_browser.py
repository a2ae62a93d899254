"""The load page in headless Chromium: a steward signs in with the local mode (argon2 hash in
the roles file), drops a real example file on the uploader, sees the preview and publishes;
the warehouse then holds the file, recorded as loaded by that steward. Screenshot in
tests/artifacts/load_data.png."""
import shutil

import pytest
from argon2 import PasswordHasher

from tests.conftest import ARTIFACTS, ROOT, serve
from tests.helpers import FIXTURES, load_quiet, query, use_private_env

STEWARD, PASSWORD = "petugas@nttprov.go.id", "kata-sandi-uji-12"


@pytest.fixture
def load_server(tmp_path, monkeypatch):
    roles = tmp_path / "roles.toml"
    roles.write_text(f'[people."{STEWARD}"]\nrole = "steward"\npassword_hash = "{PasswordHasher().hash(PASSWORD)}"\n',
                     encoding="utf-8")
    shutil.copy(FIXTURES / "tiers" / "targets.csv", tmp_path / "targets.csv")
    wh = use_private_env(monkeypatch, tmp_path, roles_file=roles, target_overrides=tmp_path / "targets.csv")
    load_quiet([FIXTURES / "tiers" / "peserta.csv", FIXTURES / "tiers" / "iuran.csv"], as_of="2024-06")
    env = {"SEJUTA_WAREHOUSE": str(wh), "SEJUTA_KEY_FILE": str(tmp_path / "nik.key"),
           "SEJUTA_ROLES_FILE": str(roles), "SEJUTA_TARGET_OVERRIDES": str(tmp_path / "targets.csv")}
    with serve(env) as url:
        yield url, wh


def test_a_steward_signs_in_uploads_a_real_file_and_publishes(page, load_server):
    url, wh = load_server
    page.goto(url + "/account")
    page.get_by_label("E-mail").fill(STEWARD)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_text("Masuk sebagai petugas@nttprov.go.id").wait_for(timeout=60_000)
    page.locator('[data-testid="stSidebar"] a', has_text="Muat Data").first.click()
    page.get_by_text("Berkas ekspor").first.wait_for(timeout=60_000)
    page.locator('input[type="file"]').set_input_files(str(ROOT / "data" / "examples" / "members.csv"))
    page.get_by_text("Data per Oktober 2026").first.wait_for(timeout=60_000)
    page.locator('[data-testid="stMetricValue"]').nth(3).wait_for(timeout=60_000)
    metrics = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert [m.strip() for m in metrics[:4]] == ["5", "5", "0", "0"]
    page.set_viewport_size({"width": 1400, "height": 2600})
    page.wait_for_timeout(1000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "load_data.png"), full_page=True)
    assert query(wh, "select count(*) from load_log")[0][0] == 2          # the preview wrote nothing
    page.get_by_role("button", name="Terbitkan").click()
    page.get_by_text("Diterbitkan members.csv").wait_for(timeout=120_000)
    assert query(wh, "select file_name, loaded_by from load_log order by load_id desc limit 1") == [
        ("members.csv", STEWARD)]
    assert "Traceback" not in page.content()
    assert page.outside == [], f"requests left 127.0.0.1: {page.outside[:5]}"
