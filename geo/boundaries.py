"""Geographic choropleth from a boundary file the user supplies.

`read_boundaries` reads GeoJSON, Shapefile (.shp or a .zip holding one) or
GeoPackage and returns polygons in EPSG:4326. `match_regencies` ties features
to the 22 regencies through `data/regencies.csv` by Kemendagri code ("53.01"),
BPS code ("5303") or name, never by turning one code system into the other.
`choropleth_figure` draws the matched regencies.

Offline use (the choropleth is a plotly `geo` subplot, `go.Choropleth`):
plotly.js always fetches its world topojson, even with the base map hidden,
by default from a CDN. So the caller must pass

    st.plotly_chart(fig, config=PLOTLY_CONFIG)   # topojsonURL "/app/static/"

with `[server] enableStaticServing = true` in `.streamlit/config.toml`; the
file fetched is `static/world_110m.json`, an empty topology. For a static
export with kaleido set `plotly.io.defaults.topojson = "file:///ABS/static/"`.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pyogrio
import shapely

from geo.names import KIND_WORDS, name_key
from geo.names import code_index as _code_index
from geo.names import name_index as _name_index
from geo.tiles import COLORBAR, DEFAULT_COLORSCALE, LEGEND, NO_DATA_COLOR, discrete_colorscale, load_regencies

PLOTLY_CONFIG = {"topojsonURL": "/app/static/", "displaylogo": False}
POLYGONAL = ("Polygon", "MultiPolygon")
KIND_LABELS = {"kemendagri": "Kemendagri code", "bps": "BPS code", "name": "name"}
BPS_HINTS = ("bps",)
KEMENDAGRI_HINTS = ("kemendagri", "mendagri", "kemdagri", "kdpkab", "kdppum", "kdcpum")
CODE_RE = re.compile(r"^\d{2}\.?\d{2}$")


class BoundaryError(Exception):
    """The boundary file cannot be used; the message says why in one sentence."""


@dataclass
class MatchResult:
    matched: gpd.GeoDataFrame          # one row per matched regency: kemendagri_code, bps_code, name, label, geometry
    unmatched: list[str]               # "feature 3: name='Kabupaten Atlantis' code=None"
    missing: list[str]                 # names of regencies with no feature
    matched_by: str                    # e.g. "property 'bps_code' (BPS code)"
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- reading

def read_boundaries(path: str | Path) -> gpd.GeoDataFrame:
    """Polygons of a GeoJSON, Shapefile (.shp/.zip) or GeoPackage, in EPSG:4326."""
    path = Path(path).expanduser()
    if not path.exists():
        raise BoundaryError(f"Boundary file not found: {path}.")
    gdf = _read_any(path)
    return _to_wgs84(_polygons_only(gdf, path.name), path.name)


def _read_any(path: Path) -> gpd.GeoDataFrame:
    source = _source(path)
    try:
        gdf = gpd.read_file(source, layer=_polygon_layer(source))
    except Exception as exc:  # pyogrio raises several types for unreadable files
        reason = str(exc).split(";")[0].strip() or type(exc).__name__
        raise BoundaryError(f"Could not read {path.name} as GeoJSON, Shapefile or GeoPackage ({reason}).") from exc
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf.active_geometry_name is None:
        raise BoundaryError(f"{path.name} has no geometry: a boundary file needs regency polygons.")
    return gdf


def _source(path: Path) -> str:
    """What GDAL should open: the file, or the map file inside a .zip (also in a sub-folder)."""
    if path.suffix.lower() != ".zip":
        return str(path)
    try:
        names = zipfile.ZipFile(path).namelist()
    except zipfile.BadZipFile as exc:
        raise BoundaryError(f"{path.name} is not a valid .zip file.") from exc
    inner = [n for n in names if n.lower().endswith((".shp", ".gpkg", ".geojson", ".json"))]
    if not inner:
        raise BoundaryError(f"{path.name} holds no .shp, .gpkg or .geojson file.")
    return f"/vsizip/{path.resolve()}/{sorted(inner, key=lambda n: (n.count('/'), n))[0]}"


def _polygon_layer(path: str) -> str | None:
    """First polygon layer of a multi-layer source (GeoPackage), else None (the only layer)."""
    layers = pyogrio.list_layers(path)
    if len(layers) <= 1:
        return None
    polygonal = [name for name, gtype in layers if gtype and "polygon" in str(gtype).lower()]
    return polygonal[0] if polygonal else layers[0][0]


def _polygonal_part(geom):
    """The polygonal part of a geometry (made valid first), or None."""
    if geom is None or geom.is_empty:
        return None
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    if geom.geom_type in POLYGONAL:
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in POLYGONAL]
    return shapely.union_all(parts) if parts else None


def _polygons_only(gdf: gpd.GeoDataFrame, name: str) -> gpd.GeoDataFrame:
    found = sorted(set(gdf.geometry.dropna().geom_type))
    geoms = gdf.geometry.apply(_polygonal_part)
    keep = geoms.notna().to_numpy()
    if not keep.any():
        raise BoundaryError(f"{name} contains no polygons (geometry types found: {', '.join(found) or 'none'}); "
                            "a regency boundary file needs Polygon or MultiPolygon features.")
    out = gdf.loc[keep].copy()
    out[out.geometry.name] = gpd.GeoSeries(geoms[keep].to_list(), index=out.index, crs=gdf.crs)
    return out.reset_index(drop=True)


def _to_wgs84(gdf: gpd.GeoDataFrame, name: str) -> gpd.GeoDataFrame:
    if gdf.crs is not None:
        return gdf.to_crs(4326)
    x0, y0, x1, y1 = gdf.total_bounds
    if -180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90:
        return gdf.set_crs(4326)
    raise BoundaryError(f"{name} has no coordinate reference system and its coordinates "
                        f"({x0:.0f}, {y0:.0f} to {x1:.0f}, {y1:.0f}) are not longitude/latitude; "
                        "save it with its CRS (e.g. the .prj of a Shapefile).")


# ---------------------------------------------------------------- matching

@dataclass
class _Candidate:
    prop: str
    kind: str                       # kemendagri | bps | name
    codes: list                     # kemendagri code per feature, or None
    ambiguous: dict                 # feature index -> "Kabupaten Kupang or Kota Kupang"
    order: int = 0
    conflicts: int = 0
    preference: int = 0             # on a tie: dotted Kemendagri 0, BPS 1, undotted-as-Kemendagri 2, name 3

    @property
    def score(self) -> int:
        return sum(c is not None for c in self.codes)

    def rank(self):
        return (-(self.score - 2 * self.conflicts), self.preference, self.order)

    def describe(self) -> str:
        return f"property '{self.prop}' ({KIND_LABELS[self.kind]})"


def _text(value) -> str | None:
    """A property value as text; integral numbers without ".0"."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, (float, np.floating)):
        return str(int(value)) if float(value).is_integer() else f"{value:.2f}"
    return str(value).strip() or None


def _code_kinds(prop: str, values: list) -> list[str]:
    """Code systems to try for a property: [] if its values are not regency codes."""
    codes = [v for v in values if v is not None]
    if not codes or sum(bool(CODE_RE.match(v)) for v in codes) < len(codes) / 2:
        return []
    low = prop.lower()
    if any(h in low for h in BPS_HINTS):
        return ["bps"]
    if any(h in low for h in KEMENDAGRI_HINTS) or any("." in v for v in codes):
        return ["kemendagri"]
    return ["bps", "kemendagri"]   # 4-digit: BPS by default; Kemendagri only if names agree with it


def _kind_word(row: dict, prop: str) -> str | None:
    """'kab' or 'kota' if another property of the feature says which (e.g. TYPE_2='Kota')."""
    for p, v in row.items():
        if p != prop and v is not None and name_key(v) in KIND_WORDS.values():
            return name_key(v)
    return None


def _name_candidate(prop: str, rows: list[dict], index: dict, names: dict) -> _Candidate:
    codes, ambiguous = [], {}
    for i, row in enumerate(rows):
        key = name_key(row[prop]) if row[prop] else ""
        found = index.get(key, set())
        if len(found) > 1 and (kind := _kind_word(row, prop)):
            found = index.get(f"{kind} {key}", found)
        if len(found) > 1:
            ambiguous[i] = " or ".join(sorted(names[c] for c in found))
        codes.append(next(iter(found)) if len(found) == 1 else None)
    return _Candidate(prop, "name", codes, ambiguous)


def _candidates(rows: list[dict], props: list[str], reg: pd.DataFrame) -> list[_Candidate]:
    index, code_index = _name_index(reg), _code_index(reg)
    names = dict(zip(reg["kemendagri_code"], reg["name"]))
    out = []
    for order, prop in enumerate(props):
        values = [row[prop] for row in rows]
        kinds = _code_kinds(prop, values)
        for kind in kinds:
            pref = 1 if kind == "bps" else 2 if len(kinds) > 1 else 0
            out.append(_Candidate(prop, kind, [code_index[kind].get(v) for v in values], {}, order, preference=pref))
        if not kinds:
            out.append(_name_candidate(prop, rows, index, names))
            out[-1].order, out[-1].preference = order, 3
    return [c for c in out if c.score or c.ambiguous]


def _count_conflicts(cands: list[_Candidate]) -> None:
    """Codes that disagree with the best name property are penalised (wrong code system)."""
    names = [c for c in cands if c.kind == "name"]
    if not names:
        return
    ref = max(names, key=lambda c: c.score)
    for c in cands:
        if c is not ref:
            c.conflicts = sum(a is not None and b is not None and a != b for a, b in zip(c.codes, ref.codes))


def _assign(cands: list[_Candidate], n: int) -> tuple[list, str, list[str]]:
    """Codes per feature from the best property; unmatched features from other properties
    that never disagree with the names."""
    best, *others = sorted(cands, key=_Candidate.rank)
    codes, used = list(best.codes), {}
    for c in (c for c in others if c.prop != best.prop and c.conflicts == 0):
        for i in range(n):
            if codes[i] is None and c.codes[i] is not None:
                codes[i], used[c.prop] = c.codes[i], used.get(c.prop, 0) + 1
    how = best.describe() + "".join(f"; {k} feature(s) by property '{p}'" for p, k in used.items())
    warnings = [f"{c.describe()} disagrees with the names on {c.conflicts} feature(s)"
                + ("" if c is best else ": not used") for c in cands if c.conflicts]
    return codes, how, warnings


def _describe_feature(i: int, row: dict, props: list[str], ambiguous: dict) -> str:
    shown = " ".join(f"{p}={row[p]!r}" for p in props[:4])
    return f"feature {i}: {shown}" + (f" (ambiguous: {ambiguous[i]})" if i in ambiguous else "")


def _feature_rows(gdf: gpd.GeoDataFrame) -> tuple[list[dict], list[str]]:
    props = [c for c in gdf.columns if c != gdf.geometry.name]
    rows = [{p: _text(v) for p, v in zip(props, vals)} for vals in gdf[props].itertuples(index=False)]
    return rows, props


def _dissolve(gdf: gpd.GeoDataFrame, codes: list, reg: pd.DataFrame) -> gpd.GeoDataFrame:
    g = gpd.GeoDataFrame({"kemendagri_code": codes}, geometry=list(gdf.geometry), crs=gdf.crs)
    g = g[g["kemendagri_code"].notna()].dissolve(by="kemendagri_code", as_index=False)
    g = g.merge(reg[["kemendagri_code", "bps_code", "name", "label"]], on="kemendagri_code", how="left")
    return g[["kemendagri_code", "bps_code", "name", "label", "geometry"]]


def match_regencies(gdf: gpd.GeoDataFrame, regencies_df: pd.DataFrame | None = None) -> MatchResult:
    """Match features to regencies by the property that matches the most features.

    Tries every property as Kemendagri code, BPS code (a 4-digit code is BPS
    unless the property is named like Kemendagri or the names in the file
    agree only with Kemendagri) or name (with aliases; bare "Kupang" is
    ambiguous unless another property says Kota/Kabupaten). Several features
    of one regency are dissolved into one row.
    """
    reg = load_regencies() if regencies_df is None else regencies_df.astype(str)
    rows, props = _feature_rows(gdf)
    cands = _candidates(rows, props, reg)
    if not any(c.score for c in cands):
        raise BoundaryError(f"None of the {len(gdf)} features matched an NTT regency by Kemendagri code, "
                            f"BPS code or name (properties: {', '.join(props) or 'none'}).")
    _count_conflicts(cands)
    codes, how, warnings = _assign(cands, len(rows))
    ambiguous = {i: a for c in cands for i, a in c.ambiguous.items()}
    unmatched = [_describe_feature(i, rows[i], props, ambiguous) for i in range(len(rows)) if codes[i] is None]
    matched = _dissolve(gdf, codes, reg)
    missing = reg.loc[~reg["kemendagri_code"].isin(matched["kemendagri_code"]), "name"].tolist()
    return MatchResult(matched, unmatched, missing, how, warnings)


# ---------------------------------------------------------------- figure

def orient_for_plotly(gdf: gpd.GeoDataFrame, tolerance: float | None = None,
                      precision: float | None = None) -> gpd.GeoDataFrame:
    """Copy with exterior rings clockwise (what go.Choropleth needs), optionally
    simplified (`tolerance` in degrees, topology preserved) and snapped to a
    `precision` grid (degrees) so the figure stays small for a weak connection."""
    geoms = gdf.geometry.to_numpy()
    if tolerance:
        geoms = shapely.simplify(geoms, tolerance, preserve_topology=True)
    if precision:
        geoms = shapely.set_precision(geoms, precision)
        digits = max(0, int(round(-np.log10(precision))))
        geoms = shapely.transform(geoms, lambda xy: np.round(xy, digits))
    out = gdf.copy()
    out[out.geometry.name] = gpd.GeoSeries(shapely.orient_polygons(geoms, exterior_cw=True),
                                          index=gdf.index, crs=gdf.crs)
    return out


def _geojson(g: gpd.GeoDataFrame) -> dict:
    features = [{"type": "Feature", "properties": {"kemendagri_code": code},
                 "geometry": shapely.geometry.mapping(geom)}
                for code, geom in zip(g["kemendagri_code"], g.geometry)]
    return {"type": "FeatureCollection", "features": features}


def _z_and_scale(d: pd.DataFrame, value_col, color_col, colorscale, category_colors) -> dict:
    if color_col is None:
        return dict(z=d[value_col].astype(float), zmin=0, zmax=100, colorscale=colorscale, colorbar=COLORBAR)
    cats = list(category_colors)
    return dict(z=[cats.index(c) for c in d[color_col]], zmin=-0.5, zmax=len(cats) - 0.5,
                colorscale=discrete_colorscale(list(category_colors.values())), showscale=False)


def _legend_traces(category_colors: dict) -> list[go.Scattergeo]:
    """Legend-only entries, one per category, in the given order."""
    return [go.Scattergeo(lon=[None], lat=[None], mode="markers", name=str(cat), showlegend=True,
                          marker=dict(symbol="square", size=14, color=color))
            for cat, color in category_colors.items()]


def _trace(geojson: dict, d: pd.DataFrame, text: pd.Series, **colour) -> go.Choropleth:
    return go.Choropleth(geojson=geojson, featureidkey="properties.kemendagri_code",
                         locations=d["kemendagri_code"], text=text, hovertemplate="%{text}<extra></extra>",
                         marker=dict(line=dict(color="white", width=0.6)),
                         showlegend=False, **colour)


def _hover_text(d: pd.DataFrame, value_col: str, hover_text_col: str | None) -> pd.Series:
    if hover_text_col:
        return d[hover_text_col].where(d[hover_text_col].notna(), d["name"]).astype(str)
    return d["name"] + "<br>" + d[value_col].astype(str)


def _frame(fig: go.Figure, g: gpd.GeoDataFrame, pad: float = 0.1) -> None:
    """Hide the base map; frame the regencies by explicit lon/lat ranges, which (unlike
    fitbounds) also give the subplot the aspect of the data so the map fills the width."""
    x0, y0, x1, y1 = g.total_bounds
    fig.update_geos(visible=False, projection_type="mercator", bgcolor="rgba(0,0,0,0)",
                    lonaxis_range=[x0 - pad, x1 + pad], lataxis_range=[y0 - pad, y1 + pad])


def choropleth_figure(matched_gdf: gpd.GeoDataFrame, df: pd.DataFrame, value_col: str,
                      hover_text_col: str | None = None, colorscale=DEFAULT_COLORSCALE,
                      color_col: str | None = None, category_colors: dict | None = None,
                      title: str | None = None, separators: str = ",.", tolerance: float | None = 0.001,
                      precision: float | None = 1e-4, height: int = 520) -> go.Figure:
    """Choropleth of the matched regencies (`MatchResult.matched`), one location each.

    Coloured by `value_col` over 0-100, or by the category in `color_col`
    with `category_colors` {category: colour}; regencies without data are grey.
    Offline only with `st.plotly_chart(fig, config=PLOTLY_CONFIG)` and static
    serving of `static/world_110m.json` (see the module docstring).
    """
    g = orient_for_plotly(matched_gdf[["kemendagri_code", "name", matched_gdf.geometry.name]], tolerance, precision)
    d = g.drop(columns=g.geometry.name).merge(df.drop(columns=["name"], errors="ignore"),
                                             on="kemendagri_code", how="left")
    has = d[value_col].notna() if color_col is None else d[color_col].isin(list(category_colors or {}))
    geojson, text = _geojson(g), _hover_text(d, value_col, hover_text_col)
    fig = go.Figure()
    if (~has).any():
        fig.add_trace(_trace(geojson, d[~has], text[~has], z=[0] * int((~has).sum()), showscale=False,
                             colorscale=[[0, NO_DATA_COLOR], [1, NO_DATA_COLOR]], name="no data"))
    fig.add_trace(_trace(geojson, d[has], text[has],
                         **_z_and_scale(d[has], value_col, color_col, colorscale, category_colors or {})))
    if color_col is not None:
        fig.add_traces(_legend_traces(category_colors or {}))
    _frame(fig, g)
    fig.update_layout(title=title, separators=separators, height=height, dragmode=False,
                      margin=dict(l=0, r=0, t=50 if title else 0, b=40), paper_bgcolor="rgba(0,0,0,0)",
                      legend=LEGEND)
    return fig
