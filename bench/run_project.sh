#!/usr/bin/env bash
# The projection benchmark (not a test): ghgcalc's Monte Carlo of the shipped scenarios (prj_mc_run, on 1 and on 2
# threads) against a numpy implementation of the same model on the same draws, in the same run; writes the
# "Projection Monte Carlo" section of bench/RESULTS.md (between its markers, replaced on every run).
# usage: bench/run_project.sh [ITERATIONS] [REPEAT]     default 10000 iterations, the fastest of 3 runs each
# env:   BENCH_OUT=bench/out  scratch folder;  BENCH_RESULTS=bench/RESULTS.md
# Needs python3-numpy (Debian: apt-get install python3-numpy). Run it on an otherwise idle machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-10000}
repeat=${2:-3}
out=${BENCH_OUT:-bench/out}/project
results=${BENCH_RESULTS:-bench/RESULTS.md}
scen=inventories/scenarios/jilin-peak.yaml
seed=20240601
py=/usr/bin/python3
mkdir -p "$out"
if ! "$py" -c 'import numpy' 2>/dev/null; then
  echo "bench: needs numpy for Debian's python3: apt-get install python3-numpy" >&2
  exit 1
fi
make -s ghgcalc >/dev/null
objs=$(ls calc/*.c reports/*.c | grep -v '^calc/main\.c$' | sed 's|^\(.*\)\.c$|build/obj/\1.o|')
gcc -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -Icalc -o "$out/project_mc" bench/project_mc.c $objs \
  $(pkg-config --libs yaml-0.1 xlsxwriter minizip libxml-2.0) -lm -pthread

load=$(cut -d' ' -f1 /proc/loadavg)   # the machine's load before the run: near 0 means the figures are clean
"$out/project_mc" "$scen" "$out" "$n" "$seed" "$repeat" >"$out/c.txt"
"$py" bench/python_project.py "$out" "$n" --repeat "$repeat" --check >"$out/py.txt"
# The whole command, for context: with the Monte Carlo, and without it.
t0=$( { /usr/bin/time -f '%e' ./ghgcalc project "$scen" -o "$out/p.xlsx" -q --no-csv-json --iterations 0 || true; } 2>&1 | tail -1)
t1=$( { /usr/bin/time -f '%e' ./ghgcalc project "$scen" -o "$out/p.xlsx" -q --no-csv-json --iterations "$n" || true; } 2>&1 | tail -1)
cat "$out/c.txt" "$out/py.txt"

"$py" - "$out" "$results" "$n" "$repeat" "$t0" "$t1" "$load" <<'PYEOF'
import os, platform, re, subprocess, sys, time
out, results, n, repeat, t0, t1, load = sys.argv[1:]
kv = {}
for name in ("c.txt", "py.txt"):
    for line in open(os.path.join(out, name)):
        parts = line.split()
        for i in range(0, len(parts) - 1, 2):
            kv[parts[i]] = parts[i + 1]
def f(k): return float(kv[k])
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True,
                     text=True).stdout.strip()
nproc = os.cpu_count()
rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
import numpy
check = [l.strip() for l in open(os.path.join(out, "py.txt")) if l.startswith("check:")]
w1, w2, wn = f("c_1thread_wall"), f("c_2threads_wall"), f("numpy_wall")
c1, c2, cn = f("c_1thread_cpu"), f("c_2threads_cpu"), f("numpy_cpu")
evals = int(kv["scenarios"]) * int(n)
L = ["<!-- project:begin -->", "## Projection Monte Carlo (issue 12)", "",
     "Measured %s by `bench/run_project.sh %s %s` (ghgcalc git %s): %s, %d logical CPUs; numpy %s, Python %s. "
     "Load average before the run: %s (other work on the machine; wall times on 2 threads suffer first, CPU "
     "seconds least)."
     % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), n, repeat, rev, cpu, nproc, numpy.__version__,
        platform.python_version(), load),
     "",
     "**What runs.** `inventories/scenarios/jilin-peak.yaml` (%s scenarios, %s years, %s lines, %s numbers, of which "
     "the Monte Carlo draws the uncertain ones), %s iterations. ghgcalc: `prj_mc_run` in `bench/project_mc.c` "
     "(the Monte Carlo `ghgcalc project --iterations` runs: draws, every scenario, peaks, percentiles). numpy: "
     "`bench/python_project.py`, the same model vectorised across the iterations (arrays of iterations x years "
     "per line) on the same draws (written by project_mc, so reading them is not timed), with the same summary; "
     "it checks its figures against ghgcalc's to 1e-9 relative. The fastest of %s runs each."
     % (kv["scenarios"], kv["years"], kv["lines"], kv["params"], n, repeat),
     "",
     "| program | wall s | CPU s | us per scenario-iteration (CPU) |", "|---|---:|---:|---:|",
     "| ghgcalc, 1 thread | %.3f | %.3f | %.1f |" % (w1, c1, c1 / evals * 1e6),
     "| ghgcalc, 2 threads | %.3f | %.3f | %.1f |" % (w2, c2, c2 / evals * 1e6),
     "| numpy | %.3f | %.3f | %.1f |" % (wn, cn, cn / evals * 1e6),
     "", "| ratio | measured | goal |", "|---|---:|---|",
     "| numpy / ghgcalc 2 threads, wall | %.1f | >= 4 %s |" % (wn / w2, "met" if wn / w2 >= 4 else "**not met**"),
     "| numpy / ghgcalc 1 thread, wall | %.1f | (informative) |" % (wn / w1),
     "| numpy / ghgcalc, CPU | %.1f | (informative) |" % (cn / c2),
     "", "Check: %s; the figures on 1 and 2 threads are %s." % (
         check[0][len("check: "):] if check else "not run",
         "identical" if kv.get("threads_identical") == "yes" else "DIFFERENT"),
     "", "The whole command (`ghgcalc project jilin-peak.yaml -o p.xlsx -q --no-csv-json`, wall): %s s without the "
     "Monte Carlo, %s s with %s iterations (workbook included)." % (t0, t1, n),
     "<!-- project:end -->"]
text = open(results, encoding="utf-8").read() if os.path.exists(results) else ""
section = "\n".join(L) + "\n"
m = re.search(r"<!-- project:begin -->.*?<!-- project:end -->\n?", text, re.S)
text = text[:m.start()] + section + text[m.end():] if m else text.rstrip("\n") + "\n\n" + section
open(results, "w", encoding="utf-8").write(text)
# Kept beside RESULTS.md too: bench/run.sh rewrites RESULTS.md and appends RESULTS-project.md (bench/report.py).
open(os.path.join(os.path.dirname(results) or ".", "RESULTS-project.md"), "w", encoding="utf-8").write(section)
print("bench: wrote the projection section of %s" % results)
PYEOF
