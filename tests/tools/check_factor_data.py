#!/usr/bin/python3
"""Check factors/ipcc2006-energy.yaml and factors/gwp.yaml against the reference CSVs.

Usage: /usr/bin/python3 tests/tools/check_factor_data.py [REFERENCE_DIR]

REFERENCE_DIR defaults to ../shared/reference relative to the repository root and must hold
ipcc2006_energy.csv and gwp.csv. Every number in the two YAML files must equal the CSV value for the
same fuel/category/gas (or GWP set/gas), written in the same form (integer vs decimal), with the same
confidence letter; every CSV row must be represented. Prints "N passed, M failed" last and exits 1 on
any failure. Exits 0 with a skip message if the reference folder is absent.
Dependencies: Python 3 standard library + PyYAML.
"""
import csv
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ENERGY_YAML = os.path.join(REPO, "factors", "ipcc2006-energy.yaml")
GWP_YAML = os.path.join(REPO, "factors", "gwp.yaml")

# IPCC fuel name as written in ipcc2006_energy.csv -> fuel key in the YAML
FUEL_KEYS = {
    "Crude oil": "crude_oil",
    "Motor gasoline": "motor_gasoline",
    "Jet kerosene": "jet_kerosene",
    "Other kerosene": "other_kerosene",
    "Gas/diesel oil": "gas_diesel_oil",
    "Residual fuel oil": "residual_fuel_oil",
    "Liquefied petroleum gases (LPG)": "lpg",
    "Naphtha": "naphtha",
    "Petroleum coke": "petroleum_coke",
    "Refinery gas": "refinery_gas",
    "Anthracite": "anthracite",
    "Coking coal": "coking_coal",
    "Other bituminous coal": "other_bituminous_coal",
    "Sub-bituminous coal": "sub_bituminous_coal",
    "Lignite": "lignite",
    "Coke oven coke (and lignite coke)": "coke_oven_coke",
    "Coke oven gas": "coke_oven_gas",
    "Blast furnace gas": "blast_furnace_gas",
    "Natural gas": "natural_gas",
    "Municipal wastes (non-biomass fraction)": "municipal_wastes_non_biomass",
    "Wood/wood waste": "wood_wood_waste",
    "Charcoal": "charcoal",
    "Other primary solid biomass": "other_primary_solid_biomass",
}
BIOMASS = {"wood_wood_waste", "charcoal", "other_primary_solid_biomass"}
# Tables 2.2-2.5 sector -> IPCC category codes (Table 2.5 also covers 1.A.4.c)
SECTOR_CATS = {
    "Energy industries": ["1.A.1"],
    "Manufacturing industries & construction": ["1.A.2"],
    "Commercial/institutional": ["1.A.4.a"],
    "Residential": ["1.A.4.b", "1.A.4.c"],
}
ROAD_FUEL_KEYS = {
    "motor gasoline": "motor_gasoline",
    "gas/diesel oil": "gas_diesel_oil",
    "LPG": "lpg",
    "CNG/LNG (natural gas)": "natural_gas",
    "natural gas": "natural_gas",
}
ROAD_TECH_KEYS = {
    None: "motor_gasoline",
    "uncontrolled": "motor_gasoline",
    "oxidation catalyst": "motor_gasoline_oxcat",
    "low-mileage LDV vintage 1995 or later": "motor_gasoline_ldv1995",
}
# fuel keys whose ncv/co2 are copies of another fuel's rows
NCV_CO2_COPIES = {"motor_gasoline_oxcat": "motor_gasoline", "motor_gasoline_ldv1995": "motor_gasoline"}
ROAD_CAT = "1.A.3.b"
GWP_SETS = ["sar", "ar4", "ar5", "ar6"]
DEFAULT_GWP_SET = "ar5"


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: " + what)
        return ok


def same_number(yaml_value, csv_text):
    """Equal value and same written form: CSV '48.0' needs a YAML float, CSV '10' a YAML int."""
    if isinstance(yaml_value, bool) or not isinstance(yaml_value, (int, float)):
        return False
    if float(yaml_value) != float(csv_text):
        return False
    csv_is_decimal = any(ch in csv_text for ch in ".eE")
    return isinstance(yaml_value, float) == csv_is_decimal


def tag(note):
    m = re.match(r"\s*\[([ABC])\]", note or "")
    return m.group(1) if m else None


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def numbers_in(node, path=()):
    """Yield (path, number) for every int/float scalar (not bool) in a parsed YAML tree."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from numbers_in(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from numbers_in(v, path + (i,))
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield path, node


# --------------------------------------------------------------------------- energy
def energy_expected(rows, ck):
    """(fuel_key, category or None, field) -> CSV row."""
    exp = {}

    def put(key, row):
        ck.check(key not in exp, "ipcc2006_energy.csv: two rows map to %r" % (key,))
        exp[key] = row

    for r in rows:
        name = r["name"]
        m_ncv = re.fullmatch(r"NCV (.+)", name)
        m_co2 = re.fullmatch(r"CO2 EF (.+) \(stationary, all sectors\)", name)
        m_sec = re.fullmatch(r"(CH4|N2O) EF (.+) - (.+)", name)
        m_rco2 = re.fullmatch(r"Road CO2 (.+)", name)
        m_road = re.fullmatch(r"Road (CH4|N2O) (.+?)(?: - (.+))?", name)
        if m_ncv and m_ncv.group(1) in FUEL_KEYS:
            put((FUEL_KEYS[m_ncv.group(1)], None, "ncv"), r)
        elif m_co2 and m_co2.group(1) in FUEL_KEYS:
            put((FUEL_KEYS[m_co2.group(1)], None, "co2"), r)
        elif m_sec and m_sec.group(2) in FUEL_KEYS and m_sec.group(3) in SECTOR_CATS:
            for cat in SECTOR_CATS[m_sec.group(3)]:
                put((FUEL_KEYS[m_sec.group(2)], cat, m_sec.group(1).lower()), r)
        elif m_rco2 and m_rco2.group(1) in ROAD_FUEL_KEYS:
            put((ROAD_FUEL_KEYS[m_rco2.group(1)], ROAD_CAT, "co2"), r)
        elif m_road and m_road.group(2) in ROAD_FUEL_KEYS:
            fuel = ROAD_FUEL_KEYS[m_road.group(2)]
            tech = m_road.group(3)
            if fuel == "motor_gasoline":
                ok = ck.check(tech in ROAD_TECH_KEYS, "ipcc2006_energy.csv: unknown road technology in %r" % name)
                if not ok:
                    continue
                fuel = ROAD_TECH_KEYS[tech]
            else:
                if not ck.check(tech is None, "ipcc2006_energy.csv: unexpected technology in %r" % name):
                    continue
            put((fuel, ROAD_CAT, m_road.group(1).lower()), r)
        else:
            ck.check(False, "ipcc2006_energy.csv: row not mapped to a fuel key: %r" % name)
    for copy, orig in NCV_CO2_COPIES.items():
        for field in ("ncv", "co2"):
            if (orig, None, field) in exp:
                exp[(copy, None, field)] = exp[(orig, None, field)]
    return exp


def check_energy(data, rows, ck):
    exp = energy_expected(rows, ck)
    ck.check(isinstance(data, dict) and data.get("factor_set") == "ipcc2006-energy",
             "ipcc2006-energy.yaml: factor_set must equal the file name 'ipcc2006-energy'")
    factors = data.get("factors") if isinstance(data, dict) else None
    if not ck.check(isinstance(factors, list), "ipcc2006-energy.yaml: 'factors' list missing"):
        return
    checked_paths = set()
    seen = {}
    entries = set()
    for i, e in enumerate(factors):
        if not ck.check(isinstance(e, dict) and "fuel" in e, "factors[%d]: not a mapping with 'fuel'" % i):
            continue
        fuel, cat = e["fuel"], e.get("category")
        where = "factors[%d] (%s, %s)" % (i, fuel, cat)
        ck.check((fuel, cat) not in entries, where + ": duplicate (fuel, category) entry")
        entries.add((fuel, cat))
        if cat is None:
            ck.check(isinstance(e.get("name"), str) and e["name"] != "", where + ": base entry needs a name")
            want_bio = fuel in BIOMASS
            ck.check(bool(e.get("biogenic", False)) == want_bio,
                     where + ": biogenic must be %s" % ("true" if want_bio else "absent/false"))
        for field in ("ncv", "co2", "ch4", "n2o"):
            if field not in e:
                continue
            f = e[field]
            key = (fuel, cat, field)
            fwhere = "%s.%s" % (where, field)
            if not ck.check(key in exp, fwhere + ": no CSV row for this fuel/category/gas"):
                continue
            row = exp[key]
            seen[key] = seen.get(key, 0) + 1
            if not ck.check(isinstance(f, dict) and "value" in f, fwhere + ": needs {value: ...}"):
                continue
            checked_paths.add(("factors", i, field, "value"))
            ck.check(same_number(f["value"], row["value"]),
                     "%s: value %r != CSV %s (%s)" % (fwhere, f["value"], row["value"], row["name"]))
            for b in ("lower", "upper"):
                if row[b]:
                    ok = b in f and same_number(f[b], row[b])
                    ck.check(ok, "%s: %s %r != CSV %s" % (fwhere, b, f.get(b), row[b]))
                else:
                    ck.check(b not in f, "%s: has %s but the CSV has none" % (fwhere, b))
                if b in f:
                    checked_paths.add(("factors", i, field, b))
            want = tag(row["note"])
            ck.check(f.get("confidence") == want,
                     "%s: confidence %r != CSV [%s]" % (fwhere, f.get("confidence"), want))
            if want == "C":
                ck.check(bool(f.get("note")), fwhere + ": [C] value needs a note saying why")
            ck.check(isinstance(f.get("ref"), str) and f["ref"] != "", fwhere + ": ref missing")
    for key in exp:
        ck.check(seen.get(key, 0) == 1,
                 "ipcc2006-energy.yaml: %r (CSV %r) appears %d times, expected once"
                 % (key, exp[key]["name"], seen.get(key, 0)))
    for path, num in numbers_in(data):
        ck.check(path in checked_paths, "ipcc2006-energy.yaml: unchecked number %r at %r" % (num, path))


# --------------------------------------------------------------------------- gwp
def gwp_expected(rows, ck):
    exp = {}
    for r in rows:
        name = r["name"]
        m_split = re.fullmatch(r"GWP-100 CH4 (fossil|non-fossil) \((SAR|AR4|AR5|AR6)(?: Table [0-9.]+)?\)", name)
        m = re.fullmatch(r"GWP-100 (.+) \((SAR|AR4|AR5|AR6)\)", name)
        if m_split:
            gas = "CH4_fossil" if m_split.group(1) == "fossil" else "CH4_non_fossil"
            key = (m_split.group(2).lower(), gas)
        elif m and ck.check(m.group(1) == r["gas"], "gwp.csv: name/gas mismatch in %r" % name):
            key = (m.group(2).lower(), r["gas"])
        else:
            ck.check(False, "gwp.csv: row not mapped: %r" % name)
            continue
        ck.check(key not in exp, "gwp.csv: two rows map to %r" % (key,))
        exp[key] = r
    return exp


def check_gwp(data, rows, ck):
    exp = gwp_expected(rows, ck)
    sets = data.get("gwp_sets") if isinstance(data, dict) else None
    if not ck.check(isinstance(sets, list), "gwp.yaml: 'gwp_sets' list missing"):
        return
    ids = [s.get("id") if isinstance(s, dict) else None for s in sets]
    ck.check(ids == GWP_SETS, "gwp.yaml: set ids %r, expected %r in that order" % (ids, GWP_SETS))
    defaults = [s.get("id") for s in sets if isinstance(s, dict) and s.get("default") is True]
    ck.check(defaults == [DEFAULT_GWP_SET], "gwp.yaml: default sets %r, expected only %s" % (defaults, DEFAULT_GWP_SET))
    checked_paths = set()
    seen = {}
    for si, s in enumerate(sets):
        if not isinstance(s, dict):
            continue
        vals = s.get("values")
        if not ck.check(isinstance(vals, list), "gwp.yaml: set %r has no values list" % s.get("id")):
            continue
        for vi, v in enumerate(vals):
            key = (s.get("id"), v.get("gas") if isinstance(v, dict) else None)
            where = "gwp.yaml %s/%s" % key
            if not ck.check(key in exp, where + ": no CSV row for this set/gas"):
                continue
            row = exp[key]
            seen[key] = seen.get(key, 0) + 1
            checked_paths.add(("gwp_sets", si, "values", vi, "value"))
            ck.check(same_number(v.get("value"), row["value"]),
                     "%s: value %r != CSV %s (%s)" % (where, v.get("value"), row["value"], row["name"]))
            want = tag(row["note"])
            ck.check(v.get("confidence") == want, "%s: confidence %r != CSV [%s]" % (where, v.get("confidence"), want))
            ck.check(isinstance(v.get("ref"), str) and v["ref"] != "", where + ": ref missing")
    for key in exp:
        ck.check(seen.get(key, 0) == 1, "gwp.yaml: %r (CSV %r) appears %d times, expected once"
                 % (key, exp[key]["name"], seen.get(key, 0)))
    for path, num in numbers_in(data):
        ck.check(path in checked_paths, "gwp.yaml: unchecked number %r at %r" % (num, path))


def main():
    ref_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "reference")
    ref_dir = os.path.normpath(ref_dir)
    energy_csv = os.path.join(ref_dir, "ipcc2006_energy.csv")
    gwp_csv = os.path.join(ref_dir, "gwp.csv")
    if not (os.path.isfile(energy_csv) and os.path.isfile(gwp_csv)):
        print("SKIP: reference folder %s (ipcc2006_energy.csv, gwp.csv) not found" % ref_dir)
        return 0
    try:
        import yaml
    except ImportError:
        print("ERROR: PyYAML is required (apt-get install python3-yaml)")
        print("0 passed, 1 failed")
        return 1
    ck = Checker()
    for path, rows_path, fn in ((ENERGY_YAML, energy_csv, check_energy), (GWP_YAML, gwp_csv, check_gwp)):
        try:
            with open(path, encoding="utf-8") as f:
                data = yaml.safe_load(f)
        except (OSError, yaml.YAMLError) as exc:
            ck.check(False, "%s: cannot load: %s" % (path, exc))
            continue
        fn(data, read_csv(rows_path), ck)
    print("%d passed, %d failed" % (ck.passed, ck.failed))
    return 1 if ck.failed else 0


if __name__ == "__main__":
    sys.exit(main())
