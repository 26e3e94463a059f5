#!/usr/bin/python3
"""limits_e2e.py - the limits that hold whatever an input file says.

Run by tests/run:

    /usr/bin/python3 tests/e2e/limits_e2e.py --bin build/ghgcalc [NAME...] [-v]

Same protocol as run_e2e.py: "ok NAME" or "FAIL NAME: reason" per test, then
"N passed, M failed"; exit status 1 when anything failed.

Each hostile file (the small ones kept in fuzz/hostile/, the large ones
generated here) goes through `ghgcalc check` and `ghgcalc inventory`; both
must exit 2 with a `file:line:col: error:` message naming the limit, write
nothing, and stay within a memory bound measured against a small valid run
(os.wait4's peak RSS of that one child). Linux carries the parent's peak
over fork and exec into the child's, so this script writes its big files in
small pieces and stays far below the bounds it checks. No test here is
timed: a hang is caught by a generous timeout only. fuzz/hostile/check.sh
measures the times.
"""

import os
import re
import sys

import e2e_helpers
from e2e_helpers import FACTORS, ROOT, VALGRIND, peak_run
from e2e_runner import Fail, Registry, check

HOSTILE = os.path.join(ROOT, "fuzz", "hostile")
TESTS = Registry()
test = TESTS.add

HEAD = "inventory: hostile\nyear: 2020\nfactor_sets: [ipcc2006-energy]\n"





def ghg(tmp, *args, timeout=120):
    """Runs ghgcalc; returns its exit status, output and its own peak RSS (`rss_kb`)."""
    return peak_run(*args, timeout=timeout)


def files_in(d):
    return sorted(f for f in os.listdir(d) if not f.startswith("."))


_BASELINE = {}


def baseline_kb(tmp):
    """Peak RSS of `check` on a small valid inventory (sanitizer builds start high)."""
    if "kb" not in _BASELINE:
        path = os.path.join(tmp, "small.yaml")
        with open(path, "w") as f:
            f.write(HEAD + "activities:\n  - {category: 1.A.1.a, fuel: natural_gas, amount: 1, unit: TJ}\n")
        r = ghg(tmp, "check", path, "--factors", FACTORS)
        check(r.rc == 0, "baseline check failed: %r" % r)
        os.unlink(path)
        _BASELINE["kb"] = r.rss_kb
    return _BASELINE["kb"]


def refused(tmp, path, pattern, extra_kb=64 * 1024, shown=None):
    """`check` and `inventory` on `path`: exit 2, first message matches
    `pattern` (a regex after 'error: '), no output written, and peak RSS at
    most `extra_kb` above the baseline."""
    base = baseline_kb(tmp)
    outdir = os.path.join(tmp, "out")
    os.makedirs(outdir, exist_ok=True)
    where = re.escape(shown or path)
    for cmd in (["check", path], ["inventory", path, "-o", os.path.join(outdir, "out.xlsx"), "--quiet"]):
        r = ghg(tmp, *cmd, "--factors", FACTORS)
        check(r.rc == 2, "%s: exit %d, expected 2: %r" % (cmd[0], r.rc, r))
        first = r.err.splitlines()[0] if r.err else ""
        check(re.match(r"%s(:\d+:\d+)?: error: %s" % (where, pattern), first),
              "%s: first message %r does not match %r" % (cmd[0], first, pattern))
        check(r.out == "", "%s: stdout should be empty: %r" % (cmd[0], r.out))
        check(files_in(outdir) == [], "%s: files written: %r" % (cmd[0], files_in(outdir)))
        if not VALGRIND:
            check(r.rss_kb <= base + extra_kb, "%s: peak RSS %d KB, more than %d KB above the %d KB of a small "
                  "valid file" % (cmd[0], r.rss_kb, extra_kb, base))
    return r


def hostile_case(name, pattern):
    def t(tmp):
        refused(tmp, os.path.join("fuzz", "hostile", name), pattern)
    t.__name__ = "hostile_" + name.replace("-", "_").replace(".yaml", "")
    return t


# The small hostile files kept in fuzz/hostile/, each with the limit it hits.
for _name, _pattern in (
        ("billion-laughs.yaml", r"YAML aliases \(\*name\) are not supported"),
        ("billion-laughs-record.yaml", r"YAML aliases \(\*name\) are not supported"),
        ("nesting-40.yaml", r"nesting is deeper than the limit of 32 levels"),
        ("nesting-40-record.yaml", r"nesting is deeper than the limit of 32 levels"),
        ("scalar-100k.yaml", r"value is 100000 bytes, longer than the limit of 65536"),
        ("keys-2000.yaml", r"mapping has more keys than the limit of 1000"),
        ("keys-2000-top.yaml", r"unknown key 'k0000' in an inventory"),
        ("devzero-factor-set.yaml", r"factor set '/dev/zero' not found")):
    test(hostile_case(_name, _pattern))


@test
def hostile_files_all_listed(tmp):
    """Every file in fuzz/hostile/ has a case above."""
    listed = set(TESTS.names())
    for f in os.listdir(HOSTILE):
        if f.endswith(".yaml"):
            name = "hostile_" + f.replace("-", "_").replace(".yaml", "")
            check(name in listed, "fuzz/hostile/%s has no test in limits_e2e.py" % f)


@test
def runaway_scalar(tmp):
    """A 64 MB scalar: refused once 1.25 MiB have gone by without a YAML event,
    before libyaml holds it whole (it used to cost 1.3x its size in memory)."""
    path = os.path.join(tmp, "scalar.yaml")
    with open(path, "w") as f:
        f.write(HEAD + "title: ")
        for _ in range(64):
            f.write("x" * (1 << 20))
        f.write("\nactivities: []\n")
    refused(tmp, path, r"the text after this point runs on for more than 1310720 bytes without ending a value",
            extra_kb=16 * 1024)


@test
def runaway_unclosed_quote(tmp):
    """A quote never closed swallows the rest of a 16 MB file; the message
    points after 'title:' on line 4, where the quoted value starts."""
    path = os.path.join(tmp, "quote.yaml")
    with open(path, "w") as f:
        f.write(HEAD + 'title: "never closed\nactivities:\n')
        lines = "  - {category: 1.A.1.a, fuel: natural_gas, amount: 1, unit: TJ}\n" * 16384
        for _ in range(16 * (1 << 20) // len(lines)):
            f.write(lines)
    r = refused(tmp, path, r"the text after this point runs on .* \(is a closing quote missing\?\)",
                extra_kb=16 * 1024)
    check(r.err.startswith(path + ":4:6: "), "location: %r" % r.err.splitlines()[0])


@test
def long_comment_block_is_fine(tmp):
    """Comments count as text between events: 1 MB of them between two keys
    stays within the window (4 x 64 KiB + 1 MiB) and loads."""
    path = os.path.join(tmp, "comments.yaml")
    with open(path, "w") as f:
        f.write(HEAD)
        f.write(("# " + "c" * 97 + "\n") * 10000)
        f.write("activities:\n  - {category: 1.A.1.a, fuel: natural_gas, amount: 1, unit: TJ}\n")
    r = ghg(tmp, "check", path, "--factors", FACTORS)
    check(r.rc == 0, "a 1 MB comment block was refused: %r" % r)


def flood_case(name, doc, body, lines, pattern, hidden):
    """A test that writes HEAD, `body` and then `lines` (generated, so that
    this script's own peak RSS stays small), expects `pattern` first and the
    output to end by counting `hidden` messages not shown."""
    def t(tmp):
        path = os.path.join(tmp, name + ".yaml")
        with open(path, "w") as f:
            f.write(HEAD + body)
            f.writelines(lines())
        r = refused(tmp, path, pattern)
        check(r.err.rstrip().endswith("ghgcalc: %d more message(s) not shown" % hidden),
              "not stopped at the limit: %r" % r)
    t.__name__, t.__doc__ = name, doc
    return t


# 200,000 top-level keys: 996 unknown keys (1,000 less the 4 known), then the
# limit stops reading: 100 messages shown, the other 897 counted.
test(flood_case("top_level_keys_200k", "200,000 top-level keys: the top level is held to 1,000 keys like any mapping.",
                "activities: []\n", lambda: ("k%07d: 1\n" % i for i in range(200000)),
                r"unknown key 'k0000000' in an inventory", 897))
# 500,000 records that are not mappings: 1,000 errors and the one that stops
# reading: 100 shown, 901 counted.
test(flood_case("error_flood", "500,000 records that are not mappings: reading stops after 1,000 errors.",
                "activities:\n", lambda: ("- 1\n" for _ in range(500000)),
                r"each activity must be a mapping", 901))


@test
def file_over_1gib(tmp):
    """A sparse 1.1 GB file: refused by its size before any byte is read."""
    path = os.path.join(tmp, "huge.yaml")
    with open(path, "wb") as f:
        f.truncate(1100 * (1 << 20))
    refused(tmp, path, r"file is 1153433600 bytes, over the limit of 1073741824 bytes")


@test
def dev_zero(tmp):
    """/dev/zero as the inventory: refused as not text, not read forever."""
    refused(tmp, "/dev/zero", r"cannot read the file as YAML: control characters are not allowed")


@test
def dev_zero_series(tmp):
    """/dev/zero as a series, and as a series' targets file (both used to be
    hashed to the end before the reader looked at them: a hang)."""
    outdir = os.path.join(tmp, "out")
    os.makedirs(outdir)
    r = ghg(tmp, "intensity", "/dev/zero", "-o", os.path.join(outdir, "i.xlsx"), "--quiet", timeout=60)
    check(r.rc == 2 and r.err.startswith("/dev/zero: error: cannot read the file as YAML"), "series: %r" % r)
    with open(os.path.join(ROOT, "inventories", "jilin-series.yaml"), encoding="utf-8") as f:
        text = f.read()
    check("targets: targets/jilin-14th-fyp.yaml\n" in text, "the example series changed: update this test")
    text = text.replace("targets: targets/jilin-14th-fyp.yaml\n", "targets: /dev/zero\n")
    text = re.sub(r"inventory: (jilin-\d+\.yaml)", lambda m: "inventory: " + os.path.join(ROOT, "inventories",
                                                                                        m.group(1)), text)
    series = os.path.join(tmp, "series.yaml")
    with open(series, "w", encoding="utf-8") as f:
        f.write(text)
    r = ghg(tmp, "intensity", series, "-o", os.path.join(outdir, "i.xlsx"), "--quiet", timeout=60)
    check(r.rc == 2 and "/dev/zero: error: cannot read the file as YAML" in r.err, "targets: %r" % r)
    check(files_in(outdir) == [], "files written: %r" % files_in(outdir))


@test
def folder_as_inventory(tmp):
    refused(tmp, tmp, r"is a folder, not a YAML file")


if __name__ == "__main__":
    sys.exit(TESTS.main("limits e2e", "ghgcalc-limits-", e2e_helpers.configure, doc=__doc__))
