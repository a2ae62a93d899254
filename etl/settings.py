"""Every setting in one place: name, default, environment variable, help; and the one
parse of them into a typed `Config` that Python reads and that the loader writes into
the warehouse (table cfg_settings, one typed row) for the SQL models and the dashboard.

A setting is read from its environment variable when set, else its default. A value
that cannot be read is refused in one sentence naming the variable (SettingError).
tests/test_settings.py fails if a setting is not documented in README.md.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def env(self) -> str:
        return "SEJUTA_" + self.name.upper()

    def raw(self) -> str:
        return os.environ.get(self.env, self.default)


SETTINGS = {s.name: s for s in [
    Setting("warehouse", str(DATA / "warehouse.duckdb"), "DuckDB warehouse file the ETL publishes and the dashboard reads"),
    Setting("target", "1000000", "province goal: active members counting toward the goal"),
    Setting("deadline", "2029-12", "month (YYYY-MM) by which the goal is to be reached"),
    Setting("goal_segments", "BPU", "comma-separated segments that count toward the goal (BPU, PU, JAKON, PMI)"),
    Setting("tiers_file", str(DATA / "tiers.csv"), "incentive tier table: tier, min_pct, labels, incentive"),
    Setting("target_overrides", str(DATA / "target_overrides.csv"), "CSV area_code,target overriding computed targets of regencies, districts or villages"),
    Setting("key_file", str(Path.home() / ".config" / "sejuta-peserta" / "nik.key"), "secret key for the NIK pseudonym (created on first use; keep it outside the repository)"),
    Setting("demo_dir", str(DATA / "demo_raw"), "folder where `python -m etl demo` writes its raw files"),
    Setting("demo_members", "1000000", "member rows the demo generator writes by default"),
    Setting("suppress_below", "5", "counts below this are hidden below regency level (privacy)"),
    Setting("boundary_file", "", "regency boundary file (GeoJSON, Shapefile, GeoPackage) for the geographic map; empty: tile map only"),
    Setting("language", "id", "language of the dashboard's default and of the CLI summary: id or en"),
    Setting("contribution_ceiling_rp", "5000000", "a contribution above this many Rupiah per member-month is quarantined (CONTRIBUTION_ABOVE_CEILING); see README"),
    Setting("alert_move_pct", "10", "alert when a regency's active members move by more than this % in one load"),
    Setting("alert_stale_days", "45", "alert when the data's as-of month ended more than this many days ago"),
    Setting("alert_quarantine_pct", "5", "alert when a file has more than this % of its rows quarantined"),
    Setting("claim_ceiling_rp", "2000000000", "a claim above this many Rupiah is quarantined (CLAIM_ABOVE_CEILING); see README"),
    Setting("roles_file", str(Path.home() / ".config" / "sejuta-peserta" / "roles.toml"), "who may load data (steward) and edit targets and tiers (admin), by e-mail; password hashes for the local mode (docs/operations.md)"),
    Setting("upload_max_mb", "200", "largest file, in MB, the load page accepts (raise server.maxUploadSize in .streamlit/config.toml with it)"),
    Setting("keep_versions", "5", "published warehouses kept for rollback, in the folder <warehouse>.history beside it"),
    Setting("load_memory_mb", "4096", "memory, in MB, a load or rebuild may hold in DuckDB (memory_limit; 0: DuckDB's default, 80% of RAM); the models spill beyond it to a private folder beside the build; a file whose rows (NIKs in clear) need more is refused, never spilled"),
    Setting("inbox_settle_seconds", "60", "`load --inbox` leaves a file modified less than this many seconds ago for the next run (it may still be being copied)"),
]}


SEGMENTS = ("BPU", "PU", "JAKON", "PMI")


class SettingError(ValueError):
    """A setting's value cannot be read; the message names its variable."""


def get(name: str) -> str:
    return SETTINGS[name].raw()


def get_int(name: str, minimum: int | None = None) -> int:
    raw = get(name).strip().replace("_", "")
    if not re.fullmatch(r"-?\d+", raw) or (minimum is not None and int(raw) < minimum):
        least = f" of at least {minimum}" if minimum is not None else ""
        raise SettingError(f"{SETTINGS[name].env}='{get(name)}' is not a whole number{least}.")
    return int(raw)


def get_path(name: str) -> Path:
    return Path(get(name).strip()).expanduser()


def get_month(name: str) -> date:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", get(name).strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise SettingError(f"{SETTINGS[name].env}='{get(name)}' is not a month written YYYY-MM.")
    return date(int(m.group(1)), int(m.group(2)), 1)


def goal_segments() -> tuple[str, ...]:
    segs = tuple(dict.fromkeys(s.strip().upper() for s in get("goal_segments").split(",") if s.strip()))
    bad = [s for s in segs if s not in SEGMENTS]
    if bad or not segs:
        raise SettingError(f"SEJUTA_GOAL_SEGMENTS='{get('goal_segments')}' must name one or more of "
                           f"{', '.join(SEGMENTS)}, comma-separated.")
    return segs


@dataclass(frozen=True)
class Config:
    """The settings the numbers depend on, parsed once, typed."""
    target: int
    deadline: date
    goal_segments: tuple[str, ...]
    suppress_below: int
    alert_move_pct: int = 10
    alert_stale_days: int = 45
    alert_quarantine_pct: int = 5


def config() -> Config:
    return Config(target=get_int("target", 1), deadline=get_month("deadline"),
                  goal_segments=goal_segments(), suppress_below=get_int("suppress_below", 0),
                  alert_move_pct=get_int("alert_move_pct", 0), alert_stale_days=get_int("alert_stale_days", 0),
                  alert_quarantine_pct=get_int("alert_quarantine_pct", 0))
