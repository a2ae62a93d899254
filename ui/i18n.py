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
    # --- data quality page (keys "dq."; reason and issue codes: etl/reasons.py) ------
    "dq.title": {"id": "Kualitas Data", "en": "Data quality"},
    "dq.intro": {"id": "Setiap baris berkas ekspor dimuat atau dikarantina beserta alasannya: "
                       "jumlah baris dibaca = dimuat + dikarantina untuk setiap berkas.",
                 "en": "Every row of an export file is either loaded or quarantined with its reason: "
                       "rows read = loaded + quarantined for every file."},
    "dq.no_loads": {"id": "Belum ada berkas yang dimuat. Muat berkas ekspor dengan `python -m etl load BERKAS`.",
                    "en": "No file has been loaded yet. Load export files with `python -m etl load FILE`."},
    "dq.freshness": {"id": "Kemutakhiran data", "en": "Data freshness"},
    "dq.as_of": {"id": "Data per", "en": "Data as of"},
    "dq.last_load": {"id": "Pemuatan terakhir", "en": "Last load"},
    "dq.days_since": {"id": "Hari sejak pemuatan terakhir", "en": "Days since the last load"},
    "dq.files_loaded": {"id": "Berkas dimuat", "en": "Files loaded"},
    "dq.col_kind": {"id": "Jenis berkas", "en": "File kind"},
    "dq.col_files": {"id": "Jumlah berkas", "en": "Files"},
    "dq.col_last_loaded": {"id": "Terakhir dimuat", "en": "Last loaded"},
    "dq.col_rows_in_warehouse": {"id": "Baris dimuat", "en": "Rows loaded"},
    "dq.col_newest_month": {"id": "Data terbaru s.d. bulan", "en": "Newest data month"},
    "dq.kind.members": {"id": "Daftar peserta", "en": "Member lists"},
    "dq.kind.contributions": {"id": "Iuran dibayar", "en": "Contributions paid"},
    "dq.kind.claims": {"id": "Klaim dibayar", "en": "Claims paid"},
    "dq.kind.subsidies": {"id": "Penerima subsidi upah (BSU)", "en": "Wage-subsidy recipients (BSU)"},
    "dq.history": {"id": "Riwayat pemuatan dan rekonsiliasi", "en": "Load history and reconciliation"},
    "dq.history_caption": {
        "id": "✓: baris dibaca = dimuat + dikarantina, dan seluruh baris yang dikarantina tersimpan. "
              "Baris kosong tidak dihitung sebagai baris dibaca.",
        "en": "✓: rows read = loaded + quarantined, and every quarantined row is kept. "
              "Blank rows are not counted as rows read."},
    "dq.col_file": {"id": "Berkas", "en": "File"},
    "dq.col_loaded_at": {"id": "Dimuat pada", "en": "Loaded at"},
    "dq.col_file_as_of": {"id": "Data per bulan", "en": "As of month"},
    "dq.col_read": {"id": "Dibaca", "en": "Read"},
    "dq.col_loaded": {"id": "Dimuat", "en": "Loaded"},
    "dq.col_quarantined": {"id": "Dikarantina", "en": "Quarantined"},
    "dq.col_flagged": {"id": "Dimuat dengan catatan", "en": "Loaded with an issue"},
    "dq.col_blank": {"id": "Baris kosong", "en": "Blank rows"},
    "dq.col_reconciled": {"id": "Rekonsiliasi", "en": "Reconciled"},
    "dq.col_ignored": {"id": "Kolom diabaikan", "en": "Columns ignored"},
    "dq.not_reconciled": {"id": "{n} berkas tidak terekonsiliasi: periksa log pemuatan.",
                          "en": "{n} file(s) do not reconcile: check the load log."},
    "dq.quarantine": {"id": "Baris dikarantina menurut alasan", "en": "Quarantined rows by reason"},
    "dq.quarantine_total": {"id": "{n} baris dikarantina dari {files} berkas",
                            "en": "{n} rows quarantined from {files} file(s)"},
    "dq.quarantine_none": {"id": "Tidak ada baris yang dikarantina.", "en": "No row has been quarantined."},
    "dq.filter_file": {"id": "Berkas", "en": "File"},
    "dq.all_files": {"id": "Semua berkas", "en": "All files"},
    "dq.col_reason": {"id": "Alasan", "en": "Reason"},
    "dq.col_code": {"id": "Kode", "en": "Code"},
    "dq.col_rows": {"id": "Baris", "en": "Rows"},
    "dq.col_share": {"id": "Porsi", "en": "Share"},
    "dq.sample": {"id": "Contoh baris dikarantina", "en": "Sample of quarantined rows"},
    "dq.sample_reason": {"id": "Tampilkan alasan", "en": "Show reason"},
    "dq.sample_caption": {
        "id": "Paling banyak {n} baris, sebagaimana tersimpan di karantina: NIK disamarkan, nama tidak disimpan. "
              "Nomor baris sesuai tampilan berkas di Excel atau penyunting teks.",
        "en": "At most {n} rows, as kept in the quarantine: the NIK masked, names never stored. "
              "Row numbers are those the office sees when opening the file."},
    "dq.col_sheet": {"id": "Lembar", "en": "Sheet"},
    "dq.col_row": {"id": "Baris ke-", "en": "Row"},
    "dq.col_message": {"id": "Keterangan", "en": "Message"},
    "dq.col_content": {"id": "Isi baris (disamarkan)", "en": "Row content (masked)"},
    "dq.issues": {"id": "Dimuat dengan catatan", "en": "Loaded with an issue"},
    "dq.issues_caption": {"id": "Baris ini dimuat dan dihitung; catatannya menunjukkan data yang perlu diperbaiki di sumber.",
                          "en": "These rows are loaded and counted; the issue shows what to correct at the source."},
    "dq.issues_none": {"id": "Tidak ada baris dengan catatan.", "en": "No loaded row carries an issue."},
    "dq.col_issue": {"id": "Catatan", "en": "Issue"},
    "dq.completeness": {"id": "Kelengkapan data per kabupaten/kota dan bulan",
                        "en": "Completeness per regency and month"},
    "dq.completeness_caption": {
        "id": "{months} bulan terakhir s.d. {as_of}. Terlambat: tidak ada data dalam {recent} bulan terakhir; "
              "tidak ada data: tidak ada satu baris pun dalam {months} bulan.",
        "en": "Last {months} months up to {as_of}. Late: no data in the last {recent} months; "
              "missing: not a single row in {months} months."},
    "dq.metric_new_members": {"id": "Peserta baru terdaftar", "en": "New registrations"},
    "dq.metric_claims": {"id": "Klaim dibayar (baris)", "en": "Claims paid (rows)"},
    "dq.show": {"id": "Tampilkan", "en": "Show"},
    "dq.col_regency": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "dq.col_status": {"id": "Status", "en": "Status"},
    "dq.col_last_data": {"id": "Data terakhir", "en": "Last data"},
    "dq.status.ok": {"id": "Lengkap", "en": "Complete"},
    "dq.status.late": {"id": "Terlambat", "en": "Late"},
    "dq.status.missing": {"id": "Tidak ada data", "en": "Missing"},
    "dq.missing_list": {"id": "Tidak ada data dalam {months} bulan terakhir ({n} kabupaten/kota): {regencies}.",
                        "en": "No data in the last {months} months ({n} regencies): {regencies}."},
    "dq.late_list": {"id": "Terlambat, tanpa data dalam {recent} bulan terakhir ({n} kabupaten/kota): {regencies}.",
                     "en": "Late, no data in the last {recent} months ({n} regencies): {regencies}."},
    "dq.all_complete": {"id": "Semua 22 kabupaten/kota mengirim data dalam {recent} bulan terakhir.",
                        "en": "All 22 regencies sent data in the last {recent} months."},
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
    "table.hidden": {"id": "disembunyikan", "en": "hidden"},
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
    # --- regency view (keys "reg.") ----------------------------------------------
    "reg.title": {"id": "Capaian Kabupaten/Kota", "en": "Regency progress"},
    "reg.choose": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "reg.m_active": {"id": "Peserta aktif ({segments})", "en": "Active members ({segments})"},
    "reg.m_active_delta": {"id": "{pct} dari target {target}", "en": "{pct} of the {target} target"},
    "reg.m_tier": {"id": "Peringkat insentif", "en": "Incentive tier"},
    "reg.m_rank": {"id": "urutan ke-{rank} dari {n}", "en": "ranked {rank} of {n}"},
    "reg.rank_up": {"id": "naik {n} dalam 3 bulan", "en": "up {n} in 3 months"},
    "reg.rank_down": {"id": "turun {n} dalam 3 bulan", "en": "down {n} in 3 months"},
    "reg.rank_same": {"id": "tetap dalam 3 bulan", "en": "unchanged in 3 months"},
    "reg.rank_change_none": {"id": "perubahan 3 bulan belum tersedia", "en": "no 3-month change yet"},
    "reg.m_next_tier": {"id": "Kekurangan menuju peringkat {tier}", "en": "Members needed for {tier}"},
    "reg.m_next_tier_delta": {"id": "minimal {pct} dari target, yaitu {n} peserta aktif",
                              "en": "at least {pct} of the target: {n} active members"},
    "reg.m_next_tier_none": {"id": "Peringkat berikutnya", "en": "Next tier"},
    "reg.m_top_tier": {"id": "Peringkat tertinggi telah tercapai", "en": "Top tier reached"},
    "reg.m_eta": {"id": "Target tercapai pada (laju {n} bulan terakhir)",
                  "en": "Target reached in (pace of the last {n} months)"},
    "reg.m_eta_delta": {"id": "laju {pace}/bulan; dibutuhkan {needed}/bulan hingga {deadline}",
                        "en": "pace {pace}/month; {needed}/month needed until {deadline}"},
    "reg.eta_never": {"id": "Tidak tercapai dengan laju ini", "en": "Not reached at this pace"},
    "reg.where_all_stand": {"id": "Posisi 22 kabupaten/kota", "en": "Where the 22 regencies stand"},
    "reg.map_mode": {"id": "Jenis peta", "en": "Map"},
    "reg.map_tile": {"id": "Peta petak", "en": "Tile map"},
    "reg.map_geo": {"id": "Peta wilayah", "en": "Geographic map"},
    "reg.color_mode": {"id": "Warna menurut", "en": "Colour by"},
    "reg.color_attainment": {"id": "Capaian (%)", "en": "Attainment (%)"},
    "reg.color_tier": {"id": "Peringkat", "en": "Tier"},
    "reg.tile_note": {"id": "Satu petak berukuran sama untuk setiap kabupaten/kota, disusun menurut letaknya "
                             "(Flores di utara, Sumba di barat daya, Timor di tenggara).",
                      "en": "One equal tile per regency, placed roughly where it lies (Flores in the north, "
                            "Sumba in the south-west, Timor in the south-east)."},
    "reg.boundary_not_set": {
        "id": "Peta wilayah memerlukan berkas batas wilayah kabupaten/kota (GeoJSON, Shapefile atau "
              "GeoPackage). Atur variabel lingkungan `SEJUTA_BOUNDARY_FILE` ke lokasi berkas tersebut, "
              "lalu jalankan ulang dasbor. Sementara itu ditampilkan peta petak.",
        "en": "The geographic map needs a regency boundary file (GeoJSON, Shapefile or GeoPackage). "
              "Set the environment variable `SEJUTA_BOUNDARY_FILE` to its path and restart the "
              "dashboard. The tile map is shown meanwhile."},
    "reg.boundary_error": {
        "id": "Berkas batas wilayah tidak dapat digunakan: {error} Periksa `SEJUTA_BOUNDARY_FILE`. "
              "Sementara itu ditampilkan peta petak.",
        "en": "The boundary file cannot be used: {error} Check `SEJUTA_BOUNDARY_FILE`. The tile map "
              "is shown meanwhile."},
    "reg.boundary_unmatched": {
        "id": "{n} fitur dalam berkas batas wilayah tidak cocok dengan kabupaten/kota NTT: {unmatched}. "
              "Kabupaten/kota tanpa batas wilayah: {missing}.",
        "en": "{n} feature(s) of the boundary file matched no NTT regency: {unmatched}. Regencies "
              "without a boundary: {missing}."},
    "reg.boundary_matched_by": {"id": "Batas wilayah dicocokkan menurut {how}.",
                                "en": "Boundaries matched by {how}."},
    "reg.hover_attainment": {"id": "Capaian {pct}: {active} dari target {target}",
                             "en": "Attainment {pct}: {active} of the {target} target"},
    "reg.hover_tier": {"id": "Peringkat: {tier}", "en": "Tier: {tier}"},
    "reg.hover_rank": {"id": "Urutan ke-{rank} dari {n}", "en": "Ranked {rank} of {n}"},
    "reg.ranking_title": {"id": "Urutan capaian dan batas peringkat", "en": "Attainment ranking and tier cut-offs"},
    "reg.bar_text": {"id": "{pct} dari {target}", "en": "{pct} of {target}"},
    "reg.compare": {"id": "Perbandingan dengan kabupaten/kota sejenis", "en": "Comparison with peer regencies"},
    "reg.peers": {"id": "Bandingkan dengan (maksimal 3)", "en": "Compare with (up to 3)"},
    "reg.period": {"id": "Periode", "en": "Period"},
    "reg.period_n": {"id": "{n} bulan", "en": "{n} months"},
    "reg.period_all": {"id": "Semua", "en": "All"},
    "reg.compare_absolute": {"id": "Peserta aktif", "en": "Active members"},
    "reg.compare_per_1000": {"id": "Peserta aktif per 1.000 pekerja informal (perkiraan)",
                             "en": "Active members per 1,000 informal workers (estimate)"},
    "reg.col_per_1000": {"id": "Per 1.000 pekerja informal", "en": "Per 1,000 informal workers"},
    "reg.col_rank": {"id": "Urutan", "en": "Rank"},
    "reg.col_rank_change": {"id": "Perubahan urutan 3 bulan", "en": "Rank change, 3 months"},
    "reg.detail": {"id": "Rincian {name}", "en": "{name} in detail"},
    "reg.trend_title": {"id": "Perkembangan dan proyeksi", "en": "Trend and projection"},
    "reg.projection": {"id": "Proyeksi laju terkini", "en": "Projection at the recent pace"},
    "reg.projection_note": {
        "id": "Proyeksi: tambahan bersih rata-rata {n} bulan terakhir, diteruskan hingga target tercapai "
              "atau hingga tenggat.",
        "en": "Projection: the average net change of the last {n} months, continued until the target "
              "is met or the deadline."},
    "reg.target_line": {"id": "Target {target}", "en": "Target {target}"},
    "reg.target_off_scale": {"id": "target {target} jauh di atas skala", "en": "target {target} far above the scale"},
    "reg.budget_paid": {"id": "Iuran dibayar APBD/APBDes/CSR", "en": "Paid by APBD/APBDes/CSR"},
    "reg.budget_delta": {"id": "{pct} dari peserta aktif; dibayar s.d. {month}",
                         "en": "{pct} of active members; paid until {month}"},
    "reg.budget_none": {"id": "tidak ada peserta aktif yang dibiayai anggaran",
                        "en": "no active member is budget-paid"},
    "reg.until": {"id": "s.d. {month}", "en": "until {month}"},
    "reg.mix_segment": {"id": "Segmen kepesertaan (semua peserta aktif)", "en": "Segment (all active members)"},
    "reg.mix_payer": {"id": "Sumber iuran", "en": "Who pays"},
    "reg.mix_sector": {"id": "Sektor pekerjaan", "en": "Sector"},
    "reg.districts": {"id": "Kecamatan di {name}", "en": "Districts of {name}"},
    "reg.districts_note": {
        "id": "Target kecamatan dan desa/kelurahan adalah bagian dari target kabupaten/kota (dibagi rata, "
              "dapat diubah melalui berkas target). Diurutkan dari capaian terendah.",
        "en": "District and village targets are a split of the regency target (equal shares, "
              "overridable in the targets file). Sorted lowest attainment first."},
    "reg.villages": {"id": "Desa/kelurahan", "en": "Villages"},
    "reg.villages_top": {"id": "10 capaian tertinggi", "en": "Top 10"},
    "reg.villages_bottom": {"id": "10 capaian terendah", "en": "Bottom 10"},
    "reg.villages_all": {"id": "Semua desa ({n})", "en": "All villages ({n})"},
    "reg.villages_boards_note": {
        "id": "Peringkat tertinggi dan terendah hanya memuat desa yang angkanya ditampilkan; {n} desa "
              "disembunyikan dan tercantum di tab Semua desa.",
        "en": "The top and bottom boards rank villages whose counts are shown; {n} villages are hidden "
              "and listed under All villages."},
    "reg.col_district": {"id": "Kecamatan", "en": "District"},
    "reg.col_village": {"id": "Desa/kelurahan", "en": "Village"},
    "reg.col_to_next": {"id": "Kekurangan ke peringkat berikutnya", "en": "Needed for the next tier"},
    "reg.suppression_note": {
        "id": "Untuk melindungi data pribadi (UU 27/2022), jumlah di bawah {k} disembunyikan, begitu pula "
              "jumlah lain bila jumlah kecil itu dapat dihitung dari total; semua yang disembunyikan tampak sama.",
        "en": "To protect personal data (Law 27/2022), counts below {k} are hidden, and so are other counts "
              "where a small one could otherwise be worked out from the totals; every hidden cell looks the same."},
    "reg.budget_hidden": {"id": "jumlah kecil disembunyikan", "en": "small count hidden"},
    # --- sectors and tiers (keys "sec." and "tier.") -------------------------------
    "sec.title": {"id": "Jangkauan per Sektor", "en": "Reach by sector"},
    "sec.agri_active": {
        "id": "Petani, pekebun, peternak dan nelayan aktif ({segments})",
        "en": "Active farmers, plantation workers, livestock keepers and fishers ({segments})",
    },
    "sec.share_of_goal_active": {"id": "{pct} dari peserta aktif segmen target",
                                 "en": "{pct} of active goal-segment members"},
    "sec.agri_coverage": {"id": "Cakupan pertanian (perkiraan)", "en": "Agriculture coverage (estimate)"},
    "sec.of_estimate": {"id": "dari perkiraan {estimate} pekerja informal",
                        "en": "of an estimated {estimate} informal workers"},
    "sec.lowest_coverage": {"id": "Cakupan terendah (perkiraan)", "en": "Lowest coverage (estimate)"},
    "sec.coverage_title": {"id": "Cakupan per sektor terhadap perkiraan pekerja informal",
                           "en": "Coverage by sector against the estimated informal workforce"},
    "sec.estimate_note": {
        "id": "Peserta aktif segmen {segments}. Jumlah pekerja informal per sektor adalah PERKIRAAN: "
              "perkiraan pekerja informal kabupaten/kota × perkiraan porsi sektor (olahan BPS Sakernas), "
              "bukan hasil pencacahan.",
        "en": "Active members of the {segments} segment(s). The informal workforce per sector is an "
              "ESTIMATE: the regency's estimated informal workforce × the sector's estimated share "
              "(derived from BPS Sakernas), not a count.",
    },
    "sec.scope": {"id": "Wilayah", "en": "Area"},
    "sec.province": {"id": "Seluruh Provinsi NTT", "en": "All of NTT province"},
    "sec.coverage_chart": {"id": "Cakupan per sektor — {where}", "en": "Coverage by sector — {where}"},
    "sec.coverage_axis": {"id": "Cakupan", "en": "Coverage"},
    "sec.col_sector": {"id": "Sektor", "en": "Sector"},
    "sec.col_active": {"id": "Peserta aktif", "en": "Active members"},
    "sec.col_estimate": {"id": "Perkiraan pekerja informal", "en": "Estimated informal workers"},
    "sec.col_coverage": {"id": "Cakupan (perkiraan)", "en": "Coverage (estimate)"},
    "sec.col_all_segments": {"id": "Aktif semua segmen", "en": "Active, all segments"},
    "sec.hidden_short": {"id": "disembunyikan", "en": "hidden"},
    "sec.hidden_note": {
        "id": "Jumlah di bawah {k} disembunyikan untuk melindungi data pribadi, demikian pula satu sel "
              "lain bila perlu agar angka yang disembunyikan tidak dapat dihitung dari totalnya.",
        "en": "Counts below {k} are hidden to protect personal data, as is one more cell where needed "
              "so that a hidden count cannot be worked out from the total.",
    },
    "sec.hover_coverage": {"id": "Aktif: {active} · Perkiraan pekerja informal: {estimate} · Cakupan: {pct}",
                           "en": "Active: {active} · Estimated informal workers: {estimate} · Coverage: {pct}"},
    "sec.hover_cell": {"id": "Aktif: {active} · Cakupan: {pct}", "en": "Active: {active} · Coverage: {pct}"},
    "sec.heatmap_title": {"id": "Cakupan (perkiraan) per sektor dan kabupaten/kota",
                          "en": "Coverage (estimate) by sector and regency"},
    "sec.heatmap_note": {
        "id": "Hanya segmen target ({segments}). Sel bertanda – disembunyikan (jumlah di bawah {k}, "
              "atau sel yang ikut disembunyikan bersamanya).",
        "en": "Goal segments only ({segments}). Cells marked – are hidden (counts below {k}, or the "
              "cell hidden with them).",
    },
    "sec.trend_title": {"id": "Peserta aktif per sektor (segmen target)",
                        "en": "Active members by sector (goal segments)"},
    "sec.growth_heading": {"id": "Sektor pendorong pertumbuhan 12 bulan terakhir",
                           "en": "Sectors that drove growth in the last 12 months"},
    "sec.growth_note": {
        "id": "Perubahan bersih peserta aktif dari {since} ke {until}: {change}; pendaftaran baru: {new}. "
              "Dalam kurung: porsi dari perubahan bersih provinsi.",
        "en": "Net change in active members from {since} to {until}: {change}; new registrations: {new}. "
              "In brackets: share of the province's net change.",
    },
    "sec.growth_title": {"id": "Perubahan bersih peserta aktif per sektor, 12 bulan terakhir",
                         "en": "Net change in active members by sector, last 12 months"},
    "sec.mapping_title": {"id": "Cara isian pekerjaan dipetakan ke sektor",
                          "en": "How occupations were mapped to sectors"},
    "sec.fell_to_other": {"id": "Masuk 'Lainnya / tidak terpetakan'", "en": "Fell to 'Other / unmapped'"},
    "sec.of_members": {"id": "{pct} dari {total} peserta terdaftar", "en": "{pct} of {total} registered members"},
    "sec.unmatched": {"id": "Isian pekerjaan tidak dikenali", "en": "Occupation text not recognised"},
    "sec.blank": {"id": "Isian pekerjaan kosong", "en": "No occupation given"},
    "sec.mapping_note": {
        "id": "Isian pekerjaan bebas dinormalisasi (huruf kecil, tanda baca menjadi spasi) lalu "
              "dicocokkan dengan kata kunci di data/occupations.csv. Hanya isian yang dimiliki sedikitnya "
              "{k} peserta yang ditampilkan; isian yang lebih jarang digabung per sektor.",
        "en": "Free-text occupations are normalised (lower case, punctuation to spaces) and matched "
              "against the keywords in data/occupations.csv. Only texts held by at least {k} members "
              "are shown; rarer texts are grouped per sector.",
    },
    "sec.mapping_expander": {"id": "Lihat pemetaan isian pekerjaan", "en": "Show the occupation mapping"},
    "sec.col_occupation": {"id": "Isian pekerjaan (dinormalisasi)", "en": "Occupation text (normalised)"},
    "sec.col_members": {"id": "Peserta terdaftar", "en": "Registered members"},
    "sec.col_members_goal": {"id": "Di antaranya segmen {segments}", "en": "Of which {segments}"},
    "sec.blank_row": {"id": "(tanpa isian)", "en": "(none given)"},
    "sec.rare_row": {"id": "({n} isian lain, masing-masing kurang dari {k} peserta)",
                     "en": "({n} other texts, each held by fewer than {k} members)"},
    "tier.title": {"id": "Peringkat Insentif", "en": "Incentive tiers"},
    "tier.table_title": {"id": "Tabel peringkat yang berlaku", "en": "Tier table in force"},
    "tier.col_tier": {"id": "Peringkat", "en": "Tier"},
    "tier.col_min_pct": {"id": "Capaian minimal", "en": "Minimum attainment"},
    "tier.col_incentive": {"id": "Insentif", "en": "Incentive"},
    "tier.rule_note": {
        "id": "Dari konfigurasi (berkas SEJUTA_TIERS_FILE, bawaan data/tiers.csv). Wilayah memperoleh "
              "peringkat tertinggi yang capaian minimalnya terpenuhi: peserta aktif segmen target × 100 ≥ "
              "capaian minimal × target. Riwayat dihitung dengan target yang berlaku saat ini.",
        "en": "From configuration (file SEJUTA_TIERS_FILE, default data/tiers.csv). A region holds the "
              "highest tier whose minimum it meets: active goal-segment members × 100 ≥ minimum × target. "
              "History is computed against today's targets.",
    },
    "tier.province_tier": {"id": "Peringkat Provinsi NTT", "en": "NTT province tier"},
    "tier.attainment_of": {"id": "capaian {pct} dari target {target}", "en": "{pct} of the {target} target"},
    "tier.to_next_named": {"id": "Kekurangan menuju {tier}", "en": "Members still needed for {tier}"},
    "tier.needs_active": {"id": "peringkat itu membutuhkan {n} peserta aktif",
                          "en": "that tier needs {n} active members"},
    "tier.at_pace": {"id": "Dengan laju 6 bulan terakhir", "en": "At the last 6 months' pace"},
    "tier.n_months": {"id": "{n} bulan", "en": "{n} months"},
    "tier.pace_per_month": {"id": "laju {pace} peserta/bulan", "en": "pace {pace} members/month"},
    "tier.eta": {"id": "{month} ({n} bln)", "en": "{month} ({n} mo)"},
    "tier.next_short": {"id": "{tier} (kurang {n})", "en": "{tier} ({n} to go)"},
    "tier.not_at_pace": {"id": "Tidak pada laju ini", "en": "Not at this pace"},
    "tier.beyond_50y": {"id": "> 50 tahun", "en": "> 50 years"},
    "tier.top_reached": {"id": "Peringkat tertinggi tercapai", "en": "Top tier reached"},
    "tier.regencies_title": {"id": "Peringkat kabupaten/kota", "en": "Regency tiers"},
    "tier.col_since": {"id": "Sejak", "en": "Since"},
    "tier.col_next": {"id": "Peringkat berikutnya", "en": "Next tier"},
    "tier.col_pace": {"id": "Laju/bulan", "en": "Pace/month"},
    "tier.col_eta": {"id": "Perkiraan tercapai", "en": "Expected"},
    "tier.pace_note": {
        "id": "Laju = perubahan bersih peserta aktif selama 6 bulan terakhir dibagi 6; lama menuju "
              "peringkat berikutnya (bln) = kekurangan dibagi laju, dibulatkan ke atas. 'Sejak' = bulan "
              "pertama peringkat saat ini dipegang tanpa putus.",
        "en": "Pace = net change in active members over the last 6 months divided by 6; months (mo) to "
              "the next tier = members still needed divided by the pace, rounded up. 'Since' = first "
              "month of the current unbroken run at this tier.",
    },
    "tier.whatif_title": {"id": "Simulasi: bagaimana jika ada tambahan peserta?",
                          "en": "What if more members join?"},
    "tier.whatif_regency": {"id": "Kabupaten/kota", "en": "Regency"},
    "tier.whatif_more": {"id": "Tambahan peserta aktif", "en": "Additional active members"},
    "tier.whatif_result": {"id": "Peringkat {regency} jika {n} peserta bergabung",
                           "en": "Tier of {regency} if {n} members join"},
    "tier.whatif_detail": {"id": "{active} peserta aktif, capaian {pct} (sekarang: {now})",
                           "en": "{active} active members, {pct} attained (now: {now})"},
    "tier.distribution_title": {"id": "Jumlah kabupaten/kota per peringkat, per bulan",
                                "en": "Regencies per tier, month by month"},
    "tier.n_regencies_axis": {"id": "Kabupaten/kota", "en": "Regencies"},
    "tier.reached_title": {"id": "Bulan pertama mencapai setiap peringkat",
                           "en": "Month each tier was first reached"},
    "tier.reached_note": {"id": "– : belum pernah dicapai. Dihitung dengan target yang berlaku saat ini.",
                          "en": "– : never reached. Computed against today's targets."},
    "tier.drops_title": {"id": "Kabupaten/kota yang turun peringkat", "en": "Regencies that dropped a tier"},
    "tier.no_drops": {"id": "Belum ada kabupaten/kota yang turun peringkat.",
                      "en": "No regency has dropped a tier."},
    "tier.col_month": {"id": "Bulan", "en": "Month"},
    "tier.col_from_to": {"id": "Dari → ke", "en": "From → to"},
    "tier.col_active_change": {"id": "Peserta aktif (sebelum → sesudah)",
                               "en": "Active members (before → after)"},
    "tier.col_budget_change": {"id": "Dibiayai APBD/APBDes/CSR (sebelum → sesudah)",
                               "en": "Paid by budgets or donors (before → after)"},
    "tier.drops_note": {
        "id": "Penurunan yang sejalan dengan berkurangnya peserta yang iurannya dibayar APBD, APBDes "
              "atau CSR biasanya berarti bantuan iuran dari anggaran tersebut telah berakhir.",
        "en": "A drop that coincides with fewer members paid for by a budget or donor usually means "
              "that contribution support has ended.",
    },
    "tier.areas_title": {"id": "Kecamatan dan desa/kelurahan", "en": "Districts and villages"},
    "tier.areas_regency": {"id": "Kabupaten/kota", "en": "Regency"},
    "tier.areas_level": {"id": "Tingkat", "en": "Level"},
    "tier.level_district": {"id": "Kecamatan", "en": "Districts"},
    "tier.level_village": {"id": "Desa/kelurahan", "en": "Villages"},
    "tier.col_area": {"id": "Wilayah", "en": "Area"},
    "tier.col_to_next": {"id": "Kurang ke peringkat berikutnya", "en": "Members to the next tier"},
    "tier.no_area_targets": {"id": "Tidak ada wilayah bertarget di tingkat ini.",
                             "en": "No area with a target at this level."},
    "tier.areas_note": {
        "id": "Hanya wilayah yang memiliki target; target kecamatan dan desa/kelurahan dibagi rata dari "
              "target induknya kecuali ditetapkan lain. {n} dari {total} wilayah disembunyikan: jumlah di "
              "bawah {k} peserta tidak ditampilkan demi perlindungan data pribadi.",
        "en": "Only areas with a target; district and village targets split their parent's target "
              "equally unless overridden. {n} of {total} areas hidden: counts below {k} members are not "
              "shown, to protect personal data.",
    },
    # --- claims and subsidies (keys "claims." and "subs.") --------------------------
    "claims.title": {"id": "Klaim dan Subsidi", "en": "Claims and Subsidies"},
    "claims.tab_claims": {"id": "Klaim dan iuran", "en": "Claims and contributions"},
    "claims.tab_subsidies": {"id": "Subsidi dan iuran dibayar anggaran", "en": "Subsidies and budget-paid contributions"},
    "claims.period": {"id": "Periode (bulan klaim dibayar)", "en": "Period (month the claims were paid)"},
    "claims.period_label": {"id": "{start} – {end}", "en": "{start} – {end}"},
    "claims.preset_ytd": {"id": "Tahun berjalan", "en": "Year to date"},
    "claims.preset_article": {"id": "Jan–Agu 2020 (berita KiblatNTT)", "en": "Jan–Aug 2020 (KiblatNTT article)"},
    "claims.preset_all": {"id": "Seluruh data", "en": "All data"},
    "claims.regency": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "claims.all_regencies": {"id": "Seluruh NTT", "en": "All of NTT"},
    "claims.segment": {"id": "Segmen peserta", "en": "Member segment"},
    "claims.all_segments": {"id": "Semua segmen", "en": "All segments"},
    "claims.segment_unknown": {"id": "Tidak tercatat", "en": "Not recorded"},
    "claims.no_claims": {"id": "Belum ada data klaim yang dimuat. Muat berkas klaim dibayar melalui ETL (`python -m etl load`).",
                         "en": "No claims loaded yet. Load a claims-paid file through the ETL (`python -m etl load`)."},
    "claims.total": {"id": "Klaim dibayar, {period}", "en": "Claims paid, {period}"},
    "claims.prev_value": {"id": "{period}: {value}", "en": "{period}: {value}"},
    "claims.no_prev": {"id": "periode yang sama tahun lalu di luar data",
                       "en": "the same period last year is outside the data"},
    "claims.cases": {"id": "Kasus dibayar", "en": "Cases paid"},
    "claims.change_vs_prev": {"id": "Perubahan nilai dari tahun lalu", "en": "Change in amount from last year"},
    "claims.per_case": {"id": "rata-rata {value} per kasus", "en": "on average {value} per case"},
    "claims.col_programme": {"id": "Program", "en": "Programme"},
    "claims.col_cases": {"id": "Kasus", "en": "Cases"},
    "claims.col_amount": {"id": "Nilai klaim", "en": "Amount paid"},
    "claims.col_cases_prev": {"id": "Kasus {period}", "en": "Cases {period}"},
    "claims.col_amount_prev": {"id": "Nilai {period}", "en": "Amount {period}"},
    "claims.col_change": {"id": "Perubahan nilai", "en": "Change in amount"},
    "claims.col_share": {"id": "Porsi nilai", "en": "Share of amount"},
    "claims.total_row": {"id": "Jumlah", "en": "Total"},
    "claims.compare_note": {"id": "Dibandingkan dengan bulan-bulan yang sama satu tahun sebelumnya ({period}). Bulan = bulan klaim dibayar; klaim ganda (nomor klaim sama) dikarantina saat dimuat dan dihitung sekali.",
                            "en": "Compared with the same months one year earlier ({period}). Month = month the claim was paid; duplicate claims (same claim number) are quarantined at loading and counted once."},
    "claims.monthly_title": {"id": "Nilai klaim dibayar per bulan", "en": "Claims paid per month"},
    "claims.axis_rp": {"id": "Rp {unit}", "en": "Rp {unit}"},
    "claims.unit_1e9": {"id": "miliar", "en": "billion"},
    "claims.unit_1e6": {"id": "juta", "en": "million"},
    "claims.unit_1e3": {"id": "ribu", "en": "thousand"},
    "claims.unit_1": {"id": "rupiah", "en": "rupiah"},
    "claims.by_regency_title": {"id": "Klaim per kabupaten/kota", "en": "Claims by regency"},
    "claims.loss_title": {"id": "Klaim dibanding iuran (rasio klaim)", "en": "Claims against contributions (loss ratio)"},
    "claims.loss_programme": {"id": "Program", "en": "Programme"},
    "claims.loss_all": {"id": "Semua program, semua segmen", "en": "All programmes, all segments"},
    "claims.loss_bpu": {"id": "{code} – peserta BPU saja", "en": "{code} – BPU members only"},
    "claims.loss_note": {"id": "Rasio klaim = klaim dibayar ÷ iuran untuk bulan-bulan periode ini. Iuran diambil dari data iuran yang dimuat dan disebar rata ke bulan-bulan yang dibayar. Pembagian per program hanya untuk peserta BPU, menurut tarif yang bersumber (JKK 1% dari penghasilan, minimal Rp 10.000; JKM Rp 6.800; JHT 2% bila diikuti); untuk PU, Jasa Konstruksi dan PMI tarif per program tidak tersedia sehingga iurannya dilaporkan total saja.",
                         "en": "Loss ratio = claims paid ÷ contributions for the months of this period. Contributions come from the contribution files loaded, spread evenly over the months they pay for. The split by programme is made for BPU members only, at the sourced rates (JKK 1% of declared income, minimum Rp 10,000; JKM Rp 6,800; JHT 2% when taken); PU, construction and migrant-worker contributions have no sourced per-programme rates and are reported in total only."},
    "claims.loss_estimate": {"id": "Termasuk estimasi: {pct} dari iuran ({amount}) berasal dari peserta tanpa data iuran, dihitung dari bulan aktif dan penghasilan di daftar peserta dengan tarif BPU.",
                             "en": "Includes an estimate: {pct} of contributions ({amount}) belong to members with no contribution rows, estimated from their active months and declared income at the BPU rates."},
    "claims.loss_no_estimate": {"id": "Seluruh iuran berasal dari data iuran yang dimuat (tanpa estimasi).",
                                "en": "All contributions come from the contribution files loaded (no estimate)."},
    "claims.loss_jht_note": {"id": "JHT adalah tabungan hari tua: klaim menarik saldo yang dikumpulkan bertahun-tahun, sehingga rasionya wajar jauh di atas 100%.",
                             "en": "JHT is old-age savings: a claim withdraws a balance built up over years, so a ratio far above 100% is expected."},
    "claims.loss_province": {"id": "Rasio klaim NTT", "en": "NTT loss ratio"},
    "claims.loss_province_delta": {"id": "klaim {claims} · iuran {contrib}", "en": "claims {claims} · contributions {contrib}"},
    "claims.col_contrib": {"id": "Iuran", "en": "Contributions"},
    "claims.col_contrib_est": {"id": "Iuran estimasi", "en": "Estimated"},
    "claims.col_loss_ratio": {"id": "Rasio klaim", "en": "Loss ratio"},
    "claims.loss_chart": {"id": "Rasio klaim per kabupaten/kota", "en": "Loss ratio by regency"},
    "claims.anomaly_title": {"id": "Bulan yang tidak biasa", "en": "Unusual months"},
    "claims.anomaly_rule": {"id": "Kabupaten/kota-bulan yang nilai klaimnya jauh dari riwayatnya sendiri: |nilai − median| ÷ (1,4826 × MAD) > 3,5, dengan median dan MAD (deviasi absolut median) dari 24 bulan sebelumnya, minimal 12 bulan riwayat. Dalam periode ini {n} dari {scored} kabupaten/kota-bulan yang dinilai ditandai.",
                            "en": "Regency-months whose claims are far from their own history: |amount − median| ÷ (1.4826 × MAD) > 3.5, with the median and MAD (median absolute deviation) of the previous 24 months, at least 12 months of history. In this period {n} of the {scored} regency-months scored are flagged."},
    "claims.anomaly_none": {"id": "Tidak ada bulan yang tidak biasa dalam periode ini ({scored} kabupaten/kota-bulan dinilai).",
                            "en": "No unusual months in this period ({scored} regency-months scored)."},
    "claims.col_month": {"id": "Bulan", "en": "Month"},
    "claims.col_history_median": {"id": "Median 24 bulan sebelumnya", "en": "Median of the previous 24 months"},
    "claims.col_score": {"id": "Skor robust", "en": "Robust score"},
    "claims.col_direction": {"id": "Arah", "en": "Direction"},
    "claims.above": {"id": "Jauh di atas biasanya", "en": "Far above usual"},
    "claims.below": {"id": "Jauh di bawah biasanya", "en": "Far below usual"},
    "claims.processing_title": {"id": "Lama proses: dari pengajuan sampai pembayaran", "en": "Processing time: from filing to payment"},
    "claims.processing_note": {"id": "Median: separuh klaim dibayar dalam sekian hari atau kurang; persentil ke-90: 90% klaim. Klaim tanpa tanggal pengajuan tidak dihitung.",
                               "en": "Median: half of the claims were paid within this many days; 90th percentile: 90% of the claims. Claims without a filing date are left out."},
    "claims.col_with_filed": {"id": "Klaim dengan tanggal pengajuan", "en": "Claims with a filing date"},
    "claims.col_median_days": {"id": "Median (hari)", "en": "Median (days)"},
    "claims.col_p90_days": {"id": "Persentil ke-90 (hari)", "en": "90th percentile (days)"},
    "claims.col_prog_median": {"id": "{code} median", "en": "{code} median"},
    "claims.col_prog_p90": {"id": "{code} P90", "en": "{code} P90"},
    "claims.processing_by_regency": {"id": "Per kabupaten/kota (hari)", "en": "By regency (days)"},
    "claims.processing_none": {"id": "Tidak ada klaim dengan tanggal pengajuan dalam periode ini.", "en": "No claims with a filing date in this period."},
    "claims.causes_title": {"id": "Jenis kecelakaan kerja (klaim JKK)", "en": "Work accident types (JKK claims)"},
    "claims.causes_none": {"id": "Tidak ada klaim JKK dalam periode ini.", "en": "No JKK claims in this period."},
    "claims.cause_other": {"id": "Lainnya (sebab dengan kurang dari {k} kasus)", "en": "Other (causes with fewer than {k} cases)"},
    "claims.cause_blank": {"id": "Sebab tidak tercatat", "en": "Cause not recorded"},
    "claims.causes_year_note": {"id": "Sebab klaim satu kabupaten/kota ditampilkan per tahun kalender ({year}).",
                                "en": "A regency's claim causes are shown by calendar year ({year})."},
    "claims.privacy_note": {"id": "Angka di bawah {k} disembunyikan untuk rincian di bawah tingkat kabupaten/kota.", "en": "Counts below {k} are hidden in breakdowns below regency level."},
    "subs.bsu_title": {"id": "Bantuan Subsidi Upah (BSU)", "en": "Wage subsidy (BSU)"},
    "subs.scheme": {"id": "Program bantuan", "en": "Subsidy scheme"},
    "subs.none": {"id": "Belum ada data penerima subsidi upah yang dimuat.", "en": "No wage-subsidy recipients loaded yet."},
    "subs.recipients": {"id": "Penerima", "en": "Recipients"},
    "subs.recipients_delta": {"id": "tahap 1: {t1} · tahap 2: {t2}", "en": "tranche 1: {t1} · tranche 2: {t2}"},
    "subs.paid_total": {"id": "Total disalurkan", "en": "Total paid"},
    "subs.paid_delta": {"id": "{per} per penerima", "en": "{per} per recipient"},
    "subs.reach": {"id": "Peserta memenuhi syarat yang terjangkau", "en": "Eligible members reached"},
    "subs.reach_delta": {"id": "{reached} dari {eligible} peserta", "en": "{reached} of {eligible} members"},
    "subs.eligibility_rule": {"id": "Memenuhi syarat = peserta Penerima Upah (PU) yang aktif (iurannya dibayar) pada {month}. Batas upah (di bawah Rp 5 juta untuk BSU 2020) tidak diterapkan karena upah tidak selalu tercatat di daftar peserta.",
                              "en": "Eligible = wage-earner (PU) members who were active (contributions paid) in {month}. The wage ceiling (under Rp 5 million for BSU 2020) is not applied, because wages are not always recorded in member lists."},
    "subs.no_rule": {"id": "Aturan kelayakan tidak ditetapkan untuk program ini; jangkauan tidak dihitung.", "en": "No eligibility rule is set for this scheme; reach is not computed."},
    "subs.col_tranche": {"id": "Tahap {n}", "en": "Tranche {n}"},
    "subs.col_tranche_later": {"id": "Tahap berikutnya", "en": "Later tranches"},
    "subs.col_amount": {"id": "Nilai disalurkan", "en": "Amount paid"},
    "subs.col_recipients": {"id": "Penerima", "en": "Recipients"},
    "subs.col_eligible": {"id": "Memenuhi syarat", "en": "Eligible"},
    "subs.col_reached": {"id": "Terjangkau", "en": "Reached"},
    "subs.col_reach_pct": {"id": "% terjangkau", "en": "% reached"},
    "subs.budget_title": {"id": "Iuran yang dibayar APBD, APBDes dan CSR", "en": "Contributions paid by regional budgets, village funds and CSR"},
    "subs.budget_note": {"id": "Pekerja rentan yang iurannya dibayar APBD provinsi atau kabupaten/kota, APBDes/Dana Desa atau CSR, per tahun anggaran (tahun dari bulan yang dibayar). Paket minimum JKK + JKM = {minimum} per pekerja per bulan.",
                         "en": "Vulnerable workers whose contributions are paid by the provincial or regency budget (APBD), village funds (APBDes/Dana Desa) or CSR, by budget year (the year of the months paid for). The minimum JKK + JKM package is {minimum} per worker per month."},
    "subs.budget_none": {"id": "Belum ada iuran yang dibayar APBD, APBDes atau CSR.", "en": "No contributions paid by regional budgets, village funds or CSR yet."},
    "subs.workers_covered": {"id": "Pekerja ditanggung anggaran, {year}", "en": "Workers covered by budgets, {year}"},
    "subs.budget_rp": {"id": "Iuran dibayar anggaran, {year}", "en": "Contributions paid by budgets, {year}"},
    "subs.cost_per_worker_month": {"id": "Biaya per pekerja-bulan, {year}", "en": "Cost per worker-month, {year}"},
    "subs.cost_delta": {"id": "paket minimum {minimum}", "en": "minimum package {minimum}"},
    "subs.worker_months_delta": {"id": "{n} pekerja-bulan", "en": "{n} worker-months"},
    "subs.col_payer": {"id": "Pembayar", "en": "Payer"},
    "subs.col_year": {"id": "Tahun anggaran", "en": "Budget year"},
    "subs.col_workers": {"id": "Pekerja", "en": "Workers"},
    "subs.col_worker_months": {"id": "Pekerja-bulan", "en": "Worker-months"},
    "subs.col_contrib": {"id": "Iuran", "en": "Contributions"},
    "subs.col_cost": {"id": "Per pekerja-bulan", "en": "Per worker-month"},
    "subs.col_estimated": {"id": "Di antaranya estimasi", "en": "Of which estimated"},
    "subs.workers_chart": {"id": "Pekerja ditanggung per tahun anggaran", "en": "Workers covered per budget year"},
    "subs.year_pick": {"id": "Tahun anggaran", "en": "Budget year"},
    "subs.by_regency": {"id": "Rincian per kabupaten/kota, {year}", "en": "By regency, {year}"},
    "subs.retention_title": {"id": "Apakah pekerja tetap membayar setelah anggaran berakhir?", "en": "Do workers keep paying once the budget ends?"},
    "subs.retention_rule": {"id": "Kohort: pekerja yang tanggungan iurannya oleh pembayar tersebut berakhir pada tahun anggaran itu (tidak diperpanjang pembayar yang sama pada bulan berikutnya). Kolom “3, 6, 12 bulan kemudian”: bagian kohort yang masih membayar, yaitu iuran bulan itu dibayar oleh peserta sendiri atau pembayar lain, 3, 6 atau 12 bulan setelah bulan terakhir yang ditanggung. Suatu jangka dihitung hanya bila bulannya sudah lewat sebelum bulan data ({as_of}); peserta yang meninggal (klaim JKM) tidak dihitung.",
                           "en": "Cohort: workers whose cover by that payer ended in that budget year (not renewed by the same payer the next month). Columns “3, 6, 12 months later”: the share of the cohort still paying, i.e. the month's contribution is paid by the member or any other payer 3, 6 or 12 months after the last covered month. A horizon counts only once its month is before the data month ({as_of}); members who died (a JKM claim) are left out."},
    "subs.retention_none": {"id": "Belum ada kohort yang tanggungan anggarannya berakhir sebelum {as_of}.", "en": "No cohort's budget cover ended before {as_of} yet."},
    "subs.col_cohort": {"id": "Kohort", "en": "Cohort"},
    "subs.col_after": {"id": "{n} bulan kemudian", "en": "{n} months later"},
    "subs.not_observable": {"id": "belum teramati", "en": "not yet observable"},
    "subs.partial": {"id": "{pct} ({paying} dari {observable} yang sudah teramati)", "en": "{pct} ({paying} of {observable} observable so far)"},
    "subs.retention_chart": {"id": "Masih membayar setelah anggaran berakhir", "en": "Still paying after the budget ended"},
    "subs.months_after": {"id": "{n} bulan", "en": "{n} months"},
    "subs.retention_by_regency": {"id": "Rincian kohort per kabupaten/kota", "en": "Cohorts by regency"},
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
