#!/usr/bin/python3
"""Check the factor data files against the reference CSVs.

Usage: /usr/bin/python3 tests/tools/check_factor_data.py [REFERENCE_DIR]

REFERENCE_DIR defaults to ../shared/reference relative to the repository root and must hold
ipcc2006_energy.csv, gwp.csv, china_energy.csv and grid_factors_2023.csv. Checked pairs:
  factors/ipcc2006-energy.yaml  <- ipcc2006_energy.csv
  factors/gwp.yaml              <- gwp.csv
  factors/china-energy.yaml     <- china_energy.csv (standard-coal coefficients, NCVs, enterprise defaults)
  factors/china-grid.yaml       <- china_energy.csv (grid rows) + grid_factors_2023.csv
Every number in the YAML files must equal the CSV value for the same fuel/category/gas (or GWP set/gas,
or grid/year), written in the same form (integer vs decimal; for the China files the exact digits),
with the same confidence letter; every CSV row must be represented, or (China files) be listed in
CN_ENERGY_SKIPPED / CN_GRID_SKIPPED with the reason. Prints "N passed, M failed" last and exits 1 on
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
CN_ENERGY_YAML = os.path.join(REPO, "factors", "china-energy.yaml")
CN_GRID_YAML = os.path.join(REPO, "factors", "china-grid.yaml")

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


# --------------------------------------------------------------------------- china energy
# Chinese name as written in parentheses in china_energy.csv -> fuel/activity key in china-energy.yaml.
# None: a row of that name is not used (it must be listed in CN_ENERGY_SKIPPED).
CN_KEYS = {
    "原煤": "raw_coal",
    "洗精煤": "cleaned_coal",
    "洗中煤": "other_washed_coal",  # GB/T 2589 middlings row, filed under the energy-balance key 其他洗煤
    "焦炭": "coke",
    "无烟煤": "anthracite",
    "烟煤": "bituminous_coal",
    "褐煤": "lignite",
    "原油": "crude_oil",
    "燃料油": "fuel_oil",
    "汽油": "gasoline",
    "煤油": "kerosene",
    "一般煤油": "kerosene",
    "柴油": "diesel",
    "液化石油气": "lpg",
    "炼厂干气": "refinery_gas",
    "天然气": "natural_gas",
    "油田天然气": "natural_gas",
    "气田天然气": None,
    "焦炉煤气": "coke_oven_gas",
    "高炉煤气": "blast_furnace_gas",
    "当量值": "electricity",
    "热力": "heat",
    "等价值": "electricity_equal_value",
}
CN_ACTIVITIES = {"electricity", "heat", "electricity_equal_value"}
# fuel key -> the ipcc2006-energy.yaml key whose CH4/N2O (and, without carbon_content, CO2) apply
CN_IPCC_FUEL = {
    "raw_coal": "other_bituminous_coal",
    "cleaned_coal": "other_bituminous_coal",
    "other_washed_coal": "other_bituminous_coal",
    "coke": "coke_oven_coke",
    "anthracite": "anthracite",
    "bituminous_coal": "other_bituminous_coal",
    "lignite": "lignite",
    "crude_oil": "crude_oil",
    "fuel_oil": "residual_fuel_oil",
    "gasoline": "motor_gasoline",
    "kerosene": "other_kerosene",
    "diesel": "gas_diesel_oil",
    "lpg": "lpg",
    "refinery_gas": "refinery_gas",
    "natural_gas": "natural_gas",
    "coke_oven_gas": "coke_oven_gas",
    "blast_furnace_gas": "blast_furnace_gas",
}
# Where each fuel's ncv comes from: "gbt" = the NCV basis GB/T 2589 gives for its standard-coal
# coefficient ("NCV basis 20908 kJ/kg" in the note), preferred; "ent" = the enterprise-guideline default,
# used where GB/T 2589 gives no single NCV (coal ranks, coke oven gas: range only) and for natural gas
# (389.31 GJ/10^4 Nm3, three sources, = the GB/T oilfield-gas NCV basis 38931 kJ/m3).
CN_NCV_FROM = {
    "raw_coal": "gbt", "cleaned_coal": "gbt", "other_washed_coal": "gbt", "coke": "gbt",
    "crude_oil": "gbt", "fuel_oil": "gbt", "gasoline": "gbt", "kerosene": "gbt", "diesel": "gbt",
    "lpg": "gbt", "refinery_gas": "gbt",
    "anthracite": "ent", "bituminous_coal": "ent", "lignite": "ent", "natural_gas": "ent",
    "coke_oven_gas": "ent",
}
# A value given as a range in the CSV: which end the YAML value is (lower/upper must be both bounds).
CN_RANGE_CHOICE = {
    # CSV note: "use the upper 0.6143 only if no measured NCV" - a default set has no measured NCV.
    "Standard-coal coefficient Coke oven gas (焦炉煤气)": "upper",
}
_ENT_NCV_SKIP = ("GB/T 2589 NCV basis preferred for the ncv of this fuel (README caution 4: the "
                 "enterprise-guideline oil NCVs differ from GB/T 2589); the value is quoted in the YAML note")
# china_energy.csv rows deliberately not in china-energy.yaml / china-grid.yaml, with the reason.
CN_ENERGY_SKIPPED = {
    "Standard coal definition (1 kgce)":
        "definition of the kgce unit, not a factor; the unit parser carries it (calc/units.c)",
    "Standard-coal coefficient Natural gas - gas-field gas (气田天然气)":
        "one natural_gas entry: the oilfield-gas coefficient 1.3300 is used because its NCV basis "
        "(38931 kJ/m3) equals the three-source natural-gas NCV 389.31 GJ/10^4 Nm3; the gas-field value is "
        "quoted in the YAML note",
    "China enterprise-guideline default NCV Cleaned coal (洗精煤)":
        "same value as the GB/T 2589 NCV basis 26344 kJ/kg, which is used",
    "China enterprise-guideline default NCV Coke (焦炭)":
        "[C] conflicts with GB/T 2589 28435 kJ/kg (also STEEL-TS), which is used",
    "China enterprise-guideline default NCV Crude oil (原油)": _ENT_NCV_SKIP,
    "China enterprise-guideline default NCV Fuel oil (燃料油)": _ENT_NCV_SKIP,
    "China enterprise-guideline default NCV Gasoline (汽油)": _ENT_NCV_SKIP,
    "China enterprise-guideline default NCV Diesel (柴油)": _ENT_NCV_SKIP,
    "China enterprise-guideline default NCV Kerosene (一般煤油)": _ENT_NCV_SKIP,
    "China enterprise-guideline default NCV LPG (液化石油气)": _ENT_NCV_SKIP,
    "China enterprise-guideline default NCV Refinery dry gas (炼厂干气)": _ENT_NCV_SKIP,
    "China national grid EF used for enterprise GHG reporting (MEE notice)":
        "[C] 0.5703 tCO2/MWh: the code files' year/notice labels disagree, so there is no year to file it "
        "under (README caution 5)",
}
CN_GRID_SKIPPED = {}
CN_PARAMS = ("ncv", "carbon_content", "oxidation", "sce")
GRID_UNITS = {"kgCO2/kWh", "tCO2/MWh"}
# Chinese grid name in the CSV row name -> grid key in china-grid.yaml
GRID_KEYS = {
    "东北": "northeast", "华北": "north", "华东": "east", "华中": "central", "西北": "northwest",
    "南方": "south", "西南": "southwest", "吉林": "jilin", "辽宁": "liaoning", "黑龙江": "heilongjiang",
}


def cjk_parens(text):
    """Parenthesised names containing Chinese characters, in order."""
    return re.findall(r"\(([^()]*[\u4e00-\u9fff][^()]*)\)", text or "")


def same_unit(yaml_unit, csv_unit):
    """Units equal up to spaces: CSV 'kgCO2/kWh' = YAML 'kg CO2/kWh'."""
    return isinstance(yaml_unit, str) and yaml_unit.replace(" ", "") == csv_unit.replace(" ", "")


def raw_scalars(node, path=()):
    """{path: text as written} for every scalar of a composed YAML node tree."""
    import yaml
    out = {}
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            out.update(raw_scalars(v, path + (k.value,)))
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            out.update(raw_scalars(v, path + (i,)))
    elif isinstance(node, yaml.ScalarNode):
        out[path] = node.value
    return out


def sources_of(row):
    return [c.strip() for c in row["source"].split(";") if c.strip()]


def check_value(ck, fwhere, f, spec, raw, path, checked_paths):
    """One YAML value {value, unit, ref, confidence, note[, lower, upper]} against spec (see cn_item)."""
    if not ck.check(isinstance(f, dict) and "value" in f, fwhere + ": needs {value: ...}"):
        return
    rows = spec["rows"]
    names = " / ".join(r["name"] for r in rows)
    checked_paths.add(path + ("value",))
    ck.check(same_number(f["value"], spec["value"]),
             "%s: value %r != CSV %s (%s)" % (fwhere, f["value"], spec["value"], names))
    ck.check(raw.get(path + ("value",)) == spec["value"],
             "%s: value written %r, CSV writes %r" % (fwhere, raw.get(path + ("value",)), spec["value"]))
    ck.check(same_unit(f.get("unit"), spec["unit"]), "%s: unit %r != CSV %r" % (fwhere, f.get("unit"), spec["unit"]))
    for b in ("lower", "upper"):
        if spec.get(b):
            ok = b in f and same_number(f[b], spec[b]) and raw.get(path + (b,)) == spec[b]
            ck.check(ok, "%s: %s %r != CSV %s" % (fwhere, b, f.get(b), spec[b]))
        else:
            ck.check(b not in f, "%s: has %s but the CSV has none" % (fwhere, b))
        if b in f:
            checked_paths.add(path + (b,))
    tags = {tag(r["note"]) for r in rows}
    if ck.check(len(tags) == 1, "%s: CSV rows disagree on confidence %r (%s)" % (fwhere, sorted(map(str, tags)), names)):
        want = tags.pop()
        ck.check(f.get("confidence") == want, "%s: confidence %r != CSV [%s]" % (fwhere, f.get("confidence"), want))
        if want in ("B", "C"):
            ck.check(isinstance(f.get("note"), str) and f["note"] != "",
                     "%s: [%s] value needs a note saying why" % (fwhere, want))
    ref = f.get("ref")
    if ck.check(isinstance(ref, str) and ref != "", fwhere + ": ref missing"):
        for r in rows:
            for code in sources_of(r):
                ck.check(code in ref, "%s: ref does not cite source %s of CSV row %r" % (fwhere, code, r["name"]))


def cn_item(row, value, unit, lower="", upper=""):
    return {"rows": [row], "value": value, "unit": unit, "lower": lower, "upper": upper}


def cn_energy_expected(rows, ck):
    """(key, param) -> spec for china-energy.yaml; marks grid rows for cn_grid_expected."""
    exp = {}
    ncv_cand = {}  # key -> {"gbt"|"ent": spec}
    for r in rows:
        name = r["name"]
        if name in CN_ENERGY_SKIPPED:
            continue
        if r["unit"] in GRID_UNITS:
            continue  # a grid factor: checked with china-grid.yaml
        cjk = [c for c in cjk_parens(name) if c in CN_KEYS]
        if not ck.check(len(cjk) == 1, "china_energy.csv: row %r has no single known Chinese name" % name):
            continue
        key = CN_KEYS[cjk[0]]
        if not ck.check(key is not None, "china_energy.csv: row %r is not used: list it in CN_ENERGY_SKIPPED" % name):
            continue
        items = []
        if name.startswith("Standard-coal coefficient ") or "reference coefficient" in name:
            val, lo, hi = r["value"], r["lower"], r["upper"]
            if lo or hi:
                end = CN_RANGE_CHOICE.get(name)
                if not ck.check(end in ("lower", "upper"), "china_energy.csv: range row %r needs CN_RANGE_CHOICE" % name):
                    continue
                val = lo if end == "lower" else hi
            items.append(("sce", cn_item(r, val, r["unit"], lo, hi)))
            m = re.search(r"NCV basis (\d+) (kJ/(?:kg|m3))", r["note"])
            if m:
                ncv_cand.setdefault(key, {})["gbt"] = cn_item(r, m.group(1), m.group(2))
        elif "default NCV" in name:
            ncv_cand.setdefault(key, {})["ent"] = cn_item(r, r["value"], r["unit"])
        elif "default carbon content per unit heat" in name:
            items.append(("carbon_content", cn_item(r, r["value"], r["unit"])))
        elif "default carbon oxidation rate" in name:
            items.append(("oxidation", cn_item(r, r["value"], r["unit"])))
        else:
            ck.check(False, "china_energy.csv: row %r not mapped to a parameter" % name)
            continue
        for param, spec in items:
            ck.check((key, param) not in exp, "china_energy.csv: two rows map to %r" % ((key, param),))
            exp[(key, param)] = spec
    for key, cands in ncv_cand.items():
        src = CN_NCV_FROM.get(key)
        if not ck.check(src in cands, "china_energy.csv: ncv of %r: CN_NCV_FROM says %r, CSV has %r"
                        % (key, src, sorted(cands))):
            continue
        other = "ent" if src == "gbt" else "gbt"
        if other in cands and other == "ent":
            # a whole enterprise NCV row left unused must be listed as skipped (it is filtered out above)
            ck.check(False, "china_energy.csv: row %r is not used: list it in CN_ENERGY_SKIPPED"
                     % cands[other]["rows"][0]["name"])
        exp[(key, "ncv")] = cands[src]
    for key in CN_NCV_FROM:
        ck.check(key in ncv_cand, "CN_NCV_FROM: %r has no NCV row in china_energy.csv" % key)
    return exp


def check_cn_skips(rows_by_file, ck):
    """Every skip-listed row exists, and every row is accounted for."""
    for skipped, label in ((CN_ENERGY_SKIPPED, "china_energy.csv"), (CN_GRID_SKIPPED, "grid_factors_2023.csv")):
        names = {r["name"] for r in rows_by_file[label]}
        for name, reason in skipped.items():
            ck.check(name in names, "%s: skip-listed row %r is not in the CSV (stale entry)" % (label, name))
            ck.check(bool(reason), "%s: skip-listed row %r has no reason" % (label, name))


def check_cn_energy(data, raw, rows, ipcc_data, ck):
    exp = cn_energy_expected(rows, ck)
    ok = isinstance(data, dict)
    ck.check(ok and data.get("factor_set") == "china-energy",
             "china-energy.yaml: factor_set must equal the file name 'china-energy'")
    ck.check(ok and data.get("extends") == "ipcc2006-energy", "china-energy.yaml: must extend ipcc2006-energy")
    for k in ("title", "source", "version"):
        ck.check(ok and isinstance(data.get(k), str) and data[k] != "", "china-energy.yaml: %s missing" % k)
    factors = data.get("factors") if ok else None
    if not ck.check(isinstance(factors, list), "china-energy.yaml: 'factors' list missing"):
        return
    ipcc_keys = {e.get("fuel") for e in (ipcc_data or {}).get("factors", []) if isinstance(e, dict)
                 and e.get("category") is None}
    checked_paths = set()
    seen = {}
    keys_seen = set()
    for i, e in enumerate(factors):
        if not ck.check(isinstance(e, dict) and ("fuel" in e) != ("activity" in e),
                        "china-energy factors[%d]: not a mapping with one of 'fuel'/'activity'" % i):
            continue
        is_act = "activity" in e
        key = e["activity"] if is_act else e["fuel"]
        where = "china-energy factors[%d] (%s)" % (i, key)
        ck.check(is_act == (key in CN_ACTIVITIES), where + ": electricity/heat use 'activity:', fuels 'fuel:'")
        ck.check(key not in keys_seen, where + ": one entry per fuel expected, this key repeats")
        keys_seen.add(key)
        ck.check("category" not in e and "grid" not in e and "year" not in e,
                 where + ": no category/grid/year expected in china-energy")
        ck.check(any(CN_KEYS.get(c) == key for c in cjk_parens(e.get("name"))),
                 where + ": name %r must carry the Chinese name of the CSV row in parentheses" % e.get("name"))
        if is_act:
            ck.check("ipcc_fuel" not in e, where + ": an activity has no ipcc_fuel")
        else:
            want = CN_IPCC_FUEL.get(key)
            ck.check(e.get("ipcc_fuel") == want, where + ": ipcc_fuel %r, expected %r" % (e.get("ipcc_fuel"), want))
            ck.check(want in ipcc_keys, where + ": ipcc_fuel %r is not a fuel of ipcc2006-energy.yaml" % want)
            ck.check(not e.get("biogenic", False), where + ": no Chinese fuel here is biogenic")
        for field in ("co2", "ch4", "n2o"):
            ck.check(field not in e, where + ": %s given, but no CSV row gives it" % field)
        for field in CN_PARAMS:
            if field not in e:
                continue
            fwhere = "%s.%s" % (where, field)
            if not ck.check((key, field) in exp, fwhere + ": no CSV row for this fuel/parameter"):
                continue
            seen[(key, field)] = seen.get((key, field), 0) + 1
            check_value(ck, fwhere, e[field], exp[(key, field)], raw, ("factors", i, field), checked_paths)
    for k, spec in exp.items():
        ck.check(seen.get(k, 0) == 1, "china-energy.yaml: %r (CSV %r) appears %d times, expected once"
                 % (k, spec["rows"][0]["name"], seen.get(k, 0)))
    for path, num in numbers_in(data):
        ck.check(path in checked_paths, "china-energy.yaml: unchecked number %r at %r" % (num, path))


# --------------------------------------------------------------------------- china grid
def cn_grid_expected(rows_by_file, ck):
    """(grid, year) -> spec; rows of china_energy.csv with a grid unit plus all of grid_factors_2023.csv."""
    exp = {}
    for label, skipped in (("china_energy.csv", CN_ENERGY_SKIPPED), ("grid_factors_2023.csv", CN_GRID_SKIPPED)):
        for r in rows_by_file[label]:
            name = r["name"]
            if name in skipped:
                continue
            if r["unit"] not in GRID_UNITS:
                if label != "china_energy.csv":  # china_energy.csv: an energy row, checked above
                    ck.check(False, "%s: row %r has no grid-factor unit" % (label, name))
                continue
            ck.check(r["gas"] == "CO2", "%s: grid row %r is not CO2" % (label, name))
            years = re.findall(r"\b(20\d\d)\b", name)
            if not ck.check(len(years) == 1, "%s: grid row %r has no single year: skip-list it" % (label, name)):
                continue
            cjk = [GRID_KEYS[c] for c in cjk_parens(name) if c in GRID_KEYS]
            if re.search(r"excl(?:\.|uding) market-traded non-fossil", name):
                grid = "national_excl_market_non_fossil"
            elif re.search(r"fossil-(?:power|fuel electricity)", name):
                grid = "national_fossil"
            elif cjk:
                grid = cjk[0]
            elif name.startswith("China national average"):
                grid = "national"
            else:
                ck.check(False, "%s: grid row %r not mapped to a grid key" % (label, name))
                continue
            key = (grid, int(years[0]))
            if key in exp:
                spec = exp[key]
                ck.check(spec["value"] == r["value"] and spec["unit"] == r["unit"],
                         "%s: rows %r and %r give %r different values" % (label, spec["rows"][0]["name"], name, key))
                spec["rows"].append(r)
            else:
                exp[key] = cn_item(r, r["value"], r["unit"])
    return exp


def check_cn_grid(data, raw, rows_by_file, ck):
    exp = cn_grid_expected(rows_by_file, ck)
    ok = isinstance(data, dict)
    ck.check(ok and data.get("factor_set") == "china-grid",
             "china-grid.yaml: factor_set must equal the file name 'china-grid'")
    for k in ("title", "source"):
        ck.check(ok and isinstance(data.get(k), str) and data[k] != "", "china-grid.yaml: %s missing" % k)
    factors = data.get("factors") if ok else None
    if not ck.check(isinstance(factors, list), "china-grid.yaml: 'factors' list missing"):
        return
    checked_paths = set()
    seen = {}
    for i, e in enumerate(factors):
        if not ck.check(isinstance(e, dict) and e.get("activity") == "electricity" and "fuel" not in e,
                        "china-grid factors[%d]: expected 'activity: electricity'" % i):
            continue
        grid, year = e.get("grid"), e.get("year")
        where = "china-grid factors[%d] (%s, %s)" % (i, grid, year)
        if not ck.check(isinstance(grid, str) and isinstance(year, int) and not isinstance(year, bool),
                        where + ": needs grid: (text) and year: (integer)"):
            continue
        extra = set(e) - {"activity", "grid", "year", "name", "note", "co2"}
        ck.check(not extra, where + ": unexpected keys %r (only co2 is in the CSVs)" % sorted(extra))
        if not ck.check((grid, year) in exp and "co2" in e, where + ": no CSV row for this grid/year, or no co2"):
            continue
        spec = exp[(grid, year)]
        seen[(grid, year)] = seen.get((grid, year), 0) + 1
        checked_paths.add(("factors", i, "year"))
        ck.check(raw.get(("factors", i, "year")) == str(year), where + ": year must be written plainly")
        check_value(ck, where + ".co2", e["co2"], spec, raw, ("factors", i, "co2"), checked_paths)
    for k, spec in exp.items():
        ck.check(seen.get(k, 0) == 1, "china-grid.yaml: %r (CSV %r) appears %d times, expected once"
                 % (k, spec["rows"][0]["name"], seen.get(k, 0)))
    for path, num in numbers_in(data):
        ck.check(path in checked_paths, "china-grid.yaml: unchecked number %r at %r" % (num, path))


def main():
    ref_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "reference")
    ref_dir = os.path.normpath(ref_dir)
    energy_csv = os.path.join(ref_dir, "ipcc2006_energy.csv")
    gwp_csv = os.path.join(ref_dir, "gwp.csv")
    cn_csv = os.path.join(ref_dir, "china_energy.csv")
    grid_csv = os.path.join(ref_dir, "grid_factors_2023.csv")
    if not all(os.path.isfile(p) for p in (energy_csv, gwp_csv, cn_csv, grid_csv)):
        print("SKIP: reference folder %s (ipcc2006_energy.csv, gwp.csv, china_energy.csv, "
              "grid_factors_2023.csv) not found" % ref_dir)
        return 0
    try:
        import yaml
    except ImportError:
        print("ERROR: PyYAML is required (apt-get install python3-yaml)")
        print("0 passed, 1 failed")
        return 1
    ck = Checker()
    loaded = {}
    for path, rows_path, fn in ((ENERGY_YAML, energy_csv, check_energy), (GWP_YAML, gwp_csv, check_gwp)):
        try:
            with open(path, encoding="utf-8") as f:
                data = yaml.safe_load(f)
        except (OSError, yaml.YAMLError) as exc:
            ck.check(False, "%s: cannot load: %s" % (path, exc))
            continue
        loaded[path] = data
        fn(data, read_csv(rows_path), ck)
    cn_rows = {"china_energy.csv": read_csv(cn_csv), "grid_factors_2023.csv": read_csv(grid_csv)}
    check_cn_skips(cn_rows, ck)
    for path in (CN_ENERGY_YAML, CN_GRID_YAML):
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            data = yaml.safe_load(text)
            raw = raw_scalars(yaml.compose(text))
        except (OSError, yaml.YAMLError) as exc:
            ck.check(False, "%s: cannot load: %s" % (path, exc))
            continue
        if path == CN_ENERGY_YAML:
            check_cn_energy(data, raw, cn_rows["china_energy.csv"], loaded.get(ENERGY_YAML), ck)
        else:
            check_cn_grid(data, raw, cn_rows, ck)
    print("%d passed, %d failed" % (ck.passed, ck.failed))
    return 1 if ck.failed else 0


if __name__ == "__main__":
    sys.exit(main())
