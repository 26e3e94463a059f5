#!/usr/bin/python3
"""coverage_e2e.py - end-to-end tests of the coverage added for issue 15: fugitive emissions (1.B),
transport beyond road, the further fuels of IPCC 2006 Table 1.2/1.4, natural gas by volume through
china-energy, and the 2019 Refinement EF1 sets.

Run by tests/run with Debian's interpreter (needs python3-openpyxl; the recalculation test also
libreoffice-calc-nogui):

    /usr/bin/python3 tests/e2e/coverage_e2e.py --bin build/ghgcalc [NAME...] [-v]

Protocol of tests/e2e/e2e_runner.py: "ok NAME" or "FAIL NAME: reason" per test, "N passed, M failed"
last, exit status 1 when anything failed. Every expected figure below is worked out by hand from the
cited factor (factors/*.yaml, which cite their tables), with the arithmetic in a comment, and compared
with close() under the one tolerance policy of e2e_helpers.py. GWP: AR5 (CH4 28, N2O 265;
factors/gwp.yaml), the default.
"""

import csv
import math
import os
import sys

import e2e_helpers
from e2e_helpers import FACTORS, close, ghg, load_wb, recalc, write
from e2e_runner import Fail, Registry, check

GWP_CH4, GWP_N2O = 28, 265  # AR5, factors/gwp.yaml

TESTS = Registry()
test = TESTS.add


def inventory(tmp, sets, records, name="inv.yaml", gwp="ar5"):
    """Writes an inventory with `sets` and the YAML `records` (list items); returns its path."""
    text = ("inventory: coverage-test\nyear: 2020\ngwp: %s\nfactor_sets: [%s]\nactivities:\n%s"
            % (gwp, ", ".join(sets), "".join("  - %s\n" % r for r in records)))
    return write(os.path.join(tmp, name), text)


def run(tmp, inv):
    """Computes `inv`; returns (xlsx path, parsed JSON, CSV rows as dicts)."""
    xlsx = os.path.join(tmp, "out.xlsx")
    r = ghg("inventory", inv, "-o", xlsx, "--factors", FACTORS)
    check(r.rc == 0, "ghgcalc inventory failed: %r" % r)
    js = e2e_helpers.read_json(os.path.join(tmp, "out.json"))
    with open(os.path.join(tmp, "out.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return xlsx, js, rows


def cat_t(js, code):
    """{gas: t} of category `code` in the JSON."""
    for c in js["categories"]:
        if c["code"] == code:
            return c["t"]
    raise Fail("no category %s in the JSON: %r" % (code, [c["code"] for c in js["categories"]]))


def csv_row(rows, category, gas, key=None):
    hits = [r for r in rows if r["Category"] == category and r["Gas"] == gas and (key is None or r["Fuel"] == key)]
    check(len(hits) == 1, "CSV: %d rows for %s %s %s" % (len(hits), category, gas, key))
    return hits[0]


def sheet_dicts(ws):
    head = [c.value for c in ws[1]]
    out = []
    for r in range(2, ws.max_row + 1):
        vals = [ws.cell(row=r, column=i + 1).value for i in range(len(head))]
        if vals[0] is not None:
            out.append(dict(zip(head, vals)))
    return out


# ================================================================ fugitive emissions (1.B)

COAL_RECORDS = [
    '{category: "1.B.1.a.i.1", activity: underground_coal_mining, amount: 500, unit: 10^4 t, source: "mine A"}',
    '{category: "1.B.1.a.i.2", activity: underground_coal_post_mining, amount: 500, unit: 10^4 t, source: "mine A"}',
    '{category: "1.B.1.a.ii.1", activity: surface_coal_mining, amount: 200, unit: 10^4 t, source: "pit B"}',
    '{category: "1.B.1.a.ii.2", activity: surface_coal_post_mining, amount: 200, unit: 10^4 t, source: "pit B"}',
]
# IPCC 2006 Vol.2 Ch.4 Eq. 4.1.3-4.1.8: CH4 = coal produced (t) x EF (m3/t) x 0.67 kg/m3 (factors/ipcc2006-fugitive.yaml)
COAL_CH4_T = {
    "1.B.1.a.i.1": 5e6 * 18 * 0.67 / 1000,   # 500 x 10^4 t x 18 m3/t x 0.67 kg/m3 = 60 300 000 kg = 60 300 t
    "1.B.1.a.i.2": 5e6 * 2.5 * 0.67 / 1000,  # 5e6 t x 2.5 m3/t x 0.67 kg/m3 = 8 375 t
    "1.B.1.a.ii.1": 2e6 * 1.2 * 0.67 / 1000,  # 200 x 10^4 t x 1.2 m3/t x 0.67 kg/m3 = 1 608 t
    "1.B.1.a.ii.2": 2e6 * 0.1 * 0.67 / 1000,  # 2e6 t x 0.1 m3/t x 0.67 kg/m3 = 134 t
}


@test
def coal_mining_tier1_by_hand(tmp):
    """Underground and surface mining and post-mining: t CH4 in JSON, CSV and the Fugitive sheet."""
    xlsx, js, rows = run(tmp, inventory(tmp, ["ipcc2006-fugitive"], COAL_RECORDS))
    for code, want in COAL_CH4_T.items():
        t = cat_t(js, code)
        close(t["CH4"], want, "%s CH4 t" % code)
        check(t["CO2"] == 0 and t["N2O"] == 0, "%s: only CH4 expected, got %r" % (code, t))
    close(sum(COAL_CH4_T.values()), 70417, "hand sum")  # 60 300 + 8 375 + 1 608 + 134 = 70 417 t
    close(js["totals"]["by_gas_t"]["CH4"], 70417, "total CH4 t")
    close(js["totals"]["t_co2e"], 70417 * GWP_CH4, "total t CO2e")  # 70 417 x 28 = 1 971 676
    r = csv_row(rows, "1.B.1.a.i.1", "CH4")
    check(r["Method"] == "product" and r["Terms"] == "density=0.67 kg/m3", "CSV terms %r" % r["Terms"])
    check(r["EF"] == "18" and r["EF unit"] == "m3/t", "CSV EF %r %r" % (r["EF"], r["EF unit"]))
    close(r["Emission (t gas)"], COAL_CH4_T["1.B.1.a.i.1"], "CSV underground t")
    wb = load_wb(xlsx, data_only=False)
    # 1.B rows have a sheet of their own, after Calculation (1.A) and before Industry (2)
    check(wb.sheetnames[3:5] == ["Calculation", "Fugitive"] and "Other sectors" not in wb.sheetnames,
          "sheets %r" % wb.sheetnames)
    line = [d for d in sheet_dicts(wb["Fugitive"]) if d["Category"] == "1.B.1.a.ii.1"]
    check(len(line) == 1 and str(line[0]["Emission (t gas)"]).startswith("="), "Fugitive row %r" % line)
    # the term and the EF refer to their cells on Factors, which hold 0.67 kg/m3 and 1.2 m3/t
    fac = wb["Factors"]
    for col, want in (("Term 1", 0.67), ("EF", 1.2)):
        ref = str(line[0][col])
        check(ref.startswith("=Factors!$D$"), "%s %r is no reference to Factors" % (col, ref))
        check(fac[ref[len("=Factors!"):].replace("$", "")].value == want, "%s on Factors: %r" % (col, ref))
    checks = wb["Checks"]
    status = {checks.cell(row=i, column=1).value: checks.cell(row=i, column=3).value
              for i in range(1, checks.max_row + 1)}
    check(status.get("1.B.1") == "estimated" and status.get("1.B.2") == "not reported",
          "completeness 1.B.1 %r, 1.B.2 %r" % (status.get("1.B.1"), status.get("1.B.2")))


@test
def coal_mining_recovery_on_the_record(tmp):
    """Recovered methane enters as x (1 - recovery): 60 300 t x (1 - 0.3) = 42 210 t."""
    rec = ('{category: "1.B.1.a.i.1", activity: underground_coal_mining, amount: 500, unit: 10^4 t, '
           'source: "mine A", recovery: {value: 0.3, unit: "1", source: "mine A drainage records"}}')
    _, js, _ = run(tmp, inventory(tmp, ["ipcc2006-fugitive"], [rec]))
    close(cat_t(js, "1.B.1.a.i.1")["CH4"], 5e6 * 18 * 0.67 / 1000 * (1 - 0.3), "CH4 after recovery")


@test
def oil_gas_fugitive_with_record_factors(tmp):
    """1.B.2 reaches the product method; with no shipped default the record gives its factors."""
    recs = [
        # transmission: 20 x 10^8 m3 x 0.5 t/10^6 m3 = 2e9 m3 x 5e-7 t/m3 = 1 000 t CH4
        '{category: "1.B.2.b.iii.4", activity: gas_transmission, amount: 20, unit: 10^8 m3, source: "pipeline co.", '
        'ch4: {value: 0.5, unit: t/10^6 m3, source: "operator leak survey 2020"}}',
        # flaring at an oil field: 300 x 10^4 t oil x 0.02 t CO2/t = 60 000 t CO2; x 0.0001 t CH4/t = 300 t CH4
        '{category: "1.B.2.a.ii", activity: oil_field_flaring, amount: 300, unit: 10^4 t, source: "oil field", '
        'co2: {value: 0.02, unit: t CO2/t, source: "field flare metering"}, '
        'ch4: {value: 0.0001, unit: t CH4/t, source: "field flare metering"}}',
    ]
    _, js, rows = run(tmp, inventory(tmp, ["ipcc2006-fugitive"], recs))
    close(cat_t(js, "1.B.2.b.iii.4")["CH4"], 20e8 * 0.5 / 1e6, "transmission CH4 t")
    close(cat_t(js, "1.B.2.a.ii")["CO2"], 3e6 * 0.02, "flaring CO2 t")
    close(cat_t(js, "1.B.2.a.ii")["CH4"], 3e6 * 0.0001, "flaring CH4 t")
    # 1 000 x 28 + 60 000 + 300 x 28 = 96 400 t CO2e
    close(js["totals"]["t_co2e"], 1000 * GWP_CH4 + 60000 + 300 * GWP_CH4, "total t CO2e")
    check(csv_row(rows, "1.B.2.b.iii.4", "CH4")["EF source"].startswith("record: operator leak survey"),
          "EF source of the override")
    sectors = {s["code"]: s["t_co2e"] for s in js["sectors"]}
    close(sectors.get("1.B"), 96400, "sector 1.B t CO2e")


@test
def fugitive_category_names_in_chinese(tmp):
    """The new categories have Chinese names: --lang zh writes them on the Sectoral table."""
    inv = inventory(tmp, ["ipcc2006-fugitive"], COAL_RECORDS[:1])
    xlsx = os.path.join(tmp, "zh.xlsx")
    r = ghg("inventory", inv, "-o", xlsx, "--factors", FACTORS, "--lang", "zh", "--no-csv-json")
    check(r.rc == 0, "zh workbook: %r" % r)
    wb = load_wb(xlsx, data_only=False)
    texts = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value}
    check(any("井工开采" in t for t in texts), "no Chinese name of 1.B.1.a.i in the zh workbook")


# ================================================================ transport beyond road

@test
def rail_diesel_and_coal(tmp):
    """Rail (1.A.3.c), IPCC 2006 Vol.2 Table 3.4.1 CH4/N2O, Table 1.2/1.4 NCV and CO2."""
    recs = ['{category: "1.A.3.c", fuel: gas_diesel_oil, amount: 3, unit: 10^4 t, source: "railway bureau"}',
            '{category: "1.A.3.c", fuel: sub_bituminous_coal, amount: 1000, unit: t, source: "heritage line"}']
    _, js, rows = run(tmp, inventory(tmp, ["ipcc2006-energy"], recs))
    t = cat_t(js, "1.A.3.c")
    tj_diesel = 3e4 / 1000 * 43.0  # 3 x 10^4 t = 30 Gg x 43.0 TJ/Gg = 1 290 TJ
    tj_coal = 1.0 * 18.9  # 1 000 t = 1 Gg x 18.9 TJ/Gg = 18.9 TJ
    close(t["CO2"], tj_diesel * 74100 / 1000 + tj_coal * 96100 / 1000, "rail CO2")  # 95 589 + 1 816.29 t
    close(t["CH4"], tj_diesel * 4.15 / 1000 + tj_coal * 2 / 1000, "rail CH4")  # 5.3535 + 0.0378 t
    close(t["N2O"], tj_diesel * 28.6 / 1000 + tj_coal * 1.5 / 1000, "rail N2O")  # 36.894 + 0.02835 t
    r = csv_row(rows, "1.A.3.c", "N2O", "gas_diesel_oil")
    check("Table 3.4.1" in r["EF source"], "EF source %r" % r["EF source"])
    close(r["Energy (TJ)"], 1290, "CSV energy TJ")


@test
def aviation_jet_kerosene_and_aviation_gasoline(tmp):
    """Domestic aviation (1.A.3.a): jet kerosene with Table 3.6.5 CH4/N2O; aviation gasoline's CH4/N2O are
    NE in the sets, so its record must say so (and is refused when it does not)."""
    recs = ['{category: "1.A.3.a", fuel: jet_kerosene, amount: 2, unit: 10^4 t, source: "airport fuel farm"}',
            '{category: "1.A.3.a", fuel: aviation_gasoline, amount: 100, unit: t, source: "flying club", '
            'not_estimated: [ch4, n2o]}']
    _, js, _ = run(tmp, inventory(tmp, ["ipcc2006-energy"], recs))
    t = cat_t(js, "1.A.3.a")
    tj_jet = 20 * 44.1  # 2 x 10^4 t = 20 Gg x 44.1 TJ/Gg = 882 TJ
    tj_avgas = 0.1 * 44.3  # 100 t = 0.1 Gg x 44.3 TJ/Gg = 4.43 TJ
    close(t["CO2"], tj_jet * 71500 / 1000 + tj_avgas * 70000 / 1000, "aviation CO2")  # 63 063 + 310.1 t
    close(t["CH4"], tj_jet * 0.5 / 1000, "aviation CH4")  # 882 x 0.5 kg = 0.441 t
    close(t["N2O"], tj_jet * 2 / 1000, "aviation N2O")  # 882 x 2 kg = 1.764 t
    bad = inventory(tmp, ["ipcc2006-energy"], [recs[1].replace(", not_estimated: [ch4, n2o]", "")], "bad.yaml")
    r = ghg("inventory", bad, "-o", os.path.join(tmp, "bad.xlsx"), "--factors", FACTORS)
    check(r.rc == 2 and "no CH4 emission factor for fuel 'aviation_gasoline' in category 1.A.3.a" in r.err,
          "aviation gasoline without factors: %r" % r)


@test
def navigation_and_off_road(tmp):
    """Navigation (1.A.3.d, Table 3.5.3) and off-road diesel in agriculture (1.A.4.c.ii, Table 3.3.1)."""
    recs = ['{category: "1.A.3.d", fuel: gas_diesel_oil, amount: 1000, unit: t, source: "river ferries"}',
            '{category: "1.A.4.c.ii", fuel: gas_diesel_oil_offroad, amount: 1000, unit: t, source: "tractors"}',
            '{category: "1.A.4.c.i", fuel: gas_diesel_oil, amount: 1000, unit: t, source: "grain dryers"}']
    _, js, _ = run(tmp, inventory(tmp, ["ipcc2006-energy"], recs))
    tj = 1.0 * 43.0  # 1 000 t = 1 Gg x 43.0 TJ/Gg = 43 TJ for each record
    close(cat_t(js, "1.A.3.d")["CH4"], tj * 7 / 1000, "ships CH4")  # 0.301 t
    close(cat_t(js, "1.A.3.d")["N2O"], tj * 2 / 1000, "ships N2O")  # 0.086 t
    close(cat_t(js, "1.A.4.c.ii")["CH4"], tj * 4.15 / 1000, "tractors CH4")  # 0.17845 t
    close(cat_t(js, "1.A.4.c.ii")["N2O"], tj * 28.6 / 1000, "tractors N2O")  # 1.2298 t
    close(cat_t(js, "1.A.4.c.ii")["CO2"], tj * 74100 / 1000, "tractors CO2")  # 3 186.3 t
    # the stationary diesel of the same sector keeps Table 2.5: 43 TJ x 10 kg/TJ CH4, x 0.6 kg/TJ N2O
    close(cat_t(js, "1.A.4.c.i")["CH4"], tj * 10 / 1000, "dryers CH4")  # 0.43 t
    close(cat_t(js, "1.A.4.c.i")["N2O"], tj * 0.6 / 1000, "dryers N2O")  # 0.0258 t


# ================================================================ further fuels

@test
def new_fuels_landfill_gas_and_ngl(tmp):
    """Landfill gas (biogenic: CO2 a memo item) and natural gas liquids, Tables 1.2/1.4 and 2.2/2.3."""
    recs = ['{category: "1.A.1.a", fuel: landfill_gas, amount: 1000, unit: t, source: "landfill engine"}',
            '{category: "1.A.2.c", fuel: natural_gas_liquids, amount: 500, unit: t, source: "chemical plant"}']
    _, js, _ = run(tmp, inventory(tmp, ["ipcc2006-energy"], recs))
    lfg = cat_t(js, "1.A.1.a")
    tj_lfg = 1.0 * 50.4  # 1 000 t = 1 Gg x 50.4 TJ/Gg = 50.4 TJ
    check(lfg["CO2"] == 0, "landfill gas CO2 must be a memo item, got %r" % lfg["CO2"])
    close(js["totals"]["memo_biogenic_co2_t"], tj_lfg * 54600 / 1000, "memo CO2")  # 2 751.84 t
    close(lfg["CH4"], tj_lfg * 1 / 1000, "landfill gas CH4")  # 0.0504 t (Table 2.2)
    close(lfg["N2O"], tj_lfg * 0.1 / 1000, "landfill gas N2O")  # 0.00504 t
    ngl = cat_t(js, "1.A.2.c")
    tj_ngl = 0.5 * 44.2  # 500 t = 0.5 Gg x 44.2 TJ/Gg = 22.1 TJ
    close(ngl["CO2"], tj_ngl * 64200 / 1000, "NGL CO2")  # 1 418.82 t
    close(ngl["CH4"], tj_ngl * 3 / 1000, "NGL CH4")  # 0.0663 t (Table 2.3)
    close(ngl["N2O"], tj_ngl * 0.6 / 1000, "NGL N2O")  # 0.01326 t
    close(js["totals"]["by_gas_t"]["CO2"], tj_ngl * 64200 / 1000, "fossil CO2 total excludes the memo")


# One row per fuel: (category, fuel key, amount t, NCV TJ/Gg, CO2 kg/TJ, CH4 kg/TJ, N2O kg/TJ, biogenic), the
# values of factors/ipcc2006-energy.yaml (which cites each: Tables 1.2/1.4, 2.2-2.5, 3.6.5). Worked by hand,
# energy = t / 1000 x NCV (TJ), gas = TJ x EF / 1000 (t):
FUEL_ROWS = [
    # 2 000 t = 2 Gg x 44.1 = 88.2 TJ; CO2 88.2 x 71 500 = 6 306.3 t; CH4 x 0.5 = 0.0441 t; N2O x 2 = 0.1764 t
    ("1.A.3.a", "jet_kerosene", 2000, 44.1, 71500, 0.5, 2, False),  # Table 3.6.5 (aviation)
    # 50 t = 0.05 Gg x 44.3 = 2.215 TJ; CO2 155.05 t; CH4 x 10 = 0.02215 t; N2O x 0.6 = 0.001329 t
    ("1.A.4.a", "aviation_gasoline", 50, 44.3, 70000, 10, 0.6, False),  # Table 2.4 (commercial)
    # 1 000 t = 1 Gg x 32.5 = 32.5 TJ; CO2 32.5 x 97 500 = 3 168.75 t; CH4 x 3 = 0.0975 t; N2O x 0.6 = 0.0195 t
    ("1.A.1.b", "petroleum_coke", 1000, 32.5, 97500, 3, 0.6, False),  # Table 2.2 (energy industries)
    # 200 t = 0.2 Gg x 40.2 = 8.04 TJ; CO2 8.04 x 73 300 = 589.332 t; CH4 x 3 = 0.02412 t; N2O x 0.6 = 0.004824 t
    ("1.A.2.a", "lubricants", 200, 40.2, 73300, 3, 0.6, False),  # Table 2.3 (manufacturing)
    # 500 t = 0.5 Gg x 40.2 = 20.1 TJ; CO2 20.1 x 73 300 = 1 473.33 t; CH4 x 30 = 0.603 t; N2O x 4 = 0.0804 t
    ("1.A.2.f", "waste_oils", 500, 40.2, 73300, 30, 4, False),  # Table 2.3 (manufacturing)
    # 100 t = 0.1 Gg x 27.0 = 2.7 TJ; CO2 2.7 x 70 800 = 191.16 t (memo, biogenic); CH4 x 3 = 0.0081 t;
    # N2O x 0.6 = 0.00162 t
    ("1.A.2.c", "biodiesels", 100, 27.0, 70800, 3, 0.6, True),  # Table 2.3 (manufacturing)
]


@test
def further_fuels_table(tmp):
    """Jet kerosene in 1.A.3.a, aviation gasoline, petroleum coke, lubricants, waste oils and biodiesels,
    each in a category of its own: amount x NCV x EF for CO2, CH4 and N2O, biodiesel's CO2 as a memo item."""
    recs = ['{category: "%s", fuel: %s, amount: %s, unit: t, source: "fuel table row %d"}' % (c, f, a, i)
            for i, (c, f, a, _, _, _, _, _) in enumerate(FUEL_ROWS)]
    _, js, rows = run(tmp, inventory(tmp, ["ipcc2006-energy"], recs))
    fossil = memo = 0.0
    for cat, fuel, amount, ncv, co2, ch4, n2o, bio in FUEL_ROWS:
        tj = amount / 1000 * ncv
        t = cat_t(js, cat)
        close(csv_row(rows, cat, "CH4", fuel)["Energy (TJ)"], tj, "%s TJ" % fuel)
        close(t["CH4"], tj * ch4 / 1000, "%s CH4" % fuel)
        close(t["N2O"], tj * n2o / 1000, "%s N2O" % fuel)
        if bio:
            check(t["CO2"] == 0, "%s CO2 must be a memo item, got %r" % (fuel, t["CO2"]))
            memo += tj * co2 / 1000
        else:
            close(t["CO2"], tj * co2 / 1000, "%s CO2" % fuel)
            fossil += tj * co2 / 1000
    # fossil: 6 306.3 + 155.05 + 3 168.75 + 589.332 + 1 473.33 = 11 692.762 t; memo: 191.16 t
    close(fossil, 11692.762, "hand sum of the fossil CO2")
    close(js["totals"]["by_gas_t"]["CO2"], fossil, "fossil CO2 total")
    close(js["totals"]["memo_biogenic_co2_t"], memo, "memo CO2")


@test
def off_road_machinery(tmp):
    """Off-road diesel in industry (1.A.2.k) and off-road transport (1.A.3.e.ii), 4-stroke gasoline in
    agriculture (1.A.4.c.ii): Table 3.3.1 CH4/N2O with the base fuel's NCV and CO2 (Tables 1.2/1.4)."""
    recs = ['{category: "1.A.2.k", fuel: gas_diesel_oil_offroad, amount: 1000, unit: t, source: "excavators"}',
            '{category: "1.A.3.e.ii", fuel: gas_diesel_oil_offroad, amount: 500, unit: t, source: "airport tugs"}',
            '{category: "1.A.4.c.ii", fuel: motor_gasoline_4stroke_offroad, amount: 100, unit: t, '
            'source: "chainsaws and mowers"}']
    _, js, _ = run(tmp, inventory(tmp, ["ipcc2006-energy"], recs))
    build = cat_t(js, "1.A.2.k")  # 1 000 t = 1 Gg x 43.0 TJ/Gg = 43 TJ
    close(build["CO2"], 43 * 74100 / 1000, "excavators CO2")  # 43 x 74 100 kg = 3 186.3 t
    close(build["CH4"], 43 * 4.15 / 1000, "excavators CH4")  # 43 x 4.15 kg = 0.17845 t
    close(build["N2O"], 43 * 28.6 / 1000, "excavators N2O")  # 43 x 28.6 kg = 1.2298 t
    tugs = cat_t(js, "1.A.3.e.ii")  # 500 t = 0.5 Gg x 43.0 = 21.5 TJ
    close(tugs["CO2"], 21.5 * 74100 / 1000, "tugs CO2")  # 1 593.15 t
    close(tugs["CH4"], 21.5 * 4.15 / 1000, "tugs CH4")  # 0.089225 t
    close(tugs["N2O"], 21.5 * 28.6 / 1000, "tugs N2O")  # 0.6149 t
    farm = cat_t(js, "1.A.4.c.ii")  # 100 t = 0.1 Gg x 44.3 TJ/Gg = 4.43 TJ
    close(farm["CO2"], 4.43 * 69300 / 1000, "4-stroke CO2")  # 4.43 x 69 300 kg = 306.999 t
    close(farm["CH4"], 4.43 * 80 / 1000, "4-stroke CH4")  # 4.43 x 80 kg = 0.3544 t
    close(farm["N2O"], 4.43 * 2 / 1000, "4-stroke N2O")  # 4.43 x 2 kg = 0.00886 t
    # Table 3.3.1 has no 4-stroke gasoline value shipped for 1.A.3.e.ii: refused, not guessed
    bad = inventory(tmp, ["ipcc2006-energy"], [recs[2].replace("1.A.4.c.ii", "1.A.3.e.ii")], "bad.yaml")
    r = ghg("inventory", bad, "-o", os.path.join(tmp, "bad.xlsx"), "--factors", FACTORS)
    check(r.rc == 2 and "no CH4 emission factor for fuel 'motor_gasoline_4stroke_offroad' in category 1.A.3.e.ii"
          in r.err, "4-stroke gasoline in 1.A.3.e.ii: %r" % r)


# ================================================================ natural gas by volume

@test
def natural_gas_by_volume_through_china_energy(tmp):
    """10^4 Nm3 and 10^8 m3 with china-energy's NCV per volume (389.31 GJ/10^4 Nm3), carbon content
    0.0153 tC/GJ and oxidation 99 %; CH4/N2O from ipcc2006-energy Tables 2.2 and 2.5."""
    recs = ['{category: "1.A.4.b", fuel: natural_gas, amount: 1000, unit: 10^4 Nm3, source: "gas company, homes"}',
            '{category: "1.A.1.a", fuel: natural_gas, amount: 2.5, unit: 10^8 m3, source: "gas power plant"}']
    _, js, rows = run(tmp, inventory(tmp, ["china-energy"], recs))
    home = cat_t(js, "1.A.4.b")
    tj_home = 1000 * 389.31 / 1000  # 1 000 x 10^4 Nm3 x 389.31 GJ/10^4 Nm3 = 389 310 GJ = 389.31 TJ
    # 389 310 GJ x 0.0153 tC/GJ x 44/12 x 0.99 = 5 956.443 tC x 44/12 x 0.99 = 21 621.888 t CO2
    close(home["CO2"], tj_home * 1000 * 0.0153 * 44 / 12 * 0.99, "homes CO2")
    close(home["CH4"], tj_home * 5 / 1000, "homes CH4")  # 389.31 TJ x 5 kg/TJ = 1.94655 t
    close(home["N2O"], tj_home * 0.1 / 1000, "homes N2O")  # 0.038931 t
    plant = cat_t(js, "1.A.1.a")
    tj_plant = 2.5e4 * 389.31 / 1000  # 2.5 x 10^8 m3 = 25 000 x 10^4 m3 x 389.31 GJ = 9 732.75 TJ
    close(plant["CO2"], tj_plant * 1000 * 0.0153 * 44 / 12 * 0.99, "plant CO2")  # 540 547.20 t
    close(plant["CH4"], tj_plant * 1 / 1000, "plant CH4")  # 9.73275 t
    r = csv_row(rows, "1.A.1.a", "CO2")
    close(r["Energy (TJ)"], 9732.75, "CSV plant energy TJ")
    check(r["NCV unit"] == "GJ/10^4 Nm3", "NCV unit %r" % r["NCV unit"])
    # the IPCC set alone has only an NCV per mass: refused with the reason
    bad = inventory(tmp, ["ipcc2006-energy"], recs[:1], "bad.yaml")
    r = ghg("inventory", bad, "-o", os.path.join(tmp, "bad.xlsx"), "--factors", FACTORS)
    check(r.rc == 2 and "is in '10^4 Nm3' (volume) but its NCV in set ipcc2006-energy is in 'TJ/Gg'" in r.err,
          "volume with the IPCC set only: %r" % r)


# ================================================================ 2019 Refinement sets

@test
def ipcc2019_ef1_before_and_after_2006(tmp):
    """The 2019 wet-climate EF1 replaces the 2006 EF1 only when its set comes first; the keys it does not
    hold still get the 2006 value."""
    recs = ['{category: "3.C.4", activity: synthetic_n, amount: 1000, unit: t, source: "fertiliser sales"}',
            '{category: "3.C.4", activity: crop_residue_n, amount: 100, unit: t, source: "residue estimate"}']
    _, js, _ = run(tmp, inventory(tmp, ["ipcc2019-agriculture-wet", "ipcc2006-agriculture"], recs))
    # 1 000 t N x 0.016 kg N2O-N/kg N x 44/28 = 25.142857 t N2O (2019 Table 11.1, wet, synthetic)
    # + 100 t N x 0.01 x 44/28 = 1.571429 t N2O (2006 Table 11.1, not in the 2019 wet set)
    close(cat_t(js, "3.C.4")["N2O"], 1000 * 0.016 * 44 / 28 + 100 * 0.01 * 44 / 28, "2019 first")
    os.remove(os.path.join(tmp, "out.xlsx"))
    _, js, _ = run(tmp, inventory(tmp, ["ipcc2006-agriculture", "ipcc2019-agriculture-wet"], recs))
    close(cat_t(js, "3.C.4")["N2O"], 1100 * 0.01 * 44 / 28, "2006 first")  # 1 100 t N x 0.01 x 44/28 = 17.285714 t
    _, js, _ = run(tmp, inventory(tmp, ["ipcc2019-agriculture-dry", "ipcc2006-agriculture"], recs))
    close(cat_t(js, "3.C.4")["N2O"], 1100 * 0.005 * 44 / 28, "2019 dry")  # 1 100 t N x 0.005 x 44/28 = 8.642857 t


# ================================================================ AR6 methane: fossil and non-fossil

AR6_CH4_FOSSIL, AR6_CH4_NON_FOSSIL, AR6_CH4 = 29.8, 27.0, 27.9  # AR6 WG1 Table 7.15 and 7.SM.7 (factors/gwp.yaml)


def gwp_of_rows(xlsx, sheet):
    """{(category, activity, gas): (GWP cell formula, the Factors row it refers to as a list)} of a line sheet."""
    wb = load_wb(xlsx, data_only=False)
    fac = wb["Factors"]
    out = {}
    for d in sheet_dicts(wb[sheet]):
        ref = str(d["GWP"])
        check(ref.startswith("=Factors!$D$"), "%s GWP cell %r should refer to the Factors sheet" % (sheet, ref))
        row = int(ref[len("=Factors!$D$"):])
        out[(d["Category"], d.get("Activity") or d.get("Fuel"), d["Gas"])] = (
            ref, [fac.cell(row=row, column=c).value for c in range(1, 16)])
    return out


@test
def ar6_wastewater_non_fossil(tmp):
    """The issue's wastewater case: septic systems and a lagoon with gwp: ar6 take non-fossil CH4, 27.0
    (the generic 27.9 came out 3.3 % high against a reference that splits CH4 by origin)."""
    recs = ['{category: "4.D.1", activity: "domestic_wastewater@septic_system", amount: 2000, unit: t BOD, '
            'source: "county septic tanks"}',
            '{category: "4.D.1", activity: "domestic_wastewater@anaerobic_shallow_lagoon", amount: 500, '
            'unit: t BOD, source: "town lagoon"}']
    xlsx, js, rows = run(tmp, inventory(tmp, ["ipcc2006-waste"], recs, gwp="ar6"))
    # Vol.5 Ch.6 Eq. 6.1 with Table 6.3 MCF and Bo 0.6 kg CH4/kg BOD (factors/ipcc2006-waste.yaml):
    septic = 2000 * 0.5 * 0.6  # 2 000 t BOD x MCF 0.5 x 0.6 t CH4/t BOD = 600 t CH4
    lagoon = 500 * 0.2 * 0.6   # 500 t BOD x MCF 0.2 x 0.6 = 60 t CH4
    close(cat_t(js, "4.D.1")["CH4"], septic + lagoon, "wastewater CH4 t")  # 660 t
    close(js["totals"]["t_co2e"], (septic + lagoon) * AR6_CH4_NON_FOSSIL, "t CO2e")  # 660 x 27.0 = 17 820
    # the generic value overstated it: 660 x 27.9 = 18 414, 18 414 / 17 820 = 1.0333 (3.3 % high)
    check(abs((septic + lagoon) * AR6_CH4 / js["totals"]["t_co2e"] - 1.0333) < 1e-4, "3.3 %% high before")
    close(csv_row(rows, "4.D.1", "CH4", "domestic_wastewater@septic_system")["GWP"], AR6_CH4_NON_FOSSIL, "CSV GWP")
    for key, (ref, fac) in gwp_of_rows(xlsx, "Waste").items():
        check(fac[0] == "gwp" and fac[1] == "CH4 (non-fossil)" and fac[3] == AR6_CH4_NON_FOSSIL
              and fac[10] == "ar6" and "Table 7.15" in fac[11], "%r: Factors GWP row %r" % (key, fac))


@test
def ar6_fugitive_fossil_and_override(tmp):
    """Coal-mine methane with gwp: ar6 takes fossil CH4, 29.8 (the generic 27.9 was 6.4 % low); fuel
    combustion is fossil, wood non-fossil; a record's `ch4_origin:` overrides the rule."""
    recs = ['{category: "1.B.1.a.i.1", activity: underground_coal_mining, amount: 100, unit: 10^4 t, source: "mine"}',
            '{category: "1.A.4.b", fuel: wood_wood_waste, amount: 1000, unit: t, source: "firewood"}',
            '{category: "1.B.1.a.i.2", activity: underground_coal_post_mining, amount: 100, unit: 10^4 t, '
            'source: "mine", ch4_origin: non_fossil}']
    xlsx, js, _ = run(tmp, inventory(tmp, ["ipcc2006-fugitive", "ipcc2006-energy"], recs, gwp="ar6"))
    mining = 1e6 * 18 * 0.67 / 1000  # 100 x 10^4 t x 18 m3/t x 0.67 kg/m3 = 12 060 t CH4
    post = 1e6 * 2.5 * 0.67 / 1000   # 1e6 t x 2.5 m3/t x 0.67 kg/m3 = 1 675 t CH4
    wood = 1.0 * 15.6 * 300 / 1000   # 1 Gg x 15.6 TJ/Gg x 300 kg CH4/TJ (Table 2.5) = 4.68 t CH4
    close(js["totals"]["by_gas_t_co2e"]["CH4"], mining * AR6_CH4_FOSSIL + post * AR6_CH4_NON_FOSSIL
          + wood * AR6_CH4_NON_FOSSIL, "CH4 t CO2e")  # 359 388 + 45 225 + 126.36 = 404 739.36
    # the generic value understated the mine: 12 060 x 27.9 = 336 474 against 359 388, 6.4 % low
    check(abs(1 - AR6_CH4 / AR6_CH4_FOSSIL - 0.0638) < 1e-4, "6.4 %% low before")
    other = gwp_of_rows(xlsx, "Fugitive")
    check(other[("1.B.1.a.i.1", "underground_coal_mining", "CH4")][1][1] == "CH4 (fossil)", "mining GWP row")
    check(other[("1.B.1.a.i.2", "underground_coal_post_mining", "CH4")][1][1] == "CH4 (non-fossil)",
          "the record's ch4_origin")
    calc = gwp_of_rows(xlsx, "Calculation")
    check(calc[("1.A.4.b", "wood_wood_waste", "CH4")][1][1] == "CH4 (non-fossil)", "wood: non-fossil")
    check(calc[("1.A.4.b", "wood_wood_waste", "N2O")][1][1:4] == ["N2O", None, 273], "N2O row")


@test
def ar6_projection_keeps_each_lines_methane_gwp(tmp):
    """`ghgcalc project` on an AR6 inventory: each line's CH4 keeps its origin's GWP, so the base year's CO2e
    is the inventory's."""
    recs = ['{category: "1.B.1.a.i.1", activity: underground_coal_mining, amount: 100, unit: 10^4 t, source: "mine"}',
            '{category: "4.D.1", activity: "domestic_wastewater@septic_system", amount: 2000, unit: t BOD, '
            'source: "septic"}']
    inventory(tmp, ["ipcc2006-fugitive", "ipcc2006-waste"], recs, gwp="ar6")
    write(os.path.join(tmp, "s.yaml"), "projection: p\ntitle: p\nbase: {inventory: inv.yaml}\nhorizon: 2022\n"
          "peak: {metric: co2e, by: 2030, plateau: 2%}\nscenarios:\n  - id: flat\n    title: flat\n")
    r = ghg("project", os.path.join(tmp, "s.yaml"), "-o", os.path.join(tmp, "p.xlsx"), "--factors", FACTORS)
    check(r.rc == 0, "project: %r" % r)
    co2e = e2e_helpers.read_json(os.path.join(tmp, "p.json"))["projection"]["scenarios"][0]["metrics_t"]["co2e"]
    # 12 060 t fossil CH4 x 29.8 + 600 t non-fossil CH4 x 27.0 = 359 388 + 16 200 = 375 588 t CO2e, every year
    for v in co2e:
        close(v, 12060 * AR6_CH4_FOSSIL + 600 * AR6_CH4_NON_FOSSIL, "projected t CO2e")


@test
def ar5_keeps_one_methane_value(tmp):
    """AR5 (and SAR, AR4) keep one CH4 value for every origin: gwp.yaml's AR5 CH4_fossil 30 alone splits
    nothing (docs/input-format.md)."""
    recs = ['{category: "1.B.1.a.i.1", activity: underground_coal_mining, amount: 100, unit: 10^4 t, source: "mine"}',
            '{category: "4.D.1", activity: "domestic_wastewater@septic_system", amount: 2000, unit: t BOD, '
            'source: "septic"}']
    xlsx, js, _ = run(tmp, inventory(tmp, ["ipcc2006-fugitive", "ipcc2006-waste"], recs))
    close(js["totals"]["t_co2e"], (12060 + 600) * GWP_CH4, "t CO2e")  # (12 060 + 600) t CH4 x 28 = 354 480
    check(gwp_of_rows(xlsx, "Waste")[("4.D.1", "domestic_wastewater@septic_system", "CH4")][1][1] == "CH4",
          "one CH4 row")


# ================================================================ cement: Eq. 2.5 from its parts

CEMENT_RECORDS = [
    '{category: "2.A.1", activity: clinker_tier2_ckd_parts, amount: 100, unit: 10^4 t, source: "plant A clinker", '
    'co2: {value: 0.51, unit: t CO2/t, source: "plant A: CaO 65.2 %, Eq. 2.2 EFcl"}}',
    '{category: "2.A.1", activity: cement_kiln_dust, amount: 2, unit: 10^4 t, source: "plant A CKD to landfill", '
    'carbonate_fraction: {value: 0.8, unit: "1", source: "plant A CKD analysis"}, '
    'calcination: {value: 0.5, unit: "1", source: "plant A CKD analysis"}}',
]


@test
def cement_ckd_correction_from_its_parts(tmp):
    """IPCC 2006 Vol.3 Ch.2 Eq. 2.2 with Eq. 2.5: CO2 = Mcl x EFcl x CF_ckd, CF_ckd = 1 + (Md/Mcl) x Cd x Fd x
    (EFc/EFcl), which is Mcl x EFcl + Md x Cd x Fd x EFc: a clinker record and a CKD record."""
    xlsx, js, _ = run(tmp, inventory(tmp, ["ipcc2006-ippu"], CEMENT_RECORDS))
    mcl, efcl, md, cd, fd, efc = 1e6, 0.51, 2e4, 0.8, 0.5, 0.43971  # t, t CO2/t, t, 1, 1, t CO2/t (Table 2.1 CaCO3)
    cf_ckd = 1 + (md / mcl) * cd * fd * (efc / efcl)  # 1 + 0.02 x 0.8 x 0.5 x 0.862176... = 1.006897...
    close(cf_ckd * mcl * efcl, mcl * efcl + md * cd * fd * efc, "Eq. 2.5 as a sum")  # 510 000 + 3 517.68
    close(cat_t(js, "2.A.1")["CO2"], mcl * efcl * cf_ckd, "2.A.1 CO2 t")  # 513 517.68 t (default 1.02: 520 200)
    wb = load_wb(xlsx, data_only=False)
    rows = {d["Activity"]: d for d in sheet_dicts(wb["Industry"])}
    ckd = rows["cement_kiln_dust"]
    cached = {d["Activity"]: d for d in sheet_dicts(load_wb(xlsx)["Industry"])}["cement_kiln_dust"]
    # the parts are references to their Factors cells (docs/workbook.md), cached with the values
    check(all(str(ckd[c]).startswith("=Factors!$D$") for c in ("Term 1", "Term 2", "EF"))
          and cached["Term 1"] == cd and ckd["Term 1: name [unit]"].startswith("carbonate_fraction")
          and cached["Term 2"] == fd and ckd["Term 2: name [unit]"].startswith("calcination")
          and cached["EF"] == efc, "CKD parts in their cells: %r" % ckd)
    check(ckd["Emission (t gas)"] == "=G3*I3*L3*O3*R3", "CKD formula %r" % ckd["Emission (t gas)"])
    check(rows["clinker_tier2_ckd_parts"]["Term 1"] is None, "no CKD correction term on the clinker row")
    # a CKD record without its calcination fraction is refused, not computed without it
    bad = inventory(tmp, ["ipcc2006-ippu"], [CEMENT_RECORDS[1].replace(
        ', calcination: {value: 0.5, unit: "1", source: "plant A CKD analysis"}', "")], "bad.yaml")
    r = ghg("inventory", bad, "-o", os.path.join(tmp, "bad.xlsx"), "--factors", FACTORS)
    check(r.rc == 2 and "error: 'cement_kiln_dust' needs 'calcination' on the record (fraction of that carbonate "
          "calcined (Fd)), which set ipcc2006-ippu gives no default for" in r.err, "missing Fd: %r" % r)


# ================================================================ landfills: MCF by period and type, CDM decay

LANDFILL_INV = """inventory: landfill-test
year: 2010
gwp: ar6
factor_sets: [ipcc2006-energy]
activities: []
solid_waste:
  - site: "Changed site"
    site_type: managed_anaerobic
    climate: temperate_wet
    mcf: [{from: 2000, value: 0.4, source: "open dump until 2004"}, {from: 2005, value: 1.0, source: "cell"}]
    deposits:
      unit: Gg
      types: [food, sludge, industrial]
      rows:
%s
    doc: {industrial: {value: 0.1, source: "plant survey"}}
    k: {industrial: {value: 0.05, source: "plant survey"}}
  - site: "CDM site"
    site_type: unmanaged_deep
    climate: temperate_dry
    decay_start: deposit_year
    mcf: {sludge: 1.0}
    deposits:
      unit: Gg
      types: [food, sludge]
      rows:
        - [2008, 10, 2]
        - [2009, 0, 0]
        - [2010, 0, 0]
""" % "\n".join("        - [%d, %s]" % (y, "10, 2, 3" if y in (2000, 2005) else "0, 0, 0") for y in range(2000, 2011))


@test
def landfill_mcf_periods_sludge_and_cdm_decay(tmp):
    """docs/fod.md: an MCF per period (0.4 until 2004, 1.0 from 2005), sewage sludge (DOC 0.05, k of Table 3.3's
    food/sludge row) and industrial waste (DOC and k given: no default), and decay from the deposit year (the
    CDM tool's convention), by hand; landfill CH4 is non-fossil with AR6 (27.0)."""
    o = e2e_helpers.compute(tmp, LANDFILL_INV)

    def decomposed(deposits, k, m):
        """DDOCm decomposed in 2010 from {year: DDOCm deposited}, reaction from month m (docs/fod.md)."""
        a, b = math.exp(-k), math.exp(-k * (13 - m) / 12)
        return math.fsum(d * (1 - b) if y == 2010 else d * b * a ** (2010 - y - 1) * (1 - a)
                         for y, d in deposits.items())
    # Changed site, delay 6 (M = 13): DDOCm = W x DOC x DOCf 0.5 x MCF of the deposit year
    food = decomposed({2000: 10 * 0.15 * 0.5 * 0.4, 2005: 10 * 0.15 * 0.5 * 1.0}, 0.185, 13)  # 0.3 and 0.75 Gg
    sludge = decomposed({2000: 2 * 0.05 * 0.5 * 0.4, 2005: 2 * 0.05 * 0.5 * 1.0}, 0.185, 13)  # 0.02 and 0.05 Gg
    ind = decomposed({2000: 3 * 0.1 * 0.5 * 0.4, 2005: 3 * 0.1 * 0.5 * 1.0}, 0.05, 13)        # 0.06 and 0.15 Gg
    site_a = (food + sludge + ind) * 0.5 * 16 / 12 * 1000  # x F x 16/12, Gg -> t CH4 (OX 0)
    # CDM site (M = 1): 2008's deposit decomposes a^2 (1 - a) of itself in 2010; food MCF 0.8 (unmanaged deep),
    # sludge's own MCF 1.0; temperate dry k 0.06 for both
    site_b = (decomposed({2008: 10 * 0.15 * 0.5 * 0.8}, 0.06, 1) + decomposed({2008: 2 * 0.05 * 0.5 * 1.0}, 0.06, 1)) \
        * 0.5 * 16 / 12 * 1000
    close(cat_t(o.json, "4.A.1")["CH4"], site_a, "4.A.1 CH4 t")
    close(cat_t(o.json, "4.A.2")["CH4"], site_b, "4.A.2 CH4 t")
    close(o.json["totals"]["t_co2e"], (site_a + site_b) * AR6_CH4_NON_FOSSIL, "t CO2e at 27.0")
    ws = load_wb(o.xlsx, data_only=False)["Landfill (FOD)"]
    check(ws["F6"].value.startswith("=Factors!$D$"), "the FOD result's GWP refers to the Factors sheet")
    labels = {str(c.value) for c in ws["A"] if c.value}
    for t in ("MCF (methane correction factor): every waste type, from 2000",
              "MCF (methane correction factor): every waste type, from 2005",
              "MCF (methane correction factor): sludge, every year"):
        check(t in labels, "FOD sheet lacks the MCF row %r" % t)
    recalc(o.xlsx)


# ================================================================ the shipped example

JILIN = os.path.join(e2e_helpers.ROOT, "inventories", "jilin-2020.yaml")


@test
def jilin_example_rail_aviation_coal_mining(tmp):
    """inventories/jilin-2020.yaml's illustrative rail, aviation and coal-mining records, by hand, on every
    sheet: Calculation, Fugitive, Sectoral table, Checks (completeness, reference approach), Uncertainty,
    Key categories, Factors."""
    xlsx = os.path.join(tmp, "jilin.xlsx")
    r = ghg("inventory", JILIN, "-o", xlsx)
    check(r.rc == 0, "example: %r" % r)
    js = e2e_helpers.read_json(os.path.join(tmp, "jilin.json"))
    rail_tj, jet_tj = 12 * 43.0, 25 * 44.1  # 1.2 x 10^4 t = 12 Gg x 43.0 TJ/Gg = 516 TJ; 25 Gg x 44.1 = 1 102.5 TJ
    want = {
        # Table 1.4 CO2 74 100 kg/TJ, Table 3.4.1 CH4 4.15 and N2O 28.6 kg/TJ: 38 235.6, 2.1414, 14.7576 t
        "1.A.3.c": {"CO2": rail_tj * 74.1, "CH4": rail_tj * 4.15e-3, "N2O": rail_tj * 28.6e-3},
        # Table 1.4 CO2 71 500 kg/TJ, Table 3.6.5 CH4 0.5 and N2O 2 kg/TJ: 78 828.75, 0.55125, 2.205 t
        "1.A.3.a": {"CO2": jet_tj * 71.5, "CH4": jet_tj * 0.5e-3, "N2O": jet_tj * 2e-3},
        "1.B.1.a.i.1": {"CH4": 1.5e6 * 18 * 0.67 / 1000},   # 150 x 10^4 t x 18 m3/t x 0.67 kg/m3 = 18 090 t
        "1.B.1.a.i.2": {"CH4": 1.5e6 * 2.5 * 0.67 / 1000},  # 1.5e6 t x 2.5 m3/t x 0.67 kg/m3 = 2 512.5 t
    }
    added = 0.0
    for code, gases in want.items():
        for gas, t in gases.items():
            close(cat_t(js, code)[gas], t, "%s %s t" % (code, gas))
            added += t * {"CO2": 1, "CH4": GWP_CH4, "N2O": GWP_N2O}[gas]
    # 42 206.3232 + 79 428.51 + 576 870 = 698 504.8332 t CO2e on top of the 44 510 777.4517 t CO2e of before
    close(added, 698504.8332, "added t CO2e", rel=1e-12)
    close(js["totals"]["t_co2e"], 44510777.45173849 + added, "total t CO2e", rel=1e-12)
    close(js["totals"]["records"], 47, "records")
    wb = load_wb(xlsx)
    check(wb.sheetnames[3:5] == ["Calculation", "Fugitive"], "sheets %r" % wb.sheetnames)
    calc = {(d["Category"], d["Gas"]) for d in sheet_dicts(wb["Calculation"])}
    check({("1.A.3.a", "CO2"), ("1.A.3.c", "N2O")} <= calc, "rail and aviation on Calculation")
    fug = {d["Category"]: d for d in sheet_dicts(wb["Fugitive"])}
    close(fug["1.B.1.a.i.2"]["Emission (t gas)"], 2512.5, "Fugitive sheet post-mining t")
    cells = {ws.title: {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
             for ws in wb.worksheets}
    for sheet, texts in (("Sectoral table", ("1.B", "1.B.1.a.i.1", "1.A.3.a", "1.A.3.c")),
                         ("Uncertainty", ("1.B.1.a.i.1", "1.A.3.c")), ("Key categories", ("1.B.1.a.i.1",)),
                         ("Factors", ("underground_coal_mining", "jet_kerosene")), ("Checks", ("jet_kerosene",))):
        for t in texts:
            check(any(v == t or v.startswith(t + " ") or (" %s " % t) in v for v in cells[sheet]),
                  "%s lacks %s" % (sheet, t))
    checks = wb["Checks"]
    status = {checks.cell(row=i, column=1).value: checks.cell(row=i, column=3).value
              for i in range(1, checks.max_row + 1)}
    for code, st in (("1.A.3.a", "estimated"), ("1.A.3.c", "estimated"), ("1.A.3.d", "NE"), ("1.B.1", "estimated"),
                     ("1.B.2", "NE")):
        check(status.get(code) == st, "completeness %s: %r, expected %s" % (code, status.get(code), st))


# ================================================================ the workbook recalculates

@test
def recalc_coverage_workbook(tmp):
    """Every formula of a workbook with 1.B, rail, aviation and new-fuel rows equals its cached value, with
    AR6's fossil and non-fossil CH4 rows on the Factors sheet that the GWP cells refer to."""
    recs = COAL_RECORDS + [
        '{category: "1.A.3.c", fuel: gas_diesel_oil, amount: 3, unit: 10^4 t, source: "railway bureau"}',
        '{category: "1.A.3.a", fuel: jet_kerosene, amount: 2, unit: 10^4 t, source: "airport fuel farm"}',
        '{category: "1.A.1.a", fuel: landfill_gas, amount: 1000, unit: t, source: "landfill engine"}']
    xlsx, _, _ = run(tmp, inventory(tmp, ["ipcc2006-fugitive", "ipcc2006-energy"], recs, gwp="ar6"))
    recalc(xlsx)  # skipped under valgrind


if __name__ == "__main__":
    sys.exit(TESTS.main("coverage e2e", "ghgcalc-coverage-", e2e_helpers.configure, doc=__doc__))
