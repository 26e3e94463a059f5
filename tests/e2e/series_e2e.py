#!/usr/bin/python3
"""series_e2e.py - end-to-end tests of issue 16's series items: a series' energy derived from its inventories,
the CO2-per-tce consistency check, the factor commands (list, keys, show) and the keys' Chinese names, plan
estimates, the note on a grid factor of another year, and `check --help`.

Run by tests/run with Debian's interpreter (needs python3-openpyxl and, for
the recalculation test, libreoffice-calc-nogui):

    /usr/bin/python3 tests/e2e/series_e2e.py --bin build/ghgcalc [NAME...] [-v]

Same protocol as run_e2e.py: every test runs in its own temporary folder and
prints "ok NAME" or "FAIL NAME: reason"; the last line is "N passed, M
failed" and the exit status is 1 when anything failed.

Expected figures are computed by hand below from factors/china-energy.yaml
(GB/T 2589 coefficients and NCVs, China enterprise guideline carbon contents),
factors/ipcc2006-energy.yaml (2006 IPCC Vol.2 Tables 1.2 and 1.4) and
factors/ipcc2006-agriculture.yaml, with the arithmetic written out, and
compared under the tolerance policy of e2e_helpers.py. 1 tce = 29.3076 GJ
(GB/T 2589-2020, calc/units.c).
"""

import os
import re
import sys

import e2e_helpers
from e2e_helpers import FACTORS, ROOT, close, ghg, load_wb, read_csv, read_json, recalc, write
from e2e_runner import Registry, check

INVENTORIES = os.path.join(ROOT, "inventories")
SERIES = os.path.join(INVENTORIES, "jilin-series.yaml")
GJ_PER_TCE = 29.3076

TESTS = Registry()
test = TESTS.add


# ====================================================== energy derived from the inventory

# The hand case of docs/intensity.md, "Energy from the inventories" (factor sets china-energy, china-grid).
HAND_INV = """inventory: hand-2020
year: 2020
factor_sets: [china-energy, china-grid]
economy:
  primary_electricity: {value: 2, unit: 10^8 kWh, source: "hand case"}
activities:
  - {category: "1.A.1.a", fuel: raw_coal, amount: 100, unit: 10^4 t}
  - {category: "1.A.4.b", fuel: raw_coal, amount: 20, unit: 10^4 t}
  - {category: "1.A.3.b", fuel: gas_diesel_oil, amount: 10, unit: 10^4 t}
  - {category: "1.A.4.b", fuel: natural_gas, amount: 5, unit: 10^4 t}
  - {category: "1.A.4.b", fuel: wood_wood_waste, amount: 10, unit: 10^4 t}
indirect:
  - {kind: electricity, amount: -1, unit: 10^8 kWh, grid: northeast, factor_year: 2022, view: net_import}
  - {kind: electricity, amount: 5, unit: 10^8 kWh, grid: northeast, factor_year: 2022}
"""

HAND_SERIES = """series: hand
base_year: 2020
price_base: 2020
factor_sets: [china-energy]
electricity: {method: coal_rate, coal_rate: {value: 300, unit: gce/kWh, source: hand}}
years:
  - year: 2020
    inventory: inv2020.yaml
    gdp: {value: 1000, unit: 10^8 yuan, prices: constant}
    population: {value: 100, unit: 10^4 person}
"""

# raw coal: 120 x 10^4 t x 0.7143 kgce/kg = 857,160 tce (its own coefficient)
COAL_TCE = 1.2e6 * 0.7143
# gas_diesel_oil reaches diesel through ipcc_fuel only: at its IPCC NCV, 10^5 t x 43.0 GJ/t / 29.3076 GJ/tce
DIESEL_TCE = 1e5 * 43.0 / GJ_PER_TCE
# natural gas in tonnes: the coefficient is per m3, so the IPCC NCV per mass, 5 x 10^4 t x 48.0 GJ/t / 29.3076
GAS_TCE = 5e4 * 48.0 / GJ_PER_TCE
# primary electricity 2 x 10^8 kWh: x 0.1229 kgce/kWh = 24,580 tce; x 300 gce/kWh = 60,000 tce; net imports -1
PRIMARY = {"calorific": 2e8 * 0.1229 / 1000, "coal_rate": 2e8 * 300 / 1e6}
NET = {"calorific": -1e8 * 0.1229 / 1000, "coal_rate": -1e8 * 300 / 1e6}
# CO2 (1.A): raw coal 1.2e6 t x 20.908 GJ/t = 25,089.6 TJ x 94.6 t/TJ (ipcc_fuel other_bituminous_coal) =
# 2,373,476.16 t; diesel 4,300 TJ x 74.1 t/TJ = 318,630 t; natural gas 2,400 TJ x (0.0153 tC/GJ x 44/12 x
# 0.99) = 133,293.6 t; firewood is a memo item
CO2 = 25089.6 * 94.6 + 4300 * 74.1 + 2400 * 15.3 * 44 / 12 * 0.99


def hand(tmp, series=HAND_SERIES, inv=HAND_INV, *extra):
    write(os.path.join(tmp, "inv2020.yaml"), inv)
    s = write(os.path.join(tmp, "series.yaml"), series)
    out = os.path.join(tmp, "out.xlsx")
    return ghg("intensity", s, "-o", out, "--factors", FACTORS, *extra), out


@test
def derived_energy_by_hand(tmp):
    r, out = hand(tmp)
    check(r.rc == 0, "intensity: %r" % r)
    check("warning" not in r.err and "note" not in r.err, "no warning or note: %r" % r.err)
    y = read_json(out[:-5] + ".json")["years"][0]
    close(y["co2_t"], CO2, "CO2 of 1.A")
    for m in ("calorific", "coal_rate"):
        mix = y["mix_tce"][m]
        close(mix["coal"], COAL_TCE, "coal tce")
        close(mix["other_fossil"], DIESEL_TCE + GAS_TCE, "diesel and natural gas tce")
        close(mix["primary_electricity"], PRIMARY[m], "primary electricity " + m)
        close(mix["net_import_electricity"], NET[m], "net imports " + m)
        close(y["energy_tce"][m], COAL_TCE + DIESEL_TCE + GAS_TCE + PRIMARY[m] + NET[m], "energy " + m)
    # The Energy sheet: one row per derived item, sources and the inventory line of its first record
    wb = load_wb(out)
    rows = [row for row in wb["Energy"].iter_rows(min_row=2, values_only=True) if row[0] == 2020]
    check([(x[1], x[2]) for x in rows] == [("raw_coal", "fossil"), ("diesel", "fossil"), ("natural_gas", "fossil"),
                                           ("electricity", "primary_electricity"),
                                           ("electricity", "net_import_electricity")], "items %r" % rows)
    check(rows[0][4] == 120 and rows[0][14] == "derived from inv2020.yaml: 2 records of raw_coal",
          "raw coal row %r" % (rows[0],))
    check(rows[0][15].endswith("inv2020.yaml:7"), "input line %r" % rows[0][15])
    check(rows[1][6] == 43 and rows[1][7] == "TJ/Gg" and "at the NCV the inventory used" in rows[1][14],
          "diesel row %r" % (rows[1],))
    o = recalc(out)
    check("0 mismatches" in o, o[-500:])


@test
def written_items_win(tmp):
    """A written item replaces the derived one of its fuel and kind (Chinese names too); others add."""
    series = HAND_SERIES + ("    energy:\n"
                            "      - {fuel: 原煤, amount: 110, unit: 10^4 t}\n"
                            "      - {fuel: electricity, kind: net_import_electricity, amount: 0, unit: 10^8 kWh}\n"
                            "      - {fuel: coke, amount: 1, unit: 10^4 t}\n")
    r, out = hand(tmp, series)
    check(r.rc == 0, "intensity: %r" % r)
    mix = read_json(out[:-5] + ".json")["years"][0]["mix_tce"]["calorific"]
    # 原煤 (raw_coal) 110 x 10^4 t x 0.7143 = 785,730 tce replaces 857,160; coke (a coal product) 10^4 t x 0.9714
    # kgce/kg = 9,714 tce adds; the net imports are 0
    close(mix["coal"], 1.1e6 * 0.7143 + 1e4 * 0.9714, "coal tce")
    close(mix["net_import_electricity"], 0, "net imports replaced by 0")
    close(mix["other_fossil"], DIESEL_TCE + GAS_TCE, "the derived diesel and gas stay")
    # raw coal CO2 2,373,476.16 t over 785,730 tce = 3.02 t CO2/tce, above coke's 2.934 x 1.02 = 2.99
    check(re.search(r"series\.yaml:12:9: warning: 'raw_coal' of 2020: 3\.02 t CO2 per tce \(2373476 t CO2 of the "
                    r"inventory's records of this fuel over 785730 tce written here\), outside 2\.48-2\.99 t "
                    r"CO2/tce, the range of the coal fuels of the factor sets \(cleaned_coal 2\.54 to coke 2\.93",
                    r.err), "by-fuel warning: %r" % r.err)


# ====================================================== the consistency check

# The series as it was before it derived its energy (2020 only, the old energy list): raw coal written at
# 0.7143 kgce/kg while jilin-2020-energy.yaml burns other bituminous coal at the IPCC NCV of 25.8 GJ/t, and
# net imports of -15 x 10^8 kWh where the inventory says +38.
OLD_2020 = """series: old
base_year: 2020
price_base: 2020
factor_sets: [china-energy]
derive_energy: false
electricity: {method: coal_rate}
years:
  - year: 2020
    inventory: %s
    gdp: {value: 1452.5, unit: 10^8 yuan, prices: constant}
    population: {value: 362.3713, unit: 10^4 person}
    coal_rate: {value: 305.5, unit: gce/kWh}
    energy:
      - {fuel: raw_coal, amount: 1510, unit: 10^4 t}
      - {fuel: natural_gas, amount: 4.406, unit: 10^8 m3}
      - {fuel: diesel, amount: 46, unit: 10^4 t}
      - {fuel: gasoline, amount: 30, unit: 10^4 t}
      - {fuel: lpg, amount: 4, unit: 10^4 t}
      - {fuel: kerosene, amount: 0.279, unit: 10^4 t}
      - {fuel: fuel_oil, amount: 4.5, unit: 10^4 t}
      - {fuel: refinery_gas, amount: 24, unit: 10^4 t}
      - {fuel: electricity, kind: primary_electricity, amount: 47, unit: 10^8 kWh}
      - {fuel: electricity, kind: net_import_electricity, amount: -15, unit: 10^8 kWh}
""" % os.path.join(INVENTORIES, "jilin-2020-energy.yaml")


@test
def check_flags_the_old_example(tmp):
    s = write(os.path.join(tmp, "old.yaml"), OLD_2020)
    r = ghg("intensity", s, "-o", os.path.join(tmp, "old.xlsx"))
    check(r.rc == 0, "warnings do not stop the run: %r" % r)
    j = read_json(os.path.join(tmp, "old.json"))["years"][0]
    fossil = j["mix_tce"]["calorific"]["coal"] + j["mix_tce"]["calorific"]["other_fossil"]
    # raw coal 1510 x 10^4 t x 0.7143 = 10,785,930 tce
    close(j["mix_tce"]["calorific"]["coal"], 1.51e7 * 0.7143, "written raw coal")
    # the inventory's coal CO2: 1100 x 10^4 t at 25.8 GJ/t (780 + 60 + 180 + 45 + 35) + 410 x 10^4 t at its
    # measured 21.5 GJ/t = 283,800 + 88,150 = 371,950 TJ x 94.6 t/TJ = 35,186,470 t
    coal_co2 = (1.1e7 * 25.8 + 4.1e6 * 21.5) / 1000 * 94.6
    close(coal_co2, 35186470, "coal CO2 by hand")
    want = r"old\.yaml:14:9: warning: 'raw_coal' of 2020: 3\.26 t CO2 per tce \(35186470 t CO2 of the inventory's " \
           r"records of this fuel over 10785930 tce written here\), outside 2\.48-2\.99 t CO2/tce"
    check(re.search(want, r.err), "by-fuel warning: %r" % r.err)
    # the figure: fossil CO2 over fossil energy 3.13 t CO2/tce
    ratio = j["co2_t"] / fossil
    check(3.125 < ratio < 3.135, "overall %r" % ratio)
    want = r"old\.yaml:9:16: warning: the inventory of 2020 emits 3\.13 t CO2 from fuel combustion \(1\.A\) per " \
           r"tce of fossil energy in the series \(%.0f t over %.0f tce\), outside 1\.59-2\.99 t CO2/tce" % \
           (j["co2_t"], fossil)
    check(re.search(want, r.err), "overall warning: %r" % r.err)


@test
def shipped_series_is_consistent(tmp):
    r = ghg("intensity", SERIES, "-o", os.path.join(tmp, "i.xlsx"))
    check(r.rc in (0, 1), "%r" % r)
    check("warning" not in r.err, "the shipped series has no CO2-per-tce warning: %r" % r.err)
    j = read_json(os.path.join(tmp, "i.json"))
    for y in j["years"]:
        mix = y["mix_tce"]["calorific"]
        ratio = y["co2_t"] / (mix["coal"] + mix["other_fossil"])
        check(2.70 <= ratio <= 2.76, "%d: %.3f t CO2/tce" % (y["year"], ratio))
    # 2020 takes the inventory's net imports: +38 x 10^8 kWh x 305.5 gce/kWh = 1,160,900 tce (coal rate)
    y20 = [y for y in j["years"] if y["year"] == 2020][0]
    close(y20["mix_tce"]["coal_rate"]["net_import_electricity"], 38e8 * 305.5 / 1e6, "2020 net imports")
    close(y20["mix_tce"]["coal_rate"]["primary_electricity"], 47e8 * 305.5 / 1e6, "2020 primary electricity")


# ====================================================== factors list, keys, show; Chinese names

@test
def factors_list_every_set(tmp):
    r = ghg("factors", "list")
    check(r.rc == 0, "%r" % r)
    ids = [l.split()[0] for l in r.out.splitlines()]
    want = sorted(f[:-5] for f in os.listdir(FACTORS) if f.endswith(".yaml") and f != "gwp.yaml")
    check(sorted(ids) == want, "sets %r, want %r" % (ids, want))
    check("(extends ipcc2006-energy)" in [l for l in r.out.splitlines() if l.startswith("china-energy ")][0],
          "china-energy extends ipcc2006-energy")


def key_line(out, key):
    for l in out.splitlines():
        if l.split()[:1] == [key]:
            return l
    raise AssertionError("no line for %s" % key)


@test
def factors_keys(tmp):
    r = ghg("factors", "keys")
    check(r.rc == 0, "%r" % r)
    check(r.out.splitlines()[0].split() == ["key", "kind", "zh", "categories", "sets", "en"], r.out[:200])
    f = key_line(r.out, "raw_coal").split()
    check(f[:5] == ["raw_coal", "fuel", "原煤", "1.A", "china-energy"] and f[5:] == ["Raw", "coal"], "%r" % f)
    f = key_line(r.out, "dairy_cattle").split()
    check(f[:5] == ["dairy_cattle", "activity", "奶牛", "3.A.1,", "3.A.2"], "%r" % f)
    check("natural_gas" in r.out and "天然气" in key_line(r.out, "natural_gas"), "natural gas")
    r = ghg("factors", "keys", "--category", "3.A.1")
    keys = [l.split()[0] for l in r.out.splitlines()[1:]]
    check(r.rc == 0 and "dairy_cattle" in keys and "raw_coal" not in keys and "electricity" not in keys,
          "3.A.1 keys %r" % keys)
    r = ghg("factors", "keys", "--set", "china-grid")
    check([l.split()[0] for l in r.out.splitlines()[1:]] == ["electricity"], "china-grid keys %r" % r.out)


@test
def factors_show(tmp):
    # A Chinese name shows the key's values in every set, each line naming its set:
    # set, key, category, grid, year, parameter, value, unit, confidence, reference, (file:line)
    r = ghg("factors", "show", "天然气")
    check(r.rc == 0, "%r" % r)
    lines = [l.split() for l in r.out.splitlines()]
    check({l[0] for l in lines} == {"china-energy", "ipcc2006-energy", "cn-steel-2024"}
          and {l[1] for l in lines} == {"natural_gas"}, "sets and key %r" % r.out)
    sce = [l for l in lines if l[5] == "sce"]
    check(len(sce) == 1 and sce[0][0] == "china-energy" and float(sce[0][6]) == 1.33 and sce[0][7] == "kgce/m3",
          "sce %r" % sce)
    ncv = sorted((l[0], float(l[6]), l[7]) for l in lines if l[5] == "ncv")
    check(ncv == [("china-energy", 389.31, "GJ/10^4"), ("cn-steel-2024", 389.31, "GJ/10^4"),
                  ("ipcc2006-energy", 48.0, "TJ/Gg")], "NCVs %r" % ncv)
    # raw_coal without --set: found in china-energy
    r = ghg("factors", "show", "raw_coal")
    check(r.rc == 0 and all(l.startswith("china-energy ") for l in r.out.splitlines()), "%r" % r)
    # grid and year columns
    r = ghg("factors", "show", "electricity", "--set", "china-grid")
    rows = {(l.split()[3], l.split()[4]): float(l.split()[6]) for l in r.out.splitlines()}
    close(rows[("national", "2021")], 0.5568, "national 2021")
    close(rows[("northeast", "2022")], 0.5564, "northeast 2022")
    check(("jilin", "2023") in rows, "jilin 2023: %r" % sorted(rows))
    # a miss: did you mean over every set's keys
    r = ghg("factors", "show", "raw_cola")
    check(r.rc == 2 and "no factor set has the key 'raw_cola' (did you mean 'raw_coal'?)" in r.err
          and "ipcc2006-agriculture" in r.err and "'ghgcalc factors keys' lists every key" in r.err, "%r" % r)
    r = ghg("factors", "show", "dairy_catle")
    check(r.rc == 2 and "did you mean 'dairy_cattle'" in r.err, "%r" % r)


ZH_INV = """inventory: zh
year: 2020
factor_sets: [china-energy, ipcc2006-agriculture]
activities:
  - {category: "1.A.1.a", fuel: 原煤, amount: 100, unit: 10^4 t}
  - {category: "1.A.4.b", fuel: 天然气, amount: 1, unit: 10^8 m3}
  - {category: "3.A.1", activity: 奶牛, amount: 1, unit: 10^4 head}
"""


@test
def chinese_names_compute_as_keys(tmp):
    outs = []
    for name, text in (("zh", ZH_INV), ("key", ZH_INV.replace("原煤", "raw_coal").replace("天然气", "natural_gas")
                                                     .replace("奶牛", "dairy_cattle"))):
        p = write(os.path.join(tmp, name + ".yaml"), text)
        r = ghg("inventory", p, "-o", os.path.join(tmp, name + ".xlsx"), "--factors", FACTORS)
        check(r.rc == 0, "%s: %r" % (name, r))
        outs.append(read_json(os.path.join(tmp, name + ".json"))["totals"])
    check(outs[0] == outs[1], "the same totals: %r vs %r" % (outs[0], outs[1]))
    # raw coal 10^6 t x 20.908 GJ/t = 20,908 TJ x 94.6 t/TJ = 1,977,896.8 t; natural gas 10^8 m3 x 389.31 GJ/10^4 m3
    # = 3,893.1 TJ x (0.0153 x 44/12 x 0.99 t/GJ x 1000) t; dairy cattle 10^4 head x 68 kg CH4 (Asia, Table 10.11)
    ng = 3893.1 * 15.3 * 44 / 12 * 0.99
    close(outs[0]["by_gas_t"]["CO2"], 20908 * 94.6 + ng, "CO2")
    # CH4: coal 20,908 TJ x 1 kg/TJ (1.A.1) + gas 3,893.1 TJ x 5 kg/TJ (1.A.4.b) + 680 t enteric
    close(outs[0]["by_gas_t"]["CH4"], 20.908 + 3893.1 * 5 / 1000 + 680, "CH4")


# ====================================================== plan estimates

EST_INV = """inventory: e-%d
year: %d
factor_sets: [china-energy]
activities:
  - {category: "1.A.1.a", fuel: raw_coal, amount: %s, unit: 10^4 t}
"""

EST_SERIES = """series: est
base_year: 2020
price_base: 2020
targets: targets.yaml
factor_sets: [china-energy]
%selectricity: {method: coal_rate, coal_rate: {value: 300, unit: gce/kWh, source: hand}}
years:
  - {year: 2020, inventory: inv2020.yaml, gdp: {value: 1000, unit: 10^8 yuan, prices: constant}, population: {value: 100, unit: 10^4 person}}
  - {year: 2025, inventory: inv2025.yaml, gdp: {value: 1000, unit: 10^8 yuan, prices: constant}, population: {value: 100, unit: 10^4 person}%s}
"""

EST_TARGETS = """targets: t
items:
  - {id: energy, indicator: energy_per_gdp, kind: reduction, base_year: 2020, target_year: 2025, value: 10, source: s}
  - {id: co2, indicator: co2_per_gdp, kind: reduction, base_year: 2020, target_year: 2025, value: 30, source: s}
"""


def est_case(tmp, head="", year2025="", *extra):
    # raw coal 100 -> 80 x 10^4 t: energy and CO2 per GDP -20 %: the 10 % target met, the 30 % one missed
    write(os.path.join(tmp, "inv2020.yaml"), EST_INV % (2020, 2020, 100))
    write(os.path.join(tmp, "inv2025.yaml"), EST_INV % (2025, 2025, 80))
    write(os.path.join(tmp, "targets.yaml"), EST_TARGETS)
    s = write(os.path.join(tmp, "series.yaml"), EST_SERIES % (head, year2025))
    out = os.path.join(tmp, "out.xlsx")
    return ghg("intensity", s, "-o", out, "--factors", FACTORS, *extra), out


@test
def estimates_are_expected(tmp):
    for head, y25, est in (("", "", False), ("latest_statistics: 2020\n", "", True), ("", ", estimate: true", True),
                           ("latest_statistics: 2020\n", ", estimate: false", False)):
        r, out = est_case(tmp, head, y25)
        check(r.rc == 1, "the 30 %% target is missed: %r" % r)
        j = read_json(out[:-5] + ".json")
        t = {x["id"]: x for x in j["targets"]["items"]}
        close(t["energy"]["change"], 0.8 - 1, "energy per GDP -20 %")
        word = "expected " if est else ""
        check(t["energy"]["status"] == word + "met" and t["co2"]["status"] == word + "missed"
              and t["co2"]["estimate"] is est, "%s%s: %r" % (head, y25, t))
        check([y["estimate"] for y in j["years"]] == [False, est], "years %r" % j["years"])
        check(j["status_counts"]["expected"] == (2 if est else 0), "counts %r" % j["status_counts"])
        rows = read_csv(out[:-5] + ".csv")
        check(rows[0][-1] == "estimate" and [x[-1] for x in rows[1:]] == ["0", "1" if est else "0"],
              "CSV estimate column %r" % [x[-1] for x in rows])
        lines = r.out.splitlines()
        if est:
            check(lines[0].startswith("expected met     energy: energy_per_gdp 2025 (estimate) = ")
                  and lines[1].startswith("expected missed  co2: ")
                  and "2 missed" not in lines[2] and "(2 of them expected: judged on plan estimates)" in lines[2],
                  "console %r" % lines)
            wb, f = load_wb(out), load_wb(out, data_only=False)
            check(wb["Targets"]["S2"].value == "expected met" and wb["Targets"]["S3"].value == "expected missed",
                  "Targets %r %r" % (wb["Targets"]["S2"].value, wb["Targets"]["S3"].value))
            check(f["Targets"]["S2"].value.endswith(',"expected met","expected missed")'), f["Targets"]["S2"].value)
        else:
            check(lines[0].startswith("met        energy: energy_per_gdp 2025 = "), "console %r" % lines)
    r, out = est_case(tmp, "latest_statistics: 2020\n", "", "--lang", "zh")
    check(load_wb(out)["目标"]["S2"].value == "预计达标", "zh %r" % load_wb(out)["目标"]["S2"].value)  # --lang zh: sheet 目标
    o = recalc(out)
    check("0 mismatches" in o, o[-500:])


# ====================================================== grid factor of another year; check --help

GRID_INV = """inventory: g
year: 2020
factor_sets: [ipcc2006-energy, china-grid]
activities:
  - {category: "1.A.1.a", fuel: natural_gas, amount: 1, unit: Gg}
indirect:
  - {kind: electricity, amount: 10, unit: GWh, grid: northeast%s}
"""


@test
def grid_factor_year_note(tmp):
    p = write(os.path.join(tmp, "g.yaml"), GRID_INV % "")
    r = ghg("inventory", p, "-o", os.path.join(tmp, "g.xlsx"), "--factors", FACTORS)
    check(r.rc == 0 and re.search(r"g\.yaml:7:5: note: the electricity factor of grid 'northeast' is of 2022 "
                                  r"\(china-grid\), not of 2020, the inventory's year", r.err), "%r" % r)
    # 10 GWh = 10^7 kWh x 0.5564 kg/kWh (Northeast 2022) = 5,564 t, whatever the note
    close(read_json(os.path.join(tmp, "g.json"))["indirect"]["consumption_t_co2"], 1e7 * 0.5564 / 1000, "indirect")
    r = ghg("check", p, "--factors", FACTORS)
    check(r.rc == 0 and "note: the electricity factor of grid 'northeast' is of 2022" in r.err, "check %r" % r)
    p = write(os.path.join(tmp, "g2.yaml"), GRID_INV % ", factor_year: 2022")
    r = ghg("inventory", p, "-o", os.path.join(tmp, "g2.xlsx"), "--factors", FACTORS)
    check(r.rc == 0 and r.err == "", "factor_year says it: no note %r" % r)
    p = write(os.path.join(tmp, "g3.yaml"), GRID_INV % ", factor_year: 2021")
    r = ghg("inventory", p, "-o", os.path.join(tmp, "g3.xlsx"), "--factors", FACTORS)
    check("is of 2022 (china-grid), not of 2021, the factor_year asked for" in r.err, "%r" % r)


@test
def check_help_lists_kinds(tmp):
    r = ghg("check", "--help")
    check(r.rc == 0, "%r" % r)
    kinds = re.findall(r"^  (\S+) +as 'ghgcalc (\w+)' reads it$", r.out, re.M)
    for k in (("inventory", "inventory"), ("series", "intensity"), ("targets", "intensity"),
              ("projection", "project"), ("report", "audit"), ("factor_set", "factors"), ("gwp_sets", "factors")):
        check(k in kinds, "%s missing from %r" % (k, kinds))


if __name__ == "__main__":
    sys.exit(TESTS.main("series e2e", "ghgcalc-series-e2e-", e2e_helpers.configure, doc=__doc__))
