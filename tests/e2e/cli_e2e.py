#!/usr/bin/python3
"""cli_e2e.py - end-to-end tests of the command line shared by every command (calc/cli.c): option
tables per command, usage errors, --help, and check's one validation pass.

    /usr/bin/python3 tests/e2e/cli_e2e.py --bin build/ghgcalc [NAME...] [-v]

Protocol of tests/e2e/e2e_runner.py.
"""

import json
import os
import sys

import e2e_helpers
from e2e_helpers import ROOT, ghg, write
from e2e_runner import Registry, check

TESTS = Registry()
test = TESTS.add

SMALL = os.path.join(ROOT, "tests", "fixtures", "ok", "small.yaml")


def usage_error(r, want):
    """Exit 2, nothing on stdout, and `want` then the --help hint on stderr."""
    check(r.rc == 2, "exit %d, expected 2: %r" % (r.rc, r))
    check(r.out == "", "stdout: %r" % r.out)
    check(want in r.err, "stderr lacks %r: %r" % (want, r.err))
    check("Use 'ghgcalc " in r.err and "--help'." in r.err, "no --help hint: %r" % r.err)


@test
def option_of_another_command_is_refused(tmp):
    # -o belongs to inventory and intensity; check has no outputs.
    r = ghg("check", SMALL, "-o", os.path.join(tmp, "o.xlsx"))
    usage_error(r, "option '-o' is for ghgcalc inventory, intensity, project, audit, template and import, not for "
                   "'check'")
    check(not os.path.exists(os.path.join(tmp, "o.xlsx")), "a workbook was written")
    usage_error(ghg("check", "--set", "foo", SMALL), "option '--set' is for ghgcalc factors, not for 'check'")
    usage_error(ghg("factors", "list", "--csv", "x.csv"), "option '--csv' is for")


@test
def unknown_and_malformed_options(tmp):
    usage_error(ghg("inventory", SMALL, "--frobnicate"), "unknown option '--frobnicate'")
    usage_error(ghg("inventory", SMALL, "-o", "a.xlsx", "-o", "b.xlsx"), "option '-o' is given twice")
    usage_error(ghg("inventory", SMALL, "--no-csv-json=yes", "-o", "a.xlsx"), "option '--no-csv-json' takes no value")
    usage_error(ghg("inventory", SMALL, "--lang", "fr", "-o", "a.xlsx"), "--lang takes en or zh, not 'fr'")
    usage_error(ghg("inventory", SMALL, "-o"), "option '-o' needs a value")


@test
def long_options_with_equals_and_double_dash(tmp):
    out = os.path.join(tmp, "o.xlsx")
    r = ghg("inventory", "--output=" + out, "--factors=factors", "--quiet", "--", SMALL)
    check(r.rc == 0, "%r" % r)
    check(os.path.exists(out), "no workbook")


@test
def many_factor_folders(tmp):
    # No fixed cap on --factors (it used to stop at 32 with "unknown option").
    args = []
    for i in range(40):
        d = os.path.join(tmp, "d%d" % i)
        os.mkdir(d)
        args += ["--factors", d]
    r = ghg("check", SMALL, *args, "--factors", "factors")
    check(r.rc == 0, "%r" % r)


@test
def help_lists_the_commands_options(tmp):
    r = ghg("inventory", "--help")
    check(r.rc == 0, "%r" % r)
    for opt in ("-o, --output OUT.xlsx", "--lang en|zh", "--csv F", "--json F", "--no-csv-json",
                "--factors DIR", "-q, --quiet"):
        check(opt in r.out, "inventory --help lacks %r:\n%s" % (opt, r.out))
    r = ghg("check", "--help")
    check("--factors DIR" in r.out and "--output" not in r.out, "check --help:\n%s" % r.out)
    r = ghg("--help")
    for cmd in ("inventory", "intensity", "check", "factors"):
        check("  %s " % cmd in r.out, "--help lacks %s" % cmd)


@test
def check_reports_loader_and_engine_errors_in_one_run(tmp):
    # A negative amount (found while loading) and a misspelt fuel (found when factors are resolved):
    # both in one run, each at its file:line:col.
    p = write(os.path.join(tmp, "two.yaml"),
              "inventory: two\nyear: 2020\nfactor_sets: [ipcc2006-energy]\nactivities:\n"
              "  - {category: \"1.A.1.a\", fuel: natural_gas, amount: -5, unit: Gg}\n"
              "  - {category: \"1.A.1.a\", fuel: natual_gas, amount: 5, unit: Gg}\n")
    r = ghg("check", p, "--factors", "factors")
    check(r.rc == 2, "%r" % r)
    check("two.yaml:5:54: error: 'amount' is negative" in r.err, "no loader error: %r" % r.err)
    check("two.yaml:6:33: error: unknown fuel 'natual_gas' (did you mean 'natural_gas'?)" in r.err,
          "no engine error: %r" % r.err)


@test
def chinese_names_suggested_and_short_units(tmp):
    # A misspelt Chinese fuel name (天燃气 for 天然气, the name_zh of natural_gas in ipcc2006-energy) gets the
    # name as its suggestion, and the statistics' short form 万吨标煤 is 万吨标准煤 (10^4 tce): the record
    # with 1 万吨标煤 of raw coal has the energy of 10^4 x 29.3076 GJ = 293.076 TJ.
    p = write(os.path.join(tmp, "zh.yaml"),
              "inventory: zh\nyear: 2020\nfactor_sets: [ipcc2006-energy]\nactivities:\n"
              "  - {category: \"1.A.1.a\", fuel: 天燃气, amount: 5, unit: Gg}\n")
    r = ghg("check", p, "--factors", "factors")
    check(r.rc == 2 and "zh.yaml:5:33: error: unknown fuel '天燃气' (did you mean '天然气'?)" in r.err, "%r" % r)
    p = write(os.path.join(tmp, "tce.yaml"),
              "inventory: tce\nyear: 2020\nfactor_sets: [ipcc2006-energy]\nactivities:\n"
              "  - {category: \"1.A.1.a\", fuel: other_bituminous_coal, amount: 1, unit: 万吨标煤}\n")
    out = os.path.join(tmp, "tce.xlsx")
    r = ghg("inventory", p, "-o", out, "--factors", "factors", "-q")
    check(r.rc == 0, "%r" % r)
    with open(out[:-5] + ".json", encoding="utf-8") as f:
        doc = json.load(f)
    tj = [c["energy_tj"] for c in doc["categories"] if c["code"] == "1.A.1.a"]
    check(tj and abs(tj[0] - 293.076) <= 1e-9 * 293.076, "energy of 1 万吨标煤: %r" % tj)


if __name__ == "__main__":
    sys.exit(TESTS.main("cli e2e", "ghgcalc-cli-", e2e_helpers.configure, doc=__doc__))
