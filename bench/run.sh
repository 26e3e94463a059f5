#!/usr/bin/env bash
# The benchmark (called by `make bench`): ghgcalc against the raw libraries and a Python equivalent.
# usage: bench/run.sh [N...]          default N: 10000 100000 1000000
#        (inventory command: N records; intensity command: BENCH_SERIES below)
# env:   BENCH_MIXES="uniform realistic"  the inventories measured at every N: `gen_inventory.py --mix ...`
#                              (uniform: the mix of every earlier result; realistic: issue 17's mix with
#                              Tier 2 overrides, volumes, not_estimated), each also timed under `ghgcalc check`
#                              for the SCALING section
#        BENCH_CALLGRIND_MAX=100000  largest N whose `ghgcalc check` is also counted in instructions under
#                              valgrind --tool=callgrind (0 skips; 10^6 takes about 50x the native time)
#        BENCH_CALLGRIND_RUN_MAX=10000  largest N whose whole run on the realistic mix (and its limit) is also
#                              counted in instructions (about 4 minutes at 10^4; 0 skips)
#        BENCH_MEM_PARTS=1     run bench/mem_parts (memory by structure) on the largest realistic inventory
#        BENCH_PY_MAX=100000   largest N for the Python equivalent (about 7 GB and 10 minutes at 10^6);
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
mixes=${BENCH_MIXES-uniform realistic}
cg_max=${BENCH_CALLGRIND_MAX:-100000}
cgrun_max=${BENCH_CALLGRIND_RUN_MAX:-10000}
mem_parts=${BENCH_MEM_PARTS:-1}
py=/usr/bin/python3
ns=("$@")
[ ${#ns[@]} -gt 0 ] || ns=(10000 100000 1000000)
mkdir -p "$out"
tsv=$out/results.tsv
cgtsv=$out/callgrind.tsv   # "N name instructions" of the callgrind runs
report_only=${BENCH_REPORT_ONLY:-}
if [ -n "$report_only" ]; then
  [ -s "$tsv" ] || { echo "bench: BENCH_REPORT_ONLY: no $tsv from an earlier run" >&2; exit 1; }
  report_ns=$(awk '$1 !~ /:/ {print $1}' "$tsv" | sort -nu | tr '\n' ' ')
  ns=()
  series_ns=
else
  report_ns="${ns[*]}"
  : >"$tsv"
  : >"$cgtsv"
  rm -f "$out"/*.walls
  rm -f "$out/mem_parts.stdout"
  # the ghgcalc measured: its commit, the last commit that changed its sources, and whether they differ from it
  rev=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
  src=$(git log -1 --format=%h -- calc reports Makefile 2>/dev/null || echo '?')
  [ "$src" = "$rev" ] || rev="$rev (calc, reports and Makefile as of $src)"
  [ -z "$(git status --porcelain -- calc reports Makefile 2>/dev/null)" ] || rev="$rev with uncommitted changes"
  echo "$rev" >"$out/results.rev"
  echo "$repeat" >"$out/results.repeat"
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
calc_pkgs="yaml-0.1 minizip libxml-2.0" # calc/ reads YAML, and workbooks for `ghgcalc import`
rm -f "$out"/obj/*.o
for f in calc/*.c; do # calc/ without the command line (it calls the writers): the engine alone
  case $(basename "$f") in main.c | cli*.c | cmd_*.c) continue ;; esac
  gcc -std=c11 $CFLAGS_B -D_POSIX_C_SOURCE=200809L -DGHGCALC_VERSION='"bench"' -DGHGCALC_DATADIR='"/nonexistent"' \
    $(pkg-config --cflags $calc_pkgs) -c -o "$out/obj/$(basename "$f" .c).o" "$f"
done
gcc -std=c11 $CFLAGS_B -D_POSIX_C_SOURCE=200809L -Icalc -o "$out/engine_only" bench/engine_only.c "$out"/obj/*.o \
  $(pkg-config --libs $calc_pkgs) -lm
gcc -std=c11 $CFLAGS_B -D_GNU_SOURCE -Icalc -o "$out/mem_parts" bench/mem_parts.c "$out"/obj/*.o \
  $(pkg-config --libs $calc_pkgs) -lm
have_cg=no
if [ -z "$report_only" ] && { [ "$cg_max" -gt 0 ] || [ "$cgrun_max" -gt 0 ]; }; then
  if command -v valgrind >/dev/null; then have_cg=yes; else say "callgrind counts skipped: needs valgrind (Debian)"; fi
fi
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
# $out/NAME-N.stdout. Called again for the same NAME and N, it keeps the faster of the two
# (so runs of several programs can alternate); every run's wall time is appended to $out/NAME-N.walls.
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
    echo "${t%% *}" >>"$out/$name-$n.walls"
    if [ -z "$best" ] || awk -v a="${t%% *}" -v b="${best%% *}" 'BEGIN {exit !(a < b)}'; then
      best=$t
      cp "$out/stdout.tmp" "$out/$name-$n.stdout"
    fi
  done
  local prev
  prev=$(awk -v n="$n" -v m="$name" '$1 == n && $2 == m {print $3}' "$tsv")
  if [ -n "$prev" ]; then # measured before in this run: the faster stays
    if awk -v a="${best%% *}" -v b="$prev" 'BEGIN {exit !(a < b)}'; then
      awk -v n="$n" -v m="$name" '!($1 == n && $2 == m)' "$tsv" >"$tsv.tmp" && mv "$tsv.tmp" "$tsv"
    else
      say "N=$n $name: wall user sys rssKB othersCPU = $best (kept: $prev s)"
      return
    fi
  fi
  echo "$n $name $best" >>"$tsv"
  if [ "$name" = python ] || [ "$name" = r_python ]; then
    echo "$n $(date -u +%Y-%m-%dT%H:%MZ) $best" >>"$out/$name-history.tsv"
    cp "$out/$name-$n.stdout" "$out/$name-history-$n.stdout"
  fi
  say "N=$n $name: wall user sys rssKB othersCPU = $best"
}

# callgrind NAME N -- CMD...: instructions executed by CMD (valgrind --tool=callgrind), as "N NAME Ir" in $cgtsv.
callgrind() {
  local name=$1 n=$2
  shift 3
  if ! valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$out/cg.tmp"; then
    say "callgrind $name at N=$n failed:"; cat "$out/cg.tmp" >&2; exit 1
  fi
  local ir
  ir=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$out/cg.tmp" | tail -n 1)
  echo "$n $name $ir" >>"$cgtsv"
  say "N=$n $name: $ir instructions (callgrind)"
}

# gen MIX N FILE: the inventory, generated again when it is missing or older than what it is made from.
gen() {
  local mix=$1 n=$2 f=$3 dep stale=no
  local deps=(bench/gen_inventory.py bench/factorfile.py factors/ipcc2006-energy.yaml)
  [ "$mix" = uniform ] || deps+=(bench/gen_realistic.py factors/china-energy.yaml)
  [ -f "$f" ] || stale=yes
  for dep in "${deps[@]}"; do
    if [ "$dep" -nt "$f" ]; then stale=yes; fi
  done
  if [ "$stale" = yes ]; then
    say "generating $f"
    "$py" bench/gen_inventory.py "$n" "$f" --mix "$mix"
  fi
}

# The uniform mix: the programs of every earlier result, and `check` for the scaling section.
bench_uniform() {
  local n=$1 r=$2 inv=$out/inv-$1.yaml
  gen uniform "$n" "$inv"
  cat "$inv" >/dev/null   # warm the page cache: every program reads the file from memory
  rm -f "$out"/g-"$n".* "$out"/gx-"$n".* "$out"/x-"$n".xlsx "$out"/py-"$n".*
  measure yaml_events "$n" "$r" -- "$out/yaml_events" "$inv"
  measure xlsx_cells "$n" "$r" -- "$out/xlsx_cells" "$n" "$out/x-$n.xlsx" --factor-refs
  # --no-uncertainty: the Python equivalent computes no uncertainty either (bench/mc.sh measures that part)
  measure ghgcalc "$n" "$r" -- "$ghg" inventory "$inv" -o "$out/g-$n.xlsx" --quiet --no-uncertainty
  measure ghgcalc_xlsx "$n" "$r" -- "$ghg" inventory "$inv" -o "$out/gx-$n.xlsx" --quiet --no-csv-json --no-uncertainty
  measure engine_only "$n" "$r" -- "$out/engine_only" "$inv" factors
  measure check "$n" "$r" -- "$ghg" check "$inv" --factors factors --quiet
  if [ "$have_cg" = yes ] && [ "$n" -le "$cg_max" ]; then
    callgrind check "$n" -- "$ghg" check "$inv" --factors factors --quiet
  fi
  if [ "$have_py" = yes ] && [ "$n" -le "$py_max" ]; then
    measure python "$n" 1 -- "$py" bench/python_equiv.py "$inv" "$out/py-$n.xlsx" --check "$out/g-$n.json"
  fi
  rm -f "$out"/x-"$n".xlsx "$out"/gx-"$n".xlsx "$out"/py-"$n".xlsx "$out"/py-"$n".csv
}

# The realistic mix (names r_...): the limit with as many rows as ghgcalc writes (not_estimated gases
# have none), the workbook run, `check`, and the full run and Python only where Python runs (its check
# needs ghgcalc's JSON).
bench_realistic() {
  local n=$1 r=$2 inv=$out/inv-real-$1.yaml
  gen realistic "$n" "$inv"
  cat "$inv" >/dev/null
  rm -f "$out"/rg-"$n".* "$out"/rgx-"$n".* "$out"/rx-"$n".xlsx "$out"/rpy-"$n".*
  measure r_engine_only "$n" "$r" -- "$out/engine_only" "$inv" factors
  local lines
  lines=$(sed -n 's/.* lines \([0-9]*\) .*/\1/p' "$out/r_engine_only-$n.stdout")
  rm -f "$out"/r_ghgcalc_xlsx-"$n".walls "$out"/r_yaml_events-"$n".walls "$out"/r_xlsx_replay-"$n".walls
  measure r_xlsx_cells "$n" "$r" -- "$out/xlsx_cells" "$(( (lines + 2) / 3 ))" "$out/rx-$n.xlsx" --factor-refs
  measure r_ghgcalc_xlsx "$n" 1 -- "$ghg" inventory "$inv" -o "$out/rgx-$n.xlsx" --quiet --no-csv-json
  # the limit of the whole job: the bare library writing every cell of ghgcalc's workbook again (cell_dump.py:
  # the same numbers, texts, formulas and formats); and, informative, as many cells of each kind (cell_profile.py)
  "$py" bench/cell_dump.py "$out/rgx-$n.xlsx" "$out/rdump-$n.bin"
  "$py" bench/cell_profile.py "$out/rgx-$n.xlsx" >"$out/rprofile-$n.txt"
  measure r_xlsx_all "$n" "$r" -- "$out/xlsx_cells" --profile "$out/rprofile-$n.txt" "$out/rxa-$n.xlsx"
  cat "$out/rdump-$n.bin" >/dev/null
  # ghgcalc and its limit alternate (ghgcalc, event loop, replay; again): each pair's ratio in $out/*.walls
  local i
  for i in $(seq 1 "$r"); do
    [ "$i" = 1 ] || measure r_ghgcalc_xlsx "$n" 1 -- "$ghg" inventory "$inv" -o "$out/rgx-$n.xlsx" --quiet --no-csv-json
    measure r_yaml_events "$n" 1 -- "$out/yaml_events" "$inv"
    measure r_xlsx_replay "$n" 1 -- "$out/xlsx_cells" --replay "$out/rdump-$n.bin" "$out/rxr-$n.xlsx"
  done
  # the replay holds what ghgcalc's workbook holds: sheet by sheet the same rows, cells of each kind, text bytes
  if ! "$py" bench/cell_profile.py "$out/rxr-$n.xlsx" | cmp -s - "$out/rprofile-$n.txt"; then
    say "the replay's workbook differs from ghgcalc's at N=$n (bench/cell_profile.py $out/rxr-$n.xlsx)"; exit 1
  fi
  measure r_check "$n" "$r" -- "$ghg" check "$inv" --factors factors --quiet
  if [ "$have_cg" = yes ] && [ "$n" -le "$cg_max" ]; then
    callgrind r_check "$n" -- "$ghg" check "$inv" --factors factors --quiet
  fi
  if [ "$have_cg" = yes ] && [ "$n" -le "$cgrun_max" ]; then
    callgrind r_yaml_events "$n" -- "$out/yaml_events" "$inv"
    callgrind r_xlsx_cells "$n" -- "$out/xlsx_cells" "$(( (lines + 2) / 3 ))" "$out/rx-$n.xlsx" --factor-refs
    callgrind r_xlsx_all "$n" -- "$out/xlsx_cells" --profile "$out/rprofile-$n.txt" "$out/rxa-$n.xlsx"
    callgrind r_xlsx_replay "$n" -- "$out/xlsx_cells" --replay "$out/rdump-$n.bin" "$out/rxr-$n.xlsx"
    callgrind r_ghgcalc_xlsx "$n" -- "$ghg" inventory "$inv" -o "$out/rgx-$n.xlsx" --quiet --no-csv-json
  fi
  if [ "$have_py" = yes ] && [ "$n" -le "$py_max" ]; then
    measure r_ghgcalc "$n" "$r" -- "$ghg" inventory "$inv" -o "$out/rg-$n.xlsx" --quiet
    measure r_python "$n" 1 -- "$py" bench/python_equiv.py "$inv" "$out/rpy-$n.xlsx" --check "$out/rg-$n.json"
  fi
  rm -f "$out"/rdump-"$n".bin "$out"/rxr-"$n".xlsx
  rm -f "$out"/rx-"$n".xlsx "$out"/rxa-"$n".xlsx "$out"/rgx-"$n".xlsx "$out"/rg-"$n".xlsx "$out"/rpy-"$n".xlsx "$out"/rpy-"$n".csv
}

for n in "${ns[@]}"; do
  r=$repeat
  [ "$n" -lt 1000000 ] || r=1
  for mix in $mixes; do
    "bench_$mix" "$n" "$r"
  done
done

# Memory by structure on the largest realistic inventory (bench/RESULTS-notes.md explains the parts).
if [ "$mem_parts" = 1 ] && [ ${#ns[@]} -gt 0 ] && [[ " $mixes " == *" realistic "* ]]; then
  big=$(printf '%s\n' "${ns[@]}" | sort -n | tail -n 1)
  "$out/mem_parts" "$out/inv-real-$big.yaml" factors >"$out/mem_parts.stdout"
  echo "records_file $big" >>"$out/mem_parts.stdout"
  say "mem_parts at N=$big: $(tr '\n' ' ' <"$out/mem_parts.stdout")"
fi

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
[ -z "$report_only" ] || repeat=$(cat "$out/results.repeat" 2>/dev/null || echo "$repeat")
"$py" bench/report.py "$tsv" "$out" "$results" "$ghg" "$py_max" "$repeat" "${report_ns% }"
