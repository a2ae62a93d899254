"""Presentation helpers shared by the pages: formatting (fmt) and strings (i18n)."""
