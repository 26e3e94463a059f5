#!/usr/bin/python3
"""python_equiv.py - the inventory computed as a user would otherwise write it in Python.

usage: bench/python_equiv.py INVENTORY.yaml OUT.xlsx [--factors DIR] [--check GHGCALC.json]

PyYAML's C loader (yaml.CSafeLoader) reads the inventory, its factor sets
(each followed by the set it extends) and gwp.yaml; the factors are resolved
once per (category, fuel, unit) as docs/input-format.md says (most specific
category in the first set that has one, `ipcc_fuel` fallback, an NCV that
turns the unit into energy, co2 or carbon_content, oxidation from the CO2
factor's set), merged with pandas, and the records' Tier 2 overrides (ncv,
co2, carbon_content, oxidation, ch4, n2o) applied record by record;
`not_estimated` gases get no row. pandas computes energy, emissions and CO2e
per record and gas, and the totals; openpyxl in write_only
mode writes the workbook (a Calculation sheet of the same 25 columns as
ghgcalc's, with the same three formulas a row, and a Summary sheet), and pandas
writes the CSV and the JSON totals beside it, as ghgcalc does by default.

With --check, the total CO2e is compared with ghgcalc's JSON output
(totals.t_co2e; also by_gas_t and memo_biogenic_co2_t) and each must agree to
1e-9 relative; the result is printed as
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

GASES = [('CO2', 'co2'), ('CH4', 'ch4'), ('N2O', 'n2o')]
TJ_J = 1e12     # J per TJ
T_KG = 1e3      # kg per t
C_TO_CO2 = 44.0 / 12.0

# Unit words of the benchmark inventories and factor sets: (dimension, scale in kg, J, m3 or 1).
# "tce" = 29.3076 GJ (GB/T 2589: 1 kgce = 29307.6 kJ); Nm3 counts as m3, as in ghgcalc.
WORDS = {'kg': ('mass', 1.0), 't': ('mass', 1e3), 'tC': ('mass', 1e3), 'kt': ('mass', 1e6), 'Gg': ('mass', 1e6),
         '万吨': ('mass', 1e7), 'J': ('energy', 1.0), 'kJ': ('energy', 1e3), 'MJ': ('energy', 1e6),
         'GJ': ('energy', 1e9), 'TJ': ('energy', 1e12), 'tce': ('energy', 29.3076e9), 'm3': ('volume', 1.0),
         'Nm3': ('volume', 1.0), '万立方米': ('volume', 1e4), '亿立方米': ('volume', 1e8), '%': ('', 0.01),
         'fraction': ('', 1.0), '1': ('', 1.0)}


def term(text):
    """(dimension, scale) of one unit term: an optional 10^k factor, a word, an optional gas after a space."""
    f = 1.0
    text = text.strip()
    if text.startswith('10^'):
        k, text = text[3:].split(' ', 1)
        f = 10.0 ** int(k)
    word = text.split(' ')[0]
    dim, scale = WORDS[word]
    return dim, scale * f


def unit(text):
    """(dimension, scale) of a unit such as 't', 'GJ/10^4 Nm3', 'kg CH4/TJ': dimension 'energy/mass' etc."""
    parts = text.split('/')
    dim, scale = term(parts[0])
    for p in parts[1:]:
        d, s = term(p)
        dim, scale = dim + '/' + d, scale / s
    return dim, scale


def load_yaml(path):
    with open(path, 'rb') as f:
        return yaml.load(f, Loader=yaml.CSafeLoader)


def under(code, prefix):
    return code == prefix or code.startswith(prefix + '.')


def search_order(factors, names):
    """[(set id, entries)]: each named set followed by the sets it extends, repeats skipped."""
    order = []
    for name in names:
        while name and name not in [i for i, _ in order]:
            fset = load_yaml(os.path.join(factors, name + '.yaml'))
            order.append((fset['factor_set'], fset['factors']))
            name = fset.get('extends')
    return order


def find_key(order, key, category, param, fits=None):
    """(value dict, set id, entry) of the most specific entry in the first set that has one, or None."""
    for sid, entries in order:
        best, best_d = None, -1
        for e in entries:
            if e.get('fuel', e.get('activity')) != key or param not in e:
                continue
            cat = e.get('category')
            if cat and not under(category, cat):
                continue
            if fits and not fits(e[param]['unit']):
                continue
            d = cat.count('.') + 1 if cat else 0
            if d > best_d:
                best, best_d = e, d
        if best:
            return best[param], sid, best
    return None


def find(order, key, category, param, fits=None):
    """find_key, then under the fuel's ipcc_fuel (the first entry naming one) when nothing was found."""
    hit = find_key(order, key, category, param, fits)
    if hit:
        return hit
    alt = next((e['ipcc_fuel'] for _, es in order for e in es
                if e.get('fuel', e.get('activity')) == key and 'ipcc_fuel' in e), None)
    return find_key(order, alt, category, param, fits) if alt and alt != key else None


def resolve(order, category, fuel, amount_unit):
    """The factors of one (category, fuel, unit) from the sets: a dict of columns."""
    adim, ascale = unit(amount_unit)
    row = {}
    if adim == 'energy':
        row.update(unit_factor=ascale / TJ_J, ncv=1.0, ncv_unit='', ncv_ref='')
    else:
        n = find(order, fuel, category, 'ncv', lambda u: unit(u)[0] == 'energy/' + adim)
        if n is None:
            raise SystemExit('python_equiv: no NCV per %s for %s/%s' % (adim, category, fuel))
        row.update(unit_factor=ascale * unit(n[0]['unit'])[1] / TJ_J, ncv=float(n[0]['value']),
                   ncv_unit=n[0]['unit'], ncv_ref='%s: %s' % (n[1], n[0]['ref']))
    co2, cc = find(order, fuel, category, 'co2'), find(order, fuel, category, 'carbon_content')
    if co2 and cc:  # the earlier set wins; in one set the more specific category, then co2
        ids = [i for i, _ in order]
        depth = lambda h: h[2]['category'].count('.') + 1 if h[2].get('category') else 0  # noqa: E731
        if ids.index(cc[1]) < ids.index(co2[1]) or (cc[1] == co2[1] and depth(cc) > depth(co2)):
            co2 = None
    ef = co2 or cc
    for gas, p in GASES:
        h = ef if gas == 'CO2' else find(order, fuel, category, p)
        row['ef_' + gas] = float(h[0]['value']) if h else math.nan
        row['efu_' + gas] = h[0]['unit'] if h else ''
        row['eff_' + gas] = TJ_J * unit(h[0]['unit'])[1] / T_KG * (C_TO_CO2 if h is cc else 1.0) if h else math.nan
        row['ref_' + gas] = '%s: %s' % (h[1], h[0]['ref']) if h else ''
    # oxidation: from the set that gave the CO2 factor, else 1
    ox = find([o for o in order if o[0] == ef[1]], fuel, category, 'oxidation') if ef else None
    row['ox'] = float(ox[0]['value']) * unit(ox[0]['unit'])[1] if ox else 1.0
    row['bio'] = next((bool(e['biogenic']) for _, es in order for e in es
                       if e.get('fuel', e.get('activity')) == fuel and 'biogenic' in e), False)
    return row


def factor_table(order, triples):
    """One row per (category, fuel, unit): unit factor, NCV, EF, EF factor, oxidation, biogenic, refs."""
    return pd.DataFrame([dict(category=c, fuel=f, unit=u, **resolve(order, c, f, u)) for c, f, u in triples])


def apply_overrides(r):
    """A record's Tier 2 overrides over its looked-up factors (r: a row of the merged frame, as a dict)."""
    o = r.get('o_ncv')
    if isinstance(o, dict):
        r.update(unit_factor=unit(r['unit'])[1] * unit(o['unit'])[1] / TJ_J, ncv=float(o['value']),
                 ncv_unit=o['unit'], ncv_ref='record: ' + o['source'])
    own = r.get('o_co2') if isinstance(r.get('o_co2'), dict) else r.get('o_carbon_content')
    ox = r.get('o_oxidation')
    if isinstance(own, dict):
        carbon = own is r.get('o_carbon_content')
        r.update(ef_CO2=float(own['value']), efu_CO2=own['unit'], ref_CO2='record: ' + own['source'],
                 eff_CO2=TJ_J * unit(own['unit'])[1] / T_KG * (C_TO_CO2 if carbon else 1.0), ox=1.0)
    if isinstance(ox, dict):
        r['ox'] = float(ox['value']) * unit(ox['unit'])[1]
    for gas, p in GASES[1:]:
        o = r.get('o_' + p)
        if isinstance(o, dict):
            r.update({'ef_' + gas: float(o['value']), 'efu_' + gas: o['unit'], 'ref_' + gas: 'record: ' + o['source'],
                      'eff_' + gas: TJ_J * unit(o['unit'])[1] / T_KG})
    return r


OVERRIDES = ['ncv', 'co2', 'carbon_content', 'oxidation', 'ch4', 'n2o']


def compute(inventory, factors):
    """Loads `inventory` with PyYAML's C loader and computes it with pandas: returns the calculation lines
    (one row per record and gas), the totals and the load and compute seconds."""
    t0 = time.monotonic()
    inv = load_yaml(inventory)
    order = search_order(factors, inv['factor_sets'])
    gwps = load_yaml(os.path.join(factors, 'gwp.yaml'))['gwp_sets']
    gwp_id = inv.get('gwp', 'ar5')
    gset = next(g for g in gwps if g['id'] == gwp_id)
    gwp = {v['gas']: float(v['value']) for v in gset['values']}
    t_load = time.monotonic()

    df = pd.DataFrame(inv['activities'])
    del inv
    df = df.rename(columns={p: 'o_' + p for p in OVERRIDES if p in df.columns})
    df['amount'] = df['amount'].astype(float)
    df['record'] = range(1, len(df) + 1)
    triples = df[['category', 'fuel', 'unit']].drop_duplicates().itertuples(index=False, name=None)
    df = df.merge(factor_table(order, list(triples)), on=['category', 'fuel', 'unit'], how='left', sort=False)
    own = [c for c in df.columns if c.startswith('o_')]
    if own:  # the records with Tier 2 overrides, one by one
        mask = df[own].notna().any(axis=1)
        cols = ['unit_factor', 'ncv', 'ncv_unit', 'ncv_ref', 'ox'] + \
            [c + g for c in ('ef_', 'efu_', 'eff_', 'ref_') for g, _ in GASES]
        fixed = pd.DataFrame([apply_overrides(r) for r in df.loc[mask].to_dict('records')], index=df.index[mask])
        df.loc[mask, cols] = fixed[cols]
    df['energy'] = df['amount'] * df['unit_factor'] * df['ncv']
    ne = df['not_estimated'] if 'not_estimated' in df.columns else pd.Series(math.nan, index=df.index)
    parts = []
    for gas, p in GASES:
        keep = ~ne.map(lambda x, p=p: isinstance(x, list) and p in x)
        if df.loc[keep, 'ef_' + gas].isna().any():
            raise SystemExit('python_equiv: no %s factor for some records' % gas)
        d = df[keep]
        q = d[['record', 'id', 'category', 'fuel', 'amount', 'unit', 'unit_factor', 'ncv', 'ncv_unit', 'energy',
               'ncv_ref', 'source', 'bio']].copy()
        q['gas'] = gas
        q['ef'] = d['ef_' + gas]
        q['ef_unit'] = d['efu_' + gas]
        q['ef_factor'] = d['eff_' + gas]
        q['oxidation'] = d['ox'] if gas == 'CO2' else 1.0
        q['ef_ref'] = d['ref_' + gas]
        q['gwp'] = gwp[gas]
        q['memo'] = d['bio'].astype(bool) & (gas == 'CO2')
        parts.append(q)
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
    cols = ['record', 'id', 'category', 'fuel', 'gas', 'source', 'amount', 'unit', 'unit_factor', 'ncv',
            'ncv_unit', 'energy', 'ef', 'ef_unit', 'ef_factor', 'oxidation', 'emission', 'gwp', 'memo', 'ncv_ref',
            'ef_ref']
    gwp_ref = '%s: %s' % (gwp_id, gset.get('title', ''))
    for r, (rec, rid, cat, fuel, gas, src, amt, unit_, uf, ncv, ncvu, _e, ef, efu, eff, ox, _m, gw, memo_f, nref,
            eref) in enumerate(lines[cols].itertuples(index=False, name=None), start=2):
        ws.append([rec, rid, cat, fuel, gas, src, amt, unit_, uf, ncv, ncvu,
                   '=G%d*I%d*J%d' % (r, r, r), ef, efu, eff, ox, '=L%d*M%d*O%d*P%d' % (r, r, r, r), gw,
                   '=Q%d*R%d' % (r, r), 'memo' if memo_f else '', nref, eref, gwp_ref, None,
                   '%s#%d' % (os.path.basename(a.inventory), rec)])
    wb.save(a.out)
    base = os.path.splitext(a.out)[0]
    lines.drop(columns=['bio']).to_csv(base + '.csv', index=False, float_format='%.17g')
    with open(base + '.json', 'w', encoding='utf-8') as f:
        json.dump({'totals': {'t_co2e': total, 'memo_bio_co2_t': memo, 't': by_gas},
                   'categories': {k: float(v) for k, v in by_cat.items()}}, f)
    t_write = time.monotonic()
    print('python_equiv: %d records, %d lines, %.17g t CO2e; load %.1fs compute %.1fs write %.1fs'
          % (res['n'], len(lines), total, res['load_s'], res['compute_s'], t_write - t_calc))
    status = 0
    if a.check:
        with open(a.check, encoding='utf-8') as f:
            theirs = json.load(f)['totals']
        other = theirs['t_co2e']
        rd = lambda x, y: abs(x - y) / max(abs(x), abs(y), 1e-300)  # noqa: E731
        rel = rd(other, total)
        parts = [rd(theirs['by_gas_t'][g], by_gas[g]) for g, _ in GASES] + [rd(theirs['memo_biogenic_co2_t'], memo)]
        ok = rel <= 1e-9 and max(parts) <= 1e-9
        print('check: %s: ghgcalc %.17g, python %.17g, relative difference %.3g (limit 1e-9); by gas and biogenic '
              'memo: largest %.3g' % ('agree' if ok else 'DISAGREE', other, total, rel, max(parts)))
        status = 0 if ok else 1
    return status


if __name__ == '__main__':
    sys.exit(main())
