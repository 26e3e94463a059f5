#!/usr/bin/python3
"""python_equiv.py - the inventory computed as a user would otherwise write it in Python.

usage: bench/python_equiv.py INVENTORY.yaml OUT.xlsx [--factors DIR] [--check GHGCALC.json]

PyYAML's C loader (yaml.CSafeLoader) reads the inventory, the factor set and
gwp.yaml; pandas resolves the factors per (category, fuel), computes energy,
emissions and CO2e per record and gas, and the totals; openpyxl in write_only
mode writes the workbook (a Calculation sheet of the same 25 columns as
ghgcalc's, with the same three formulas a row, and a Summary sheet), and pandas
writes the CSV and the JSON totals beside it, as ghgcalc does by default.

With --check, the total CO2e is compared with ghgcalc's JSON output
(totals.t_co2e) and must agree to 1e-9 relative; the result is printed as
`check: agree ...` or `check: DISAGREE ...` (exit 1).
"""
import argparse
import json
import math
import os
import sys
import time

import pandas as pd
import yaml
from openpyxl import Workbook

# The units of the benchmark inventories: Gg per unit (mass) or TJ per unit (energy).
MASS_GG = {'t': 1e-3, '10^4 t': 10.0, '万吨': 10.0, 'Gg': 1.0, 'kt': 1.0}
ENERGY_TJ = {'TJ': 1.0, 'GJ': 1e-3}
NCV_UNIT = 'TJ/Gg'      # IPCC Table 1.2
EF_FACTOR = {'kg/TJ': 1e-3}  # TJ x kg/TJ = kg -> t
GASES = [('CO2', 'co2'), ('CH4', 'ch4'), ('N2O', 'n2o')]


def load_yaml(path):
    with open(path, 'rb') as f:
        return yaml.load(f, Loader=yaml.CSafeLoader)


def under(code, prefix):
    return code == prefix or code.startswith(prefix + '.')


def resolve(entries, key, category, param):
    best, best_d = None, -1
    for e in entries:
        if e.get('fuel', e.get('activity')) != key or param not in e:
            continue
        cat = e.get('category')
        if cat and not under(category, cat):
            continue
        d = cat.count('.') + 1 if cat else 0
        if d > best_d:
            best, best_d = e, d
    return best


def factor_table(fset, pairs):
    """One row per (category, fuel): ncv, ef per gas, ef factor per gas, biogenic, refs."""
    entries = fset['factors']
    rows = []
    for cat, fuel in pairs:
        row = {'category': cat, 'fuel': fuel}
        e = resolve(entries, fuel, cat, 'ncv')
        if e is None or e['ncv']['unit'] != NCV_UNIT:
            raise SystemExit('python_equiv: no NCV in %s for %s/%s' % (NCV_UNIT, cat, fuel))
        row['ncv'] = float(e['ncv']['value'])
        row['ncv_ref'] = '%s: %s' % (fset['factor_set'], e['ncv']['ref'])
        for gas, p in GASES:
            e = resolve(entries, fuel, cat, p)
            if e is None:
                raise SystemExit('python_equiv: no %s factor for %s/%s' % (gas, cat, fuel))
            row['ef_' + gas] = float(e[p]['value'])
            row['eff_' + gas] = EF_FACTOR[e[p]['unit']]
            row['ref_' + gas] = '%s: %s' % (fset['factor_set'], e[p]['ref'])
            ox = resolve(entries, fuel, cat, 'oxidation') if gas == 'CO2' else None
            row['ox_' + gas] = float(ox['oxidation']['value']) if ox else 1.0
        bio = [x.get('biogenic') for x in entries if x.get('fuel') == fuel and 'biogenic' in x]
        row['biogenic'] = bool(bio[0]) if bio else False
        rows.append(row)
    return pd.DataFrame(rows)


def compute(inventory, factors):
    """Loads `inventory` with PyYAML's C loader and computes it with pandas: returns the calculation lines
    (one row per record and gas), the totals and the load and compute seconds."""
    t0 = time.monotonic()
    inv = load_yaml(inventory)
    fset = load_yaml(os.path.join(factors, inv['factor_sets'][0] + '.yaml'))
    gwps = load_yaml(os.path.join(factors, 'gwp.yaml'))['gwp_sets']
    gwp_id = inv.get('gwp', 'ar5')
    gset = next(g for g in gwps if g['id'] == gwp_id)
    gwp = {v['gas']: float(v['value']) for v in gset['values']}
    t_load = time.monotonic()

    df = pd.DataFrame(inv['activities'])
    del inv
    df['amount'] = df['amount'].astype(float)
    df['record'] = range(1, len(df) + 1)
    pairs = df[['category', 'fuel']].drop_duplicates().itertuples(index=False, name=None)
    ft = factor_table(fset, list(pairs))
    df = df.merge(ft, on=['category', 'fuel'], how='left', sort=False)
    energy_input = df['unit'].map(lambda u: u in ENERGY_TJ)
    df['unit_factor'] = df['unit'].map(lambda u: ENERGY_TJ.get(u, MASS_GG.get(u)))
    df['ncv_used'] = df['ncv'].where(~energy_input, 1.0)
    df['energy'] = df['amount'] * df['unit_factor'] * df['ncv_used']
    parts = []
    for gas, _ in GASES:
        p = df[['record', 'id', 'category', 'fuel', 'amount', 'unit', 'unit_factor', 'ncv_used', 'energy',
                'ncv_ref', 'source', 'biogenic']].copy()
        p['gas'] = gas
        p['ef'] = df['ef_' + gas]
        p['ef_factor'] = df['eff_' + gas]
        p['oxidation'] = df['ox_' + gas]
        p['ef_ref'] = df['ref_' + gas]
        p['gwp'] = gwp[gas]
        p['memo'] = df['biogenic'] & (gas == 'CO2')
        parts.append(p)
    lines = pd.concat(parts, ignore_index=True).sort_values(['record', 'gas'], kind='stable', ignore_index=True)
    del parts
    lines['emission'] = lines['energy'] * lines['ef'] * lines['ef_factor'] * lines['oxidation']
    lines['co2e'] = lines['emission'] * lines['gwp']
    counted = lines[~lines['memo']]
    total = math.fsum(counted['co2e'])
    by_gas = {g: math.fsum(counted.loc[counted['gas'] == g, 'emission']) for g, _ in GASES}
    by_cat = counted.groupby('category')['co2e'].sum()
    memo = math.fsum(lines.loc[lines['memo'], 'emission'])
    t_calc = time.monotonic()
    return dict(lines=lines, n=len(df), total=total, by_gas=by_gas, by_cat=by_cat, memo=memo, gwp_id=gwp_id,
                gset=gset, load_s=t_load - t0, compute_s=t_calc - t_load)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('inventory')
    ap.add_argument('out')
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument('--factors', default=os.path.join(root, 'factors'))
    ap.add_argument('--check', help="ghgcalc's JSON output to compare totals.t_co2e with")
    a = ap.parse_args()
    res = compute(a.inventory, a.factors)
    lines, total, by_gas, by_cat, memo, gwp_id, gset = (res['lines'], res['total'], res['by_gas'], res['by_cat'],
                                                       res['memo'], res['gwp_id'], res['gset'])
    t_calc = time.monotonic()

    wb = Workbook(write_only=True)
    ws = wb.create_sheet('Summary')
    ws.append(['Total (t CO2e)', total])
    ws.append(['Biogenic CO2 memo (t)', memo])
    for g, _ in GASES:
        ws.append(['%s (t)' % g, by_gas[g]])
    for cat, v in by_cat.items():
        ws.append([cat, v])
    ws = wb.create_sheet('Calculation')
    ws.append(['Record', 'Id', 'Category', 'Fuel', 'Gas', 'Source', 'Amount', 'Unit', 'Unit factor', 'NCV',
               'NCV unit', 'Energy (TJ)', 'EF', 'EF unit', 'EF factor', 'Oxidation', 'Emission (t)', 'GWP',
               'Emission (t CO2e)', 'Memo', 'NCV source', 'EF source', 'GWP source', 'Uncertainty', 'Input'])
    cols = ['record', 'id', 'category', 'fuel', 'gas', 'source', 'amount', 'unit', 'unit_factor', 'ncv_used',
            'energy', 'ef', 'ef_factor', 'oxidation', 'emission', 'gwp', 'memo', 'ncv_ref', 'ef_ref']
    gwp_ref = '%s: %s' % (gwp_id, gset.get('title', ''))
    for r, (rec, rid, cat, fuel, gas, src, amt, unit, uf, ncv, _e, ef, eff, ox, _m, gw, memo_f, nref, eref) in \
            enumerate(lines[cols].itertuples(index=False, name=None), start=2):
        ws.append([rec, rid, cat, fuel, gas, src, amt, unit, uf, ncv, 'TJ/Gg' if unit not in ENERGY_TJ else '',
                   '=G%d*I%d*J%d' % (r, r, r), ef, 'kg/TJ', eff, ox, '=L%d*M%d*O%d*P%d' % (r, r, r, r), gw,
                   '=Q%d*R%d' % (r, r), 'memo' if memo_f else '', nref, eref, gwp_ref, None,
                   '%s#%d' % (os.path.basename(a.inventory), rec)])
    wb.save(a.out)
    base = os.path.splitext(a.out)[0]
    lines.drop(columns=['biogenic']).to_csv(base + '.csv', index=False, float_format='%.17g')
    with open(base + '.json', 'w', encoding='utf-8') as f:
        json.dump({'totals': {'t_co2e': total, 'memo_bio_co2_t': memo, 't': by_gas},
                   'categories': {k: float(v) for k, v in by_cat.items()}}, f)
    t_write = time.monotonic()
    print('python_equiv: %d records, %d lines, %.17g t CO2e; load %.1fs compute %.1fs write %.1fs'
          % (res['n'], len(lines), total, res['load_s'], res['compute_s'], t_write - t_calc))
    status = 0
    if a.check:
        with open(a.check, encoding='utf-8') as f:
            other = json.load(f)['totals']['t_co2e']
        rel = abs(other - total) / max(abs(other), abs(total), 1e-300)
        ok = rel <= 1e-9
        print('check: %s: ghgcalc %.17g, python %.17g, relative difference %.3g (limit 1e-9)'
              % ('agree' if ok else 'DISAGREE', other, total, rel))
        status = 0 if ok else 1
    return status


if __name__ == '__main__':
    sys.exit(main())
