#!/usr/bin/python3
"""report.py - writes bench/RESULTS.md from a benchmark run's figures (called by bench/run.sh).

usage: bench/report.py RESULTS.tsv OUT_DIR RESULTS.md GHGCALC PY_MAX REPEAT "N..."
"""
import datetime, os, platform, re, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report_scaling as scaling  # noqa: E402
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
for pname in ('python', 'r_python'):
    earlier = {}
    hist = os.path.join(out, '%s-history.tsv' % pname)
    if os.path.exists(hist):
        for line in open(hist):
            n, when, wall, user, sys_, rss, others = line.split()
            earlier[int(n)] = (when, dict(wall=float(wall), user=float(user), sys=float(sys_), rss=int(rss) / 1024.0,
                                          others=float(others)))
    for n in {k[0] for k in rows if k[1].startswith('r_') == (pname == 'r_python')}:
        if (n, pname) not in rows and n in earlier:
            rows[(n, pname)] = dict(earlier[n][1], when=earlier[n][0])

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

The **realistic mix** (`bench/gen_inventory.py N --mix realistic`, issue 17; sections "realistic mix" and
*Scaling*) looks like a Chinese city's inventory: factor sets china-energy and ipcc2006-energy, 25 fuels in 20
categories of 1.A, amounts in mass, energy (TJ, GJ, tce) and volume units (natural gas and coke oven gas in
10^4 Nm3, 万立方米, m3, 亿立方米), about 18 %% of the records with Tier 2 overrides on the record (natural gas by
volume with the supplier's NCV; plant NCVs, CO2 factors, carbon contents with oxidation, CH4 factors), 30 %%
with an uncertainty, 3 %% with `not_estimated: [ch4, n2o]` (those get one calculation row, not three),
about 175 bytes a record. Its run is the default one (with the uncertainty analysis and its sheet), and
its **limit writes every cell of ghgcalc's workbook again**: `bench/cell_dump.py` reads ghgcalc's workbook and
dumps every cell as it is stored (the number; the text; the formula and its cached result; its style), and
`xlsx_cells --replay` writes those cells with the bare library (the dump mapped in memory, so reading it costs
next to nothing), a format wherever ghgcalc had one, with constant_memory exactly when ghgcalc used it: the
bare library doing the workbook's whole job, on the same data (the run checks that `bench/cell_profile.py`
counts the same rows, cells and text bytes in both workbooks). The replay's peak RSS counts the pages of its
mapped dump, so the limit's RSS is that of the event loop and the profile limit. Charts, merged ranges, column widths, validations and colour rules, a few per sheet, are left
out of the replay. The two earlier limits are shown beside it: as many cells of each kind and mean length
as every sheet holds, but with synthetic content (`xlsx_cells --profile`; its padded texts, unformatted cells
and formula results of one digit compress and print faster than the workbook's real ones), and the
Calculation rows only. ghgcalc and its limit run alternately (ghgcalc, the event loop, the replay; BENCH_REPEAT
times below 10^6, once at 10^6), and the goal is judged on the median of the pairs' wall-time ratios.

* **limit** = `bench/yaml_events` (a bare libyaml event loop over the same file) + `bench/xlsx_cells`
  (bare libxlsxwriter writing the same number of cells as ghgcalc's Calculation sheets, 25 columns,
  the same mix of 6 formulas with cached values (3 of them the NCV, EF and GWP as references to a
  Factors sheet, `--factor-refs`), 5 numbers and 13 strings a row; constant_memory and ZIP64 from
  200,000 rows, a new sheet every 1,048,575 rows, as ghgcalc does).
* **ghgcalc** = `ghgcalc inventory FILE -o OUT.xlsx --quiet --no-uncertainty`, which also writes OUT.csv (every row) and
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
for n in sorted({k[0] for k in rows if not k[1].startswith('r_')}):
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
summary += scaling.realistic_sections(L, rows, out, py_max, fmt, limit_of, python_notes, stdout)
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
summary += scaling.scaling_section(L, rows, out, results)
L.append('## Goals (issues 5 and 17)\n')
L.append('| N | measure | value | goal met |\n|---:|---|---:|---|')
for n, what, v, ok in summary:
    L.append('| %s | %s | %.2f | %s |' % (n if isinstance(n, str) else format(n, ','), what, v, 'yes' if ok else '**no**'))
if py_max < 1000000 and (1000000, 'python') not in rows:
    L.append('\nThe Python equivalent ran up to N = %s only (BENCH_PY_MAX); `make bench BENCH_PY_MAX=1000000` '
             'runs it at 10^6 too (about 7 GB of memory).' % format(py_max, ','))
# Sections written by the other benchmarks, kept: bench/mc.sh (Monte Carlo), bench/run_audit.sh (audit),
# bench/run_project.sh (projection).
for name in ('RESULTS-notes.md', 'RESULTS-mc.md', 'RESULTS-audit.md', 'RESULTS-project.md'):
    extra = os.path.join(os.path.dirname(results), name)
    if os.path.exists(extra):
        L.append('')
        L.append(open(extra, encoding='utf-8').read().rstrip())
open(results, 'w', encoding='utf-8').write('\n'.join(L) + '\n')
print('bench: wrote %s' % results)
