#!/usr/bin/python3
"""Check the factor data files against the reference CSVs.

Usage: /usr/bin/python3 tests/tools/check_factor_data.py [REFERENCE_DIR]

REFERENCE_DIR defaults to ../shared/reference relative to the repository root and must hold
ipcc2006_energy.csv, gwp.csv, china_energy.csv and grid_factors_2023.csv; ippu.csv, agriculture.csv,
waste.csv and forest.csv are checked when present. Checked pairs:
  factors/ipcc2006-energy.yaml  <- ipcc2006_energy.csv
  factors/gwp.yaml              <- gwp.csv
  factors/china-energy.yaml     <- china_energy.csv (standard-coal coefficients, NCVs, enterprise defaults)
  factors/china-grid.yaml       <- china_energy.csv (grid rows) + grid_factors_2023.csv
  factors/ipcc2006-ippu.yaml    <- ippu.csv          (product method, see PM_PLACE_IPPU)
  factors/ipcc2006-agriculture.yaml <- agriculture.csv
  factors/ipcc2006-waste.yaml   <- waste.csv (incineration, open burning, wastewater)
  factors/ipcc2006-fod.yaml     <- waste.csv (first-order-decay parameters)
  factors/ipcc2006-forest.yaml  <- forest.csv
Every number in the YAML files must equal the CSV value for the same fuel/category/gas (or GWP set/gas,
or grid/year, or activity/category/parameter), written in the same form (integer vs decimal; for the
China and product-method files the exact digits), with the same confidence letter; every CSV row must
be represented, or (China and product-method files) be listed in CN_ENERGY_SKIPPED / CN_GRID_SKIPPED /
PM_SKIPPED with the reason. Prints "N passed, M failed" last and exits 1 on any failure. Exits 0 with a
skip message if the reference folder is absent.
Dependencies: Python 3 standard library + PyYAML.
"""
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import factor_transcriptions as tr  # noqa: E402  (values the reference CSVs lack, with their sources)

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
BIOMASS = {"wood_wood_waste", "charcoal", "other_primary_solid_biomass"} | tr.biogenic_keys()
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
NCV_CO2_COPIES = {"motor_gasoline_oxcat": "motor_gasoline", "motor_gasoline_ldv1995": "motor_gasoline",
                  **tr.TRANSPORT_COPIES}
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
    # values the CSV lacks: fuels of Table 1.2/1.4 and Tables 2.2-2.5, mobile CH4/N2O beyond road
    for key, row in tr.energy_rows().items():
        put(key, row)
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
            for code in row.get("must_cite", ()):
                ck.check(code in (f.get("ref") or ""), "%s: ref does not cite %s" % (fwhere, code))
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


def load_yaml(path, ck):
    """(data, raw_scalars) of YAML file `path`; None, after a failed check
    that says why, when it cannot be read or parsed."""
    import yaml
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        return yaml.safe_load(text), raw_scalars(yaml.compose(text))
    except (OSError, yaml.YAMLError) as exc:
        ck.check(False, "%s: cannot load: %s" % (path, exc))
        return None


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
        extra = set(e) - {"activity", "grid", "year", "name", "name_zh", "note", "co2"}
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


# --------------------------------------------------------------------------- product-method sets
# factors/ipcc2006-ippu.yaml, -agriculture.yaml, -waste.yaml, -fod.yaml, -forest.yaml <- ippu.csv, agriculture.csv,
# waste.csv, forest.csv. Each CSV row is placed by name: PM_PLACE[csv][row name] = [(activity key, category, param)
# or (key, category, param, index) for a cell holding "a / b / c"], or skipped in PM_SKIPPED[csv] with the reason.
# The YAML value must be the CSV value as written, in the unit PM_UNIT gives for the CSV unit (the engine's
# spelling of the same unit), with the CSV row's confidence, its source codes and EFDB EF IDs in `ref`.
PM_FILES = (  # (yaml file, factor_set, csv file)
    ("ipcc2006-ippu.yaml", "ipcc2006-ippu", "ippu.csv"),
    ("ipcc2006-agriculture.yaml", "ipcc2006-agriculture", "agriculture.csv"),
    ("ipcc2019-agriculture-wet.yaml", "ipcc2019-agriculture-wet", "agriculture.csv"),
    ("ipcc2019-agriculture-dry.yaml", "ipcc2019-agriculture-dry", "agriculture.csv"),
    ("ipcc2006-waste.yaml", "ipcc2006-waste", "waste.csv"),
    ("ipcc2006-fod.yaml", "ipcc2006-fod", "waste.csv"),
    ("ipcc2006-forest.yaml", "ipcc2006-forest", "forest.csv"),
)
PM_ENTRY_KEYS = {"activity", "name", "name_zh", "category", "removal", "note", "feedstock", "needs"}
# YAML files whose entries are all sinks (removal: true); no other entry may be one.
PM_REMOVAL_FILES = {"ipcc2006-forest.yaml"}

PM_UNIT = {
    "fraction": "1", "factor": "1", "scaling factor": "1", "conversion factor": "1",
    "t root d.m./t shoot d.m.": "1",
    "kg C2F6/t Al": "kg/t", "kg CF4/t Al": "kg/t",  # the parser has no CF4/C2F6 tag: the parameter names the gas
    "kg CH4/t sinter": "kg CH4/t",
    "kg N2O/t HNO3": "kg N2O/t", "kg N2O/t HNO3 (100%)": "kg N2O/t",
    "kg CH4/head/yr": "kg CH4/head/yr", "kg CH4/ha/day": "kg CH4/ha/d",
    "kg N2O-N/kg N": "kg N2O-N/kg N", "kg N2O-N/kg N excreted": "kg N2O-N/kg N",
    "tC/t urea": "t C/t", "tC/t limestone": "t C/t", "tC/t dolomite": "t C/t",
    "% of carbon input": "%", "% of dry weight": "%", "% of wet weight": "%", "% of generated CH4": "%",
    "1/yr": "1/yr", "g N2O/person/yr": "g N2O/person/yr",
    "g N2O/t waste (wet)": "g N2O/t", "g N2O/t waste": "g N2O/t", "g CH4/t waste (wet)": "g CH4/t",
    "kg CH4/kg BOD": "kg CH4/kg BOD", "kg CH4/kg COD": "kg CH4/kg COD",
    "% of dry biomass": "t C/100 t DM", "tC/t d.m.": "t C/t DM",
    # one cell "dry matter / total C of dry matter / fossil C fraction"
    "% / % / %": ("%", "t C/100 t DM", "%"),
}


def pm_unit(csv_unit, param, idx):
    """The YAML unit for a CSV unit, or None when there is no rule."""
    m = re.fullmatch(r"tCO2/t \S.*", csv_unit)
    if m:
        return "t CO2/t"
    if csv_unit == "kg N2O-N/kg N (or fraction)":
        return "1" if param == "fraction" else "kg N2O-N/kg N"
    u = PM_UNIT.get(csv_unit)
    if isinstance(u, tuple):
        return u[idx] if idx is not None and idx < len(u) else None
    return u


def _place_many(keys, cat, param):
    return [(k, cat, param) for k in keys]


# ---- ippu.csv
_LKD_KEYS = ("lime_high_calcium", "lime_dolomitic_developed", "lime_dolomitic_developing", "lime_hydraulic")
_AL = "Primary aluminium Tier 1 "
PM_PLACE_IPPU = {
    "Cement clinker EF (Tier 1, CaO 65% all from CaCO3)": [("clinker", "2.A.1", "co2")],
    "Cement kiln dust (CKD) correction factor": [("clinker_tier2", "2.A.1", "correction")],
    "Lime: high-calcium lime EF": [("lime", "2.A.2", "co2"), ("lime_high_calcium", "2.A.2", "co2")],
    "Lime: dolomitic lime EF (developed countries)": [("lime_dolomitic_developed", "2.A.2", "co2")],
    "Lime: dolomitic lime EF (developing countries)": [("lime_dolomitic_developing", "2.A.2", "co2")],
    "Lime: hydraulic lime EF": [("lime_hydraulic", "2.A.2", "co2")],
    "Lime kiln dust (LKD) correction factor": _place_many(_LKD_KEYS, "2.A.2", "correction"),
    "Carbonate EF: calcite/aragonite CaCO3": [("carbonate_calcite", None, "co2"), ("cement_kiln_dust", "2.A.1", "co2")],
    "Carbonate EF: dolomite CaMg(CO3)2": [("carbonate_dolomite", None, "co2")],
    "Carbonate EF: magnesite MgCO3": [("carbonate_magnesite", None, "co2")],
    "Carbonate EF: soda ash Na2CO3": [("carbonate_soda_ash", None, "co2")],
    "Glass production EF (typical soda-lime batch)": [("glass", "2.A.3", "co2")],
    "Ammonia EF, modern plant conventional reforming (natural gas)": [("ammonia", "2.B.1", "co2")],
    "Nitric acid N2O EF: plants with NSCR": [("nitric_acid@nscr", "2.B.2", "n2o")],
    "Nitric acid N2O EF: process-integrated or tail-gas N2O destruction":
        [("nitric_acid@process_integrated_or_tail_gas", "2.B.2", "n2o")],
    "Nitric acid N2O EF: atmospheric-pressure plants": [("nitric_acid@atmospheric_pressure", "2.B.2", "n2o")],
    "Nitric acid N2O EF: medium-pressure combustion plants": [("nitric_acid@medium_pressure", "2.B.2", "n2o")],
    "Nitric acid N2O EF: high-pressure plants": [("nitric_acid@high_pressure", "2.B.2", "n2o")],
    "Iron & steel Tier 1: basic oxygen furnace (BOF)": [("steel_bof", "2.C.1", "co2")],
    "Iron & steel Tier 1: electric arc furnace (EAF)": [("steel_eaf", "2.C.1", "co2")],
    "Iron & steel Tier 1: open hearth furnace": [("steel_ohf", "2.C.1", "co2")],
    "Iron & steel Tier 1: global average steel": [("steel_average", "2.C.1", "co2")],
    "Iron & steel Tier 1: pig iron (not converted to steel)": [("pig_iron", "2.C.1", "co2")],
    "Iron & steel Tier 1: direct reduced iron": [("dri", "2.C.1", "co2")],
    "Iron & steel Tier 1: sinter": [("sinter", "2.C.1", "co2")],
    "Iron & steel Tier 1: pellet": [("pellet", "2.C.1", "co2")],
    "Iron & steel Tier 1: sinter CH4": [("sinter", "2.C.1", "ch4")],
    "Metallurgical coke production Tier 1": [("metallurgical_coke", "2.C.1", "co2")],
    "Primary aluminium Tier 1: prebake": _place_many(("aluminium_cwpb", "aluminium_swpb"), "2.C.3", "co2"),
    "Primary aluminium Tier 1: Soderberg": _place_many(("aluminium_vss", "aluminium_hss"), "2.C.3", "co2"),
    _AL + "CF4: centre-worked prebake (CWPB)": [("aluminium_cwpb", "2.C.3", "cf4")],
    _AL + "CF4: side-worked prebake (SWPB)": [("aluminium_swpb", "2.C.3", "cf4")],
    _AL + "CF4: vertical stud Soderberg (VSS)": [("aluminium_vss", "2.C.3", "cf4")],
    _AL + "CF4: horizontal stud Soderberg (HSS)": [("aluminium_hss", "2.C.3", "cf4")],
    _AL + "C2F6: CWPB": [("aluminium_cwpb", "2.C.3", "c2f6")],
    _AL + "C2F6: SWPB": [("aluminium_swpb", "2.C.3", "c2f6")],
    _AL + "C2F6: VSS": [("aluminium_vss", "2.C.3", "c2f6")],
    _AL + "C2F6: HSS": [("aluminium_hss", "2.C.3", "c2f6")],
}
PM_SKIPPED_IPPU = {
    "Ammonia: total fuel requirement, modern plant conventional reforming (natural gas)":
        "a fuel requirement (GJ/t NH3), not a product-method factor: it is the cross-check of the ammonia EF "
        "1.694 (= 30.2 GJ x 15.3 kgC/GJ x 44/12, README caution 7), quoted in the YAML comment",
}

# ---- agriculture.csv
_ENT = "Enteric fermentation Tier 1 EF "
_MM = "Manure management CH4 Tier 1 EF "
_MN = "Manure management direct N2O EF3 - "
_EF1 = "IPCC 2006 EF1 direct N2O from N inputs (fertiliser, manure, residues, mineralisation)"
_N_TYPES = ("synthetic_n", "manure_n", "crop_residue_n", "mineralised_n")
PM_PLACE_AGRI = {
    _ENT + "Dairy cattle - Asia": [("dairy_cattle", "3.A.1", "ch4")],
    _ENT + "Other cattle - Asia (weighted average)": [("other_cattle", "3.A.1", "ch4")],
    _ENT + "Buffalo": [("buffalo", "3.A.1", "ch4")],
    _ENT + "Sheep - developing countries": [("sheep_developing", "3.A.1", "ch4")],
    _ENT + "Sheep - developed countries": [("sheep_developed", "3.A.1", "ch4")],
    _ENT + "Goats": [("goats", "3.A.1", "ch4")],
    _ENT + "Swine - developing countries": [("swine_developing", "3.A.1", "ch4")],
    _ENT + "Swine - developed countries": [("swine_developed", "3.A.1", "ch4")],
    _ENT + "Horses": [("horses", "3.A.1", "ch4")],
    _ENT + "Mules and asses": [("mules_asses", "3.A.1", "ch4")],
    _ENT + "Camels": [("camels", "3.A.1", "ch4")],
    _MM + "Dairy cattle - Asia, annual mean temp <=10 C": [("dairy_cattle", "3.A.2", "ch4")],
    _MM + "Other cattle - Asia, <=10 C": [("other_cattle", "3.A.2", "ch4")],
    # Asian swine manure value: region-based, so it serves both swine keys (README caution 6)
    _MM + "Swine - Asia, <=10 C": _place_many(("swine_developing", "swine_developed"), "3.A.2", "ch4"),
    _MM + "Buffalo - Asia, <=10 C": [("buffalo", "3.A.2", "ch4")],
    _MM + "Sheep - developing countries, cool climate": [("sheep_developing", "3.A.2", "ch4")],
    _MM + "Goats - developing countries, cool": [("goats", "3.A.2", "ch4")],
    _MM + "Horses - developing countries, cool": [("horses", "3.A.2", "ch4")],
    _MM + "Mules and asses - developing countries, cool": [("mules_asses", "3.A.2", "ch4")],
    _MM + "Poultry - developing countries, cool": [("poultry", "3.A.2", "ch4")],
    _EF1: _place_many(_N_TYPES, "3.C.4", "n2o"),
    "IPCC 2006 EF1FR direct N2O, flooded rice": [("flooded_rice_n", "3.C.4", "n2o")],
    "IPCC 2006 EF3PRP,CPP urine & dung on pasture - cattle, poultry, pigs":
        [("prp_n@cattle_poultry_pigs", "3.C.4", "n2o")],
    "IPCC 2006 EF3PRP,SO urine & dung on pasture - sheep and other": [("prp_n@sheep_other", "3.C.4", "n2o")],
    "IPCC 2006 EF4 volatilisation & re-deposition":
        _place_many(("n_volatilisation", "n_volatilisation_organic"), "3.C.5", "n2o"),
    "IPCC 2006 EF5 leaching/runoff": [("n_leaching", "3.C.5", "n2o")],
    "IPCC 2006 FracGASF volatilised from synthetic fertiliser": [("n_volatilisation", "3.C.5", "fraction")],
    "IPCC 2006 FracGASM volatilised from organic N and grazing deposits":
        [("n_volatilisation_organic", "3.C.5", "fraction")],
    "IPCC 2006 FracLEACH-(H) leached (wet regions / irrigated)": [("n_leaching", "3.C.5", "fraction")],
    "2019 Refinement EF1 - wet climate, synthetic (+mixed) fertiliser":
        [("synthetic_n@ipcc2019_wet", "3.C.4", "n2o")],
    "2019 Refinement EF1 - wet climate, organic N": [("manure_n@ipcc2019_wet", "3.C.4", "n2o")],
    "2019 Refinement EF1 - dry climate (all N inputs)":
        _place_many([k + "@ipcc2019_dry" for k in _N_TYPES], "3.C.4", "n2o"),
    "Urea application EF": [("urea", "3.C.3", "co2")],
    "Liming EF - limestone CaCO3": [("limestone", "3.C.2", "co2")],
    "Liming EF - dolomite CaMg(CO3)2": [("dolomite", "3.C.2", "co2")],
}
for _sys, _row in (
        ("daily_spread", "Daily spread"), ("solid_storage", "Solid storage"), ("dry_lot", "Dry lot"),
        ("liquid_slurry_crust", "Liquid/slurry with natural crust"),
        ("liquid_slurry_no_crust", "Liquid/slurry without natural crust"),
        ("anaerobic_lagoon", "Uncovered anaerobic lagoon"), ("pit_storage", "Pit storage below confinement"),
        ("anaerobic_digester", "Anaerobic digester"), ("deep_bedding_no_mixing", "Deep bedding, no mixing"),
        ("deep_bedding_active_mixing", "Deep bedding, active mixing"),
        ("composting_in_vessel", "Composting in-vessel"), ("composting_static_pile", "Composting static pile"),
        ("composting_intensive_windrow", "Composting intensive windrow"),
        ("composting_passive_windrow", "Composting passive windrow"),
        ("aerobic_natural_aeration", "Aerobic treatment, natural aeration"),
        ("aerobic_forced_aeration", "Aerobic treatment, forced aeration"),
        ("poultry_manure", "poultry manure with/without litter")):
    PM_PLACE_AGRI[_MN + _row] = [("manure_n_excreted@" + _sys, "3.A.2", "n2o")]
# rice: one entry per water regime x pre-season status, each with the baseline EF and both scaling factors
_RICE_WATER = {"continuously_flooded": "continuously flooded",
               "single_aeration": "intermittently flooded - single aeration",
               "multiple_aeration": "intermittently flooded - multiple aeration",
               "rainfed_regular": "regular rainfed", "rainfed_drought_prone": "drought prone",
               "deep_water": "deep water", "upland": "upland (never flooded)",
               "irrigated_aggregated": "aggregated - irrigated"}
_RICE_PRE = {"preseason_nonflooded_short": "non-flooded pre-season <180 days",
             "preseason_nonflooded_long": "non-flooded pre-season >180 days",
             "preseason_flooded": "flooded pre-season (>30 days)", "preseason_aggregated": "aggregated"}
_RICE_KEYS = ["rice@%s@%s" % (w, p) for w in _RICE_WATER for p in _RICE_PRE]
PM_PLACE_AGRI["Rice baseline EF (continuously flooded, no organic amendment, <180 d non-flooded pre-season)"] = \
    _place_many(_RICE_KEYS, "3.C.7", "ch4")
for _w, _row in _RICE_WATER.items():
    PM_PLACE_AGRI["Rice SFw " + _row] = _place_many(["rice@%s@%s" % (_w, p) for p in _RICE_PRE], "3.C.7",
                                                    "scaling_water")
for _p, _row in _RICE_PRE.items():
    PM_PLACE_AGRI["Rice SFp " + _row] = _place_many(["rice@%s@%s" % (w, _p) for w in _RICE_WATER], "3.C.7",
                                                    "scaling_preseason")
_CFOA_SKIP = ("organic-amendment conversion factor: SFo = (1 + sum ROA x CFOA)^0.59 is not a product of defaults; "
              "the record gives scaling_organic computed from its application rates (values quoted in the YAML "
              "comment)")
_R19_SKIP = ("2019 Refinement: its FracGASF/FracGASM/FracLEACH are not in the reference, and an EF4/EF5 entry "
             "without its fraction would overstate indirect N2O; the IPCC 2006 EF4/EF5 and fractions are used")
PM_SKIPPED_AGRI = {
    "Rice CFOA straw incorporated <30 days before cultivation": _CFOA_SKIP,
    "Rice CFOA straw incorporated >30 days before cultivation": _CFOA_SKIP,
    "Rice CFOA compost": _CFOA_SKIP,
    "Rice CFOA farm yard manure": _CFOA_SKIP,
    "Rice CFOA green manure": _CFOA_SKIP,
    "2019 Refinement EF4 aggregated": _R19_SKIP,
    "2019 Refinement EF5": _R19_SKIP,
}

# ---- waste.csv: ipcc2006-waste.yaml (4.C, 4.D) and ipcc2006-fod.yaml (4.A)
_COMP = {"paper": "Paper/cardboard", "textiles": "Textiles", "food": "Food waste", "wood": "Wood",
         "garden": "Garden and park waste", "nappies": "Nappies", "rubber_leather": "Rubber and leather",
         "plastics": "Plastics", "other_inert": "Other inert waste"}
_CROW = "MSW component for incineration CO2 - %s: dry matter / total C (dry) / fossil C fraction"
_WW = {"untreated_sea_river_lake": "Untreated - sea, river, lake discharge",
       "untreated_stagnant_sewer": "Untreated - stagnant sewer",
       "untreated_flowing_sewer": "Untreated - flowing sewer (open or closed)",
       "aerobic_well_managed": "Centralised aerobic plant - well managed",
       "aerobic_not_well_managed": "Centralised aerobic plant - overloaded/not well managed",
       "anaerobic_digester_sludge": "Anaerobic digester for sludge", "anaerobic_reactor": "Anaerobic reactor",
       "anaerobic_shallow_lagoon": "Anaerobic shallow lagoon (<2 m)",
       "anaerobic_deep_lagoon": "Anaerobic deep lagoon (>2 m)", "septic_system": "Septic system"}
PM_PLACE_WASTE = {
    "Incineration oxidation factor (MSW, industrial, clinical, sludge)":
        _place_many(["incineration_co2@" + c for c in _COMP], "4.C.1", "oxidation"),
    "Open burning oxidation factor": _place_many(["open_burning_co2@" + c for c in _COMP], "4.C.2", "oxidation"),
    "Incineration N2O EF - MSW continuous & semi-continuous":
        _place_many(("msw_incineration@continuous_stoker", "msw_incineration@semi_continuous"), "4.C.1", "n2o"),
    "Incineration N2O EF - MSW batch-type": [("msw_incineration@batch", "4.C.1", "n2o")],
    "Incineration N2O EF - industrial waste": [("industrial_waste_incineration", "4.C.1", "n2o")],
    "Incineration N2O EF - sewage sludge": [("sludge_incineration", "4.C.1", "n2o")],
    "Incineration CH4 EF - MSW continuous, stoker": [("msw_incineration@continuous_stoker", "4.C.1", "ch4")],
    "Open burning N2O EF - MSW": [("msw_open_burning", "4.C.2", "n2o")],
    "Open burning CH4 EF - MSW": [("msw_open_burning", "4.C.2", "ch4")],
    "Wastewater Bo (BOD basis)": _place_many(["domestic_wastewater@" + w for w in _WW], "4.D.1", "ch4"),
    "Wastewater Bo (COD basis)": [("industrial_wastewater", "4.D.2", "ch4")],
    "N2O EF wastewater effluent": [("wastewater_effluent_n", "4.D.1", "n2o")],
    "N2O EF advanced centralised WWTP": [("advanced_wwtp", "4.D.1", "n2o")],
    "F_IND-COM industrial/commercial co-discharged protein": [("advanced_wwtp", "4.D.1", "correction")],
}
for _k, _row in _COMP.items():
    PM_PLACE_WASTE[_CROW % _row] = [
        (pre + "@" + _k, cat, param, i) for pre, cat in (("incineration_co2", "4.C.1"), ("open_burning_co2", "4.C.2"))
        for i, param in enumerate(("dry_matter", "co2", "fossil_fraction"))]
for _k, _row in _WW.items():
    PM_PLACE_WASTE["Domestic wastewater MCF - " + _row] = [("domestic_wastewater@" + _k, "4.D.1", "mcf")]
_KROW = "FOD methane generation rate k - boreal & temperate (MAT<=20C), %s - %s"
PM_PLACE_FOD = {
    "DOCf fraction of DOC that decomposes": [("swds", "4.A", "docf")],
    "F fraction of CH4 in landfill gas": [("swds", "4.A", "f")],
    "OX oxidation factor - default (other sites)": [("swds", "4.A", "ox")],
    "OX oxidation factor - well-managed site covered with CH4-oxidising material":
        [("swds@oxidising_cover", "4.A", "ox")],
    "Landfill gas recovery default when only number of sites known": [("swds@recovery_default", "4.A", "recovery")],
    "MCF managed anaerobic SWDS": [("managed_anaerobic", "4.A.1", "mcf")],
    "MCF managed semi-aerobic SWDS": [("managed_semi_aerobic", "4.A.1", "mcf")],
    "MCF unmanaged deep SWDS (>=5 m)": [("unmanaged_deep", "4.A.2", "mcf")],
    "MCF unmanaged shallow SWDS (<5 m)": [("unmanaged_shallow", "4.A.2", "mcf")],
    "MCF uncategorised SWDS": [("uncategorised", "4.A", "mcf")],
}
for _k, _row in (("food", "Food waste"), ("garden", "Garden and park waste"), ("paper", "Paper/cardboard"),
                 ("wood", "Wood"), ("textiles", "Textiles"), ("nappies", "Nappies"),
                 ("rubber_leather", "Rubber and leather")):
    PM_PLACE_FOD["DOC content (wet weight) - " + _row] = [(_k, "4.A", "doc")]
for _zone, _zrow in (("temperate_dry", "dry (MAP/PET < 1)"), ("temperate_wet", "wet (MAP/PET > 1)")):
    for _krow, _keys in (("Paper/textiles", ("paper", "textiles")), ("Wood/straw", ("wood",)),
                         ("Other organic putrescible / garden & park", ("garden",)),
                         ("Food waste / sewage sludge", ("food", "sludge")), ("Bulk waste", ("bulk",))):
        PM_PLACE_FOD[_KROW % (_zrow, _krow)] = _place_many([k + "@" + _zone for k in _keys], "4.A", "k")
_DRY_DOC_SKIP = "dry-weight DOC: FOD deposits are wet weight, so the wet-weight DOC of the same waste type is used"
_TOW_SKIP = ("input of TOW, the record's amount (kg BOD) of a domestic_wastewater@... entry, not a term of "
             "the product; quoted in the YAML comment")
_NEFF_SKIP = ("input of N in effluent, the record's amount (kg N) of wastewater_effluent_n, not a term of the "
              "product (protein intake is not in the reference); quoted in the YAML comment")
PM_SKIPPED_WASTE = {
    "DOC content (dry weight) - " + _r: _DRY_DOC_SKIP
    for _r in ("Paper/cardboard", "Textiles", "Food waste", "Wood", "Garden and park waste", "Nappies",
               "Rubber and leather")}
PM_SKIPPED_WASTE.update({
    "Domestic wastewater MCF - latrine (4 variants 0.1 / 0.5 / 0.7 / 0.1)":
        "[C] four values in one cell whose variant labels differ between the sources: no key can be assigned",
    "BOD per capita - Asia, Middle East, Latin America": _TOW_SKIP,
    "Industrial co-discharge correction I - collected wastewater": _TOW_SKIP,
    "F_NPR fraction of N in protein": _NEFF_SKIP,
    "F_NON-CON non-consumed protein factor - developing countries": _NEFF_SKIP,
    "MSW management fractions - Eastern Asia (SWDS / incinerated / composted / other)":
        "regional default shares of MSW treatment (not China-specific), for estimating amounts, not a factor",
})

# ---- forest.csv
_FK = "forest_stock_growth"
_R = "Root-to-shoot ratio R - "
_CF_CON = "Carbon fraction - temperate & boreal, conifers"
_CF_BRD = "Carbon fraction - temperate & boreal, broad-leaved"
_CF_ALL = "Carbon fraction - temperate & boreal, all"
_FOREST_R = (  # key suffix, R row, CF row of the same forest type
    ("temperate_conifer_agb_lt50", "Temperate conifers, AGB <50 t/ha", _CF_CON),
    ("temperate_conifer_agb_50_150", "Temperate conifers, AGB 50-150 t/ha", _CF_CON),
    ("temperate_conifer_agb_gt150", "Temperate conifers, AGB >150 t/ha", _CF_CON),
    ("temperate_quercus_agb_gt70", "Temperate Quercus spp., AGB >70 t/ha", _CF_BRD),
    ("temperate_broadleaf_agb_lt75", "Temperate other broadleaf, AGB <75 t/ha", _CF_BRD),
    ("temperate_broadleaf_agb_75_150", "Temperate other broadleaf, AGB 75-150 t/ha", _CF_BRD),
    ("temperate_broadleaf_agb_gt150", "Temperate other broadleaf, AGB >150 t/ha", _CF_BRD),
    ("boreal_agb_lt75", "Boreal forest, AGB <75 t/ha", _CF_ALL),
    ("boreal_agb_gt75", "Boreal forest, AGB >75 t/ha", _CF_ALL),
)
PM_PLACE_FOREST = {
    "Carbon fraction of above-ground biomass - default (all)": [(_FK, "3.B.1.a", "co2")],
    "Carbon fraction used in China city/provincial practice (IPCC value 0.5)":
        [(_FK + "@cf_china_practice", "3.B.1.a", "co2")],
}
for _k, _rrow, _cfrow in _FOREST_R:
    PM_PLACE_FOREST[_R + _rrow] = [(_FK + "@" + _k, "3.B.1.a", "root_shoot")]
    PM_PLACE_FOREST.setdefault(_cfrow, []).append((_FK + "@" + _k, "3.B.1.a", "co2"))
for _k, _row in (
        ("betula_platyphylla", "Betula platyphylla forest"), ("populus_davidiana", "Populus davidiana forest"),
        ("juglans_mandshurica", "Juglans mandshurica forest"), ("tilia", "Tilia forest"),
        ("quercus_mongolica", "Quercus mongolica forest"),
        ("mixed_undesirable_trees", "Mixed undesirable-tree forest"), ("broadleaf_mixed", "Broadleaf mixed forest"),
        ("needle_broadleaf_mixed", "Needle-broadleaf mixed forest"), ("needle_mixed", "Needle mixed forest"),
        ("larix_olgensis_natural", "Larix olgensis natural forest"),
        ("larix_olgensis_plantation", "Larix olgensis plantation"),
        ("pinus_koraiensis_plantation", "Pinus koraiensis plantation"),
        ("pinus_sylvestris_mongolica_plantation", "Pinus sylvestris var. mongolica plantation"),
        ("populus_plantation", "Populus plantation")):
    PM_PLACE_FOREST["Measured tree-layer carbon content, Jilin Province - " + _row] = \
        [(_FK + "@jilin_" + _k, "3.B.1.a", "co2")]
PM_SKIPPED_FOREST = {
    "Jilin Province forest vegetation carbon stock 2009": "context only (a provincial carbon stock), not a factor",
    "Jilin Province forest vegetation carbon stock 2014": "context only (a provincial carbon stock), not a factor",
    "China provincial-guideline species BEF / R / SVD (落叶松, 栎类, 桦木 etc.)":
        "[C] NOT VERIFIED, no number: density and BEF are record-level (see the YAML header)",
}

# csv file -> {yaml file: placements}, skipped
PM_PLACE = {
    "ippu.csv": {"ipcc2006-ippu.yaml": PM_PLACE_IPPU},
    "agriculture.csv": {"ipcc2006-agriculture.yaml": PM_PLACE_AGRI,
                        # the 2019 Refinement EF1 again, under the 2006 keys, in the climate sets
                        "ipcc2019-agriculture-wet.yaml": {
                            "2019 Refinement EF1 - wet climate, synthetic (+mixed) fertiliser":
                                [("synthetic_n", "3.C.4", "n2o")],
                            "2019 Refinement EF1 - wet climate, organic N": [("manure_n", "3.C.4", "n2o")]},
                        "ipcc2019-agriculture-dry.yaml": {
                            "2019 Refinement EF1 - dry climate (all N inputs)": _place_many(_N_TYPES, "3.C.4", "n2o")}},
    "waste.csv": {"ipcc2006-waste.yaml": PM_PLACE_WASTE, "ipcc2006-fod.yaml": PM_PLACE_FOD},
    "forest.csv": {"ipcc2006-forest.yaml": PM_PLACE_FOREST},
}
PM_SKIPPED = {"ippu.csv": PM_SKIPPED_IPPU, "agriculture.csv": PM_SKIPPED_AGRI, "waste.csv": PM_SKIPPED_WASTE,
              "forest.csv": PM_SKIPPED_FOREST}


def efdb_ids(locator):
    """EF IDs (5-6 digits) named in the EFDB parts of a source locator."""
    ids = []
    for part in locator.split(";"):
        if part.strip().startswith("EFDB"):
            ids += re.findall(r"(?<![\d.])\d{5,6}(?![\d.])", part)
    return ids


def pm_coverage(label, rows, ck):
    """Every CSV row placed or skipped (not both); every placed or skipped name is a CSV row."""
    names = [r["name"] for r in rows]
    ck.check(len(names) == len(set(names)), "%s: duplicate row names" % label)
    placed = set()
    for places in PM_PLACE[label].values():
        placed |= set(places)
    skipped = PM_SKIPPED[label]
    for name in names:
        ck.check((name in placed) != (name in skipped),
                 "%s: row %r must be placed in a YAML file or listed as skipped (exactly one)" % (label, name))
    for name in placed:
        ck.check(name in names, "%s: placed row %r is not in the CSV (stale entry)" % (label, name))
    for name, reason in skipped.items():
        ck.check(name in names, "%s: skip-listed row %r is not in the CSV (stale entry)" % (label, name))
        ck.check(bool(reason), "%s: skip-listed row %r has no reason" % (label, name))


def pm_expected(label, yaml_name, rows, ck):
    """(key, category, param) -> spec (see cn_item) for one YAML file."""
    by_name = {r["name"]: r for r in rows}
    exp = {}
    for name, places in PM_PLACE[label][yaml_name].items():
        r = by_name.get(name)
        if r is None:
            continue  # reported by pm_coverage
        for place in places:
            key, cat, param = place[:3]
            idx = place[3] if len(place) > 3 else None
            value = r["value"]
            if idx is not None:
                parts = [p.strip() for p in value.split("/")]
                if not ck.check(idx < len(parts), "%s: row %r has no part %d" % (label, name, idx)):
                    continue
                value = parts[idx]
            unit = pm_unit(r["unit"], param, idx)
            if not ck.check(unit is not None, "%s: no PM_UNIT rule for unit %r (row %r)" % (label, r["unit"], name)):
                continue
            ck.check((key, cat, param) not in exp, "%s: two rows map to %r" % (label, (key, cat, param)))
            spec = cn_item(r, value, unit, r["lower"], r["upper"])
            exp[(key, cat, param)] = spec
    return exp


def check_pm_file(yaml_name, set_id, label, data, raw, rows, ck):
    exp = pm_expected(label, yaml_name, rows, ck)
    ok = isinstance(data, dict)
    ck.check(ok and data.get("factor_set") == set_id, "%s: factor_set must equal the file name %r" % (yaml_name, set_id))
    for k in ("title", "source", "version"):
        ck.check(ok and isinstance(data.get(k), str) and data[k] != "", "%s: %s missing" % (yaml_name, k))
    factors = data.get("factors") if ok else None
    if not ck.check(isinstance(factors, list), "%s: 'factors' list missing" % yaml_name):
        return
    entry_cats = {(k, c) for (k, c, _p) in exp}
    checked_paths = set()
    seen = {}
    entries_seen = set()
    sink = yaml_name in PM_REMOVAL_FILES
    for i, e in enumerate(factors):
        if not ck.check(isinstance(e, dict) and isinstance(e.get("activity"), str) and "fuel" not in e,
                        "%s factors[%d]: expected a mapping with 'activity:' (no 'fuel:')" % (yaml_name, i)):
            continue
        key, cat = e["activity"], e.get("category")
        where = "%s factors[%d] (%s, %s)" % (yaml_name, i, key, cat)
        # an entry with no number (only `needs`: the record gives every factor) has nothing to check against a row
        valueless = set(e) <= PM_ENTRY_KEYS and bool(e.get("needs"))
        ck.check((key, cat) in entry_cats or valueless, where + ": no CSV row is placed at this activity/category")
        ck.check((key, cat) not in entries_seen, where + ": a second entry for this activity and category")
        entries_seen.add((key, cat))
        ck.check(isinstance(e.get("name"), str) and e["name"] != "", where + ": name missing")
        ck.check(e.get("removal", False) is sink, where + ": removal must be %s in %s" % (sink, yaml_name))
        for field in e:
            if field in PM_ENTRY_KEYS:
                continue
            fwhere = "%s.%s" % (where, field)
            if not ck.check((key, cat, field) in exp, fwhere + ": no CSV row is placed at this parameter"):
                continue
            seen[(key, cat, field)] = seen.get((key, cat, field), 0) + 1
            spec = exp[(key, cat, field)]
            check_value(ck, fwhere, e[field], spec, raw, ("factors", i, field), checked_paths)
            ref = e[field].get("ref") if isinstance(e[field], dict) else None
            for r in spec["rows"]:
                for ef_id in efdb_ids(r["source_locator"]):
                    ck.check(isinstance(ref, str) and ef_id in ref,
                             "%s: ref does not cite EFDB EF ID %s of CSV row %r" % (fwhere, ef_id, r["name"]))
    for k, spec in exp.items():
        ck.check(seen.get(k, 0) == 1, "%s: %r (CSV %r) appears %d times, expected once"
                 % (yaml_name, k, spec["rows"][0]["name"], seen.get(k, 0)))
    for path, num in numbers_in(data):
        ck.check(path in checked_paths, "%s: unchecked number %r at %r" % (yaml_name, num, path))


def check_pm(ref_dir, ck):
    """All product-method files; a CSV missing from an older reference folder skips its files."""
    rows = {}
    for label in PM_PLACE:
        path = os.path.join(ref_dir, label)
        if os.path.isfile(path):
            rows[label] = read_csv(path)
            pm_coverage(label, rows[label], ck)
        else:
            print("SKIP: %s not found: its factor files are not checked" % path)
    for yaml_name, set_id, label in PM_FILES:
        if label not in rows:
            continue
        loaded = load_yaml(os.path.join(REPO, "factors", yaml_name), ck)
        if loaded:
            check_pm_file(yaml_name, set_id, label, loaded[0], loaded[1], rows[label], ck)


def check_transcribed(ck):
    """Factor files wholly checked against factor_transcriptions.py (no reference CSV holds them)."""
    import yaml
    for yaml_name, set_id, expected in (("ipcc2006-fugitive.yaml", "ipcc2006-fugitive", tr.FUGITIVE),):
        path = os.path.join(REPO, "factors", yaml_name)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            data, raw = yaml.safe_load(text), raw_scalars(yaml.compose(text))
        except (OSError, yaml.YAMLError) as exc:
            ck.check(False, "%s: cannot load: %s" % (path, exc))
            continue
        tr.check_transcribed_file(ck, yaml_name, set_id, data, raw, expected, numbers_in, same_number)


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
        import yaml  # noqa: F401 (here only to say when PyYAML is missing)
    except ImportError:
        print("ERROR: PyYAML is required (apt-get install python3-yaml)")
        print("0 passed, 1 failed")
        return 1
    ck = Checker()
    loaded = {}
    for path, rows_path, fn in ((ENERGY_YAML, energy_csv, check_energy), (GWP_YAML, gwp_csv, check_gwp)):
        data_raw = load_yaml(path, ck)
        if data_raw:
            loaded[path] = data_raw[0]
            fn(data_raw[0], read_csv(rows_path), ck)
    cn_rows = {"china_energy.csv": read_csv(cn_csv), "grid_factors_2023.csv": read_csv(grid_csv)}
    check_cn_skips(cn_rows, ck)
    for path in (CN_ENERGY_YAML, CN_GRID_YAML):
        data_raw = load_yaml(path, ck)
        if not data_raw:
            continue
        data, raw = data_raw
        if path == CN_ENERGY_YAML:
            check_cn_energy(data, raw, cn_rows["china_energy.csv"], loaded.get(ENERGY_YAML), ck)
        else:
            check_cn_grid(data, raw, cn_rows, ck)
    check_pm(ref_dir, ck)
    check_transcribed(ck)
    print("%d passed, %d failed" % (ck.passed, ck.failed))
    return 1 if ck.failed else 0


if __name__ == "__main__":
    sys.exit(main())
