#!/usr/bin/env bash
# The Monte Carlo benchmark (called by `make bench-mc`; not part of `make test`): ghgcalc's Monte Carlo on the
# shipped inventory (inventories/jilin-2020.yaml with its base year) against a numpy implementation of the same
# model (bench/python_mc.py), in the same run. Writes bench/RESULTS-mc.md (bench/run.sh copies it into RESULTS.md).
# usage: bench/mc.sh [ITERATIONS]          default 100000
# env:   MC_INVENTORY=inventories/jilin-2020.yaml   the inventory (its base_inventory: is used)
#        MC_REPEAT=5       runs of each program, the fastest kept
#        BENCH_OUT=bench/out
# A sample is one input value drawn in one iteration (ghgcalc's umc_result.draws); samples per second per core
# = samples / CPU seconds (ghgcalc: summed over its threads, the sampling and the emission lines; numpy: the
# process's CPU time for the same loop). Needs python3-numpy (Debian).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-100000}
inv=${MC_INVENTORY:-inventories/jilin-2020.yaml}
repeat=${MC_REPEAT:-5}
out=${BENCH_OUT:-bench/out}
py=/usr/bin/python3
mkdir -p "$out"
make -s ghgcalc >/dev/null
objs=$(ls build/obj/calc/*.o build/obj/reports/*.o | grep -v '/main\.o$')
gcc -std=c11 -O2 -g -pthread -D_POSIX_C_SOURCE=200809L -Icalc -o "$out/mc_bench" bench/mc_bench.c $objs \
  $(pkg-config --libs yaml-0.1 xlsxwriter minizip libxml-2.0) -lm
"$py" -c 'import numpy' 2>/dev/null || { echo "bench/mc.sh: needs python3-numpy (apt-get install python3-numpy)" >&2; exit 1; }
field() { tr ' ' '\n' | awk -v k="$1" 'f {print; exit} $0 == k {f = 1}'; }
best() { sort -g | head -n 1; }
"$out/mc_bench" "$inv" "$n" 1 factors --export "$out/mc_model.json" >/dev/null
: >"$out/mc_runs.txt"
for t in 1 2; do
  for i in $(seq "$repeat"); do echo "threads=$t $("$out/mc_bench" "$inv" "$n" "$t")" >>"$out/mc_runs.txt"; done
done
for i in $(seq "$repeat"); do echo "numpy $("$py" bench/python_mc.py "$out/mc_model.json" "$n")" >>"$out/mc_runs.txt"; done
for i in $(seq "$repeat"); do
  /usr/bin/time -f '%e' -o "$out/mc_cli_time" ./ghgcalc inventory "$inv" -o "$out/mc_cli.xlsx" --monte-carlo "$n" -q
  echo "cli $(cat "$out/mc_cli_time")" >>"$out/mc_runs.txt"
done
c1_cpu=$(grep '^threads=1' "$out/mc_runs.txt" | while read -r l; do echo "$l" | field cpu_s; done | best)
c1_wall=$(grep '^threads=1' "$out/mc_runs.txt" | while read -r l; do echo "$l" | field wall_s; done | best)
c2_cpu=$(grep '^threads=2' "$out/mc_runs.txt" | while read -r l; do echo "$l" | field cpu_s; done | best)
c2_wall=$(grep '^threads=2' "$out/mc_runs.txt" | while read -r l; do echo "$l" | field wall_s; done | best)
np_cpu=$(grep '^numpy' "$out/mc_runs.txt" | while read -r l; do echo "$l" | field cpu_s; done | best)
np_wall=$(grep '^numpy' "$out/mc_runs.txt" | while read -r l; do echo "$l" | field wall_s; done | best)
cli_wall=$(grep '^cli' "$out/mc_runs.txt" | awk '{print $2}' | best)
first=$(grep '^threads=1' "$out/mc_runs.txt" | head -n 1)
np_first=$(grep '^numpy' "$out/mc_runs.txt" | head -n 1)
dpi=$(echo "$first" | field draws_per_iter)
iters=$(echo "$first" | field iterations)
"$py" - "$out/mc_runs.txt" bench/RESULTS-mc.md <<PYEOF
import sys, datetime, platform, subprocess
n, dpi = int("$iters"), float("$dpi")
draws = n * dpi
c1_cpu, c1_wall, c2_cpu, c2_wall = $c1_cpu, $c1_wall, $c2_cpu, $c2_wall
np_cpu, np_wall, cli_wall = $np_cpu, $np_wall, $cli_wall
first, npf = "$first".split(), "$np_first".split()
g = lambda l, k: l[l.index(k) + 1]
cpu = subprocess.run(["sh", "-c", "lscpu | sed -n 's/^Model name: *//p'"], capture_output=True, text=True).stdout.strip()
load = open("/proc/loadavg").read().split()[0]
L = ["## Monte Carlo (issue 14)", "",
     "Measured %s UTC by \`bench/mc.sh %d\` (\`make bench-mc\`) on %s, 2 logical CPUs (load average %s at the end: "
     "the machine is shared, so the fastest of $repeat runs of each program is kept)." %
     (datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), n, cpu, load), "",
     "Model: \`$inv\` and its base year (%s records and %s), %s inputs, %s emission lines; %.0f uncertain inputs drawn "
     "per iteration (a factor shared by records and years is one draw). A sample = one input value drawn in one "
     "iteration; per core = per CPU second summed over the threads." % (g(first, "records"), g(first, "base_records"),
     g(first, "inputs"), g(first, "lines"), dpi), "",
     "| program | iterations | samples | CPU s | wall s | samples/s per core | total's mean | 2.5 % | 97.5 % |",
     "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
     "| ghgcalc umc_run, 1 thread | %d | %.3g | %.3f | %.3f | %.0f M | %.6g | %.6g | %.6g |" % (n, draws, c1_cpu, c1_wall, draws / c1_cpu / 1e6, float(g(first, "mean")), float(g(first, "p025")), float(g(first, "p975"))),
     "| ghgcalc umc_run, 2 threads | %d | %.3g | %.3f | %.3f | %.0f M | same | same | same |" % (n, draws, c2_cpu, c2_wall, draws / c2_cpu / 1e6),
     "| numpy (bench/python_mc.py) | %d | %.3g | %.3f | %.3f | %.0f M | %.6g | %.6g | %.6g |" % (n, draws, np_cpu, np_wall, draws / np_cpu / 1e6, float(g(npf, "mean")), float(g(npf, "p025")), float(g(npf, "p975"))),
     "", "\`ghgcalc inventory $inv -o OUT.xlsx --monte-carlo %d -q\`, the whole run (both years computed, Approach 1, "
     "key categories, Monte Carlo, workbook, CSV and JSON): **%.2f s** wall." % (n, cli_wall), "",
     "ghgcalc's wall time includes the statistics of every row (52 rows x 10^5 iterations: exact percentiles) and the "
     "contributions to variance; numpy's the total's statistics only. The two runs draw different random numbers "
     "(Philox in ghgcalc, PCG64 in numpy), so their figures agree to the Monte Carlo error only.", "",
     "| goal | value | met |", "|---|---:|---|",
     "| samples/s per core >= 150 M (ghgcalc, 1 thread) | %.0f M | %s |" % (draws / c1_cpu / 1e6, "yes" if draws / c1_cpu >= 150e6 else "**no**"),
     "| >= 4x faster than numpy per core | %.1fx | %s |" % (np_cpu / c1_cpu, "yes" if np_cpu / c1_cpu >= 4 else "**no**"),
     "| >= 4x faster than numpy, wall time, both cores | %.1fx | %s |" % (np_wall / c2_wall, "yes" if np_wall / c2_wall >= 4 else "**no**"),
     ""]
open(sys.argv[2], "w").write("\n".join(L))
print("bench/mc.sh: wrote %s" % sys.argv[2])
PYEOF
cat bench/RESULTS-mc.md
