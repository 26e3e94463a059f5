"""Transcribed source tables for factor values the reference CSVs (../shared/reference) do not hold.

Imported by check_factor_data.py. Each value below was read from the source named with it and typed here
once; the checker then requires the YAML to write exactly these numbers (same written form), with this
confidence tag and a `ref` that names the source code, so that a typo in a factor file is caught.

Source codes (quoted in the YAML `ref` fields):
  AMEE-SC    = OpenAMEE/datasets business/energy/stationaryCombustion/data.csv: the GHG Protocol
               stationary-combustion tool's transcription of IPCC 2006 Vol.2 Table 1.2 (LHV, TJ/Gg),
               Table 1.4 (CO2, kg/TJ) and Tables 2.2-2.5 (CH4, N2O, kg/TJ) by context (Energy = Table 2.2;
               Manufacturing, Construction = 2.3; Commercial, Institutional = 2.4; Residential, Agriculture,
               Forestry, Fisheries = 2.5; every context of one table gives the same pair for these fuels).
  AMEE-TRAIN = OpenAMEE/datasets transport/byFuel/ipcc/train/data.csv (IPCC 2006 Vol.2 Ch.3, rail).
  AMEE-SHIP  = OpenAMEE/datasets transport/byFuel/ipcc/ship/data.csv (IPCC 2006 Vol.2 Ch.3, navigation).
  AMEE-OFFRD = OpenAMEE/datasets transport/byFuel/ipcc/offroad/data.csv (IPCC 2006 Vol.2 Ch.3 Table 3.3.1).
  SFC-INDIA  = Smart Freight Centre India, India Default GHG Emission Values V1.0 (2025) as published by
               Climatiq, "Diesel - rail transportation": CH4 0.00017845 kg/kg, N2O 0.0012298 kg/kg, which are
               4.15 and 28.6 kg/TJ x 43.0 TJ/Gg (Table 1.2 gas/diesel NCV).
  BRSR-TS    = TypeScript reference table keyed by hand from IPCC 2006 (find_string id 71441291891):
               "jet: Jet kerosene - aircraft ... ch4: 0.5, n2o: 2 ... air = Table 3.6.5".
  AMEE-MINE  = OpenAMEE/datasets business/processes/fugitive/mining/{underground,surface}/data.csv (IPCC 2006
               Vol.2 Ch.4 Tier 1 low/average/high CH4 emission factors, m3/t, by mine or overburden depth).
  CPW-CH4    = IPCC 2006 Vol.2 Ch.4 Sec. 4.1.4.2 text as reproduced on climate-policy-watcher.org
               ("Emission factors for surface mining"): surface-mining average 1.2 m3/tonne; CH4 density
               0.67 x 10^-6 Gg/m3 at 20 C and 1 atm.
"""

# One source unless said otherwise: [B]. Values as the YAML must write them.
_B_AMEE_SC = "[B] one transcription (AMEE-SC, the GHG Protocol tool's IPCC 2006 table); not in the reference CSV"

# key: (AMEE-SC fuel name, NCV TJ/Gg, CO2 kg/TJ, biogenic, ((CH4, N2O) of Table 2.2, 2.3, 2.4, 2.5))
_OIL = (("3", "0.6"), ("3", "0.6"), ("10", "0.6"), ("10", "0.6"))
_GAS = (("1", "0.1"), ("1", "0.1"), ("5", "0.1"), ("5", "0.1"))
_COAL = (("1", "1.5"), ("10", "1.5"), ("10", "1.5"), ("300", "1.5"))
_WASTE = (("30", "4"), ("30", "4"), ("300", "4"), ("300", "4"))
AMEE_FUELS = {
    "aviation_gasoline": ("Aviation gasoline", "44.3", "70000", False, _OIL),
    "jet_gasoline": ("Jet gasoline", "44.3", "70000", False, _OIL),
    "natural_gas_liquids": ("Natural Gas Liquids", "44.2", "64200", False, _OIL),
    "ethane": ("Ethane", "46.4", "61600", False, _GAS),
    "orimulsion": ("Orimulsion", "27.5", "77000", False, _OIL),
    "shale_oil": ("Shale oil", "38.1", "73300", False, _OIL),
    "refinery_feedstocks": ("Refinery feedstocks", "43.0", "73300", False, _OIL),
    "bitumen": ("Bitumen", "40.2", "80700", False, _OIL),
    "lubricants": ("Lubricants", "40.2", "73300", False, _OIL),
    "paraffin_waxes": ("Paraffin waxes", "40.2", "73300", False, _OIL),
    "white_spirit_sbp": ("White Spirit/SBP", "40.2", "73300", False, _OIL),
    "other_petroleum_products": ("Other petroleum products", "40.2", "73300", False, _OIL),
    "waste_oils": ("Waste oils", "40.2", "73300", False, _WASTE),
    "peat": ("Peat", "9.76", "106000", False, (("1", "1.5"), ("2", "1.5"), ("10", "1.4"), ("300", "1.4"))),
    "brown_coal_briquettes": ("Brown coal briquettes", "20.7", "97500", False, _COAL),
    "patent_fuel": ("Patent fuel", "20.7", "97500", False, _COAL),
    "gas_coke": ("Gas coke", "28.2", "107000", False, _GAS),
    "coal_tar": ("Coal tar", "28.0", "80700", False, _COAL),
    "oil_shale_tar_sands": ("Oil shale and tar sands", "8.9", "107000", False, _COAL),
    "gas_works_gas": ("Gas works gas", "38.7", "44400", False, _GAS),
    "oxygen_steel_furnace_gas": ("Oxygen steel furnace gas", "7.06", "182000", False, _GAS),
    "municipal_wastes_biomass": ("Municipal wastes (Biomass fraction)", "11.6", "100000", True, _WASTE),
    "sulphite_lyes": ("Sulphite lyes (Black liqour)", "11.8", "95300", True,
                      (("3", "2"), ("3", "2"), ("3", "2"), ("3", "2"))),
    "biogasoline": ("Biogasoline", "27.0", "70800", True, _OIL),
    "biodiesels": ("Biodiesels", "27.0", "70800", True, _OIL),
    "other_liquid_biofuels": ("Other liquid biofuels", "27.4", "79600", True, _OIL),
    "landfill_gas": ("Landfill gas", "50.4", "54600", True, _GAS),
    "sludge_gas": ("Sludge gas", "50.4", "54600", True, _GAS),
    "other_biogas": ("Other biogas", "50.4", "54600", True, _GAS),
}
# Tables 2.2-2.5 -> categories, as for the reference CSV (Table 2.5 also covers 1.A.4.c).
_TABLE_CATS = (("1.A.1",), ("1.A.2",), ("1.A.4.a",), ("1.A.4.b", "1.A.4.c"))

# Mobile combustion CH4/N2O outside road transport (IPCC 2006 Vol.2 Ch.3), kg/TJ:
# (fuel key, category, gas, value, confidence, source codes the ref must name, what)
_OFFRD_NOTE = "AMEE-OFFRD"
TRANSPORT = [
    ("gas_diesel_oil", "1.A.3.c", "ch4", "4.15", "A", ("AMEE-TRAIN", "SFC-INDIA"), "Table 3.4.1 rail diesel CH4"),
    ("gas_diesel_oil", "1.A.3.c", "n2o", "28.6", "A", ("AMEE-TRAIN", "SFC-INDIA"), "Table 3.4.1 rail diesel N2O"),
    ("sub_bituminous_coal", "1.A.3.c", "ch4", "2", "B", ("AMEE-TRAIN",), "Table 3.4.1 rail coal CH4"),
    ("sub_bituminous_coal", "1.A.3.c", "n2o", "1.5", "B", ("AMEE-TRAIN",), "Table 3.4.1 rail coal N2O"),
    ("residual_fuel_oil", "1.A.3.d", "ch4", "7", "C", ("AMEE-SHIP",), "Table 3.5.3 ocean-going ships CH4"),
    ("residual_fuel_oil", "1.A.3.d", "n2o", "2", "C", ("AMEE-SHIP",), "Table 3.5.3 ocean-going ships N2O"),
    ("gas_diesel_oil", "1.A.3.d", "ch4", "7", "C", ("AMEE-SHIP",), "Table 3.5.3 ocean-going ships CH4"),
    ("gas_diesel_oil", "1.A.3.d", "n2o", "2", "C", ("AMEE-SHIP",), "Table 3.5.3 ocean-going ships N2O"),
    ("jet_kerosene", "1.A.3.a", "ch4", "0.5", "B", ("BRSR-TS",), "Table 3.6.5 aviation CH4"),
    ("jet_kerosene", "1.A.3.a", "n2o", "2", "B", ("BRSR-TS",), "Table 3.6.5 aviation N2O"),
]
for _cat, _col in (("1.A.2", "industry"), ("1.A.3.e.ii", "all columns"), ("1.A.4.b", "household"),
                   ("1.A.4.c.ii", "agriculture/forestry")):
    TRANSPORT += [("gas_diesel_oil_offroad", _cat, "ch4", "4.15", "B", (_OFFRD_NOTE,), "Table 3.3.1 diesel " + _col),
                  ("gas_diesel_oil_offroad", _cat, "n2o", "28.6", "B", (_OFFRD_NOTE,), "Table 3.3.1 diesel " + _col)]
for _cat, _col, _ch4 in (("1.A.2", "industry", "50"), ("1.A.4.b", "household", "120"),
                         ("1.A.4.c.ii", "agriculture", "80")):
    TRANSPORT += [("motor_gasoline_4stroke_offroad", _cat, "ch4", _ch4, "B", (_OFFRD_NOTE,),
                   "Table 3.3.1 4-stroke gasoline " + _col),
                  ("motor_gasoline_4stroke_offroad", _cat, "n2o", "2", "B", (_OFFRD_NOTE,),
                   "Table 3.3.1 4-stroke gasoline " + _col)]
# Fuel keys whose ncv/co2 repeat another key's (technology variants resolved by fuel key).
TRANSPORT_COPIES = {"gas_diesel_oil_offroad": "gas_diesel_oil", "motor_gasoline_4stroke_offroad": "motor_gasoline"}


def energy_rows():
    """Pseudo reference rows {(fuel, category, field): row} for check_energy, in the CSV row shape, with
    `must_cite`: the source codes the YAML ref must name."""
    rows = {}
    for key, (name, ncv, co2, _bio, pairs) in AMEE_FUELS.items():
        base = {"lower": "", "upper": "", "note": _B_AMEE_SC, "must_cite": ("AMEE-SC",)}
        rows[(key, None, "ncv")] = dict(base, name="NCV %s (AMEE-SC, Table 1.2)" % name, value=ncv)
        rows[(key, None, "co2")] = dict(base, name="CO2 EF %s (AMEE-SC, Table 1.4)" % name, value=co2)
        for (ch4, n2o), cats, table in zip(pairs, _TABLE_CATS, ("2.2", "2.3", "2.4", "2.5")):
            for cat in cats:
                rows[(key, cat, "ch4")] = dict(base, name="CH4 EF %s Table %s (AMEE-SC)" % (name, table), value=ch4)
                rows[(key, cat, "n2o")] = dict(base, name="N2O EF %s Table %s (AMEE-SC)" % (name, table), value=n2o)
    for fuel, cat, gas, value, conf, cite, what in TRANSPORT:
        note = "[%s] %s" % (conf, " + ".join(cite))
        rows[(fuel, cat, gas)] = {"name": what + " (" + " + ".join(cite) + ")", "value": value, "lower": "",
                                  "upper": "", "note": note, "must_cite": cite}
    return rows


def biogenic_keys():
    return {k for k, v in AMEE_FUELS.items() if v[3]}


# ---------------------------------------------------------------------------------------------- fugitive
# factors/ipcc2006-fugitive.yaml: (activity, category, param) -> (value, unit, confidence, must cite, gas scope)
_MINE_REF = ("AMEE-MINE",)
_DENSITY = ("0.67", "kg/m3", "B", ("CPW-CH4",), "ch4")
FUGITIVE = {
    ("underground_coal_mining", "1.B.1.a.i.1", "ch4"): ("18", "m3/t", "B", _MINE_REF, None),
    ("underground_coal_mining", "1.B.1.a.i.1", "density"): _DENSITY,
    ("underground_coal_post_mining", "1.B.1.a.i.2", "ch4"): ("2.5", "m3/t", "B", _MINE_REF, None),
    ("underground_coal_post_mining", "1.B.1.a.i.2", "density"): _DENSITY,
    ("surface_coal_mining", "1.B.1.a.ii.1", "ch4"): ("1.2", "m3/t", "A", _MINE_REF + ("CPW-CH4",), None),
    ("surface_coal_mining", "1.B.1.a.ii.1", "density"): _DENSITY,
    ("surface_coal_post_mining", "1.B.1.a.ii.2", "ch4"): ("0.1", "m3/t", "B", _MINE_REF, None),
    ("surface_coal_post_mining", "1.B.1.a.ii.2", "density"): _DENSITY,
}


def check_transcribed_file(ck, yaml_name, set_id, data, raw, expected, numbers_in, same_number):
    """An activity factor file wholly covered by `expected` {(activity, category, param): (value, unit,
    confidence, must cite, gas scope)}: every entry and value expected, every value there once, written as
    transcribed, with its unit, confidence (a note for B and C), cited sources and gas scope."""
    ok = isinstance(data, dict)
    ck.check(ok and data.get("factor_set") == set_id, "%s: factor_set must equal %r" % (yaml_name, set_id))
    for k in ("title", "source", "version"):
        ck.check(ok and isinstance(data.get(k), str) and data[k] != "", "%s: %s missing" % (yaml_name, k))
    factors = data.get("factors") if ok else None
    if not ck.check(isinstance(factors, list), "%s: 'factors' list missing" % yaml_name):
        return
    checked, seen = set(), {}
    for i, e in enumerate(factors):
        if not ck.check(isinstance(e, dict) and isinstance(e.get("activity"), str) and "fuel" not in e,
                        "%s factors[%d]: expected a mapping with 'activity:'" % (yaml_name, i)):
            continue
        key, cat = e["activity"], e.get("category")
        where = "%s factors[%d] (%s, %s)" % (yaml_name, i, key, cat)
        ck.check(isinstance(e.get("name"), str) and e["name"] != "", where + ": name missing")
        for field, f in e.items():
            if field in ("activity", "name", "name_zh", "category", "note"):
                continue
            fw = "%s.%s" % (where, field)
            spec = expected.get((key, cat, field))
            if not ck.check(spec is not None, fw + ": no transcribed value for this activity/category/parameter"):
                continue
            value, unit, conf, cite, gas = spec
            seen[(key, cat, field)] = seen.get((key, cat, field), 0) + 1
            if not ck.check(isinstance(f, dict) and "value" in f, fw + ": needs {value: ...}"):
                continue
            checked.add(("factors", i, field, "value"))
            ck.check(same_number(f["value"], value) and raw.get(("factors", i, field, "value")) == value,
                     "%s: value %r != transcribed %s" % (fw, raw.get(("factors", i, field, "value")), value))
            ck.check(f.get("unit") == unit, "%s: unit %r != %r" % (fw, f.get("unit"), unit))
            ck.check(f.get("confidence") == conf, "%s: confidence %r != %s" % (fw, f.get("confidence"), conf))
            if conf in ("B", "C"):
                ck.check(bool(f.get("note")), "%s: [%s] value needs a note saying why" % (fw, conf))
            ck.check(f.get("gas") == gas, "%s: gas scope %r != %r" % (fw, f.get("gas"), gas))
            ref = f.get("ref")
            for code in cite:
                ck.check(isinstance(ref, str) and code in ref, "%s: ref does not cite %s" % (fw, code))
    for k in expected:
        ck.check(seen.get(k, 0) == 1, "%s: %r appears %d times, expected once" % (yaml_name, k, seen.get(k, 0)))
    for path, num in numbers_in(data):
        ck.check(path in checked, "%s: unchecked number %r at %r" % (yaml_name, num, path))
