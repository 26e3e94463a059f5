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

from e2e_runner import Fail, Registry, Skip, check

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FACTORS = os.path.join(ROOT, "factors")
VALGRIND = os.environ.get("GHGCALC_VALGRIND") == "1"
VG = ["valgrind", "-q", "--error-exitcode=99", "--leak-check=full",
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


if __name__ == "__main__":
    sys.exit(TESTS.main("reliability e2e", "ghgcalc-rel-", configure, doc=__doc__))
