#!/usr/bin/env bash
# Refreshes the seed corpora fuzz/corpus/<harness>/ from the repository's own YAML files:
# inventories/**, tests/fixtures/**, and the trimmed factor files (fuzz/trim_factors.py).
# Each file goes to the harness for its kind, told by its first top-level key: inventory ->
# fuzz_inventory, factor_set -> fuzz_factor_set, gwp_sets -> fuzz_gwp, series and targets ->
# fuzz_series, report -> fuzz_audit; files over 16 KB are
# skipped (libFuzzer works on small inputs). Names are prefixed by their folder so that they
# do not collide; seeds added by hand (not from these folders) are kept.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 fuzz/trim_factors.py factors "$tmp/factors"
n=0
while IFS= read -r -d '' f; do
  [ "$(stat -c %s "$f")" -le 16384 ] || continue
  key=$(grep -m 1 -E '^[A-Za-z_]+:' "$f" | cut -d: -f1 || true)
  case $key in
    factor_set) h=fuzz_factor_set ;;
    gwp_sets) h=fuzz_gwp ;;
    series|targets) h=fuzz_series ;;
    report) h=fuzz_audit ;;
    '') h=fuzz_inventory ;;
    *) h=fuzz_inventory ;;
  esac
  rel=${f#"$root"/}; rel=${rel#"$tmp"/}
  name=$(echo "$rel" | tr '/' '_')
  mkdir -p "fuzz/corpus/$h"
  cp "$f" "fuzz/corpus/$h/$name"
  n=$((n + 1))
done < <(find "$root/inventories" "$root/tests/fixtures" "$tmp/factors" -name '*.yaml' -type f -print0 | sort -z)
echo "seed: $n files copied into fuzz/corpus/"
