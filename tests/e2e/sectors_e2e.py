#!/usr/bin/python3
"""sectors_e2e.py - end-to-end tests of the inventory workbook for every sector.

Run by tests/run with Debian's interpreter (needs python3-openpyxl and, for
the recalculation tests, libreoffice-calc-nogui):

    /usr/bin/python3 tests/e2e/sectors_e2e.py --bin build/ghgcalc [NAME...] [-v]

Same protocol as run_e2e.py: each test prints "ok NAME" or "FAIL NAME:
reason"; the last line is "N passed, M failed"; exit status 1 when anything
failed. NAME arguments run only the tests whose name contains one of them.

The inventory tests/fixtures/sectors/full.yaml combines fuel combustion
(1.A), industrial processes (2.A.1, 2.B.2, 2.C.3), agriculture (3.A.1,
3.A.2, 3.C.3, 3.C.4, 3.C.7), the forest sink (3.B.1.a), waste incineration
(4.C.1) and a landfill (4.A.1, first-order decay). Expected figures are
computed by hand below from the cited factor tables (factors/ipcc2006-*.yaml,
factors/gwp.yaml AR5), with the arithmetic written out, and compared under
the tolerance policy of e2e_helpers.py; the landfill is recomputed year by year here, independently
of the C code, and a constant-deposit site is checked against the closed
form of docs/fod.md.

Environment: GHGCALC_VALGRIND=1 runs every CLI call under valgrind and skips
the LibreOffice recalculations and the big (constant-memory) inventory.
"""

import math
import os
import re
import shutil
import sys
import tempfile
import zipfile

import e2e_helpers
from e2e_helpers import ROOT, VALGRIND, approx, close, ghg, load_wb, recalc, run_inventory, write
from e2e_runner import Fail, Registry, Skip, check

FULL = os.path.join(ROOT, "tests", "fixtures", "sectors", "full.yaml")
FULL_REL = "tests/fixtures/sectors/full.yaml"
EXAMPLE = os.path.join(ROOT, "inventories", "jilin-2020.yaml")

# AR5 GWP-100 of factors/gwp.yaml.
GWP = {"CO2": 1, "CH4": 28, "N2O": 265, "CF4": 6630, "C2F6": 11100}

TESTS = Registry()
test = TESTS.add


_FULL_CACHE = {}


def full(tmp, *extra):
    """full.yaml computed once per option set (the tests only read it)."""
    key = tuple(extra)
    if key not in _FULL_CACHE:
        d = tempfile.mkdtemp(prefix="ghgcalc-sectors-full-")
        _FULL_CACHE[key] = run_inventory(d, FULL_REL, *extra)
    return _FULL_CACHE[key]


def sheet_rows(ws):
    """[{header: value}] for the data rows of a line sheet (header in row 1)."""
    head = [c.value for c in ws[1]]
    rows = []
    for r in range(2, ws.max_row + 1):
        vals = [ws.cell(row=r, column=c + 1).value for c in range(len(head))]
        if vals[0] is None:
            continue
        d = {h: v for h, v in zip(head, vals) if h is not None}
        d["_row"] = r
        rows.append(d)
    return head, rows


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        s = chr(65 + rem) + s
    return s


def find_label(ws, label, col=1):
    """Row number of the first cell in column `col` whose text is `label`."""
    for r in range(1, ws.max_row + 1):
        if ws.cell(row=r, column=col).value == label:
            return r
    raise Fail("no %r in column %d of %s" % (label, col, ws.title))


# ========================================================= hand computations
#
# Product method (docs/input-format.md): amount x terms x EF x conversion.

T4 = 1e4  # 10^4 t, 10^4 head, 10^4 m3

PRODUCT = {
    # key: (sheet, category, activity, gas, t of gas)
    # 2.A.1 clinker, Tier 1: 100 x 10^4 t x 0.52 t CO2/t (Vol.3 Ch.2 Eq. 2.4) = 520 000 t CO2
    "clinker": ("Industry", "2.A.1", "clinker", "CO2", 100 * T4 * 0.52),
    # 2.B.2 nitric acid, high pressure: 20 x 10^4 t x (1 - 80 % abatement) x 9 kg N2O/t (Vol.3 Ch.3
    # Table 3.3) = 200 000 t x 0.2 x 0.009 t = 360 t N2O
    "nitric": ("Industry", "2.B.2", "nitric_acid@high_pressure", "N2O", 20 * T4 * (1 - 0.80) * 9 / 1000),
    # 2.C.3 aluminium, CWPB: 5 x 10^4 t x 1.6 t CO2/t (Vol.3 Ch.4 Table 4.10) = 80 000 t CO2;
    # CF4 0.4 kg/t and C2F6 0.04 kg/t (Table 4.15) = 20 t and 2 t
    "al_co2": ("Industry", "2.C.3", "aluminium_cwpb", "CO2", 5 * T4 * 1.6),
    "al_cf4": ("Industry", "2.C.3", "aluminium_cwpb", "CF4", 5 * T4 * 0.4 / 1000),
    "al_c2f6": ("Industry", "2.C.3", "aluminium_cwpb", "C2F6", 5 * T4 * 0.04 / 1000),
    # 3.A.1 dairy cattle enteric: 10 x 10^4 head x 68 kg CH4/head/yr (Vol.4 Ch.10 Table 10.11) = 6 800 t
    "enteric": ("Agriculture", "3.A.1", "dairy_cattle", "CH4", 10 * T4 * 68 / 1000),
    # 3.A.2 dairy cattle manure CH4: 10 x 10^4 head x 9 kg CH4/head/yr (Vol.4 Ch.10 Table 10.14) = 900 t
    "manure": ("Agriculture", "3.A.2", "dairy_cattle", "CH4", 10 * T4 * 9 / 1000),
    # 3.C.3 urea: 2 x 10^4 t x 0.20 t C/t x 44/12 (Vol.4 Ch.11 Eq. 11.13) = 14 666.67 t CO2
    "urea": ("Agriculture", "3.C.3", "urea", "CO2", 2 * T4 * 0.20 * 44 / 12),
    # 3.C.4 synthetic N: 5 000 t N x 0.01 kg N2O-N/kg N x 44/28 (Vol.4 Ch.11 Table 11.1) = 78.571 t N2O
    "soil_n": ("Agriculture", "3.C.4", "synthetic_n", "N2O", 5000 * 0.01 * 44 / 28),
    # 3.C.7 rice, irrigated aggregated, pre-season aggregated: 1 000 ha x 120 d x SFw 0.78 x SFp 1.22
    # x 1.30 kg CH4/ha/d (Vol.4 Ch.5 Tables 5.11-5.13) = 148 449.6 kg = 148.4496 t CH4
    "rice": ("Agriculture", "3.C.7", "rice@irrigated_aggregated@preseason_aggregated", "CH4",
             1000 * 120 * 0.78 * 1.22 * 1.30 / 1000),
    # 3.B.1.a forest growth, temperate conifer 50-150 t/ha: -(100 x 10^4 m3 x 0.45 t DM/m3 x BEF 1.3
    # x (1 + R 0.29) x CF 0.51 t C/t DM x 44/12) (Vol.4 Ch.4 Tables 4.3, 4.4) = -1 411 195.5 t CO2
    "forest": ("Forest", "3.B.1.a", "forest_stock_growth@temperate_conifer_agb_50_150", "CO2",
               -(100 * T4 * 0.45 * 1.3 * (1 + 0.29) * 0.51 * 44 / 12)),
    # 4.C.1 MSW incineration, continuous stoker: 10 x 10^4 t x 0.2 g CH4/t = 0.02 t; x 50 g N2O/t = 5 t
    "inc_ch4": ("Waste", "4.C.1", "msw_incineration@continuous_stoker", "CH4", 10 * T4 * 0.2 / 1e6),
    "inc_n2o": ("Waste", "4.C.1", "msw_incineration@continuous_stoker", "N2O", 10 * T4 * 50 / 1e6),
    # 4.C.1 textiles incinerated: 1 x 10^4 t x dry matter 80 % x fossil 20 % x oxidation 100 %
    # x 50 t C/100 t DM x 44/12 (Vol.5 Ch.2 Table 2.4, Ch.5) = 2 933.33 t CO2
    "inc_co2": ("Waste", "4.C.1", "incineration_co2@textiles", "CO2", 1 * T4 * 0.80 * 0.20 * 1.00 * 0.50 * 44 / 12),
}

# Fuel combustion (Vol.2): natural gas 100 Gg x 48.0 TJ/Gg = 4 800 TJ; CO2 56 100, CH4 1, N2O 0.1 kg/TJ.
# Wood 10 Gg x 15.6 TJ/Gg = 156 TJ; CO2 112 000 kg/TJ (biogenic: memo), CH4 300, N2O 4 kg/TJ (Table 2.5).
COMB = {"CO2": 4800 * 56100 / 1000, "CH4": 4800 * 1 / 1000 + 156 * 300 / 1000,
        "N2O": 4800 * 0.1 / 1000 + 156 * 4 / 1000}
MEMO = 156 * 112000 / 1000  # 17 472 t biogenic CO2

# Landfill A of full.yaml: managed anaerobic (MCF 1.0, 4.A.1), temperate wet, OX 0.1 (input), DOCf 0.5,
# F 0.5, delay 6 months (M = 13), deposits in 10^4 t (x 10 = Gg); recovery 500 t in 2019, 600 t in 2020.
FOD_TYPES = {  # type: (DOC Vol.5 Ch.2 Table 2.4, k temperate wet Vol.5 Ch.3 Table 3.3)
    "food": (0.15, 0.185), "paper": (0.40, 0.06), "wood": (0.43, 0.03)}
FOD_ROWS = [(2010, 10.0, 3.0, 1.0), (2011, 11.0, 3.2, 1.0), (2012, 12.0, 3.4, 1.1), (2013, 12.5, 3.5, 1.1),
            (2014, 13.0, 3.6, 1.2), (2015, 13.5, 3.7, 1.2), (2016, 14.0, 3.8, 1.2), (2017, 14.5, 3.9, 1.3),
            (2018, 15.0, 4.0, 1.3), (2019, 15.5, 4.1, 1.3), (2020, 16.0, 4.2, 1.4)]
FOD_RECOVERY_GG = {2019: 0.5, 2020: 0.6}


def fod_model(rows, types, uf, mcf, docf, f, ox, delay, recovery_gg, last_year):
    """The FOD model year by year (docs/fod.md), written independently of
    calc/fod.c. rows: [(year, amount per type...)], types: [(name, DOC, k)].
    Returns ({type: [per-year dict]}, [per-year site dict])."""
    m = delay + 7
    first = rows[0][0]
    years = list(range(first, last_year + 1))
    dep = {r[0]: r[1:] for r in rows}
    out = {}
    for j, (name, doc, k) in enumerate(types):
        a, b = math.exp(-k), math.exp(-k * (13 - m) / 12)
        prev, col = 0.0, []
        for y in years:
            w = dep.get(y, (0.0,) * len(types))[j] * uf
            d = w * doc * docf * mcf
            acc = d * b + prev * a
            dec = d * (1 - b) + prev * (1 - a)
            col.append({"year": y, "w": w, "ddocmd": d, "ddocma": acc, "decomp": dec, "ch4": dec * f * 16 / 12})
            prev = acc
        out[name] = col
    site = []
    for i, y in enumerate(years):
        gen = math.fsum(out[n][i]["ch4"] for n, _, _ in types)
        net = gen - recovery_gg.get(y, 0.0)
        site.append({"year": y, "gen": gen, "net": net, "ox": net * ox, "emitted": net * (1 - ox)})
    return out, site


def full_fod():
    types = [(n, doc, k) for n, (doc, k) in FOD_TYPES.items()]
    return fod_model(FOD_ROWS, types, 10.0, 1.0, 0.5, 0.5, 0.1, 6, FOD_RECOVERY_GG, 2020)


def fod_t():
    return full_fod()[1][-1]["emitted"] * 1000  # Gg -> t CH4, inventory year 2020


def expected_totals():
    """Per gas t, total CO2e with and without LULUCF, LULUCF."""
    t = dict(COMB)
    for g in ("CF4", "C2F6"):
        t[g] = 0.0
    for sheet, cat, act, gas, v in PRODUCT.values():
        t[gas] = t.get(gas, 0.0) + v
    t["CH4"] += fod_t()
    co2e = math.fsum(v * GWP[g] for g, v in t.items())
    lulucf = PRODUCT["forest"][4]
    return t, co2e, co2e - lulucf, lulucf


# ==================================================================== tests

@test
def key_of_the_other_kind(tmp):
    """A fuel under a product-method category, or an activity under 1.A, is named as such at its key
    (not the unit or NCV error its factors would give there), both in one run."""
    inv = write(os.path.join(tmp, "wk.yaml"),
                "inventory: wk\nyear: 2020\nfactor_sets: [china-energy, ipcc2006-ippu]\nactivities:\n"
                "  - {category: \"2.A.1\", fuel: raw_coal, amount: 650, unit: 万吨, source: t}\n"
                "  - {category: \"1.A.2.f\", activity: clinker, amount: 100, unit: t, source: t}\n")
    r = ghg("check", inv, "--factors", os.path.join(ROOT, "factors"))
    check(r.rc == 2, "exit %d" % r.rc)
    check("wk.yaml:5:31: error: 'raw_coal' is a fuel, burnt under 1.A (fuel combustion), not an activity of "
          "category 2.A.1" in r.err, "fuel under 2.A.1: %r" % r.err)
    check("wk.yaml:6:37: error: 'clinker' is an activity of the product method (category 2.A.1 in set "
          "ipcc2006-ippu), not a fuel" in r.err, "activity under 1.A: %r" % r.err)


@test
def console_names_its_totals(tmp):
    """The console line says which total it gives: with LULUCF records, the total without them and
    the net total with them (as the Summary does); without, the one total."""
    r = ghg("check", FULL_REL, "--factors", os.path.join(ROOT, "factors"))
    check(r.rc == 0, "check: %r" % r)
    m = re.search(r"([-0-9.]+) t CO2e without LULUCF, ([-0-9.]+) t CO2e net with LULUCF \(3\.B\)$", r.out.strip())
    check(m is not None, "the line does not name both totals: %r" % r.out)
    without, net = float(m.group(1)), float(m.group(2))
    # the only 3.B record is the forest growth above: net = without + (-1 411 195.5 t CO2)
    sink = PRODUCT["forest"][4]
    check(abs(net - (without + sink)) < 0.15, "net %.1f != %.1f + (%.1f)" % (net, without, sink))
    r = ghg("check", "inventories/jilin-2020-energy.yaml")
    check(r.rc == 0 and re.search(r", 24 records, [0-9.]+ t CO2e$", r.out.strip()) is not None,
          "an inventory without LULUCF gives its one total: %r" % r.out)


@test
def sheets_and_groups(tmp):
    """Sheets in order; Calculation holds only fuel combustion; each product line on its sector's sheet."""
    o = full(tmp)
    wb = load_wb(o.xlsx)
    check(wb.sheetnames == ["Summary", "Sectoral table", "Reporting tables", "Calculation", "Industry", "Agriculture", "Forest",
                            "Waste", "Landfill (FOD)", "Checks", "Uncertainty", "Key categories", "Factors", "About"],
          "sheets %r" % wb.sheetnames)
    head, rows = sheet_rows(wb["Calculation"])
    check(len(rows) == 6, "Calculation: 2 combustion records x 3 gases expected, got %d rows" % len(rows))
    check(all(str(r["Category"]).startswith("1.A") for r in rows), "non-1.A row on Calculation")
    want = {"Industry": 5, "Agriculture": 5, "Forest": 1, "Waste": 3}
    for sheet, n in want.items():
        head, rows = sheet_rows(wb[sheet])
        check(len(rows) == n, "%s: %d rows, expected %d" % (sheet, len(rows), n))
        fixed = ["Record no.", "Input", "Category", "Sector", "Activity", "Gas", "Amount", "Unit"]
        check(head[:8] == fixed, "%s header %r" % (sheet, head[:8]))
        nterms = (head.index("EF") - 8) // 3
        check(head[8:8 + 3 * nterms] == [x % (k + 1) for k in range(nterms)
                                          for x in ("Term %d", "Term %d: name [unit]", "Term %d: source")],
              "%s term headers %r" % (sheet, head[8:8 + 3 * nterms]))
        check(head[8 + 3 * nterms:] == ["EF", "EF unit", "EF source", "Conversion (to t of gas)", "Conversion note",
                                        "Emission (t gas)", "GWP", "Emission (t CO2e)", "Uncertainty (%)",
                                        "Data source"], "%s tail header %r" % (sheet, head[8 + 3 * nterms:]))
    # The most terms of a row on the sheet: Agriculture (rice) and Forest and Waste 3, Industry 1.
    for sheet, n in (("Industry", 1), ("Agriculture", 3), ("Forest", 3), ("Waste", 3)):
        head = [c.value for c in wb[sheet][1]]
        check("Term %d" % n in head and "Term %d" % (n + 1) not in head, "%s should have %d term groups" % (sheet, n))


@test
def product_rows_hand_computed(tmp):
    """Every product-method row's cached emission and CO2e against the hand computation."""
    o = full(tmp)
    wb = load_wb(o.xlsx)
    for key, (sheet, cat, act, gas, want) in PRODUCT.items():
        head, rows = sheet_rows(wb[sheet])
        found = [r for r in rows if r["Category"] == cat and r["Activity"] == act and r["Gas"] == gas]
        check(len(found) == 1, "%s: %d rows for %s %s" % (sheet, len(found), act, gas))
        r = found[0]
        close(r["Emission (t gas)"], want, "%s %s t" % (key, gas))
        close(r["GWP"], GWP[gas], "%s GWP" % key)
        close(r["Emission (t CO2e)"], want * GWP[gas], "%s t CO2e" % key)
        check(r["Sector"] == r["Category"][:3], "%s sector %r of %r" % (key, r["Sector"], r["Category"]))


@test
def product_formulas_in_engine_order(tmp):
    """Emission = Amount x each term ((1-x), (1+x) for those kinds) x EF x Conversion, left to right."""
    o = full(tmp)
    wb = load_wb(o.xlsx, data_only=False)
    vals = load_wb(o.xlsx)
    cases = {
        # sheet, activity, gas: expected term names (as in "name [unit]" or "name: enters as ...") and kinds
        ("Forest", "forest_stock_growth@temperate_conifer_agb_50_150", "CO2"):
            [("density [t DM/m3]", "*"), ("bef [1]", "*"), ("root_shoot: enters as (1 + value) [1]", "+")],
        ("Industry", "nitric_acid@high_pressure", "N2O"): [("abatement: enters as (1 - value) [1]", "-")],
        ("Agriculture", "rice@irrigated_aggregated@preseason_aggregated", "CH4"):
            [("days [d]", "*"), ("scaling_water [1]", "*"), ("scaling_preseason [1]", "*")],
        ("Waste", "incineration_co2@textiles", "CO2"):
            [("dry_matter [%]", "*"), ("fossil_fraction [%]", "*"), ("oxidation [%]", "*")],
        ("Industry", "clinker", "CO2"): [],
    }
    term_values = {"density [t DM/m3]": 0.45, "bef [1]": 1.3, "root_shoot: enters as (1 + value) [1]": 0.29,
                   "abatement: enters as (1 - value) [1]": 0.8, "days [d]": 120, "scaling_water [1]": 0.78,
                   "scaling_preseason [1]": 1.22, "dry_matter [%]": 80, "fossil_fraction [%]": 20,
                   "oxidation [%]": 100}
    for (sheet, act, gas), terms in cases.items():
        head, rows = sheet_rows(vals[sheet])
        r = [x for x in rows if x["Activity"] == act and x["Gas"] == gas][0]
        n = r["_row"]
        parts = ["G%d" % n]
        for k, (name, kind) in enumerate(terms):
            vcol = 8 + 3 * k
            check(r["Term %d: name [unit]" % (k + 1)] == name, "%s term %d name %r, expected %r"
                  % (act, k + 1, r["Term %d: name [unit]" % (k + 1)], name))
            close(r["Term %d" % (k + 1)], term_values[name], "%s term %d value" % (act, k + 1))
            ref = "%s%d" % (col_letter(vcol), n)
            parts.append(ref if kind == "*" else "(1%s%s)" % (kind, ref))
        parts.append("%s%d" % (col_letter(head.index("EF")), n))
        parts.append("%s%d" % (col_letter(head.index("Conversion (to t of gas)")), n))
        want = "=" + "*".join(parts)
        got = wb[sheet].cell(row=n, column=head.index("Emission (t gas)") + 1).value
        check(str(got).replace("$", "") == want, "%s %s formula %r, expected %r" % (sheet, act, got, want))
        co2e = wb[sheet].cell(row=n, column=head.index("Emission (t CO2e)") + 1).value
        want = "=%s%d*%s%d" % (col_letter(head.index("Emission (t gas)")), n, col_letter(head.index("GWP")), n)
        check(co2e == want, "%s CO2e formula %r, expected %r" % (act, co2e, want))
    # The forest conversion carries 44/12 and the sign of a removal.
    head, rows = sheet_rows(vals["Forest"])
    close(rows[0]["Conversion (to t of gas)"], -1e4 * 44 / 12, "forest conversion (10^4 m3 -> m3, C -> CO2, sink)")
    check("removal" in rows[0]["Conversion note"], "forest conversion note %r" % rows[0]["Conversion note"])


@test
def landfill_sheet_year_by_year(tmp):
    """The FOD tables against an independent year-by-year computation, the summary and the results block."""
    o = full(tmp)
    wb = load_wb(o.xlsx)
    ws = wb["Landfill (FOD)"]
    cols, site = full_fod()
    for name in FOD_TYPES:
        r0 = None
        for r in range(1, ws.max_row + 1):
            v = ws.cell(row=r, column=1).value
            if isinstance(v, str) and ("(%s):" % name) in v:
                r0 = r + 2
                break
        check(r0, "no table for %s" % name)
        for i, want in enumerate(cols[name]):
            row = [ws.cell(row=r0 + i, column=c).value for c in range(1, 10)]
            check(row[0] == want["year"], "%s row %d year %r" % (name, i, row[0]))
            close(row[2], want["w"], "%s %d W (Gg)" % (name, want["year"]))
            close(row[3], want["ddocmd"], "%s %d DDOCmd" % (name, want["year"]))
            close(row[6], want["ddocma"], "%s %d DDOCma" % (name, want["year"]))
            close(row[7], want["decomp"], "%s %d DDOCm decomposed" % (name, want["year"]))
            close(row[8], want["ch4"], "%s %d CH4 generated" % (name, want["year"]))
    # With the default delay (M = 13) nothing decomposes in the deposit year.
    s0 = find_label(ws, "Site summary by year (Gg CH4 unless stated)") + 2
    for i, want in enumerate(site):
        row = [ws.cell(row=s0 + i, column=c).value for c in range(1, 12)]
        check(row[0] == want["year"], "summary year %r" % row[0])
        close(row[4], want["gen"], "%d total generated" % want["year"])
        close(row[6], want["net"], "%d generated - R" % want["year"])
        close(row[8], want["ox"], "%d oxidised" % want["year"])
        close(row[9], want["emitted"], "%d emitted (Gg)" % want["year"])
        close(row[10], want["emitted"] * 1000, "%d emitted (t)" % want["year"])
    last = s0 + len(site) - 1
    fill = ws.cell(row=last, column=1).fill
    check(fill is not None and fill.fill_type == "solid", "the inventory-year row is not highlighted")
    check(ws.cell(row=last - 1, column=1).fill.fill_type in (None, "none"), "a non-inventory year is highlighted")
    # FOD results block (rows 6..): Category | Sector | Gas | Emission (t) | Emission (t CO2e) | GWP | Site.
    check([ws.cell(row=5, column=c).value for c in range(1, 8)] ==
          ["Category", "Sector", "Gas", "Emission (t)", "Emission (t CO2e)", "GWP", "Site"], "results header")
    check([ws.cell(row=6, column=c).value for c in range(1, 4)] == ["4.A.1", "4.A", "CH4"], "results row")
    close(ws["D6"].value, fod_t(), "FOD results t CH4")
    close(ws["E6"].value, fod_t() * 28, "FOD results t CO2e")
    close(o.json["categories"][[c["code"] for c in o.json["categories"]].index("4.A.1")]["t"]["CH4"], fod_t(),
          "JSON 4.A.1 CH4")
    f = load_wb(o.xlsx, data_only=False)["Landfill (FOD)"]
    check(f["D6"].value == "=K%d" % last, "results t formula %r (summary row %d)" % (f["D6"].value, last))
    check(f["E6"].value == "=D6*F6", "results CO2e formula %r" % f["E6"].value)


@test
def landfill_closed_form_25_years(tmp):
    """Constant deposits, delay 0 (M = 7): DDOCma and decomposed over 25 years against the closed form."""
    rows = "\n".join("        - [%d, 2.0]" % y for y in range(2000, 2025))
    text = """inventory: fod-closed
year: 2024
factor_sets: [ipcc2006-energy]
activities: []
solid_waste:
  - site: "Constant"
    site_type: unmanaged_deep
    climate: temperate_dry
    delay_months: 0
    deposits:
      unit: Gg
      types: [food]
      rows:
%s
""" % rows
    o = run_inventory(tmp, write(os.path.join(tmp, "inv.yaml"), text))
    # D = W x DOC x DOCf x MCF = 2.0 Gg x 0.15 x 0.5 x 0.8 (unmanaged deep, Table 3.1) = 0.12 Gg
    d, k = 2.0 * 0.15 * 0.5 * 0.8, 0.06  # k food, temperate dry (Table 3.3)
    a, b = math.exp(-k), math.exp(-k * (13 - 7) / 12)
    ws = load_wb(o.xlsx)["Landfill (FOD)"]
    r0 = None
    for r in range(1, ws.max_row + 1):
        v = ws.cell(row=r, column=1).value
        if isinstance(v, str) and v.startswith("Food waste (food):"):
            r0 = r + 2
            break
    check(r0, "no food table")
    total_dec = 0.0
    for t in range(25):
        row = [ws.cell(row=r0 + t, column=c).value for c in range(1, 10)]
        close(row[6], b * d * (1 - a ** (t + 1)) / (1 - a), "year %d DDOCma (closed form)" % (2000 + t))
        close(row[7], d * (1 - b * a ** t), "year %d decomposed (closed form)" % (2000 + t))
        total_dec += row[7]
        close((t + 1) * d, row[6] + total_dec, "year %d mass balance" % (2000 + t))
    emitted = d * (1 - b * a ** 24) * 0.5 * 16 / 12 * 1000  # F 0.5, OX 0, t CH4 in 2024
    close(o.json["totals"]["by_gas_t"]["CH4"], emitted, "CH4 2024 (closed form)")
    recalc(o.xlsx)


@test
def summary_totals_with_and_without_lulucf(tmp):
    """Summary: a row per gas shown (CO2, CH4, N2O, CF4, C2F6), totals without LULUCF, LULUCF, net total."""
    o = full(tmp)
    t, co2e, excl, lulucf = expected_totals()
    ws = load_wb(o.xlsx)["Summary"]
    g0 = find_label(ws, "Gas") + 1
    gases = [ws.cell(row=g0 + i, column=1).value for i in range(5)]
    check(gases == ["CO2", "CH4", "N2O", "CF4", "C2F6"], "gas rows %r" % gases)
    for i, g in enumerate(gases):
        close(ws.cell(row=g0 + i, column=2).value, t[g], "Summary %s t" % g)
        close(ws.cell(row=g0 + i, column=3).value, t[g] * GWP[g], "Summary %s t CO2e" % g)
    close(ws.cell(row=find_label(ws, "Total excluding LULUCF (3.B)"), column=3).value, excl, "total without LULUCF")
    close(ws.cell(row=find_label(ws, "LULUCF (3.B), net"), column=3).value, lulucf, "LULUCF")
    close(ws.cell(row=find_label(ws, "Total including LULUCF (net)"), column=3).value, co2e, "net total")
    close(ws.cell(row=find_label(ws, "Memo: biogenic CO2 (not in totals)"), column=2).value, MEMO, "memo")
    j = o.json["totals"]
    close(j["t_co2e"], co2e, "JSON t_co2e")
    close(j["t_co2e_without_lulucf"], excl, "JSON t_co2e_without_lulucf")
    close(j["lulucf_t_co2e"], lulucf, "JSON lulucf_t_co2e")
    close(j["by_gas_t_co2e"]["CH4"], t["CH4"] * 28, "JSON CH4 t CO2e (with the landfill)")
    for g in ("CF4", "C2F6"):
        close(j["by_gas_t"][g], t[g], "JSON %s t" % g)


@test
def summary_sumifs_over_every_sheet(tmp):
    """The Summary and Sectoral totals are SUMIFS over every line sheet and the FOD results block."""
    o = full(tmp)
    ws = load_wb(o.xlsx, data_only=False)["Summary"]
    vals = load_wb(o.xlsx)["Summary"]
    f = str(ws.cell(row=find_label(vals, "Total including LULUCF (net)"), column=3).value)
    for ref in ("Calculation!", "Industry!", "Agriculture!", "Forest!", "Waste!", "'Landfill (FOD)'!$E$6:$E$6"):
        check(ref in f, "net total formula lacks %s: %s" % (ref, f))
    f = str(ws.cell(row=find_label(vals, "Total excluding LULUCF (3.B)"), column=3).value)
    check(f.count('"<>3.B"') == 6, "total without LULUCF: one <>3.B criterion per source: %s" % f)
    f = str(ws.cell(row=find_label(vals, "Memo: biogenic CO2 (not in totals)"), column=2).value)
    check("Calculation!" in f and "Industry!" not in f and "Landfill" not in f,
          "memo only from sheets with a memo column: %s" % f)
    st = load_wb(o.xlsx)["Sectoral table"]
    head = [c.value for c in st[1]]
    check(head == ["Category", "Name", "CO2 (t)", "CH4 (t)", "N2O (t)", "CF4 (t)", "C2F6 (t)", "CO2e (t)",
                   "Memo: biogenic CO2 (t)", "Key category (L1 T1 L2 T2)"], "Sectoral header %r" % head)
    j = o.json
    rows = {r[0]: r for r in st.iter_rows(min_row=2, values_only=True) if r[0]}
    for c in j["categories"] + j["sectors"]:
        check(c["code"] in rows, "Sectoral table lacks %s" % c["code"])
        close(rows[c["code"]][7], c["t_co2e"], "Sectoral %s CO2e vs JSON" % c["code"])
    # the IPCC levels 1, 1.A, 2, 3, 4, 5 and the sector 1.B (shown without records) besides them, the two
    # totals and the note on the notation keys
    check(len(rows) == len(j["categories"]) + len(j["sectors"]) + 7 + 2 + 1, "Sectoral rows %d" % len(rows))
    for level in ("1", "1.A", "2", "3", "4"):
        close(rows[level][7], sum(c["t_co2e"] for c in j["categories"] if c["code"] == level
                                  or c["code"].startswith(level + ".")), "Sectoral level %s CO2e" % level)
    t, co2e, excl, lulucf = expected_totals()
    close(rows["Total including LULUCF (net)"][7], co2e, "Sectoral net total")
    close(rows["Total excluding LULUCF (3.B)"][7], excl, "Sectoral total without LULUCF")
    close(rows["4.A"][3], fod_t(), "Sectoral 4.A CH4 (landfill)")
    close(rows["2.C.3"][5], 20, "Sectoral 2.C.3 CF4")
    # Sectors: 1.A at depth 3, the others at depth 2.
    check([s["code"] for s in j["sectors"]] == ["1.A.1", "1.A.4", "2.A", "2.B", "2.C", "3.A", "3.B", "3.C", "4.A",
                                                "4.C"], "JSON sectors %r" % [s["code"] for s in j["sectors"]])


@test
def bar_chart_of_sorted_sectors(tmp):
    """Every sector, the sink 3.B too, in a bar chart largest first; shares of the emitting sectors only."""
    o = full(tmp)
    ws = load_wb(o.xlsx)["Summary"]
    with zipfile.ZipFile(o.xlsx) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        check(len(charts) == 3, "charts %r" % charts)
        xml = [z.read(n).decode("utf-8") for n in charts]
    check(not any("<c:pieChart>" in x for x in xml), "a pie chart is left")
    bars = [x for x in xml if '<c:barDir val="bar"/>' in x]
    check(len(bars) == 2, "two bar charts expected (sectors, totals)")
    refs = re.findall(r"<c:f>Summary!\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)</c:f>", bars[0])
    vals = [r for r in refs if r[0] == "C"]
    check(len(vals) == 1, "bar value refs %r" % refs)
    first, last = int(vals[0][1]), int(vals[0][2])
    codes = [ws.cell(row=r, column=1).value for r in range(first, last + 1)]
    co2e = [ws.cell(row=r, column=3).value for r in range(first, last + 1)]
    check(len(codes) == 10 and codes[-1] == "3.B", "10 sectors, the sink last: %r" % codes)
    check(co2e == sorted(co2e, reverse=True), "sectors not sorted by CO2e: %r" % co2e)
    close(co2e[-1], PRODUCT["forest"][4], "3.B net removals")
    shares = [ws.cell(row=r, column=4).value for r in range(first, last + 1)]
    close(sum(shares[:-1]), 1.0, "shares of the emitting sectors")
    check(shares[-1] is None, "the sink has no share: %r" % shares[-1])


@test
def factors_sheet_terms_and_fod(tmp):
    o = full(tmp)
    ws = load_wb(o.xlsx)["Factors"]
    head = [c.value for c in ws[1]]
    check(head[1] == "Fuel / activity" and head[-1] == "Enters as", "Factors header %r" % head)
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True)]
    by = {(r[0], r[1]): r for r in rows}
    check(by[("root_shoot", "forest_stock_growth@temperate_conifer_agb_50_150")][14] == "enters as (1 + value)",
          "root_shoot role")
    check(by[("abatement", "(record override)")][14] == "enters as (1 - value)", "abatement role")
    check(by[("days", "(record override)")][14] == "x value", "days role")
    check(by[("cf4", "aluminium_cwpb")][14] == "emission factor", "cf4 role")
    k = by[("k", "Site: Landfill A, food")]
    close(k[3], 0.185, "FOD k food")
    check(k[14] == "first-order decay (4.A)" and "Table 3.3" in k[11], "FOD k row %r" % (k,))
    ox = by[("ox", "Site: Landfill A")]
    check(ox[10] == "input" and ox[13] == FULL_REL + ":85", "FOD ox row %r" % (ox,))


@test
def csv_product_and_fod_rows(tmp):
    """CSV: old columns first, then Method, Terms, Term sources, Conversion note; a row per landfill site."""
    o = full(tmp)
    rows = o.csv_rows()
    head = rows[0]
    check(head[:3] == ["Record no.", "Input", "Category"] and head[24] == "Data source", "old columns moved")
    check(head[25:] == ["Method", "Terms", "Term sources", "Conversion note"], "extra columns %r" % head[25:])
    check(all(len(r) == len(head) for r in rows), "ragged CSV")
    body = [dict(zip(head, r)) for r in rows[1:]]
    check(sum(r["Method"] == "combustion" for r in body) == 6, "combustion rows")
    check(sum(r["Method"] == "product" for r in body) == 14, "product rows")
    check(sum(r["Method"] == "fod" for r in body) == 1, "fod rows")
    forest = [r for r in body if r["Category"] == "3.B.1.a"][0]
    check(forest["Terms"] == "density=0.45 t DM/m3; bef=1.3 1; root_shoot=(1+0.29)", "Terms %r" % forest["Terms"])
    check(forest["Term sources"].startswith("density: record: test: wood density; bef: record: test: BEF; "
                                            "root_shoot: ipcc2006-forest: IPCC 2006 Vol.4 Ch.4 Table 4.4"),
          "Term sources %r" % forest["Term sources"])
    check(forest["Conversion note"] == "44/12 (C to CO2), x -1 (removal)", "note %r" % forest["Conversion note"])
    check(forest["NCV"] == "" and forest["Energy (TJ)"] == "" and forest["Oxidation"] == "", "NCV/energy not empty")
    close(forest["Emission (t gas)"], PRODUCT["forest"][4], "CSV forest t")
    nitric = [r for r in body if r["Category"] == "2.B.2"][0]
    check(nitric["Terms"] == "abatement=(1-0.8)", "nitric Terms %r" % nitric["Terms"])
    check(nitric["EF source"].startswith("ipcc2006-ippu: IPCC 2006 Vol.3 Ch.3 Table 3.3"), "EF source %r"
          % nitric["EF source"])
    fod = [r for r in body if r["Method"] == "fod"][0]
    check(fod["Record no."] == "" and fod["Category"] == "4.A.1" and fod["Sector"] == "4.A"
          and fod["Fuel"] == "Landfill A" and fod["Gas"] == "CH4", "fod row %r" % fod)
    close(fod["Emission (t gas)"], fod_t(), "CSV landfill t")
    net = math.fsum(float(r["Emission (t CO2e)"]) for r in body if r["Memo (biogenic CO2)"] == "no")
    close(net, o.json["totals"]["t_co2e"], "CSV CO2e (no memo) = JSON total")


@test
def recalc_full(tmp):
    recalc(full(tmp).xlsx)


@test
def recalc_full_zh(tmp):
    o = full(tmp, "--lang", "zh")
    wb = load_wb(o.xlsx)
    check(wb.sheetnames[4:9] == ["工业生产过程", "农业", "林业", "废弃物处理", "填埋一阶衰减"],
          "zh sheets %r" % wb.sheetnames)
    check(wb["汇总"]["A9"].value == "CO2", "zh Summary")
    check(any("\u4e00" <= ch <= "\u9fff" for ch in str(wb["工业生产过程"]["I1"].value)), "zh term header %r"
          % wb["工业生产过程"]["I1"].value)
    recalc(o.xlsx)


@test
def deterministic_bytes(tmp):
    a = run_inventory(tmp, FULL_REL)
    with open(a.xlsx, "rb") as f:
        first = f.read()
    b = run_inventory(tmp, FULL_REL)
    with open(b.xlsx, "rb") as f:
        check(f.read() == first, "two runs gave different workbooks")


@test
def combustion_only_layout(tmp):
    """A fuel-combustion inventory keeps its sheets; its LULUCF is 0 and both totals agree."""
    out = os.path.join(tmp, "j.xlsx")
    r = ghg("inventory", os.path.join(ROOT, "tests", "fixtures", "ok", "combustion-2020.yaml"), "-o", out)
    check(r.rc == 0, "example: %r" % r)
    wb = load_wb(out)
    check(wb.sheetnames == ["Summary", "Sectoral table", "Reporting tables", "Calculation", "Checks", "Uncertainty",
                            "Key categories", "Factors", "About"], "sheets %r" % wb.sheetnames)
    ws = wb["Summary"]
    excl = ws.cell(row=find_label(ws, "Total excluding LULUCF (3.B)"), column=3).value
    net = ws.cell(row=find_label(ws, "Total including LULUCF (net)"), column=3).value
    check(ws.cell(row=find_label(ws, "LULUCF (3.B), net"), column=3).value == 0, "LULUCF not 0")
    check(excl == net, "totals differ: %r %r" % (excl, net))
    with zipfile.ZipFile(out) as z:
        check(sum(n.startswith("xl/charts/chart") for n in z.namelist()) == 2, "a combustion-only Summary has 2 charts")


@test
def json_indirect_outside_totals(tmp):
    """The JSON's indirect block: both views, by hand, outside the totals."""
    inv = write(os.path.join(tmp, "ind.yaml"),
                "inventory: ind\nyear: 2020\nfactor_sets: [ipcc2006-energy, china-grid]\n"
                "activities:\n"
                "  - {category: \"1.A.1.a\", fuel: natural_gas, amount: 100, unit: TJ}\n"
                "indirect:\n"
                "  - {kind: electricity, amount: 1000, unit: MWh, source: s1,\n"
                "     co2: {value: 0.6, unit: t CO2/MWh, source: \"meter contract\"}}\n"
                "  - {kind: electricity, amount: 250, unit: 万千瓦时, source: s2,\n"
                "     co2: {value: 0.5, unit: kg CO2/kWh, source: \"contract\"}}\n"
                "  - {kind: electricity, amount: -200, unit: MWh, view: net_import, source: s3,\n"
                "     co2: {value: 0.5, unit: t CO2/MWh, source: \"guideline\"}}\n")
    o = run_inventory(tmp, inv)
    j = o.json
    # consumption: 1000 MWh x 0.6 t/MWh = 600 t; 250 x 10^4 kWh x 0.5 kg/kWh = 1,250,000 kg = 1250 t
    close(j["indirect"]["consumption_t_co2"], 600 + 1250, "indirect consumption")
    # net imports: -200 MWh x 0.5 t/MWh = -100 t
    close(j["indirect"]["net_import_t_co2"], -100, "indirect net imports")
    check(j["indirect"]["records"] == 3, "indirect records %r" % j["indirect"]["records"])
    # direct total: natural gas 100 TJ x (56,100 + 1 x 28 + 0.1 x 265) kg/TJ = 5,615,450 kg CO2e (IPCC 2006
    # Vol.2 Tables 1.4 and 2.2, AR5 GWPs); the indirect rows are not in it
    close(j["totals"]["t_co2e"], 100 * (56100 + 1 * 28 + 0.1 * 265) / 1000, "direct total without indirect")
    # rows with their own co2: name no grid on the Indirect sheet
    ws = load_wb(o.xlsx)["Indirect"]
    rows = [r for r in ws.iter_rows(values_only=True) if r and r[0] in (1, 2, 3)]
    for hr in ws.iter_rows(values_only=True):
        if hr and "Grid" in hr:
            g = hr.index("Grid")
            break
    else:
        raise Fail("no Grid column on Indirect")
    check(len(rows) == 3 and all(r[g] in (None, "") for r in rows), "grid of override rows %r" % [r[g] for r in rows])


@test
def checks_sectoral_approach_is_a_formula(tmp):
    """Checks: reference against sectoral approach by hand; the sectoral 1.A CO2 is a SUMIFS of Calculation."""
    inv = write(os.path.join(tmp, "ra.yaml"),
                "inventory: ra\nyear: 2020\nfactor_sets: [ipcc2006-energy]\n"
                "activities:\n"
                "  - {category: \"1.A.1.a\", fuel: other_bituminous_coal, amount: 12.5, unit: \"万吨\"}\n"
                "  - {category: \"1.A.4.b\", fuel: natural_gas, amount: 0.8, unit: 10^4 t}\n"
                "  - {category: \"1.A.4.b\", fuel: wood_wood_waste, amount: 100, unit: t}\n"
                "reference_approach:\n  fuels:\n"
                "    - {fuel: other_bituminous_coal, unit: 10^4 t, production: 0, imports: 20, exports: 0,\n"
                "       bunkers: 0, stock_change: 2, non_energy_use: 0.5, source: hand}\n")
    o = run_inventory(tmp, inv)
    # sectoral (IPCC 2006 Vol.2 Tables 1.2 and 1.4): coal 125 Gg x 25.8 TJ/Gg = 3225 TJ x 94.6 t/TJ = 305,085 t;
    # gas 8 Gg x 48.0 TJ/Gg = 384 TJ x 56.1 t/TJ = 21,542.4 t; wood is biogenic (a memo item, not counted)
    sectoral = 305085 + 21542.4
    # reference: (0 + 20 - 0 - 0 - 2 - 0.5) x 10^4 t = 175 Gg x 25.8 = 4515 TJ x 94.6 t/TJ = 427,119 t
    reference = 427119.0
    wb = load_wb(o.xlsx, data_only=False)
    values = load_wb(o.xlsx)
    ws, vs = wb["Checks"], values["Checks"]
    row = find_label(ws, "Sectoral approach (1.A fossil CO2), t", col=13)
    cell = ws.cell(row=row, column=17)
    check(str(cell.value) == '=SUMIFS(Calculation!$Q:$Q,Calculation!$F:$F,"CO2",Calculation!$T:$T,"no")',
          "sectoral approach cell %r" % cell.value)
    close(vs.cell(row=row, column=17).value, sectoral, "sectoral approach")
    close(vs.cell(row=row - 1, column=17).value, reference, "reference approach")
    close(vs.cell(row=row + 1, column=17).value, (reference - sectoral) / sectoral, "difference")
    check(vs.cell(row=row + 3, column=17).value == "explain", "a 30.8 %% difference is flagged above 5 %%")
    recalc(o.xlsx)


@test
def big_inventory_constant_memory(tmp):
    """5 129 copies of full.yaml's 13 records (66 677 records: the CLI writes in constant-memory mode from
    200 000 = records x 3 rows, as run_e2e.py's big test): rows in order on every sheet, totals scale, the
    landfill sheet intact."""
    if VALGRIND:
        raise Skip("too slow under valgrind")
    with open(FULL, encoding="utf-8") as f:
        src = f.read()
    head, rest = src.split("activities:\n", 1)
    acts, sw = rest.split("solid_waste:\n", 1)
    recs = re.split(r"\n(?=  - )", acts.strip("\n"))
    n = 5129
    out = [head.replace("inventory: sectors-e2e", "inventory: sectors-big") + "activities:"]
    for i in range(n):
        for j, r in enumerate(recs):
            out.append(r + "\n    id: r%d_%d" % (i, j))
    out.append("solid_waste:\n" + sw)
    o = run_inventory(tmp, write(os.path.join(tmp, "big.yaml"), "\n".join(out)), "--quiet")
    with zipfile.ZipFile(o.xlsx) as z:
        check("xl/sharedStrings.xml" not in z.namelist(), "not written in constant-memory mode")
    t, co2e, excl, lulucf = expected_totals()
    fod_co2e = fod_t() * 28
    j = o.json["totals"]
    close(j["t_co2e"], n * (co2e - fod_co2e) + fod_co2e, "big net total")
    close(j["lulucf_t_co2e"], n * lulucf, "big LULUCF")
    # The line sheets are too big for openpyxl in a test: read their XML (sheet4.xml is Calculation, ...).
    want = {"Calculation": (4, 6), "Industry": (5, 5), "Agriculture": (6, 5), "Forest": (7, 1), "Waste": (8, 3)}
    with zipfile.ZipFile(o.xlsx) as z:
        for sheet, (k, per) in want.items():
            xml = z.read("xl/worksheets/sheet%d.xml" % k).decode("utf-8")
            recs = [int(v) for v in re.findall(r'<c r="A\d+"[^>]*><v>(\d+)</v>', xml)]
            check(len(recs) == n * per, "%s: %d rows, expected %d" % (sheet, len(recs), n * per))
            check(recs == sorted(recs), "%s rows out of record order" % sheet)
            if sheet == "Forest":
                last = n + 1
                m = re.search(r'<c r="W%d"[^>]*><f>([^<]*)</f><v>([^<]*)</v>' % last, xml)
                check(m and m.group(1) == "G%d*I%d*L%d*(1+O%d)*R%d*U%d" % ((last,) * 6),
                      "last Forest formula %s" % (m and m.group(1)))
                close(m.group(2), PRODUCT["forest"][4], "last Forest row emission")
    import openpyxl
    wb = openpyxl.load_workbook(o.xlsx, read_only=True, data_only=True)
    s = [v for row in wb["Summary"].iter_rows(values_only=True) for v in row if isinstance(v, (int, float))]
    check(any(approx(v, j["t_co2e_without_lulucf"]) for v in s), "Summary lacks the total")
    fod = [r for r in wb["Landfill (FOD)"].iter_rows(min_row=6, max_row=6, values_only=True)][0]
    close(fod[3], fod_t(), "big: FOD results t")


# =================================================================== runner

def finish_full_cache():
    for o in _FULL_CACHE.values():
        shutil.rmtree(os.path.dirname(o.xlsx), ignore_errors=True)


if __name__ == "__main__":
    sys.exit(TESTS.main("sectors e2e", "ghgcalc-sectors-", e2e_helpers.configure, finish=finish_full_cache, doc=__doc__))
