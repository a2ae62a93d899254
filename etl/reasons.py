"""The catalogue of reason codes (why a row was quarantined) and issue codes
(a loaded row with a note): the warehouse keeps a code and its parameters
(JSON, values masked), and this module renders them in Indonesian (default)
or English. The CLI summary and the data-quality page read their words here.

render(code, params, lang) -> str; title(code, lang) -> str.
"""
from __future__ import annotations

import json

from etl.contracts import CONTRACTS

LANGS = ("id", "en")

FIELDS = {
    "nik": ("NIK", "NIK"), "registered_date": ("Tanggal kepesertaan", "Registration date"),
    "regency": ("Kabupaten/kota", "Regency"), "district": ("Kecamatan", "District"),
    "village": ("Desa/kelurahan", "Village"), "segment": ("Segmen kepesertaan", "Segment"),
    "occupation": ("Pekerjaan", "Occupation"), "payer": ("Sumber iuran", "Payer"),
    "last_paid_month": ("Bulan iuran terakhir", "Last paid month"),
    "declared_income_rp": ("Upah yang dilaporkan", "Declared income"), "programmes": ("Program", "Programmes"),
    "period_start": ("Periode awal iuran", "Contribution start month"),
    "period_end": ("Periode akhir iuran", "Contribution end month"), "amount_rp": ("Nominal", "Amount"),
    "claim_id": ("Nomor klaim", "Claim number"), "programme": ("Program jaminan", "Programme"),
    "filed_date": ("Tanggal pengajuan", "Filing date"), "paid_date": ("Tanggal pembayaran", "Payment date"),
    "incident_date": ("Tanggal kejadian (kecelakaan/meninggal)", "Incident (accident/death) date"),
    "cause": ("Sebab klaim", "Cause"), "scheme": ("Skema bantuan", "Scheme"), "tranche": ("Tahap penyaluran", "Tranche"),
}
EXPECT = {"date": ("tulis seperti 14/08/2020, 2020-08-14 atau 14 Agustus 2020",
                   "write it like 14/08/2020, 2020-08-14 or 14 Agustus 2020"),
          "month": ("tulis seperti 08/2020, 2020-08 atau Agustus 2020", "write it like 08/2020, 2020-08 or Agustus 2020"),
          "money": ("tulis seperti Rp 1.234.567 atau 1234567", "write it like Rp 1.234.567 or 1234567"),
          "int": ("tulis bilangan bulat 1 atau lebih", "write a whole number, 1 or more")}

# code -> {lang: (title, sentence)}; a sentence's {names} are the code's parameters
CODES: dict[str, dict[str, tuple[str, str]]] = {
    "NIK_MISSING": {"id": ("NIK kosong", "NIK kosong"), "en": ("NIK missing", "the NIK is empty")},
    "NIK_EXCEL_SCIENTIFIC": {
        "id": ("NIK rusak oleh Excel (notasi ilmiah, digit hilang)",
               "NIK '{value}' dalam notasi ilmiah: Excel menyimpannya sebagai angka dan digitnya hilang; "
               "format kolom NIK sebagai Teks lalu ekspor ulang"),
        "en": ("NIK mangled by Excel (scientific notation, digits lost)",
               "NIK '{value}' is in scientific notation: Excel stored it as a number and lost digits; "
               "format the NIK column as Text and export again")},
    "NIK_EXCEL_NUMBER": {
        "id": ("NIK disimpan Excel sebagai angka (hanya 15 digit bermakna)",
               "sel NIK '{value}' bertipe angka: Excel hanya menyimpan 15 digit bermakna, jadi digitnya tidak "
               "dapat dipercaya; format kolom NIK sebagai Teks dan isi ulang dari dokumen sumber"),
        "en": ("NIK stored by Excel as a number (15 significant digits only)",
               "the NIK cell '{value}' is a number: Excel keeps 15 significant digits, so its digits cannot be "
               "trusted; format the NIK column as Text and re-enter it from the source document")},
    "NIK_NOT_DIGITS": {"id": ("NIK memuat karakter selain angka", "NIK '{value}' memuat karakter selain angka"),
                       "en": ("NIK contains non-digits", "NIK '{value}' holds characters other than digits")},
    "NIK_TOO_SHORT": {"id": ("NIK kurang dari 16 digit", "NIK '{value}' kurang dari 16 digit"),
                      "en": ("NIK shorter than 16 digits", "NIK '{value}' has fewer than 16 digits")},
    "NIK_TOO_LONG": {"id": ("NIK lebih dari 16 digit", "NIK '{value}' lebih dari 16 digit"),
                     "en": ("NIK longer than 16 digits", "NIK '{value}' has more than 16 digits")},
    "REGENCY_UNKNOWN": {
        "id": ("Kabupaten/kota tidak dikenal (bukan wilayah NTT)",
               "'{value}' bukan kabupaten/kota NTT (kode BPS, kode Kemendagri atau nama)"),
        "en": ("Unknown regency (not in NTT)", "'{value}' is not an NTT regency (BPS code, Kemendagri code or name)")},
    "REGENCY_AMBIGUOUS": {
        "id": ("Kabupaten/kota ambigu (Kabupaten atau Kota Kupang)",
               "'{value}' bisa Kabupaten Kupang atau Kota Kupang: tulis Kab. Kupang, Kota Kupang atau kodenya"),
        "en": ("Ambiguous regency (Kupang regency or Kupang city)",
               "'{value}' may be Kabupaten Kupang or Kota Kupang: write Kab. Kupang, Kota Kupang or a code")},
    "SEGMENT_UNKNOWN": {"id": ("Segmen kepesertaan tidak dikenal", "segmen '{value}' tidak dikenal"),
                        "en": ("Unknown segment", "segment '{value}' is not BPU, PU, Jakon or PMI")},
    "PAYER_UNKNOWN": {"id": ("Sumber iuran tidak dikenal", "sumber iuran '{value}' tidak dikenal"),
                      "en": ("Unknown payer", "payer '{value}' is not a known payer")},
    "PROGRAMME_UNKNOWN": {"id": ("Program jaminan tidak dikenal", "program '{value}' bukan JKK, JKM, JHT atau JP"),
                          "en": ("Unknown programme", "programme '{value}' is not JKK, JKM, JHT or JP")},
    "AMOUNT_NEGATIVE": {"id": ("Nominal bernilai negatif", "{field} bernilai negatif ({value})"),
                        "en": ("Negative amount", "{field} is negative ({value})")},
    "DATE_IN_FUTURE": {"id": ("Tanggal kepesertaan di masa mendatang", "{field} {value} ada di masa mendatang"),
                       "en": ("Registration date in the future", "{field} {value} is in the future")},
    "DATE_AFTER_AS_OF": {
        "id": ("Tanggal sesudah bulan data berkas", "{field} {value} sesudah bulan data berkas ({as_of}) ditambah satu bulan"),
        "en": ("Date after the file's as-of month", "{field} {value} is after the file's as-of month ({as_of}) plus one month")},
    "PERIOD_INVALID": {"id": ("Periode iuran berakhir sebelum dimulai", "periode berakhir ({end}) sebelum dimulai ({start})"),
                       "en": ("Contribution period ends before it starts", "the period ends ({end}) before it starts ({start})")},
    "DATES_INCONSISTENT": {"id": ("Klaim dibayar sebelum diajukan", "dibayar {paid} sebelum diajukan {filed}"),
                           "en": ("Claim paid before it was filed", "paid {paid} before filed {filed}")},
    "TRANCHE_INVALID": {"id": ("Tahap penyaluran tidak valid", "tahap '{value}' bukan bilangan bulat 1 atau lebih"),
                        "en": ("Invalid tranche", "tranche '{value}' is not a whole number of 1 or more")},
    "CONTRIBUTION_ABOVE_CEILING": {
        "id": ("Iuran per bulan di atas batas wajar", "iuran Rp {value} per bulan ({months} bulan) melebihi batas Rp {ceiling}"),
        "en": ("Contribution per month above the ceiling",
               "a contribution of Rp {value} per month ({months} months) is above the ceiling of Rp {ceiling}")},
    "CLAIM_ABOVE_CEILING": {"id": ("Klaim di atas batas wajar", "klaim Rp {value} melebihi batas Rp {ceiling}"),
                            "en": ("Claim above the ceiling", "a claim of Rp {value} is above the ceiling of Rp {ceiling}")},
    "DUPLICATE_ROW": {"id": ("Baris ganda dalam berkas yang sama", "sama dengan baris {row}"),
                      "en": ("Duplicate row in the same file", "same as row {row}")},
    "DUPLICATE_CONFLICT": {"id": ("Kunci ganda dalam berkas dengan isi berbeda", "kunci sama dengan baris {row}, isi berbeda"),
                           "en": ("Same key twice in a file with different values",
                                  "same key as row {row} with different values")},
    "DUPLICATE_LOADED": {"id": ("Sudah dimuat dari berkas sebelumnya", "sudah dimuat (pemuatan {load_id}, baris {row})"),
                         "en": ("Already loaded from an earlier file", "already loaded (load {load_id}, row {row})")},
    "CONFLICT_LOADED": {"id": ("Sudah dimuat sebelumnya dengan nominal berbeda",
                               "kunci sama sudah dimuat (pemuatan {load_id}, baris {row}) dengan nominal Rp {value}"),
                        "en": ("Loaded before with a different amount",
                               "same key loaded before (load {load_id}, row {row}) with amount Rp {value}")},
    "SUPERSEDED": {"id": ("Digantikan daftar peserta yang lebih baru",
                          "daftar peserta yang lebih baru (pemuatan {load_id}, per {as_of}) sudah memuat peserta ini"),
                   "en": ("Superseded by a newer member list",
                          "a newer member list (load {load_id}, as of {as_of}) already holds this member")},
    # --- issues: loaded, with a note
    "NIK_OUTSIDE_NTT": {"id": ("NIK terdaftar di luar Provinsi NTT", "wilayah NIK {region} di luar NTT (provinsi 53)"),
                        "en": ("NIK registered outside NTT province", "NIK region {region} is outside NTT (province 53)")},
    "OCCUPATION_FALLBACK": {"id": ("Pekerjaan tidak terpetakan (masuk sektor lainnya)",
                                   "pekerjaan '{value}' dipetakan ke sektor lainnya"),
                            "en": ("Occupation not mapped (sector: other)", "occupation '{value}' mapped to lainnya")},
    "DISTRICT_UNKNOWN": {"id": ("Kecamatan tidak ditemukan di kabupaten/kota tersebut",
                                "kecamatan '{value}' tidak ditemukan di kabupaten/kota {regency}"),
                         "en": ("District not found in the regency", "district '{value}' not found in regency {regency}")},
    "VILLAGE_UNKNOWN": {"id": ("Desa/kelurahan tidak ditemukan atau tidak unik",
                               "desa '{value}' tidak ditemukan (atau tidak unik) di kabupaten/kota {regency}"),
                        "en": ("Village not found or not unique", "village '{value}' not found (or not unique) in regency {regency}")},
    "JKM_AMOUNT_UNUSUAL": {
        "id": ("Klaim JKM tidak sesuai manfaat yang diatur",
               "klaim JKM Rp {value} tidak sama dengan manfaat yang diatur untuk {date} (Rp {regulated})"),
        "en": ("JKM claim unlike the regulated benefit",
               "a JKM claim of Rp {value} matches no regulated benefit for {date} (Rp {regulated})")},
}
CONFLICT = {"REGENCY": ("Kabupaten/kota", "regency"), "SEGMENT": ("Segmen", "segment"),
            "REGISTERED": ("Tanggal kepesertaan", "registration date")}
for _c, (_id, _en) in CONFLICT.items():
    CODES[f"MEMBER_CONFLICT_{_c}"] = {
        "id": (f"{_id} peserta berbeda antar-berkas",
               "NIK {nik}: {value} di berkas ini, {other_value} di pemuatan {other_load_id}; dipakai: {kept} ({decided_by})"),
        "en": (f"Member's {_en} differs between files",
               "NIK {nik}: {value} in this file, {other_value} in load {other_load_id}; kept: {kept} ({decided_by})")}
WORDS = {"this": ("berkas ini", "this file"), "other": ("yang sudah dimuat", "the loaded one"),
         "NEWER_AS_OF": ("bulan data lebih baru", "newer as-of month"),
         "LATER_LOAD": ("bulan data sama, pemuatan terakhir", "same as-of month, later load")}


def field_codes() -> dict[str, tuple[str, str]]:
    """<FIELD>_MISSING for required fields, <FIELD>_INVALID for parsed ones -> (field, kind of code)."""
    out = {}
    for c in CONTRACTS.values():
        for f in c.fields:
            if f.required and f.type != "nik":
                out[f.name.upper() + "_MISSING"] = (f.name, "missing")
            if f.type in EXPECT:
                out[f.name.upper() + "_INVALID"] = (f.name, "invalid")
    return out


def entry(code: str, lang: str) -> tuple[str, str]:
    if code in CODES:
        return CODES[code][lang]
    name, what = field_codes().get(code, (None, None))
    if name is None:
        return code, code
    label = FIELDS.get(name, (name, name))[LANGS.index(lang)]
    if what == "missing":
        return (f"{label} kosong", f"{label} kosong") if lang == "id" else (f"{label} missing", f"{label} is empty")
    ftype = next(f.type for c in CONTRACTS.values() for f in c.fields if f.name == name)
    expect = EXPECT[ftype][LANGS.index(lang)]
    return ((f"{label} tidak terbaca", f"{label} '{{value}}' tidak terbaca: {expect}") if lang == "id"
            else (f"{label} unreadable", f"{label} '{{value}}' cannot be read: {expect}"))


class _Params(dict):
    def __missing__(self, key):
        return "?"


def number(v, lang: str) -> str:
    s = f"{v:,}"
    return s.replace(",", ".") if lang == "id" else s


def shown(key: str, v, lang: str) -> str:
    if key == "field":
        return FIELDS.get(v, (v, v))[LANGS.index(lang)]
    if key in ("kept", "decided_by"):
        return WORDS.get(v, (v, v))[LANGS.index(lang)]
    if isinstance(v, int) and key in ("value", "ceiling", "regulated", "other_value"):
        return number(v, lang)
    return "" if v is None else str(v)


def title(code: str, lang: str = "id") -> str:
    return entry(code, lang if lang in LANGS else "id")[0]


CLI = {
    "cols": {"id": "{:<40} {:<14} {:>10} {:>10} {:>9} {:>8}".format(
                 "berkas", "jenis", "dibaca", "dimuat", "karantina", "catatan"),
             "en": "{:<40} {:<14} {:>10} {:>10} {:>9} {:>8}".format(
                 "file", "kind", "read", "loaded", "quarant.", "flagged")},
    "skipped": {"id": "dilewati", "en": "skipped"},
    "quarantined": {"id": "dikarantina", "en": "quarantined"},
    "flagged": {"id": "dengan catatan", "en": "flagged"},
    "as_of": {"id": "bulan data {month} (aturan: {rule})", "en": "as of {month} (rule: {rule})"},
    "note": {"id": "catatan", "en": "note"},
    "dry_run": {"id": "uji coba (dry run): tidak ada yang ditulis.", "en": "dry run: nothing was written."},
    "published": {"id": "diterbitkan: {path}", "en": "published {path}"},
}


def cli(key: str, lang: str = "id", **kw) -> str:
    return CLI[key][lang if lang in LANGS else "id"].format(**kw)


def render(code: str, params, lang: str = "id") -> str:
    """The sentence of a code with its parameters (a dict or its JSON text)."""
    lang = lang if lang in LANGS else "id"
    if isinstance(params, str):
        params = json.loads(params or "{}")
    values = _Params({k: shown(k, v, lang) for k, v in (params or {}).items()})
    return entry(code, lang)[1].format_map(values)


def all_codes() -> list[str]:
    return sorted({*CODES, *field_codes()})
