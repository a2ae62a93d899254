"""The one catalogue of user-facing strings (Bahasa Indonesia default, English).

Usage: ``t("overview.of_target", lang, target=fmt.number(1_000_000, lang))``.
Keys are dotted, grouped by page or purpose; every entry has both languages
and the same ``{placeholders}`` in each (tests/test_i18n.py checks this and
that every literal key used in app.py, pages/ and ui/ exists). Numbers and
dates are formatted by ``ui.fmt`` before they are passed in.
"""
from __future__ import annotations

LANGS = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANG = "id"

CATALOGUE: dict[str, dict[str, str]] = {
    # --- application frame -------------------------------------------------
    "app.title": {"id": "Sejuta Peserta", "en": "Sejuta Peserta"},
    "app.subtitle": {
        "id": "Perlindungan Jaminan Sosial Ketenagakerjaan bagi satu juta pekerja "
              "informal di Provinsi Nusa Tenggara Timur",
        "en": "Employment social security protection for one million informal "
              "workers in East Nusa Tenggara Province",
    },
    "lang.label": {"id": "Bahasa", "en": "Language"},
    "data.as_of": {"id": "Data per {month}", "en": "Data as of {month}"},
    "data.loaded": {"id": "Dimuat pada {when}", "en": "Loaded {when}"},
    # --- navigation --------------------------------------------------------
    "nav.overview": {"id": "Ringkasan Provinsi", "en": "Province overview"},
    "nav.data_quality": {"id": "Kualitas Data", "en": "Data quality"},
    "nav.regencies": {"id": "Kabupaten/Kota", "en": "Regencies"},
    "nav.sectors": {"id": "Sektor", "en": "Sectors"},
    "nav.tiers": {"id": "Peringkat Insentif", "en": "Incentive tiers"},
    "nav.claims": {"id": "Klaim & Subsidi", "en": "Claims & subsidies"},
    # --- province overview: headline --------------------------------------
    "overview.headline": {
        "id": "Peserta aktif yang dihitung untuk target ({segments})",
        "en": "Active members counting toward the goal ({segments})",
    },
    "overview.of_target": {"id": "dari target {target}", "en": "of target {target}"},
    "overview.gap": {"id": "Kekurangan menuju target", "en": "Gap to the goal"},
    "overview.needed_per_month": {
        "id": "Dibutuhkan per bulan hingga {deadline}",
        "en": "Needed per month until {deadline}",
    },
    "overview.recent_pace": {
        "id": "Laju terkini ({n} bulan terakhir)",
        "en": "Recent pace (last {n} months)",
    },
    "overview.eta": {
        "id": "Dengan laju ini, target tercapai pada {month}",
        "en": "At this pace, the goal is reached in {month}",
    },
    "overview.eta_never": {
        "id": "Tidak tercapai dengan laju ini",
        "en": "Not reached at this pace",
    },
    "overview.trajectory": {
        "id": "Perkembangan kepesertaan menuju target",
        "en": "Membership trajectory toward the goal",
    },
    "overview.other_segments": {"id": "Segmen lainnya", "en": "Other segments"},
    # --- chart series ------------------------------------------------------
    "series.active": {"id": "Aktif", "en": "Active"},
    "series.registered": {"id": "Terdaftar", "en": "Registered"},
    "series.lapsed": {"id": "Tidak aktif (menunggak)", "en": "Lapsed"},
    "series.target_path": {"id": "Lintasan target", "en": "Target path"},
    # --- membership segments ----------------------------------------------
    "segment.PU": {"id": "Penerima Upah", "en": "Wage earners"},
    "segment.BPU": {"id": "Bukan Penerima Upah", "en": "Informal workers"},
    "segment.JAKON": {"id": "Jasa Konstruksi", "en": "Construction projects"},
    "segment.PMI": {"id": "Pekerja Migran Indonesia", "en": "Indonesian migrant workers"},
    # --- regency table -----------------------------------------------------
    "table.regency": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "table.target": {"id": "Target", "en": "Target"},
    "table.active": {"id": "Aktif", "en": "Active"},
    "table.attainment": {"id": "Capaian", "en": "Attainment"},
    "table.tier": {"id": "Peringkat", "en": "Tier"},
    "table.change_3m": {"id": "Perubahan 3 bulan", "en": "3-month change"},
    "table.sorted_worst_first": {
        "id": "Diurutkan dari capaian terendah",
        "en": "Sorted worst first (lowest attainment at the top)",
    },
    # --- empty states and errors -------------------------------------------
    "empty.no_data": {
        "id": "Belum ada data. Jalankan `python -m etl demo` untuk membangun gudang "
              "data contoh, atau muat data ekspor BPJS Ketenagakerjaan melalui ETL, "
              "lalu muat ulang halaman ini.",
        "en": "No data yet. Run `python -m etl demo` to build the demo warehouse, "
              "or load BPJS Ketenagakerjaan exports through the ETL, then reload "
              "this page.",
    },
    "empty.no_rows": {
        "id": "Tidak ada data untuk pilihan filter ini.",
        "en": "No data for this filter selection.",
    },
    "error.warehouse": {
        "id": "Gudang data di {path} tidak dapat dibaca ({error}). Bangun ulang "
              "dengan `python -m etl demo` atau hubungi pengelola data.",
        "en": "The warehouse at {path} cannot be read ({error}). Rebuild it with "
              "`python -m etl demo` or contact the data administrator.",
    },
    # --- building the demo warehouse ----------------------------------------
    "demo.building": {
        "id": "Menyiapkan gudang data contoh…",
        "en": "Building the demo warehouse…",
    },
    "demo.generating": {
        "id": "Membuat berkas data contoh…",
        "en": "Generating demo raw files…",
    },
    "demo.loading": {
        "id": "Memeriksa dan memuat data ke gudang data…",
        "en": "Checking and loading data into the warehouse…",
    },
    "demo.marts": {
        "id": "Menyusun tabel ringkasan…",
        "en": "Building summary tables…",
    },
    "demo.done": {"id": "Gudang data contoh siap.", "en": "Demo warehouse ready."},
    # --- province overview: added by the page ---------------------------------
    "overview.title": {"id": "Menuju Sejuta Pekerja Terlindungi", "en": "Toward One Million Protected Workers"},
    "overview.share_of_target": {"id": "{pct} dari target {target}", "en": "{pct} of the {target} goal"},
    "overview.goal_line": {"id": "Target {target}", "en": "Goal {target}"},
    "overview.deadline_is": {"id": "tenggat {deadline}", "en": "deadline {deadline}"},
    "overview.net_per_month": {"id": "tambahan bersih peserta aktif", "en": "net new active members"},
    "overview.deadline_passed": {"id": "Tenggat sudah lewat", "en": "Deadline passed"},
    "overview.col_period": {"id": "Periode", "en": "Period"},
    "overview.col_pace": {"id": "Tambahan bersih per bulan", "en": "Net change per month"},
    "overview.col_eta": {"id": "Target tercapai pada", "en": "Goal reached in"},
    "overview.col_on_pace": {"id": "Cukup untuk tenggat?", "en": "Enough for the deadline?"},
    "overview.yes": {"id": "Ya", "en": "Yes"},
    "overview.no": {"id": "Belum", "en": "No"},
    "overview.registered_n": {"id": "{n} terdaftar", "en": "{n} registered"},
    "overview.goal_star": {"id": "★ dihitung untuk target. Angka besar: peserta aktif; angka kecil: pernah terdaftar.",
                           "en": "★ counts toward the goal. Large figure: active members; small: ever registered."},
    "overview.regencies": {"id": "Capaian 22 kabupaten/kota", "en": "Attainment of the 22 regencies"},
    "error.demo_build": {"id": "Gudang data contoh gagal dibangun ({error}). Jalankan `python -m etl demo` di terminal untuk melihat rinciannya.",
                         "en": "The demo warehouse could not be built ({error}). Run `python -m etl demo` in a terminal for details."},
    "error.page": {"id": "Halaman ini tidak dapat ditampilkan ({error}). Data tidak berubah; coba muat ulang atau hubungi pengelola data.",
                   "en": "This page cannot be shown ({error}). No data was changed; reload or contact the data administrator."},
}


def t(key: str, lang: str = DEFAULT_LANG, **kwargs) -> str:
    """The string for ``key`` in ``lang``, formatted with ``kwargs``.

    Raises KeyError for an unknown key or language (a bug: the catalogue test
    catches literal keys), and for a placeholder left without a value.
    """
    if lang not in LANGS:
        raise KeyError(f"unsupported language {lang!r}")
    return CATALOGUE[key][lang].format(**kwargs)
