"""Data contracts: for each file kind, its fields, their types and the header
aliases that offices write. Declared once; the extractor, the validator, the
docs (docs/contracts.md) and the demo generator all read them from here.

A header is matched after normalisation (see `norm_header`): lower case, dots,
slashes, underscores and hyphens become spaces, spaces collapse.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    name: str
    type: str            # nik, date, month, money, int, regency, district, village,
                         # segment, programme, payer, occupation, text, pii (dropped)
    required: bool
    aliases: tuple[str, ...]
    help: str = ""


@dataclass(frozen=True)
class Contract:
    kind: str
    title: str
    fields: tuple[Field, ...]
    natural_key: tuple[str, ...]
    demo_headers: dict[str, str] = field(default_factory=dict)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def required(self) -> list[str]:
        return [f.name for f in self.fields if f.required]


def norm_header(h: object) -> str:
    s = str(h or "").replace("\ufeff", "").strip().lower()
    s = re.sub(r"[._/\\\-:()#\"]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


NIK = Field("nik", "nik", True, ("nik", "no ktp", "nomor ktp", "no nik", "nomor nik", "ktp",
                                  "nomor induk kependudukan", "nik peserta", "nik penerima"),
            "16-digit national ID; pseudonymised at ingestion, never stored")
REGENCY = Field("regency", "regency", True, ("kab kota", "kabupaten", "kode kab", "kabupaten kota",
                                              "kode kabupaten", "kode kab kota", "kode wilayah", "regency",
                                              "kab", "kota kabupaten", "nama kabupaten", "wilayah",
                                              "kode bps", "kode kemendagri", "kabupaten kota domisili"),
                "BPS code (5301), Kemendagri code (53.01), official name or alias")
PII = (Field("name", "pii", False, ("nama", "nama peserta", "nama lengkap", "name", "nama tenaga kerja",
                                    "nama penerima")),
       Field("address", "pii", False, ("alamat", "alamat domisili", "address", "alamat lengkap")),
       Field("phone", "pii", False, ("no hp", "nomor hp", "telepon", "no telp", "hp", "phone", "no handphone")),
       Field("kpj", "pii", False, ("kpj", "no kpj", "nomor kpj", "nomor peserta", "no peserta")),
       Field("birth_date", "pii", False, ("tgl lahir", "tanggal lahir", "tempat tgl lahir", "ttl")))
PAYER = Field("payer", "payer", False, ("sumber iuran", "pembayar", "sumber dana", "payer",
                                         "pembayar iuran", "sumber pembiayaan"),
              "mandiri, pemberi kerja, APBD Provinsi, APBD Kab/Kota, APBDes/Dana Desa, CSR")

CONTRACTS: dict[str, Contract] = {c.kind: c for c in [
    Contract(
        "members", "Daftar peserta (member list)",
        (NIK,
         Field("registered_date", "date", True, ("tgl kepesertaan", "tanggal kepesertaan", "tanggal daftar",
                                                   "tgl daftar", "tgl registrasi", "tanggal registrasi",
                                                   "registered date", "tanggal terdaftar", "tmt kepesertaan",
                                                   "tgl kepesertaan awal")),
         REGENCY,
         Field("district", "district", False, ("kecamatan", "kode kecamatan", "kec", "nama kecamatan")),
         Field("village", "village", False, ("desa", "desa kelurahan", "kelurahan", "kode desa",
                                             "nama desa", "kelurahan desa", "kode kelurahan")),
         Field("segment", "segment", True, ("segmen", "segmen kepesertaan", "kategori peserta", "segment",
                                            "jenis kepesertaan", "kategori")),
         Field("occupation", "occupation", False, ("pekerjaan", "jenis pekerjaan", "sektor", "profesi",
                                                   "occupation", "jenis usaha", "lapangan usaha")),
         PAYER,
         Field("last_paid_month", "month", False, ("blth iuran terakhir", "iuran terakhir",
                                                    "bulan iuran terakhir", "last paid month",
                                                    "blth terakhir", "iuran terakhir blth")),
         Field("declared_income_rp", "money", False, ("upah", "penghasilan", "upah dilaporkan",
                                                      "penghasilan dilaporkan", "upah penghasilan",
                                                      "declared income")),
         Field("programmes", "text", False, ("program", "program diikuti", "programs", "program jaminan")),
         *PII),
        ("nik",),
        {"nik": "NIK", "name": "Nama Peserta", "registered_date": "Tgl Kepesertaan",
         "regency": "Kab/Kota", "district": "Kecamatan", "village": "Desa/Kelurahan",
         "segment": "Segmen", "occupation": "Pekerjaan", "payer": "Sumber Iuran",
         "last_paid_month": "BLTH Iuran Terakhir", "declared_income_rp": "Upah Dilaporkan",
         "programmes": "Program"}),
    Contract(
        "contributions", "Iuran dibayar (contributions, incl. budget-paid lists)",
        (NIK,
         Field("period_start", "month", True, ("periode awal", "blth", "bulan iuran", "blth iuran",
                                                "masa iuran awal", "periode iuran", "blth awal", "dari blth")),
         Field("period_end", "month", False, ("periode akhir", "sampai blth", "masa iuran akhir",
                                              "blth akhir", "s d blth", "hingga blth")),
         Field("amount_rp", "money", True, ("jumlah iuran", "nominal", "jumlah bayar", "iuran",
                                            "nominal iuran", "total iuran", "jumlah")),
         PAYER,
         Field("regency", "regency", False, REGENCY.aliases),
         Field("programmes", "text", False, ("program", "program diikuti")),
         *PII),
        ("nik", "period_start", "period_end", "payer"),
        {"nik": "NIK", "name": "Nama", "period_start": "Periode Awal", "period_end": "Periode Akhir",
         "amount_rp": "Jumlah Iuran", "payer": "Sumber Iuran", "regency": "Kab/Kota",
         "programmes": "Program"}),
    Contract(
        "claims", "Klaim dibayar (claims paid)",
        (Field("claim_id", "text", True, ("no klaim", "nomor klaim", "id klaim", "no penetapan",
                                          "nomor penetapan", "claim id", "no klaim jaminan")),
         NIK,
         Field("programme", "programme", True, ("program", "jenis klaim", "program klaim", "jenis program",
                                                 "programme")),
         Field("filed_date", "date", False, ("tgl pengajuan", "tanggal pengajuan", "tgl klaim",
                                             "tanggal klaim", "filed date", "tgl lapor")),
         Field("paid_date", "date", True, ("tgl bayar", "tanggal bayar", "tgl pembayaran",
                                           "tanggal pembayaran", "paid date", "tgl penetapan")),
         Field("incident_date", "date", False, ("tgl kejadian", "tanggal kejadian", "tgl kecelakaan",
                                                "tanggal kecelakaan", "tgl meninggal", "tanggal meninggal",
                                                "incident date"),
               "date of the accident (JKK) or death (JKM): dates claims incurred"),
         Field("amount_rp", "money", True, ("nominal", "jumlah bayar", "jumlah klaim", "nilai klaim",
                                            "manfaat", "nominal klaim", "jumlah manfaat")),
         REGENCY,
         Field("segment", "segment", False, ("segmen", "segmen kepesertaan", "segment")),
         Field("cause", "text", False, ("sebab klaim", "penyebab", "jenis kasus", "sebab", "cause",
                                        "tipe kasus")),
         *PII),
        ("claim_id",),
        {"claim_id": "No. Klaim", "nik": "NIK", "name": "Nama", "programme": "Program",
         "filed_date": "Tgl Pengajuan", "paid_date": "Tgl Bayar", "incident_date": "Tgl Kejadian",
         "amount_rp": "Nominal", "regency": "Kab/Kota", "segment": "Segmen", "cause": "Sebab Klaim"}),
    Contract(
        "subsidies", "Penerima subsidi upah (BSU recipients)",
        (NIK,
         Field("scheme", "text", False, ("program", "jenis bantuan", "skema", "program bantuan", "scheme")),
         Field("tranche", "int", True, ("tahap", "termin", "gelombang", "tranche", "tahap penyaluran")),
         Field("paid_date", "date", True, ("tgl salur", "tanggal penyaluran", "tgl cair", "tanggal salur",
                                           "tgl penyaluran", "paid date")),
         Field("amount_rp", "money", True, ("nominal", "jumlah", "nilai bsu", "jumlah bantuan", "nilai")),
         REGENCY,
         *PII),
        ("nik", "scheme", "tranche"),
        {"nik": "NIK", "name": "Nama Penerima", "scheme": "Program", "tranche": "Tahap",
         "paid_date": "Tgl Salur", "amount_rp": "Nominal", "regency": "Kab/Kota"}),
]}


def alias_index(contract: Contract) -> dict[str, str]:
    """normalised header -> field name, including the field names themselves."""
    idx = {}
    for f in contract.fields:
        for a in (f.name, *f.aliases):
            idx.setdefault(norm_header(a), f.name)
    return idx
