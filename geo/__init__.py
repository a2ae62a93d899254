"""Maps of the 22 NTT regencies.

- ``geo.tiles``: the tile map, one equal square per regency placed roughly
  where it lies (layout in ``geo/tiles.csv``, the project's own data). Always
  available; best for comparing attainment across regencies of very different
  sizes.
- ``geo.boundaries``: the geographic choropleth, drawn from a boundary file the
  user supplies (GeoJSON, Shapefile or GeoPackage). Features are matched to
  regencies by Kemendagri code, BPS code or name through
  ``data/regencies.csv``, never by turning one code system into the other.

Both figures work offline. The choropleth needs
``st.plotly_chart(fig, config=geo.boundaries.PLOTLY_CONFIG)`` and Streamlit
static serving of ``static/world_110m.json`` (see ``geo.boundaries``).
"""
