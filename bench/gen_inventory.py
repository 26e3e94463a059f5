#!/usr/bin/python3
"""gen_inventory.py - writes a benchmark inventory of N activity records (standard library only).

usage: bench/gen_inventory.py N OUT.yaml [--mix uniform|realistic] [--factors factors/ipcc2006-energy.yaml]
                              [--seed 20200]

--mix uniform (the default, the mix of every earlier benchmark result) is fixed
by the seed: IPCC categories 1.A.1.a to 1.A.4.c (energy
industries, the 13 manufacturing subsectors, road transport, commercial,
residential, agriculture), each with the fuels for which the factor set has an
NCV per mass, a CO2 factor and CH4 and N2O factors in that category; amounts in
t, 10^4 t, 万吨, Gg or TJ; sources drawn from a pool of 40; every record has a
unique id, so none is a duplicate. Records are written in block style as users
write them, about 150 bytes each.

--mix realistic (bench/gen_realistic.py) is a Chinese city's mix: 25 fuels in
20 categories of 1.A with china-energy and ipcc2006-energy, amounts in mass,
energy and volume units, about 18 % of records with Tier 2 overrides, some
with an uncertainty or not_estimated; the sets are read from the folder of
--factors.
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import factorfile  # noqa: E402
import gen_realistic  # noqa: E402

CATEGORIES = [
    # (code, weight): more records in manufacturing and residential, as city inventories have
    ('1.A.1.a', 3), ('1.A.1.a.i', 2), ('1.A.1.a.ii', 2), ('1.A.1.a.iii', 2), ('1.A.1.b', 1), ('1.A.1.c', 1),
    ('1.A.2.a', 3), ('1.A.2.b', 2), ('1.A.2.c', 3), ('1.A.2.d', 2), ('1.A.2.e', 2), ('1.A.2.f', 3),
    ('1.A.2.g', 1), ('1.A.2.h', 1), ('1.A.2.i', 1), ('1.A.2.j', 1), ('1.A.2.k', 2), ('1.A.2.l', 1),
    ('1.A.2.m', 2), ('1.A.3.b', 2), ('1.A.3.b.i', 2), ('1.A.3.b.ii', 1), ('1.A.3.b.iii', 2),
    ('1.A.3.b.iv', 1), ('1.A.4.a', 3), ('1.A.4.b', 4), ('1.A.4.c', 2),
]
# unit, weight, typical amount range in that unit (log-uniform)
UNITS = [('t', 3, (50.0, 2e5)), ('10^4 t', 3, (0.05, 300.0)), ('万吨', 2, (0.05, 300.0)),
         ('Gg', 1, (0.05, 3000.0)), ('TJ', 2, (5.0, 5e4))]
SOURCES = ['energy balance %d, table %d' % (2020, t) for t in range(1, 11)] + \
          ['enterprise report, plant %03d' % p for p in range(1, 21)] + \
          ['statistical yearbook 2021, ch. %d' % c for c in range(1, 7)] + \
          ['survey of %s' % s for s in ('boilers', 'vehicle fleet', 'households', 'farms')]


def fuels_for(entries, category):
    keys = sorted({e['key'] for e in entries})
    out = []
    for k in keys:
        ncv = factorfile.resolve(entries, k, category, 'ncv')
        if not ncv or ncv[1] != 'TJ/Gg':
            continue
        if all(factorfile.resolve(entries, k, category, p) for p in ('co2', 'ch4', 'n2o')):
            out.append(k)
    return out


def write_inventory(path, n, seed=20200, year=2020, factors=None, mix='uniform'):
    """Writes a benchmark inventory of n records for `year` to `path` (via a
    temporary file renamed into place); the same (n, seed, year, mix) give the same bytes."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    factors = factors or os.path.join(root, 'factors', 'ipcc2006-energy.yaml')
    if mix == 'realistic':
        tmp = path + '.tmp'
        with open(tmp, 'w', encoding='utf-8', newline='\n') as f:
            gen_realistic.write_realistic(f, n, seed, year, os.path.dirname(os.path.abspath(factors)))
        os.replace(tmp, path)
        return
    entries = factorfile.load(factors)
    rng = random.Random(seed)
    cats = [(c, w, fuels_for(entries, c)) for c, w in CATEGORIES]
    cats = [c for c in cats if c[2]]
    cat_codes = [c[0] for c in cats]
    cat_w = [c[1] for c in cats]
    fuels = {c[0]: c[2] for c in cats}
    unit_names = [u[0] for u in UNITS]
    unit_w = [u[1] for u in UNITS]
    unit_rng = {u[0]: u[2] for u in UNITS}
    width = len(str(n))
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# Benchmark inventory: %d synthetic activity records (bench/gen_inventory.py, seed %d).\n'
                % (n, seed))
        f.write('inventory: bench-%d\ntitle: "synthetic benchmark inventory, %d records"\nregion: Benchland\n'
                'year: %d\ngwp: ar5\nfactor_sets: [ipcc2006-energy]\nactivities:\n' % (n, n, year))
        buf = []
        for i in range(n):
            cat = rng.choices(cat_codes, cat_w)[0]
            fuel = rng.choice(fuels[cat])
            unit = rng.choices(unit_names, unit_w)[0]
            lo, hi = unit_rng[unit]
            amount = lo * (hi / lo) ** rng.random()
            amount = float('%.5g' % amount)
            text = ('%.6f' % amount).rstrip('0').rstrip('.')
            buf.append('  - category: "%s"\n    fuel: %s\n    amount: %s\n    unit: %s\n    source: "%s"\n'
                       '    id: r%0*d\n' % (cat, fuel, text, unit, rng.choice(SOURCES), width, i + 1))
            if len(buf) == 4096:
                f.write(''.join(buf))
                buf = []
        f.write(''.join(buf))
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('n', type=int)
    ap.add_argument('out')
    ap.add_argument('--mix', choices=['uniform', 'realistic'], default='uniform')
    ap.add_argument('--factors')
    ap.add_argument('--seed', type=int, default=20200)
    a = ap.parse_args()
    write_inventory(a.out, a.n, a.seed, factors=a.factors, mix=a.mix)


if __name__ == '__main__':
    main()
