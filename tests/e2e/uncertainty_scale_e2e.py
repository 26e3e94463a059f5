#!/usr/bin/python3
"""uncertainty_scale_e2e.py - the uncertainty analysis costs a constant per record, not an input per record.

Run by tests/run with Debian's interpreter (needs python3-openpyxl):

    /usr/bin/python3 tests/e2e/uncertainty_scale_e2e.py --bin build/ghgcalc [NAME...] [-v]

Same protocol as run_e2e.py (e2e_runner.py). The inventory is generated here:
10^5 product-method records over a factor set written here (`scale-test`,
every factor 1 t CO2/t without a range), with the amounts' uncertainty
stated, so that every expected figure is Eq. 3.1 and 3.2 of 2006 IPCC Vol.1
Ch.3 over independent amounts, worked out below from the generated numbers:
U = sqrt(sum (U_i x t_i)^2) / sum t_i. The records of one category and of one
set of factors are one aggregated input (docs/uncertainty.md), so the
Uncertainty sheet stays live and small, and the run's peak memory stays
close to that of --no-uncertainty (os.wait4's peak RSS of the child).

Under valgrind (GHGCALC_VALGRIND=1) the inventory has 2,000 records and under
a sanitizer build (build/asan/ghgcalc, `make sanitize`) 20,000: the figures
and the aggregated inputs are checked alike, the memory is not (neither
tool's memory is the program's).
"""

import math
import os
import sys

import e2e_helpers
from e2e_helpers import FACTORS, VALGRIND, close, peak_run, write
from e2e_runner import Fail, Registry, Skip, check

TESTS = Registry()
test = TESTS.add

N = 100000  # records; N_VALGRIND, N_SANITIZER for the slower tools (see above)
N_VALGRIND = 2000
N_SANITIZER = 20000
CATS = [("2.A.1", "proc_a"), ("2.A.2", "proc_b"), ("2.A.3", "proc_c"), ("2.B.1", "proc_d"), ("2.C.1", "proc_e")]
UNC = [2, 5, 10]  # % at 95 %, in turn

FSET = "factor_set: scale-test\ntitle: \"uncertainty scale e2e factors\"\nsource: \"e2e test, not real data\"\n" \
       "factors:\n" + "".join('  - {activity: %s, category: "%s", co2: {value: 1, unit: t CO2/t, ref: "test"}}\n'
                              % (a, c) for c, a in CATS)


def record(i):
    """Record i: (category, activity, amount t, U %, own factor or None). Every fourth record states its own
    exact factor of 2 t CO2/t (a Tier 2 override): its emission is twice its amount."""
    cat, act = CATS[i % len(CATS)]
    return cat, act, 10 + (i * 37) % 1000, UNC[i % len(UNC)], 2 if i % 4 == 0 else None


def write_inventory(path, n):
    """Writes records 0..n-1 in pieces (Linux counts this process's resident memory at the exec into the child's
    peak RSS, so it stays small)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("inventory: scale\nyear: 2020\ngwp: ar5\nfactor_sets: [scale-test]\nactivities:\n")
        for k in range(0, n, 5000):
            lines = []
            for i in range(k, min(n, k + 5000)):
                cat, act, amount, u, own = record(i)
                ovr = ", co2: {value: %d, unit: t CO2/t, source: lab}" % own if own else ""
                lines.append('  - {id: r%d, category: "%s", activity: %s, amount: %d, unit: t, uncertainty: %d%%%s}\n'
                             % (i, cat, act, amount, u, ovr))
            f.write("".join(lines))


def expected(n):
    """Per category, and in total: sum t, sum (U t)^2, and the aggregated inputs (category, own or not) with their
    record counts, over records 0..n-1. Record 0 (2.A.1, 10 t, 2 %, own factor 2) adds t = 10 x 2 = 20 t and
    (2 x 20)^2 = 1600 %^2 t^2; record 5 (2.A.1, 10 + 185 = 195 t, 10 %, no own factor) 195 t and 1950^2."""
    cat_t, cat_v, groups = {}, {}, {}
    for i in range(n):
        cat, _, amount, u, own = record(i)
        t = amount * (own or 1)
        cat_t[cat] = cat_t.get(cat, 0) + t
        cat_v[cat] = cat_v.get(cat, 0) + (u * t) ** 2
        groups[(cat, own is not None)] = groups.get((cat, own is not None), 0) + 1
    return cat_t, cat_v, groups


def uncertainty_sheet(xlsx):
    """The Uncertainty sheet of a workbook, read in openpyxl's read-only mode (only this sheet is parsed; the
    10^5-row calculation sheets are not): per table row (category) D, E's cached value and E's formula; the total's
    uncertainty and the one counted once (column H of the foot); the aggregated inputs as (category, records)."""
    import openpyxl
    got = {"rows": {}, "inputs": []}
    for data_only in (True, False):
        wb = openpyxl.load_workbook(xlsx, read_only=True, data_only=data_only)
        section = None
        for row in wb["Uncertainty"].iter_rows(min_row=1, max_col=18, values_only=True):
            a = row[0] if row else None
            if not isinstance(a, str):
                continue
            if a.startswith("A: IPCC"):
                section = "table"
            elif section == "table" and a == "Total":
                section = "foot"
            elif section == "table":
                t, e, f = got["rows"].get(a.split()[0], (None, None, None))
                got["rows"][a.split()[0]] = (row[3], row[4], f) if data_only else (t, e, row[4])
            elif data_only and a.startswith("Percentage uncertainty in total inventory"):
                got["total_pct"] = row[7]
            elif data_only and a.startswith("Uncertainty of the total with each shared input counted once"):
                got["shared_pct"] = row[7]
            elif data_only and a.startswith("amounts: "):
                got["inputs"].append((a.split()[1].rstrip(","), row[17]))
        wb.close()
    return got


@test
def hundred_thousand_records(tmp):
    """10^5 records (the workbook alone, --no-csv-json, to keep the test short): Approach 1 by hand (per
    category E = sqrt(sum (U_i t_i)^2) / sum t_i, a live formula; the total likewise over every record), ten
    aggregated inputs (five categories, with and without an own factor) standing for all the records, and a peak
    RSS at most 20 MB above that of --no-uncertainty and 80 MB in all (fewer records and no memory check under
    valgrind and in a sanitizer build, whose allocators keep memory of their own)."""
    sanitizer = "asan" in e2e_helpers.CLI.bin  # make sanitize: build/asan/ghgcalc
    n = N_VALGRIND if VALGRIND else N_SANITIZER if sanitizer else N
    write(os.path.join(tmp, "scale-test.yaml"), FSET)
    inv = os.path.join(tmp, "scale.yaml")
    write_inventory(inv, n)
    runs = {}
    for name, extra in (("default", []), ("bare", ["--no-uncertainty"])):
        if (sanitizer or VALGRIND) and name == "bare":
            continue  # only there for the memory
        out = os.path.join(tmp, name + ".xlsx")
        r = peak_run("inventory", inv, "-o", out, "--factors", tmp, "--factors", FACTORS, "--quiet",
                     "--no-csv-json", *extra)
        check(r.rc == 0, "%s run: %r" % (name, r))
        runs[name] = r.rss_kb
    cat_t, cat_v, groups = expected(n)
    total_t = sum(cat_t.values())
    want = math.sqrt(sum(cat_v.values())) / total_t
    sheet = uncertainty_sheet(os.path.join(tmp, "default.xlsx"))
    check(sorted(sheet["rows"]) == sorted(cat_t), "rows %r" % sorted(sheet["rows"]))
    for c, (t, e, e_formula) in sheet["rows"].items():
        close(t, cat_t[c], "D of %s" % c)
        close(e, math.sqrt(cat_v[c]) / cat_t[c], "E of %s" % c)
        check(isinstance(e_formula, str) and e_formula.startswith("="), "E of %s is a formula: %r" % (c, e_formula))
    close(sheet["total_pct"], want, "total uncertainty")
    close(sheet["shared_pct"], want, "total uncertainty counted once")
    check(sorted(sheet["inputs"]) == sorted((c, n) for (c, _), n in groups.items()),
          "aggregated inputs %r, expected %r" % (sorted(sheet["inputs"]), groups))
    if sanitizer or VALGRIND:
        return
    extra_mb = (runs["default"] - runs["bare"]) / 1024
    if e2e_helpers.CLI.verbose:
        sys.stderr.write("peak RSS: %.1f MB, with --no-uncertainty %.1f MB\n" % (runs["default"] / 1024,
                                                                             runs["bare"] / 1024))
    check(extra_mb <= 20, "the uncertainty analysis adds %.1f MB (peak %d KB against %d KB)"
          % (extra_mb, runs["default"], runs["bare"]))
    check(runs["default"] <= 80 * 1024, "peak RSS %d KB above 80 MB" % runs["default"])


if __name__ == "__main__":
    sys.exit(TESTS.main("uncertainty scale e2e", "ghgcalc-unc-scale-", e2e_helpers.configure, doc=__doc__))
