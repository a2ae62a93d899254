"""Build-time step, run once when the boundary files are taken in (not at run time):

    .venv/bin/python -m geo.simplify ../shared/geo

copies ntt_regencies.geojson as it is and writes a lighter ntt_districts.geojson (coverage
simplification at 0.002 degrees, coordinates on a 0.0001 degree grid, about 11 m): the
district map sends one regency's districts to a phone on a weak connection. Shared
borders are simplified once (shapely.coverage_simplify), so neighbours stay gap-free.
See geo/PROVENANCE.md."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

HERE = Path(__file__).resolve().parent
TOLERANCE = 0.002     # degrees, Visvalingam-Whyatt on the coverage
GRID = 1e-4           # degrees
PROPS = ["district_code", "district_name", "regency_kemendagri_code", "regency_bps_code", "regency_name"]


def _rounded(coords):
    if isinstance(coords[0], (float, int)):
        return [round(float(c), 4) for c in coords]
    return [_rounded(c) for c in coords]


def simplify_districts(src: Path, dst: Path) -> None:
    g = gpd.read_file(src)
    geoms = shapely.coverage_simplify(g.geometry.values, TOLERANCE)
    geoms = shapely.set_precision(geoms, GRID)
    geoms = shapely.orient_polygons(geoms, exterior_cw=False)          # RFC 7946
    assert shapely.is_valid(geoms).all() and not shapely.is_empty(geoms).any()
    lines = []
    for row, geom in zip(g[PROPS].itertuples(index=False), geoms):
        geom = geom if geom.geom_type == "MultiPolygon" else shapely.MultiPolygon([geom])
        mapped = shapely.geometry.mapping(geom)
        feature = {"type": "Feature", "properties": dict(zip(PROPS, row)),
                   "geometry": {"type": "MultiPolygon", "coordinates": _rounded(mapped["coordinates"])}}
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    dst.write_text('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    print(f"{dst.name}: {len(lines)} districts, {int(shapely.get_num_coordinates(geoms).sum()):,} vertices, "
          f"{dst.stat().st_size:,} bytes")


def main(folder: str) -> None:
    src = Path(folder)
    shutil.copyfile(src / "ntt_regencies.geojson", HERE / "ntt_regencies.geojson")
    simplify_districts(src / "ntt_districts.geojson", HERE / "ntt_districts.geojson")
    np.testing.assert_equal(len(gpd.read_file(HERE / "ntt_districts.geojson")), 315)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(HERE.parents[1] / "shared" / "geo"))
