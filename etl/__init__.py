"""Sejuta Peserta ETL: raw exports -> validated, pseudonymised rows or
quarantine -> DuckDB warehouse -> SQL marts. CLI: `python -m etl --help`."""
