#!/usr/bin/python3
"""gen_series.py - writes a benchmark intensity series: Y years, each with its own inventory of N records.

usage: bench/gen_series.py N Y OUT_DIR [--first-year 2015]

Writes OUT_DIR/series-N-Y.yaml and, for each year, OUT_DIR/inv-N-YEAR.yaml
(bench/gen_inventory.py with the seed 20200 + YEAR, so every year has a
different record mix). The series' GDP, population, coal rate and energy list
are synthetic: smooth made-up growth paths of plausible magnitude, not
statistics of any region. No targets file (the run's exit status is then 0).
Format: docs/intensity.md.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_inventory  # noqa: E402


def series_text(n, years, inv_name):
    base = years[len(years) // 2]
    out = ['# Benchmark intensity series (bench/gen_series.py): %d years of %d synthetic records each.' % (len(years), n),
           '# Synthetic: GDP, population, coal rates and energy are made-up growth paths, not statistics.',
           'series: bench-%d-%d' % (n, len(years)),
           'title: "synthetic benchmark series, %d years x %d records"' % (len(years), n),
           'region: Benchland',
           'base_year: %d' % base,
           'price_base: %d' % base,
           'factor_sets: [china-energy]',
           'electricity:',
           '  method: coal_rate',
           '  coal_rate: {value: 305.5, unit: gce/kWh, source: "synthetic"}',
           'years:']
    for k, y in enumerate(years):
        g = 1.055 ** k
        out += ['  - year: %d' % y,
                '    inventory: %s' % inv_name(y),
                '    gdp: {value: %.1f, unit: 10^8 yuan, prices: constant, source: "synthetic"}' % (1200.0 * g),
                '    population: {value: %.2f, unit: 10^4 person, source: "synthetic"}' % (380.0 - 1.5 * k),
                '    energy:',
                '      - {fuel: raw_coal, amount: %.1f, unit: 10^4 t, source: "synthetic"}' % (1700.0 - 12.0 * k),
                '      - {fuel: natural_gas, amount: %.3f, unit: 10^8 m3, source: "synthetic"}' % (2.7 + 0.2 * k),
                '      - {fuel: diesel, amount: %.1f, unit: 10^4 t, source: "synthetic"}' % (48.0 + 0.5 * k),
                '      - {fuel: electricity, kind: primary_electricity, amount: %d, unit: 10^8 kWh, source: "synthetic"}'
                % (38 + 3 * k),
                '      - {fuel: electricity, kind: net_import_electricity, amount: %d, unit: 10^8 kWh, source: "synthetic"}'
                % (-25 + 2 * k)]
    return '\n'.join(out) + '\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('n', type=int)
    ap.add_argument('years', type=int)
    ap.add_argument('out_dir')
    ap.add_argument('--first-year', type=int, default=2015)
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    years = list(range(a.first_year, a.first_year + a.years))
    inv_name = lambda y: 'inv-%d-%d.yaml' % (a.n, y)  # noqa: E731
    for y in years:
        path = os.path.join(a.out_dir, inv_name(y))
        if not os.path.exists(path):
            gen_inventory.write_inventory(path, a.n, seed=20200 + y, year=y)
    path = os.path.join(a.out_dir, 'series-%d-%d.yaml' % (a.n, a.years))
    with open(path + '.tmp', 'w', encoding='utf-8', newline='\n') as f:
        f.write(series_text(a.n, years, inv_name))
    os.replace(path + '.tmp', path)
    print(path)


if __name__ == '__main__':
    main()
