"""factorfile.py - reads the flat layout of factors/ipcc2006-energy.yaml with the standard library.

The benchmark's generator must not need PyYAML, so it reads the factor set's
one-line-per-value layout itself:

    - fuel: natural_gas
      category: "1.A.1"
      biogenic: true
      ncv: {value: 48.0, unit: TJ/Gg, ref: "...", confidence: A}

and resolves a parameter for a fuel and category as ghgcalc does within one set:
among the entries for the fuel whose category is the record's or a parent of it
(or absent), the most specific one that has the parameter wins.
"""
import re

_ENTRY = re.compile(r'^\s*-\s+(fuel|activity):\s*(\S+)\s*$')
_CAT = re.compile(r'^\s+category:\s*"?([0-9A-Za-z.]+)"?\s*$')
_BIO = re.compile(r'^\s+biogenic:\s*(true|false)\s*$')
_PARAM = re.compile(r'^\s+(ncv|co2|ch4|n2o|carbon_content|oxidation):\s*\{value:\s*([-+0-9.eE]+),\s*unit:\s*([^,}]+)')


def load(path):
    """Entries as dicts: key, category (or None), biogenic (True/False/None), params {name: (value, unit)}."""
    entries = []
    cur = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.lstrip().startswith('#'):
                continue
            m = _ENTRY.match(line)
            if m:
                cur = {'key': m.group(2), 'category': None, 'biogenic': None, 'params': {}}
                entries.append(cur)
                continue
            if cur is None:
                continue
            m = _CAT.match(line)
            if m:
                cur['category'] = m.group(1)
                continue
            m = _BIO.match(line)
            if m:
                cur['biogenic'] = m.group(1) == 'true'
                continue
            m = _PARAM.match(line)
            if m:
                cur['params'][m.group(1)] = (float(m.group(2)), m.group(3).strip())
    return entries


def under(code, prefix):
    return code == prefix or code.startswith(prefix + '.')


def depth(code):
    return code.count('.') + 1 if code else 0


def resolve(entries, key, category, param):
    """(value, unit, entry) of the most specific entry, or None."""
    best = None
    for e in entries:
        if e['key'] != key or param not in e['params']:
            continue
        if e['category'] and not under(category, e['category']):
            continue
        d = depth(e['category']) if e['category'] else 0
        if best is None or d > best[0]:
            best = (d, e)
    if best is None:
        return None
    v, u = best[1]['params'][param]
    return v, u, best[1]


def biogenic(entries, key):
    for e in entries:
        if e['key'] == key and e['biogenic'] is not None:
            return e['biogenic']
    return False
