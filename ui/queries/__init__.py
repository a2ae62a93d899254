"""Queries by page over the marts: one module per page (overview, regencies, sectors, tiers,
claims, data_quality) plus common.py, all through the one funnel (funnel.py)."""
