"""e2e_helpers.py - what the tests/e2e/*_e2e.py suites share besides the
runner (e2e_runner.py): the paths, the tolerance policy, running ghgcalc, and
writing inputs and reading the outputs back.

    from e2e_helpers import close, ghg, run_inventory, configure
    close(out.json["totals"]["t_co2e"], 269541.6, "t CO2e")

Tolerance policy, the same for every suite:

    close(got, want, what) passes when |got - want| <= max(REL x |want|, ABS),
    REL = 1e-12 and ABS = 1e-15; approx(got, want) is the same test as a
    boolean, for searches ("some cell of the Summary holds the total").

Why 1e-12 relative: the expected values are worked out by hand, here in
Python, from the cited tables; ghgcalc computes the same formulas in C, not
always in the same order, and writes JSON and CSV numbers in the fewest
digits that read back as the same double. So the two differ by rounding
only: the largest difference over every close() of the suites is 1.2e-15
relative (the landfill's year-by-year decay, which the sectors suite sums
independently of the C recursion). 1e-12 leaves three orders of magnitude
for other compilers and sanitizer builds, and still fails any wrong factor,
unit or formula, which moves a value by 1e-6 or more.

Why an absolute floor of 1e-15: a relative tolerance means nothing when the
expected value is 0. 1e-15 is about five units in the last place of 1, so a
zero that is the difference of quantities of order 1 (shares, rates, margins)
passes and anything larger does not; every zero the suites expect today comes
out exactly 0. The floor only takes over below |want| = ABS / REL = 1e-3, and
no expected value is small enough for that to loosen it past 3e-10 relative
(the smallest is 3.6e-6 t). Where a zero is the difference of large
quantities (tonnes of two totals), pass abs_tol = REL x their size.

The suites call configure(bin_path, verbose) (Registry.main does, through
their own configure) before the first test; ghg() then runs that binary,
under valgrind when GHGCALC_VALGRIND=1 (exit 99, a memory error or a leak,
fails the test).
"""

import csv
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time

from e2e_runner import Fail, Skip, check

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FACTORS = os.path.join(ROOT, "factors")
XLSX_CHECK = os.path.join(ROOT, "tests", "tools", "xlsx_check.py")

REL = 1e-12
ABS = 1e-15

VALGRIND = os.environ.get("GHGCALC_VALGRIND") == "1"
VG = ["valgrind", "-q", "--error-exitcode=99", "--leak-check=full",
      "--suppressions=" + os.path.join(ROOT, "tests", "valgrind.supp"),
      "--errors-for-leak-kinds=definite,indirect"]


class _Cli:
    """The binary under test and whether to print every call (set by configure)."""
    bin = None
    verbose = False


CLI = _Cli()


def configure(bin_path, verbose):
    """Sets the binary that ghg() runs, and -v."""
    CLI.bin, CLI.verbose = bin_path, verbose


# ------------------------------------------------------------- tolerance

def approx(got, want, rel=REL, abs_tol=ABS):
    """Whether number `got` equals `want` under the tolerance policy above."""
    return abs(got - want) <= max(rel * abs(want), abs_tol)


def close(got, want, what, *, rel=REL, abs_tol=ABS):
    """Fails unless `got` (a number, or text that reads as one) equals `want`
    under the tolerance policy above; `what` names the value."""
    check(isinstance(what, str), "close(): the third argument names the value, got %r" % (what,))
    try:
        g = float(got)
    except (TypeError, ValueError):
        raise Fail("%s: got %r, expected %r" % (what, got, want))
    diff = "rel. diff %.3g" % (abs(g - want) / abs(want)) if want else "abs. diff %.3g" % abs(g)
    check(approx(g, want, rel, abs_tol), "%s: got %r, expected %r (%s)" % (what, g, want, diff))


# ---------------------------------------------------------------- the CLI

class Run:
    """One ghgcalc call: exit status and the decoded output; from peak_run also
    its wall seconds and its own peak RSS in KB."""

    def __init__(self, rc, out, err, secs=0.0, rss_kb=0):
        self.rc, self.out, self.err, self.secs, self.rss_kb = rc, out, err, secs, rss_kb

    def __repr__(self):
        peak = "peak %d KB, " % self.rss_kb if self.rss_kb else ""
        return "%sexit %d\nstdout: %s\nstderr: %s" % (peak, self.rc, self.out[-2000:], self.err[-2000:])


def clean_env(extra=None):
    """The environment for a call: no GHGCALC_FACTORS or GHGCALC_SHOW_SOURCE
    from the caller's, the C locale (strerror() texts in the goldens), then
    `extra`."""
    env = dict(os.environ)
    for k in ("GHGCALC_FACTORS", "GHGCALC_SHOW_SOURCE"):
        env.pop(k, None)
    env["LC_ALL"] = "C"
    if extra:
        env.update(extra)
    return env


def command(*args):
    """The argv that runs ghgcalc with `args` (under valgrind when asked)."""
    cmd = [CLI.bin] + [str(a) for a in args]
    return VG + cmd if VALGRIND else cmd


def finished(cmd, r):
    """Fails on a valgrind error; prints the call with -v; returns r."""
    if VALGRIND and r.rc == 99:
        raise Fail("valgrind reported errors for %s:\n%s" % (" ".join(cmd[len(VG):]), r.err[-4000:]))
    if CLI.verbose:
        sys.stderr.write("$ %s\n%r\n" % (" ".join(cmd), r))
    return r


def peak_run(*args, timeout=600):
    """Runs ghgcalc with `args` from the repository; returns its Run with its
    wall seconds and its own peak RSS in KB (os.wait4 reports that child
    alone; subprocess.run does not give it). Output goes through files, so a
    pipe never fills; the run is killed after `timeout` s (a Fail)."""
    cmd = command(*args)
    t0 = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, cwd=ROOT, env=clean_env(), stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        deadline = t0 + timeout
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                p.kill()
                os.wait4(p.pid, 0)
                raise Fail("%s did not finish in %d s" % (" ".join(cmd), timeout))
            time.sleep(0.01)
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
        secs = time.monotonic() - t0
        out.seek(0)
        err.seek(0)
        r = Run(p.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"), secs,
                ru.ru_maxrss)
    return finished(cmd, r)


def ghg(*args, cwd=None, env=None, timeout=600):
    """Runs ghgcalc with `args` from `cwd` (default: the repository) and
    returns its Run; stdin is empty."""
    cmd = command(*args)
    p = subprocess.run(cmd, cwd=cwd or ROOT, env=clean_env(env), stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    return finished(cmd, Run(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")))


# ----------------------------------------------------- inputs and outputs

def write(path, text):
    """Writes `text` (UTF-8) to `path`; returns the path."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_csv(path):
    """The rows of a CSV file, as lists of strings."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


class Outputs:
    """The workbook, CSV and JSON of one `ghgcalc inventory` run (the CSV and
    JSON beside the workbook), with the inventory and the Run when known."""

    def __init__(self, xlsx, run=None, inv=None):
        self.xlsx, self.run, self.inv = xlsx, run, inv
        base = os.path.splitext(xlsx)[0]
        self.csv_path, self.json_path = base + ".csv", base + ".json"
        self._json = None

    @property
    def json(self):
        """The JSON output, read once."""
        if self._json is None:
            self._json = read_json(self.json_path)
        return self._json

    def csv_rows(self):
        return read_csv(self.csv_path)


def run_inventory(tmp, inv, *extra, out="out.xlsx", factors=True):
    """`ghgcalc inventory inv -o tmp/out` with the shipped factors (unless
    factors=False) and `extra`; must succeed and write the workbook."""
    xlsx = os.path.join(tmp, out)
    args = ["inventory", inv, "-o", xlsx]
    if factors:
        args += ["--factors", FACTORS]
    r = ghg(*args, *extra)
    check(r.rc == 0, "ghgcalc inventory failed: %r" % r)
    check(os.path.isfile(xlsx), "no workbook written")
    return Outputs(xlsx, r, inv)


def compute(tmp, text, *extra, name="inv.yaml", out="out.xlsx", factors=True):
    """Writes `text` as inventory tmp/name and runs it (run_inventory)."""
    return run_inventory(tmp, write(os.path.join(tmp, name), text), *extra, out=out, factors=factors)


def load_wb(path, data_only=True):
    """The workbook read back with openpyxl (cached values when data_only)."""
    import openpyxl
    return openpyxl.load_workbook(path, data_only=data_only)


# Where a workbook's package refers to a sheet: cell formulas (<f>), conditional formats (<formula>), data
# validations (<formula1>, <formula2>), chart ranges (<c:f>), defined names, and internal hyperlinks.
_REF_TEXT = re.compile(r"<(f|formula|formula1|formula2|c:f|definedName)\b[^>]*>([^<]*)</")
_REF_LINK = re.compile(r"<hyperlink\b[^>]*\blocation=\"([^\"]*)\"")
_CJK = re.compile("[\u4e00-\u9fff]")


def sheet_refs(xlsx):
    """Every sheet the package refers to, as (part, sheet name, quoted)
    triples: from the formulas, conditional formats, data validations, chart
    ranges, defined names and hyperlinks. A name is quoted ('汇总'!A1,
    'It''s'!A1) or bare (Rules!A1); string literals in formulas are left out."""
    import zipfile
    refs = []
    with zipfile.ZipFile(xlsx) as z:
        for part in z.namelist():
            if not part.endswith(".xml"):
                continue
            xml = z.read(part).decode("utf-8")
            texts = [m.group(2) for m in _REF_TEXT.finditer(xml)] + [m.group(1) for m in _REF_LINK.finditer(xml)]
            for t in texts:
                t = re.sub(r'"(?:[^"]|"")*"', '""', html.unescape(t))
                for m in re.finditer(r"'((?:[^']|'')+)'!", t):
                    refs.append((part, m.group(1).replace("''", "'"), True))
                t = re.sub(r"'(?:[^']|'')+'!", "", t)
                refs += [(part, m.group(1), False) for m in re.finditer(r"(?<![\w.])([^\W\d][\w.]*)!", t)]
    return refs


def check_zh_sheets(xlsx):
    """The checks of a --lang zh workbook's sheet names: each has Chinese
    characters, every reference (sheet_refs) names a sheet of the workbook and
    at least one names a Chinese one (quoted, as rpt_xl_ref writes a name
    that is not ASCII letters, digits and '_'), and every “quoted” phrase of its texts
    names a sheet (or the beginning of one: "重算" of "重算1 id"), so the
    notes name the sheets as they are. Returns the sheet names."""
    wb = load_wb(xlsx)
    names = wb.sheetnames
    check(all(_CJK.search(n) for n in names), "sheet names without Chinese characters: %r" % names)
    refs = sheet_refs(xlsx)
    bad = sorted({r[:2] for r in refs if r[1] not in names})
    check(not bad, "references to sheets the workbook does not have: %r" % bad[:10])
    check(any(_CJK.search(r[1]) for r in refs), "no reference to a Chinese sheet name in %d references" % len(refs))
    bare = sorted({r[:2] for r in refs if _CJK.search(r[1]) and not r[2]})
    check(not bare, "Chinese sheet names not quoted: %r" % bare[:10])
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                for q in re.findall("“([^”]*)”", c.value) if isinstance(c.value, str) else []:
                    check(any(n.startswith(q) for n in names), "%s!%s quotes “%s”, not a sheet of %r" %
                          (ws.title, c.coordinate, q, names))
    return names


def recalc(xlsx, timeout=900):
    """Recalculates the workbook in LibreOffice (tests/tools/xlsx_check.py):
    every formula must equal its cached value. Skipped under valgrind."""
    if VALGRIND:
        raise Skip("LibreOffice recalculation is skipped under valgrind")
    p = subprocess.run(["/usr/bin/python3", XLSX_CHECK, "recalc", xlsx], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=timeout)
    out = p.stdout.decode("utf-8", "replace")
    check(p.returncode == 0, "xlsx_check.py recalc exit %d:\n%s" % (p.returncode, out[-3000:]))
    check(" 0 mismatches" in out, "recalc: %s" % out[-500:])
    return out
