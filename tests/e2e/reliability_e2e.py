#!/usr/bin/python3
"""reliability_e2e.py - the promises of README.md that issue 11 found broken,
each with a case that failed before it was kept, and the messages a user
found unclear.

Run by tests/run:

    /usr/bin/python3 tests/e2e/reliability_e2e.py --bin build/ghgcalc [NAME...] [-v]

Same protocol as the other suites (tests/e2e/e2e_runner.py): "ok NAME" or
"FAIL NAME: reason" per test, then "N passed, M failed". Tests that need root
(an immutable file, a folder owned by another user, a small tmpfs) skip with
the reason when they cannot make that situation. Test names start with the
item of issue 11 they cover (`i01_` ... `i12_`), or `msg_` for a message.
"""

import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time

import e2e_helpers
from e2e_helpers import peak_run
from e2e_runner import Fail, Registry, Skip, check

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FACTORS = os.path.join(ROOT, "factors")
VALGRIND = os.environ.get("GHGCALC_VALGRIND") == "1"
VG = ["valgrind", "-q", "--error-exitcode=99", "--leak-check=full",
      "--suppressions=" + os.path.join(ROOT, "tests", "valgrind.supp"),
      "--errors-for-leak-kinds=definite,indirect"]
BIN = None
VERBOSE = False
TESTS = Registry()
test = TESTS.add

# The one-record inventory: 100 Gg of natural gas in 1.A.1.a.
# IPCC 2006 Vol.2 Table 1.2 NCV 48.0 TJ/Gg, Table 1.4 CO2 56 100 kg/TJ, Table 2.2
# (1.A.1) CH4 1 kg/TJ, N2O 0.1 kg/TJ; AR5 GWP CH4 28, N2O 265:
# 100 x 48 = 4 800 TJ; CO2 4 800 x 56 100 / 1000 = 269 280 t; CH4 4.8 t; N2O 0.48 t;
# CO2e 269 280 + 4.8 x 28 + 0.48 x 265 = 269 541.6 t.
S_CO2E = 269541.6


def inv_text(records=None, head="inventory: s\nyear: 2020\nfactor_sets: [ipcc2006-energy]\n"):
    if records is None:
        records = ['{category: "1.A.1.a", fuel: natural_gas, amount: 100, unit: Gg, source: t}']
    return head + "activities:\n" + "".join("  - %s\n" % r for r in records)


S_YAML = inv_text()


class Run:
    def __init__(self, rc, out, err, secs=0.0, rss_kb=0):
        self.rc, self.out, self.err, self.secs, self.rss_kb = rc, out, err, secs, rss_kb

    def __repr__(self):
        return "exit %d\nstdout: %s\nstderr: %s" % (self.rc, self.out[-1500:], self.err[-2500:])


def env_of(extra=None):
    env = dict(os.environ, LC_ALL="C")
    for k in ("GHGCALC_FACTORS", "GHGCALC_SHOW_SOURCE"):
        env.pop(k, None)
    env.update(extra or {})
    return env


def ghg(*args, cwd=None, env=None, timeout=120, stdin=None, preexec_fn=None, valgrind=True):
    """Runs ghgcalc; stdin is bytes (or None for no input). A run that does
    not finish in `timeout` seconds is killed and fails the test."""
    cmd = [BIN] + [str(a) for a in args]
    if VALGRIND and valgrind:
        cmd = VG + cmd
    if VERBOSE:
        print("  $ " + " ".join(cmd))
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, cwd=cwd or ROOT, env=env_of(env), stdin=subprocess.PIPE if stdin is not None
                         else subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         preexec_fn=preexec_fn)
    try:
        out, err = p.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        raise Fail("%s did not finish in %d s (hangs?)" % (" ".join(cmd), timeout))
    r = Run(p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), time.monotonic() - t0)
    if VERBOSE:
        print("  -> %r" % r)
    return r


def write(path, text, mode="w"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        f.write(text)
    return path


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def listing(d):
    return sorted(os.listdir(d))


def want_error(r, pattern, rc=2, what=""):
    """Exit `rc`, and a `file:line:col: error:` line matching `pattern` (a regex)."""
    check(r.rc == rc, "%sexit %d, expected %d: %r" % (what, r.rc, rc, r))
    check(re.search(pattern, r.err, re.M), "%sno message matching %r: %r" % (what, pattern, r))


def check_and_inventory(tmp, name, text, pattern, rc=2):
    """`check` and `inventory` on the inventory `text` both exit `rc` with a
    message matching `pattern`; `inventory` writes nothing."""
    path = write(os.path.join(tmp, name), text)
    c = ghg("check", path, "--factors", FACTORS)
    want_error(c, pattern, rc, "check: ")
    out = os.path.join(tmp, "out")
    os.mkdir(out)
    r = ghg("inventory", path, "-o", os.path.join(out, "o.xlsx"), "--factors", FACTORS)
    want_error(r, pattern, rc, "inventory: ")
    check(listing(out) == [], "inventory wrote %r despite the error" % listing(out))
    shutil.rmtree(out)
    return c, r


def open_fifo_writer(path, data, deadline_s=30):
    """Writes `data` into FIFO `path` on a thread, once a reader has opened it
    (polling with O_NONBLOCK, so the thread never blocks for good when no
    reader comes). Returns the thread."""
    def run():
        end = time.monotonic() + deadline_s
        while time.monotonic() < end:
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.01)  # ENXIO: no reader yet
                continue
            try:
                os.set_blocking(fd, True)
                os.write(fd, data)
            except OSError:
                pass
            finally:
                os.close(fd)
            return
    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


# ============================================== 1. outputs checked against each other

def s_in(tmp, name="s.yaml", text=S_YAML):
    return write(os.path.join(tmp, name), text)


@test
def i01_outputs_that_would_clobber_each_other(tmp):
    """Two outputs with the same path (as written, or spelled another way),
    and an -o that is not a workbook, are usage errors (exit 2) and nothing
    is written."""
    s_in(tmp)
    cases = [
        (["-o", "r.json"], r"-o 'r\.json' does not end in \.xlsx: .*give -o r\.xlsx"),
        (["-o", "r.csv"], r"-o 'r\.csv' does not end in \.xlsx"),
        (["-o", "out.xlsx", "--csv", "out.xlsx"], r"the workbook \(-o\) and the CSV \(--csv\) would both be "
                                                  r"written to 'out\.xlsx'"),
        (["-o", "o.xlsx", "--csv", "X", "--json", "X"], r"the CSV \(--csv\) and the JSON \(--json\) would both"),
        (["-o", "o.xlsx", "--csv", "./sub/../X", "--json", "X"], r".* would both be written to 'X'"),
        (["-o", "o.xlsx", "--json", "o.csv"], r"the CSV \(--csv\) and the JSON \(--json\) would both be "
                                              r"written to 'o\.csv'"),
        (["-o", ""], r"-o is empty: give the workbook to write"),
        (["-o", "o.xlsx", "--csv", ""], r"--csv is empty"),
    ]
    os.mkdir(os.path.join(tmp, "sub"))
    for args, pattern in cases:
        r = ghg("inventory", "s.yaml", *args, "--factors", FACTORS, cwd=tmp)
        want_error(r, r"^ghgcalc inventory: " + pattern, 2, "%r: " % args)
        check(listing(tmp) == ["s.yaml", "sub"], "%r wrote %r" % (args, listing(tmp)))
    # An existing file reached by two spellings (same device and inode).
    write(os.path.join(tmp, "X.csv"), "old")
    r = ghg("inventory", "s.yaml", "-o", "o.xlsx", "--csv", "X.csv", "--json", "sub/../X.csv", "--factors", FACTORS,
            cwd=tmp)
    want_error(r, r"would both be written to 'sub/\.\./X\.csv'")
    check(read_bytes(os.path.join(tmp, "X.csv")) == b"old", "X.csv was replaced")


@test
def i01_intensity_outputs_checked(tmp):
    """`intensity ... -o r.json` is refused the same way."""
    series = os.path.join(ROOT, "inventories", "jilin-series.yaml")
    r = ghg("intensity", series, "-o", "r.json", cwd=tmp)
    want_error(r, r"^ghgcalc intensity: -o 'r\.json' does not end in \.xlsx")
    check(listing(tmp) == [], "intensity wrote %r" % listing(tmp))


@test
def i01_longest_legal_output_name(tmp):
    """A 255-byte output name (the longest a Linux file name may be) is
    written: the temporary name beside it is shortened to fit."""
    s_in(tmp)
    name = "a" * 250 + ".xlsx"
    r = ghg("inventory", "s.yaml", "-o", name, "--factors", FACTORS, cwd=tmp)
    check(r.rc == 0, "a 255-byte name: %r" % r)
    want = sorted(["s.yaml", name, "a" * 250 + ".csv", "a" * 250 + ".json"])
    check(listing(tmp) == want, "files %r" % listing(tmp))


# ============================================== 2. all or nothing, and concurrent runs

OLD = {"out.xlsx": b"old workbook", "out.csv": b"old csv", "out.json": b"old json"}


def old_outputs(d):
    for n, data in OLD.items():
        write(os.path.join(d, n), data, "wb")


def check_old_outputs(d, extra=()):
    for n, data in OLD.items():
        check(read_bytes(os.path.join(d, n)) == data, "%s was replaced: a mixed set of outputs" % n)
    want = sorted(list(OLD) + list(extra))
    check(listing(d) == want, "files left behind: %r (want %r)" % (listing(d), want))


@test
def i02_immutable_output_leaves_the_set_unchanged(tmp):
    """With an earlier out.{xlsx,csv,json} and `chattr +i out.csv`, the run
    exits 3 and every earlier output stays as it was (it used to replace
    out.xlsx first); no temporary or backup file is left."""
    d = os.path.join(tmp, "d")
    os.mkdir(d)
    old_outputs(d)
    s = s_in(tmp)
    csv = os.path.join(d, "out.csv")
    try:
        c = subprocess.run(["chattr", "+i", csv], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        raise Skip("no chattr: %s" % e)
    if c.returncode != 0:
        raise Skip("chattr +i failed here (%s): the file system or the user cannot make a file immutable"
                   % c.stderr.decode().strip())
    try:
        r = ghg("inventory", s, "-o", os.path.join(d, "out.xlsx"), "--factors", FACTORS)
    finally:
        subprocess.run(["chattr", "-i", csv])
    check(r.rc == 3, "exit %d, expected 3: %r" % (r.rc, r))
    check_old_outputs(d)
    want_error(r, r"out\.csv: error: cannot put the new file in place: Operation not permitted \(no output was "
               r"changed\)", 3)


def as_user(uid):
    def pre():
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    return pre


@test
def i02_colleagues_file_in_a_sticky_folder(tmp):
    """In a shared sticky folder (mode 1777) where out.csv belongs to a
    colleague, a run as another user cannot replace out.csv: it exits 3 and
    leaves out.xlsx and out.json as they were."""
    if os.geteuid() != 0:
        raise Skip("not root: cannot make files of two other users")
    if VALGRIND:
        raise Skip("under valgrind (the run as another user cannot read the valgrind setup)")
    nobody, colleague = 65534, 1
    os.chmod(tmp, 0o755)
    d = os.path.join(tmp, "shared")
    os.mkdir(d)
    os.chmod(d, 0o1777)
    old_outputs(d)
    os.chown(os.path.join(d, "out.xlsx"), nobody, nobody)
    os.chown(os.path.join(d, "out.json"), nobody, nobody)
    os.chown(os.path.join(d, "out.csv"), colleague, colleague)
    s = s_in(d)
    os.chmod(s, 0o644)
    r = ghg("inventory", s, "-o", os.path.join(d, "out.xlsx"), "--factors", FACTORS, preexec_fn=as_user(nobody))
    check(r.rc == 3, "exit %d, expected 3: %r" % (r.rc, r))
    check_old_outputs(d, extra=["s.yaml"])
    want_error(r, r"out\.csv: error: cannot put the new file in place: Operation not permitted", 3)


SHIM = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
/* rename(), then a pause when a file got a visible name (not a hidden temporary or backup):
 * forces two runs' commits to overlap, whatever the program does about it. */
int rename(const char *from, const char *to)
{
    int (*real)(const char *, const char *) = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    int rc = real(from, to);
    const char *ms = getenv("REL_RENAME_PAUSE_MS"), *base = strrchr(to, '/');
    base = base ? base + 1 : to;
    if (ms && base[0] != '.')
        usleep((useconds_t)atoi(ms) * 1000u);
    return rc;
}
"""


def build_shim(tmp):
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if not cc:
        raise Skip("no C compiler for the rename shim")
    src = write(os.path.join(tmp, "shim.c"), SHIM)
    so = os.path.join(tmp, "shim.so")
    c = subprocess.run([cc, "-shared", "-fPIC", "-O1", "-o", so, src, "-ldl"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if c.returncode != 0:
        raise Skip("cannot build the rename shim: %s" % c.stderr.decode()[-300:])
    return so


def shim_env(so, pause_ms):
    asan = os.environ.get("ASAN_OPTIONS", "")
    return {"LD_PRELOAD": so, "REL_RENAME_PAUSE_MS": str(pause_ms),
            "ASAN_OPTIONS": (asan + ":" if asan else "") + "verify_asan_link_order=0"}


@test
def i02_concurrent_runs_end_with_one_set(tmp):
    """Two runs writing the same outputs, forced to overlap (a preloaded
    rename() pauses 700 ms after each of run A's renames; B starts once A's
    first output is in place): the outputs are one run's whole set, never
    A's workbook with B's CSV. Each set is compared with the bytes the same
    command writes alone."""
    if VALGRIND:
        raise Skip("under valgrind (LD_PRELOAD)")
    so = build_shim(tmp)
    texts = {"a": inv_text(head="inventory: run\nyear: 2020\nfactor_sets: [ipcc2006-energy]\n"),
             "b": inv_text(['{category: "1.A.1.a", fuel: natural_gas, amount: 200, unit: Gg, source: t}'],
                           head="inventory: run\nyear: 2020\nfactor_sets: [ipcc2006-energy]\n")}
    # Inputs ../a/in.yaml and ../b/in.yaml, outputs out.* in the current folder: the same command
    # lines (the About sheet and the CSV name the input) for the references and the race.
    for k, text in texts.items():
        os.mkdir(os.path.join(tmp, k))
        write(os.path.join(tmp, k, "in.yaml"), text)
    # --no-uncertainty: the workbook is told apart by its CO2 total, which the Uncertainty sheet would repeat.
    cmd = {k: [BIN, "inventory", os.path.join("..", k, "in.yaml"), "-o", "out.xlsx", "--factors", FACTORS,
               "--no-uncertainty"] for k in texts}
    ref = {}
    for k in texts:
        d = os.path.join(tmp, "ref-" + k)
        os.mkdir(d)
        r = subprocess.run(cmd[k], cwd=d, env=env_of(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        check(r.returncode == 0, "reference run %s: %r" % (k, r))
        ref[k] = {n: read_bytes(os.path.join(d, n)) for n in ("out.xlsx", "out.csv", "out.json")}
    check(ref["a"]["out.csv"] != ref["b"]["out.csv"], "the two runs must differ")
    out = os.path.join(tmp, "race")
    os.mkdir(out)
    pa = subprocess.Popen(cmd["a"], cwd=out, env=env_of(shim_env(so, 700)), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    end = time.monotonic() + 60
    while not os.path.exists(os.path.join(out, "out.xlsx")) and pa.poll() is None and time.monotonic() < end:
        time.sleep(0.005)
    pb = subprocess.Popen(cmd["b"], cwd=out, env=env_of(shim_env(so, 0)), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    ra, rb = pa.communicate(timeout=120), pb.communicate(timeout=120)
    check(pa.returncode == 0 and pb.returncode == 0, "runs: %d %r / %d %r" % (pa.returncode, ra, pb.returncode, rb))
    got = {n: read_bytes(os.path.join(out, n)) for n in ("out.csv", "out.json")}
    who = {n: [k for k in ref if got[n] == ref[k][n]] for n in got}
    check(all(len(v) == 1 for v in who.values()), "an output matches neither run: %r" % who)
    check(who["out.csv"] == who["out.json"], "mixed set: the CSV of run %s, the JSON of run %s"
          % (who["out.csv"][0], who["out.json"][0]))
    # The workbook of the same run: its cached CO2 total (100 or 200 Gg x 48 x 56.1 t) in the sheet XML.
    import zipfile
    with zipfile.ZipFile(os.path.join(out, "out.xlsx")) as z:
        xml = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.startswith("xl/worksheets/"))
    co2 = {"a": "269280", "b": "538560"}
    check(co2[who["out.csv"][0]] in xml and co2["b" if who["out.csv"][0] == "a" else "a"] not in xml,
          "the workbook is not of run %s, whose CSV and JSON are in place" % who["out.csv"][0])
    check(listing(out) == ["out.csv", "out.json", "out.xlsx"], "left behind: %r" % listing(out))


@test
def i02_signal_during_commit_finishes_it(tmp):
    """SIGTERM while the outputs are being renamed into place: the guard waits
    for the commit to end, so the set is whole (the new one) and nothing is
    left behind; exit 143."""
    if VALGRIND:
        raise Skip("under valgrind (LD_PRELOAD)")
    so = build_shim(tmp)
    d = os.path.join(tmp, "d")
    os.mkdir(d)
    old_outputs(d)
    s = s_in(tmp)
    p = subprocess.Popen([BIN, "inventory", s, "-o", os.path.join(d, "out.xlsx"), "--factors", FACTORS],
                         env=env_of(shim_env(so, 400)), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    def before_commit():
        # The earlier workbook still in place. While the commit runs it is moved
        # aside before the new one is renamed in, so it may briefly be missing:
        # that is the commit under way too.
        try:
            return read_bytes(os.path.join(d, "out.xlsx")) == OLD["out.xlsx"]
        except FileNotFoundError:
            return False

    end = time.monotonic() + 60
    while before_commit() and time.monotonic() < end:
        time.sleep(0.005)
    p.send_signal(signal.SIGTERM)
    p.communicate(timeout=60)
    check(p.returncode in (143, -15), "exit %d, expected 143" % p.returncode)
    check(listing(d) == ["out.csv", "out.json", "out.xlsx"], "left behind: %r" % listing(d))
    for n, data in OLD.items():
        check(read_bytes(os.path.join(d, n)) != data, "%s is still the earlier one: a mixed set" % n)


# ============================================== 3. every input protected, no cap

CHAIN_LEN = 300


def chain_of_sets(d, n=CHAIN_LEN):
    """c0 extends c1 ... extends c{n-1}, each with an entry of its own; the last
    one extends ipcc2006-energy (found through --factors)."""
    for i in range(n):
        ext = "c%d" % (i + 1) if i + 1 < n else "ipcc2006-energy"
        write(os.path.join(d, "c%d.yaml" % i),
              "factor_set: c%d\ntitle: chain %d\nsource: test\nextends: %s\nfactors:\n"
              "  - fuel: fuel_%d\n    ncv: {value: 1, unit: TJ/Gg, ref: t}\n" % (i, i, ext, i))


@test
def i03_every_factor_set_of_a_long_chain_is_protected(tmp):
    """With 300 factor sets linked by `extends`, an output naming any of them
    (the 256th included) is refused: the list of inputs has no cap."""
    f = os.path.join(tmp, "f")
    os.mkdir(f)
    chain_of_sets(f)
    s = s_in(tmp, text=S_YAML.replace("[ipcc2006-energy]", "[c0]"))
    r = ghg("inventory", s, "-o", os.path.join(tmp, "o.xlsx"), "--factors", f, "--factors", FACTORS, "--no-csv-json")
    check(r.rc == 0, "a chain of %d sets: %r" % (CHAIN_LEN, r))
    before = read_bytes(os.path.join(f, "c255.yaml"))
    for k in (255, 299):
        victim = os.path.join(f, "c%d.yaml" % k)
        r = ghg("inventory", s, "-o", os.path.join(tmp, "o.xlsx"), "--json", victim, "--factors", f, "--factors",
                FACTORS)
        want_error(r, r"c%d\.yaml: error: output would overwrite the input file" % k)
    check(read_bytes(os.path.join(f, "c255.yaml")) == before, "c255.yaml was overwritten")


@test
def i03_parent_set_in_the_twentieth_folder(tmp):
    """A set's parent is searched in every --factors folder (there was a cap of
    15 besides the set's own folder)."""
    dirs = []
    for i in range(20):
        d = os.path.join(tmp, "d%02d" % i)
        os.mkdir(d)
        dirs += ["--factors", d]
    write(os.path.join(tmp, "d00", "child.yaml"), "factor_set: child\ntitle: c\nsource: t\nextends: parent\n"
          "factors:\n  - fuel: x\n    ncv: {value: 1, unit: TJ/Gg, ref: t}\n")
    write(os.path.join(tmp, "d19", "parent.yaml"), "factor_set: parent\ntitle: p\nsource: t\n"
          "extends: ipcc2006-energy\nfactors:\n  - fuel: y\n    ncv: {value: 1, unit: TJ/Gg, ref: t}\n")
    s = s_in(tmp, text=S_YAML.replace("[ipcc2006-energy]", "[child]"))
    r = ghg("check", s, *dirs, "--factors", FACTORS)
    check(r.rc == 0 and "269541.6 t CO2e" in r.out, "parent in the 20th folder: %r" % r)


def series_text(years, first, gdp=None, energy=None):
    """A series of `years` years from `first`, each with the one-record inventory
    inv{YEAR}.yaml: GDP 1 x 10^4 yuan at constant prices, 1 person, 1 t of raw
    coal; `gdp` and `energy` map a year to its own flow mapping or list."""
    gdp, energy = gdp or {}, energy or {}
    head = ("series: long\nbase_year: %d\nprice_base: %d\nfactor_sets: [china-energy]\n"
            "electricity: {coal_rate: {value: 300, unit: gce/kWh, source: t}}\nyears:\n" % (first, first))
    body = "".join("  - year: %d\n    inventory: inv%d.yaml\n"
                   "    gdp: %s\n"
                   "    population: {value: 1, unit: person, source: t}\n"
                   "    energy: %s\n" % (y, y, gdp.get(y, "{value: 1, unit: 10^4 yuan, prices: constant, source: t}"),
                                         energy.get(y, "[{fuel: raw_coal, amount: 1, unit: t, source: t}]"))
                   for y in range(first, first + years))
    return head + body


def long_series(tmp, years=300, first=1901):
    for y in range(first, first + years):
        write(os.path.join(tmp, "inv%d.yaml" % y), S_YAML.replace("year: 2020", "year: %d" % y))
    return write(os.path.join(tmp, "series.yaml"), series_text(years, first))


@test
def i03_every_inventory_of_a_long_series_is_protected(tmp):
    """With a 300-year series, an output naming the inventory of the last year
    (the 300th input) is refused."""
    s = long_series(tmp)
    last = os.path.join(tmp, "inv2200.yaml")
    before = read_bytes(last)
    r = ghg("intensity", s, "-o", os.path.join(tmp, "o.xlsx"), "--json", last, "--factors", FACTORS, timeout=600)
    want_error(r, r"inv2200\.yaml: error: output would overwrite the input file")
    check(read_bytes(last) == before, "inv2200.yaml was overwritten")


# ============================================== 8. non-finite figures are bad input

def product_rec(cat, amount, src):
    """A record of an activity of the user's own, every factor on the record:
    CO2 = amount x 1 t CO2/t."""
    return ('{category: "%s", activity: own, amount: %s, unit: t, source: %s, '
            'co2: {value: 1, unit: t CO2/t, source: x}}' % (cat, amount, src))


@test
def i08_total_past_a_double(tmp):
    """Ten records of 9e306 t CO2 in each of two categories: every figure and
    each category fit, the inventory's total (1.8e308) does not. check used
    to print "ok ... -nan" or "inf"; now both commands exit 2 at the record
    whose sum passes 1e307."""
    recs = [product_rec(c, "9e306", "%s-%d" % (c, i)) for c in ("2.A.1", "2.B.1") for i in range(10)]
    check_and_inventory(tmp, "s.yaml", inv_text(recs), r"s\.yaml:6:\d+: error: with this record \(9e\+306 t\) the "
                        r"inventory's total (CO2|CO2e) passes 1e\+307")


@test
def i08_record_past_a_double(tmp):
    """One record whose CO2 is 1.5e308 t (amount x factor) is refused at its amount."""
    check_and_inventory(tmp, "s.yaml", inv_text([product_rec("2.A.1", "1.5e308", "a")]),
                        r"s\.yaml:5:\d+: error: the CO2 emission of this record \(1\.5e\+308 x t x its factors\) "
                        r"is larger than 1e\+307")


@test
def i08_reference_approach_past_a_double(tmp):
    """A reference-approach fuel with production and imports of 1e308 (their
    apparent consumption overflows): exit 2 at the fuel."""
    text = S_YAML + ("reference_approach:\n  fuels:\n    - {fuel: natural_gas, unit: Gg, production: 1e308, "
                     "imports: 1e308, source: t}\n")
    check_and_inventory(tmp, "s.yaml", text, r"s\.yaml:8:7: error: the figures of 'natural_gas' add up to more than "
                        r"1e\+307")
    # Figures that fit, whose CO2 does not: 1e305 Gg x 48 TJ/Gg x 56 100 kg/TJ.
    text = S_YAML + ("reference_approach:\n  fuels:\n    - {fuel: natural_gas, unit: Gg, production: 1e305, "
                     "source: t}\n")
    check_and_inventory(tmp, "s.yaml", text, r"s\.yaml:8:7: error: the CO2 of 'natural_gas' by the reference approach")


@test
def i08_indirect_past_a_double(tmp):
    """Twenty purchases of 3e307 MWh at 0.3 t CO2/MWh (9e306 t each): every
    figure fits, their total (1.8e308) does not; exit 2 at the purchase
    whose sum passes 1e307."""
    text = S_YAML + "indirect:\n" + "".join(
        "  - {kind: electricity, amount: 3e307, unit: MWh, source: p%d, co2: {value: 0.3, unit: t/MWh, source: x}}\n"
        % i for i in range(20))
    check_and_inventory(tmp, "s.yaml", text, r"s\.yaml:8:\d+: error: the CO2 of this purchase \(3e\+307 MWh x "
                        r"0\.3 t/MWh\), added to the others, is larger than 1e\+307")


def two_year_series(tmp, gdp=None, energy=None):
    for y in (2020, 2021):
        write(os.path.join(tmp, "inv%d.yaml" % y), S_YAML.replace("year: 2020", "year: %d" % y))
    return write(os.path.join(tmp, "series.yaml"), series_text(2, 2020, gdp, energy))


@test
def i08_series_figures_past_a_double(tmp):
    """A deflator of 1e-320 and an energy amount of 1e308 x 10^4 t: check and
    intensity exit 2 at the GDP and at the item (intensity used to exit 3
    with a libxlsxwriter message, check to say ok)."""
    s = two_year_series(tmp, gdp={2021: "{value: 1, unit: 10^4 yuan, prices: current, deflator: 1e-320, source: t}"},
                        energy={2021: "[{fuel: raw_coal, amount: 1e308, unit: 10^4 t, source: t}]"})
    for cmd in (["check", s], ["intensity", s, "-o", os.path.join(tmp, "o.xlsx")]):
        r = ghg(*cmd, "--factors", FACTORS)
        want_error(r, r"series\.yaml:14:10: error: the GDP at constant prices \(value x 100 / deflator\) of 2021 "
                   r"\(inf\) is larger than 1e\+307", 2, cmd[0] + ": ")
        want_error(r, r"series\.yaml:16:14: error: the standard coal of this energy item of 2021 \(inf\)", 2,
                   cmd[0] + ": ")
    check(not os.path.exists(os.path.join(tmp, "o.xlsx")), "a workbook was written")


@test
def i08_intensity_indicator_past_a_double(tmp):
    """A GDP of 1e-310 (positive, so loaded) makes CO2 per GDP infinite:
    intensity exits 2 at that GDP."""
    s = two_year_series(tmp, gdp={2021: "{value: 1e-310, unit: 10^4 yuan, prices: constant, source: t}"})
    r = ghg("intensity", s, "-o", os.path.join(tmp, "o.xlsx"), "--factors", FACTORS)
    want_error(r, r"series\.yaml:\d+:10: error: the co2_per_gdp of 2021 \(inf\) is larger than 1e\+307")
    check(not os.path.exists(os.path.join(tmp, "o.xlsx")), "a workbook was written")


# ============================================== 12. 1,000 errors in every phase

@test
def i12_unknown_fuels_stop_at_1000_errors(tmp):
    """10^5 records of 10^5 different unknown fuels: the engine stops after
    1,000 errors ("more than 1000 errors: stopped here") instead of making a
    suggestion for every record (10^6 took 42 s and 1 GB). Bounded loosely:
    under 10 s and 400 MB even in the sanitizer build."""
    if VALGRIND:
        raise Skip("under valgrind: times and memory are not the program's")
    n = 100000
    path = os.path.join(tmp, "many.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("inventory: many\nyear: 2020\nfactor_sets: [ipcc2006-energy]\nactivities:\n")
        for i in range(n):
            f.write('  - {category: "1.A.1.a", fuel: unknown_fuel_%d, amount: 1, unit: t}\n' % i)
    for cmd in (["check", path], ["inventory", path, "-o", os.path.join(tmp, "o.xlsx")]):
        r = peak_run(*cmd, "--factors", FACTORS, timeout=300)
        kb = r.rss_kb
        want_error(r, r"many\.yaml:\d+:5: error: more than 1000 errors: stopped here; fix these first", 2,
                   cmd[0] + ": ")
        # 99 of the 1,000 errors, the stop message, then the count of the rest.
        check("stopped here" in r.err.rstrip().split("\n")[-2], "%s: %r" % (cmd[0], r.err[-400:]))
        check(r.err.count("unknown fuel 'unknown_fuel_") == 99, "%s: messages shown: %d"
              % (cmd[0], r.err.count("unknown fuel")))
        check(r.err.rstrip().endswith("ghgcalc: 901 more message(s) not shown"), "%s: %r" % (cmd[0], r.err[-300:]))
        check(r.secs < 10, "%s took %.1f s" % (cmd[0], r.secs))
        check(kb < 400 * 1024, "%s peak memory %d KB" % (cmd[0], kb))


@test
def i12_series_inventories_stop_at_1000_errors(tmp):
    """A series of 150 years whose inventories have 10 unknown fuels each:
    the run stops after 1,000 errors over the whole series."""
    years, first = 150, 1901
    for y in range(first, first + years):
        recs = ['{category: "1.A.1.a", fuel: nofuel_%d, amount: 1, unit: t}' % i for i in range(10)]
        write(os.path.join(tmp, "inv%d.yaml" % y), inv_text(recs, head="inventory: i\nyear: %d\n"
                                                            "factor_sets: [ipcc2006-energy]\n" % y))
    s = write(os.path.join(tmp, "series.yaml"), series_text(years, first))
    r = ghg("intensity", s, "-o", os.path.join(tmp, "o.xlsx"), "--factors", FACTORS, timeout=600)
    want_error(r, r"series\.yaml:\d+:16: error: more than 1000 errors: stopped here; fix these first")
    check(r.err.count("error:") <= 101, "messages printed: %d" % r.err.count("error:"))


@test
def i12_series_file_stops_at_1000_errors(tmp):
    """A series whose energy items are 2,000 broken ones: reading stops after
    1,000 errors."""
    s = write(os.path.join(tmp, "series.yaml"), series_text(1, 2020, energy={2020: "[" + ", ".join(
        "{fuel: raw_coal, amount: -1, unit: t}" for _ in range(2000)) + "]"}))
    write(os.path.join(tmp, "inv2020.yaml"), S_YAML)
    r = ghg("check", s, "--factors", FACTORS)
    want_error(r, r"series\.yaml:\d+:\d+: error: more than 1000 errors: stopped reading here; fix these first")


# ============================================== messages

@test
def msg_gwp_set_without_a_gas(tmp):
    """A GWP set without CH4: the message names the set and the gas (it used
    to say the CH4 emission "overflows a double")."""
    g = os.path.join(tmp, "g")
    os.mkdir(g)
    write(os.path.join(g, "gwp.yaml"), "gwp_sets:\n  - id: mine\n    title: t\n    default: true\n    values:\n"
          "      - {gas: CO2, value: 1, ref: x}\n      - {gas: N2O, value: 265, ref: x}\n")
    s = s_in(tmp)
    for cmd in (["check", s], ["inventory", s, "-o", os.path.join(tmp, "o.xlsx")]):
        r = ghg(*cmd, "--factors", g, "--factors", FACTORS)
        want_error(r, r"s\.yaml:5:\d+: error: GWP set 'mine' \(.*g/gwp\.yaml:2\) has no value for CH4, which this "
                   r"record emits: add CH4 to that set's values, or name another set with 'gwp:'", 2, cmd[0] + ": ")
        check("overflow" not in r.err, "%s: %r" % (cmd[0], r))


# ============================================== 9. GWP and factor-set files

def gwp_dir(tmp, text):
    g = os.path.join(tmp, "g")
    os.makedirs(g, exist_ok=True)
    return write(os.path.join(g, "gwp.yaml"), text), g


GWP_CASES = [
    ("gwp_sets: []\n", r"gwp\.yaml:1:11: error: 'gwp_sets' is empty: give at least one GWP set"),
    ("notes: x\n", r"gwp\.yaml:1:1: error: missing 'gwp_sets:'"),
    ("gwp_sets:\n  - {id: a, title: t, default: true, values: [{gas: CO2, value: 1, ref: x}]}\n"
     "  - {id: A, title: t, values: [{gas: CO2, value: 1, ref: x}]}\n",
     r"gwp\.yaml:3:5: error: GWP set id 'A' is given twice \(first at line 2\)"),
    ("gwp_sets:\n  - {id: a, title: t, default: true, values: [{gas: CO2, value: 1, ref: x}]}\n"
     "  - {id: b, title: t, default: true, values: [{gas: CO2, value: 1, ref: x}]}\n",
     r"gwp\.yaml:3:5: error: GWP sets 'a' \(line 2\) and 'b' are both marked 'default: true': mark one"),
    ("gwp_sets:\n  - {id: a, title: t, default: true, values: []}\n", r"GWP set 'a' has no values"),
    ("gwp_sets:\n  - {id: a, title: t, default: true, values: [{gas: CO2, value: 1, ref: x}, "
     "{gas: CO2, value: 2, ref: y}]}\n", r"error: the GWP of CO2 is given twice in set 'a' \(first at line 2\)"),
]


@test
def i09_gwp_file_errors_in_check_and_inventory(tmp):
    """`gwp_sets: []` (inventory used to exit 2 with no message, check 0),
    no gwp_sets, duplicate ids, two defaults, a set without values, a gas
    given twice: each an error at file:line:col in check of the GWP file
    and in inventory alike."""
    s = s_in(tmp)
    for text, pattern in GWP_CASES:
        path, g = gwp_dir(tmp, text)
        if text.startswith("gwp_sets"):  # check tells a GWP file by its first key
            want_error(ghg("check", path), pattern, 2, "check %r: " % text)
        r = ghg("inventory", s, "-o", os.path.join(tmp, "o.xlsx"), "--factors", g, "--factors", FACTORS)
        want_error(r, pattern, 2, "inventory with %r: " % text)
    # check reads the file it is given, whatever its name (it used to read gwp.yaml beside it).
    other = write(os.path.join(tmp, "g", "my-gwp.yaml"), "gwp_sets: []\n")
    write(os.path.join(tmp, "g", "gwp.yaml"), read_bytes(os.path.join(FACTORS, "gwp.yaml")).decode())
    want_error(ghg("check", other), r"my-gwp\.yaml:1:11: error: 'gwp_sets' is empty")


@test
def i09_factor_set_named_otherwise(tmp):
    """check of a factor set whose factor_set: differs from its file name says
    so, as inventory does when it looks the set up by name."""
    f = os.path.join(tmp, "f")
    os.mkdir(f)
    write(os.path.join(f, "mine.yaml"), "factor_set: other\ntitle: t\nsource: t\nfactors:\n"
          "  - fuel: x\n    ncv: {value: 1, unit: TJ/Gg, ref: r}\n")
    pattern = r"mine\.yaml:1:13: error: file declares factor_set 'other' but is named 'mine\.yaml': make them agree"
    want_error(ghg("check", os.path.join(f, "mine.yaml")), pattern)
    s = s_in(tmp, text=S_YAML.replace("[ipcc2006-energy]", "[mine, ipcc2006-energy]"))
    want_error(ghg("check", s, "--factors", f, "--factors", FACTORS), pattern)


# ============================================== messages a user found unclear

@test
def msg_present_but_not_a_number(tmp):
    """A year, factor_sets or price_base that is there but wrong gets its own
    message, not also "missing"."""
    c, _ = check_and_inventory(tmp, "s.yaml", S_YAML.replace("year: 2020", 'year: "2020年"'),
                               r"s\.yaml:2:7: error: 'year' must be a number, got '2020年': write the number alone, "
                               r"such as 2020 without quotes")
    check("missing 'year:'" not in c.err, "still says missing: %r" % c)
    c, _ = check_and_inventory(tmp, "s.yaml", S_YAML.replace("[ipcc2006-energy]", "ipcc2006-energy"),
                               r"s\.yaml:3:14: error: 'factor_sets' must be a list")
    check("missing 'factor_sets:'" not in c.err, "still says missing: %r" % c)
    write(os.path.join(tmp, "inv2020.yaml"), S_YAML)
    s = write(os.path.join(tmp, "series.yaml"), series_text(1, 2020).replace("price_base: 2020",
                                                                              'price_base: "2020年"'))
    r = ghg("check", s, "--factors", FACTORS)
    want_error(r, r"series\.yaml:3:13: error: 'price_base' must be a number, got '2020年'")
    check("missing 'price_base:'" not in r.err, "still says missing: %r" % r)


@test
def msg_fraction_out_of_range(tmp):
    """'oxidation' is 2 (no unit "1" after it), and 'abatement' is 50 with
    "an abatement fraction" and the fix for a percentage."""
    rec = S_YAML.replace("source: t}", 'source: t, oxidation: {value: 2, unit: "1", source: x}}')
    check_and_inventory(tmp, "s.yaml", rec, r"error: 'oxidation' is 2, outside \(0, 1\]: an oxidation factor is a "
                        r"fraction such as 0\.98, or 98 with unit \"%\"$")
    text = inv_text(['{category: "2.B.2", activity: nitric_acid, amount: 1, unit: t, source: t, '
                     'abatement: {value: 50, unit: "1", source: x}}'],
                    head="inventory: s\nyear: 2020\nfactor_sets: [ipcc2006-ippu]\n")
    check_and_inventory(tmp, "s.yaml", text, r"error: 'abatement' is 50, outside \[0, 1\]: an abatement fraction is "
                        r"a fraction such as 0\.3 \(for 50 %, write unit: \"%\"\)$")


@test
def msg_empty_factor_sets(tmp):
    """factor_sets: [] says the list is empty (it said "in factor sets " and
    nothing)."""
    check_and_inventory(tmp, "s.yaml", S_YAML.replace("[ipcc2006-energy]", "[]"),
                        r"s\.yaml:5:33: error: unknown fuel 'natural_gas': 'factor_sets' is empty, so no factor set "
                        r"is searched: name one, such as factor_sets: \[ipcc2006-energy\]")


@test
def msg_uncertainty_needs_its_percent_sign(tmp):
    """uncertainty: 0.05 is refused with both readings named (oxidation: 0.98
    is a fraction, uncertainty 0.05 was read as 0.05 %); the full-width 5％ and
    ５％ of Chinese input methods are read as 5 %; a factor value's
    uncertainty is held to the same rule."""
    check_and_inventory(tmp, "s.yaml", S_YAML.replace("source: t}", 'source: t, uncertainty: 0.05}'),
                        r"s\.yaml:5:\d+: error: 'uncertainty' is 0\.05 without a % sign: write 5% if it is a "
                        r"fraction, or 0\.05% if it is already a percentage")
    for u in ("5％", "５％", "5 %", "5%"):
        path = s_in(tmp, text=S_YAML.replace("source: t}", "source: t, uncertainty: \"%s\"}" % u))
        d = os.path.join(tmp, "o")
        os.makedirs(d, exist_ok=True)
        r = ghg("inventory", path, "-o", os.path.join(d, "o.xlsx"), "--factors", FACTORS)
        check(r.rc == 0, "uncertainty %r: %r" % (u, r))
        with open(os.path.join(d, "o.csv"), encoding="utf-8") as f:
            rows = f.read().splitlines()
        hdr = rows[0].split(",")
        col = hdr.index("Uncertainty (%)")
        check(rows[1].split(",")[col] == "5", "uncertainty %r read as %r, not 5" % (u, rows[1].split(",")[col]))
    ovr = S_YAML.replace("source: t}", 'source: t, ncv: {value: 48, unit: TJ/Gg, uncertainty: 0.02, source: x}}')
    check_and_inventory(tmp, "s.yaml", ovr, r"error: 'uncertainty' is 0\.02 without a % sign")


@test
def msg_number_with_quotes_and_separators(tmp):
    """amount: "1,200" says to remove both the quotes and the separator (it
    said only "remove the quotes", which then failed on the comma)."""
    for written, pattern in (('"1,200"', r"'amount' must be a number, got '1,200': write 1200 \(no quotes, no "
                                         r"thousands separators\)"),
                             ('"１２００"', r"got '１２００': write 1200 \(no quotes, ASCII digits\)"),
                             ('"100"', r"'amount' must be a number, got the text \"100\" \(remove the quotes\)")):
        check_and_inventory(tmp, "s.yaml", S_YAML.replace("amount: 100", "amount: %s" % written), pattern)


@test
def msg_unknown_fuel_first_with_own_factors(tmp):
    """A record with its own ncv and a misspelt fuel: "unknown fuel ... did you
    mean" first, not three "no CO2/CH4/N2O emission factor"; once every factor
    is the record's own, a warning still names the close fuel."""
    rec = S_YAML.replace("fuel: natural_gas, amount: 100, unit: Gg, source: t}",
                         "fuel: natual_gas, amount: 100, unit: Gg, source: t, ncv: {value: 48, unit: TJ/Gg, "
                         "source: x}}")
    c, _ = check_and_inventory(tmp, "s.yaml", rec, r"s\.yaml:5:33: error: unknown fuel 'natual_gas' \(did you mean "
                               r"'natural_gas'\?\) in factor sets ipcc2006-energy$")
    check(c.err.splitlines()[0].endswith("unknown fuel 'natual_gas' (did you mean 'natural_gas'?) in factor sets "
                                         "ipcc2006-energy"), "the unknown fuel is not said first: %r" % c)
    full = rec.replace("source: x}}", "source: x}, co2: {value: 56100, unit: kg/TJ, source: x}, ch4: {value: 1, "
                       "unit: kg/TJ, source: x}, n2o: {value: 0.1, unit: kg/TJ, source: x}}")
    r = ghg("check", s_in(tmp, text=full), "--factors", FACTORS)
    check(r.rc == 0, "a fuel of the user's own with every factor: %r" % r)
    check(re.search(r"s\.yaml:5:33: warning: fuel 'natual_gas' is in no factor set searched \(did you mean "
                    r"'natural_gas'\?\)", r.err), "no warning: %r" % r)


# ============================================== 10. check reads every file

@test
def i10_check_reads_every_file(tmp):
    """`check` on 300 files: the broken last one is reported (files from the
    257th on used to be ignored)."""
    files = []
    for i in range(299):
        files.append(s_in(tmp, "ok%03d.yaml" % i))
    files.append(s_in(tmp, "zz-broken.yaml", S_YAML.replace("amount: 100", "amount: -1")))
    r = ghg("check", *files, "--factors", FACTORS, "--quiet", timeout=600)
    want_error(r, r"zz-broken\.yaml:5:\d+: error: 'amount' is negative")


# ============================================== 4. a file-size limit

@test
def i04_file_size_limit(tmp):
    """`ulimit -f` (RLIMIT_FSIZE): the write fails with EFBIG instead of the
    run dying of SIGXFSZ; exit 3, the cause named, temporary files removed."""
    s = s_in(tmp)
    d = os.path.join(tmp, "d")
    os.mkdir(d)

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    r = ghg("inventory", s, "-o", os.path.join(d, "out.xlsx"), "--factors", FACTORS, preexec_fn=limit,
            valgrind=False)
    want_error(r, r"out\.(xlsx|csv|json): error: cannot write: .*File too large", 3)
    check(listing(d) == [], "left behind: %r" % listing(d))


@test
def msg_full_disk_names_the_cause(tmp):
    """A full disk: the message says "No space left on device" (the library's
    own message only said ZIP_ERRNO); exit 3, nothing left behind."""
    if os.geteuid() != 0:
        raise Skip("not root: cannot mount a small tmpfs")
    mnt = os.path.join(tmp, "small")
    os.mkdir(mnt)
    m = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "none", mnt], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if m.returncode != 0:
        raise Skip("cannot mount a tmpfs here: %s" % m.stderr.decode().strip())
    try:
        s = s_in(tmp)
        r = ghg("inventory", s, "-o", os.path.join(mnt, "out.xlsx"), "--factors", FACTORS)
        want_error(r, r"out\.(xlsx|csv|json): error: cannot write: .*\(No space left on device\)$", 3)
        check(listing(mnt) == [], "left behind: %r" % listing(mnt))
    finally:
        subprocess.run(["umount", mnt])


# ============================================== 5. factor dimensions against the method

WRONG_EF_UNITS = ["kg/t", "kg", "kg/m3", "TJ/kg", "kg/yr", "1"]


@test
def i05_combustion_ef_dimension_on_a_record(tmp):
    """A combustion record's own co2/ch4/n2o must be a mass per energy: kg/t
    (which used to give 2.69e14 t CO2e with check saying ok), kg, kg/m3,
    TJ/kg, kg/yr and "1" are refused at the unit, in check and inventory."""
    for gas, value in (("co2", 56100), ("ch4", 1), ("n2o", 0.1)):
        for u in WRONG_EF_UNITS:
            text = S_YAML.replace("source: t}", "source: t, %s: {value: %s, unit: \"%s\", source: x}}"
                                  % (gas, value, u))
            check_and_inventory(tmp, "s.yaml", text, r"s\.yaml:5:\d+: error: unit '%s' of '%s' (measures .*|is a "
                                r"plain ratio), but fuel combustion \(1\.A\) needs an emission factor in mass of %s "
                                r"per energy" % (re.escape(u), gas, gas.upper()))
    # A CO2 factor in carbon is a carbon content.
    text = S_YAML.replace("source: t}", "source: t, co2: {value: 15.3, unit: t C/TJ, source: x}}")
    check_and_inventory(tmp, "s.yaml", text, r"unit 't C/TJ' of 'co2' is in C, .*give carbon per energy as "
                        r"'carbon_content'")


@test
def i05_combustion_ef_dimension_in_a_factor_set(tmp):
    """The same in a factor set, reported at the set's line (once, however
    many records use it)."""
    f = os.path.join(tmp, "f")
    os.mkdir(f)
    for u in WRONG_EF_UNITS:
        write(os.path.join(f, "fx.yaml"), "factor_set: fx\ntitle: t\nsource: t\nextends: ipcc2006-energy\n"
              "factors:\n  - fuel: natural_gas\n    n2o: {value: 0.1, unit: \"%s\", ref: x}\n" % u)
        recs = ['{category: "1.A.1.a", fuel: natural_gas, amount: %d, unit: Gg, source: t}' % a for a in (1, 2)]
        recs.append('{category: "1.A.4.b", fuel: natural_gas, amount: 3, unit: Gg, source: t}')
        s = s_in(tmp, text=inv_text(recs, head="inventory: s\nyear: 2020\nfactor_sets: [fx]\n"))
        r = ghg("check", s, "--factors", f, "--factors", FACTORS)
        want_error(r, r"fx\.yaml:7:29: error: unit '%s' of 'n2o' " % re.escape(u))
        check(r.err.count("error:") == 1, "reported more than once: %r" % r)
    # A product-method row whose factors do not multiply to a mass of the gas stays refused.
    text = inv_text(['{category: "2.A.1", activity: clinker, amount: 100, unit: t, source: t, '
                     'co2: {value: 0.52, unit: "t CO2/m3", source: x}}'],
                    head="inventory: s\nyear: 2020\nfactor_sets: [ipcc2006-ippu]\n")
    check_and_inventory(tmp, "p.yaml", text, r"'clinker' in 't' times its factors for CO2 gives .*, not a mass")


# ============================================== 6. control characters

@test
def i06_control_character_in_inventory_id(tmp):
    """An inventory id with a control character (written as an escape) is bad
    input at its file:line:col, in check and inventory; nothing is written."""
    text = S_YAML.replace("inventory: s", 'inventory: "a\\x01"')
    check_and_inventory(tmp, "s.yaml", text, r"^.*s\.yaml:1:12: error: text contains the control character "
                        r"U\+0001")


@test
def i06_control_characters_everywhere(tmp):
    """Every text passes the reader: a region (\\v = U+000B), a record's source
    (\\x1f) and a factor set's title (\\f = U+000C) are refused at their place;
    a tab (\\t) and a line feed are allowed."""
    text = S_YAML.replace("year: 2020", 'year: 2020\nregion: "Jilin\\v"').replace("source: t", 'source: "x\\x1f"')
    path = write(os.path.join(tmp, "s.yaml"), text)
    c = ghg("check", path, "--factors", FACTORS)
    want_error(c, r"s\.yaml:3:9: error: text contains the control character U\+000B")
    want_error(c, r"s\.yaml:6:\d+: error: text contains the control character U\+001F")
    fs = write(os.path.join(tmp, "fs.yaml"), 'factor_set: fs\ntitle: "a\\fb"\nsource: x\nfactors: []\n')
    want_error(ghg("check", fs), r"fs\.yaml:2:8: error: text contains the control character U\+000C")
    ok = write(os.path.join(tmp, "ok.yaml"), S_YAML.replace("source: t", 'source: "a\\tb\\nc"'))
    r = ghg("check", ok, "--factors", FACTORS)
    check(r.rc == 0, "a tab and a line feed in a text must be accepted: %r" % r)


@test
def i07_csv_formula_injection(tmp):
    """A source that a spreadsheet would run (=HYPERLINK(...), +1, -2, @SUM) is written to the CSV as
    quoted text with a leading ' (OWASP), and to the workbook as a string cell, never a formula."""
    import csv
    srcs = ['=HYPERLINK("http://x","y")', "+1", "-2+3", "@SUM(A1)"]
    recs = ['{category: "1.A.1.a", fuel: natural_gas, amount: %d, unit: Gg, source: %s}' % (i + 1, json.dumps(t))
            for i, t in enumerate(srcs)]
    p = write(os.path.join(tmp, "s.yaml"), inv_text(recs))
    out = os.path.join(tmp, "o.xlsx")
    r = ghg("inventory", p, "-o", out, "--factors", FACTORS, "--no-uncertainty")
    check(r.rc == 0, "%r" % r)
    raw = open(os.path.join(tmp, "o.csv"), encoding="utf-8").read()
    for t in srcs:
        check('"\'' + t.replace('"', '""') + '"' in raw, "CSV field of %r not quoted with a leading ': %s" % (t, raw[:400]))
    rows = list(csv.reader(open(os.path.join(tmp, "o.csv"), encoding="utf-8", newline="")))
    col = rows[0].index("Data source")
    check({row[col] for row in rows[1:]} == {"'" + t for t in srcs}, "CSV read back: %r" % [row[col] for row in rows])
    import openpyxl
    ws = openpyxl.load_workbook(out)["Calculation"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value in srcs]
    check(len(cells) == 3 * len(srcs) and all(c.data_type == "s" for c in cells),
          "workbook: %r" % [(c.coordinate, c.data_type) for c in cells])


# ============================================== 11. every input read once

@test
def i11_check_reads_a_pipe(tmp):
    """`cat s.yaml | ghgcalc check /dev/stdin`: the file is read once."""
    r = ghg("check", "/dev/stdin", "--factors", FACTORS, stdin=S_YAML.encode(), timeout=60)
    check(r.rc == 0 and "ok: inventory 's'" in r.out, "check of a pipe: %r" % r)


@test
def i11_check_every_kind_from_a_pipe(tmp):
    """A factor set, the GWP file and a targets file through a pipe too."""
    gwp = read_bytes(os.path.join(FACTORS, "gwp.yaml"))
    r = ghg("check", "/dev/stdin", stdin=gwp, timeout=60)
    check(r.rc == 0 and "ok: GWP sets, default 'ar5'" in r.out, "gwp.yaml through a pipe: %r" % r)
    fs = read_bytes(os.path.join(FACTORS, "china-grid.yaml"))
    r = ghg("check", "/dev/stdin", stdin=fs, timeout=60)
    check(r.rc == 0 and "ok: factor set 'china-grid'" in r.out, "a factor set through a pipe: %r" % r)
    tdir = os.path.join(ROOT, "inventories", "targets")
    tg = read_bytes(os.path.join(tdir, sorted(os.listdir(tdir))[0]))
    r = ghg("check", "/dev/stdin", stdin=tg, timeout=60)
    check(r.rc == 0 and "ok: targets" in r.out, "a targets file through a pipe: %r" % r)


@test
def i11_check_a_fifo_does_not_hang(tmp):
    """A named FIFO is opened once: check finishes (it used to wait forever
    for a second writer)."""
    ff = os.path.join(tmp, "s.fifo")
    os.mkfifo(ff)
    w = open_fifo_writer(ff, S_YAML.encode())
    r = ghg("check", ff, "--factors", FACTORS, timeout=30)
    w.join(5)
    check(r.rc == 0 and "ok: inventory 's'" in r.out, "check of a FIFO: %r" % r)


TAB_YAML = ("\ufeffinventory: tab # 中文注释\nyear: 2020\nfactor_sets: [ipcc2006-energy]\nactivities:\n"
            "  - category: \"1.A.1.a\"\n\tfuel: natural_gas\n    amount: 100\n    unit: Gg\n")


@test
def i11_inventory_on_a_fifo_with_a_tab(tmp):
    """The tab hint does not open the file again: `inventory` on a FIFO
    holding a tab-indented file ends with the hint instead of hanging; so does
    `check` with the source lines shown (GHGCALC_SHOW_SOURCE)."""
    ff = os.path.join(tmp, "t.fifo")
    os.mkfifo(ff)
    w = open_fifo_writer(ff, TAB_YAML.encode())
    r = ghg("inventory", ff, "-o", os.path.join(tmp, "o.xlsx"), "--factors", FACTORS, timeout=30)
    w.join(5)
    want_error(r, r"t\.fifo:6:1: error: invalid YAML: a tab character here: YAML indents with spaces only")
    w = open_fifo_writer(ff, TAB_YAML.encode())
    r = ghg("check", ff, "--factors", FACTORS, timeout=30, env={"GHGCALC_SHOW_SOURCE": "1"})
    w.join(5)
    want_error(r, r"t\.fifo:6:1: error: invalid YAML: a tab character here")


@test
def msg_tab_hint_after_bom_and_chinese(tmp):
    """After a BOM or any Chinese text the tab is still named (libyaml counts
    characters, not bytes)."""
    path = write(os.path.join(tmp, "t.yaml"), TAB_YAML)
    want_error(ghg("check", path, "--factors", FACTORS),
               r"t\.yaml:6:1: error: invalid YAML: a tab character here: YAML indents with spaces only "
               r"\(replace the tab\)")
    # A tab after a key's indentation, which libyaml words differently, gets the same hint.
    path = write(os.path.join(tmp, "t2.yaml"), "inventory: x\nyear: 2020\n\tfactor_sets: [a]\n")
    want_error(ghg("check", path), r"t2\.yaml:3:1: error: invalid YAML: a tab character here")


# ================================================================== runner

def configure(bin_path, verbose):
    global BIN, VERBOSE
    BIN, VERBOSE = bin_path, verbose
    e2e_helpers.configure(bin_path, verbose)  # for peak_run


if __name__ == "__main__":
    sys.exit(TESTS.main("reliability e2e", "ghgcalc-rel-", configure, doc=__doc__))
