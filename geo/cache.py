"""The boundary file the dashboard draws, read once per path and modification time
(Streamlit's resource cache): read, matched to the regencies, simplified and oriented
for plotly."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from etl import settings
from geo import boundaries


@st.cache_resource(max_entries=2, show_spinner=False)
def _matched(path: str, mtime_ns: int):
    match = boundaries.match_regencies(boundaries.read_boundaries(path))
    # ~500 m / ~100 m: below a pixel at province scale; the figure stays ~55 KiB
    match.matched = boundaries.orient_for_plotly(match.matched, tolerance=0.005, precision=1e-3)
    return match


def regency_boundaries():
    """The configured boundary file as a geo.boundaries.MatchResult; None when no file is
    configured. Raises geo.boundaries.BoundaryError for a bad or missing file."""
    raw = settings.get("boundary_file").strip()
    if not raw:
        return None
    path = Path(raw).expanduser()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        raise boundaries.BoundaryError(f"Boundary file not found: {path}.") from None
    return _matched(str(path), mtime)
