#!/usr/bin/env bash
# Hostile inputs against the limits of issue 5: each must fail fast (under 1 s) with exit 2 and a
# clear message, for both `ghgcalc check` and `ghgcalc inventory`.
# usage: fuzz/hostile/check.sh [GHGCALC]        (default ./ghgcalc)
# The small files are kept here; the large ones are generated into a scratch folder:
#   topkeys-200k.yaml   200,000 keys in the top-level mapping (2.4 MB)
#   errflood-2m.yaml    2,000,000 activity items that are not mappings (8 MB): 2 million errors
#   huge-1100m.yaml     a sparse 1.1 GB file (over the 1 GiB file limit; no disk space used)
#   scalar-200m.yaml    one 200 MB scalar (refused once 1.25 MiB have gone by without a YAML
#                       event, before libyaml holds the scalar)
# and /dev/zero is given as the inventory itself.
# Prints one line per case ("ok" or "FAIL") with time, peak RSS, exit status and the first message;
# exits 1 if any case failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
ghg=${1:-./ghgcalc}
limit_s=${HOSTILE_LIMIT_S:-1}
tmp=$(mktemp -d /tmp/ghgcalc-hostile.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
with open(d + '/topkeys-200k.yaml', 'w') as f:
    f.write('inventory: k\nyear: 2020\nfactor_sets: [ipcc2006-energy]\nactivities: []\n')
    f.writelines('k%07d: 1\n' % i for i in range(200000))
with open(d + '/errflood-2m.yaml', 'w') as f:
    f.write('inventory: e\nyear: 2020\nfactor_sets: [ipcc2006-energy]\nactivities:\n')
    f.writelines('- 1\n' for i in range(2000000))
with open(d + '/scalar-200m.yaml', 'w') as f:
    f.write('inventory: big\nyear: 2020\nfactor_sets: [ipcc2006-energy]\ntitle: "')
    for i in range(200):
        f.write('x' * 1000000)
    f.write('"\nactivities: []\n')
PY
truncate -s 1100M "$tmp/huge-1100m.yaml"
cases=()
for f in fuzz/hostile/*.yaml; do cases+=("$f"); done
cases+=("$tmp/topkeys-200k.yaml" "$tmp/errflood-2m.yaml" "$tmp/huge-1100m.yaml" "$tmp/scalar-200m.yaml" /dev/zero)
fail=0
for f in "${cases[@]}"; do
  for cmd in check inventory; do
    args=(check "$f")
    [ "$cmd" = inventory ] && args=(inventory "$f" -o "$tmp/out.xlsx" --quiet)
    # 10 s hard stop so that a hang is reported, not waited for
    /usr/bin/time -f '%e %M' -o "$tmp/time" timeout 10 "$ghg" "${args[@]}" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    read -r secs rss < <(tail -n 1 "$tmp/time") || { secs=10; rss=0; }
    [ "$rc" -eq 124 ] && secs=">10"
    msg=$(grep -m 1 -E 'error' "$tmp/err" | cut -c1-160)
    ok=yes
    [ "$rc" -eq 2 ] || ok=no
    [ "$secs" != ">10" ] && awk -v s="$secs" -v l="$limit_s" 'BEGIN {exit !(s < l)}' || ok=no
    [ -n "$msg" ] || ok=no
    [ "$ok" = yes ] && word=ok || { word=FAIL; fail=1; }
    printf '%-4s %-9s %-40s %6ss %7s KB  exit %-3s %s\n' "$word" "$cmd" "$(basename "$f")" "$secs" "$rss" "$rc" "$msg"
  done
done
exit $fail
