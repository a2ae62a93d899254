"""Indices the demo's arrays use for segments and payers (codes as in
data/segments.csv and data/payers.csv)."""
PU, BPU, JAKON, PMI = range(4)
SEGMENT_CODE = ("PU", "BPU", "JAKON", "PMI")
MANDIRI, PK, PROV, KAB, DESA, CSR = range(6)
BUDGET_PAYERS = (PROV, KAB, DESA, CSR)
