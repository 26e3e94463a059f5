#!/usr/bin/python3
"""python_intensity.py - the intensity job computed as a user would otherwise write it in Python.

usage: bench/python_intensity.py SERIES.yaml OUT.xlsx [--factors DIR] [--check GHGCALC.json]

For the benchmark series of bench/gen_series.py: every year's inventory is
loaded and computed as bench/python_equiv.py does (PyYAML's C loader, pandas);
the series with PyYAML; standard coal per item with the GB/T 2589 coefficient
of the series' factor set (electricity by the series' coal rate, the
coal-consumption method); then CO2, CO2e and energy per 10^4 yuan of GDP and
per person, written with openpyxl (write_only) and pandas (CSV). It covers the
units the generated series uses, not every unit ghgcalc accepts.

With --check, each year's co2_t, co2e_t, energy_tce (coal-rate method) and
co2_t_per_1e4_yuan are compared with ghgcalc's JSON and must agree to 1e-9
relative; prints `check: agree ...` or `check: DISAGREE ...` (exit 1).
"""
import argparse
import json
import os
import sys
import time

import pandas as pd
from openpyxl import Workbook

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import python_equiv  # noqa: E402

# amount unit x coefficient unit -> tce, for the units bench/gen_series.py writes
TCE_PER = {('10^4 t', 'kgce/kg'): 1e4,          # 10^4 t = 10^7 kg; kgce -> tce / 1000
           ('10^8 m3', 'kgce/m3'): 1e5,         # 10^8 m3; kgce -> tce / 1000
           ('10^8 kWh', 'gce/kWh'): 1e2}        # 10^8 kWh; gce -> tce / 10^6
MONEY_1E4_YUAN = {'10^8 yuan': 1e4, '10^4 yuan': 1.0}
PERSONS = {'10^4 person': 1e4, 'person': 1.0}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('series')
    ap.add_argument('out')
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument('--factors', default=os.path.join(root, 'factors'))
    ap.add_argument('--check', help="ghgcalc's intensity JSON to compare the yearly figures with")
    a = ap.parse_args()
    t0 = time.monotonic()
    s = python_equiv.load_yaml(a.series)
    sce = {}
    for name in s.get('factor_sets', ['china-energy']):
        for e in python_equiv.load_yaml(os.path.join(a.factors, name + '.yaml'))['factors']:
            if 'sce' in e and 'fuel' in e and e['fuel'] not in sce:
                sce[e['fuel']] = (float(e['sce']['value']), e['sce']['unit'])
    default_rate = s['electricity']['coal_rate']
    here = os.path.dirname(os.path.abspath(a.series))
    rows, load_s, compute_s = [], 0.0, 0.0
    for y in s['years']:
        r = python_equiv.compute(os.path.join(here, y['inventory']), a.factors)
        load_s += r['load_s']
        compute_s += r['compute_s']
        gdp = y['gdp']
        real = float(gdp['value']) * MONEY_1E4_YUAN[gdp['unit']] * 100.0 / float(gdp.get('deflator', 100))
        persons = float(y['population']['value']) * PERSONS[y['population']['unit']]
        rate = y.get('coal_rate', default_rate)
        energy = []
        for it in y['energy']:
            if it['fuel'] == 'electricity':
                energy.append(float(it['amount']) * float(rate['value']) * TCE_PER[(it['unit'], rate['unit'])])
            else:
                v, u = sce[it['fuel']]
                energy.append(float(it['amount']) * v * TCE_PER[(it['unit'], u)])
        tce = sum(energy)
        co2, co2e = r['by_gas']['CO2'], r['total']
        rows.append(dict(year=y['year'], gdp_real_1e4_yuan=real, population_persons=persons, co2_t=co2, co2e_t=co2e,
                         energy_tce=tce, co2_t_per_1e4_yuan=co2 / real, co2e_t_per_1e4_yuan=co2e / real,
                         energy_tce_per_1e4_yuan=tce / real, co2_t_per_person=co2 / persons))
        del r
    df = pd.DataFrame(rows)
    t_calc = time.monotonic()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet('Indicators')
    ws.append(list(df.columns))
    for row in df.itertuples(index=False, name=None):
        ws.append(list(row))
    wb.save(a.out)
    df.to_csv(os.path.splitext(a.out)[0] + '.csv', index=False, float_format='%.17g')
    t_write = time.monotonic()
    print('python_intensity: %d years; load %.1fs compute %.1fs write %.2fs'
          % (len(df), load_s, t_calc - t0 - load_s, t_write - t_calc))
    if not a.check:
        return 0
    with open(a.check, encoding='utf-8') as f:
        theirs = {y['year']: y for y in json.load(f)['years']}
    worst, where = 0.0, ''
    for row in rows:
        g = theirs[row['year']]
        for key, other in (('co2_t', g['co2_t']), ('co2e_t', g['co2e_t']), ('energy_tce', g['energy_tce']['coal_rate']),
                           ('co2_t_per_1e4_yuan', g['co2_t_per_1e4_yuan'])):
            rel = abs(other - row[key]) / max(abs(other), abs(row[key]), 1e-300)
            if rel >= worst:
                worst, where = rel, '%s %d' % (key, row['year'])
    ok = worst <= 1e-9
    print('check: %s: %d years x 4 figures, largest relative difference %.3g (%s; limit 1e-9)'
          % ('agree' if ok else 'DISAGREE', len(rows), worst, where))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
