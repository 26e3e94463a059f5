#!/usr/bin/env bash
# Runs each libFuzzer harness for TIME seconds (called by `make fuzz FUZZ_TIME=60`).
# usage: fuzz/run.sh [TIME] [HARNESS...]      TIME default 60; HARNESS default all fuzz/fuzz_*.c
# env:   FUZZ_WORKERS (default: nproc)  parallel fuzzing processes per harness, sharing one corpus
#        FUZZ_MAX_LEN (default 8192)    largest input libFuzzer generates
#        FUZZ_RELOAD (default 30)       seconds between re-reads of the shared corpus by each worker
#                                       (libFuzzer's default of 1 s stats every file of a large corpus
#                                       each second: 12 % of the time with 17,000 files)
#        FUZZ_RUNS (default: none)      stop a harness once its workers have executed this many
#                                       inputs in all (each worker runs FUZZ_RUNS / workers); TIME
#                                       still caps it
#        FUZZ_PATCHED (default 1)       fuzz calc/ with fuzz/known-bugs/*.patch applied (see build.sh)
#        ASAN_OPTIONS (default quarantine_size_mb=16): a smaller quarantine than ASan's 256 MB makes
#                                       these allocation-heavy harnesses about 1.5x faster
# Working corpora grow in fuzz/corpus-run/<harness>/ (gitignored), seeded from fuzz/corpus/<harness>/.
# Every crash, leak, timeout or OOM input is copied to fuzz/regressions/<harness>/ and the run
# exits 1. Stop a run with Ctrl-C or `kill -TERM PID`: the summary is still written. A worker that stops on a finding is restarted until TIME is used up. The summary lines
# (harness, executions, seconds, findings) are also appended to fuzz/corpus-run/summary.txt.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
time_s=${1:-60}
shift || true
case $time_s in ''|*[!0-9]*) echo "fuzz/run.sh: TIME must be whole seconds, not '$time_s'" >&2; exit 2;; esac
workers=${FUZZ_WORKERS:-$(nproc)}
max_len=${FUZZ_MAX_LEN:-8192}
reload=${FUZZ_RELOAD:-30}
runs=${FUZZ_RUNS:-}
case $runs in *[!0-9]*) echo "fuzz/run.sh: FUZZ_RUNS must be a whole number, not '$runs'" >&2; exit 2;; esac
runs_opt=()
[ -n "$runs" ] && runs_opt=(-runs=$(( (runs + workers - 1) / workers )))
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for f in fuzz/fuzz_*.c; do harnesses+=("$(basename "$f" .c)"); done
fi
# Bugs already reported are patched out of the copy being fuzzed (fuzz/known-bugs/, see build.sh),
# so that a campaign finds new ones; FUZZ_PATCHED=0 fuzzes calc/ exactly as it is.
export FUZZ_PATCHED=${FUZZ_PATCHED:-1}
fuzz/build.sh "${harnesses[@]}" || exit 2
bindir=build/fuzz
[ "$FUZZ_PATCHED" = 1 ] && bindir=build/fuzz/patched
run=fuzz/corpus-run
mkdir -p "$run"
status=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16}

# One worker: libFuzzer until the deadline, restarted after each finding. Its
# current libFuzzer pid is kept in $run/HARNESS.workerW.pid so that an
# interrupted run can stop it with SIGINT (libFuzzer then prints its stats).
worker() {
  local h=$1 w=$2 deadline=$3 log=$4
  local bin=$bindir/$h art=$run/artifacts/$h/
  while [ ! -e "$run/stop" ]; do
    local now left
    now=$(date +%s)
    left=$((deadline - now))
    [ "$left" -ge 2 ] || break
    "$bin" -max_total_time="$left" "${runs_opt[@]}" -timeout=10 -rss_limit_mb=2048 -reload="$reload" -max_len="$max_len" \
      -dict=fuzz/dict/ghgcalc.dict -print_final_stats=1 -artifact_prefix="$art" \
      "$run/$h" "fuzz/corpus/$h" </dev/null >>"$log" 2>&1 &
    echo $! >"$run/$h.worker$w.pid"
    wait $!
    local rc=$?
    echo "worker-exit: $rc" >>"$log"
    [ "$rc" -ne 0 ] || break    # time or runs used up; a finding exits non-zero and restarts
  done
  rm -f "$run/$h.worker$w.pid"
}

# Ctrl-C or kill: stop every libFuzzer of this run, then report what ran.
stop_run() {
  touch "$run/stop"
  interrupted=1
  for f in "$run"/*.worker*.pid; do
    [ -f "$f" ] && kill -INT "$(cat "$f")" 2>/dev/null
  done
}
rm -f "$run/stop"
trap stop_run INT TERM

for h in "${harnesses[@]}"; do
  h=${h%.c}; h=${h#fuzz/}
  mkdir -p "$run/$h" "$run/artifacts/$h" "fuzz/regressions/$h"
  # A working corpus of many thousand files (most of them superseded) is merged down to the
  # inputs that keep its coverage before the run: it loads faster and re-reads cheaper.
  if [ "$(find "$run/$h" -type f | wc -l)" -gt 4000 ]; then
    rm -rf "$run/$h.merged" && mkdir -p "$run/$h.merged"
    if "$bindir/$h" -merge=1 -max_len="$max_len" "$run/$h.merged" "$run/$h" >"$run/$h.merge.log" 2>&1; then
      echo "fuzz: $h: corpus merged from $(find "$run/$h" -type f | wc -l) to $(find "$run/$h.merged" -type f | wc -l) inputs"
      rm -rf "$run/$h" && mv "$run/$h.merged" "$run/$h"
    else
      rm -rf "$run/$h.merged"
    fi
  fi
  before=$(find "$run/artifacts/$h" -type f | wc -l)
  deadline=$(( $(date +%s) + time_s ))
  start=$(date +%s)
  pids=()
  for w in $(seq 1 "$workers"); do
    log=$run/$h.worker$w.log
    : >"$log"
    worker "$h" "$w" "$deadline" "$log" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do
    while kill -0 "$p" 2>/dev/null; do wait "$p"; done
  done
  secs=$(( $(date +%s) - start ))
  execs=$(cat "$run/$h".worker*.log | sed -n 's/^stat::number_of_executed_units: *//p' | awk '{s+=$1} END {print s+0}')
  cov=$(grep -h -o 'cov: [0-9]*' "$run/$h".worker*.log | awk '{if ($2>m) m=$2} END {print m+0}')
  found=0
  for a in "$run/artifacts/$h"/*; do
    [ -f "$a" ] || continue
    b=$(basename "$a")
    if [ ! -f "fuzz/regressions/$h/$b" ]; then
      cp "$a" "fuzz/regressions/$h/$b"
    fi
  done
  found=$(( $(find "$run/artifacts/$h" -type f | wc -l) - before ))
  line="$(date -u +%Y-%m-%dT%H:%MZ) $h: $execs executions in ${secs}s on $workers workers, max cov $cov, $found new finding(s)"
  echo "$line" | tee -a "$run/summary.txt"
  if [ "$found" -gt 0 ]; then
    status=1
    grep -h -E '^(SUMMARY|==[0-9]+==ERROR)' "$run/$h".worker*.log | sort | uniq -c | sed 's/^/    /'
  fi
  [ -z "${interrupted:-}" ] || break
done
rm -f "$run/stop"
# Leftover scratch folders of workers that stopped on a finding (their atexit did not run).
for d in /dev/shm/ghgcalc-fuzz-* /tmp/ghgcalc-fuzz-*; do
  [ -d "$d" ] || continue
  pid=${d##*-}
  kill -0 "$pid" 2>/dev/null || rm -rf "$d"
done
exit $status
