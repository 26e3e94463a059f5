#!/usr/bin/env bash
# The benchmark (called by `make bench`): ghgcalc against the raw libraries and a Python equivalent.
# usage: bench/run.sh [N...]          default N: 10000 100000 1000000
#        (inventory command: N records; intensity command: BENCH_SERIES below)
# env:   BENCH_PY_MAX=100000   largest N for the Python equivalent (about 7 GB and 10 minutes at 10^6);
#                              BENCH_PY_MAX=1000000 runs it at every N
#        BENCH_SERIES="10000 100000"  records a year for the intensity benchmark ("" skips it)
#        BENCH_YEARS=11       years of the intensity series
#        BENCH_REPEAT=3        runs per program for N < 10^6, the fastest kept (10^6: one run)
#        GHGCALC=path          a ghgcalc binary to measure instead of building one with `make`
#        BENCH_OUT=bench/out   scratch folder (inputs and outputs; gitignored)
#        BENCH_RESULTS=bench/RESULTS.md
#        BENCH_REPORT_ONLY=1  measure nothing: rewrite BENCH_RESULTS from the last run's $out/results.tsv
#                             (say, after editing bench/RESULTS-notes.md)
# Each program runs under /usr/bin/time -f '%e %U %S %M' (wall s, user s, sys s, peak RSS KB).
# Run it on an otherwise idle machine: the figures are ratios measured in the same go.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=${BENCH_OUT:-bench/out}
results=${BENCH_RESULTS:-bench/RESULTS.md}
py_max=${BENCH_PY_MAX:-100000}
series_ns=${BENCH_SERIES-10000 100000}
years=${BENCH_YEARS:-11}
repeat=${BENCH_REPEAT:-3}
py=/usr/bin/python3
ns=("$@")
[ ${#ns[@]} -gt 0 ] || ns=(10000 100000 1000000)
mkdir -p "$out"
tsv=$out/results.tsv
report_only=${BENCH_REPORT_ONLY:-}
if [ -n "$report_only" ]; then
  [ -s "$tsv" ] || { echo "bench: BENCH_REPORT_ONLY: no $tsv from an earlier run" >&2; exit 1; }
  report_ns=$(awk '$1 !~ /:/ {print $1}' "$tsv" | sort -nu | tr '\n' ' ')
  ns=()
  series_ns=
else
  report_ns="${ns[*]}"
  : >"$tsv"
  # the ghgcalc measured: its commit, and whether its sources differed from it
  rev=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
  [ -z "$(git status --porcelain -- calc reports Makefile 2>/dev/null)" ] || rev="$rev with uncommitted changes"
  echo "$rev" >"$out/results.rev"
fi
log=$out/run.log
: >"$log"
say() { echo "bench: $*" | tee -a "$log" >&2; }

# ---- build ----------------------------------------------------------------
if [ -n "${GHGCALC:-}" ]; then
  ghg=$GHGCALC
else
  make -s ghgcalc >/dev/null
  ghg=./ghgcalc
fi
CFLAGS_B="-O2 -g"
gcc $CFLAGS_B -Wall -Wextra -o "$out/yaml_events" bench/yaml_events.c $(pkg-config --cflags --libs yaml-0.1)
gcc $CFLAGS_B -Wall -Wextra -o "$out/xlsx_cells" bench/xlsx_cells.c $(pkg-config --cflags --libs xlsxwriter)
mkdir -p "$out/obj"
for f in calc/*.c; do
  case $f in calc/main.c | calc/cmd_*.c) continue ;; esac   # the commands call the writers engine_only lacks
  gcc -std=c11 $CFLAGS_B -D_POSIX_C_SOURCE=200809L -DGHGCALC_VERSION='"bench"' -DGHGCALC_DATADIR='"/nonexistent"' \
    $(pkg-config --cflags yaml-0.1) -c -o "$out/obj/$(basename "$f" .c).o" "$f"
done
gcc -std=c11 $CFLAGS_B -D_POSIX_C_SOURCE=200809L -Icalc -o "$out/engine_only" bench/engine_only.c "$out"/obj/*.o \
  $(pkg-config --libs yaml-0.1) -lm
have_py=yes
if ! "$py" -c 'import yaml, pandas, openpyxl; yaml.CSafeLoader' 2>/dev/null; then
  have_py=no
  say "Python equivalent skipped: needs python3-yaml (with libyaml), python3-pandas, python3-openpyxl (Debian)"
fi

# ---- measuring --------------------------------------------------------------
# Busy CPU time of the whole machine so far, in 1/100 s (user nice system irq softirq steal).
busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

# measure NAME N RUNS -- CMD...: runs CMD RUNS times; keeps the fastest run's
# "wall user sys rss_kb others" in $tsv as "N NAME wall user sys rss others", where `others` is
# the CPU time other processes used meanwhile (0 on an idle machine), and its stdout in
# $out/NAME-N.stdout.
measure() {
  local name=$1 n=$2 runs=$3
  shift 4
  local best="" i b0 b1
  for i in $(seq 1 "$runs"); do
    b0=$(busy)
    if ! /usr/bin/time -f '%e %U %S %M' -o "$out/time.tmp" "$@" >"$out/stdout.tmp" 2>"$out/stderr.tmp"; then
      say "$name at N=$n failed:"; cat "$out/stderr.tmp" "$out/stdout.tmp" >&2; exit 1
    fi
    b1=$(busy)
    local t
    t=$(tail -n 1 "$out/time.tmp")
    t="$t $(echo "$t" | awk -v b="$((b1 - b0))" '{o = b / 100 - $2 - $3; if (o < 0) o = 0; printf "%.2f", o}')"
    if [ -z "$best" ] || awk -v a="${t%% *}" -v b="${best%% *}" 'BEGIN {exit !(a < b)}'; then
      best=$t
      cp "$out/stdout.tmp" "$out/$name-$n.stdout"
    fi
  done
  echo "$n $name $best" >>"$tsv"
  if [ "$name" = python ]; then
    echo "$n $(date -u +%Y-%m-%dT%H:%MZ) $best" >>"$out/python-history.tsv"
    cp "$out/$name-$n.stdout" "$out/python-history-$n.stdout"
  fi
  say "N=$n $name: wall user sys rssKB othersCPU = $best"
}

for n in "${ns[@]}"; do
  inv=$out/inv-$n.yaml
  if [ ! -f "$inv" ] || [ bench/gen_inventory.py -nt "$inv" ] || [ factors/ipcc2006-energy.yaml -nt "$inv" ]; then
    say "generating $inv"
    "$py" bench/gen_inventory.py "$n" "$inv"
  fi
  r=$repeat
  [ "$n" -lt 1000000 ] || r=1
  cat "$inv" >/dev/null   # warm the page cache: every program reads the file from memory
  rm -f "$out"/g-"$n".* "$out"/gx-"$n".* "$out"/x-"$n".xlsx "$out"/py-"$n".*
  measure yaml_events "$n" "$r" -- "$out/yaml_events" "$inv"
  measure xlsx_cells "$n" "$r" -- "$out/xlsx_cells" "$n" "$out/x-$n.xlsx" --factor-refs
  measure ghgcalc "$n" "$r" -- "$ghg" inventory "$inv" -o "$out/g-$n.xlsx" --quiet
  measure ghgcalc_xlsx "$n" "$r" -- "$ghg" inventory "$inv" -o "$out/gx-$n.xlsx" --quiet --no-csv-json
  measure engine_only "$n" "$r" -- "$out/engine_only" "$inv" factors
  if [ "$have_py" = yes ] && [ "$n" -le "$py_max" ]; then
    measure python "$n" 1 -- "$py" bench/python_equiv.py "$inv" "$out/py-$n.xlsx" --check "$out/g-$n.json"
  fi
  rm -f "$out"/x-"$n".xlsx "$out"/gx-"$n".xlsx "$out"/py-"$n".xlsx "$out"/py-"$n".csv
done

# ---- the intensity command: a series of $years years, each with an inventory of N records ----
for n in $series_ns; do
  ser=$out/series-$n-$years.yaml
  if [ ! -f "$ser" ] || [ bench/gen_series.py -nt "$ser" ] || [ bench/gen_inventory.py -nt "$ser" ]; then
    say "generating $ser"
    rm -f "$out"/inv-"$n"-[0-9][0-9][0-9][0-9].yaml
    "$py" bench/gen_series.py "$n" "$years" "$out" >/dev/null
  fi
  files=("$ser")
  mapfile -t -O 1 files < <(sed -n 's/^    inventory: //p' "$ser" | sed "s|^|$out/|")
  cat "${files[@]}" >/dev/null
  r=$repeat
  rm -f "$out"/gi-"$n".* "$out"/pi-"$n".* "$out"/xi-"$n".xlsx
  key=$n:$years
  measure s_yaml_events "$key" "$r" -- "$out/yaml_events" "${files[@]}"
  measure s_ghgcalc "$key" "$r" -- "$ghg" intensity "$ser" -o "$out/gi-$n.xlsx" --quiet
  # the limit's workbook: as many cells as ghgcalc's intensity workbook (about 70 a record in xlsx_cells)
  cells=$("$py" -c 'import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
print(sum(1 for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None))' "$out/gi-$n.xlsx")
  echo "$cells" >"$out/s_cells-$key.stdout"
  measure s_xlsx_cells "$key" "$r" -- "$out/xlsx_cells" "$(( (cells + 69) / 70 ))" "$out/xi-$n.xlsx"
  if [ "$have_py" = yes ] && [ "$n" -le "$py_max" ]; then
    measure s_python "$key" 1 -- "$py" bench/python_intensity.py "$ser" "$out/pi-$n.xlsx" --check "$out/gi-$n.json"
  fi
  rm -f "$out"/xi-"$n".xlsx "$out"/pi-"$n".xlsx "$out"/pi-"$n".csv
done

# ---- report -------------------------------------------------------------------
"$py" - "$tsv" "$out" "$results" "$ghg" "$py_max" "$repeat" "${report_ns% }" <<'PYEOF'
import datetime, os, platform, re, subprocess, sys
tsv, out, results, ghg, py_max, repeat, ns = sys.argv[1:8]
py_max = int(py_max)
rows = {}
srows = {}   # the intensity benchmark: (records a year, years) -> name -> figures
for line in open(tsv):
    n, name, wall, user, sys_, rss, others = line.split()
    fig = dict(wall=float(wall), user=float(user), sys=float(sys_), rss=int(rss) / 1024.0, others=float(others))
    if ':' in n:
        srows.setdefault(tuple(int(x) for x in n.split(':')), {})[name] = fig
    else:
        rows[(int(n), name)] = fig
# A Python run skipped this time (BENCH_PY_MAX) is taken from the latest earlier run, and marked.
earlier = {}
hist = os.path.join(out, 'python-history.tsv')
if os.path.exists(hist):
    for line in open(hist):
        n, when, wall, user, sys_, rss, others = line.split()
        earlier[int(n)] = (when, dict(wall=float(wall), user=float(user), sys=float(sys_), rss=int(rss) / 1024.0,
                                      others=float(others)))
for n in {k[0] for k in rows}:
    if (n, 'python') not in rows and n in earlier:
        rows[(n, 'python')] = dict(earlier[n][1], when=earlier[n][0])

def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return '?'

def first(path, key):
    try:
        for line in open(path):
            if line.startswith(key):
                return line.split(':', 1)[1].strip()
    except OSError:
        pass
    return '?'

def stdout(name, n):
    try:
        return open(os.path.join(out, '%s-%s.stdout' % (name, n))).read().strip()
    except OSError:
        return ''

osr = sh('. /etc/os-release && echo "$PRETTY_NAME"')
mem_kb = int(first('/proc/meminfo', 'MemTotal').split()[0])
pyv = sh("/usr/bin/python3 -c 'import sys, yaml, pandas, openpyxl; print(\"Python %s, PyYAML %s (libyaml C loader: %s), pandas %s, openpyxl %s\" % (sys.version.split()[0], yaml.__version__, yaml.__with_libyaml__, pandas.__version__, openpyxl.__version__))'")
machine = [
    ('CPU', '%s, %s logical CPUs (nproc)' % (first('/proc/cpuinfo', 'model name'), sh('nproc'))),
    ('Memory', '%.1f GiB' % (mem_kb / 1048576.0)),
    ('Virtualization', sh('systemd-detect-virt 2>/dev/null') or 'unknown'),
    ('OS', '%s, kernel %s' % (osr, platform.release())),
    ('Compiler', sh('gcc --version | head -n 1') + ' (ghgcalc: `make`, CFLAGS -O2 -g; baselines the same)'),
    ('libyaml', sh("dpkg-query -W -f='${Version}' libyaml-dev") + ' (Debian libyaml-dev)'),
    ('libxlsxwriter', sh("dpkg-query -W -f='${Version}' libxlsxwriter-dev") + ' (Debian libxlsxwriter-dev)'),
    ('zlib', sh("dpkg-query -W -f='${Version}' zlib1g-dev") + ' (Debian zlib1g-dev, used by libxlsxwriter)'),
    ('Python side', pyv or 'not available'),
    ('ghgcalc', sh(ghg + ' --version') + ', git ' + (open(os.path.join(out, 'results.rev')).read().strip()
                                                     if os.path.exists(os.path.join(out, 'results.rev')) else '?')),
]
L = []
L.append('# ghgcalc benchmark results\n')
L.append('Measured (last result written) %s by `bench/run.sh` (`make bench`). Reproduce on an idle machine with:\n'
         % datetime.datetime.fromtimestamp(os.path.getmtime(tsv), datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC'))
cmd = 'make bench' if py_max == 100000 else 'make bench BENCH_PY_MAX=%d' % py_max
L.append('```sh\n%s        # = bench/run.sh %s\n```\n' % (cmd, ns))
L.append('| machine | |\n|---|---|')
for k, v in machine:
    L.append('| %s | %s |' % (k, v))
L.append('')
L.append('''**What runs.** The input is `bench/gen_inventory.py N` (fixed seed): N activity records in categories
1.A.1.a to 1.A.4.c with the IPCC fuels that have CH4 and N2O factors there, amounts in t, 10^4 t, 万吨, Gg
and TJ, a unique `id` each, about 143 bytes a record; every record gives 3 calculation rows (CO2, CH4, N2O).

* **limit** = `bench/yaml_events` (a bare libyaml event loop over the same file) + `bench/xlsx_cells`
  (bare libxlsxwriter writing the same number of cells as ghgcalc's Calculation sheets, 25 columns,
  the same mix of 6 formulas with cached values (3 of them the NCV, EF and GWP as references to a
  Factors sheet, `--factor-refs`), 5 numbers and 13 strings a row; constant_memory and ZIP64 from
  200,000 rows, a new sheet every 1,048,575 rows, as ghgcalc does).
* **ghgcalc** = `ghgcalc inventory FILE -o OUT.xlsx --quiet`, which also writes OUT.csv (every row) and
  OUT.json, as users get it; **ghgcalc, workbook only** adds `--no-csv-json` and is the figure to set
  against the limit. **load + engine** is `bench/engine_only` (calc/ without the writers), to show
  where the time goes.
* **Python** = `bench/python_equiv.py`: PyYAML's C loader (`yaml.CSafeLoader`), pandas for factors,
  emissions and totals, openpyxl `write_only` for the workbook (the same 25 columns and formulas) and
  pandas for the CSV and JSON; it checks its total CO2e against ghgcalc's `totals.t_co2e` (1e-9 relative).
* Wall, user and sys seconds and peak RSS from `/usr/bin/time -f '%%e %%U %%S %%M'`; each program is run
  %s times for N < 10^6 and the fastest run kept, once at 10^6; the input is in the page cache.
  *Others' CPU s* is the CPU time the rest of the machine used during that run (from /proc/stat): near 0
  means the figure is clean; a large value means other processes competed for the cores.
''' % repeat)

def fmt(r, bold=False):
    cells = ['%.2f' % r['wall'], '%.2f' % r['user'], '%.2f' % r['sys'], '%.1f' % r['rss'],
             '%.1f' % r['others'] if 'others' in r else '']
    if bold:
        cells[:4] = ['**%s**' % c for c in cells[:4]]
    return ' | '.join(cells)

def limit_of(y, x):
    """The limit: the event loop and the workbook program one after the other (RSS: the larger)."""
    if not (y and x):
        return None
    return dict(wall=y['wall'] + x['wall'], user=y['user'] + x['user'], sys=y['sys'] + x['sys'],
                rss=max(y['rss'], x['rss']), others=y['others'] + x['others'])

def python_notes(ps, stages, what):
    """The Python program's stage times and its agreement line, from its stdout `ps`."""
    m = re.search(r'load ([0-9.]+)s compute ([0-9.]+)s write ([0-9.]+)s', ps)
    if m:
        L.append(stages % m.groups())
    c = re.search(r'check: .*', ps)
    if c:
        L.append('%s: %s.' % (what, c.group(0).replace('check: ', '')))

summary = []
for n in sorted({k[0] for k in rows}):
    g = lambda name: rows.get((n, name))
    y, x, gh, gx, eo, p = g('yaml_events'), g('xlsx_cells'), g('ghgcalc'), g('ghgcalc_xlsx'), g('engine_only'), g('python')
    size = os.path.getsize(os.path.join(out, 'inv-%d.yaml' % n)) / 1e6 if os.path.exists(os.path.join(out, 'inv-%d.yaml' % n)) else float('nan')
    L.append('## N = %s records (%.1f MB of YAML, %s calculation rows)\n' % (format(n, ','), size, format(3 * n, ',')))
    L.append("| program | wall s | user s | sys s | peak RSS MB | others' CPU s |\n|---|---:|---:|---:|---:|---:|")
    lim = limit_of(y, x)
    if lim:
        L.append('| libyaml event loop (`yaml_events`) | %s |' % fmt(y))
        L.append('| libxlsxwriter, same cells (`xlsx_cells`) | %s |' % fmt(x))
        L.append('| **limit** = the two above (RSS: the larger) | %s |' % fmt(lim, True))
    if gx:
        L.append('| ghgcalc, workbook only (`--no-csv-json`) | %s |' % fmt(gx))
    if gh:
        L.append('| ghgcalc (workbook + CSV + JSON) | %s |' % fmt(gh))
    if eo:
        L.append('| ghgcalc load + engine only (`engine_only`) | %s |' % fmt(eo))
    if p and 'when' in p:
        L.append('| Python: PyYAML C loader + pandas + openpyxl (earlier run, %s) | %s |' % (p['when'], fmt(p)))
    elif p:
        L.append('| Python: PyYAML C loader + pandas + openpyxl | %s |' % fmt(p))
    else:
        L.append('| Python: PyYAML C loader + pandas + openpyxl | not run (BENCH_PY_MAX=%d) | | | | |' % py_max)
    L.append('')
    eos = stdout('engine_only', n)
    m = re.search(r'load_s ([0-9.]+) engine_s ([0-9.]+)', eos)
    if m and y:
        L.append('Stages: ghgcalc reads and checks the file in %s s (libyaml alone: %.2f s, so %.1fx) and resolves and '
                 'computes in %s s.' % (m.group(1), y['wall'], float(m.group(1)) / max(y['wall'], 1e-9), m.group(2)))
    ps = stdout('python', n)
    if p and 'when' in p:
        ps = open(os.path.join(out, 'python-history-%d.stdout' % n)).read()
    python_notes(ps, 'Python stages: PyYAML %s s, pandas %s s, openpyxl + CSV + JSON %s s.', 'Totals')
    L.append('')
    L.append('| ratio | measured | goal |\n|---|---:|---|')
    def ratio(a, b):
        return a / b if b else float('nan')
    if lim and gx:
        r = ratio(gx['wall'], lim['wall'])
        L.append('| ghgcalc (workbook only) / limit, wall | %.2f | <= 1.3 %s |' % (r, 'met' if r <= 1.3 else '**missed**'))
        summary.append((n, 'ghgcalc/limit wall', r, r <= 1.3))
    if lim and gh:
        L.append('| ghgcalc (workbook + CSV + JSON) / limit, wall | %.2f | (informative) |' % ratio(gh['wall'], lim['wall']))
    if gh:
        ok = gh['rss'] < 200 or n < 1000000
        L.append('| ghgcalc peak RSS | %.1f MB | < 200 MB at 10^6, about flat in N %s |' % (gh['rss'], 'met' if gh['rss'] < 200 else '**missed**' if n >= 1000000 else ''))
        if n >= 1000000:
            summary.append((n, 'ghgcalc RSS MB', gh['rss'], gh['rss'] < 200))
    if p and gh:
        rw, rm = ratio(p['wall'], gh['wall']), ratio(p['rss'], gh['rss'])
        goal = n >= 100000
        L.append('| Python / ghgcalc, wall | %.1f | >= 10 at 10^5 and 10^6 %s |' % (rw, ('met' if rw >= 10 else '**missed**') if goal else '(10^4: informative)'))
        L.append('| Python / ghgcalc, peak RSS | %.1f | >= 20 at 10^5 and 10^6 %s |' % (rm, ('met' if rm >= 20 else '**missed**') if goal else '(10^4: informative)'))
        if goal:
            summary.append((n, 'python/ghgcalc wall', rw, rw >= 10))
            summary.append((n, 'python/ghgcalc RSS', rm, rm >= 20))
    L.append('')
for (n, ny) in sorted(srows):
    g = srows[(n, ny)].get
    y, x, gh, p = g('s_yaml_events'), g('s_xlsx_cells'), g('s_ghgcalc'), g('s_python')
    key = '%d:%d' % (n, ny)
    cells = ''
    try:
        cells = open(os.path.join(out, 's_cells-%s.stdout' % key)).read().strip()
    except OSError:
        pass
    L.append('## Intensity: %d years x %s records a year (%s records)\n' % (ny, format(n, ','), format(n * ny, ',')))
    L.append('`ghgcalc intensity` on `bench/gen_series.py %d %d`: a synthetic series (made-up GDP, population and '
             'energy; no targets) whose every year names its own generated inventory of %s records, so the run '
             'loads and computes %d inventories and writes a small workbook (%s cells) and its CSV and JSON.\n'
             % (n, ny, format(n, ','), ny, cells or '?'))
    L.append("| program | wall s | user s | sys s | peak RSS MB | others' CPU s |\n|---|---:|---:|---:|---:|---:|")
    lim = limit_of(y, x)
    if lim:
        L.append('| libyaml event loop over the series and its %d inventories (`yaml_events`) | %s |' % (ny, fmt(y)))
        L.append('| libxlsxwriter, about as many cells (`xlsx_cells`) | %s |' % fmt(x))
        L.append('| **limit** = the two above (RSS: the larger) | %s |' % fmt(lim, True))
    if gh:
        L.append('| ghgcalc intensity (workbook + CSV + JSON) | %s |' % fmt(gh))
    if p:
        L.append('| Python: PyYAML C loader + pandas + openpyxl (`bench/python_intensity.py`) | %s |' % fmt(p))
    else:
        L.append('| Python: PyYAML C loader + pandas + openpyxl | not run (BENCH_PY_MAX=%d) | | | | |' % py_max)
    L.append('')
    python_notes(stdout('s_python', key),
                 'Python stages: PyYAML %s s, pandas and the indicators %s s, openpyxl + CSV %s s.', 'Yearly figures')
    L.append('')
    L.append('| ratio | measured | goal |\n|---|---:|---|')
    if lim and gh:
        r = gh['wall'] / lim['wall']
        L.append('| ghgcalc / limit, wall | %.2f | <= 1.3 %s |' % (r, 'met' if r <= 1.3 else '**missed**'))
        summary.append(('%s x %d' % (format(n, ','), ny), 'intensity: ghgcalc/limit wall', r, r <= 1.3))
    if p and gh:
        # as for the inventory: the Python goals hold from 10^5 records (here: a year) on
        rw, rm = p['wall'] / gh['wall'], p['rss'] / gh['rss']
        goal = n >= 100000
        info = '(10^4 a year: informative)'
        L.append('| Python / ghgcalc, wall | %.1f | >= 10 %s |' % (rw, ('met' if rw >= 10 else '**missed**') if goal else info))
        L.append('| Python / ghgcalc, peak RSS | %.1f | >= 20 %s |' % (rm, ('met' if rm >= 20 else '**missed**') if goal else info))
        if goal:
            summary.append(('%s x %d' % (format(n, ','), ny), 'intensity: python/ghgcalc wall', rw, rw >= 10))
            summary.append(('%s x %d' % (format(n, ','), ny), 'intensity: python/ghgcalc RSS', rm, rm >= 20))
    L.append('')
L.append('## Goals (issue 5)\n')
L.append('| N | measure | value | goal met |\n|---:|---|---:|---|')
for n, what, v, ok in summary:
    L.append('| %s | %s | %.2f | %s |' % (n if isinstance(n, str) else format(n, ','), what, v, 'yes' if ok else '**no**'))
if py_max < 1000000 and (1000000, 'python') not in rows:
    L.append('\nThe Python equivalent ran up to N = %s only (BENCH_PY_MAX); `make bench BENCH_PY_MAX=1000000` '
             'runs it at 10^6 too (about 7 GB of memory).' % format(py_max, ','))
extra = os.path.join(os.path.dirname(results), 'RESULTS-notes.md')
if os.path.exists(extra):
    L.append('')
    L.append(open(extra, encoding='utf-8').read().rstrip())
open(results, 'w', encoding='utf-8').write('\n'.join(L) + '\n')
print('bench: wrote %s' % results)
PYEOF
