"""Every setting in one place: name, default, environment variable, help.

A setting is read from its environment variable when set, else its default.
tests/test_settings.py fails if a setting is not documented in README.md.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
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
    Setting("claim_ceiling_rp", "2000000000", "a claim above this many Rupiah is quarantined (CLAIM_ABOVE_CEILING); see README"),
]}


def get(name: str) -> str:
    return SETTINGS[name].raw()


def get_int(name: str) -> int:
    return int(get(name))


def get_path(name: str) -> Path:
    return Path(get(name)).expanduser()


def goal_segments() -> list[str]:
    return [s.strip().upper() for s in get("goal_segments").split(",") if s.strip()]
