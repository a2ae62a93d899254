"""The view in the address (ui/state.py): the regency and the language follow a person from
page to page and are in every page's address; every filter of a page is in its address; an
address set from outside (a link, Back/Forward) is what the page shows; a regency is named by
Kemendagri code, BPS code (through the reference table) or name, and an unknown one is said
and never replaced by another regency. AppTest on the claims fixture (as of Dec 2021)."""
import pytest

from geo import names
from geo.tiles import load_regencies
from tests.helpers import FIXTURES, loaded, open_app

CLAIMS = FIXTURES / "claims"
PAGES = ["pages/overview.py", "pages/regencies.py", "pages/sectors.py", "pages/tiers.py", "pages/claims.py",
         "pages/data_quality.py"]
REG = load_regencies()


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    files = [CLAIMS / "peserta.csv", CLAIMS / "iuran.csv", CLAIMS / "klaim.csv", CLAIMS / "bsu.csv"]
    with loaded(tmp_path_factory, "state", files, "2021-12", suppress_below=2) as wh:
        yield wh


# ---------------------------------------------------------------- naming a regency

@pytest.mark.parametrize("text, code", [
    ("53.18", "53.18"), ("5317", "53.18"),          # Sumba Barat Daya: Kemendagri 53.18 is BPS 5317
    ("5318", "53.16"),                              # BPS 5318 is Nagekeo (never "53.18" without its dot)
    ("5304", "53.02"), ("53.04", "53.04"),          # BPS 5304 is TTS; Kemendagri 53.04 is Belu
    ("5371", "53.71"), ("53.71", "53.71"),
    ("Sumba Barat Daya", "53.18"), ("sumba barat daya", "53.18"), ("  SUMBA   Barat  Daya ", "53.18"),
    ("SumbaBaratDaya", "53.18"), ("Sumba%20Barat%20Daya", "53.18"), ("Sumba+Barat+Daya", "53.18"),
    ("Kabupaten Sumba Barat Daya", "53.18"), ("Kab. Sumba Barat Daya", "53.18"), ("SBD", "53.18"),
    ("Kab. TTS", "53.02"), ("TIMOR TENGAH SELATAN", "53.02"), ("Mabar", "53.15"), ("Kota Kupang", "53.71"),
    ("Kab. Kupang", "53.01"), ("53", None), ("ntt", None), ("", None),
])
def test_resolve_regency(text, code):
    found = names.resolve(text, REG)
    assert (found.code, found.problem) == (code, None)


@pytest.mark.parametrize("text, problem", [("99.99", "unknown"), ("53.99", "unknown"), ("5399", "unknown"),
                                           ("Atlantis", "unknown"), ("5", "unknown"), ("Kupang", "ambiguous"),
                                           ("kupang", "ambiguous")])
def test_resolve_regency_problems(text, problem):
    found = names.resolve(text, REG)
    assert found.code is None and found.problem == problem
    if problem == "ambiguous":
        assert set(found.candidates) == {"53.01", "53.71"}


def test_every_bps_code_maps_by_the_table():
    for r in REG.itertuples():
        assert names.resolve(r.bps_code, REG).code == r.kemendagri_code
        assert names.resolve(r.kemendagri_code, REG).code == r.kemendagri_code
        assert names.resolve(r.name.upper(), REG).code == r.kemendagri_code


# ---------------------------------------------------------------- shared between pages

def links(at) -> dict[str, str]:
    return {p.proto.label: p.proto.query_string for p in at.get("page_link")}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_address_holds_language_and_regency(env, page):
    at = open_app(page, lang="en", regency="5317")
    assert not at.exception
    assert at.query_params["lang"] == "en" and at.query_params["regency"] == "53.18"
    assert set(links(at).values()) == {"lang=en&regency=53.18"}          # every link carries both
    assert at.title[0].value.isascii()


def test_regency_follows_from_page_to_page(env):
    at = open_app("pages/regencies.py", lang="en", regency="5317")
    assert at.selectbox(key="reg_regency").value == "53.18"
    for page, key in (("pages/tiers.py", "tier_regency"), ("pages/claims.py", "claims_regency"),
                      ("pages/sectors.py", "sec_scope")):
        at.switch_page(page).run()
        assert at.selectbox(key=key).value == "53.18", page
        assert (at.query_params["lang"], at.query_params["regency"]) == ("en", "53.18")
    at.selectbox(key="sec_scope").set_value("53.71").run()               # chosen on one page ...
    at.switch_page("pages/tiers.py").run()
    assert at.selectbox(key="tier_regency").value == "53.71"             # ... is the regency of the next
    at.selectbox(key="tier_regency").set_value("53").run()               # all of NTT again
    assert "regency" not in at.query_params
    at.switch_page("pages/regencies.py").run()
    assert at.selectbox(key="reg_regency").value == "53"


def test_language_switch_is_in_the_address_and_back_undoes_it(env):
    at = open_app("pages/tiers.py", lang="en")
    assert at.title[0].value == "Incentive tiers"
    at.segmented_control(key="lang_switch").set_value("id").run()
    assert at.title[0].value == "Peringkat Insentif" and at.query_params["lang"] == "id"
    at.query_params["lang"] = "en"                                        # Back: the address as it was
    at.run()
    assert at.title[0].value == "Incentive tiers"
    assert at.segmented_control(key="lang_switch").value == "en"
    at.switch_page("pages/overview.py").run()
    assert at.query_params["lang"] == "en" and at.title[0].value.startswith("Toward")


def test_back_to_an_address_with_another_regency(env):
    at = open_app("pages/claims.py", regency="53.02")
    at.selectbox(key="claims_regency").set_value("53.71").run()
    assert at.query_params["regency"] == "53.71"
    at.query_params["regency"] = "53.02"                                  # Back
    at.run()
    assert at.selectbox(key="claims_regency").value == "53.02"
    del at.query_params["regency"]                                        # Back again: no regency
    at.run()
    assert at.selectbox(key="claims_regency").value == "53"


@pytest.mark.parametrize("page", ["pages/tiers.py", "pages/claims.py", "pages/sectors.py"])
def test_unknown_regency_is_said_on_every_page(env, page):
    at = open_app(page, regency="99.99", lang="en")
    assert [w.value for w in at.warning][:1] == [
        "Regency “99.99” is not known, so all of NTT is shown. Write a Kemendagri code (53.18), a BPS code "
        "(5317) or a name (Sumba Barat Daya), or choose from the list."]
    assert "regency" not in at.query_params
    assert all(s.value == "53" for s in at.selectbox if s.key in ("tier_regency", "claims_regency", "sec_scope"))


# ---------------------------------------------------------------- a page's own filters

def test_claims_filters_in_the_address(env):
    at = open_app("pages/claims.py")
    at.button(key="claims_preset_article").click().run()
    at.selectbox(key="claims_segment").set_value("PU").run()
    at.segmented_control(key="claims_view").set_value("stack").run()
    assert dict(at.query_params) == {"lang": "id", "segment": "PU", "view": "stack", "from": "2020-01",
                                     "to": "2020-08"}
    copy = open_app("pages/claims.py", **dict(at.query_params))            # the copied address
    assert copy.selectbox(key="claims_segment").value == "PU"
    assert copy.segmented_control(key="claims_view").value == "stack"
    assert any(m.label == "Klaim dibayar, Jan 2020 – Agu 2020" for m in copy.metric)


def test_tier_filters_in_the_address(env):
    at = open_app("pages/tiers.py", regency="53.02")
    at.segmented_control(key="tier_area_level").set_value("village").run()
    at.text_input(key="tier_whatif_more").set_value("1.500").run()
    assert dict(at.query_params) == {"lang": "id", "regency": "53.02", "level": "village", "more": "1500"}
    copy = open_app("pages/tiers.py", **dict(at.query_params))
    assert copy.text_input(key="tier_whatif_more").value == "1.500"       # shown the page's way
    assert copy.segmented_control(key="tier_area_level").value == "village"


def test_regency_page_filters_in_the_address(env):
    at = open_app("pages/regencies.py", regency="53.02")
    at.radio(key="reg_map").set_value("geo").run()
    at.radio(key="reg_period").set_value("24").run()
    at.multiselect(key="reg_peers").set_value(["53.71"]).run()
    assert dict(at.query_params) == {"lang": "id", "regency": "53.02", "map": "geo", "period": "24",
                                     "peers": "53.71"}
    at.selectbox(key="reg_regency").set_value("53.20").run()             # a new regency: its own peers
    assert "peers" not in at.query_params and at.query_params["regency"] == "53.20"
