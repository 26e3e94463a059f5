"""report_scaling.py - the realistic mix's sections and the SCALING section of bench/RESULTS.md (issue 17).

Called by bench/report.py. Reads, besides the run's rows: OUT/callgrind.tsv
("N name instructions"), OUT/mem_parts.stdout ("name value") and OUT/results.rev;
writes OUT/scaling.tsv (the figures this section is made of) and, when
bench/scaling-before.tsv exists (a copy of an earlier run's scaling.tsv),
sets this run beside it in a BEFORE / AFTER table.
"""
import math
import os

GOAL_DECADE = 11.0    # issue 17: at most about 11x the CPU for 10x the records
GOAL_LIMIT = 1.3      # issue 5 and 17: the whole run within 1.3x the bare libraries
GOAL_RSS_MB = 200.0   # issue 17: peak RSS under 200 MB at 10^6 records
MIXES = [('uniform', ''), ('realistic', 'r_')]
SAVED = ['check', 'r_check', 'r_yaml_events', 'r_xlsx_cells', 'r_xlsx_all', 'r_xlsx_replay', 'r_ghgcalc_xlsx',
         'r_engine_only']


def _read(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except OSError:
        return ''


def _cpu(fig):
    return fig['user'] + fig['sys']


def _wb(rows, n, p):
    """The limit's workbook program (`rows`: any figures keyed by (N, name)): every cell of ghgcalc's workbook written again (xlsx_replay: `xlsx_cells
    --replay` of cell_dump.py's dump) where it was measured, else as many cells of each kind (xlsx_all:
    `xlsx_cells --profile`, runs before the replay), else the Calculation rows only (xlsx_cells)."""
    for wb in ('xlsx_replay', 'xlsx_all'):
        if (n, p + wb) in rows:
            return p + wb
    return p + 'xlsx_cells'


def _median(xs):
    xs = sorted(xs)
    k = len(xs)
    return (xs[k // 2] + xs[(k - 1) // 2]) / 2 if k else None


def paired(out, n):
    """The whole run / its limit pair by pair, as they alternated (run.sh: ghgcalc, event loop, replay; again):
    (median, min, max, pairs) of the wall-time ratios, or None."""
    def walls(name):
        return [float(x) for x in _read(os.path.join(out, '%s-%d.walls' % (name, n))).split()]
    g, y, x = walls('r_ghgcalc_xlsx'), walls('r_yaml_events'), walls('r_xlsx_replay')
    rs = [a / (b + c) for a, b, c in zip(g, y, x) if b + c > 0]
    return (_median(rs), min(rs), max(rs), len(rs)) if rs else None


def _limit(rows, n, p, wb=None):
    """The limit: the libyaml event loop and a workbook program (default: _wb) one after the other."""
    y, x = rows.get((n, p + 'yaml_events')), rows.get((n, wb or _wb(rows, n, p)))
    if not (y and x):
        return None
    return dict(wall=y['wall'] + x['wall'], user=y['user'] + x['user'], sys=y['sys'] + x['sys'],
                rss=max(y['rss'], x['rss']), others=y['others'] + x['others'])


def _ns(rows, name):
    return sorted(n for n, nm in rows if nm == name)


def load_run(out):
    """The scaling figures of the run in `out`: rows (only what this section needs), callgrind counts,
    memory parts and the revision."""
    cg = {}
    for line in _read(os.path.join(out, 'callgrind.tsv')).splitlines():
        n, name, ir = line.split()
        if ir:
            cg[(int(n), name)] = int(ir)
    mem = dict(line.split(None, 1) for line in _read(os.path.join(out, 'mem_parts.stdout')).splitlines() if line)
    return cg, mem, _read(os.path.join(out, 'results.rev')).strip() or '?'


def save(path, rows, cg, mem, rev):
    """Writes the figures this section is made of, in the form load_saved reads."""
    lines = ['rev %s' % rev]
    for (n, name), f in sorted(rows.items()):
        if name in SAVED and 'when' not in f:
            lines.append('row %d %s %.2f %.2f %.2f %.1f %.2f' % (n, name, f['wall'], f['user'], f['sys'], f['rss'],
                                                                 f['others']))
    lines += ['cg %d %s %d' % (n, name, ir) for (n, name), ir in sorted(cg.items())]
    lines += ['mem %s %s' % kv for kv in mem.items()]
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


def load_saved(path):
    """(rows, cg, mem, rev) of a file that save() wrote, or None."""
    text = _read(path)
    if not text:
        return None
    rows, cg, mem, rev = {}, {}, {}, '?'
    for line in text.splitlines():
        kind, rest = line.split(' ', 1)
        if kind == 'rev':
            rev = rest
        elif kind == 'row':
            n, name, wall, user, sys_, rss, others = rest.split()
            rows[(int(n), name)] = dict(wall=float(wall), user=float(user), sys=float(sys_), rss=float(rss),
                                        others=float(others))
        elif kind == 'cg':
            n, name, ir = rest.split()
            cg[(int(n), name)] = int(ir)
        elif kind == 'mem':
            k, v = rest.split(' ', 1)
            mem[k] = v
    return rows, cg, mem, rev


def realistic_sections(L, rows, out, py_max, fmt, limit_of, python_notes, stdout):
    """One section per N of the realistic mix, like the uniform mix's; returns the goal lines."""
    summary = []
    for n in _ns(rows, 'r_check') or _ns(rows, 'r_ghgcalc_xlsx'):
        g = lambda name: rows.get((n, 'r_' + name))  # noqa: E731
        y, x, xa, xr, gx, gh, ck, eo, p = (g('yaml_events'), g('xlsx_cells'), g('xlsx_all'), g('xlsx_replay'),
                                           g('ghgcalc_xlsx'), g('ghgcalc'), g('check'), g('engine_only'),
                                           g('python'))
        path = os.path.join(out, 'inv-real-%d.yaml' % n)
        size = os.path.getsize(path) / 1e6 if os.path.exists(path) else float('nan')
        eos = stdout('r_engine_only', n)
        nl = int(eos.split(' lines ')[1].split()[0]) if ' lines ' in eos else 0
        L.append('## N = %s records, realistic mix (%.1f MB of YAML, %s calculation rows)\n'
                 % (format(n, ','), size, format(nl, ',')))
        L.append("| program | wall s | user s | sys s | peak RSS MB | others' CPU s |\n|---|---:|---:|---:|---:|---:|")
        lim, lim_all, lim_calc = limit_of(y, xr or xa or x), limit_of(y, xa), limit_of(y, x)
        if lim and xr:  # the replay's RSS counts its mapped dump: the library's is the profile limit's
            lim['rss'] = max(y['rss'], (xa or x)['rss'])
        if lim:
            L.append('| libyaml event loop (`yaml_events`) | %s |' % fmt(y))
            L.append('| libxlsxwriter, the Calculation rows only (`xlsx_cells`) | %s |' % fmt(x))
            if xa:
                L.append("| libxlsxwriter, as many cells of each kind as every sheet (`xlsx_cells --profile`) | %s |"
                         % fmt(xa))
            if xr:
                L.append("| libxlsxwriter, every cell of ghgcalc's workbook again (`xlsx_cells --replay`; its RSS "
                         "counts the dump it maps) | %s |" % fmt(xr))
            L.append('| **limit** = the event loop + %s (RSS: the larger%s) | %s |'
                     % ('every cell again' if xr else 'every sheet' if xa else 'the Calculation rows',
                        ' of the event loop and the profile limit' if xr else '', fmt(lim, True)))
        for fig, what in ((gx, 'ghgcalc, workbook only (`--no-csv-json`)'), (gh, 'ghgcalc (workbook + CSV + JSON)'),
                          (ck, '`ghgcalc check` (load + engine)'), (eo, 'ghgcalc load + engine only (`engine_only`)')):
            if fig:
                L.append('| %s | %s |' % (what, fmt(fig)))
        if p:
            when = ' (earlier run, %s)' % p['when'] if 'when' in p else ''
            L.append('| Python: PyYAML C loader + pandas + openpyxl%s | %s |' % (when, fmt(p)))
        else:
            L.append('| Python: PyYAML C loader + pandas + openpyxl | not run (BENCH_PY_MAX=%d) | | | | |' % py_max)
        L.append('')
        parts = eos.split()
        if 'load_s' in parts and y:
            load_s, eng_s = float(parts[parts.index('load_s') + 1]), float(parts[parts.index('engine_s') + 1])
            L.append('Stages: ghgcalc reads and checks the file in %.3f s (libyaml alone: %.2f s, so %.1fx) and '
                     'resolves and computes in %.3f s.' % (load_s, y['wall'], load_s / max(y['wall'], 1e-9), eng_s))
        ps = stdout('r_python', n)
        if p and 'when' in p:
            ps = _read(os.path.join(out, 'r_python-history-%d.stdout' % n))
        python_notes(ps, 'Python stages: PyYAML %s s, pandas %s s, openpyxl + CSV + JSON %s s.', 'Totals')
        L.append('')
        if lim and gx:
            rw, rc = gx['wall'] / lim['wall'], _cpu(gx) / max(_cpu(lim), 1e-9)
            pr = paired(out, n) if xr else None
            L.append('| ratio | measured | goal |\n|---|---:|---|')
            L.append('| ghgcalc (workbook only) / limit, wall, the fastest runs | %.2f | %s |'
                     % (rw, '(informative: the paired ratio below is the goal\'s figure)' if pr else
                        '<= 1.3 %s' % ('met' if rw <= GOAL_LIMIT else '**missed**')))
            L.append('| ghgcalc (workbook only) / limit, CPU | %.2f | (informative) |' % rc)
            if pr:
                L.append('| ghgcalc (workbook only) / limit, wall, median of %d alternated pairs (min to max) | '
                         '%.2f (%.2f to %.2f) | <= 1.3 %s |'
                         % (pr[3], pr[0], pr[1], pr[2], 'met' if pr[0] <= GOAL_LIMIT else '**missed**'))
            if xr and lim_all:
                L.append('| ghgcalc (workbook only) / the cell-profile limit, wall | %.2f | (informative) |'
                         % (gx['wall'] / lim_all['wall']))
            if (xa or xr) and lim_calc:
                L.append('| ghgcalc (workbook only) / the Calculation rows\' limit, wall | %.2f | (informative) |'
                         % (gx['wall'] / lim_calc['wall']))
            if p and gh:
                L.append('| Python / ghgcalc, wall | %.1f | (informative) |' % (p['wall'] / gh['wall']))
            judged, what = (pr[0], 'paired median') if pr else (rw, 'fastest runs')
            summary.append((n, 'realistic: ghgcalc/limit wall (%s)' % what, judged, judged <= GOAL_LIMIT))
            L.append('')
    return summary


def _decades(rows, cg, name):
    """[(n1, n2, cpu ratio, Ir ratio or None)] over consecutive sizes measured for `name`."""
    ns = _ns(rows, name)
    out = []
    for a, b in zip(ns, ns[1:]):
        cpu = _cpu(rows[(b, name)]) / max(_cpu(rows[(a, name)]), 0.005)
        ir = cg[(b, name)] / cg[(a, name)] if (a, name) in cg and (b, name) in cg else None
        out.append((a, b, cpu, ir))
    return out


def _pow10(n):
    e = math.log10(n) if n > 0 else 0
    return '10^%d' % round(e) if abs(e - round(e)) < 1e-9 else format(n, ',')


def measures(rows, cg):
    """The figures of the BEFORE / AFTER table: [(label, text)]."""
    m = []
    for a, b, cpu, ir in _decades(rows, cg, 'r_check'):
        m.append(('realistic, `check` CPU %s -> %s' % (_pow10(a), _pow10(b)),
                  '%.2f -> %.2f s (%.1fx)' % (_cpu(rows[(a, 'r_check')]), _cpu(rows[(b, 'r_check')]), cpu)))
        if ir:
            m.append(('realistic, `check` instructions %s -> %s' % (_pow10(a), _pow10(b)),
                      '%.2f -> %.2f G (%.1fx)' % (cg[(a, 'r_check')] / 1e9, cg[(b, 'r_check')] / 1e9, ir)))
    for n in _ns(rows, 'r_ghgcalc_xlsx'):
        gx = rows[(n, 'r_ghgcalc_xlsx')]
        for wb, label in (('r_xlsx_cells', 'limit'), ('r_xlsx_all', 'every-sheet limit'),
                          ('r_xlsx_replay', 'every-cell limit')):
            lim = _limit(rows, n, 'r_', wb)
            if lim:
                ri = _ir_ratio(cg, n, wb)
                m.append(('realistic, whole run / %s at %s' % (label, _pow10(n)), '%.2f wall (%.1f / %.1f s)%s'
                          % (gx['wall'] / lim['wall'], gx['wall'], lim['wall'],
                             ', %.2f instructions' % ri if ri else '')))
    big = max(_ns(rows, 'r_ghgcalc_xlsx') or [0])
    if big:
        f = rows[(big, 'r_ghgcalc_xlsx')]
        m.append(('realistic, peak RSS of the whole run at %s' % _pow10(big),
                  '%.1f MB (%.0f bytes a record)' % (f['rss'], f['rss'] * 1048576 / big)))
    for a, b, cpu, ir in _decades(rows, cg, 'check'):
        m.append(('uniform, `check` CPU %s -> %s' % (_pow10(a), _pow10(b)), '%.1fx' % cpu + (', %.1fx instructions' % ir
                                                                                           if ir else '')))
    return m


def _check_table(L, rows, cg):
    """The `check` table: CPU, instructions and RSS per mix and N; returns the goal lines."""
    summary = []
    L.append('| mix | N | CPU s (user + sys) | x per step, CPU | G instructions | x per step, instructions | '
             "peak RSS MB | RSS bytes a record | others' CPU s |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for mix, p in MIXES:
        name = p + 'check'
        steps = {b: (cpu, ir) for a, b, cpu, ir in _decades(rows, cg, name)}
        for n in _ns(rows, name):
            f = rows[(n, name)]
            cpu, ir = steps.get(n, (None, None))
            L.append('| %s | %s | %.2f | %s | %s | %s | %.1f | %.0f | %.1f |'
                     % (mix, format(n, ','), _cpu(f), '%.1f' % cpu if cpu else '',
                        '%.3f' % (cg[(n, name)] / 1e9) if (n, name) in cg else '', '%.1f' % ir if ir else '',
                        f['rss'], f['rss'] * 1048576 / n, f['others']))
        for a, b, cpu, ir in _decades(rows, cg, name):
            if b == 10 * a and mix == 'realistic':
                v, what = (ir, 'instructions') if ir else (cpu, 'CPU')
                summary.append(('%s -> %s' % (_pow10(a), _pow10(b)), 'realistic: check x per decade (%s)' % what, v,
                                v <= GOAL_DECADE))
    L.append('')
    return summary


def _limit_table(L, rows, cg, out):
    """The whole run against the limit on the realistic mix, per N; the goal is judged on the paired ratio
    where it was measured, else on the fastest runs' ratio."""
    L.append('| N | limit wall s (CPU s) | ghgcalc workbook only, wall s (CPU s) | ratio, wall | ratio, CPU | '
             'ratio, instructions | paired, wall | goal |\n|---:|---:|---:|---:|---:|---:|---:|---|')
    for n in _ns(rows, 'r_ghgcalc_xlsx'):
        lim, gx = _limit(rows, n, 'r_'), rows[(n, 'r_ghgcalc_xlsx')]
        if lim:
            rw, ri = gx['wall'] / lim['wall'], _ir_ratio(cg, n)
            pr = paired(out, n) if (n, 'r_xlsx_replay') in rows else None
            judged = pr[0] if pr else rw
            L.append('| %s | %.2f (%.2f) | %.2f (%.2f) | %.2f | %.2f | %s | %s | <= 1.3 %s |'
                     % (format(n, ','), lim['wall'], _cpu(lim), gx['wall'], _cpu(gx), rw, _cpu(gx) / _cpu(lim),
                        '%.2f' % ri if ri else '', '%.2f (%.2f to %.2f)' % pr[:3] if pr else '',
                        'met' if judged <= GOAL_LIMIT else '**missed**'))
    L.append('')


def _ir_ratio(cg, n, wb=None):
    """The whole run on the realistic mix / its limit (workbook program `wb`, default _wb's choice among
    those counted), in instructions, or None."""
    wb = wb or _wb(cg, n, 'r_')
    k = [(n, 'r_ghgcalc_xlsx'), (n, 'r_yaml_events'), (n, wb)]
    return cg[k[0]] / (cg[k[1]] + cg[k[2]]) if all(x in cg for x in k) else None


def _mem_table(L, mem):
    """Memory by structure from bench/mem_parts (sizes in MB)."""
    if 'records' not in mem:
        return
    v = {k: int(x) for k, x in mem.items() if x.strip().isdigit()}
    n = v['records']
    mb = lambda b: b / 1048576.0  # noqa: E731
    rest_pool = v['pool_bytes'] - v['override_pool_bytes'] - v['id_pool_bytes']
    load_other = v['heap_after_load'] - v['record_chunks_bytes'] - v['pool_bytes']
    eng = v['heap_after_engine'] - v['heap_after_load']
    eng_other = eng - v['eng_res_bytes'] - v['rec_res_bytes'] - v['factors_used_bytes']
    parts = [
        ('records: %d chunk(s) of 4096 `inv_record` (%d bytes each)' % ((n + 4095) // 4096, v['sizeof_inv_record']),
         v['record_chunks_bytes']),
        ('override values: %d `fset_param` (%d bytes each) + their unit and source texts, in the pool'
         % (v['overrides'], v['sizeof_fset_param']), v['override_pool_bytes']),
        ('record ids (copies, 16-byte pool slots)', v['id_pool_bytes']),
        ('rest of the pool (interned categories, fuels, units, sources)', rest_pool),
        ('other heap at the end of loading (intern table, factor sets, libyaml)', load_other),
        ('`eng_res`: %d resolutions (%d bytes each + malloc header + `owned` pointer): one per (category, fuel, '
         'unit), plus one per record with an override or not_estimated' % (v['eng_res_count'], v['sizeof_eng_res']),
         v['eng_res_bytes']),
        ('`rec_res`: one pointer a record', v['rec_res_bytes']),
        ('factors used: %d `eng_hit` (%d bytes each; array of the next power of two)'
         % (v['factors_used'], v['sizeof_eng_hit']), v['factors_used_bytes']),
        ('other engine heap (cache, totals, factor-set database)', eng_other),
    ]
    L.append('Memory by structure (`bench/mem_parts` on the realistic inventory of %s records, %d with overrides, '
             '%d with not_estimated; heap from mallinfo2):\n' % (format(n, ','), v['records_with_overrides'],
                                                                v['records_not_estimated']))
    L.append('| part | MB | bytes a record |\n|---|---:|---:|')
    for what, b in parts:
        L.append('| %s | %.1f | %.0f |' % (what, mb(b), b / n))
    L.append('| **heap in use after the engine** | **%.1f** | **%.0f** |' % (mb(v['heap_after_engine']),
                                                                          v['heap_after_engine'] / n))
    L.append('| peak RSS of `mem_parts` (heap + program + freed blocks kept by malloc) | %.1f | %.0f |'
             % (v['peak_rss_kb'] / 1024.0, v['peak_rss_kb'] * 1024.0 / n))
    L.append('')


def _before_after(L, rows, cg, rev, here, out):
    """BEFORE (bench/scaling-before.tsv) beside this run (unless this run is that one)."""
    path = os.path.join(here, 'scaling-before.tsv')
    before = load_saved(path)
    if not before:
        return
    brows, bcg, _, brev = before
    b, a = dict(measures(brows, bcg)), measures(rows, cg)
    same = _read(path) == _read(os.path.join(out, 'scaling.tsv'))
    L.append('BEFORE is `bench/scaling-before.tsv` (git %s); %s\n'
             % (brev, 'this run is that measurement (AFTER: not yet measured)' if same else
                'AFTER is this run (git %s)' % rev))
    L.append('| measure | before | after |\n|---|---|---|')
    labels = [k for k, _ in a] + [k for k in b if k not in dict(a)]
    for k in labels:
        L.append('| %s | %s | %s |' % (k, b.get(k, ''), '' if same else dict(a).get(k, '')))
    L.append('')


def scaling_section(L, rows, out, results):
    """The SCALING section; returns the goal lines. Writes OUT/scaling.tsv."""
    cg, mem, rev = load_run(out)
    if not _ns(rows, 'check') and not _ns(rows, 'r_check'):
        return []
    save(os.path.join(out, 'scaling.tsv'), rows, cg, mem, rev)
    L.append('## Scaling (issue 17)\n')
    L.append('`ghgcalc check FILE --factors factors` (load + engine, no writers) on both mixes. CPU s = user + sys '
             'of the fastest run; instructions from `valgrind --tool=callgrind` (BENCH_CALLGRIND_MAX). A step of 10x '
             'records should cost at most about 11x: the goal lines use the instruction counts where both sizes have '
             'them (timings of a few hundredths of a second are at the resolution of `/usr/bin/time` and move with '
             'the other processes on the machine), else the CPU time. Peak RSS a record is RSS / N (it includes the '
             'fixed few MB of the program, so it falls with N until the records dominate).\n')
    summary = _check_table(L, rows, cg)
    L.append('The whole run (`ghgcalc inventory FILE -o OUT.xlsx --no-csv-json`) on the realistic mix against the '
             'limit (`yaml_events` + `xlsx_cells --replay` writing every cell of ghgcalc\'s workbook again, from '
             '`bench/cell_dump.py`\'s dump; where that was not measured, `xlsx_cells --profile` or the Calculation '
             'rows only). *Paired* is the median of the wall-time ratios of runs that alternated, ghgcalc then its '
             'limit (min to max in brackets); it is the goal\'s figure where measured, since it does not move with '
             'the machine\'s speed between runs:\n')
    _limit_table(L, rows, cg, out)
    big = max(_ns(rows, 'r_ghgcalc_xlsx') or [0])
    if big >= 1000000:
        f = rows[(big, 'r_ghgcalc_xlsx')]
        summary.append((big, 'realistic: ghgcalc RSS MB', f['rss'], f['rss'] < GOAL_RSS_MB))
    _mem_table(L, mem)
    _before_after(L, rows, cg, rev, os.path.dirname(os.path.abspath(__file__)), out)
    return summary
