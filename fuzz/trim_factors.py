#!/usr/bin/python3
"""trim_factors.py - small copies of the repository's factor files for the fuzz harnesses.

usage: fuzz/trim_factors.py SRC_DIR DST_DIR [ENTRIES] [KEY,KEY...]

Under ASan and UBSan, reading the full factors/ folder costs about 20 ms, more
than everything else an inventory run does, so every valid fuzz input would be
spent mostly on the same 40 KB of factor data. The harnesses therefore search a
copy in which each factor set keeps its header, its first ENTRIES (default 24)
list entries and every entry for the fuels the seed inventories use (KEYs,
default natural_gas, other_bituminous_coal, gas_diesel_oil, wood_wood_waste,
lpg, raw_coal, electricity), and gwp.yaml keeps every set but only its CO2, CH4,
N2O and SF6 values. Same ids, same layout, same code paths; regenerated from
factors/ on every build, so it follows the real files. GHGCALC_FUZZ_FACTORS=factors
points a harness at the full folder instead.
"""
import os
import re
import sys

src, dst = sys.argv[1], sys.argv[2]
keep = int(sys.argv[3]) if len(sys.argv) > 3 else 24
keys = set((sys.argv[4] if len(sys.argv) > 4 else
            'natural_gas,other_bituminous_coal,gas_diesel_oil,wood_wood_waste,lpg,raw_coal,electricity').split(','))
os.makedirs(dst, exist_ok=True)
for name in sorted(os.listdir(src)):
    if not name.endswith('.yaml'):
        continue
    text = open(os.path.join(src, name), encoding='utf-8').read()
    lines = [l for l in text.splitlines() if not l.lstrip().startswith('#')]
    out = []
    if name == 'gwp.yaml':
        for l in lines:
            m = re.search(r'\bgas:\s*([A-Za-z0-9_-]+)', l)
            if m and m.group(1) not in ('CO2', 'CH4', 'N2O', 'SF6'):
                continue
            out.append(l)
    else:
        entries = 0
        in_list = False
        keeping = True
        for l in lines:
            if re.match(r'^(factors|[a-z_]+):\s*$', l) and not l.startswith(' '):
                in_list = True
                out.append(l)
                continue
            m = re.match(r'^\s*-\s+(?:(?:fuel|activity|key|id):\s*(\S+))?', l) if in_list else None
            if m and re.match(r'^\s{0,2}-', l):
                entries += 1
                keeping = entries <= keep or (m.group(1) or '').strip('"\'') in keys
            if in_list and not keeping and (l.startswith(' ') or l.startswith('-') or not l.strip()):
                continue
            if l.strip() and not l.startswith(' ') and not l.startswith('-'):
                in_list = False
                entries = 0
            out.append(l)
    tmp = os.path.join(dst, name + '.tmp')
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    os.replace(tmp, os.path.join(dst, name))
