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
to 1e-9 relative. GWP: AR5 (CH4 28, N2O 265; factors/gwp.yaml), the default.
"""

import csv
import json
import os
import re
import subprocess
import sys

from e2e_runner import Fail, Registry, Skip, check

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FACTORS = os.path.join(ROOT, "factors")
XLSX_CHECK = os.path.join(ROOT, "tests", "tools", "xlsx_check.py")
BIN = None
VERBOSE = False
VALGRIND = os.environ.get("GHGCALC_VALGRIND") == "1"
VG = ["valgrind", "-q", "--error-exitcode=99", "--leak-check=full",
      "--suppressions=" + os.path.join(ROOT, "tests", "valgrind.supp")]
REL = 1e-9
GWP_CH4, GWP_N2O = 28, 265  # AR5, factors/gwp.yaml

TESTS = Registry()
test = TESTS.add


def close(got, want, what, rel=REL):
    """Fails unless got equals want to `rel` relative (absolute 1e-12 for want 0)."""
    try:
        g = float(got)
    except (TypeError, ValueError):
        raise Fail("%s: got %r, expected %r" % (what, got, want))
    ok = abs(g) <= 1e-12 if want == 0 else abs(g - want) <= rel * abs(want)
    check(ok, "%s: got %r, expected %r" % (what, g, want))


def ghg(*args):
    """Runs ghgcalc; returns (exit status, stdout, stderr)."""
    cmd = [BIN] + [str(a) for a in args]
    if VALGRIND:
        cmd = VG + cmd
    env = {k: v for k, v in os.environ.items() if k not in ("GHGCALC_FACTORS", "GHGCALC_SHOW_SOURCE")}
    env["LC_ALL"] = "C"
    p = subprocess.run(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=600)
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    if VALGRIND and p.returncode == 99:
        raise Fail("valgrind reported errors:\n%s" % err[-4000:])
    if VERBOSE:
        sys.stderr.write("$ %s\nexit %d\n%s%s" % (" ".join(cmd), p.returncode, out, err))
    return p.returncode, out, err


def inventory(tmp, sets, records, name="inv.yaml"):
    """Writes an inventory with `sets` and the YAML `records` (list items); returns its path."""
    text = ("inventory: coverage-test\nyear: 2020\ngwp: ar5\nfactor_sets: [%s]\nactivities:\n%s"
            % (", ".join(sets), "".join("  - %s\n" % r for r in records)))
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def run(tmp, inv):
    """Computes `inv`; returns (xlsx path, parsed JSON, CSV rows as dicts)."""
    xlsx = os.path.join(tmp, "out.xlsx")
    rc, out, err = ghg("inventory", inv, "-o", xlsx, "--factors", FACTORS)
    check(rc == 0, "ghgcalc inventory exit %d: %s %s" % (rc, out[-1500:], err[-1500:]))
    with open(os.path.join(tmp, "out.json"), encoding="utf-8") as f:
        js = json.load(f)
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


def load_wb(path):
    import openpyxl
    return openpyxl.load_workbook(path, data_only=False)


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
    """Underground and surface mining and post-mining: t CH4 in JSON, CSV and the Other sectors sheet."""
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
    wb = load_wb(xlsx)
    check("Other sectors" in wb.sheetnames, "sheets %r" % wb.sheetnames)
    line = [d for d in sheet_dicts(wb["Other sectors"]) if d["Category"] == "1.B.1.a.ii.1"]
    check(len(line) == 1 and str(line[0]["Emission (t gas)"]).startswith("="), "Other sectors row %r" % line)
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
    rc, out, err = ghg("inventory", inv, "-o", xlsx, "--factors", FACTORS, "--lang", "zh", "--no-csv-json")
    check(rc == 0, "exit %d %s" % (rc, err))
    wb = load_wb(xlsx)
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
    rc, _, err = ghg("inventory", bad, "-o", os.path.join(tmp, "bad.xlsx"), "--factors", FACTORS)
    check(rc == 2 and "no CH4 emission factor for fuel 'aviation_gasoline' in category 1.A.3.a" in err,
          "aviation gasoline without factors: exit %d, %s" % (rc, err))


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
    rc, _, err = ghg("inventory", bad, "-o", os.path.join(tmp, "bad.xlsx"), "--factors", FACTORS)
    check(rc == 2 and "is in '10^4 Nm3' (volume) but its NCV in set ipcc2006-energy is in 'TJ/Gg'" in err,
          "volume with the IPCC set only: exit %d %s" % (rc, err))


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


# ================================================================ the workbook recalculates

@test
def recalc_coverage_workbook(tmp):
    """Every formula of a workbook with 1.B, rail, aviation and new-fuel rows equals its cached value."""
    if VALGRIND:
        raise Skip("LibreOffice recalculation is skipped under valgrind")
    recs = COAL_RECORDS + [
        '{category: "1.A.3.c", fuel: gas_diesel_oil, amount: 3, unit: 10^4 t, source: "railway bureau"}',
        '{category: "1.A.3.a", fuel: jet_kerosene, amount: 2, unit: 10^4 t, source: "airport fuel farm"}',
        '{category: "1.A.1.a", fuel: landfill_gas, amount: 1000, unit: t, source: "landfill engine"}']
    xlsx, _, _ = run(tmp, inventory(tmp, ["ipcc2006-fugitive", "ipcc2006-energy"], recs))
    p = subprocess.run(["/usr/bin/python3", XLSX_CHECK, "recalc", xlsx], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=900)
    out = p.stdout.decode("utf-8", "replace")
    check(p.returncode == 0 and re.search(r"\b0 mismatches", out), "recalc: %s" % out[-2000:])


def configure(bin_path, verbose):
    global BIN, VERBOSE
    BIN, VERBOSE = bin_path, verbose


if __name__ == "__main__":
    sys.exit(TESTS.main("coverage e2e", "ghgcalc-coverage-", configure, doc=__doc__))
