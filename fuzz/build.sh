#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan + UBSan).
# usage: fuzz/build.sh [HARNESS...]     default: every fuzz/fuzz_*.c
# env:   CLANG=clang-14                 the compiler
#        FUZZ_PATCHED=1                 build from a copy of calc/ with fuzz/known-bugs/*.patch
#                                       applied, into build/fuzz/patched/ (used by fuzz/run.sh, so a
#                                       campaign is not stopped again and again by a bug already
#                                       reported); a patch that no longer applies (the bug was fixed
#                                       in calc/) is skipped with a note. Default: calc/ as it is, into
#                                       build/fuzz/ (used by fuzz/replay.sh).
# The library objects (calc/ without the command line: main.c, cli*.c, cmd_*.c) are built with -fsanitize=fuzzer-no-link so that
# libFuzzer sees their coverage. The harnesses search build/fuzz/factors, a trimmed copy of
# factors/ made by fuzz/trim_factors.py.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
CLANG=${CLANG:-clang}
command -v "$CLANG" >/dev/null || { echo "fuzz: $CLANG not found: apt-get install clang" >&2; exit 2; }
out=build/fuzz
src=calc
if [ "${FUZZ_PATCHED:-0}" = 1 ]; then
  out=build/fuzz/patched
  mkdir -p "$out/src/calc"
  # Fresh copy, keeping timestamps so unchanged files are not rebuilt.
  rm -rf "$out/src.new" && mkdir -p "$out/src.new" && cp -a calc "$out/src.new/"
  for p in fuzz/known-bugs/*.patch; do
    [ -f "$p" ] || continue
    if (cd "$out/src.new" && patch -p1 --forward --silent --dry-run <"$root/$p" >/dev/null 2>&1); then
      (cd "$out/src.new" && patch -p1 --forward --silent <"$root/$p")
      echo "fuzz: applied $p (a bug already reported)"
    else
      echo "fuzz: skipped $p (does not apply: fixed in calc/?)"
    fi
  done
  for f in "$out"/src.new/calc/*; do
    cmp -s "$f" "$out/src/calc/$(basename "$f")" || cp -p "$f" "$out/src/calc/"
  done
  for f in "$out"/src/calc/*; do
    [ -e "$out/src.new/calc/$(basename "$f")" ] || rm -f "$f"
  done
  rm -rf "$out/src.new"
  src=$out/src/calc
fi
obj=$out/obj
mkdir -p "$obj" build/fuzz
pkg=$(pkg-config --cflags yaml-0.1 minizip libxml-2.0)
libs=$(pkg-config --libs yaml-0.1 minizip libxml-2.0)
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
common="-std=c11 -g -O1 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -DGHGCALC_VERSION=\"fuzz\" -DGHGCALC_DATADIR=\"/nonexistent\" $pkg -I$src"
# Trimmed copies of factors/ (see fuzz/trim_factors.py): the harnesses search these.
/usr/bin/python3 fuzz/trim_factors.py factors build/fuzz/factors
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for f in fuzz/fuzz_*.c; do harnesses+=("$(basename "$f" .c)"); done
fi
objs=()
for s in "$src"/*.c; do
  case "$(basename "$s")" in main.c | cli*.c | cmd_*.c) continue ;; esac
  o=$obj/$(basename "$s" .c).o
  if [ ! -f "$o" ] || [ "$s" -nt "$o" ] || [ -n "$(find "$src" -name '*.h' -newer "$o" -print -quit)" ]; then
    echo "  CC      $s"
    # sha256.c (hashing every input byte) gets ASan+UBSan but no coverage instrumentation: its
    # branches do not depend on the data, and traced it was a quarter of fuzz_series's time.
    cov=-fsanitize=fuzzer-no-link
    [ "$(basename "$s")" = sha256.c ] && cov=
    # shellcheck disable=SC2086
    $CLANG $common $san $cov -c -o "$o" "$s"
  fi
  objs+=("$o")
done
for o in "$obj"/*.o; do   # objects of files since removed from calc/
  [ -e "$src/$(basename "$o" .o).c" ] || rm -f "$o"
done
for h in "${harnesses[@]}"; do
  h=${h%.c}; h=${h#fuzz/}
  echo "  LINK    $out/$h"
  # shellcheck disable=SC2086
  $CLANG $common $san -fsanitize=fuzzer -Ifuzz -DGHG_FUZZ_FACTORS="\"$root/build/fuzz/factors\"" \
    -DGHG_FUZZ_RULES="\"$root/rules/verification-default.yaml\"" \
    -o "$out/$h" "fuzz/$h.c" "${objs[@]}" $libs -lm
done
