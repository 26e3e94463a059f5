#!/usr/bin/python3
"""uncertainty_e2e.py - end-to-end tests of the inventory's uncertainty and key category sheets.

Run by tests/run with Debian's interpreter (needs python3-openpyxl and, for
the recalculation tests, libreoffice-calc-nogui):

    /usr/bin/python3 tests/e2e/uncertainty_e2e.py --bin build/ghgcalc [NAME...] [-v]

Same protocol as run_e2e.py (e2e_runner.py). The cases use a factor set
written here (`unc-test`: product-method entries of 1 or 2 t CO2/t), so that
every emission is a round number and every expected figure is worked out by
hand below, after 2006 IPCC Guidelines Vol.1 Ch.3 Eq. 3.1 and 3.2 (Approach 1:
U_total = sqrt(sum (U_i x x_i)^2) / |sum x_i|), the Type A/B trend equations
of Table 3.2, and Vol.1 Ch.4 Eq. 4.1 and 4.3 (key categories: level 95 %,
Approach 2 90 %). The tolerance policy is e2e_helpers.py's; Monte Carlo
figures are compared with stated statistical tolerances.
"""

import math
import os
import subprocess
import sys
import tempfile

import e2e_helpers
from e2e_helpers import ROOT, VALGRIND, XLSX_CHECK, close, compute, ghg, load_wb, read_json, recalc, write
from e2e_runner import Fail, Registry, Skip, check

TESTS = Registry()
test = TESTS.add

EXAMPLE = os.path.join(ROOT, "inventories", "jilin-2020.yaml")

# Product-method entries: emission = amount (t) x co2 (t CO2/t).
FSET = """factor_set: unc-test
title: "uncertainty e2e factors"
source: "e2e test, not real data"
factors:
  - {activity: proc_a, category: "2.A.1", co2: {value: 1, unit: t CO2/t, ref: "test"}}
  - {activity: proc_b, category: "2.A.2", co2: {value: 1, unit: t CO2/t, ref: "test"}}
  - {activity: proc_c, category: "2.B.1", co2: {value: 2, unit: t CO2/t, uncertainty: 5%, ref: "test"}}
  - {activity: proc_d, category: "2.C.1", co2: {value: 1, unit: t CO2/t, ref: "test"}}
  - {activity: proc_e, category: "2.A.3", co2: {value: 1, unit: t CO2/t, ref: "test"}}
"""


def inventory(records, year=2020, extra=""):
    """An inventory over the unc-test set; records: (category, activity, amount t, uncertainty text)."""
    lines = ["inventory: unc-%d" % year, "year: %d" % year, "gwp: ar5", "factor_sets: [unc-test]", extra,
             "activities:"]
    for cat, act, amount, unc in records:
        lines.append('  - {category: "%s", activity: %s, amount: %s, unit: t, uncertainty: %s}' % (cat, act, amount, unc))
    return "\n".join(lines) + "\n"


def run(tmp, records, *extra, year=2020, head="", name="inv.yaml", out="out.xlsx"):
    """Writes the factor set and the inventory into tmp and runs `ghgcalc inventory`."""
    write(os.path.join(tmp, "unc-test.yaml"), FSET)
    return compute(tmp, inventory(records, year, head), "--factors", tmp, *extra, name=name, out=out,
                   factors=False)


TWO = [("2.A.1", "proc_a", 100, "10%"), ("2.A.2", "proc_b", 50, "20%")]
THREE = TWO + [("2.B.1", "proc_c", 25, "10%")]


class Sheet:
    """The Uncertainty sheet read back: the table's rows by (category, gas),
    the Total row and the foot, and the Inputs block."""

    def __init__(self, wb):
        ws = wb["Uncertainty"]
        self.ws = ws
        self.rows, self.inputs, self.foot = {}, {}, {}
        section = None
        for r in range(1, ws.max_row + 1):
            a = ws.cell(row=r, column=1).value
            if not isinstance(a, str):
                continue
            if a.startswith("A: IPCC"):
                section = "table"
                continue
            if a.startswith("Inputs:"):
                section = "inputs"
                continue
            if a.startswith("Parts:"):
                section = None
                continue
            if section == "table":
                if a == "Total":
                    self.total_row = r
                    section = "foot"
                    continue
                code = a.split()[0]
                self.rows[(code, ws.cell(row=r, column=2).value)] = r
            elif section == "foot":
                self.foot[a.split(":")[0]] = r
            elif section == "inputs" and isinstance(ws.cell(row=r, column=2).value, (int, float)):
                self.inputs[a] = r

    def cell(self, row, letter):
        return self.ws["%s%d" % (letter, row)].value

    def total_pct(self):
        return self.cell(self.foot["Percentage uncertainty in total inventory"], "H")


# ======================================================= Approach 1

@test
def two_categories(tmp):
    """100 t +-10 % and 50 t +-20 %: sqrt((10 x 100)^2 + (20 x 50)^2) / 150 = sqrt(2) x 1000 / 150 = 9.428 %."""
    o = run(tmp, TWO)
    want = math.sqrt((10 * 100) ** 2 + (20 * 50) ** 2) / 150
    close(want, 9.428090415820634, "the hand figure")
    a1 = o.json["uncertainty"]["approach1"]
    close(a1["total_pct"], want, "JSON total uncertainty")
    close(a1["t_co2e"], 150, "JSON total")
    s = Sheet(load_wb(o.xlsx))
    check(set(s.rows) == {("2.A.1", "CO2"), ("2.A.2", "CO2")}, "rows %r" % s.rows)
    ra, rb = s.rows[("2.A.1", "CO2")], s.rows[("2.A.2", "CO2")]
    close(s.cell(ra, "D"), 100, "D of 2.A.1")
    close(s.cell(ra, "E"), 10, "E of 2.A.1 (activity data)")
    close(s.cell(ra, "F"), 0, "F of 2.A.1 (the factor has no range)")
    close(s.cell(rb, "G"), 20, "G of 2.A.2 = sqrt(20^2 + 0^2)")
    close(s.cell(ra, "H"), (10 * 100) ** 2 / 150 ** 2, "H of 2.A.1 = (10 x 100)^2 / 150^2")
    close(s.cell(s.total_row, "D"), 150, "Total D")
    close(s.total_pct(), want, "workbook total uncertainty")
    check(s.cell(ra, "C") is None, "no base year: column C empty")
    recalc(o.xlsx)


@test
def three_categories(tmp):
    """Adds 25 t at 2 t CO2/t = 50 t with activity data +-10 % and the factor set's EF +-5 %:
    G = sqrt(10^2 + 5^2) = 11.180 %; total = sqrt(1000^2 + 1000^2 + (11.180 x 50)^2) / 200 = 7.603 %."""
    o = run(tmp, THREE)
    g_c = math.sqrt(10 ** 2 + 5 ** 2)
    want = math.sqrt(1000 ** 2 + 1000 ** 2 + (g_c * 50) ** 2) / 200
    close(want, math.sqrt(2312500) / 200, "the hand figure")
    s = Sheet(load_wb(o.xlsx))
    rc = s.rows[("2.B.1", "CO2")]
    close(s.cell(rc, "D"), 50, "D of 2.B.1 = 25 x 2")
    close(s.cell(rc, "E"), 10, "E of 2.B.1")
    close(s.cell(rc, "F"), 5, "F of 2.B.1: the factor set's +-5 %")
    close(s.cell(rc, "G"), g_c, "G of 2.B.1")
    close(s.total_pct(), want, "workbook total uncertainty")
    close(o.json["uncertainty"]["approach1"]["total_pct"], want, "JSON total uncertainty")
    recalc(o.xlsx)


def recalculated(tmp, xlsx):
    """The workbook recalculated by LibreOffice (xlsx_check.py recalc --keep), read with its values."""
    keep = os.path.join(tmp, "keep")
    p = subprocess.run(["/usr/bin/python3", XLSX_CHECK, "recalc", xlsx, "--keep", keep], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=900)
    err = p.stderr.decode("utf-8", "replace")
    check("recalculated copy kept at " in err, "xlsx_check: %s" % err[-800:])
    path = err.split("recalculated copy kept at ", 1)[1].strip().splitlines()[0]
    return load_wb(path)


@test
def edit_input_moves_total(tmp):
    """A reviewer sets the 100 t record's activity data to +-30 % (Minus % and Plus % of its input):
    after recalculation the total is sqrt((30 x 100)^2 + (20 x 50)^2) / 150 = sqrt(10^7) / 150 = 21.082 %."""
    if VALGRIND:
        raise Skip("LibreOffice recalculation is skipped under valgrind")
    import openpyxl
    o = run(tmp, TWO)
    s = Sheet(load_wb(o.xlsx))
    key = [k for k in s.inputs if k.startswith("amount: 2.A.1 proc_a")]
    check(len(key) == 1, "input of the 2.A.1 amount among %r" % list(s.inputs))
    r = s.inputs[key[0]]
    wb = openpyxl.load_workbook(o.xlsx)
    ws = wb["Uncertainty"]
    check(ws["G%d" % r].value == 10 and ws["H%d" % r].value == 10, "Minus %/Plus % of the input are 10")
    ws["G%d" % r] = 30
    ws["H%d" % r] = 30
    edited = os.path.join(tmp, "edited.xlsx")
    wb.save(edited)
    s2 = Sheet(recalculated(tmp, edited))
    want = math.sqrt((30 * 100) ** 2 + (20 * 50) ** 2) / 150
    close(want, 21.081851067789195, "the hand figure")
    close(s2.cell(s2.rows[("2.A.1", "CO2")], "E"), 30, "E of 2.A.1 after the edit", rel=1e-9)
    close(s2.total_pct(), want, "total uncertainty after the edit", rel=1e-9)
    close(s2.total_pct() - s.total_pct(), want - 9.428090415820634, "the move of the total", rel=1e-9)


@test
def asymmetric_lognormal(tmp):
    """An asymmetric range (-10 %, +30 %) is lognormal: E takes the larger deviation (30 %), N and O keep
    the lower and the upper one; with the other record at +-20 %:
    N = 10, O = 30; total below sqrt((10 x 100)^2 + (20 x 50)^2) / 150, above sqrt((30 x 100)^2 + 1000^2) / 150."""
    o = run(tmp, [("2.A.1", "proc_a", 100, "{minus: 10%, plus: 30%}"), ("2.A.2", "proc_b", 50, "20%")])
    s = Sheet(load_wb(o.xlsx))
    ra = s.rows[("2.A.1", "CO2")]
    close(s.cell(ra, "E"), 30, "E: the larger deviation")
    close(s.cell(ra, "N"), 10, "N: below")
    close(s.cell(ra, "O"), 30, "O: above")
    f = s.foot["Percentage uncertainty in total inventory"]
    close(s.cell(f, "P"), math.sqrt(1000 ** 2 + 1000 ** 2) / 150, "total below")
    close(s.cell(f, "Q"), math.sqrt(3000 ** 2 + 1000 ** 2) / 150, "total above")
    recalc(o.xlsx)


@test
def trend_with_base_year(tmp):
    """Base year 2015 (80 t and 50 t, same uncertainties), year t 2020 (100 t and 50 t), factors exact:
    trend = (150 - 130) / 130 = 15.385 %; F = 0 so K = 0; L = J x E x sqrt(2) with J = D / sum C:
    L_a = 100/130 x 10 x sqrt 2, L_b = 50/130 x 20 x sqrt 2 (equal); trend uncertainty
    = sqrt(2 L_a^2) = 2000 / 130 = 15.385 percentage points."""
    write(os.path.join(tmp, "unc-test.yaml"), FSET)
    os.makedirs(os.path.join(tmp, "base"))
    write(os.path.join(tmp, "base", "b.yaml"), inventory([("2.A.1", "proc_a", 80, "10%"), ("2.A.2", "proc_b", 50, "20%")],
                                                         2015))
    o = compute(tmp, inventory(TWO, 2020, "base_inventory: base/b.yaml"), "--factors", tmp, factors=False)
    a1 = o.json["uncertainty"]["approach1"]
    close(a1["trend_pct"], 20 / 130 * 100, "trend %")
    close(a1["trend_unc_pct"], 2000 / 130, "trend uncertainty")
    check(o.json["uncertainty"]["base_year"] == 2015, "base year in the JSON")
    s = Sheet(load_wb(o.xlsx))
    ra = s.rows[("2.A.1", "CO2")]
    close(s.cell(ra, "C"), 80, "C of 2.A.1")
    close(s.cell(ra, "J"), 100 / 130, "J of 2.A.1 = 100 / 130")
    close(s.cell(ra, "L"), 100 / 130 * 10 * math.sqrt(2), "L of 2.A.1")
    close(s.cell(ra, "K"), 0, "K of 2.A.1 (exact factor)")
    f = s.foot["Percentage uncertainty in total inventory"]
    close(s.cell(f, "M"), 2000 / 130, "workbook trend uncertainty")
    recalc(o.xlsx)
    # --base wins over base_inventory:, and is relative to the current folder
    write(os.path.join(tmp, "b2.yaml"), inventory([("2.A.1", "proc_a", 100, "10%"), ("2.A.2", "proc_b", 100, "20%")],
                                                  2010))
    o2 = compute(tmp, inventory(TWO, 2020, "base_inventory: base/b.yaml"), "--factors", tmp, "--base",
                 os.path.join(tmp, "b2.yaml"), factors=False, out="o2.xlsx")
    close(o2.json["uncertainty"]["approach1"]["trend_pct"], -25, "trend against --base: (150 - 200) / 200")


@test
def factor_uncertainty_fills_gaps(tmp):
    """`factor_uncertainty:` gives proc_a's co2 (no range in the set) +-10 %: F of 2.A.1 = 10, G = sqrt(200);
    its line for proc_c (the set states +-5 %) does not replace the set's range: F of 2.B.1 stays 5."""
    head = ("factor_uncertainty:\n"
            "  - {param: co2, activity: proc_a, uncertainty: 10%, source: \"test\"}\n"
            "  - {param: co2, activity: proc_c, uncertainty: 50%}")
    o = run(tmp, THREE, head=head)
    s = Sheet(load_wb(o.xlsx))
    ra, rc = s.rows[("2.A.1", "CO2")], s.rows[("2.B.1", "CO2")]
    close(s.cell(ra, "F"), 10, "F of 2.A.1 from factor_uncertainty")
    close(s.cell(ra, "G"), math.sqrt(200), "G of 2.A.1")
    close(s.cell(rc, "F"), 5, "F of 2.B.1: the set's range stands")


@test
def factor_uncertainty_unknown_key(tmp):
    """A fuel key in `factor_uncertainty:` that no searched set has is an error at its line, with a
    did-you-mean, as in `activities:` (it would match nothing and leave the sets' ranges in place)."""
    text = ("inventory: t\nyear: 2020\nfactor_sets: [ipcc2006-energy]\nfactor_uncertainty:\n"
            "  - {param: co2, fuel: natural_gaz, uncertainty: 4%, source: test}\n"
            "activities:\n  - {category: \"1.A.1.a\", fuel: natural_gas, amount: 1, unit: Gg, source: t}\n")
    inv = write(os.path.join(tmp, "inv.yaml"), text)
    r = ghg("check", inv, "--factors", os.path.join(ROOT, "factors"))
    check(r.rc == 2 and ":5:" in r.err and "unknown fuel or activity 'natural_gaz' (did you mean 'natural_gas'?)"
          in r.err, "%r" % r)


@test
def bad_options_and_base(tmp):
    """Usage errors exit 2 and write nothing; a missing base_inventory is reported at its line and column."""
    write(os.path.join(tmp, "unc-test.yaml"), FSET)
    inv = write(os.path.join(tmp, "inv.yaml"), inventory(TWO, 2020, "base_inventory: nowhere.yaml"))
    out = os.path.join(tmp, "o.xlsx")
    r = ghg("inventory", inv, "-o", out, "--factors", tmp)
    check(r.rc == 2 and "inv.yaml:5:17: error: cannot read base_inventory" in r.err, "missing base: %r" % r)
    check(not os.path.exists(out), "nothing written")
    inv2 = write(os.path.join(tmp, "inv2.yaml"), inventory(TWO))
    for args, msg in ((["--seed", "3"], "give --monte-carlo N too"), (["--monte-carlo", "0"], "from 1"),
                      (["--monte-carlo", "100", "--mc-stop", "x"], "--mc-stop takes a percentage"),
                      (["--monte-carlo", "100", "--seed", "-1"], "--seed takes a whole number")):
        r = ghg("inventory", inv2, "-o", out, "--factors", tmp, *args)
        check(r.rc == 2 and msg in r.err, "%s: %r" % (args, r))
    late = write(os.path.join(tmp, "late.yaml"), inventory(TWO, 2021))
    r = ghg("inventory", inv2, "-o", out, "--factors", tmp, "--base", late)
    check(r.rc == 2 and "is of year 2021, not before 2020" in r.err, "base after t: %r" % r)


@test
def no_uncertainty(tmp):
    """--no-uncertainty: no Uncertainty or Key categories sheet, no key column, no JSON object; with
    --monte-carlo it is a usage error."""
    o = run(tmp, TWO, "--no-uncertainty")
    wb = load_wb(o.xlsx)
    check("Uncertainty" not in wb.sheetnames and "Key categories" not in wb.sheetnames, "sheets %r" % wb.sheetnames)
    check("uncertainty" not in o.json, "JSON without the uncertainty object")
    check(not any(isinstance(c.value, str) and c.value.startswith("Key") for c in wb["Sectoral table"][1]),
          "no key column")
    r = ghg("inventory", o.inv, "-o", os.path.join(tmp, "x.xlsx"), "--factors", tmp, "--no-uncertainty",
            "--monte-carlo", "100")
    check(r.rc == 2 and "--no-uncertainty leaves out" in r.err, "%r" % r)


# ======================================================= key categories

# 500, 300, 120, 50, 30 t: level shares 50, 30, 12, 5, 3 %, cumulative 50, 80, 92, 97, 100 %.
KC = [("2.A.1", "proc_a", 500, "1%"), ("2.A.2", "proc_b", 300, "5%"), ("2.B.1", "proc_c", 60, "10%"),
      ("2.C.1", "proc_d", 50, "40%"), ("2.A.3", "proc_e", 30, "50%")]


@test
def key_categories_ranking(tmp):
    """Level (Eq. 4.1): shares 50, 30, 12, 5, 3 % (2.B.1 is 60 t x 2 = 120 t); the categories before 2.C.1
    add up to 92 % < 95 %, so 2.C.1 is key (it crosses the cut), 2.A.3 (97 % before it) is not.
    Approach 2 (Eq. 4.3): L x U with U = G, for 2.B.1 sqrt(10^2 + 5^2) = 11.18 %:
    500 x 1 = 500, 300 x 5 = 1500, 120 x 11.18 = 1341.6, 50 x 40 = 2000, 30 x 50 = 1500 (each / 1000);
    sum 6841.6; ranked 2.C.1 29.23 %, 2.A.2 21.92 % (ties with 2.A.3, broken by category), 2.A.3 21.92 %,
    2.B.1 19.61 % (before it 73.08 % < 90 %: key), 2.A.1 7.31 % (before it 92.69 %: not key)."""
    o = run(tmp, KC)
    kc = {(t["assessment"], t["approach"], t["with_lulucf"]): t for t in o.json["uncertainty"]["key_categories"]}
    check(set(kc) == {("level", 1, True), ("level", 2, True)}, "assessments %r (no base year, no LULUCF)" % set(kc))
    lv = kc[("level", 1, True)]["lines"]
    check([l["category"] for l in lv] == ["2.A.1", "2.A.2", "2.B.1", "2.C.1", "2.A.3"], "level order %r" % lv)
    for l, share in zip(lv, (0.5, 0.3, 0.12, 0.05, 0.03)):
        close(l["share"], share, "level share of %s" % l["category"])
    check([l["key"] for l in lv] == [True, True, True, True, False], "level key flags")
    g_c = math.sqrt(125)
    lu = {"2.A.1": 500 * 1, "2.A.2": 300 * 5, "2.B.1": 120 * g_c, "2.C.1": 50 * 40, "2.A.3": 30 * 50}
    tot = sum(lu.values())
    l2 = kc[("level", 2, True)]["lines"]
    check([l["category"] for l in l2] == ["2.C.1", "2.A.2", "2.A.3", "2.B.1", "2.A.1"], "A2 order %r" % l2)
    for l in l2:
        close(l["share"], lu[l["category"]] / tot, "Approach 2 share of %s" % l["category"])
    check([l["key"] for l in l2] == [True, True, True, True, False], "Approach 2 key flags")
    wb = load_wb(o.xlsx)
    st = wb["Sectoral table"]
    head = [c.value for c in st[1]]
    col = [i for i, h in enumerate(head) if isinstance(h, str) and h.startswith("Key category")]
    check(len(col) == 1, "Sectoral table key column in %r" % head)
    flags = {r[0]: r[col[0]] for r in st.iter_rows(min_row=2, values_only=True) if r[0]}
    want = {"2.A.1": "L1", "2.A.2": "L1 L2", "2.A.3": "L2", "2.B.1": "L1 L2", "2.C.1": "L1 L2"}
    for code, f in want.items():
        check(flags.get(code) == f, "Sectoral key column of %s: %r, expected %r" % (code, flags.get(code), f))
    recalc(o.xlsx)


# ======================================================= Monte Carlo

def mc(o):
    return o.json["uncertainty"]["monte_carlo"]


@test
def monte_carlo_threads_and_seed(tmp):
    """The same seed gives the same numbers on 1 and 2 threads (JSON and every cell of the Monte Carlo
    sheet); another seed gives other numbers."""
    a = run(tmp, THREE, "--monte-carlo", "20000", "--seed", "7", "--threads", "1", out="t1.xlsx")
    b = run(tmp, THREE, "--monte-carlo", "20000", "--seed", "7", "--threads", "2", out="t2.xlsx")
    c = run(tmp, THREE, "--monte-carlo", "20000", "--seed", "8", "--threads", "2", out="t3.xlsx")
    check(mc(a) == mc(b), "1 and 2 threads differ")
    check(mc(a)["seed"] == 7 and mc(a)["iterations"] == 20000, "seed and iterations written: %r" % mc(a)["seed"])
    check(mc(a)["total_t_co2e"] != mc(c)["total_t_co2e"], "seeds 7 and 8 gave the same figures")
    wb, wb2 = load_wb(a.xlsx), load_wb(b.xlsx)
    cells = [[c.value for c in r] for r in wb["Monte Carlo"].iter_rows()]
    check(cells == [[c.value for c in r] for r in wb2["Monte Carlo"].iter_rows()], "Monte Carlo sheets differ")
    check("Monte Carlo" in wb.sheetnames, "sheets %r" % wb.sheetnames)
    ws = wb["Monte Carlo"]
    check(ws["A4"].value == "Seed" and ws["B4"].value == 7 and ws["B5"].value == 20000, "seed and iterations cells")


@test
def monte_carlo_near_approach1(tmp):
    """Narrow symmetric inputs (100 t +-1 %, 50 t +-2 %): Approach 1 gives sqrt(1^2 + 1^2) / 150 = 0.9428 %;
    10^5 Monte Carlo iterations give a mean within 0.05 % of 150 t (its standard error is 0.72 t / sqrt(10^5)
    = 0.0015 % of 150) and a 95 % half-width within 2 % of 0.9428 %."""
    o = run(tmp, [("2.A.1", "proc_a", 100, "1%"), ("2.A.2", "proc_b", 50, "2%")], "--monte-carlo", "100000")
    m = mc(o)["total_t_co2e"]
    check(abs(m["mean"] - 150) / 150 < 5e-4, "mean %r" % m["mean"])
    half = (m["p975"] - m["p025"]) / 2 / m["mean"] * 100
    want = math.sqrt(2) / 150 * 100
    check(abs(half - want) / want < 0.02, "half-width %r %%, Approach 1 %r %%" % (half, want))
    close(o.json["uncertainty"]["approach1"]["total_pct"], want, "Approach 1")
    shares = {c["input"]: c["share"] for c in mc(o)["contributions"]}
    check(len(shares) == 2 and abs(sum(shares.values()) - 1) < 1e-12, "two inputs share the variance: %r" % shares)


@test
def monte_carlo_stop_rule(tmp):
    """--mc-stop 5% stops after the second round of 8192 iterations when the bounds move by less than 5 %."""
    o = run(tmp, TWO, "--monte-carlo", "200000", "--mc-stop", "5%")
    m = mc(o)
    check(m["converged"] and m["iterations"] < 200000 and m["iterations"] % 8192 == 0, "stop rule: %r" %
          {k: m[k] for k in ("iterations", "converged", "rounds")})


# ======================================================= Chinese labels

@test
def chinese_labels(tmp):
    o = run(tmp, KC, "--lang", "zh", "--monte-carlo", "1000")
    wb = load_wb(o.xlsx)
    # --lang zh names the sheets in Chinese too (docs/workbook.md)
    u = wb["不确定性"]
    heads = [c.value for c in u[6]]
    check("E：活动水平数据不确定性（%）" in heads, "Uncertainty header in Chinese: %r" % heads[:6])
    check(wb["关键类别"]["A1"].value.startswith("关键类别"), "Key categories title")
    check(wb["蒙特卡洛"]["A1"].value.startswith("蒙特卡洛"), "Monte Carlo title")
    st = wb["部门报告表"]
    check(any(v == "关键类别（L1 T1 L2 T2）" for v in [c.value for c in st[1]]), "Sectoral key header")


# ======================================================= the shipped example

@test
def shipped_example(tmp):
    """jilin-2020.yaml: base year 2015 (jilin-2015-full.yaml), every sheet, totals as before."""
    out = os.path.join(tmp, "jilin.xlsx")
    r = ghg("inventory", EXAMPLE, "-o", out, "--monte-carlo", "4096")
    check(r.rc == 0, "example: %r" % r)
    j = read_json(os.path.join(tmp, "jilin.json"))
    u = j["uncertainty"]
    check(u["base_year"] == 2015, "base year %r" % u["base_year"])
    close(u["approach1"]["t_co2e"], j["totals"]["t_co2e"], "Approach 1 total = the inventory's")
    check(0 < u["approach1"]["total_pct"] < 20, "total uncertainty %r" % u["approach1"]["total_pct"])
    kinds = {(t["assessment"], t["approach"], t["with_lulucf"]) for t in u["key_categories"]}
    check(len(kinds) == 8, "eight assessments: %r" % kinds)
    wb = load_wb(out)
    for s in ("Uncertainty", "Key categories", "Monte Carlo"):
        check(s in wb.sheetnames, "sheet %s" % s)
    recalc(out)


if __name__ == "__main__":
    sys.exit(TESTS.main("uncertainty e2e", "ghgcalc-unc-e2e-", e2e_helpers.configure, doc=__doc__))
