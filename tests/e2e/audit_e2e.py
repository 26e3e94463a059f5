#!/usr/bin/python3
"""audit_e2e.py - end-to-end tests of `ghgcalc audit` (verification of enterprise emission reports).

Run by tests/run with Debian's interpreter (needs python3-openpyxl and, for
the recalculation tests, libreoffice-calc-nogui):

    /usr/bin/python3 tests/e2e/audit_e2e.py --bin build/ghgcalc [NAME...] [-v]

Same protocol as run_e2e.py. The hand case below is worked out by hand with
its arithmetic written out; the shipped examples (inventories/enterprises/,
illustrative) are used for the batch, the folder argument and the workbook's
layout. Numbers are compared under the tolerance policy of e2e_helpers.py.
"""

import os
import shutil
import sys

import e2e_helpers
from e2e_helpers import FACTORS, ROOT, check_zh_sheets, close, ghg, load_wb, read_csv, read_json, recalc, write
from e2e_runner import Registry, check

ENTERPRISES = os.path.join("inventories", "enterprises")
RULES = os.path.join(ROOT, "rules", "verification-default.yaml")

TESTS = Registry()
test = TESTS.add

# ====================================================== the hand case

# A boiler burning natural gas (industry "other": none of the power guideline's monthly rules apply):
#   1000 x 10^4 Nm3, NCV 380 GJ/10^4 Nm3 (inside 285.0-398.3), carbon 5.8 tC/10^4 Nm3 (inside 4.37-6.10),
#   oxidation 99 %: CO2 = 1000 x 5.8 x 44/12 x 0.99 = 21,054.00 t.
# The report declares `{EMISSIONS}` for the fuel (F), the unit (Q), combustion and the total.
HAND_CO2 = 1000 * 5.8 * 44 / 12 * 0.99  # 21,054.00 t CO2
HAND = """# hand-computed test report (invented figures)
report: hand-boiler-2023
title: "Hand case"
enterprise: {{name: "Hand Boiler Co. (test)", credit_code: "91220201MA0000007T", industry: other}}
year: 2023
factor_sets: [china-energy, ipcc2006-energy]
units:
  - id: boiler-1
    emissions: {q}
    fuels:
      - {{fuel: natural_gas, unit: 10^4 Nm3, amount: 1000, ncv: 380, ncv_how: self_tested, carbon: 5.8, carbon_how: self_tested, oxidation: 99%, emissions: {f}}}
totals:
  combustion: {q}
  emissions: {q}
"""
HAND_Q_LINE = 9    # "    emissions: {q}" (col 16)
HAND_F_LINE = 11   # the fuel's flow mapping
HAND_TOTAL_LINE = 14


def hand(tmp, declared, name="hand.yaml"):
    """Writes the hand case declaring `declared` t CO2 everywhere; returns its path."""
    text = "%.2f" % declared
    return write(os.path.join(tmp, name), HAND.format(q=text, f=text))


def audit(*args, ok=(0, 1)):
    """`ghgcalc audit ARGS` with the shipped factors; the exit status must be one of `ok`."""
    r = ghg("audit", *args, "--factors", FACTORS)
    check(r.rc in ok, "exit %d, expected %s: %r" % (r.rc, ok, r))
    return r


def outputs(tmp, name="out"):
    """The workbook, CSV and JSON paths of an audit writing tmp/name.xlsx."""
    base = os.path.join(tmp, name)
    return base + ".xlsx", base + ".csv", base + ".json"


def findings(j, rule=None):
    """Every finding of the JSON (of `rule` when given), in order."""
    return [f for e in j["enterprises"] for f in e["findings"] if rule is None or f["rule"] == rule]


@test
def hand_case_findings(tmp):
    # Declared 3 % high: 21,054.00 x 1.03 = 21,685.62; the fuel's F and the unit's Q are recomputation errors
    # (recompute.source), combustion and the total recomputation errors (recompute.total); nothing else fires.
    declared = round(HAND_CO2 * 1.03, 2)
    x, c, j = outputs(tmp)
    r = audit(hand(tmp, declared), "-o", x, ok=(1,))
    js = read_json(j)
    e = js["enterprises"][0]
    check(e["status"] == "errors" and e["counts"] == {"error": 4, "warning": 0, "info": 0}, "counts: %r" % e)
    close(e["recomputed_t"], HAND_CO2, "recomputed total")
    close(e["verified_t"], HAND_CO2, "verified total (no meter)")
    close(e["declared_t"], declared, "declared total")
    close(e["deviation_t"], declared - HAND_CO2, "declared - verified", abs_tol=1e-12 * HAND_CO2)
    close(e["deviation"], (declared - HAND_CO2) / HAND_CO2, "(declared - verified) / verified")
    rules = sorted(f["rule"] for f in e["findings"])
    check(rules == ["recompute.source"] * 2 + ["recompute.total"] * 2, "rules: %r" % rules)
    q = [f for f in e["findings"] if f["parameter"] == "unit emissions (Q)"][0]
    check((q["line"], q["col"]) == (HAND_Q_LINE, 16), "Q at %r:%r" % (q["line"], q["col"]))
    close(q["declared"], declared, "Q declared")
    close(q["verified"], HAND_CO2, "Q verified")
    close(q["difference"], HAND_CO2 - declared, "Q difference", abs_tol=1e-12 * HAND_CO2)
    check("21054.00" in r.out and "+3.00 %" in r.out, "console line: %r" % r.out)


@test
def hand_case_tolerance(tmp):
    # Declared 1 % high (21,264.54): beyond the rules file's 0.5 %, within --tolerance 2%.
    path = hand(tmp, round(HAND_CO2 * 1.01, 2))
    x, _, j = outputs(tmp)
    audit(path, "-o", x, ok=(1,))
    check(len(findings(read_json(j))) == 4, "four recomputation findings at 0.5 %")
    audit(path, "-o", x, "--tolerance", "2%", ok=(0,))
    js = read_json(j)
    check(findings(js) == [] and js["audit"]["tolerance"] == 0.02, "none at 2 %%: %r" % js["audit"])


@test
def hand_case_workbook(tmp):
    # The recalculation sheet "1 hand-boiler-2023": title, note, a blank row, the fuel table's title and header
    # (rows 4 and 5), the fuel's one row on row 6: energy = 1000 x 0.001 (10^4 Nm3 x GJ/10^4 Nm3 -> TJ) x 380
    # = 380 TJ; D = B / C = 5.8 / 380 tC/GJ; emission = 380 x D x 3666.67 (1000 GJ/TJ x 44/12) x 0.99
    # = 1000 x 5.8 x 44/12 x 0.99 = 21,054.00 t.
    declared = round(HAND_CO2 * 1.03, 2)
    x, _, _ = outputs(tmp)
    audit(hand(tmp, declared), "-o", x, ok=(1,))
    wb = load_wb(x, data_only=False)
    check(wb.sheetnames == ["Summary", "Findings", "Results", "1 hand-boiler-2023", "Rules", "About"],
          "sheets: %r" % wb.sheetnames)
    ws = wb["1 hand-boiler-2023"]
    check(ws["I6"].value == "=D6*F6*G6" and ws["L6"].value == "=J6/G6" and ws["P6"].value == "=I6*L6*N6*O6" and
          ws["R6"].value == "=P6*Q6", "formulas: %r %r %r %r" % (ws["I6"].value, ws["L6"].value, ws["P6"].value,
                                                                 ws["R6"].value))
    vals = load_wb(x)["1 hand-boiler-2023"]
    close(vals["D6"].value, 1000, "amount")
    close(vals["G6"].value, 380, "NCV")
    close(vals["I6"].value, 380, "energy (TJ)")
    close(vals["J6"].value, 5.8, "carbon content B (tC/10^4 Nm3)")
    close(vals["L6"].value, 5.8 / 380, "carbon per unit heat D = B/C (tC/GJ)")
    close(vals["P6"].value, HAND_CO2, "emission (cached)")
    check("hand.yaml:11:" in vals["C6"].value, "input position: %r" % vals["C6"].value)
    fd = load_wb(x)["Findings"]
    rows = [[c.value for c in r] for r in fd.iter_rows(min_row=2)]
    where = [r[12] for r in rows]
    check(os.path.join(tmp, "hand.yaml") + ":%d:16" % HAND_Q_LINE in where, "Findings locations: %r" % where)
    q = [r for r in rows if r[6] == "unit emissions (Q)"][0]
    check(q[2] == "error" and q[11] == "recompute.source" and q[3] == "data", "Findings row: %r" % q)
    close(q[8], declared, "Findings: declared")
    close(q[9], HAND_CO2, "Findings: verified")
    close(q[10], HAND_CO2 - declared, "Findings: difference", abs_tol=1e-12 * HAND_CO2)
    recalc(x)


# ====================================================== exit statuses

@test
def exit_statuses(tmp):
    x, _, _ = outputs(tmp)
    clean = os.path.join(ENTERPRISES, "coal-power-clean.yaml")
    warn = os.path.join(ENTERPRISES, "gas-power-faulty.yaml")   # warnings only
    err = os.path.join(ENTERPRISES, "steel-faulty.yaml")
    audit(clean, "-o", x, ok=(0,))
    audit(err, "-o", x, ok=(1,))
    audit(warn, "-o", x, ok=(0,))
    audit(warn, "-o", x, "--fail-on", "warning", ok=(1,))
    audit(clean, "-o", x, "--fail-on", "warning", ok=(0,))


@test
def usage_errors(tmp):
    x = os.path.join(tmp, "u.xlsx")
    os.mkdir(os.path.join(tmp, "empty"))
    clean = os.path.join(ENTERPRISES, "coal-power-clean.yaml")
    cases = [
        (("-o", x), "give one or more reports"),
        ((clean,), "-o OUT.xlsx"),
        ((clean, "-o", x, "--tolerance", "0.5"), "percentage"),
        ((clean, "-o", x, "--fail-on", "info"), "--fail-on takes error or warning"),
        ((clean, "-o", x, "--bogus"), "unknown option"),
        ((os.path.join(tmp, "empty"), "-o", x), "holds no *.yaml report"),
        ((clean, "-o", x, "--rules", os.path.join(tmp, "none.yaml")), "none.yaml"),
    ]
    for args, want in cases:
        r = audit(*args, ok=(2,))
        check(want in r.err, "%r: stderr %r" % (args, r.err))
        check(not os.path.exists(x), "%r wrote a workbook" % (args,))


@test
def bad_rules_file(tmp):
    # A rule id the program does not know: the rules file's own file:line:col error, exit 2, nothing written.
    rules = write(os.path.join(tmp, "r.yaml"), open(RULES, encoding="utf-8").read().replace(
        "id: range.gas_ncv", "id: range.gas_ncvv"))
    x = os.path.join(tmp, "o.xlsx")
    r = audit(os.path.join(ENTERPRISES, "gas-power-clean.yaml"), "-o", x, "--rules", rules, ok=(2,))
    check("r.yaml:" in r.err and "range.gas_ncvv" in r.err and "error:" in r.err, "stderr: %r" % r.err)
    check(not os.path.exists(x), "wrote a workbook")


# ====================================================== batches and folders

@test
def unreadable_in_batch(tmp):
    # The unreadable report is two findings at its file:line:col (16:1 'yaer', 29:1 the unclosed mapping); the
    # clean report after it is still checked and stays clean.
    x, c, j = outputs(tmp)
    bad = os.path.join(ENTERPRISES, "unreadable-faulty.yaml")
    good = os.path.join(ENTERPRISES, "coal-power-clean.yaml")
    r = audit(bad, good, "-o", x, ok=(1,))
    js = read_json(j)
    by = {e["path"]: e for e in js["enterprises"]}
    check(by[bad]["status"] == "unreadable" and by[good]["status"] == "clean", "statuses: %r" % by)
    where = [(f["line"], f["col"]) for f in by[bad]["findings"]]
    check(where == [(16, 1), (29, 1)] and all(f["rule"] == "report.unreadable" for f in by[bad]["findings"]),
          "unreadable findings: %r" % by[bad]["findings"])
    check(by[good]["counts"] == {"error": 0, "warning": 0, "info": 0}, "clean counts: %r" % by[good])
    check("unreadable" in r.out and "16:1" in r.out, "console: %r" % r.out)
    rows = read_csv(c)
    check(rows[0][:3] == ["number", "report", "path"] and len(rows) == 3, "CSV rows: %r" % rows)
    check([r[16:18] for r in rows[1:]] == [["16", "1"], ["29", "1"]], "CSV positions: %r" % rows)


@test
def folder_argument(tmp):
    # A folder means every *.yaml in it, sorted; another extension is left out.
    d = os.path.join(tmp, "reports")
    os.mkdir(d)
    for name in ("b-gas.yaml", "a-coal.yaml"):
        src = "gas-power-clean.yaml" if "gas" in name else "coal-power-clean.yaml"
        text = open(os.path.join(ROOT, ENTERPRISES, src), encoding="utf-8").read()
        write(os.path.join(d, name), text.replace("factor_dirs: [../../factors]", "factor_dirs: []"))
    write(os.path.join(d, "notes.txt"), "not a report\n")
    x, _, j = outputs(tmp)
    audit(d, "-o", x, ok=(0,))
    js = read_json(j)
    paths = [i["path"] for i in js["inputs"]][:2]
    check(paths == [os.path.join(d, "a-coal.yaml"), os.path.join(d, "b-gas.yaml")], "inputs: %r" % paths)
    check(js["audit"]["reports"] == 2, "reports: %r" % js["audit"])


@test
def examples_workbook(tmp):
    # The shipped examples: the Summary in risk order, the Findings with their positions, the Results table,
    # every formula recalculated by LibreOffice.
    x, c, j = outputs(tmp)
    r = audit(ENTERPRISES, "-o", x, ok=(1,))
    js = read_json(j)
    check(js["audit"]["reports"] == 13 and js["audit"]["status_counts"]["clean"] == 6, "counts: %r" % js["audit"])
    check(r.out.count("\n") == 14 and "audit: 13 report(s)" in r.out, "console: %r" % r.out)
    wb = load_wb(x)
    sm = wb["Summary"]
    rows = [[cl.value for cl in row] for row in sm.iter_rows(min_row=2, max_row=14)]
    check([row[0] for row in rows] == list(range(1, 14)), "ranks: %r" % [row[0] for row in rows])
    order = ["unreadable", "not recomputable", "errors", "warnings", "clean"]
    st = [order.index(row[13]) for row in rows]
    check(st == sorted(st), "statuses not in risk order: %r" % [row[13] for row in rows])
    for a, b in zip(rows, rows[1:]):
        if a[13] == b[13] and a[9] is not None and b[9] is not None:
            check(abs(a[9]) >= abs(b[9]), "deviation order: %r then %r" % (a[:10], b[:10]))
    check(rows[0][13] == "unreadable" and rows[1][1] == "jl-ammonia-2023-faulty", "first rows: %r" % rows[:2])
    fd = [[cl.value for cl in row] for row in wb["Findings"].iter_rows(min_row=2)]
    check(len(fd) == len(findings(js)) == len(read_csv(c)) - 1, "one Findings row per finding")
    slip = [row for row in fd if row[11] == "data.unit_slip" and row[1] == "jl-ammonia-2023-faulty"]
    check(slip and slip[0][12] == os.path.join(ENTERPRISES, "ammonia-faulty.yaml") + ":42:16", "slip: %r" % slip)
    line = open(os.path.join(ROOT, ENTERPRISES, "ammonia-faulty.yaml"), encoding="utf-8").read().split("\n")[41]
    check(line[15:].startswith("562601.60"), "line 42 col 16 is the declared value: %r" % line)
    res = [[cl.value for cl in row] for row in wb["Results"].iter_rows(min_row=2)]
    inc = [row for row in res if row[0] == "jl-ammonia-2023-faulty" and row[8] == "no"]
    check(any(row[11] == "data.unit_slip" for row in inc), "Results reasons: %r" % inc)
    check(len(wb.sheetnames) == 13 + 5 and wb.sheetnames[3].startswith("1 "), "sheets: %r" % wb.sheetnames)
    recalc(x)


@test
def zh_labels(tmp):
    # Chinese labels and sheet names (docs/audit.md#the-workbook): Summary 汇总, Findings 核查发现, Results 核查结果,
    # the recalculation sheets 重算N id, Rules 核查规则, About 关于; every formula, link and colour rule refers to
    # them by these names (check_zh_sheets) and LibreOffice's recalculation agrees with every cached value.
    x, _, _ = outputs(tmp)
    audit(ENTERPRISES, "-o", x, "--lang", "zh", ok=(1,))
    names = check_zh_sheets(x)
    check(names[:3] == ["汇总", "核查发现", "核查结果"] and names[-2:] == ["核查规则", "关于"], "sheets: %r" % names)
    ranks = [n.split(" ")[0] for n in names[3:-2]]
    check(ranks == ["重算%d" % k for k in range(1, 14)], "recalculation sheets: %r" % names[3:-2])
    check(names[6] == "重算4 jl-coal-power-2023-faulty", "31 characters, not bytes: %r" % names[6])
    wb = load_wb(x)
    sm = wb["汇总"]
    check(sm["A1"].value == "风险排序" and sm["F1"].value == "申报排放量 (t CO2)", "headers: %r" % sm["A1"].value)
    statuses = {sm.cell(row=i, column=14).value for i in range(2, 15)}
    check(statuses == {"无法读取", "有错误", "有警告", "未发现问题"}, "statuses: %r" % statuses)
    check(wb["核查发现"]["C2"].value == "错误", "severity: %r" % wb["核查发现"]["C2"].value)
    check(wb["关于"]["A1"].value == "ghgcalc 排放报告核查", "About: %r" % wb["关于"]["A1"].value)
    link = load_wb(x, data_only=False)["汇总"]["B2"].hyperlink
    check(link is not None and link.location == "'%s'!A1" % names[3], "Summary link: %r" % link)
    recalc(x)


@test
def large_batch(tmp):
    # 101 reports (more than 100): the blocks stack in "Recalculation"; only the reports with findings have one.
    d = os.path.join(tmp, "many")
    os.mkdir(d)
    for i in range(101):
        hand(d, HAND_CO2 * (1.03 if i % 10 == 0 else 1), name="r%03d.yaml" % i)
    x, _, j = outputs(tmp)
    audit(d, "-o", x, ok=(1,))
    wb = load_wb(x)
    check(wb.sheetnames == ["Summary", "Findings", "Results", "Recalculation", "Rules", "About"],
          "sheets: %r" % wb.sheetnames)
    titles = [c.value for c in wb["Recalculation"]["A"] if isinstance(c.value, str) and " - Recalculation" in c.value]
    check(len(titles) == 11, "11 faulty reports (every tenth of 101) have a block: %d" % len(titles))
    check(sum(e["status"] == "errors" for e in read_json(j)["enterprises"]) == 11, "11 with errors")
    recalc(x)
    # In Chinese the stacked sheet is 重算, and the Summary's links go there.
    audit(d, "-o", x, "--lang", "zh", ok=(1,))
    names = check_zh_sheets(x)
    check(names == ["汇总", "核查发现", "核查结果", "重算", "核查规则", "关于"], "zh sheets: %r" % names)
    recalc(x)


# ====================================================== check

@test
def check_report_and_rules(tmp):
    r = ghg("check", os.path.join(ENTERPRISES, "coal-power-clean.yaml"), RULES, "--factors", FACTORS)
    check(r.rc == 0, "check: %r" % r)
    check("ok: report 'jl-coal-power-2023'" in r.out and "ok: rules 'verification-default'" in r.out, "out: %r" % r.out)
    r = ghg("check", os.path.join(ENTERPRISES, "unreadable-faulty.yaml"))
    check(r.rc == 2 and "unreadable-faulty.yaml:16:1: error: unknown key 'yaer'" in r.err, "check: %r" % r)


@test
def default_rules_beside_reports(tmp):
    # Run from a folder without rules/: the rules are found beside the report folder (its ../rules), as factor
    # sets are; without them the usage error names where it looked.
    os.makedirs(os.path.join(tmp, "data", "reports"))
    path = hand(os.path.join(tmp, "data", "reports"), HAND_CO2)
    x = os.path.join(tmp, "o.xlsx")
    r = ghg("audit", path, "-o", x, "--factors", FACTORS, cwd=tmp)
    check(r.rc == 2 and "no rules file found" in r.err, "without rules: %r" % r)
    os.mkdir(os.path.join(tmp, "data", "rules"))
    shutil.copy(RULES, os.path.join(tmp, "data", "rules", "verification-default.yaml"))
    r = ghg("audit", path, "-o", x, "--factors", FACTORS, cwd=tmp)
    check(r.rc == 0 and os.path.exists(x), "with ../rules: %r" % r)


if __name__ == "__main__":
    sys.exit(TESTS.main("audit e2e", "ghgcalc-audit-", e2e_helpers.configure, doc=__doc__))
