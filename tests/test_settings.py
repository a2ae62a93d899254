"""Every setting is documented in the README, and each reads its environment variable."""
from pathlib import Path

import pytest

from etl import settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(settings.SETTINGS))
def test_setting_documented(name):
    assert settings.SETTINGS[name].env in README, f"{settings.SETTINGS[name].env} is not in README.md"


@pytest.mark.parametrize("name", sorted(settings.SETTINGS))
def test_setting_overridable_by_environment(monkeypatch, name):
    monkeypatch.setenv(settings.SETTINGS[name].env, "X-override")
    assert settings.get(name) == "X-override"


def test_goal_segments_parsed(monkeypatch):
    monkeypatch.setenv("SEJUTA_GOAL_SEGMENTS", " bpu, pu ")
    assert settings.goal_segments() == ("BPU", "PU")
