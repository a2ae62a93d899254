"""Maps: the tile layout and figure, boundary files, regency matching, the choropleth."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Point, Polygon, box

from geo import boundaries as gb
from geo import tiles as gt

ROOT = Path(__file__).resolve().parents[1]
REAL_FILE = Path(__file__).resolve().parents[2] / "shared" / "geo" / "ntt_regencies.geojson"
URL = re.compile(r"https?://")

REG = gt.load_regencies()
NAME = dict(zip(REG["kemendagri_code"], REG["name"]))
FLORES_WEST_TO_EAST = ["Manggarai Barat", "Manggarai", "Manggarai Timur", "Ngada",
                       "Nagekeo", "Ende", "Sikka", "Flores Timur"]


@pytest.fixture(scope="module")
def tiles() -> pd.DataFrame:
    t = gt.load_tiles()
    return t.merge(REG[["kemendagri_code", "short_name", "island"]], on="kemendagri_code")


def cell(tiles: pd.DataFrame, short_name: str) -> tuple[int, int]:
    r = tiles.loc[tiles["short_name"] == short_name].iloc[0]
    return int(r["row"]), int(r["col"])


# ---------------------------------------------------------------- tile layout

def test_layout_has_each_regency_once_in_unique_cells(tiles):
    assert sorted(tiles["kemendagri_code"]) == sorted(REG["kemendagri_code"])
    assert len(tiles) == 22
    assert not tiles.duplicated(["row", "col"]).any()
    assert tiles["label"].notna().all()


def test_sumba_west_of_timor_and_south_of_flores(tiles):
    by_island = tiles.groupby("island")
    assert by_island["col"].max()["Sumba"] < by_island["col"].min()["Timor"]
    assert by_island["row"].min()["Sumba"] > by_island["row"].max()["Flores"]
    assert by_island["row"].min()["Timor"] > by_island["row"].max()["Flores"]


def test_flores_regencies_ordered_west_to_east(tiles):
    cols = [cell(tiles, n)[1] for n in FLORES_WEST_TO_EAST]
    assert cols == sorted(cols) and len(set(cols)) == 8
    assert cell(tiles, "Flores Timur")[1] < cell(tiles, "Lembata")[1] < cell(tiles, "Alor")[1]


def test_sumba_and_timor_ordered(tiles):
    sumba = [cell(tiles, n)[1] for n in ["Sumba Barat Daya", "Sumba Barat", "Sumba Tengah", "Sumba Timur"]]
    assert sumba == sorted(sumba) and len(set(sumba)) == 4
    assert cell(tiles, "Kota Kupang")[1] < cell(tiles, "Kupang")[1] < cell(tiles, "Timor Tengah Selatan")[1]
    assert cell(tiles, "Kota Kupang")[1] == tiles.loc[tiles["island"] == "Timor", "col"].min()
    assert cell(tiles, "Timor Tengah Utara")[0] < cell(tiles, "Timor Tengah Selatan")[0]
    assert cell(tiles, "Belu")[0] < cell(tiles, "Malaka")[0]
    timor_south = tiles.loc[tiles["island"] == "Timor", "row"].max()
    for island in ["Rote Ndao", "Sabu Raijua"]:
        assert cell(tiles, island)[0] > timor_south


def test_bad_layout_is_rejected(tmp_path):
    bad = pd.read_csv(gt.TILES_CSV, dtype={"kemendagri_code": str})
    bad.loc[1, ["row", "col"]] = bad.loc[0, ["row", "col"]].to_numpy()
    bad.to_csv(tmp_path / "tiles.csv", index=False)
    with pytest.raises(ValueError, match="same cell"):
        gt.load_tiles(tmp_path / "tiles.csv")
    bad.iloc[1:].to_csv(tmp_path / "short.csv", index=False)
    with pytest.raises(ValueError, match="missing"):
        gt.load_tiles(tmp_path / "short.csv")


# ---------------------------------------------------------------- tile figure

def sample_data() -> pd.DataFrame:
    df = REG[["kemendagri_code", "label"]].copy()
    df["pct"] = [i * 5.0 for i in range(22)]
    df["text"] = df["label"] + "<br>" + df["pct"].map(lambda v: f"{v:.1f}".replace(".", ",") + "%")
    df["tier"] = ["Emas" if v >= 75 else "Perak" for v in df["pct"]]
    return df


def tile_fills(fig) -> dict[str, str]:
    return {s.name.removeprefix(gt.TILE_SHAPE_PREFIX): s.fillcolor
            for s in fig.layout.shapes if s.name.startswith(gt.TILE_SHAPE_PREFIX)}


def test_tile_figure_draws_22_square_tiles():
    fig = gt.tile_figure(sample_data(), "pct", "text", hover_cols=["pct"], title="Capaian")
    assert gt.count_tiles(fig) == 22
    trace = next(t for t in fig.data if t.name == gt.TILE_TRACE_NAME)
    assert len(trace.x) == 22 and "Kab. Kupang<br>0,0%" in trace.text
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.xaxis.visible is False
    assert fig.layout.separators == ",."
    assert not URL.search(fig.to_json())


def test_tile_figure_continuous_colours_and_missing_regency():
    df = sample_data()
    fig = gt.tile_figure(df[df["kemendagri_code"] != "53.20"], "pct", "text")
    fills = tile_fills(fig)
    assert len(fills) == 22 and fills["53.20"] == gt.NO_DATA_COLOR
    assert fills["53.01"] != fills["53.71"]            # 0 % and 105 % differ
    assert any(getattr(t.marker, "showscale", None) for t in fig.data)


def test_tile_figure_categorical_colours_and_legend():
    colors = {"Perak": "#c0c0c0", "Emas": "#ffd700"}
    fig = gt.tile_figure(sample_data(), "pct", "text", color_col="tier", category_colors=colors)
    fills = tile_fills(fig)
    assert fills["53.71"] == "#ffd700" and fills["53.01"] == "#c0c0c0"
    assert [t.name for t in fig.data if t.showlegend] == ["Perak", "Emas"]


def test_tile_figure_rejects_duplicate_regency_rows():
    df = sample_data()
    with pytest.raises(ValueError):
        gt.tile_figure(pd.concat([df, df.head(1)]), "pct", "text")


# ---------------------------------------------------------------- synthetic boundary files

def squares(props: list[dict], crs=4326) -> gpd.GeoDataFrame:
    """One small square per feature, side by side near Flores (lon/lat), CCW like RFC 7946."""
    geoms = [box(120 + i * 0.3, -9.0, 120.2 + i * 0.3, -8.8) for i in range(len(props))]
    gdf = gpd.GeoDataFrame(props, geometry=geoms, crs=4326)
    return gdf.to_crs(crs) if crs != 4326 else gdf


def codes_of(result: gb.MatchResult) -> set[str]:
    return set(result.matched["kemendagri_code"])


def write(gdf: gpd.GeoDataFrame, path: Path) -> Path:
    gdf.to_file(path)
    return path


def test_match_by_bps_code_property_geojson(tmp_path):
    path = write(squares([{"kode_bps": "5304"}, {"kode_bps": "5371"}, {"kode_bps": "5301"}]), tmp_path / "b.geojson")
    result = gb.match_regencies(gb.read_boundaries(path), REG)
    assert codes_of(result) == {"53.02", "53.71", "53.12"}        # BPS 5304 is TTS, not Belu
    assert "BPS" in result.matched_by and result.unmatched == []
    assert "Kabupaten Belu" in result.missing and len(result.missing) == 19


def test_four_digit_code_without_hint_is_bps(tmp_path):
    path = write(squares([{"kode": "5304"}, {"kode": "5306"}]), tmp_path / "k.gpkg")
    result = gb.match_regencies(gb.read_boundaries(path), REG)
    assert codes_of(result) == {"53.02", "53.04"}                 # TTS, Belu
    assert "BPS" in result.matched_by


def test_match_by_kemendagri_code_property_gpkg(tmp_path):
    path = write(squares([{"kode": "53.04"}, {"kode": "53.10"}, {"kode": "53.71"}]), tmp_path / "k.gpkg")
    result = gb.match_regencies(gb.read_boundaries(path), REG)
    assert codes_of(result) == {"53.04", "53.10", "53.71"}
    assert "Kemendagri" in result.matched_by


def test_undotted_kemendagri_by_property_name_shapefile(tmp_path):
    path = write(squares([{"KDPKAB": "5304"}, {"KDPKAB": "5301"}]), tmp_path / "rbi.shp")
    result = gb.match_regencies(gb.read_boundaries(path), REG)
    assert codes_of(result) == {"53.04", "53.01"}                 # Belu, Kabupaten Kupang


def test_undotted_kemendagri_detected_by_names_in_the_file(tmp_path):
    props = [{"kode": "5304", "nama": "Belu"}, {"kode": "5302", "nama": "Timor Tengah Selatan"},
             {"kode": "5312", "nama": "Sumba Barat"}]
    result = gb.match_regencies(squares(props), REG)
    assert codes_of(result) == {"53.04", "53.02", "53.12"}
    assert result.unmatched == []


def test_codes_that_contradict_names_are_not_trusted():
    # alphabetical "hobby" numbering: neither BPS nor Kemendagri
    props = [{"id_kab": "5305", "nama": "Sumba Barat"}, {"id_kab": "5301", "nama": "Alor"},
             {"id_kab": "5302", "nama": "Belu"}]
    result = gb.match_regencies(squares(props), REG)
    assert codes_of(result) == {"53.12", "53.05", "53.04"}
    assert "'nama'" in result.matched_by and result.warnings


def test_match_by_name_variants_after_reprojection(tmp_path):
    names = ["KAB. TIMOR TENGAH SELATAN", "Kota Kupang", "Kabupaten Kupang", "Mabar", "SBD", "kab sumba timur"]
    path = write(squares([{"NAMOBJ": n} for n in names], crs=3857), tmp_path / "names.geojson")
    gdf = gb.read_boundaries(path)
    assert gdf.crs.to_epsg() == 4326
    x0, y0, x1, y1 = gdf.total_bounds
    assert 119.9 < x0 < x1 < 122 and -9.1 < y0 < y1 < -8.7
    result = gb.match_regencies(gdf, REG)
    assert codes_of(result) == {"53.02", "53.71", "53.01", "53.15", "53.18", "53.11"}
    assert result.matched_by == "property 'NAMOBJ' (name)"


def test_bare_kupang_is_ambiguous_unless_another_property_says_which():
    result = gb.match_regencies(squares([{"name": "Kupang"}, {"name": "Belu"}]), REG)
    assert codes_of(result) == {"53.04"}
    assert len(result.unmatched) == 1 and "ambiguous" in result.unmatched[0]
    assert "Kabupaten Kupang or Kota Kupang" in result.unmatched[0]
    typed = squares([{"name": "Kupang", "type": "Kota"}, {"name": "Kupang", "type": "Kabupaten"}])
    assert codes_of(gb.match_regencies(typed, REG)) == {"53.71", "53.01"}


def test_unmatched_features_are_listed():
    props = [{"name": "Kabupaten Atlantis", "code": None}, {"name": "Ende", "code": None}]
    result = gb.match_regencies(squares(props), REG)
    assert result.unmatched == ["feature 0: name='Kabupaten Atlantis' code=None"]
    assert codes_of(result) == {"53.08"} and len(result.missing) == 21


def test_missing_names_fall_back_to_another_property():
    props = [{"name": "Atlantis", "kemendagri_code": "53.05"}, {"name": "Ende", "kemendagri_code": None},
             {"name": "Sikka", "kemendagri_code": None}]
    result = gb.match_regencies(squares(props), REG)
    assert codes_of(result) == {"53.05", "53.08", "53.07"} and result.unmatched == []


def test_several_features_of_one_regency_are_dissolved():
    result = gb.match_regencies(squares([{"bps": "5307"}, {"bps": "5307"}, {"bps": "5308"}]), REG)
    assert len(result.matched) == 2
    alor = result.matched.set_index("kemendagri_code").geometry["53.05"]
    assert alor.geom_type == "MultiPolygon" and len(alor.geoms) == 2


def test_zipped_shapefile(tmp_path):
    write(squares([{"kode_bps": "5371"}]), tmp_path / "kota.shp")
    zipped = tmp_path / "kota.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        for part in tmp_path.glob("kota.*"):
            if part != zipped:
                z.write(part, part.name)
    assert codes_of(gb.match_regencies(gb.read_boundaries(zipped), REG)) == {"53.71"}


def test_zip_with_shapefile_in_a_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    write(squares([{"kode_bps": "5304"}]), tmp_path / "sub" / "tts.shp")
    zipped = tmp_path / "batas.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        for part in (tmp_path / "sub").iterdir():
            z.write(part, f"batas/{part.name}")
    assert codes_of(gb.match_regencies(gb.read_boundaries(zipped), REG)) == {"53.02"}


def test_geopackage_picks_the_polygon_layer(tmp_path):
    path = tmp_path / "multi.gpkg"
    gpd.GeoDataFrame({"n": ["x"]}, geometry=[Point(121, -9)], crs=4326).to_file(path, layer="a_points")
    squares([{"kode_bps": "5311"}]).to_file(path, layer="regencies")
    assert codes_of(gb.match_regencies(gb.read_boundaries(path), REG)) == {"53.08"}


def test_invalid_polygon_is_repaired(tmp_path):
    bowtie = Polygon([(123, -10), (124, -9), (124, -10), (123, -9)])
    path = write(gpd.GeoDataFrame({"name": ["Belu"]}, geometry=[bowtie], crs=4326), tmp_path / "bow.geojson")
    geom = gb.read_boundaries(path).geometry[0]
    assert geom.is_valid and geom.geom_type == "MultiPolygon"


# ---------------------------------------------------------------- wrong files

def test_missing_file(tmp_path):
    with pytest.raises(gb.BoundaryError, match="not found"):
        gb.read_boundaries(tmp_path / "nope.geojson")


@pytest.mark.parametrize("name, text, message", [
    ("data.geojson", "kemendagri_code,members\n53.01,100\n", "Could not read data.geojson"),  # a CSV renamed
    ("members.csv", "kemendagri_code,members\n53.01,100\n", "no geometry"),
    ("batas.zip", "not a zip", "not a valid .zip"),
])
def test_unusable_file_is_one_sentence(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(gb.BoundaryError, match=message):
        gb.read_boundaries(path)


def test_points_only(tmp_path):
    pts = gpd.GeoDataFrame({"name": ["Ende"]}, geometry=[Point(121.6, -8.8)], crs=4326)
    with pytest.raises(gb.BoundaryError, match="no polygons.*Point"):
        gb.read_boundaries(write(pts, tmp_path / "points.geojson"))


def test_nothing_matches(tmp_path):
    path = write(squares([{"name": "Bali"}, {"name": "Lombok"}]), tmp_path / "other.geojson")
    with pytest.raises(gb.BoundaryError, match="None of the 2 features matched"):
        gb.match_regencies(gb.read_boundaries(path), REG)


def test_projected_file_without_crs(tmp_path):
    path = write(squares([{"name": "Ende"}], crs=3857), tmp_path / "noprj.shp")
    path.with_suffix(".prj").unlink()
    with pytest.raises(gb.BoundaryError, match="no coordinate reference system"):
        gb.read_boundaries(path)


def test_lonlat_file_without_crs_is_assumed_wgs84(tmp_path):
    path = write(squares([{"name": "Ende"}]), tmp_path / "noprj.shp")
    path.with_suffix(".prj").unlink()
    assert gb.read_boundaries(path).crs.to_epsg() == 4326


# ---------------------------------------------------------------- orientation and figure

def exteriors(gdf: gpd.GeoDataFrame):
    for geom in gdf.geometry:
        for poly in getattr(geom, "geoms", [geom]):
            yield poly


def test_orient_for_plotly_makes_exteriors_clockwise():
    holed = Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], [[(1, 1), (1, 2), (2, 2), (2, 1)]])
    multi = MultiPolygon([box(5, 0, 6, 1), box(7, 0, 8, 1)])
    gdf = gpd.GeoDataFrame({"kemendagri_code": ["53.01", "53.02"]}, geometry=[holed, multi], crs=4326)
    assert all(p.exterior.is_ccw for p in exteriors(gdf))
    for tolerance in (None, 0.01):
        for poly in exteriors(gb.orient_for_plotly(gdf, tolerance=tolerance, precision=1e-4)):
            assert not poly.exterior.is_ccw
            assert all(ring.is_ccw for ring in poly.interiors)


def test_choropleth_figure_offline_one_location_per_regency():
    result = gb.match_regencies(squares([{"bps": "5304"}, {"bps": "5306"}, {"bps": "5371"}]), REG)
    df = pd.DataFrame({"kemendagri_code": ["53.02", "53.04"], "pct": [40.0, 80.0], "hover": ["TTS", "Belu"]})
    fig = gb.choropleth_figure(result.matched, df, "pct", "hover")
    locations = [loc for t in fig.data if t.type == "choropleth" for loc in t.locations]
    assert sorted(locations) == ["53.02", "53.04", "53.71"]     # Kota Kupang drawn grey (no data)
    assert fig.layout.geo.visible is False
    assert not URL.search(fig.to_json())
    assert gb.PLOTLY_CONFIG["topojsonURL"] == "/app/static/"


def test_choropleth_categorical_legend():
    result = gb.match_regencies(squares([{"bps": "5304"}, {"bps": "5306"}]), REG)
    df = pd.DataFrame({"kemendagri_code": ["53.02", "53.04"], "pct": [40.0, 80.0], "tier": ["Perak", "Emas"]})
    colors = {"Perak": "#c0c0c0", "Emas": "#ffd700"}
    fig = gb.choropleth_figure(result.matched, df, "pct", color_col="tier", category_colors=colors)
    assert [t.name for t in fig.data if t.showlegend] == ["Perak", "Emas"]
    trace = next(t for t in fig.data if t.type == "choropleth")
    assert list(trace.z) == [0, 1] and list(trace.locations) == ["53.02", "53.04"]


def test_static_world_topology_is_empty():
    topo = json.loads((ROOT / "static" / "world_110m.json").read_text())
    assert topo == {"type": "Topology", "objects": {}, "arcs": []}


# ---------------------------------------------------------------- properties

KAB_PREFIXES = ["", "Kab. ", "KAB ", "Kabupaten ", "kabupaten "]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(REG.to_dict("records")), st.sampled_from(KAB_PREFIXES),
       st.sampled_from([str.upper, str.lower, str.title, lambda s: s]))
def test_name_spellings_match_the_right_regency(reg, prefix, case):
    base = reg["short_name"] if reg["name"].startswith("Kabupaten") else reg["name"]
    spelled = case((prefix if reg["name"].startswith("Kabupaten") else "") + base)
    result = gb.match_regencies(squares([{"name": spelled}, {"name": "Ende"}]), REG)
    if gb.name_key(spelled) == "kupang":
        assert result.unmatched and "ambiguous" in result.unmatched[0]
    else:
        assert reg["kemendagri_code"] in codes_of(result), spelled


# ---------------------------------------------------------------- the real boundary file

@pytest.fixture(scope="module")
def real():
    if not REAL_FILE.exists():
        pytest.skip("real boundary file ../shared/geo/ntt_regencies.geojson not present")
    return gb.read_boundaries(REAL_FILE)


def test_real_file_matches_all_22(real):
    result = gb.match_regencies(real, REG)
    assert len(result.matched) == 22 and result.missing == [] and result.unmatched == []
    geoms = result.matched.set_index("kemendagri_code").geometry
    kab, kota = geoms["53.01"], geoms["53.71"]
    assert not kab.equals(kota) and kab.intersection(kota).area < 1e-4 * kota.area
    assert kab.area > 10 * kota.area


@pytest.mark.parametrize("keep", [["name"], ["bps_code"], ["kemendagri_code"]])
def test_real_file_matches_by_each_property(real, keep):
    result = gb.match_regencies(real[[*keep, "geometry"]], REG)
    assert len(result.matched) == 22 and keep[0] in result.matched_by


def test_real_file_undotted_kemendagri_codes_beside_names(real):
    gdf = real[["name", "geometry"]].assign(kode=real["kemendagri_code"].str.replace(".", "", regex=False))
    result = gb.match_regencies(gdf, REG)
    belu = result.matched.set_index("kemendagri_code").geometry["53.04"]
    assert belu.equals(real.set_index("name").geometry["Kabupaten Belu"])
    assert len(result.matched) == 22


def test_real_file_short_names_leave_bare_kupang_unmatched(real):
    result = gb.match_regencies(real[["short_name", "geometry"]], REG)
    assert result.missing == ["Kabupaten Kupang"] and "ambiguous" in result.unmatched[0]


def test_real_file_choropleth(real):
    matched = gb.match_regencies(real, REG).matched
    df = REG[["kemendagri_code"]].assign(pct=50.0)
    fig = gb.choropleth_figure(matched, df, "pct")
    locations = [loc for t in fig.data if t.type == "choropleth" for loc in t.locations]
    assert len(locations) == 22 and set(locations) == set(REG["kemendagri_code"])
    assert len(fig.data[0].geojson["features"]) == 22
    assert not URL.search(fig.to_json())
    assert len(fig.to_json()) < 400_000
    oriented = gb.orient_for_plotly(matched)
    assert not any(p.exterior.is_ccw for p in exteriors(oriented))


# ---------------------------------------------------------------- the maps shipped with the dashboard

def test_shipped_boundaries_are_the_default(monkeypatch):
    from geo import cache
    monkeypatch.setenv("SEJUTA_BOUNDARY_FILE", "")
    path, own = cache.boundary_path()
    assert path == ROOT / "geo" / "ntt_regencies.geojson" and not own
    regencies = gpd.read_file(path)
    assert sorted(regencies["kemendagri_code"]) == sorted(REG["kemendagri_code"])
    districts = gpd.read_file(ROOT / "geo" / "ntt_districts.geojson")
    assert len(districts) == 315 and districts["district_code"].is_unique
    assert set(districts["regency_kemendagri_code"]) == set(REG["kemendagri_code"])
    assert shapely.is_valid(districts.geometry.values).all()
    # light enough for a weak connection: one regency's districts, as sent to the page
    biggest = districts.groupby("regency_kemendagri_code").size().idxmax()
    assert len(json.dumps(districts[districts["regency_kemendagri_code"] == biggest].__geo_interface__)) < 150_000


def test_provenance_and_licence_beside_the_files():
    text = (ROOT / "geo" / "PROVENANCE.md").read_text()
    for needed in ("cahyadsn/wilayah_boundaries", "MIT License", "Permission is hereby granted", "ODbL",
                   "idn-area-data", "Not an official", "geo/simplify.py"):
        assert needed in text, needed


def test_district_map_never_colours_a_hidden_district():
    from geo.cache import district_boundaries
    from ui import map_charts as mc
    shapes = district_boundaries("53.20")
    rows = pd.DataFrame({"area_code": list(shapes["district_code"]), "area_name": list(shapes["district_name"]),
                         "attainment_pct": [10.0, 55.0, 99.0, 0.0, 3.0, 40.0], "n_active": [1, 2, 3, 4, 5, 6],
                         "target": [10] * 6, "is_suppressed": [False, True, False, True, False, False]})
    fig = mc.district_map(shapes, rows, "en")
    hidden = set(rows.loc[rows["is_suppressed"], "area_code"])
    for trace in fig.data:
        if trace.type == "choropleth":
            shown_here = set(trace.locations)
            assert (shown_here == hidden) == (trace.name == "no data")
            if trace.name == "no data":
                assert {c for _, c in trace.colorscale} == {"#b0b0b0"}
                assert all("hidden" in t for t in trace.text)
            else:
                assert not shown_here & hidden
                assert list(trace.z) == [10.0, 99.0, 3.0, 40.0]
    names = next(t for t in fig.data if t.type == "scattergeo" and t.mode == "text")
    assert len(names.text) == 6
