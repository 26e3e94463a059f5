"""gen_realistic.py - the realistic mix of bench/gen_inventory.py (`--mix realistic`), standard library only.

An inventory that looks like a Chinese city's fuel-combustion inventory, with
factor_sets [china-energy, ipcc2006-energy]:

* 25 fuels (the 17 of china-energy that burn, 8 IPCC fuels: jet kerosene,
  naphtha, petroleum coke, coking coal, motor gasoline, gas/diesel oil, wood,
  non-biomass municipal waste) in 20 categories of 1.A (1.A.1.a-c, 1.A.2.a-m,
  1.A.3.b, 1.A.4.a-c); a (category, fuel) pair is drawn only when the sets give
  it an NCV, a CO2 factor (or carbon content) and CH4 and N2O factors;
* amounts in mass (t, 10^4 t, 万吨, kt, Gg), energy (TJ, GJ, tce) and volume
  (10^4 Nm3, 万立方米, m3, 亿立方米: natural gas and coke oven gas);
* about 18 % of the records with Tier 2 overrides, as docs/input-format.md
  describes them ({value, unit, tier, source}): natural gas metered by volume
  with the supplier's NCV on the record (60 % of those records), and on other
  records a plant NCV, a CO2 factor, a carbon content with its oxidation, a
  CH4 factor, or an NCV with a carbon content and oxidation; the values are
  the resolved defaults scattered by a few per cent (synthetic, not data);
* uncertainty on 30 % of the records, `not_estimated: [ch4, n2o]` on 3 %;
* every record with a unique id; the same (n, seed, year) give the same bytes.
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import factorfile  # noqa: E402

SETS = ['china-energy', 'ipcc2006-energy']
# (code, weight): power, industry and households carry most records
CATEGORIES = [('1.A.1.a', 4), ('1.A.1.b', 1), ('1.A.1.c', 1), ('1.A.2.a', 4), ('1.A.2.b', 1), ('1.A.2.c', 4),
              ('1.A.2.d', 2), ('1.A.2.e', 2), ('1.A.2.f', 3), ('1.A.2.g', 1), ('1.A.2.h', 1), ('1.A.2.i', 1),
              ('1.A.2.j', 1), ('1.A.2.k', 2), ('1.A.2.l', 1), ('1.A.2.m', 2), ('1.A.3.b', 4), ('1.A.4.a', 3),
              ('1.A.4.b', 4), ('1.A.4.c', 2)]
# (fuel, weight, kind): kind picks the units below
FUELS = [('raw_coal', 8, 'solid'), ('cleaned_coal', 3, 'solid'), ('other_washed_coal', 2, 'solid'),
         ('coke', 4, 'solid'), ('anthracite', 2, 'solid'), ('bituminous_coal', 4, 'solid'), ('lignite', 1, 'solid'),
         ('crude_oil', 1, 'liquid'), ('gasoline', 5, 'liquid'), ('kerosene', 1, 'liquid'), ('diesel', 6, 'liquid'),
         ('fuel_oil', 2, 'liquid'), ('lpg', 3, 'liquid'), ('refinery_gas', 1, 'gas_mass'),
         ('natural_gas', 8, 'gas'), ('coke_oven_gas', 2, 'gas'), ('blast_furnace_gas', 1, 'gas_mass'),
         ('jet_kerosene', 1, 'liquid'), ('naphtha', 1, 'liquid'), ('petroleum_coke', 1, 'solid'),
         ('coking_coal', 2, 'solid'), ('motor_gasoline', 2, 'liquid'), ('gas_diesel_oil', 2, 'liquid'),
         ('wood_wood_waste', 1, 'solid'), ('municipal_wastes_non_biomass', 1, 'solid')]
# by dimension: (unit, weight, amount range in that unit, drawn log-uniform)
UNITS = {
    'mass': [('t', 4, (50.0, 2e5)), ('10^4 t', 3, (0.05, 300.0)), ('万吨', 2, (0.05, 300.0)), ('kt', 1, (0.05, 3000.0)),
             ('Gg', 1, (0.05, 3000.0))],
    'energy': [('TJ', 2, (5.0, 5e4)), ('GJ', 1, (5e3, 5e7)), ('tce', 1, (100.0, 1e6))],
    'volume': [('10^4 Nm3', 4, (1.0, 5e4)), ('万立方米', 3, (1.0, 5e4)), ('m3', 2, (1e4, 5e8)), ('亿立方米', 1, (0.01, 5.0))],
}
KIND_DIMS = {'solid': [('mass', 8), ('energy', 1)], 'liquid': [('mass', 8), ('energy', 1)],
             'gas_mass': [('mass', 5), ('energy', 1)], 'gas': [('volume', 17), ('mass', 1), ('energy', 2)]}
SOURCES = ['energy balance %d, table %d' % (2020, t) for t in range(1, 11)] + \
          ['enterprise energy report, plant %03d' % p for p in range(1, 41)] + \
          ['statistical yearbook 2021, ch. %d' % c for c in range(1, 7)] + \
          ['survey of %s' % s for s in ('boilers', 'vehicle fleet', 'households', 'farms', 'kilns')]
OVR_SOURCES = ['plant laboratory, weighted annual mean, plant %03d' % p for p in range(1, 41)] + \
              ['gas supplier certificate 2020, lot %d' % k for k in range(1, 13)] + \
              ['enterprise GHG monitoring plan 2020, unit %d' % u for u in range(1, 9)]
UNCERTAINTY = ['2%', '3%', '5%', '5%', '7.5%', '10%', '15%']
GAS_NCV_SHARE = 0.60  # natural gas by volume: records with the supplier's NCV
OTHER_OVR_SHARE = 0.13  # other records: any other override (about 18 % of all records then carry one)
NE_SHARE = 0.03       # records with not_estimated: [ch4, n2o]
UNC_SHARE = 0.30      # records with an uncertainty
# override kinds on records other than gas by volume, with weights
OVR_KINDS = [('ncv', 30), ('co2', 15), ('cc', 25), ('ch4', 15), ('ncv+cc', 15)]

# Scale factors of the factor files' units, for the override magnitudes only (ghgcalc parses units itself).
_NCV_GJ_PER_T = {'TJ/Gg': 1.0, 'GJ/t': 1.0, 'kJ/kg': 1e-3}
_NCV_GJ_PER_1E4M3 = {'GJ/10^4 Nm3': 1.0}
_C_T_PER_TJ = {'tC/GJ': 1e3, 'tC/TJ': 1.0}


def _mass_fits(unit):
    return unit in _NCV_GJ_PER_T


def _volume_fits(unit):
    return unit in _NCV_GJ_PER_1E4M3


def _defaults(sets, cat, fuel):
    """The factors ghgcalc would use for (cat, fuel), or None when a gas has none: {'ncv_mass': GJ/t or None,
    'ncv_volume': GJ/10^4 Nm3 or None, 'co2': kg CO2/TJ, 'ch4': kg/TJ}."""
    nm = sets.find(fuel, cat, 'ncv', _mass_fits)
    nv = sets.find(fuel, cat, 'ncv', _volume_fits)
    co2 = sets.find(fuel, cat, 'co2')
    cc = sets.find(fuel, cat, 'carbon_content')
    ch4, n2o = sets.find(fuel, cat, 'ch4'), sets.find(fuel, cat, 'n2o')
    if not (co2 or cc) or not ch4 or not n2o or not (nm or nv):
        return None
    if co2 and cc:  # ghgcalc's rule: the earlier set, then the more specific category, then co2
        ids = [s for s, _ in sets.order]
        se, sc = ids.index(co2[2]), ids.index(cc[2])
        de = factorfile.depth(co2[3]['category'] or '')
        dc = factorfile.depth(cc[3]['category'] or '')
        if sc < se or (sc == se and dc > de):
            co2 = None
    if co2:
        assert co2[1] == 'kg/TJ', co2
        co2_kg = co2[0]
    else:
        co2_kg = cc[0] * _C_T_PER_TJ[cc[1]] * 44.0 / 12.0 * 1e3
    return {'ncv_mass': nm[0] * _NCV_GJ_PER_T[nm[1]] if nm else None,
            'ncv_volume': nv[0] * _NCV_GJ_PER_1E4M3[nv[1]] if nv else None,
            'co2': co2_kg, 'ch4': ch4[0]}


def _num(x, digits=5):
    """x rounded to `digits` significant digits, written plainly (no exponent)."""
    x = float('%.*g' % (digits, x))
    return ('%.6f' % x).rstrip('0').rstrip('.')


def _ovr(name, value, unit, rng):
    tier = 3 if rng.random() < 0.1 else 2
    unit = '"%s"' % unit if unit == '%' else unit
    return '    %s: {value: %s, unit: %s, tier: %d, source: "%s"}\n' % (name, value, unit, tier,
                                                                     rng.choice(OVR_SOURCES))


def _ncv_text(d, dim, rng):
    """A record NCV near the default, in a unit that fits the amount's dimension."""
    f = 1.0 + rng.uniform(-0.06, 0.06)
    if dim == 'volume':
        v = d['ncv_volume'] * f if d['ncv_volume'] else 389.31 * f  # natural gas, GJ/10^4 Nm3
        unit, scale = rng.choice([('GJ/10^4 Nm3', 1.0), ('kJ/m3', 100.0), ('MJ/Nm3', 0.1)])
        return 'ncv', _num(v * scale), unit
    unit, scale = rng.choice([('GJ/t', 1.0), ('kJ/kg', 1e3)])
    return 'ncv', _num(d['ncv_mass'] * f * scale), unit


def _cc_texts(d, rng):
    c_t_per_tj = d['co2'] * 1e-3 * 12.0 / 44.0 * (1.0 + rng.uniform(-0.04, 0.04))
    unit, scale = rng.choice([('tC/TJ', 1.0), ('tC/GJ', 1e-3)])
    ox = rng.uniform(0.90, 0.995)
    oxt = ('oxidation', _num(ox * 100, 4), '%') if rng.random() < 0.6 else ('oxidation', _num(ox, 4), 'fraction')
    return [('carbon_content', _num(c_t_per_tj * scale, 4), unit), oxt]


def _overrides(kind, d, dim, rng):
    """The (name, value text, unit) overrides of one record of override kind `kind`."""
    if kind == 'ncv':
        return [_ncv_text(d, dim, rng)]
    if kind == 'co2':
        v = d['co2'] * (1.0 + rng.uniform(-0.04, 0.04))
        return [('co2', _num(v * 1e-3, 5), 't CO2/TJ') if rng.random() < 0.5 else ('co2', _num(v, 5), 'kg/TJ')]
    if kind == 'cc':
        return _cc_texts(d, rng)
    if kind == 'ch4':
        return [('ch4', _num(d['ch4'] * rng.uniform(0.5, 2.0), 3), rng.choice(['kg/TJ', 'kg CH4/TJ']))]
    return [_ncv_text(d, dim, rng)] + _cc_texts(d, rng)


def _tables(factors):
    """Per category: the fuels it may burn with their weights, kinds and defaults."""
    sets = factorfile.Sets(factors, SETS)
    table = []
    for cat, cw in CATEGORIES:
        fuels = []
        for fuel, fw, kind in FUELS:
            d = _defaults(sets, cat, fuel)
            if d is None:
                continue
            dims = [(dim, w) for dim, w in KIND_DIMS[kind]
                    if dim == 'energy' or d['ncv_' + dim] or (dim == 'volume' and fuel == 'natural_gas')]
            fuels.append((fuel, fw, kind, d, dims))
        if fuels:
            table.append((cat, cw, fuels))
    return table


def _record(i, width, table, cat_w, rng):
    """The YAML text of record i."""
    cat, _, fuels = rng.choices(table, cat_w)[0]
    fuel, _, kind, d, dims = rng.choices(fuels, [f[1] for f in fuels])[0]
    dim = rng.choices([x[0] for x in dims], [x[1] for x in dims])[0]
    unit, _, (lo, hi) = rng.choices(UNITS[dim], [u[1] for u in UNITS[dim]])[0]
    amount = _num(lo * (hi / lo) ** rng.random())
    ovr = []
    if fuel == 'natural_gas' and dim == 'volume':
        if d['ncv_volume'] is None or rng.random() < GAS_NCV_SHARE:
            ovr = [_ncv_text(d, dim, rng)]
    elif rng.random() < OTHER_OVR_SHARE:
        kinds = [(k, w) for k, w in OVR_KINDS if dim != 'energy' or 'ncv' not in k]
        ovr = _overrides(rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0], d, dim, rng)
    out = ['  - category: "%s"\n    fuel: %s\n    amount: %s\n    unit: %s\n' % (cat, fuel, amount, unit)]
    if rng.random() < UNC_SHARE:
        out.append('    uncertainty: %s\n' % rng.choice(UNCERTAINTY))
    out.append('    source: "%s"\n    id: r%0*d\n' % (rng.choice(SOURCES), width, i + 1))
    for name, value, u in ovr:
        out.append(_ovr(name, value, u, rng))
    if not any(o[0] == 'ch4' for o in ovr) and rng.random() < NE_SHARE:
        out.append('    not_estimated: [ch4, n2o]\n')
    return ''.join(out)


def write_realistic(f, n, seed, year, factors):
    """Writes the whole inventory of n records to the open text file f."""
    rng = random.Random(seed)
    table = _tables(factors)
    cat_w = [c[1] for c in table]
    width = len(str(n))
    f.write('# Benchmark inventory, realistic mix: %d synthetic activity records (bench/gen_inventory.py '
            '--mix realistic, seed %d).\n# Synthetic: amounts and Tier 2 values are made up, not statistics.\n'
            % (n, seed))
    f.write('inventory: bench-real-%d\ntitle: "synthetic benchmark inventory, realistic mix, %d records"\n'
            'region: Benchland\nyear: %d\ngwp: ar5\nfactor_sets: [%s]\nactivities:\n' % (n, n, year, ', '.join(SETS)))
    buf = []
    for i in range(n):
        buf.append(_record(i, width, table, cat_w, rng))
        if len(buf) == 4096:
            f.write(''.join(buf))
            buf = []
    f.write(''.join(buf))
