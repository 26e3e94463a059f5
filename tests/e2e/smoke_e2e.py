#!/usr/bin/python3
"""smoke_e2e.py - every command once on the shipped examples, and a few bad inputs: the suite
`make valgrind` runs under valgrind (with the unit tests), so that each command's whole path is
checked for memory errors and leaks in a few minutes. The other suites check the figures; this one
checks exit statuses and that every output exists. `make valgrind-full` runs every suite under
valgrind instead.

    /usr/bin/python3 tests/e2e/smoke_e2e.py --bin build/ghgcalc [NAME...] [-v]

Protocol of tests/e2e/e2e_runner.py.
"""

import glob
import os
import sys

import e2e_helpers
from e2e_helpers import FACTORS, ROOT, ghg, write
from e2e_runner import Registry, check

TESTS = Registry()
test = TESTS.add

INV = os.path.join(ROOT, "inventories")


def wrote(r, *paths, rc=(0,)):
    """Exit status in `rc` and every output present."""
    check(r.rc in rc, "exit %d: %r" % (r.rc, r))
    for p in paths:
        check(os.path.isfile(p) and os.path.getsize(p) > 0, "no %s: %r" % (p, r))


@test
def inventory_en_zh_monte_carlo(tmp):
    for lang in ("en", "zh"):
        out = os.path.join(tmp, "j-%s.xlsx" % lang)
        wrote(ghg("inventory", os.path.join(INV, "jilin-2020.yaml"), "-o", out, "--lang", lang, "--quiet"), out,
              out[:-5] + ".csv", out[:-5] + ".json")
    out = os.path.join(tmp, "mc.xlsx")
    wrote(ghg("inventory", os.path.join(INV, "jilin-2020.yaml"), "-o", out, "--monte-carlo", "256", "--threads", "2",
              "--quiet"), out)


@test
def intensity_series(tmp):
    out = os.path.join(tmp, "i.xlsx")
    wrote(ghg("intensity", os.path.join(INV, "jilin-series.yaml"), "-o", out, "--quiet"), out, rc=(0, 1))


@test
def project_scenarios(tmp):
    out = os.path.join(tmp, "p.xlsx")
    wrote(ghg("project", os.path.join(INV, "scenarios", "jilin-peak.yaml"), "-o", out, "--iterations", "64",
              "--quiet"), out, out[:-5] + ".json", rc=(0, 1))


@test
def audit_enterprises(tmp):
    out = os.path.join(tmp, "a.xlsx")
    wrote(ghg("audit", os.path.join(INV, "enterprises"), "-o", out, "--quiet"), out, out[:-5] + ".csv", rc=(1,))


@test
def template_and_import(tmp):
    for kind in ("inventory", "series", "report"):
        out = os.path.join(tmp, "t-%s.xlsx" % kind)
        wrote(ghg("template", kind, "-o", out, "--lang", "zh", "--factors", FACTORS), out)
    import import_e2e
    inv = import_e2e.yaml_load(import_e2e.JILIN)
    inv["activities"] = inv["activities"][:6]
    tpl = os.path.join(tmp, "t-inventory-en.xlsx")
    wrote(ghg("template", "inventory", "-o", tpl, "--factors", FACTORS), tpl)
    filled = import_e2e.fill_inventory(tpl, tpl, inv, os.path.join(tmp, "filled.xlsx"))
    out = os.path.join(tmp, "imported.yaml")
    wrote(ghg("import", filled, "-o", out, "--factors", FACTORS), out)
    csv = write(os.path.join(tmp, "Activities.csv"), "Category,Fuel or activity,Amount,Unit\n1.A.1.a,natural_gas,"
                "x,Gg\n")
    r = ghg("import", csv, "-o", os.path.join(tmp, "bad.yaml"), "--factors", FACTORS)
    check(r.rc == 2 and not os.path.exists(os.path.join(tmp, "bad.yaml")), "bad CSV: %r" % r)


@test
def check_every_shipped_file(tmp):
    files = sorted(glob.glob(os.path.join(ROOT, "factors", "*.yaml")) +
                   glob.glob(os.path.join(INV, "**", "*.yaml"), recursive=True) +
                   glob.glob(os.path.join(ROOT, "rules", "*.yaml")))
    bad = [f for f in files if "unreadable" in os.path.basename(f)]  # inventories/enterprises: refused on purpose
    r = ghg("check", *[f for f in files if f not in bad], "--quiet")
    check(r.rc == 0, "check of the shipped files: %r" % r)
    r = ghg("check", *bad, "--quiet") if bad else None
    check(r is None or r.rc == 2, "check of the deliberately unreadable report: %r" % r)


@test
def factors_and_help(tmp):
    check(ghg("factors", "list").rc == 0, "factors list")
    check(ghg("factors", "show", "natural_gas").rc == 0, "factors show")
    for cmd in ("inventory", "intensity", "project", "audit", "check", "factors", "template", "import"):
        check(ghg(cmd, "--help").rc == 0, "%s --help" % cmd)


@test
def bad_inputs(tmp):
    for name in ("several_errors", "several_errors_engine", "yaml_tab", "unknown_fuel"):
        f = os.path.join(ROOT, "tests", "fixtures", "bad", name + ".yaml")
        r = ghg("inventory", f, "-o", os.path.join(tmp, "o.xlsx"), "--factors", FACTORS)
        check(r.rc == 2 and not os.path.exists(os.path.join(tmp, "o.xlsx")), "%s: %r" % (name, r))


if __name__ == "__main__":
    sys.exit(TESTS.main("smoke e2e", "ghgcalc-smoke-", e2e_helpers.configure, doc=__doc__))
