"""factorfile.py - reads the flat layout of the energy factor sets (factors/*.yaml) with the standard library.

The benchmark's generator must not need PyYAML, so it reads the factor set's
one-line-per-value layout itself:

    - fuel: natural_gas
      category: "1.A.1"
      biogenic: true
      ncv: {value: 48.0, unit: TJ/Gg, ref: "...", confidence: A}

and resolves a parameter for a fuel and category as ghgcalc does within one set:
among the entries for the fuel whose category is the record's or a parent of it
(or absent), the most specific one that has the parameter wins. `Sets` adds
the search order over several sets (each followed by the set it `extends`) and
the `ipcc_fuel` fallback, as docs/input-format.md describes it.
"""
import os
import re

_ENTRY = re.compile(r'^\s*-\s+(fuel|activity):\s*(\S+)\s*$')
_CAT = re.compile(r'^\s+category:\s*"?([0-9A-Za-z.]+)"?\s*$')
_BIO = re.compile(r'^\s+biogenic:\s*(true|false)\s*$')
_SAME = re.compile(r'^\s+ipcc_fuel:\s*(\S+)\s*$')
_SET = re.compile(r'^(factor_set|extends):\s*(\S+)\s*$')
_PARAM = re.compile(r'^\s+(ncv|co2|ch4|n2o|carbon_content|oxidation):\s*\{value:\s*([-+0-9.eE]+),\s*unit:\s*([^,}]+)')


def load(path):
    """Entries as dicts: key, category (or None), biogenic (True/False/None), same_as (ipcc_fuel or None),
    params {name: (value, unit)}; a unit written in quotes ("%") is given without them."""
    return load_set(path)[1]


def load_set(path):
    """(header, entries): header {'factor_set': id, 'extends': id or None}; entries as load() says."""
    head = {'factor_set': None, 'extends': None}
    entries = []
    cur = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.lstrip().startswith('#'):
                continue
            m = _ENTRY.match(line)
            if m:
                cur = {'key': m.group(2), 'category': None, 'biogenic': None, 'same_as': None, 'params': {}}
                entries.append(cur)
                continue
            m = _SET.match(line)
            if m:
                head[m.group(1)] = m.group(2)
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
            m = _SAME.match(line)
            if m:
                cur['same_as'] = m.group(1)
                continue
            m = _PARAM.match(line)
            if m:
                cur['params'][m.group(1)] = (float(m.group(2)), m.group(3).strip().strip('"'))
    return head, entries


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


class Sets:
    """The search order of an inventory's factor sets: each named set followed by the sets it extends,
    repeats skipped (ghgcalc's eng_order_add). Sets are read from folder `factors` as ID.yaml."""

    def __init__(self, factors, names):
        self.order = []  # (set id, entries)
        for name in names:
            while name and name not in [s for s, _ in self.order]:
                head, entries = load_set(os.path.join(factors, name + '.yaml'))
                self.order.append((name, entries))
                name = head['extends']

    def find_key(self, key, category, param, fits=None):
        """(value, unit, set id, entry) of the first set with a match (most specific category in it), or None;
        `fits(unit)` filters the values (an NCV must turn the amount's unit into energy)."""
        for sid, entries in self.order:
            best = None
            for e in entries:
                if e['key'] != key or param not in e['params']:
                    continue
                if e['category'] and not under(category, e['category']):
                    continue
                if fits and not fits(e['params'][param][1]):
                    continue
                d = depth(e['category']) if e['category'] else 0
                if best is None or d > best[0]:
                    best = (d, e)
            if best:
                v, u = best[1]['params'][param]
                return v, u, sid, best[1]
        return None

    def same_as(self, key):
        """The `ipcc_fuel` the first entry for `key` names, in search order, or None."""
        for _, entries in self.order:
            for e in entries:
                if e['key'] == key and e['same_as']:
                    return e['same_as']
        return None

    def find(self, key, category, param, fits=None):
        """find_key, then once more under the fuel's `ipcc_fuel` when nothing was found."""
        hit = self.find_key(key, category, param, fits)
        alt = None if hit else self.same_as(key)
        return self.find_key(alt, category, param, fits) if alt and alt != key else hit

    def biogenic(self, key):
        """The first entry for `key` that states `biogenic`, in search order; False when none does."""
        for _, entries in self.order:
            for e in entries:
                if e['key'] == key and e['biogenic'] is not None:
                    return e['biogenic']
        return False
