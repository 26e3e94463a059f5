#!/usr/bin/env bash
# Replays every saved input through its harness: fuzz/regressions/<harness>/* (crashes, leaks and
# timeouts found so far) and the seed corpus fuzz/corpus/<harness>/*. Builds the harnesses first.
# Prints one line per harness and exits 0 only when every input ran clean.
# usage: fuzz/replay.sh [HARNESS...]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for f in fuzz/fuzz_*.c; do harnesses+=("$(basename "$f" .c)"); done
fi
fuzz/build.sh "${harnesses[@]}" >/dev/null || { echo "replay: build failed" >&2; exit 2; }
status=0
for h in "${harnesses[@]}"; do
  h=${h%.c}; h=${h#fuzz/}
  files=()
  for f in fuzz/regressions/"$h"/* fuzz/corpus/"$h"/*; do
    [ -f "$f" ] && files+=("$f")
  done
  [ ${#files[@]} -gt 0 ] || continue
  bad=0
  for f in "${files[@]}"; do
    if ! out=$(build/fuzz/"$h" -timeout=10 -rss_limit_mb=2048 "$f" </dev/null 2>&1); then
      bad=$((bad + 1))
      echo "replay: $h FAILED on $f"
      printf '%s\n' "$out" | grep -E 'ERROR|SUMMARY|runtime error|#[0-9]+ 0x' | head -12 | sed 's/^/    /'
    fi
  done
  echo "replay: $h: $((${#files[@]} - bad)) of ${#files[@]} inputs clean"
  [ "$bad" -eq 0 ] || status=1
done
exit $status
