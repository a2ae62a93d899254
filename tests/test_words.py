"""Consistent arithmetic and words on screen: one rounding rule for attainment (cut, never
rounded up, so a shown figure never claims a tier that is not reached), the what-if reads
the same rule and clears its result on bad input, "beyond the horizon" is one phrase, a
number is typed the page's way, claim causes are in the page's language."""
import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.warehouse import SQL
from tests.helpers import open_app, tiers_loaded
from ui import fmt, words
from ui.i18n import CATALOGUE

TIERS = [(0, 0.0), (1, 10.0), (2, 25.0), (3, 50.0), (4, 75.0), (5, 100.0)]


@pytest.fixture(scope="module")
def rules():
    con = duckdb.connect()
    con.execute("create table cfg_tiers as select * from (values " +
                ", ".join(f"({t}, {p})" for t, p in TIERS) + ") v(tier, min_pct)")
    for name in ("rule_progress.sql", "rule_tier.sql", "rule_pace.sql"):
        con.execute((SQL / "rules" / name).read_text())
    yield con
    con.close()


@settings(max_examples=400, deadline=None)
@given(target=st.integers(1, 2_000_000), share=st.floats(0, 1.2), jitter=st.integers(-3, 3))
def test_shown_attainment_never_claims_an_unreached_tier(rules, target, share, jitter):
    n = max(int(share * target) + jitter, 0)
    pct, tier = rules.execute("select attainment_pct($n, $t), tier_of($n, $t)", {"n": n, "t": target}).fetchone()
    shown = float(fmt.pct_cut(pct, 1, "id").rstrip("%").replace(".", "").replace(",", "."))
    for t, min_pct in TIERS:
        reached = tier >= t
        assert (shown >= min_pct) <= reached, (n, target, pct, shown, tier)   # a shown 50,0% has reached 50%


def test_horizon_is_the_rule_s(rules):
    assert rules.execute("select horizon_months()").fetchone()[0] == 12 * words.HORIZON_YEARS


@pytest.mark.parametrize("eta, pace, lang, expected", [
    ("2031-05-01", 120.0, "id", "Mei 2031"), ("2031-05-01", 120.0, "en", "May 2031"),
    (None, 0.3, "id", "Lebih dari 50 tahun lagi"), (None, 0.3, "en", "More than 50 years away"),
    (None, 0.0, "id", "Tidak tercapai"), (None, -4.0, "en", "Not reached"), (None, None, "id", "Tidak tercapai"),
])
def test_eta_text(eta, pace, lang, expected):
    assert words.eta_text(eta, pace, lang) == expected


def test_beyond_the_horizon_is_one_phrase():
    """No other catalogue entry says it its own way ("> 50 tahun", "not reached at this pace")."""
    for key, entry in CATALOGUE.items():
        if key not in ("pace.beyond_horizon", "pace.never"):
            assert "50 tahun" not in entry["id"] and "50 years" not in entry["en"], key
            assert "tidak tercapai" not in entry["id"].lower() or key.startswith("tier.whatif"), key


@pytest.mark.parametrize("text, lang, expected", [
    ("14.845", "id", 14845), ("14845", "id", 14845), ("14 845", "id", 14845), ("1.000.000", "id", 1_000_000),
    ("14,845", "en", 14845), ("0", "en", 0), ("+25", "id", 25),
])
def test_parse_whole(text, lang, expected):
    assert fmt.parse_whole(text, lang) == expected


@pytest.mark.parametrize("text, lang, why", [
    ("14,845", "id", "fraction"), ("14.5", "en", "fraction"), ("1.23", "id", "not_number"), ("abc", "id", "not_number"),
    ("", "id", "empty"), ("   ", "en", "empty"), ("-5", "id", "negative"), ("20.000.000", "id", "too_large"),
    ("14.845", "en", "fraction"),
])
def test_parse_whole_refuses(text, lang, why):
    with pytest.raises(fmt.NotWhole) as e:
        fmt.parse_whole(text, lang)
    assert e.value.args[0] == why


@pytest.mark.parametrize("text, lang, expected", [
    ("Kecelakaan lalu lintas", "en", "Traffic accident"), ("Kecelakaan lalu lintas", "id", "Kecelakaan lalu lintas"),
    ("Diseruduk ternak", "en", "Attacked by livestock"), (None, "en", "Cause not recorded"),
    ("", "id", "Sebab tidak tercatat"), ("Digigit ular di kebun", "en", "Digigit ular di kebun"),   # free text as written
])
def test_cause(text, lang, expected):
    assert words.cause(text, lang) == expected


def test_every_demo_cause_has_english():
    from etl.demo import facts
    assert set(facts.JKK_CAUSES) <= set(words.CAUSES_EN)


# ---------------------------------------------------------------- the what-if on the page

@pytest.fixture(scope="module")
def env(tmp_path_factory):
    with tiers_loaded(tmp_path_factory, "whatif", suppress_below=0) as wh:
        yield wh


def whatif(at):
    return [m for m in at.metric if " jika " in m.label or " if " in m.label]


@pytest.mark.parametrize("typed, lang, tier, detail", [
    ("1", "id", "Emas", "3 peserta aktif, capaian 75,0% (sekarang: Perak)"),        # TTS 2 of 4 -> exactly 75%
    ("0", "id", "Perak", "2 peserta aktif, capaian 50,0% (sekarang: Perak)"),
    ("1", "en", "Gold", "3 active members, 75.0% attained (now: Silver)"),
])
def test_what_if_reads_the_rule(env, typed, lang, tier, detail):
    at = open_app("pages/tiers.py", lang=lang, regency="53.02")
    at.text_input(key="tier_whatif_more").set_value(typed).run()
    (m,) = whatif(at)
    assert (m.value, m.delta) == (tier, detail)


@pytest.mark.parametrize("typed, says", [("14,5", "bukan bilangan bulat"), ("abc", "bukan bilangan bulat"),
                                         ("-3", "kurang dari nol"), ("", "Isikan jumlah")])
def test_bad_what_if_clears_the_result_and_says_why(env, typed, says):
    at = open_app("pages/tiers.py", regency="53.02")
    assert whatif(at)                                                     # a result for the default 100
    at.text_input(key="tier_whatif_more").set_value(typed).run()
    assert not whatif(at)                                                 # no old result left on screen
    assert any(says in w.value for w in at.warning)
