"""The headline and the regency table equal what an independent computation on
the RAW demo files gives: plain pandas and openpyxl here, none of the ETL's
parsers or marts. Strict rules: a row with a bad NIK, date, regency or segment
is dropped; the first of rows sharing an NIK is kept."""
import csv
import re
from datetime import date

import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook

from etl.settings import DATA

AS_OF = date(2026, 10, 1)
SEGMENTS = {"BPU": "BPU", "BUKAN PENERIMA UPAH": "BPU", "PU": "PU", "PENERIMA UPAH": "PU",
            "JAKON": "JAKON", "JASA KONSTRUKSI": "JAKON", "PMI": "PMI", "PEKERJA MIGRAN INDONESIA": "PMI"}


def regency_resolver():
    reg = pd.read_csv(DATA / "regencies.csv", dtype=str, keep_default_na=False)
    names = {}
    for r in reg.itertuples():
        spellings = {r.name, r.short_name, r.label, r.kemendagri_code, r.bps_code, *r.aliases.split("|")}
        if not r.name.startswith("Kota"):
            spellings |= {f"Kab. {r.short_name}", f"Kabupaten {r.short_name}"}
        for s in filter(None, spellings):
            names[s.strip().upper()] = r.kemendagri_code
    names.pop("KUPANG", None)  # ambiguous: Kabupaten or Kota
    return names


def parse_dmy(s):
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", str(s).strip())
    if not m:
        return None
    try:
        return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None


def parse_ym(s):
    s = str(s).strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})", s) or re.fullmatch(r"(\d{2})/(\d{4})", s)
    if not m:
        return None
    y, mo = (m[1], m[2]) if len(m[1]) == 4 else (m[2], m[1])
    return date(int(y), int(mo), 1) if 1 <= int(mo) <= 12 else None


def rupiah(s):
    digits = re.sub(r"[^\d-]", "", str(s).split(",")[0])
    return int(digits) if re.fullmatch(r"-?\d+", digits) else None


def read_table(path):
    if path.suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        sep = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
        rows = list(csv.reader(text.splitlines(), delimiter=sep))
    else:
        ws = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        rows = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
    head = next(i for i, r in enumerate(rows) if "NIK" in r)
    body = [r for r in rows[head + 1:] if any(str(c).strip() for c in r)]
    return pd.DataFrame(body, columns=rows[head])


def valid_nik(s):
    return re.fullmatch(r"\d{16}", str(s).strip()) is not None


def independent(raw):
    regs = regency_resolver()
    m = read_table(next(raw.glob("peserta_*.csv")))
    m["nik"] = m["NIK"].str.strip()
    m["reg"] = m["Kab/Kota"].str.strip().str.upper().map(regs)
    m["seg"] = m["Segmen"].str.strip().str.upper().map(SEGMENTS)
    m["registered"] = m["Tgl Kepesertaan"].map(parse_dmy)
    m["last_paid"] = m["BLTH Iuran Terakhir"].map(parse_ym) if "BLTH Iuran Terakhir" in m else None
    ok = m.nik.map(valid_nik) & m.reg.notna() & m.seg.notna() & m.registered.notna()
    m = m[ok].drop_duplicates("nik", keep="first")
    spells = []
    for f in sorted(raw.glob("iuran_*")):
        c = read_table(f)
        c = c[c["NIK"].map(valid_nik)]
        start, end = c["Periode Awal"].map(parse_ym), c["Periode Akhir"].map(parse_ym)
        amount = c["Jumlah Iuran"].map(rupiah)
        keep = start.notna() & end.notna() & amount.notna() & (amount >= 0) & (end >= start)
        spells.append(pd.DataFrame({"nik": c["NIK"][keep].str.strip(), "start": start[keep], "end": end[keep]}))
    sp = pd.concat(spells)
    covering = set(sp[(sp.start <= AS_OF) & (sp.end >= AS_OF)].nik)
    has_spells = set(sp.nik)
    month_reg = m.registered.map(lambda d: date(d.year, d.month, 1))
    fallback = ~m.nik.isin(has_spells) & m.last_paid.notna() & (m.last_paid >= AS_OF) if "last_paid" in m else False
    m["registered_now"] = month_reg <= AS_OF
    m["active_now"] = m.registered_now & (m.nik.isin(covering) | fallback)
    bpu = m[m.seg == "BPU"]
    return bpu.groupby("reg").agg(registered=("registered_now", "sum"), active=("active_now", "sum"))


@pytest.fixture(scope="module")
def both(demo_env):
    _, raw, wh = demo_env
    con = duckdb.connect(str(wh), read_only=True)
    marts = con.execute("""select regency_code, n_registered, n_active
                           from mart_regency_progress""").df().set_index("regency_code")
    headline = con.execute("""select n_active from mart_province_monthly
                              where month = (select as_of_month from int_as_of)""").fetchone()[0]
    con.close()
    return independent(raw), marts, headline


def test_headline_equals_raw_files(both):
    ind, _, headline = both
    assert headline > 0
    assert headline == int(ind.active.sum())


def test_regency_table_equals_raw_files(both):
    ind, marts, _ = both
    ind = ind.reindex(marts.index, fill_value=0)
    assert (marts.n_active == ind.active.astype(int)).all(), (marts.n_active - ind.active).to_dict()
    assert (marts.n_registered == ind.registered.astype(int)).all()


def test_demo_district_targets_follow_population_share(demo_env):
    """On the demo warehouse: every one of the 315 districts' target is within 1 of its
    regency's target x its share of the regency's 2010 population (computed here from the
    CSV, not by the ETL's split)."""
    with open(DATA / "district_population.csv", encoding="utf-8") as f:
        pop = {r["district_code"]: int(r["population_2010"]) for r in csv.DictReader(f)}
    con = duckdb.connect(str(demo_env[2]), read_only=True)
    rows = con.execute("""select d.area_code, d.regency_code, d.target, r.target
                          from mart_area_progress d
                          join mart_area_progress r on r.area_code = d.regency_code and r.level = 'regency'
                          where d.level = 'district'""").fetchall()
    con.close()
    assert len(rows) == len(pop) == 315
    regency_pop = {}
    for code, n in pop.items():
        regency_pop[code[:5]] = regency_pop.get(code[:5], 0) + n
    off = [(code, target, reg_target * pop[code] / regency_pop[reg])
           for code, reg, target, reg_target in rows
           if abs(target - reg_target * pop[code] / regency_pop[reg]) >= 1]
    assert off == []
    kupang = {code: target for code, _, target, _ in rows if code.startswith("53.71.")}
    assert kupang["53.71.04"] > kupang["53.71.06"] * 2    # Oebobo 79,726 vs Kota Lama 30,208
