"""Rebuild data/regencies.csv from ../shared/reference/ntt_regencies.csv.

Run once by hand when the reference changes: python data/sources/derive_regencies.py
The informal-workforce estimate is derived, not quoted (see data/SOURCES.md):
  employed_r  = 3,020,000 x population_2024_r / population_2024_total   (Sakernas Aug 2024)
  informal_r  = employed_r x share_r, Kota Kupang share 35% (assumed: the formal hub,
                highest TPT and lowest TPAK in 2018), every other regency the one
                share that makes the province total 73.3% (Aug 2024: formal 26.68%)
  rounded by largest remainder so the 22 parts sum to the province total.
"""
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT.parent / "shared" / "reference" / "ntt_regencies.csv"
EMPLOYED, INFORMAL_SHARE, CITY_SHARE = 3_020_000, 0.733, 0.35
ISLAND = {"53.01": "Timor", "53.02": "Timor", "53.03": "Timor", "53.04": "Timor",
          "53.05": "Alor", "53.06": "Flores", "53.07": "Flores", "53.08": "Flores",
          "53.09": "Flores", "53.10": "Flores", "53.11": "Sumba", "53.12": "Sumba",
          "53.13": "Lembata", "53.14": "Rote", "53.15": "Flores", "53.16": "Flores",
          "53.17": "Sumba", "53.18": "Sumba", "53.19": "Flores", "53.20": "Sabu",
          "53.21": "Timor", "53.71": "Timor"}
GROUP = {"Timor": "Timor-Alor-Rote-Sabu", "Alor": "Timor-Alor-Rote-Sabu",
         "Rote": "Timor-Alor-Rote-Sabu", "Sabu": "Timor-Alor-Rote-Sabu",
         "Flores": "Flores-Lembata", "Lembata": "Flores-Lembata", "Sumba": "Sumba"}
LABEL = {"53.01": "Kab. Kupang", "53.02": "TTS", "53.03": "TTU", "53.18": "SBD",
         "53.15": "Manggarai Barat", "53.71": "Kota Kupang"}
ALIASES = {"53.01": "Kab. Kupang|Kabupaten Kupang|Kupang Kab", "53.02": "TTS|Timor Tengah Selatan",
           "53.03": "TTU|Timor Tengah Utara", "53.06": "Flotim", "53.11": "Sumtim",
           "53.12": "Sumbar", "53.14": "Rote|Roti", "53.15": "Mabar", "53.17": "Sumteng",
           "53.18": "SBD", "53.19": "Matim", "53.20": "Sabu|Savu|Raijua",
           "53.71": "Kota Kupang|Kupang Kota|Kodya Kupang|Kotamadya Kupang"}


def largest_remainder(weights, total):
    raw = [w * total / sum(weights) for w in weights]
    parts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def main():
    rows = list(csv.DictReader(SRC.open(encoding="utf-8")))
    pop = [int(r["population_latest"]) for r in rows]
    city = [r["kemendagri_code"] == "53.71" for r in rows]
    employed = [EMPLOYED * p / sum(pop) for p in pop]
    informal_total = round(EMPLOYED * INFORMAL_SHARE)
    city_informal = sum(e * CITY_SHARE for e, c in zip(employed, city) if c)
    rural_share = (informal_total - city_informal) / sum(e for e, c in zip(employed, city) if not c)
    weights = [e * (CITY_SHARE if c else rural_share) for e, c in zip(employed, city)]
    informal = largest_remainder(weights, informal_total)
    out = ROOT / "data" / "regencies.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kemendagri_code", "bps_code", "name", "short_name", "label", "island",
                    "island_group", "capital", "area_km2", "population_2020",
                    "population_2024", "informal_workforce_est", "aliases"])
        for r, inf in sorted(zip(rows, informal), key=lambda t: t[0]["kemendagri_code"]):
            k = r["kemendagri_code"]
            short = "Kota Kupang" if k == "53.71" else r["short_name"]
            w.writerow([k, r["bps_code"], r["name"], short, LABEL.get(k, short), ISLAND[k],
                        GROUP[ISLAND[k]], r["capital"], r["area_km2"], r["population_2020"],
                        r["population_latest"], inf, ALIASES.get(k, "")])
    print(f"wrote {out}: informal total {sum(informal):,}, rural share {rural_share:.3f}")


if __name__ == "__main__":
    main()
