#!/usr/bin/python3
"""intensity_e2e.py - end-to-end tests of `ghgcalc intensity` (per-GDP indicators and target status).

Run by tests/run with Debian's interpreter (needs python3-openpyxl and, for
the recalculation tests, libreoffice-calc-nogui):

    /usr/bin/python3 tests/e2e/intensity_e2e.py --bin build/ghgcalc [NAME...] [-v]

Same protocol as run_e2e.py: every test runs in its own temporary folder and
prints "ok NAME" or "FAIL NAME: reason"; the last line is "N passed, M
failed" and the exit status is 1 when anything failed.

Expected figures are computed by hand below from factors/china-energy.yaml
(GB/T 2589 standard-coal coefficients), factors/ipcc2006-energy.yaml and
factors/gwp.yaml, with the arithmetic written out, and compared under the
tolerance policy of e2e_helpers.py.
"""

import os
import re
import sys
import zipfile

import e2e_helpers
from e2e_helpers import FACTORS, ROOT, close, ghg, load_wb, read_csv, read_json, recalc, write
from e2e_runner import Fail, Registry, check

SERIES = os.path.join(ROOT, "inventories", "jilin-series.yaml")

TESTS = Registry()
test = TESTS.add


def chart_count(xlsx):
    """Charts in the package (openpyxl does not read charts back)."""
    with zipfile.ZipFile(xlsx) as z:
        return len([n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)])


def target(j, tid):
    for t in j["targets"]["items"]:
        if t["id"] == tid:
            return t
    raise Fail("no target %r in the JSON" % tid)


# ====================================================== a hand-computed case

# The inventory: 100 Gg natural gas in 1.A.1.a (ipcc2006-energy): 4800 TJ x 56,100 kg CO2/TJ = 269,280 t CO2,
# CH4 4.8 t, N2O 0.48 t; AR5: 269,280 + 4.8 x 28 + 0.48 x 265 = 269,541.6 t CO2e. In 2025 half as much.
def inventory(year, gg):
    return ("inventory: hand-%d\nyear: %d\nfactor_sets: [ipcc2006-energy]\nactivities:\n"
            "  - {category: \"1.A.1.a\", fuel: natural_gas, amount: %s, unit: Gg, source: \"hand case\"}\n"
            % (year, year, gg))


CO2 = {2020: 269280.0, 2025: 134640.0}
CO2E = {2020: 269541.6, 2025: 134770.8}
# Energy (china-energy, GB/T 2589): raw coal 100 x 10^4 t x 0.7143 kgce/kg = 714,300 tce; natural gas
# 10^8 m3 x 1.33 kgce/m3 = 133,000 tce; primary electricity 10^8 kWh: calorific 0.1229 kgce/kWh = 12,290 tce,
# coal rate 300 gce/kWh = 30,000 tce. 2025: coal 80 x 10^4 t = 571,440 tce, electricity 2 x 10^8 kWh.
ENERGY_CAL = {2020: 714300 + 133000 + 12290.0, 2025: 571440 + 133000 + 24580.0}
ENERGY_RATE = {2020: 714300 + 133000 + 30000.0, 2025: 571440 + 133000 + 60000.0}
COAL = {2020: 714300.0, 2025: 571440.0}
# GDP: 2020 1000 x 10^8 yuan at constant 2020 prices = 10^7 x 10^4 yuan; 2025 at current prices 1375 with
# deflator 110: 1375 x 100 / 110 = 1250 x 10^8 yuan = 1.25 x 10^7 x 10^4 yuan.
GDP = {2020: 1e7, 2025: 1.25e7}
POP = {2020: 1e6, 2025: 0.98e6}


def series_text(targets="targets.yaml", last=2025, method="coal_rate"):
    years = [
        "  - year: 2020\n    inventory: inv2020.yaml\n"
        "    gdp: {value: 1000, unit: 10^8 yuan, prices: constant, source: hand}\n"
        "    population: {value: 100, unit: 10^4 person}\n"
        "    final_energy: {total: {value: 60, unit: 10^4 tce}, electricity: {value: 10, unit: 10^8 kWh}}\n"
        "    energy:\n"
        "      - {fuel: raw_coal, amount: 100, unit: 10^4 t}\n"
        "      - {fuel: natural_gas, amount: 1, unit: 10^8 m3}\n"
        "      - {fuel: electricity, kind: primary_electricity, amount: 1, unit: 10^8 kWh}\n",
        "  - year: 2025\n    inventory: inv2025.yaml\n"
        "    gdp: {value: 1375, unit: 亿元, prices: current, deflator: 110}\n"
        "    population: {value: 98, unit: 万人}\n"
        "    energy:\n"
        "      - {fuel: raw_coal, amount: 80, unit: 万吨}\n"
        "      - {fuel: natural_gas, amount: 1, unit: 亿立方米}\n"
        "      - {fuel: electricity, kind: primary_electricity, amount: 2, unit: 亿千瓦时}\n",
    ]
    return ("series: hand\ntitle: hand case\nregion: Testville\nbase_year: 2020\nprice_base: 2020\n"
            "targets: %s\nfactor_sets: [china-energy]\n"
            "electricity: {method: %s, coal_rate: {value: 300, unit: gce/kWh, source: hand}}\nyears:\n%s"
            % (targets, method, "".join(years[:1 if last < 2025 else 2])))


def targets_text(items):
    return "targets: hand-targets\ntitle: hand targets\nsource: hand\nitems:\n" + "".join(
        "  - {id: %s, indicator: %s, kind: %s, base_year: %d, target_year: %d, value: %s, source: s}\n" % i
        for i in items)


def hand_case(tmp, items, *extra, last=2025, method="coal_rate"):
    write(os.path.join(tmp, "inv2020.yaml"), inventory(2020, 100))
    write(os.path.join(tmp, "inv2025.yaml"), inventory(2025, 50))
    write(os.path.join(tmp, "targets.yaml"), targets_text(items))
    s = write(os.path.join(tmp, "series.yaml"), series_text(last=last, method=method))
    out = os.path.join(tmp, "out.xlsx")
    return ghg("intensity", s, "-o", out, "--factors", FACTORS, *extra), out


HAND_TARGETS = [
    ("co2", "co2_per_gdp", "reduction", 2020, 2025, "18"),
    ("energy", "energy_per_gdp", "reduction", 2020, 2025, "14.5"),
    ("coal", "coal_share", "ceiling", 2020, 2025, "80"),
    ("nonfossil", "non_fossil_share", "floor", 2020, 2025, "7"),
]


@test
def hand_indicators_json(tmp):
    r, out = hand_case(tmp, HAND_TARGETS)
    check(r.rc in (0, 1), "intensity failed: %r" % r)
    j = read_json(out[:-5] + ".json")
    check(j["electricity_method"] == "coal_rate", "method %r" % j["electricity_method"])
    for y in j["years"]:
        yr = y["year"]
        close(y["gdp_real_1e4_yuan"], GDP[yr], "%d real GDP" % yr)
        close(y["population_persons"], POP[yr], "%d population" % yr)
        close(y["co2_t"], CO2[yr], "%d CO2" % yr)
        close(y["co2e_t"], CO2E[yr], "%d CO2e" % yr)
        close(y["energy_tce"]["calorific"], ENERGY_CAL[yr], "%d energy calorific" % yr)
        close(y["energy_tce"]["coal_rate"], ENERGY_RATE[yr], "%d energy coal rate" % yr)
        close(y["co2_t_per_1e4_yuan"], CO2[yr] / GDP[yr], "%d CO2 per GDP" % yr)
        close(y["energy_tce_per_1e4_yuan"]["coal_rate"], ENERGY_RATE[yr] / GDP[yr], "%d energy per GDP" % yr)
        close(y["co2_t_per_person"], CO2[yr] / POP[yr], "%d CO2 per person" % yr)
        close(y["coal_share"]["coal_rate"], COAL[yr] / ENERGY_RATE[yr], "%d coal share" % yr)
    y0 = j["years"][0]
    close(y0["mix_tce"]["calorific"]["primary_electricity"], 12290, "calorific electricity 10^8 kWh")
    close(y0["mix_tce"]["coal_rate"]["primary_electricity"], 30000, "coal-rate electricity 10^8 kWh")
    # final energy: 10 x 10^8 kWh x 0.1229 kgce/kWh = 122,900 tce of 600,000 tce
    close(y0["electricity_share_final"], 122900 / 600000, "electricity share of final energy")
    check(j["years"][1]["electricity_share_final"] is None, "2025 has no final energy: null expected")


@test
def hand_targets_status(tmp):
    r, out = hand_case(tmp, HAND_TARGETS)
    j = read_json(out[:-5] + ".json")
    # CO2 per GDP: 0.026928 -> 134,640 / 1.25e7 = 0.0107712: -60 %, met (target -18 %)
    t = target(j, "co2")
    close(t["change"], 0.0107712 / 0.026928 - 1, "co2 change")
    close(t["change"], -0.6, "co2 change, -60 %")
    close(t["avg_annual_rate"], 0.4 ** 0.2 - 1, "co2 average rate")
    close(t["target_level"], 0.026928 * 0.82, "co2 level")
    check(t["status"] == "met", "co2 status %r" % t["status"])
    # energy per GDP (coal rate): 877,300 / 1e7 = 0.08773 -> 764,440 / 1.25e7 = 0.0611552: -30.3 %, met
    t = target(j, "energy")
    close(t["latest_value"], 764440 / 1.25e7, "energy latest")
    check(t["status"] == "met", "energy status %r" % t["status"])
    # coal share (coal rate): 714,300 / 877,300 = 81.4 % -> 571,440 / 764,440 = 74.75 %: <= 80 %, met
    t = target(j, "coal")
    close(t["latest_value"], 571440 / 764440, "coal share 2025")
    close(t["margin"], 0.80 - 571440 / 764440, "coal margin")
    check(t["status"] == "met", "coal status %r" % t["status"])
    # non-fossil (coal rate): 60,000 / 764,440 = 7.849 % >= 7 %: met
    t = target(j, "nonfossil")
    close(t["latest_value"], 60000 / 764440, "non-fossil 2025")
    check(t["status"] == "met", "non-fossil status %r" % t["status"])
    check(r.rc == 0, "every target met: exit 0 expected, %r" % r)
    check(len(r.out.strip().splitlines()) == 5, "one line per target and a summary: %r" % r.out)
    check(r.out.splitlines()[0].startswith("met        co2: co2_per_gdp 2025 = 0.0108 t CO2/10^4 yuan"),
          "first line %r" % r.out.splitlines()[0])


@test
def console_tie_and_zero_base(tmp):
    """Status lines: an exact tie prints margin +0.0000 (met); a base value of 0 prints no relative change."""
    # -60 % is exactly where CO2 per GDP lands (0.026928 -> 0.0107712, see hand_targets_status)
    r, out = hand_case(tmp, [("tie", "co2_per_gdp", "reduction", 2020, 2025, "60")])
    check(r.rc == 0, "a tie is met: %r" % r)
    line = r.out.splitlines()[0]
    check(line.startswith("met        tie:") and "margin +0.0000" in line, "tie line %r" % line)
    # 2020 burns nothing: CO2 per GDP 0 in the base year, so the change is undefined (blank in the JSON)
    write(os.path.join(tmp, "inv2020.yaml"), inventory(2020, 0))
    s = os.path.join(tmp, "series.yaml")
    out = os.path.join(tmp, "zero.xlsx")
    r = ghg("intensity", s, "-o", out, "--factors", FACTORS)
    check(r.rc == 1, "a reduction from 0 is missed: %r" % r)
    line = r.out.splitlines()[0]
    check("(the 2020 value is 0: no relative change; target -60 % by 2025)" in line and "nan" not in line,
          "zero-base line %r" % line)
    check(target(read_json(out[:-5] + ".json"), "tie")["change"] is None, "JSON change of a zero base: null")


@test
def hand_calorific_headline(tmp):
    # The same non-fossil floor of 7 % by the calorific method: 24,580 / 729,020 = 3.37 %: missed, exit 1.
    r, out = hand_case(tmp, HAND_TARGETS, method="calorific")
    j = read_json(out[:-5] + ".json")
    t = target(j, "nonfossil")
    close(t["latest_value"], 24580 / 729020, "non-fossil 2025, calorific")
    check(t["status"] == "missed", "status %r" % t["status"])
    check(r.rc == 1, "a missed target: exit 1 expected, %r" % r)
    check("missed     nonfossil" in r.out, "stdout %r" % r.out)


@test
def hand_workbook_cells(tmp):
    r, out = hand_case(tmp, HAND_TARGETS)
    wb = load_wb(out)
    check(wb.sheetnames == ["Indicators", "Targets", "Charts", "Energy", "Inputs", "Sectors", "About"],
          "sheets %r" % wb.sheetnames)
    ind = wb["Indicators"]
    close(ind["B3"].value, 1.25e7, "Indicators B3 real GDP 2025")
    close(ind["O2"].value, 0.026928, "Indicators O2 CO2 per GDP 2020")
    close(ind["K2"].value, ENERGY_CAL[2020], "Indicators K2 energy calorific")
    close(ind["N2"].value, ENERGY_RATE[2020], "Indicators N2 energy coal rate")
    check("[headline]" in ind["N1"].value and "[headline]" not in ind["K1"].value, "headline mark on N1 only")
    f = load_wb(out, data_only=False)
    check(f["Inputs"]["G3"].value == "=B3*D3*100/F3", "real GDP formula %r" % f["Inputs"]["G3"].value)
    check(f["Indicators"]["O2"].value == "=D2/B2", "CO2 per GDP formula %r" % f["Indicators"]["O2"].value)
    en = f["Energy"]  # rows 2-4: raw coal, natural gas, primary electricity of 2020
    check(en["J2"].value == "=E2*G2*I2" and en["M2"].value == "=J2", "coal row: %r %r" % (en["J2"].value, en["M2"].value))
    check(en["C4"].value == "primary_electricity" and en["M4"].value == "=E4*K4*L4" and en["K4"].value == "=Inputs!$N$2",
          "electricity row: %r %r %r" % (en["C4"].value, en["M4"].value, en["K4"].value))
    check(f["Targets"]["S2"].value.startswith("=IF(K2<=O2*1.0000000010000001"), "status formula %r"
          % f["Targets"]["S2"].value)
    check(wb["Targets"]["S2"].value == "met", "Targets S2 %r" % wb["Targets"]["S2"].value)
    # CO2 and energy intensity each with its paths, the energy mix, emissions by sector
    check(chart_count(out) == 4, "4 charts expected, found %d" % chart_count(out))
    # final energy 2020: 60 x 10^4 tce, factor 10^4 -> 600,000 tce, a formula over its as-given cells
    check(f["Inputs"]["W2"].value == "=T2*V2" and f["Inputs"]["U2"].value == "10^4 tce",
          "final energy formula %r" % f["Inputs"]["W2"].value)
    close(wb["Inputs"]["V2"].value, 1e4, "final energy factor to tce")
    close(wb["Inputs"]["W2"].value, 600000, "final energy tce")
    about = [c.value for row in wb["About"].iter_rows() for c in row if c.value is not None]
    check(any("coal_rate: coal-consumption method" in str(v) for v in about), "About names the method")
    check(any(str(v).endswith("inv2025.yaml") for v in about), "About lists the inventories")
    check(any(re.fullmatch(r"[0-9a-f]{64}", str(v)) for v in about), "About has SHA-256 digests")


@test
def hand_on_track(tmp):
    # Only 2020 and 2025 exist; with the target year 2030 the status is on track / off track against the path.
    items = [("co2-2030", "co2_per_gdp", "reduction", 2020, 2030, "50"),   # path 2025: 0.026928 x 0.5^0.5
             ("coal-2030", "coal_share", "ceiling", 2020, 2030, "60")]     # path 2025: 81.4 % -> 60 %: 70.7 %
    r, out = hand_case(tmp, items)
    j = read_json(out[:-5] + ".json")
    t = target(j, "co2-2030")
    close(t["reference"], 0.026928 * 0.5 ** 0.5, "co2 path in 2025")
    close(t["required_annual_rate"], (0.026928 * 0.5 / 0.0107712) ** 0.2 - 1, "rate still required")
    check(t["status"] == "on track", "co2 status %r" % t["status"])
    t = target(j, "coal-2030")
    base = 714300 / 877300
    close(t["reference"], base + (0.6 - base) * 5 / 10, "coal path in 2025")
    check(t["status"] == "off track", "coal status %r (74.75 %% above the path)" % t["status"])
    check(r.rc == 1, "off track: exit 1, %r" % r)
    # console: CO2 per GDP 0.0107712 is already below the 2030 level 0.013464, so (1.25)^(1/5) - 1 = +4.56 %/yr is
    # room, not a need; the coal share 74.75 % must come down to 60 %: (0.6 / 0.74753)^(1/5) - 1 = -4.30 %/yr
    lines = r.out.splitlines()
    check(lines[0].endswith("already within the target level: stays within if it changes by at most +4.56 %/yr"),
          "co2 line %r" % lines[0])
    check(lines[1].endswith("; needs %+.2f %%/yr" % (((0.6 / (571440 / 764440)) ** 0.2 - 1) * 100)),
          "coal line %r" % lines[1])


@test
def hand_recalc(tmp):
    r, out = hand_case(tmp, HAND_TARGETS + [("co2-2030", "co2_per_gdp", "reduction", 2020, 2030, "50"),
                                            ("coal-2030", "coal_share", "ceiling", 2020, 2030, "60")])
    check(r.rc == 1, "%r" % r)
    o = recalc(out)
    check("0 mismatches" in o, o[-500:])


@test
def deterministic_and_zh(tmp):
    r, out = hand_case(tmp, HAND_TARGETS)
    with open(out, "rb") as f:
        first = f.read()
    r2, _ = hand_case(tmp, HAND_TARGETS)
    with open(out, "rb") as f:
        check(f.read() == first, "the same inputs gave different workbook bytes")
    r3, _ = hand_case(tmp, HAND_TARGETS, "--lang", "zh")
    wb = load_wb(out)
    check(wb["目标"]["S2"].value == "已达标", "zh status %r" % wb["目标"]["S2"].value)


@test
def input_errors_exit_2(tmp):
    items = [("x", "co2_per_gpd", "reduction", 2020, 2025, "18")]
    r, out = hand_case(tmp, items)
    check(r.rc == 2, "unknown indicator: exit 2 expected, %r" % r)
    check("targets.yaml:5:24: error: unknown indicator 'co2_per_gpd'" in r.err, "stderr %r" % r.err)
    check("did you mean 'co2_per_gdp'" in r.err, "did-you-mean: %r" % r.err)
    check(not any(n.startswith("out") for n in os.listdir(tmp)), "outputs written: %r" % os.listdir(tmp))
    # An inventory of the wrong year, named under 2025.
    write(os.path.join(tmp, "inv2025.yaml"), inventory(2024, 50))
    write(os.path.join(tmp, "targets.yaml"), targets_text(HAND_TARGETS))
    r = ghg("intensity", os.path.join(tmp, "series.yaml"), "-o", out, "--factors", FACTORS)
    check(r.rc == 2 and "series.yaml:20:16: error: inventory '" in r.err and "is of year 2024" in r.err,
          "wrong year: %r" % r)
    check(not os.path.exists(out), "workbook written after an input error")


@test
def output_errors(tmp):
    r, out = hand_case(tmp, HAND_TARGETS)
    s = os.path.join(tmp, "series.yaml")
    r = ghg("intensity", s, "-o", os.path.join(tmp, "no", "such", "dir", "x.xlsx"), "--factors", FACTORS)
    check(r.rc == 3, "missing folder: exit 3 expected, %r" % r)
    r = ghg("intensity", s, "-o", os.path.join(tmp, "x.xlsx"), "--json", s, "--factors", FACTORS)
    check(r.rc == 2 and "would overwrite the input file" in r.err, "clash: %r" % r)
    r = ghg("intensity", s, "--factors", FACTORS)
    check(r.rc == 2 and "give one series file and -o" in r.err, "usage: %r" % r)


@test
def consistency_warning(tmp):
    r, out = hand_case(tmp, HAND_TARGETS)
    write(os.path.join(tmp, "inv2025.yaml"), inventory(2025, 50).replace("year: 2025\n", "year: 2025\ngwp: ar4\n"))
    r = ghg("intensity", os.path.join(tmp, "series.yaml"), "-o", out, "--factors", FACTORS)
    check(r.rc == 0, "%r" % r)
    check("warning: the inventory of 2025 uses factor sets [ipcc2006-energy] and GWP ar4" in r.err, r.err)
    about = [str(c.value) for row in load_wb(out)["About"].iter_rows() for c in row if c.value is not None]
    check(any("not computed alike" in v and "GWP ar4" in v for v in about), "About lacks the note")


# ======================================================== the shipped series

@test
def shipped_series(tmp):
    out = os.path.join(tmp, "intensity.xlsx")
    r = ghg("intensity", SERIES, "-o", out)
    check(r.rc in (0, 1), "shipped series failed: %r" % r)
    j = read_json(os.path.join(tmp, "intensity.json"))
    check([y["year"] for y in j["years"]] == list(range(2015, 2026)), "years %r" % [y["year"] for y in j["years"]])
    check(len(j["targets"]["items"]) == 5, "five targets")
    # latest_statistics: 2020: every target is judged on the plan estimates of 2025 ("expected met/missed")
    check(all(t["estimate"] and t["status"].startswith("expected ") for t in j["targets"]["items"]),
          "statuses %r" % [t["status"] for t in j["targets"]["items"]])
    bad = sum(1 for t in j["targets"]["items"] if t["status"] in ("expected off track", "expected missed"))
    check(r.rc == (1 if bad else 0), "exit %d with %d targets off track or missed" % (r.rc, bad))
    check(len(r.out.strip().splitlines()) == 6, "stdout: %r" % r.out)
    ill = [t["id"] for t in j["targets"]["items"] if t["illustrative"]]
    check(ill == ["co2-intensity"], "illustrative targets %r" % ill)
    check("[illustrative target]" in r.out, "stdout marks the illustrative target")
    rows = read_csv(os.path.join(tmp, "intensity.csv"))
    check(len(rows) == 12 and rows[0][0] == "year", "CSV: header and 11 years, got %d rows" % len(rows))
    y20 = j["years"][5]
    check(y20["year"] == 2020, "2020 is the sixth year")
    close(y20["population_persons"], 3623713, "2020 census population")
    check(chart_count(out) == 4, "four charts")
    o = recalc(out)
    check("0 mismatches" in o, o[-500:])


# ================================================================== runner

if __name__ == "__main__":
    sys.exit(TESTS.main("intensity e2e", "ghgcalc-int-e2e-", e2e_helpers.configure, doc=__doc__))
