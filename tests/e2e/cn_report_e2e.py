#!/usr/bin/python3
"""cn_report_e2e.py - end-to-end tests of the Chinese reporting options: the Reporting tables sheet, --unit 10kt
(every sheet of the workbook), --csv-bom.

Run by tests/run with Debian's interpreter (needs python3-openpyxl and, for
the recalculation tests, libreoffice-calc-nogui):

    /usr/bin/python3 tests/e2e/cn_report_e2e.py --bin build/ghgcalc [NAME...] [-v]

Same protocol as run_e2e.py. The inventory INV below burns three fuels in
five IPCC 1.A categories, one per energy balance sector the mapping of
docs/cn-reporting.md gives, and makes clinker (2.A.1). Every expected cell
of the sheet is worked out by hand below from the cited factors of
factors/ipcc2006-energy.yaml and factors/ipcc2006-ippu.yaml, and compared
under the tolerance policy of e2e_helpers.py.
"""

import csv
import io
import json
import math
import os
import re
import sys

import e2e_helpers
from e2e_helpers import close, ghg, load_wb, recalc, write, FACTORS
from e2e_runner import Fail, Registry, check

INV = """\
inventory: cn-report-e2e
title: "Reporting tables (test)"
region: Test City
year: 2020
gwp: ar5
factor_sets: [ipcc2006-energy, ipcc2006-ippu]
activities:
  - {category: "1.A.1.a", fuel: natural_gas, amount: 1, unit: Gg, source: "test: power plant"}
  - {category: "1.A.2.k", fuel: gas_diesel_oil, amount: 0.2, unit: Gg, source: "test: building sites"}
  - {category: "1.A.3.b", fuel: gas_diesel_oil, amount: 0.5, unit: Gg, source: "test: lorries"}
  - {category: "1.A.4.a", fuel: natural_gas, amount: 0.1, unit: Gg, source: "test: offices"}
  - {category: "1.A.4.b", fuel: other_bituminous_coal, amount: 0.1, unit: Gg, source: "test: stoves"}
  - {category: "2.A.1", activity: clinker, amount: 1, unit: 10^4 t, source: "test: kiln"}
"""

# Factors (ipcc2006-energy, Vol.2 Ch.1 Tables 1.2 and 1.4; oxidation 1):
#   natural_gas            NCV 48.0 TJ/Gg, CO2 56 100 kg/TJ
#   gas_diesel_oil         NCV 43.0 TJ/Gg, CO2 74 100 kg/TJ (1.A.3.b: Vol.2 Ch.3 Table 3.2.1, also 74 100)
#   other_bituminous_coal  NCV 25.8 TJ/Gg, CO2 94 600 kg/TJ
# Energy = Gg x NCV; CO2 (t) = TJ x kg/TJ / 1000.
TJ = {
    "1.A.1.a": 1 * 48.0,    # 48 TJ
    "1.A.2.k": 0.2 * 43.0,  # 8.6 TJ
    "1.A.3.b": 0.5 * 43.0,  # 21.5 TJ
    "1.A.4.a": 0.1 * 48.0,  # 4.8 TJ
    "1.A.4.b": 0.1 * 25.8,  # 2.58 TJ
}
CO2 = {
    "1.A.1.a": 48 * 56100 / 1000,    # 2 692.8 t
    "1.A.2.k": 8.6 * 74100 / 1000,   # 637.26 t
    "1.A.3.b": 21.5 * 74100 / 1000,  # 1 593.15 t
    "1.A.4.a": 4.8 * 56100 / 1000,   # 269.28 t
    "1.A.4.b": 2.58 * 94600 / 1000,  # 244.068 t
}
# 2.A.1 clinker, Tier 1: 1 x 10^4 t x 0.52 t CO2/t (Vol.3 Ch.2 Eq. 2.4) = 5 200 t CO2.
CLINKER_CO2 = 1e4 * 0.52
ENERGY_CO2 = 2692.8 + 637.26 + 1593.15 + 269.28 + 244.068  # 5 436.558 t
TOTAL_CO2 = ENERGY_CO2 + CLINKER_CO2                         # 10 636.558 t (no LULUCF: the same with it)

# Table 2, by energy balance sector (docs/cn-reporting.md): 1.A.1 and 1.A.2 industry, 1.A.2.k
# construction, 1.A.3 transport, 1.A.4.a other services (wholesale/retail/hotels "IE"), 1.A.4.b
# households, 1.A.4.c agriculture (none here: 0).
BALANCE = [
    ("Agriculture, forestry, animal husbandry and fishery", "农、林、牧、渔业", 0, 0),
    ("Industry", "工业", TJ["1.A.1.a"], CO2["1.A.1.a"]),                              # 48 TJ, 2 692.8 t
    ("Construction", "建筑业", TJ["1.A.2.k"], CO2["1.A.2.k"]),                        # 8.6 TJ, 637.26 t
    ("Transport, storage and post", "交通运输、仓储和邮政业", TJ["1.A.3.b"], CO2["1.A.3.b"]),
    ("Other services", "其他行业", TJ["1.A.4.a"], CO2["1.A.4.a"]),
    ("Households", "居民生活", TJ["1.A.4.b"], CO2["1.A.4.b"]),
]
TOTAL_TJ = 48 + 8.6 + 21.5 + 4.8 + 2.58  # 85.48 TJ

# Table 3, by fuel group: coal = other_bituminous_coal; oil = gas_diesel_oil (8.6 + 21.5 = 30.1 TJ,
# 637.26 + 1 593.15 = 2 230.41 t); natural gas = natural_gas (48 + 4.8 = 52.8 TJ, 2 692.8 + 269.28 =
# 2 962.08 t); other fuels none.
GROUPS = [
    ("Coal", "煤炭", 2.58, 244.068),
    ("Oil", "石油", 8.6 + 21.5, 637.26 + 1593.15),
    ("Natural gas", "天然气", 48 + 4.8, 2692.8 + 269.28),
    ("Other fuels", "其他燃料", 0, 0),
]

TESTS = Registry()
test = TESTS.add


def run(tmp, *extra, out="out.xlsx"):
    """Writes INV and runs `ghgcalc inventory` on it with `extra`; returns the workbook path."""
    inv = write(os.path.join(tmp, "inv.yaml"), INV)
    xlsx = os.path.join(tmp, out)
    r = ghg("inventory", inv, "-o", xlsx, "--factors", FACTORS, "-q", *extra)
    check(r.rc == 0, "ghgcalc inventory failed: %r" % (r,))
    return xlsx


def row_of(ws, label, after=1):
    """The first row from `after` on whose column B is `label`."""
    for r in range(after, ws.max_row + 1):
        if ws.cell(row=r, column=2).value == label:
            return r
    raise Fail("no %r in column B of %s from row %d" % (label, ws.title, after))


def check_tables(ws, zh, scale):
    """Tables 1 to 3 of sheet ws against the hand computation; masses / scale."""
    t2 = row_of(ws, "工业" if zh else "Industry")
    for en, cn, tj, co2 in BALANCE:
        r = row_of(ws, cn if zh else en, t2 - 2)
        close(ws.cell(row=r, column=3).value, tj, "%s energy (TJ)" % en)
        close(ws.cell(row=r, column=4).value, co2 / scale, "%s CO2" % en)
    trade = row_of(ws, "批发和零售业、住宿和餐饮业" if zh else "Wholesale, retail trade, hotels and catering")
    check(ws.cell(row=trade, column=3).value == "IE", "trade row is IE (1.A.4.a not split)")
    tot2 = row_of(ws, "合计" if zh else "Total", t2)
    close(ws.cell(row=tot2, column=3).value, TOTAL_TJ, "Table 2 total energy")
    close(ws.cell(row=tot2, column=4).value, ENERGY_CO2 / scale, "Table 2 total CO2")
    g0 = row_of(ws, "煤炭" if zh else "Coal", tot2)
    for en, cn, tj, co2 in GROUPS:
        r = row_of(ws, cn if zh else en, g0)
        close(ws.cell(row=r, column=3).value, tj, "%s energy (TJ)" % en)
        close(ws.cell(row=r, column=4).value, co2 / scale, "%s CO2" % en)
    tot3 = row_of(ws, "合计" if zh else "Total", g0)
    close(ws.cell(row=tot3, column=4).value, ENERGY_CO2 / scale, "Table 3 total CO2")
    # Table 1: energy CO2, industrial processes CO2, the totals (no LULUCF: both equal).
    e = row_of(ws, "能源活动" if zh else "Energy")
    close(ws.cell(row=e, column=3).value, ENERGY_CO2 / scale, "Table 1 energy CO2")
    p = row_of(ws, "工业生产过程" if zh else "Industrial processes")
    close(ws.cell(row=p, column=3).value, CLINKER_CO2 / scale, "Table 1 industrial processes CO2")
    for label in (("总量（不包括土地利用变化和林业）", "总量（包括土地利用变化和林业）") if zh
                  else ("Total (excluding LULUCF)", "Total (including LULUCF)")):
        close(ws.cell(row=row_of(ws, label), column=3).value, TOTAL_CO2 / scale, label)


@test
def tables_hand_computed(tmp):
    """Tables 1-3 in English and tonnes equal the hand computation, and recalculate to the same values."""
    xlsx = run(tmp)
    ws = load_wb(xlsx)["Reporting tables"]
    check_tables(ws, False, 1)
    check(ws["A2"].value.startswith("Unit: t"), "the unit line says t: %r" % ws["A2"].value)
    f = load_wb(xlsx, data_only=False)["Reporting tables"]
    r = row_of(f, "Industry")
    check(str(f.cell(row=r, column=4).value).startswith("=SUMIFS(Calculation!"),
          "Table 2 cells refer to the Calculation rows: %r" % f.cell(row=r, column=4).value)
    recalc(xlsx)


@test
def unit_in_chinese(tmp):
    """--unit 万吨 is --unit 10kt by its Chinese name: the same cells on the Reporting tables."""
    a = load_wb(run(tmp, "--unit", "10kt", out="a.xlsx"))
    b = load_wb(run(tmp, "--unit", "万吨", out="b.xlsx"))
    name = "Reporting tables"
    va = [c.value for row in a[name].iter_rows() for c in row]
    vb = [c.value for row in b[name].iter_rows() for c in row]
    check(va == vb and any(isinstance(v, float) for v in va), "the two sheets differ")


@test
def zh_10kt(tmp):
    """--lang zh --unit 10kt: every label of the sheet Chinese, masses in 10^4 t (万吨), energy still TJ; recalculates."""
    xlsx = run(tmp, "--lang", "zh", "--unit", "10kt")
    wb = load_wb(xlsx)
    check("清单报告表" in wb.sheetnames, "sheet 清单报告表 in %r" % wb.sheetnames)
    ws = wb["清单报告表"]
    check_tables(ws, True, 1e4)
    check("万吨" in ws["A2"].value, "the unit line says 万吨: %r" % ws["A2"].value)
    # Labels: the titles and notes of column A, every header row, every name of column B. Codes and
    # fuel keys (columns A of data rows) are data. A label is Chinese: no Latin letters.
    latin = re.compile(r"[A-Za-z]")
    labels = [ws.cell(row=r, column=2).value for r in range(1, ws.max_row + 1)]
    for r in range(1, ws.max_row + 1):
        a = ws.cell(row=r, column=1).value
        if isinstance(a, str) and len(a) > 12:  # titles and notes, not codes
            labels.append(a)
        if ws.cell(row=r, column=3).value is not None and isinstance(ws.cell(row=r, column=3).value, str) \
                and ws.cell(row=r, column=3).value != "IE":
            labels += [ws.cell(row=r, column=c).value for c in range(1, 10)]
    bad = [s for s in labels if isinstance(s, str) and latin.search(s) and not re.fullmatch(r"[\w.]+", s)]
    bad = [s for s in bad if not re.fullmatch(r"[0-9A-Za-z.]+(, [0-9A-Za-z.]+)*", s)]  # code lists
    check(not bad, "labels with Latin letters: %r" % bad)
    co2_head = [ws.cell(row=r, column=4).value for r in range(1, ws.max_row + 1)]
    check("二氧化碳 (万吨)" in co2_head, "a CO2 header in 万吨: %r" % co2_head)
    recalc(xlsx)


@test
def summary_sectoral_10kt(tmp):
    """--unit 10kt on the Summary and the Sectoral table: headers say 10^4 t, masses are the hand figures / 10^4,
    shares unchanged, the JSON stays in t; recalculates."""
    xlsx = run(tmp, "--unit", "10kt")
    wb = load_wb(xlsx)
    ws = wb["Summary"]
    cells = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    check(ws.cell(row=cells["Gas"], column=2).value == "Emission (10^4 t)", "Summary header in 10^4 t")
    close(ws.cell(row=cells["CO2"], column=2).value, TOTAL_CO2 / 1e4, "Summary CO2 in 10^4 t")  # 1.0636558
    close(ws.cell(row=cells["CO2"], column=3).value, TOTAL_CO2 / 1e4, "Summary CO2 CO2e in 10^4 t (GWP 1)")
    with open(xlsx[:-5] + ".json", encoding="utf-8") as f:
        total_t = json.load(f)["totals"]["t_co2e"]
    excl = [r for label, r in cells.items() if isinstance(label, str) and label.startswith("Total excluding")]
    close(ws.cell(row=excl[0], column=3).value, total_t / 1e4, "Summary total in 10^4 t = JSON total (t) / 10^4")
    sec = wb["Sectoral table"]
    head = [c.value for c in sec[1]]
    check("CO2 (10^4 t)" in head and "CO2e (10^4 t)" in head, "Sectoral headers in 10^4 t: %r" % head)
    rows = {sec.cell(row=r, column=1).value: r for r in range(2, sec.max_row + 1)}
    for code in ("1.A.1.a", "1.A.2.k", "1.A.3.b", "1.A.4.a", "1.A.4.b"):
        close(sec.cell(row=rows[code], column=3).value, CO2[code] / 1e4, "Sectoral %s CO2 in 10^4 t" % code)
    close(sec.cell(row=rows["2.A.1"], column=3).value, CLINKER_CO2 / 1e4, "Sectoral 2.A.1 CO2")  # 0.52
    f = load_wb(xlsx, data_only=False)["Sectoral table"]
    cell = str(f.cell(row=rows["1.A.1.a"], column=3).value)  # the Calculation rows are in 10^4 t already
    check(cell.startswith("=SUMIFS(Calculation!") and "/10000" not in cell, "a SUMIFS not divided again: %r" % cell)
    recalc(xlsx)


# ---------------------------------------------------------------- --unit 10kt on every sheet

ALL_INV = """\
inventory: unit-10kt-e2e
title: "Every sheet in ten-thousand tonnes (test)"
region: Test City
year: 2020
gwp: ar5
factor_sets: [ipcc2006-energy, ipcc2006-ippu]
activities:
  - {category: "1.A.1.a", fuel: other_bituminous_coal, amount: 1000, unit: t, uncertainty: 5%, source: "test: plant"}
  - {category: "2.A.1", activity: clinker, amount: 1, unit: 10^4 t, uncertainty: 3%, source: "test: kiln"}
indirect:
  - {kind: electricity, amount: 1000, unit: MWh, source: "test: meter", co2: {value: 0.6, unit: t CO2/MWh, source: "test"}}
reference_approach:
  fuels:
    - {fuel: other_bituminous_coal, unit: t, production: 0, imports: 1100, exports: 0, bunkers: 0, stock_change: 0,
       non_energy_use: 0, source: "test: balance"}
solid_waste:
  - site: "Test landfill"
    site_type: managed_anaerobic
    climate: temperate_wet
    doc: {food: 0.15}
    k: {food: 0.2}
    deposits:
      unit: t
      types: [food]
      rows:
        - [2019, 1000]
        - [2020, 0]
"""

ALL_BASE = """\
inventory: unit-10kt-e2e-base
year: 2015
gwp: ar5
factor_sets: [ipcc2006-energy, ipcc2006-ippu]
activities:
  - {category: "1.A.1.a", fuel: other_bituminous_coal, amount: 800, unit: t, uncertainty: 5%, source: "test: plant"}
  - {category: "2.A.1", activity: clinker, amount: 1, unit: 10^4 t, uncertainty: 3%, source: "test: kiln"}
"""

# By hand (ipcc2006-energy Vol.2 Ch.1 Tables 1.2, 1.4, Ch.2 Table 2.2; ipcc2006-ippu Vol.3 Ch.2 Eq. 2.4; AR5):
#   coal: 1000 t = 1 Gg x 25.8 TJ/Gg = 25.8 TJ; CO2 25.8 x 94 600 kg/TJ = 2 440.68 t -> 0.244068 x 10^4 t;
#         CH4 25.8 x 1 kg/TJ = 0.0258 t; N2O 25.8 x 1.5 kg/TJ = 0.0387 t.
#   clinker: 10^4 t x 0.52 t CO2/t = 5 200 t -> 0.52 x 10^4 t.
#   electricity: 1000 MWh x 0.6 t CO2/MWh = 600 t -> 0.06 x 10^4 t.
#   reference approach: 1100 t = 1.1 Gg x 25.8 = 28.38 TJ x 94 600 kg/TJ = 2 684.748 t -> 0.2684748 x 10^4 t;
#         (2 684.748 - 2 440.68) / 2 440.68 = 10 % in either unit.
#   landfill (docs/fod.md): DDOCm of 2019 = 1 Gg x DOC 0.15 x DOCf 0.5 x MCF 1 = 0.075 Gg, none decomposed
#         in 2019 (M = 6 + 7 = 13: e^(-k(13-13)/12) = 1); 2020: 0.075 x (1 - e^-0.2) = 0.013 595 194 Gg
#         decomposed x F 0.5 x 16/12 = 0.009 063 462 Gg = 9.063 462 t CH4 (OX 0, no recovery).
ALL_CO2 = 25.8 * 94600 / 1000                          # 2 440.68 t
ALL_CLINKER = 1e4 * 0.52                               # 5 200 t
ALL_ELEC = 1000 * 0.6                                  # 600 t
ALL_REF = 1.1 * 25.8 * 94600 / 1000                    # 2 684.748 t
ALL_FOD_CH4 = 1000 * 0.075 * (1 - math.exp(-0.2)) * 0.5 * 16 / 12  # 9.063 462 t (Gg x 1000)

# The rows whose figures are ratios of masses under a mass column (the trends, the reference approach's
# difference and threshold): the same in either unit.
RATIO_ROW = re.compile(r"^(Trend|Difference|Threshold)")
# The unit of a figure written beside it (the Summary's economy block, the Uncertainty sheet's inputs); an
# activity's unit "10^4 t" is no mass shown in 10^4 t but the datum's own.
MASS_UNIT = re.compile(r"^10\^4 t (CO2|CO2e|CH4)$")


def run_all(tmp, *extra, out):
    """ALL_INV with its base year and a Monte Carlo run of 200 iterations; returns the workbook path."""
    inv = write(os.path.join(tmp, "all.yaml"), ALL_INV)
    base = write(os.path.join(tmp, "base.yaml"), ALL_BASE)
    xlsx = os.path.join(tmp, out)
    r = ghg("inventory", inv, "--base", base, "-o", xlsx, "--factors", FACTORS, "-q", "--monte-carlo", "200",
            "--seed", "7", *extra)
    check(r.rc == 0, "ghgcalc inventory failed: %r" % (r,))
    return xlsx


def text_above(ws, row, col):
    """The nearest text above (row, col) in its column: the column's header for a table cell."""
    for r in range(row - 1, 0, -1):
        v = ws.cell(row=r, column=col).value
        if isinstance(v, str):
            return v
    return ""


def mass_cell(ws, row, col):
    """Whether the 10^4 t workbook's cell says it is a mass in 10^4 t: its header does (and its row is not a
    ratio row), or the unit beside it does (the Summary's economy block, the Uncertainty sheet's inputs)."""
    right = ws.cell(row=row, column=col + 1).value
    if isinstance(right, str) and MASS_UNIT.match(right):
        return True
    if ws.title == "Summary" and isinstance(right, str):
        return False  # a unit column: t CO2e / 10^4 yuan, persons, ...
    head = text_above(ws, row, col)
    if any(isinstance(c.value, str) and RATIO_ROW.match(c.value) for c in ws[row]):
        return head.startswith("Base year estimate E0")  # a Key categories trend row: sum |E0| beside the trend
    return "10^4 t" in head


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def compare_sheet(t_ws, k_ws):
    """Every number of sheet k_ws (--unit 10kt) against t_ws (t): a mass cell (mass_cell) is the t cell /
    10^4, any other number the t cell; the Monte Carlo histogram's middles are kt there, 10^4 t here.
    Returns how many mass cells were compared."""
    n = 0
    for row in t_ws.iter_rows():
        for c in row:
            got = k_ws.cell(row=c.row, column=c.column).value
            where = "%s!%s" % (k_ws.title, c.coordinate)
            if not is_num(c.value):
                check(not is_num(got), "%s is a number only with --unit 10kt: %r" % (where, got))
                continue
            check(is_num(got), "%s: %r is no number with --unit 10kt" % (where, got))
            if text_above(k_ws, c.row, c.column) == "Middle (10^4 t CO2e)":  # round((lo+hi)/2000, 1) kt
                close(got, c.value / 10, where, abs_tol=0.0051)            # round((lo+hi)/2, 2) x 10^4 t
            elif mass_cell(k_ws, c.row, c.column):
                close(got, c.value / 1e4, where + " (t / 10^4)")
                n += c.value != 0
            else:
                close(got, c.value, where + " (unchanged)")
    return n


def hand_cells_10kt(wb):
    """The hand-computed masses of ALL_INV, in 10^4 t, on each sheet that shows them."""
    calc = wb["Calculation"]
    head = [c.value for c in calc[1]]
    check("Emission (10^4 t gas)" in head and "Emission (10^4 t CO2e)" in head, "Calculation headers: %r" % head)
    em, gas = head.index("Emission (10^4 t gas)") + 1, head.index("Gas") + 1
    byg = {calc.cell(row=r, column=gas).value: calc.cell(row=r, column=em).value for r in range(2, calc.max_row + 1)}
    close(byg["CO2"], ALL_CO2 / 1e4, "Calculation CO2 = 2 440.68 t / 10^4")
    close(byg["CH4"], 0.0258 / 1e4, "Calculation CH4 = 0.0258 t / 10^4")
    close(byg["N2O"], 0.0387 / 1e4, "Calculation N2O = 0.0387 t / 10^4")
    fmt = {calc.cell(row=r, column=gas).value: calc.cell(row=r, column=em).number_format for r in (2, 3, 4)}
    check(fmt == {"CO2": "#,##0.0000", "CH4": "#,##0.000000", "N2O": "#,##0.000000"},
          "a row's 10^4 t shows to 1 t (CO2) and 0.01 t (CH4, N2O), not as 0.0000: %r" % fmt)
    amount = head.index("Amount") + 1
    check(calc.cell(row=2, column=amount).value == 1000, "the amount stays as given (1000 t)")
    ind = wb["Industry"]
    ih = [c.value for c in ind[1]]
    close(ind.cell(row=2, column=ih.index("Emission (10^4 t gas)") + 1).value, ALL_CLINKER / 1e4, "clinker CO2")
    fod = wb["Landfill (FOD)"]
    check(fod["D5"].value == "Emission (10^4 t)" and fod["E5"].value == "Emission (10^4 t CO2e)", "Landfill headers")
    close(fod["D6"].value, ALL_FOD_CH4 / 1e4, "landfill CH4 = 9.063 462 t / 10^4")
    indirect = wb["Indirect"]
    check(indirect["L3"].value == "Emission (10^4 t CO2)", "Indirect header: %r" % indirect["L3"].value)
    close(indirect["L4"].value, ALL_ELEC / 1e4, "indirect CO2 = 600 t / 10^4")
    chk = wb["Checks"]
    ra = [r for r in range(1, chk.max_row + 1) if chk.cell(row=r, column=1).value == "other_bituminous_coal"]
    close(chk.cell(row=ra[0], column=17).value, ALL_REF / 1e4, "reference approach CO2 = 2 684.748 t / 10^4")
    mc = wb["Monte Carlo"]
    tot = [r for r in range(1, mc.max_row + 1) if mc.cell(row=r, column=1).value == "Total, year t"][0]
    total_t = ALL_CO2 + 0.0258 * 28 + 0.0387 * 265 + ALL_CLINKER + ALL_FOD_CH4 * 28  # AR5; CH4 of the landfill
    close(mc.cell(row=tot, column=3).value, total_t / 1e4, "Monte Carlo estimate of the total")


@test
def every_sheet_10kt(tmp):
    """--unit 10kt: every sheet's mass cells are the t workbook's / 10^4 and say 10^4 t, every other number
    (amounts, factors, energy, percentages, shares, intensities) is unchanged; hand-computed cells; the CSV and
    JSON stay in t; recalculates."""
    t_path, k_path = run_all(tmp, out="t.xlsx"), run_all(tmp, "--unit", "10kt", out="k.xlsx")
    t_wb, k_wb = load_wb(t_path), load_wb(k_path)
    check(t_wb.sheetnames == k_wb.sheetnames, "the same sheets: %r" % k_wb.sheetnames)
    masses = {name: compare_sheet(t_wb[name], k_wb[name]) for name in t_wb.sheetnames}
    for name in ("Summary", "Sectoral table", "Reporting tables", "Calculation", "Industry", "Landfill (FOD)",
                 "Indirect", "Checks", "Uncertainty", "Key categories", "Monte Carlo"):
        check(masses.get(name), "%s has mass cells in 10^4 t: %r" % (name, masses))
    hand_cells_10kt(k_wb)
    with open(k_path[:-5] + ".json", encoding="utf-8") as f:
        close(json.load(f)["totals"]["by_gas_t"]["CO2"], ALL_CO2 + ALL_CLINKER, "the JSON stays in t")
    with open(k_path[:-5] + ".csv", encoding="utf-8") as f:
        t_csv = open(t_path[:-5] + ".csv", encoding="utf-8").read()
        check(f.read() == t_csv, "the CSV is the same as with --unit t")
    recalc(k_path)


@test
def every_sheet_10kt_zh(tmp):
    """--lang zh --unit 10kt: the same numbers as in English, each 10^4 t header in 万吨; hand cells; recalculates."""
    en, zh = load_wb(run_all(tmp, "--unit", "10kt", out="en.xlsx")), None
    zh_path = run_all(tmp, "--unit", "10kt", "--lang", "zh", out="zh.xlsx")
    zh = load_wb(zh_path)
    check(len(en.sheetnames) == len(zh.sheetnames), "the same sheets: %r" % zh.sheetnames)
    heads = 0
    for e_ws, z_ws in zip(en.worksheets, zh.worksheets):
        for row in e_ws.iter_rows():
            for c in row:
                got = z_ws.cell(row=c.row, column=c.column).value
                if is_num(c.value) and e_ws.title != "About":
                    close(got, c.value, "%s!%s as in English" % (z_ws.title, c.coordinate))
                elif isinstance(c.value, str) and "10^4 t" in c.value and c.value != "10^4 t":  # not a unit as given
                    check(isinstance(got, str) and "万吨" in got, "%s!%s says 万吨: %r" % (z_ws.title, c.coordinate, got))
                    heads += 1
    check(heads >= 30, "10^4 t headers: %d" % heads)
    calc = zh["化石燃料燃烧"]
    head = [c.value for c in calc[1]]
    check("排放量 (万吨)" in head and "排放量 (万吨CO2当量)" in head, "化石燃料燃烧 headers: %r" % head)
    close(calc.cell(row=2, column=head.index("排放量 (万吨)") + 1).value, ALL_CO2 / 1e4, "coal CO2 in 万吨")
    close(zh["填埋一阶衰减"]["D6"].value, ALL_FOD_CH4 / 1e4, "landfill CH4 in 万吨")
    recalc(zh_path)


FGAS_SET = """\
factor_set: test-fgas
title: "F-gas factors for this test (illustrative, not IPCC defaults)"
source: "cn_report_e2e.py"
version: "1"
factors:
  - {activity: test_switchgear, category: "2.G.1", sf6: {value: 0.01, unit: t/t, ref: "test"}}
  - {activity: test_chillers, category: "2.F.1", hfc134a: {value: 0.1, unit: t/t, ref: "test"}}
"""

FGAS_INV = """\
inventory: cn-report-fgas
year: 2020
gwp: ar5
factor_sets: [ipcc2006-energy, test-fgas]
activities:
  - {category: "1.A.1.a", fuel: natural_gas, amount: 1, unit: Gg, source: "test"}
  - {category: "2.G.1", activity: test_switchgear, amount: 100, unit: t, source: "test"}
  - {category: "2.F.1", activity: test_chillers, amount: 50, unit: t, source: "test"}
"""


@test
def fgas_columns(tmp):
    """Table 1's HFCs and SF6 columns (t CO2e) and the CH4/N2O of the gas-fired plant, by hand; no PFCs column
    (no PFC emitted); recalculates."""
    write(os.path.join(tmp, "test-fgas.yaml"), FGAS_SET)
    inv = write(os.path.join(tmp, "inv.yaml"), FGAS_INV)
    xlsx = os.path.join(tmp, "fg.xlsx")
    r = ghg("inventory", inv, "-o", xlsx, "--factors", FACTORS, "--factors", tmp, "-q")
    check(r.rc == 0, "ghgcalc inventory failed: %r" % (r,))
    ws = load_wb(xlsx)["Reporting tables"]
    head = [ws.cell(row=5, column=c).value for c in range(1, 9)]
    check(head[5:8] == ["HFCs (t CO2e)", "SF6 (t CO2e)", "CO2e (t)"], "F-gas columns: %r" % head)
    # SF6: 100 t x 0.01 t/t = 1 t x 23 500 (AR5, factors/gwp.yaml) = 23 500 t CO2e.
    # HFC-134a: 50 t x 0.1 t/t = 5 t x 1 300 (AR5) = 6 500 t CO2e.
    # 1.A.1.a natural gas: 48 TJ (1 Gg x 48.0 TJ/Gg); CO2 48 x 56 100 kg/TJ = 2 692.8 t; CH4 48 x 1 kg/TJ
    # = 0.048 t, N2O 48 x 0.1 kg/TJ = 0.0048 t (Vol.2 Ch.2 Table 2.2); CO2e 2 692.8 + 0.048 x 28 + 0.0048 x 265
    # = 2 692.8 + 1.344 + 1.272 = 2 695.416 t.
    e, p = row_of(ws, "Energy"), row_of(ws, "Industrial processes")
    close(ws.cell(row=e, column=3).value, 2692.8, "energy CO2")
    close(ws.cell(row=e, column=4).value, 0.048, "energy CH4")
    close(ws.cell(row=e, column=5).value, 0.0048, "energy N2O")
    close(ws.cell(row=e, column=8).value, 2695.416, "energy CO2e")
    close(ws.cell(row=p, column=6).value, 6500, "industrial processes HFCs")
    close(ws.cell(row=p, column=7).value, 23500, "industrial processes SF6")
    close(ws.cell(row=p, column=8).value, 30000, "industrial processes CO2e")
    t = row_of(ws, "Total (including LULUCF)")
    close(ws.cell(row=t, column=8).value, 2695.416 + 30000, "total CO2e")
    recalc(xlsx)


@test
def unit_refused(tmp):
    """--unit kt is a usage error (exit 2) that lists the choices; nothing written."""
    inv = write(os.path.join(tmp, "inv.yaml"), INV)
    xlsx = os.path.join(tmp, "x.xlsx")
    r = ghg("inventory", inv, "-o", xlsx, "--factors", FACTORS, "--unit", "kt")
    check(r.rc == 2, "exit 2, got %r" % (r,))
    check("10kt" in r.err, "the message names the choices: %r" % r.err)
    check(not os.path.exists(xlsx), "no workbook")


@test
def csv_bom(tmp):
    """--csv-bom: the CSV starts with EF BB BF and parses to the same rows as without it; JSON has no BOM;
    the CSV stays in t with --unit 10kt."""
    plain = run(tmp, out="plain.xlsx")
    bom = run(tmp, "--csv-bom", "--unit", "10kt", out="bom.xlsx")
    with open(bom[:-5] + ".csv", "rb") as f:
        data = f.read()
    check(data[:3] == b"\xef\xbb\xbf", "the CSV starts with the UTF-8 BOM: %r" % data[:8])
    with open(plain[:-5] + ".csv", "rb") as f:
        plain_data = f.read()
    check(plain_data[:3] != b"\xef\xbb\xbf", "no BOM without the option")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    want = list(csv.reader(io.StringIO(plain_data.decode("utf-8"), newline="")))
    check(rows == want, "the same rows with and without the BOM")
    check(rows[0][0] == want[0][0] and not rows[0][0].startswith("\ufeff"), "first header clean: %r" % rows[0][0])
    head = rows[0]
    co2 = [r for r in rows[1:] if r[head.index("Category")] == "1.A.1.a" and r[head.index("Gas")] == "CO2"]
    close(co2[0][head.index("Emission (t gas)")], CO2["1.A.1.a"], "CSV CO2 of 1.A.1.a in t")
    with open(bom[:-5] + ".json", "rb") as f:
        check(f.read(1) == b"{", "the JSON has no BOM")


def sheet_texts(xlsx, tmpdir):
    """Every sheet but About as rows of cell values (cached), with the folder of the input written as DIR."""
    wb = load_wb(xlsx)
    out = {}
    for ws in wb.worksheets:
        if ws.title == "About":
            continue
        out[ws.title] = [tuple(v.replace(tmpdir, "DIR") if isinstance(v, str) else v for v in row)
                         for row in ws.iter_rows(values_only=True)]
    return out


@test
def chinese_fuel_name_one_key(tmp):
    """A record that names its fuel in Chinese (`fuel: 柴油`, the name_zh of gas_diesel_oil in ipcc2006-energy)
    is the same fuel as one written by key: every sheet, the CSV and the JSON are those of the inventory that
    writes the key, so the Reporting tables have one gas_diesel_oil row and the Uncertainty and Key
    categories sheets one 1.A.3.b gas_diesel_oil row per gas, not a second one under the Chinese name."""
    lorries = '  - {category: "1.A.3.b", fuel: gas_diesel_oil'
    extra = '  - {category: "1.A.3.b", fuel: %s, amount: 0.1, unit: Gg, source: "test: lorries, second fleet"}\n'
    runs = {}
    for name, fuel in (("zh", "柴油"), ("key", "gas_diesel_oil")):
        d = os.path.join(tmp, name)
        os.makedirs(d)
        inv = write(os.path.join(d, "inv.yaml"), INV.replace(lorries, extra % fuel + lorries))  # record 3
        xlsx = os.path.join(d, "out.xlsx")
        r = ghg("inventory", inv, "-o", xlsx, "--factors", FACTORS, "-q")
        check(r.rc == 0, "ghgcalc inventory failed: %r" % (r,))
        runs[name] = (xlsx, d)
    zh, key = sheet_texts(*runs["zh"]), sheet_texts(*runs["key"])
    check(zh.keys() == key.keys(), "the same sheets: %r %r" % (list(zh), list(key)))
    for title in zh:
        for i, (a, b) in enumerate(zip(zh[title], key[title])):
            check(a == b, "%s row %d differs:\n  %r\n  %r" % (title, i + 1, a, b))
        check(len(zh[title]) == len(key[title]), "%s: %d rows, %d by key" % (title, len(zh[title]), len(key[title])))
    for ext in (".csv", ".json"):
        texts = []
        for xlsx, d in (runs["zh"], runs["key"]):
            with open(xlsx[:-5] + ext, encoding="utf-8") as f:
                texts.append(f.read().replace(d, "DIR"))
        if ext == ".json":  # the inputs' checksums differ with the file's text
            texts = [re.sub(r'"sha256": "[0-9a-f]+"', '"sha256": ""', t) for t in texts]
        check(texts[0] == texts[1], "the %s differs from the one by key" % ext)
        check("柴油" not in texts[0], "the Chinese name is not a key in the %s" % ext)
    # By hand (ipcc2006-energy gas_diesel_oil: NCV 43.0 TJ/Gg, CO2 74 100 kg/TJ): the second fleet burns
    # 0.1 Gg x 43.0 = 4.3 TJ and 4.3 x 74 100 / 1000 = 318.63 t CO2, so gas_diesel_oil in Table 3 has
    # 8.6 + 21.5 + 4.3 = 34.4 TJ and 637.26 + 1 593.15 + 318.63 = 2 549.04 t CO2, in one row.
    ws = load_wb(runs["zh"][0])["Reporting tables"]
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "gas_diesel_oil"]
    check(len(rows) == 1, "one gas_diesel_oil row in Table 3: rows %r" % rows)
    close(ws.cell(row=rows[0], column=3).value, 8.6 + 21.5 + 4.3, "Table 3 gas_diesel_oil energy (TJ)")
    close(ws.cell(row=rows[0], column=4).value, 637.26 + 1593.15 + 318.63, "Table 3 gas_diesel_oil CO2")
    # The Uncertainty sheet sums the amounts of 1.A.3.b gas_diesel_oil, records 3 (by the Chinese name) and 4,
    # into one input, and its row of 1.A.3.b CO2 has 1 593.15 + 318.63 = 1 911.78 t.
    wu = load_wb(runs["zh"][0])["Uncertainty"]
    col_a = [row for row in wu.iter_rows(values_only=True) if isinstance(row[0], str)]
    summed = [row for row in col_a if row[0].startswith("amounts: 1.A.3.b gas_diesel_oil, 2 records from record 3")]
    check(len(summed) == 1, "one input of the two records' amounts: %r" % [r[0] for r in col_a if "1.A.3.b" in r[0]])
    co2 = [row for row in col_a if row[0].startswith("1.A.3.b ") and row[1] == "CO2"]
    check(co2 and abs(co2[0][3] - (1593.15 + 318.63)) <= 1e-9 * 1911.78, "1.A.3.b CO2 row: %r" % co2)
    recalc(runs["zh"][0])


if __name__ == "__main__":
    sys.exit(TESTS.main("cn report e2e", "ghgcalc-cnrep-", e2e_helpers.configure, doc=__doc__))
