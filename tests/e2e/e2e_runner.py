"""e2e_runner.py - what every tests/e2e/*_e2e.py suite shares: the test
registry, failures and skips, and the command line and loop that run a suite.

The protocol tests/run relies on: each test prints "ok NAME" (with
"(skipped: why)" when skipped, which counts as passed) or "FAIL NAME:
reason"; then a timing line; the last line is "N passed, M failed"; the exit
status is 1 when anything failed. Each test gets a fresh temporary folder,
removed afterwards.

    from e2e_runner import Fail, Skip, check, Registry
    tests = Registry()

    @tests.add
    def something(tmp):
        check(1 + 1 == 2, "arithmetic")

    if __name__ == "__main__":
        sys.exit(tests.main("my e2e", "ghgcalc-my-", configure))

`configure(bin_path, verbose)` receives the --bin and -v arguments
(e2e_helpers.configure, or a suite's own that calls it). What the suites
share besides this loop (paths, the tolerance policy and close(), running
ghgcalc, reading the outputs) is in e2e_helpers.py.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
import traceback


class Fail(Exception):
    pass


class Skip(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Fail(msg)


class Registry:
    def __init__(self):
        self.tests = []

    def add(self, fn):
        """Decorator: registers fn(tmp) as a test, in file order."""
        self.tests.append(fn)
        return fn

    def names(self):
        return [fn.__name__ for fn in self.tests]

    def main(self, label, tmp_prefix, configure, finish=None, doc=None):
        """Runs the suite from the command line; returns the exit status.
        `finish()`, when given, runs after the last test (shared caches)."""
        ap = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0] or label)
        ap.add_argument("--bin", required=True, help="the ghgcalc binary")
        ap.add_argument("-v", "--verbose", action="store_true", help="print every command and its output")
        ap.add_argument("names", nargs="*", help="run only tests whose name contains one of these")
        a = ap.parse_args()
        bin_path = os.path.abspath(a.bin)
        if not (os.path.isfile(bin_path) and os.access(bin_path, os.X_OK)):
            print("FAIL setup: no executable ghgcalc at %s (run make first)" % a.bin)
            print("0 passed, 1 failed")
            return 1
        configure(bin_path, a.verbose)
        passed = failed = skipped = 0
        t0 = time.monotonic()
        try:
            for fn in self.tests:
                name = fn.__name__
                if a.names and not any(n in name for n in a.names):
                    continue
                tmp = tempfile.mkdtemp(prefix=tmp_prefix)
                t1 = time.monotonic()
                try:
                    fn(tmp)
                except Skip as e:
                    skipped += 1
                    passed += 1
                    print("ok %s (skipped: %s)" % (name, e))
                except Fail as e:
                    failed += 1
                    print("FAIL %s: %s" % (name, e))
                except Exception:
                    failed += 1
                    print("FAIL %s: %s" % (name, traceback.format_exc().strip()))
                else:
                    passed += 1
                    dt = time.monotonic() - t1
                    print("ok %s%s" % (name, " (%.1f s)" % dt if dt >= 2 else ""))
                finally:
                    shutil.rmtree(tmp, ignore_errors=True)
                sys.stdout.flush()
        finally:
            if finish:
                finish()
        print("%s: %.1f s%s" % (label, time.monotonic() - t0, ", %d skipped" % skipped if skipped else ""))
        print("%d passed, %d failed" % (passed, failed))
        return 1 if failed else 0
