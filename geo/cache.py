"""The boundary files the dashboard draws, read once per path and modification time
(Streamlit's resource cache), matched, simplified and oriented for plotly.

Regencies: the file of the setting `boundary_file` (SEJUTA_BOUNDARY_FILE), else the one
shipped in geo/ntt_regencies.geojson. Districts: geo/ntt_districts.geojson (see
geo/PROVENANCE.md for both)."""
from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import streamlit as st

from etl import settings
from geo import boundaries

HERE = Path(__file__).resolve().parent
REGENCIES = HERE / "ntt_regencies.geojson"
DISTRICTS = HERE / "ntt_districts.geojson"


@st.cache_resource(max_entries=2, show_spinner=False)
def _matched(path: str, mtime_ns: int):
    match = boundaries.match_regencies(boundaries.read_boundaries(path))
    # ~500 m / ~100 m: below a pixel at province scale; the figure stays ~55 KiB
    match.matched = boundaries.orient_for_plotly(match.matched, tolerance=0.005, precision=1e-3)
    match.matched["label_point"] = match.matched.geometry.representative_point()
    return match


def boundary_path() -> tuple[Path, bool]:
    """(the regency boundary file in use, whether it is the user's own)."""
    raw = settings.get("boundary_file").strip()
    return (Path(raw).expanduser(), True) if raw else (REGENCIES, False)


def regency_boundaries():
    """The regency boundaries as a geo.boundaries.MatchResult. Raises
    geo.boundaries.BoundaryError for a bad or missing file of the user's."""
    path, _ = boundary_path()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        raise boundaries.BoundaryError(f"Boundary file not found: {path}.") from None
    return _matched(str(path), mtime)


@st.cache_resource(max_entries=1, show_spinner=False)
def _districts(path: str, mtime_ns: int) -> gpd.GeoDataFrame:
    g = gpd.read_file(path)
    g = g.rename(columns={"regency_kemendagri_code": "regency_code"})
    g = boundaries.orient_for_plotly(g, tolerance=None, precision=None)
    g["label_point"] = g.geometry.representative_point()
    return g


def district_boundaries(regency_code: str) -> gpd.GeoDataFrame:
    """The districts of one regency: district_code, district_name, geometry (clockwise for
    plotly) and a point inside each for its name."""
    g = _districts(str(DISTRICTS), DISTRICTS.stat().st_mtime_ns)
    return g[g["regency_code"] == regency_code].reset_index(drop=True)
