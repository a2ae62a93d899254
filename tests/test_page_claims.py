"""AppTest of the claims and subsidies page on the hand-made fixture of test_claims_marts.py
(as of Dec 2021; suppress_below 2 so most cells show, a cohort of 1 is hidden). Values are the
ones a person reads on screen."""

import pytest

from tests.helpers import FIXTURES, load_quiet, loaded, open_app, shown, unfold, use_private_env

CLAIMS = FIXTURES / "claims"
FILES = [CLAIMS / "peserta.csv", CLAIMS / "iuran.csv", CLAIMS / "klaim.csv", CLAIMS / "bsu.csv"]


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    with loaded(tmp_path_factory, "claims_page", FILES, "2021-12", suppress_below=2) as wh:
        yield wh


def open_page(**query):
    return open_app("pages/claims.py", **query)


def metric(at, starts):
    return next(m for m in at.metric if m.label.startswith(starts))


# AppTest does not expose a dataframe's key: each table is known by its columns
TABLES = {
    "programmes": ({"Program", "Porsi nilai"}, set()),
    "loss": ({"Rasio klaim JKK+JKM", "Iuran JKK+JKM"}, set()),
    "processing": ({"Program", "Median (hari)"}, set()),
    "budget": ({"Pembayar", "Pekerja-bulan"}, {"Kabupaten/Kota"}),
    "retention": ({"Kohort"}, {"Kabupaten/Kota"}),
    "retention_regency": ({"Kohort", "Kabupaten/Kota"}, set()),
}


def table(at, name):
    has, lacks = TABLES[name]
    found = [shown(d) for d in at.dataframe if has <= set(d.value.columns) and not lacks & set(d.value.columns)]
    assert len(found) == 1, f"{len(found)} tables look like {name}"
    return found[0]


def test_year_to_date_against_last_year(env):
    at = open_page()
    assert not at.exception and not at.error
    # 2021: JKK Rp 3 juta + JKM Rp 42 juta + JHT Rp 0.6 juta; 2020: Rp 16.6 juta -> +174.7%
    head = metric(at, "Klaim dibayar, Jan 2021 – Des 2021")
    assert head.value == "Rp 45,6 juta"
    assert head.delta == "Jan 2020 – Des 2020: Rp 16,6 juta"
    assert metric(at, "Kasus dibayar").value == "3"
    assert metric(at, "Perubahan nilai dari tahun lalu").value == "+174,7%"
    progs = table(at, "programmes").set_index("Program")
    assert progs.loc["JKM · Jaminan Kematian", "Nilai klaim"] == "Rp 42.000.000"
    assert progs.loc["JKM · Jaminan Kematian", "Porsi nilai"] == "92,1%"
    assert progs.loc["JHT · Jaminan Hari Tua", "Nilai Jan 2020 – Des 2020"] == "Rp 11.600.000"
    assert progs.loc["Jumlah", "Kasus"] == "3"


def test_article_period_from_url(env):
    at = open_page(**{"from": "2020-01", "to": "2020-08"})
    head = metric(at, "Klaim dibayar, Jan 2020 – Agu 2020")
    assert head.value == "Rp 16,6 juta"
    assert head.delta == "Jan 2019 – Agu 2019: Rp 8,8 juta"
    assert metric(at, "Kasus dibayar").value == "8"
    assert metric(at, "Perubahan nilai dari tahun lalu").value == "+88,6%"   # 16.6 / 8.8 - 1


def test_article_preset_button(env):
    at = open_page()
    at.button(key="claims_preset_article").click().run()
    assert metric(at, "Klaim dibayar, Jan 2020 – Agu 2020").value == "Rp 16,6 juta"
    assert at.query_params["from"] == "2020-01" and at.query_params["to"] == "2020-08"


def test_slider_then_preset(env):
    import datetime as dt
    at = open_page()
    at.select_slider(key="claims_period_0").set_range(dt.date(2021, 3, 1), dt.date(2021, 4, 1)).run()
    assert metric(at, "Klaim dibayar, Mar 2021 – Apr 2021").value == "Rp 42,0 juta"   # the JKM claim only
    at.button(key="claims_preset_ytd").click().run()
    assert metric(at, "Klaim dibayar, Jan 2021 – Des 2021").value == "Rp 45,6 juta"


def captions(at) -> str:
    return " ".join(c.value for c in at.caption)


def test_claims_ratio_jkk_jkm_and_withdrawals(env):
    at = open_page()
    # 2021, all segments -> BPU: Rp 45 juta incurred / 577,000 JKK + JKM contributions
    loss = metric(at, "Rasio klaim JKK+JKM, BPU, NTT")
    assert loss.value == "7.799,0%"
    assert loss.delta == "klaim terjadi Rp 45,0 juta · iuran Rp 577 ribu"
    assert metric(at, "Penarikan JHT/JP dibanding iuran, BPU, NTT").value == "869,3%"   # 600,000 / 69,018
    text = captions(at)
    assert "tanggal kecelakaan/meninggal untuk 1 klaim, tanggal pengajuan untuk 1" in text
    assert "bukan rasio klaim" in text and "relaksasi PP 49/2020" in text
    assert "rasio dihitung untuk BPU" in text
    rows = table(at, "loss").set_index("Kabupaten/Kota")
    assert rows.loc["Kota Kupang", "Rasio klaim JKK+JKM"] == "9.619,9%"   # 45,000,000 / 467,782
    assert rows.loc["Kota Kupang", "Iuran JHT/JP"] == "Rp 69.018"
    assert rows.loc["Kabupaten Timor Tengah Selatan", "Iuran JKK+JKM"] == "Rp 109.218"   # M8, estimated
    assert rows.loc["Kabupaten Kupang", "Rasio klaim JKK+JKM"] == "–"


def test_claims_ratio_follows_regency_and_segment(env):
    at = open_page()
    at.selectbox(key="claims_regency").set_value("53.71").run()
    assert metric(at, "Rasio klaim JKK+JKM, BPU, Kota Kupang").value == "9.619,9%"
    at.selectbox(key="claims_segment").set_value("PU").run()
    assert any("Iuran Penerima Upah hanya diketahui totalnya" in i.value for i in at.info)
    assert not [m for m in at.metric if m.label.startswith("Rasio klaim JKK+JKM")]


def test_no_unusual_months_among_few_claims(env):
    at = open_page(**{"from": "2019-01", "to": "2021-12"})
    assert "Tidak ada bulan yang tidak biasa dalam periode ini (0 seri-bulan dinilai)" in captions(at)


def test_processing_time(env):
    at = open_page(**{"from": "2020-01", "to": "2020-08"})
    rows = table(at, "processing").set_index("Program")
    assert rows.loc["JHT"].tolist() == ["7", "20", "60"]
    assert rows.loc["JKK"].tolist() == ["1", "13", "13"]


def test_regency_filter(env):
    at = open_page(**{"from": "2020-01", "to": "2020-08"})
    at.selectbox(key="claims_regency").set_value("53.71").run()
    assert metric(at, "Klaim dibayar").value == "Rp 5,0 juta"
    assert metric(at, "Kasus dibayar").value == "1"


def test_only_the_open_tab_is_built_and_the_address_says_which(env):
    """The closed tab's content is neither queried nor sent; ?tab=subsidies opens the other
    one and stays in the address."""
    at = open_page()
    titles = [s.value for s in at.subheader]
    assert any(s.startswith("Lama proses") for s in titles)
    assert not any("Bantuan Subsidi Upah" in s for s in titles)
    assert not any(m.label.startswith("Penerima") for m in at.metric)
    at = open_page(tab="subsidies")
    titles = [s.value for s in at.subheader]
    assert any("Bantuan Subsidi Upah" in s for s in titles)
    assert not any(s.startswith("Lama proses") for s in titles)
    assert not any(m.label.startswith("Klaim dibayar") for m in at.metric)
    assert at.query_params["tab"] == "subsidies"       # a click on a tab: tests/browser/test_claims_browser.py
    at = open_page(tab="nonsense")                     # a bad value: the default tab
    assert any(m.label.startswith("Klaim dibayar") for m in at.metric)


def test_subsidies_and_budget(env):
    at = open_page(tab="subsidies")
    assert metric(at, "Penerima · BSU 2020").value == "2"
    assert metric(at, "Penerima · BSU 2020").delta == "tahap 1: 2 · tahap 2: 1"
    assert metric(at, "Total disalurkan").value == "Rp 3,6 juta"
    reach = metric(at, "Peserta memenuhi syarat yang terjangkau")
    assert (reach.value, reach.delta) == ("50,0%", "1 dari 2 peserta")
    assert any("Juni 2020" in c.value for c in at.caption)
    budget = table(at, "budget")
    prov = budget[budget["Pembayar"] == "APBD Provinsi"].iloc[0]
    assert (prov["Pekerja"], prov["Pekerja-bulan"], prov["Iuran"], prov["Per pekerja-bulan"]) \
        == ("3", "36", "Rp 604.800", "Rp 16.800")
    assert metric(at, "Biaya per pekerja-bulan, 2021").value == "Rp 16.800"


def test_retention(env):
    at = open_page(tab="subsidies")
    rows = table(at, "retention").set_index("Pembayar")
    prov = rows.loc["APBD Provinsi"]
    assert (prov["Kohort"], prov["3 bulan kemudian"], prov["6 bulan kemudian"], prov["12 bulan kemudian"]) \
        == ("3", "33,3% (1)", "66,7% (2)", "belum teramati")
    with pytest.raises(AssertionError, match="0 tables"):      # folded: not built until opened
        table(at, "retention_regency")
    by_reg = table(unfold(at, "subs_retention_regency_open"), "retention_regency").set_index("Pembayar")
    # a cohort of 1 in the payer's only regency: it repeats the province row above, so it is shown
    assert by_reg.loc["APBDes / Dana Desa", "Kohort"] == "1"
    assert by_reg.loc["APBD Provinsi", "Kohort"] == "3"


def test_english(env):
    at = open_page(lang="en", **{"from": "2020-01", "to": "2020-08"})
    assert metric(at, "Claims paid, Jan 2020 – Aug 2020").value == "Rp 16.6 million"
    # BPU Jan-Aug 2020: Rp 5 juta / (M1 80,400 + M2-M4 3 x (200,170 + 286) + M5 96,000 + 960) = 642.1%
    assert metric(at, "JKK+JKM loss ratio, BPU, NTT").value == "642.1%"


def test_no_claims_loaded_says_what_to_do(monkeypatch, tmp_path):
    use_private_env(monkeypatch, tmp_path)
    load_quiet([FIXTURES / "mini" / "peserta.csv", FIXTURES / "mini" / "iuran.csv"], as_of="2024-06")
    at = open_page()
    assert not at.exception and not at.error
    assert "Belum ada data klaim yang dimuat." in [i.value for i in at.info]
    admin = next(e for e in at.expander if e.label == "Untuk administrator")   # the command, for the one who runs it
    assert any("python -m etl load" in m.value for m in admin.markdown)


def test_filters_mean_the_whole_page(env):
    """Every element follows the regency and segment chosen, or its title says it is
    province-wide or covers every segment."""
    at = open_page(**{"from": "2020-01", "to": "2020-08", "regency": "53.71", "segment": "BPU"})
    assert metric(at, "Klaim dibayar, Jan 2020 – Agu 2020").value == "Rp 5,0 juta"   # Kota Kupang's BPU JKK
    assert metric(at, "Kasus dibayar").value == "1"
    monthly = next(c for c in at.get("plotly_chart") if "per bulan" in c.proto.spec)
    assert '"JHT' not in monthly.proto.spec and '"JKK' in monthly.proto.spec   # TTS's JHT is not in it
    titles = [s.value for s in at.subheader]
    assert "Klaim dibanding iuran" in titles                               # follows both (issue 15's section)
    assert any(m.label == "Rasio klaim JKK+JKM, BPU, Kota Kupang" for m in at.metric)
    assert "Bulan yang tidak biasa (seluruh NTT, semua segmen)" in titles
    assert "Lama proses: dari pengajuan sampai pembayaran (semua segmen)" in titles      # follows the regency
    subsidies = open_page(**{"from": "2020-01", "to": "2020-08", "regency": "53.71", "segment": "BPU",
                             "tab": "subsidies"})
    assert "Bantuan Subsidi Upah (BSU) (seluruh NTT)" in [s.value for s in subsidies.subheader]
    assert any(e.label == "Klaim per kabupaten/kota (seluruh NTT)" for e in at.expander)
    rows = table(at, "processing").set_index("Program")
    assert list(rows.index) == ["JKK"]                                     # Kota Kupang's claims only


def test_without_filters_no_title_claims_a_scope(env):
    at = open_page(**{"from": "2020-01", "to": "2020-08"})
    assert not [s.value for s in at.subheader if "seluruh NTT" in s.value or "semua segmen" in s.value]


def test_jkk_causes_in_english(env):
    at = open_page(lang="en", **{"from": "2020-01", "to": "2021-12"})
    causes = next(c for c in at.get("plotly_chart") if "Work accident types" in c.proto.spec)
    assert "Traffic accident" in causes.proto.spec and "Fell from a tree" in causes.proto.spec
    assert "Kecelakaan lalu lintas" not in causes.proto.spec
