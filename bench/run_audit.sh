#!/usr/bin/env bash
# The audit benchmark (`make bench-audit`; not part of `make test`): `ghgcalc audit` end to end over N synthetic
# reports against a Python peer of the same checks, in the same run; writes bench/RESULTS-audit.md and puts it
# in bench/RESULTS.md (bench/run.sh keeps it there when it rewrites that file).
# usage: bench/run_audit.sh [N]        default N: 10000
# env:   BENCH_REPEAT=3                runs of ghgcalc, the fastest kept (the Python peer runs once)
#        GHGCALC=path                  a ghgcalc binary to measure instead of building one with `make`
#        BENCH_OUT=bench/out           scratch folder (inputs and outputs; gitignored)
# Each program runs under /usr/bin/time -f '%e %U %S %M' (wall s, user s, sys s, peak RSS KB); "others' CPU"
# is what the rest of the machine used meanwhile (from /proc/stat): near 0 on an idle machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-10000}
out=${BENCH_OUT:-bench/out}
repeat=${BENCH_REPEAT:-3}
py=/usr/bin/python3
reports=$out/audit-$n
mkdir -p "$out"
say() { echo "bench: $*" >&2; }

if [ -n "${GHGCALC:-}" ]; then
  ghg=$GHGCALC
else
  make -s ghgcalc >/dev/null
  ghg=./ghgcalc
fi
# calc/ without the command line and the writers: the audit alone (bench/audit_only.c)
mkdir -p "$out/obj"
for f in calc/*.c; do
  case $(basename "$f") in main.c | cli*.c | cmd_*.c) continue ;; esac
  o=$out/obj/$(basename "$f" .c).o
  if [ ! -f "$o" ] || [ "$f" -nt "$o" ] || [ -n "$(find calc -name '*.h' -newer "$o" -print -quit)" ]; then
    gcc -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -DGHGCALC_VERSION='"bench"' -DGHGCALC_DATADIR='"/nonexistent"' \
      $(pkg-config --cflags yaml-0.1 minizip libxml-2.0) -c -o "$o" "$f"
  fi
done
gcc -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -Icalc -o "$out/audit_only" bench/audit_only.c \
  $(find "$out/obj" -name '*.o' | sort) $(pkg-config --libs yaml-0.1 minizip libxml-2.0) -lm

if [ ! -d "$reports" ] || [ bench/gen_reports.py -nt "$reports" ]; then
  say "generating $n synthetic reports in $reports"
  rm -rf "$reports"
  "$py" bench/gen_reports.py "$n" "$reports" >"$out/audit-gen.txt"
fi
cat "$reports"/*.yaml >/dev/null # the page cache: every program reads the files from memory

busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

# measure NAME RUNS CMD...: the fastest of RUNS runs as "wall user sys rss_kb others" in $out/audit-NAME.time,
# its stdout in $out/audit-NAME.stdout. An exit status of 1 (findings) is a success here.
measure() {
  local name=$1 runs=$2 best="" b0 b1 t
  shift 2
  for _ in $(seq 1 "$runs"); do
    b0=$(busy)
    /usr/bin/time -f '%e %U %S %M' -o "$out/time.tmp" "$@" >"$out/stdout.tmp" 2>"$out/stderr.tmp" || [ $? -eq 1 ] ||
      { say "$name failed:"; cat "$out/stderr.tmp" >&2; exit 1; }
    b1=$(busy)
    t=$(tail -n 1 "$out/time.tmp")
    t="$t $(echo "$t" | awk -v b="$((b1 - b0))" '{o = b / 100 - $2 - $3; if (o < 0) o = 0; printf "%.2f", o}')"
    if [ -z "$best" ] || awk -v a="${t%% *}" -v b="${best%% *}" 'BEGIN {exit !(a < b)}'; then
      best=$t
      cp "$out/stdout.tmp" "$out/audit-$name.stdout"
    fi
  done
  echo "$best" >"$out/audit-$name.time"
  say "$name: wall user sys rssKB othersCPU = $best"
}

rules=rules/verification-default.yaml
measure ghgcalc "$repeat" "$ghg" audit "$reports" -o "$out/audit-g.xlsx" --factors factors --rules "$rules" --quiet
measure audit_only "$repeat" "$out/audit_only" "$rules" factors "$reports"/*.yaml
measure python 1 "$py" bench/python_audit.py "$rules" factors "$reports" "$out/audit-py.csv" --check "$out/audit-g.csv"

"$py" - "$out" "$n" "$ghg" "$repeat" <<'PYEOF'
import datetime, os, re, subprocess, sys
out, n, ghg, repeat = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def fig(name):
    w, u, s, rss, o = open(os.path.join(out, 'audit-%s.time' % name)).read().split()
    return dict(wall=float(w), user=float(u), sys=float(s), rss=int(rss) / 1024.0, others=float(o))

def text(name):
    return open(os.path.join(out, 'audit-%s.stdout' % name), encoding='utf-8').read()

def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()

g, a, p = fig('ghgcalc'), fig('audit_only'), fig('python')
gen = open(os.path.join(out, 'audit-gen.txt')).read().strip() if os.path.exists(os.path.join(out, 'audit-gen.txt')) else ''
size = sum(os.path.getsize(os.path.join(out, 'audit-%d' % n, f)) for f in os.listdir(os.path.join(out, 'audit-%d' % n)))
xlsx = os.path.getsize(os.path.join(out, 'audit-g.xlsx')) / 1e6
rev = sh('git rev-parse --short HEAD') + (' with uncommitted changes' if sh('git status --porcelain -- calc reports') else '')
L = ['## The audit: %s synthetic reports\n' % format(n, ','),
     'Measured %s by `bench/run_audit.sh %d` (`make bench-audit`), ghgcalc git %s, on the machine above '
     '(%s logical CPUs). Reproduce on an idle machine with `make bench-audit`.\n'
     % (datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC'), n, rev, sh('nproc')),
     '**What runs.** `bench/gen_reports.py %d` (fixed seed) writes %s reports, %.1f MB of YAML: %s. They are '
     'SYNTHETIC (invented figures, labelled so in each file): coal power plants (one to three condensing units, '
     'twelve months of consumption, NCV and carbon content each), gas power plants and cement plants (a kiln\'s '
     'coal, clinker, purchased electricity); a third carry one or two faults (a 3 %% emission error, a kg/t slip, '
     'a month missing or reported late, a wrong grid factor, NCV or carbon out of range, ...).\n'
     % (n, format(n, ','), size / 1e6, gen.replace('gen_reports: ', '')),
     '* **ghgcalc** = `ghgcalc audit DIR -o OUT.xlsx --quiet`: the audit on one thread per core, then the workbook '
     '(a large batch: Summary, Findings, Results of the inconsistent items, recalculation blocks of the reports '
     'with findings, Rules, About; docs/audit.md) with the CSV and JSON on a second thread, as users get it.',
     '* **audit only** = `bench/audit_only` (calc/ without the writers, one thread): load, recompute, rules.',
     '* **Python** = `bench/python_audit.py`: PyYAML\'s C loader and the standard library, the same checks with the '
     'thresholds and rows of the same rules file, one CSV row per finding; it then compares its findings with '
     'ghgcalc\'s CSV, rule by rule and report by report.',
     '* Wall, user and sys seconds and peak RSS from `/usr/bin/time`; ghgcalc and audit only: the fastest of %s '
     'runs; *others\' CPU s* is what the rest of the machine used meanwhile (0 on an idle machine).\n' % repeat,
     "| program | wall s | user s | sys s | peak RSS MB | others' CPU s |\n|---|---:|---:|---:|---:|---:|"]
for name, r in (('ghgcalc audit (workbook + CSV + JSON, %.1f MB workbook)' % xlsx, g),
                ('audit only, one thread (`audit_only`)', a), ('Python peer (`python_audit.py`)', p)):
    L.append('| %s | %.2f | %.2f | %.2f | %.1f | %.1f |' % (name, r['wall'], r['user'], r['sys'], r['rss'], r['others']))
L.append('')
m = re.search(r'ms_per_report ([0-9.]+)', text('audit_only'))
if m:
    L.append('The audit alone costs %s ms a report on one core (wall; %.2f ms of CPU). ghgcalc used %.2f s of CPU '
             'in all (user + sys) for the %s reports.' % (m.group(1), (a['user'] + a['sys']) * 1e3 / n,
                                                        g['user'] + g['sys'], format(n, ',')))
m = re.search(r'load ([0-9.]+)s check ([0-9.]+)s write ([0-9.]+)s', text('python'))
if m:
    L.append('Python: PyYAML %s s, the checks %s s, the CSV %s s.' % m.groups())
L.append('')
L.append('| ratio | measured | goal |\n|---|---:|---|')
L.append('| ghgcalc wall, %s reports | %.2f s | < 10 s %s |' % (format(n, ','), g['wall'],
         'met' if g['wall'] < 10 else '**missed**' + (' on a busy machine (below)' if g['others'] > 1 else '')))
cores = int(sh('nproc') or 1)
audit_cpu, all_cpu = a['user'] + a['sys'], g['user'] + g['sys']
estimate = audit_cpu / cores + (all_cpu - audit_cpu)
if g['others'] > 1:
    L.append('| ghgcalc CPU (user + sys), %s reports | %.2f s | |' % (format(n, ','), all_cpu))
    L.append('| estimate for an idle %d-core machine: audit CPU / %d + the rest | %.1f s | < 10 s %s |'
             % (cores, cores, estimate, 'met' if estimate < 10 else '**missed**'))
L.append('| Python / ghgcalc, wall | %.1f | (the peer writes a CSV only) |' % (p['wall'] / g['wall']))
L.append('| Python / ghgcalc, CPU (user + sys) | %.1f | |' % ((p['user'] + p['sys']) / max(g['user'] + g['sys'], 1e-9)))
L.append('| Python / ghgcalc audit only, CPU | %.1f | |' % ((p['user'] + p['sys']) / max(a['user'] + a['sys'], 1e-9)))
if g['others'] > 1:
    L.append('')
    L.append('The machine was busy while this ran: the rest of it used %.1f s of CPU during ghgcalc\'s %.1f s '
             '(other sessions\' tests, at their own share of the CPU). The wall times above are then not the '
             'machine\'s; the CPU times are. The estimate assumes the audit\'s threads split its CPU evenly '
             '(the reports are independent) and the writing takes the rest on one core (the CSV and JSON, on a '
             'second thread, take less than the workbook).' % (g['others'], g['wall']))
L.append('')
cmp = text('python')
tab = cmp[cmp.find('rule '):cmp.find('check:')].strip().split('\n') if 'rule ' in cmp else []
if tab:
    L.append('Findings per rule, ghgcalc against the Python peer (rules the peer does not implement: the generated '
             'reports have none of their inputs, and ghgcalc finds nothing for them either):\n')
    L.append('| rule | ghgcalc | Python | |\n|---|---:|---:|---|')
    for line in tab[1:]:
        parts = line.split(None, 3)
        if len(parts) >= 3 and not line.startswith('differs'):
            L.append('| `%s` | %s | %s | %s |' % (parts[0], parts[1], parts[2], parts[3].strip() if len(parts) > 3 else ''))
    L.append('')
c = re.search(r'check: .*', cmp)
if c:
    L.append('Comparison: %s.' % c.group(0).replace('check: ', ''))
notes = os.path.join('bench', 'RESULTS-audit-notes.md')
if os.path.exists(notes):
    L.append('')
    L.append(open(notes, encoding='utf-8').read().rstrip())
open(os.path.join('bench', 'RESULTS-audit.md'), 'w', encoding='utf-8').write('\n'.join(L) + '\n')
res = os.path.join('bench', 'RESULTS.md')
body = open(res, encoding='utf-8').read() if os.path.exists(res) else '# ghgcalc benchmark results\n'
start = body.find('## The audit:')
if start >= 0:
    end = body.find('\n## ', start + 3)
    body = body[:start] + (body[end + 1:] if end >= 0 else '')
open(res, 'w', encoding='utf-8').write(body.rstrip() + '\n\n' + '\n'.join(L) + '\n')
print('bench: wrote bench/RESULTS-audit.md and its section of bench/RESULTS.md')
PYEOF
