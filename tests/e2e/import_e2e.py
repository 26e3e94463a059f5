#!/usr/bin/python3
"""import_e2e.py - end-to-end tests of `ghgcalc template` and `ghgcalc import` (the Excel route, docs/excel.md).

Run by tests/run with Debian's interpreter (needs python3-openpyxl and python3-yaml):

    /usr/bin/python3 tests/e2e/import_e2e.py --bin build/ghgcalc [NAME...] [-v]

Same protocol as run_e2e.py. The round trips fill a template with openpyxl as a compiler would (typing the
rows of a shipped example into the sheets), import it, compute both and compare the JSON totals: the import
must give the very same inventory, so the comparison is under the tolerance policy of e2e_helpers.py (it is
exact in practice: the amounts travel as the same doubles). The hand case of the CSV test is computed below
from factors/ipcc2006-energy.yaml and factors/gwp.yaml.
"""

import os
import re
import shutil
import sys

import e2e_helpers
from e2e_helpers import FACTORS, ROOT, close, ghg, load_wb, read_json, write
from e2e_runner import Fail, Registry, check

TESTS = Registry()
test = TESTS.add

JILIN = os.path.join(ROOT, "inventories", "jilin-2020.yaml")
SERIES = os.path.join(ROOT, "inventories", "jilin-series.yaml")

# The template's sheets in English and Chinese (calc/tpl_spec.c), to fill either.
SHEETS = {"Inventory": "清单", "Activities": "活动数据", "Indirect": "外购电力热力", "Notation keys": "注释键",
          "Reference approach": "参考方法", "Series": "序列", "Years": "年度", "Energy": "能源消费",
          "Report": "报告", "Units": "机组", "Fuels": "燃料", "Months": "月度数据"}
HEAD_ROW = 3  # the header row of a table sheet, 1-based (TPL_HEAD_ROW + 1)


def yaml_load(path):
    """A YAML file as the loader reads it: NO, yes, on stay strings (YAML 1.1 booleans are not ghgcalc's)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:bool"]
                                      for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def template(tmp, kind, lang="en", name=None):
    """`ghgcalc template KIND -o tmp/NAME`; returns the path."""
    path = os.path.join(tmp, name or "%s-%s.xlsx" % (kind, lang))
    r = ghg("template", kind, "-o", path, "--lang", lang, "--factors", FACTORS)
    check(r.rc == 0 and os.path.isfile(path), "template failed: %r" % r)
    return path


def sheet(wb, name, lang):
    return wb[SHEETS[name] if lang == "zh" else name]


class Filler:
    """Fills a template as a user would: form rows by their English label, table rows by their English
    header (the Chinese template has the same layout, so the English template gives the positions)."""

    def __init__(self, wb, en_wb, lang):
        self.wb, self.en, self.lang = wb, en_wb, lang

    def form(self, name, values):
        ws, en = sheet(self.wb, name, self.lang), self.en[name]
        rows = {str(en.cell(r, 1).value).rstrip(" *"): r for r in range(1, 80) if en.cell(r, 1).value}
        for label, v in values.items():
            ws.cell(rows[label], 2).value = v

    def table(self, name, rows):
        ws, en = sheet(self.wb, name, self.lang), self.en[name]
        cols = {str(c.value).rstrip(" *"): c.column for c in en[HEAD_ROW] if c.value}
        for i, row in enumerate(rows):
            for head, v in row.items():
                if v is not None:
                    ws.cell(HEAD_ROW + 1 + i, cols[head]).value = v


# --------------------------------------------------------------------- the inventory, as typed in

OVERRIDES = {"ncv": "NCV", "co2": "CO2 EF", "ch4": "CH4 EF", "n2o": "N2O EF"}


def activity_row(a, lang):
    """The Activities row of a YAML record: its cells by English header."""
    row = {"Category": a["category"], "Fuel or activity": a.get("fuel") or a.get("activity"), "Amount": a["amount"],
           "Unit": a["unit"], "Source": a.get("source")}
    u = a.get("uncertainty")
    if isinstance(u, dict):
        # The template has the symmetric form only (docs/excel.md): a user types the larger deviation.
        u = u.get("pct") or max(u["minus"], u["plus"], key=lambda t: float(t.rstrip("%")))
    if u is not None:
        row["Uncertainty (+/- %)"] = float(str(u).rstrip("%"))
    if a.get("feedstock_excluded"):
        row["Feedstock excluded"] = "是" if lang == "zh" else "yes"
    for p, head in OVERRIDES.items():
        if p in a:
            row.update({head + " value": a[p]["value"], head + " unit": a[p]["unit"], head + " source": a[p]["source"]})
    slot = 1
    for p in ("abatement", "days", "density", "bef", "root_shoot"):
        if p in a:
            row.update({"Other parameter %d" % slot: p, "Parameter %d value" % slot: a[p]["value"],
                        "Parameter %d unit" % slot: a[p]["unit"], "Parameter %d source" % slot: a[p]["source"]})
            slot += 1
    return row


def fill_inventory(tpl, en_tpl, inv, out, lang="en"):
    """Types inventory `inv` (a YAML mapping) into template `tpl`, saved as `out`."""
    import openpyxl
    wb, en = openpyxl.load_workbook(tpl), openpyxl.load_workbook(en_tpl)
    f = Filler(wb, en, lang)
    e = inv["economy"]
    head = {"Inventory id": inv["inventory"], "Title": inv["title"], "Region": inv["region"], "Year": inv["year"],
            "GDP": e["gdp"]["value"], "GDP unit": e["gdp"]["unit"], "GDP price base year": e["gdp"]["price_base"],
            "GDP source": e["gdp"]["source"], "Population": e["population"]["value"],
            "Population unit": e["population"]["unit"], "Population source": e["population"]["source"],
            "Notes": inv["notes"], "Reference approach: flag differences above (%)": 5}
    for i in range(8):
        head["Factor set %d" % (i + 1)] = inv["factor_sets"][i] if i < len(inv["factor_sets"]) else None
    f.form("Inventory", head)
    f.table("Activities", [activity_row(a, lang) for a in inv["activities"]])
    f.table("Indirect", [{"Kind": a["kind"], "Amount": a["amount"], "Unit": a["unit"], "Grid": a.get("grid"),
                          "View": a.get("view"), "Source": a.get("source")} for a in inv["indirect"]])
    f.table("Notation keys", [{"Category": a["category"], "Notation key": a["key"], "Note": a["note"]}
                              for a in inv["notation_keys"]])
    names = {"fuel": "Fuel", "unit": "Unit", "production": "Production", "imports": "Imports", "exports": "Exports",
             "bunkers": "Bunkers", "stock_change": "Stock change", "non_energy_use": "Non-energy use",
             "source": "Source"}
    f.table("Reference approach", [{names[k]: v for k, v in a.items()} for a in inv["reference_approach"]["fuels"]])
    wb.save(out)
    return out


def without_landfill(tmp):
    """jilin-2020.yaml without its solid_waste section (the template has no landfill sheet: docs/excel.md),
    beside a copy of the factors so that it is found the same way as the imported one."""
    text = open(JILIN, encoding="utf-8").read()
    text = text[:text.index("solid_waste:")] + text[text.index("indirect:"):]
    base = re.search(r"^base_inventory: *(\S+)", text, re.M)
    if base:  # the base year of the uncertainty trend, named relative to the inventory's folder
        shutil.copy(os.path.join(os.path.dirname(JILIN), base.group(1)), tmp)
    return write(os.path.join(tmp, "jilin-2020-nolandfill.yaml"), text)


def compute_json(tmp, inv, name):
    r = ghg("inventory", inv, "-o", os.path.join(tmp, name + ".xlsx"), "--factors", FACTORS)
    check(r.rc == 0, "inventory %s: %r" % (inv, r))
    return read_json(os.path.join(tmp, name + ".json"))


def same_totals(a, b):
    """Every total, by gas, by sector and by category of two inventory JSONs agrees."""
    for key in ("t_co2e", "t_co2e_without_lulucf", "lulucf_t_co2e", "memo_biogenic_co2_t", "energy_tj"):
        close(b["totals"][key], a["totals"][key], "totals." + key)
    check(a["totals"]["records"] == b["totals"]["records"], "records %r vs %r" % (a["totals"], b["totals"]))
    for gas, v in a["totals"]["by_gas_t"].items():
        close(b["totals"]["by_gas_t"][gas], v, "by_gas_t." + gas)
    check(a["categories"] == b["categories"] and a["sectors"] == b["sectors"], "categories or sectors differ")
    check(a["indirect"] == b["indirect"], "indirect differs")


def round_trip(tmp, lang):
    inv = yaml_load(JILIN)
    en_tpl = template(tmp, "inventory", "en")
    tpl = en_tpl if lang == "en" else template(tmp, "inventory", lang)
    filled = fill_inventory(tpl, en_tpl, inv, os.path.join(tmp, "filled-%s.xlsx" % lang), lang)
    out = os.path.join(tmp, "imported-%s.yaml" % lang)
    r = ghg("import", filled, "-o", out, "--factors", FACTORS)
    check(r.rc == 0, "import: %r" % r)
    # 47 rows, 8 keys, 10 fuels: issue 15 added rail, aviation and coal mining (2 records), three notation keys
    # (1.A.3.d, 1.A.3.e, 1.B.2) and jet kerosene to the reference approach
    check("47 activity rows, 1 indirect, 8 notation keys, 10 reference-approach fuels" in r.out, r.out)
    same_totals(compute_json(tmp, without_landfill(tmp), "yaml"), compute_json(tmp, out, "imported"))
    return out


@test
def round_trip_en(tmp):
    out = round_trip(tmp, "en")
    text = open(out, encoding="utf-8").read()
    # The comments name the cells: record 1 is row 4 (header on row 3), amount in column E.
    check(re.search(r'^    amount: 780   # Activities!E4$', text, re.M), "amount 780 at Activities!E4")
    check(re.search(r'^  - category: "1\.A\.1\.a\.ii"   # Activities!A5$', text, re.M), "category at A5")
    check(re.search(r'^      value: 21\.5   # Activities!M5$', text, re.M), "the Tier 2 NCV at M5")
    check(re.search(r'^inventory: "jilin-2020"   # Inventory!B4$', text, re.M), "the id at Inventory!B4")
    acts = {(a["category"], a.get("fuel") or a.get("activity")): a for a in yaml_load(out)["activities"]}
    nitric = acts[("2.B.2", "nitric_acid@medium_pressure")]
    check(nitric["abatement"]["value"] == 50 and nitric["abatement"]["unit"] == "%",
          "the nitric acid abatement in a parameter slot: %r" % nitric)
    forest = acts[("3.B.1.a", "forest_stock_growth")]
    check([forest[p]["value"] for p in ("density", "bef", "root_shoot")] == [0.45, 1.3, 0.23], "three slots: %r" % forest)
    check(acts[("1.A.2.c", "natural_gas")]["feedstock_excluded"] == "true", "feedstock excluded")


@test
def round_trip_zh(tmp):
    out = round_trip(tmp, "zh")
    text = open(out, encoding="utf-8").read()
    check("# 活动数据!E4" in text, "cells named with the Chinese sheet name")


@test
def template_lists(tmp):
    """The drop-down lists are data validations over the data rows, from named lists on a hidden sheet."""
    for lang in ("en", "zh"):
        wb = load_wb(template(tmp, "inventory", lang), data_only=False)
        check(wb["Lists"].sheet_state == "hidden", "the Lists sheet is hidden")
        acts = sheet(wb, "Activities", lang)
        dv = {str(d.sqref): d for d in acts.data_validations.dataValidation}
        want = {"A4:A503": "Categories", "C4:C503": "Keys", "F4:F503": "Units", "K4:K503": "Gases"}
        for rng, name in want.items():
            check(rng in dv and dv[rng].type == "list" and dv[rng].formula1 == name,
                  "%s: list %s on %s, got %r" % (lang, name, rng, {k: (d.type, d.formula1) for k, d in dv.items()}))
        check(dv["E4:E503"].type == "decimal", "the amount must be a number")
        names = {d.name: d.attr_text for d in wb.defined_names.definedName}
        lists = wb["Lists"]
        cats = [lists.cell(r, 1).value for r in range(2, 400) if lists.cell(r, 1).value]
        check(names["Categories"] == "Lists!$A$2:$A$%d" % (len(cats) + 1), names["Categories"])
        check("1.A.1.a" in cats and "4.D.1" in cats, "IPCC categories listed")
        keys = {lists.cell(r, 6).value: (lists.cell(r, 7).value, lists.cell(r, 8).value) for r in range(2, 600)
                if lists.cell(r, 6).value}
        check(keys["raw_coal"] == ("Raw coal", "原煤"), "china-energy names split: %r" % (keys["raw_coal"],))
        check(keys["other_bituminous_coal"][1] == "其他烟煤", "IPCC key with a Chinese name")
        check(keys["dairy_cattle"][1] == "奶牛", "activity key with a Chinese name")
        check("ch4" in [lists.cell(r, c).value for c in range(1, 40) for r in (2, 3)], "gases listed")
        # The name beside the key: a lookup of the Chinese (zh) or English (en) name.
        f = acts.cell(4, 4).value
        check(f == '=IF(C4="","",IFERROR(VLOOKUP(C4,KeysTable,%d,FALSE),"?"))' % (3 if lang == "zh" else 2), f)
        head = [c.value for c in acts[HEAD_ROW]][:6]
        want_head = (["类别代码 *", "类别名称", "燃料或活动 *", "燃料或活动名称", "活动水平 *", "单位 *"] if lang == "zh"
                     else ["Category *", "Category name", "Fuel or activity *", "Fuel or activity name", "Amount *",
                           "Unit *"])
        check(head == want_head, "headers %r" % head)
        if lang == "zh":
            check(wb.sheetnames[:6] == ["说明", "清单", "活动数据", "外购电力热力", "注释键", "参考方法"], wb.sheetnames)


@test
def default_sets_take_the_listed_keys(tmp):
    """The template's default factor sets find the keys its list offers: china-energy first (raw_coal,
    natural gas in 亿立方米), so a row filled with the list's keys imports and computes unchanged."""
    tpl = template(tmp, "inventory", "zh")
    wb = load_wb(tpl, data_only=False)
    head = sheet(wb, "Inventory", "zh")
    sets = [head.cell(r, 2).value for r in range(1, 30) if str(head.cell(r, 1).value or "").startswith("因子集")]
    check(sets[0] == "china-energy" and "ipcc2006-fugitive" in sets, "default sets %r" % sets)
    head["B4"], head["B7"] = "defaults-2021", 2021
    acts = sheet(wb, "Activities", "zh")
    for i, (cat, key, amount, unit) in enumerate([("1.A.1.a", "raw_coal", 650, "万吨"),
                                                   ("1.A.4.b", "natural_gas", 1.2, "亿立方米")]):
        for col, v in ((1, cat), (3, key), (5, amount), (6, unit), (8, "test")):
            acts.cell(HEAD_ROW + 1 + i, col, v)
    wb.save(tpl)
    out = os.path.join(tmp, "defaults.yaml")
    r = ghg("import", tpl, "-o", out, "--factors", FACTORS)
    check(r.rc == 0 and os.path.isfile(out), "import with the default sets: %r" % r)
    r = ghg("inventory", out, "-o", os.path.join(tmp, "defaults.xlsx"), "--factors", FACTORS, "--no-uncertainty")
    check(r.rc == 0, "inventory with the default sets: %r" % r)


@test
def output_folder_missing(tmp):
    """An output in a folder that does not exist is refused with the reason every command gives."""
    tpl = template(tmp, "inventory", "en")
    wb = load_wb(tpl, data_only=False)
    head = sheet(wb, "Inventory", "en")
    head["B4"], head["B7"] = "folder-2021", 2021
    acts = sheet(wb, "Activities", "en")
    for col, v in ((1, "1.A.1.a"), (3, "natural_gas"), (5, 1), (6, "Gg"), (8, "test")):
        acts.cell(HEAD_ROW + 1, col, v)
    wb.save(tpl)
    r = ghg("import", tpl, "-o", os.path.join(tmp, "no-such-folder", "x.yaml"), "--factors", FACTORS)
    check(r.rc == 3 and "No such file or directory (check that the folder exists" in r.err, "%r" % r)
    check(not os.path.exists(os.path.join(tmp, "no-such-folder")), "the folder was created")


@test
def names_recalculate(tmp):
    """The name formulas of a filled template compute the names of the keys picked (LibreOffice)."""
    import openpyxl
    tpl = template(tmp, "inventory", "zh")
    wb = openpyxl.load_workbook(tpl)
    ws = wb["活动数据"]
    ws["A4"], ws["C4"], ws["A5"], ws["C5"] = "1.A.1.a", "raw_coal", "3.A.1", "nokey"
    wb.save(os.path.join(tmp, "f.xlsx"))
    conv = os.path.join(tmp, "conv")
    p = __import__("subprocess").run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", conv,
                                      os.path.join(tmp, "f.xlsx")], capture_output=True, timeout=600,
                                     env=dict(os.environ, HOME=tmp))
    check(p.returncode == 0, p.stderr.decode()[-500:])
    ws = load_wb(os.path.join(conv, "f.xlsx"))["活动数据"]
    check((ws["B4"].value, ws["D4"].value) == ("电力和热力生产", "原煤"), "names %r %r" % (ws["B4"].value, ws["D4"].value))
    check((ws["B5"].value, ws["D5"].value) == ("动物肠道发酵", "?"), "an unknown key shows ?: %r" % ws["D5"].value)


@test
def bad_cells(tmp):
    """Every bad cell is reported at FILE:Sheet!CELL, cell checks and the loader's checks alike; exit 2, nothing written."""
    import openpyxl
    tpl = template(tmp, "inventory", "en")
    wb = openpyxl.load_workbook(tpl)
    f = Filler(wb, openpyxl.load_workbook(tpl), "en")
    f.form("Inventory", {"Inventory id": "bad-2020", "Year": "twenty twenty"})
    good = {"Category": "1.A.1.a", "Fuel or activity": "natural_gas", "Amount": 100, "Unit": "Gg", "Source": "s"}
    rows = [dict(good, Amount="12 t"),                        # row 4: E4 text, not a number
            dict(good, Unit="tonn", Source="s5"),               # row 5: F5 unknown unit (the loader's check)
            dict(good, Category="1.A.9", Source="s6"),          # row 6: A6 unknown category (the loader's)
            dict(good, **{"Fuel or activity": "natural_gaz"}, Source="s7"),  # row 7: C7 unknown fuel (the loader's)
            dict(good, **{"Uncertainty (+/- %)": "lots"}, Source="s8"),      # row 8: G8 not a percentage
            dict(good, Amount=None, Source="s9"),               # row 9: E9 required and empty
            dict(good, Amount=-5, Source="s10"),                # row 10: E10 negative (the loader's)
            dict(good, Source="fine")]                          # row 11: a good row
    f.table("Activities", rows)
    f.table("Notation keys", [{"Category": "2.B.3", "Notation key": "XX", "Note": "n"}])  # C4 not a notation key
    filled = os.path.join(tmp, "filled.xlsx")
    wb.save(filled)
    out = os.path.join(tmp, "out.yaml")
    r = ghg("import", filled, "-o", out, "--factors", FACTORS)
    check(r.rc == 2, "exit 2 expected: %r" % r)
    check(not os.path.exists(out), "nothing may be written")
    check(not [n for n in os.listdir(tmp) if n.startswith(".out.yaml")], "no temporary file left")
    want = ["Inventory!B7: error: 'twenty twenty' is not a whole number",
            "Activities!E4: error: '12 t' is not a number: type the number alone, without its unit",
            "Activities!G8: error: 'lots' is not a percentage",
            "Activities!E9: error: 'Amount' is empty",
            "Notation keys!C4: error: 'XX' is not one of 'NO', 'NE', 'NA', 'IE' or 'C'"]
    for w in want:
        check(filled + ":" + w in r.err, "missing %r in:\n%s" % (w, r.err))
    # The cell checks stop before the YAML is loaded; fix them and the loader's own checks come at their cells.
    wb = openpyxl.load_workbook(filled)
    ws = wb["Activities"]
    ws["E4"], ws["G8"], ws["E9"] = 100, 5, 100
    wb["Inventory"]["B7"] = 2020
    wb["Notation keys"]["C4"] = "NO"
    wb.save(filled)
    r = ghg("import", filled, "-o", out, "--factors", FACTORS)
    check(r.rc == 2 and not os.path.exists(out), "exit 2, nothing written: %r" % r)
    for cell, text in (("F5", "unknown unit 'tonn'"), ("A6", "1.A.9"), ("C7", "natural_gaz"), ("E10", "-5")):
        check(re.search(re.escape(filled) + r":Activities!" + cell + r": error: .*" + re.escape(text), r.err),
              "no error at %s about %s in:\n%s" % (cell, text, r.err))
    errors = [l for l in r.err.splitlines() if ": error: " in l]
    check(all(l.startswith(filled + ":") for l in errors), "every error names a cell of the workbook: %r" % errors)


# 100 Gg of natural gas in 1.A.1.a (ipcc2006-energy): 100 Gg x 48.0 TJ/Gg = 4800 TJ (Vol.2 Table 1.2);
# CO2 4800 x 56,100 kg/TJ = 269,280 t (Table 1.4); CH4 4800 x 1 kg/TJ = 4.8 t, N2O 4800 x 0.1 kg/TJ = 0.48 t
# (Table 2.2); AR5 GWPs 28 and 265: 269,280 + 4.8 x 28 + 0.48 x 265 = 269,541.6 t CO2e.
# Plus 10^4 t of other bituminous coal in 1.A.4.b: 10 Gg x 25.8 TJ/Gg = 258 TJ x 94,600 kg/TJ = 24,406.8 t CO2;
# CH4 258 x 300 kg/TJ = 77.4 t, N2O 258 x 1.5 kg/TJ = 0.387 t (Table 2.5, residential coal);
# 24,406.8 + 77.4 x 28 + 0.387 x 265 = 24,406.8 + 2,167.2 + 102.555 = 26,676.555 t CO2e.
CSV_TOTAL_T_CO2E = 269541.6 + 26676.555


@test
def csv_gb18030(tmp):
    """The sheets saved by Chinese Excel as CSV (GB18030), with Chinese headers, quotes and a line break in a cell."""
    inv = "报表项目,填写内容\r\n清单编号 *,csv-2020\r\n年份 *,2020\r\n因子集 1,ipcc2006-energy\r\n"
    acts = ("类别代码 *,类别名称,燃料或活动 *,燃料或活动名称,活动水平 *,单位 *,不确定性(±%),数据来源\r\n"
            "1.A.1.a,电力和热力生产,natural_gas,天然气,100,Gg,5,\"电厂,\"\"一号\"\"\r\n燃气表\"\r\n"
            "1.A.4.b,居民生活,other_bituminous_coal,其他烟煤,1,万吨,5%,农村居民\r\n")
    a, b = os.path.join(tmp, "清单.csv"), os.path.join(tmp, "活动数据.csv")
    with open(a, "wb") as f:
        f.write(inv.encode("gb18030"))
    with open(b, "wb") as f:
        f.write(acts.encode("gb18030"))
    out = os.path.join(tmp, "csv.yaml")
    r = ghg("import", a, b, "-o", out, "--factors", FACTORS)
    check(r.rc == 0, "import: %r" % r)
    y = yaml_load(out)
    check(y["activities"][0]["source"] == '电厂,"一号"\r\n燃气表', "quoted field: %r" % y["activities"][0]["source"])
    check(y["activities"][1]["unit"] == "万吨" and y["activities"][0]["uncertainty"] == "5%", repr(y["activities"]))
    text = open(out, encoding="utf-8").read()
    check("# 活动数据.csv:E2" in text, "CSV cells named file:cell")
    j = compute_json(tmp, out, "csv")
    close(j["totals"]["t_co2e"], CSV_TOTAL_T_CO2E, "t CO2e of the CSV import")
    # The same bytes read as UTF-8 are refused at their line, with the fix.
    r = ghg("import", a, b, "-o", out + "2", "--encoding", "utf-8", "--factors", FACTORS)
    check(r.rc == 2 and "bytes that are not UTF-8" in r.err and "--encoding gb18030" in r.err, r.err)
    # A bad cell of a CSV is named FILE:CELL; the record with a line break still counts as one row.
    with open(b, "wb") as f:
        f.write((acts + "1.A.4.b,,lpg,,abc,t\r\n").encode("gb18030"))
    r = ghg("import", a, b, "-o", out + "3", "--factors", FACTORS)
    check(r.rc == 2 and b + ":E4: error: 'abc' is not a number" in r.err, r.err)


@test
def csv_utf8_bom_alone(tmp):
    """An Activities CSV (UTF-8 with BOM) without the Inventory sheet: the error says what to add."""
    acts = "\ufeffCategory,Fuel or activity,Amount,Unit\n1.A.1.a,natural_gas,100,Gg\n"
    b = write(os.path.join(tmp, "acts.csv"), acts)
    r = ghg("import", b, "-o", os.path.join(tmp, "x.yaml"), "--factors", FACTORS)
    check(r.rc == 2 and "no sheet 'Inventory' (清单) among the CSV files" in r.err, r.err)


def same_numbers(a, b, what):
    """Two JSON values agree: every number under the tolerance policy, everything else exactly."""
    if isinstance(a, dict):
        check(isinstance(b, dict) and a.keys() == b.keys(), "%s: keys differ" % what)
        for k in a:
            same_numbers(a[k], b[k], "%s.%s" % (what, k))
    elif isinstance(a, list):
        check(isinstance(b, list) and len(a) == len(b), "%s: lengths differ" % what)
        for i, (x, y) in enumerate(zip(a, b)):
            same_numbers(x, y, "%s[%d]" % (what, i))
    elif isinstance(a, float) and not isinstance(a, bool):
        close(b, a, what)
    else:
        check(a == b, "%s: %r vs %r" % (what, a, b))


def fill_series(tpl, ser, out, extra_energy=()):
    """Types series `ser` (a YAML mapping) into the series template, with the Energy rows `extra_energy`."""
    import openpyxl
    wb = openpyxl.load_workbook(tpl)
    f = Filler(wb, openpyxl.load_workbook(tpl), "en")
    head = {"Series id": ser["series"], "Title": ser.get("title"), "Region": ser.get("region"),
            "Base year": ser["base_year"], "Price base year": ser["price_base"], "Targets file": ser.get("targets"),
            "Electricity method (headline)": ser["electricity"]["method"], "Notes": ser.get("notes"),
            "Latest statistics year": ser.get("latest_statistics"),
            "Energy from the inventories": {True: "yes", False: "no"}.get(ser.get("derive_energy"))}
    for i in range(3):
        sets = ser.get("factor_sets", [])
        head["Factor set %d" % (i + 1)] = sets[i] if i < len(sets) else None
    f.form("Series", head)
    years, energy = [], []
    for y in ser["years"]:
        row = {"Year": y["year"], "Inventory file": y["inventory"], "Note": y.get("note"),
               "Estimate": {True: "yes", False: "no"}.get(y.get("estimate"))}
        for k, pre in (("gdp", "GDP"), ("population", "Population"), ("coal_rate", "Coal rate")):
            if k in y:
                row.update({pre: y[k]["value"], pre + " unit": y[k]["unit"], pre + " source": y[k].get("source")})
        if "gdp" in y:
            row.update({"Prices": y["gdp"]["prices"], "GDP deflator": y["gdp"].get("deflator")})
        fe = y.get("final_energy")
        if fe:
            row.update({"Final energy": fe["total"]["value"], "Final energy unit": fe["total"]["unit"],
                        "Final electricity": fe["electricity"]["value"],
                        "Final electricity unit": fe["electricity"]["unit"], "Final energy source": fe.get("source")})
        years.append(row)
        for e in y.get("energy", []):
            energy.append({"Year": y["year"], "Fuel": e["fuel"], "Kind": e.get("kind"), "Amount": e["amount"],
                           "Unit": e["unit"], "Source": e.get("source")})
    f.table("Years", years)
    f.table("Energy", energy + list(extra_energy))
    wb.save(out)
    return out


@test
def series_round_trip(tmp):
    """The intensity series typed into its template gives the same indicators and target statuses."""
    inv = os.path.join(tmp, "inventories")
    shutil.copytree(os.path.join(ROOT, "inventories"), inv)
    shutil.copytree(FACTORS, os.path.join(tmp, "factors"))
    # One Energy row replaces what 2020 derives from its inventory with the same figure (economy:
    # primary_electricity of jilin-2020-energy.yaml, 47 x 10^8 kWh), so the numbers stay those of the YAML.
    same = {"Year": 2020, "Fuel": "electricity", "Kind": "primary_electricity", "Amount": 47, "Unit": "10^8 kWh",
            "Source": "as the inventory"}
    filled = fill_series(template(tmp, "series"), yaml_load(SERIES), os.path.join(tmp, "series-filled.xlsx"),
                         [same])
    out = os.path.join(inv, "imported-series.yaml")
    r = ghg("import", filled, "-o", out)
    check(r.rc == 0 and "series imported; checked: 11 years" in r.out, "import: %r" % r)
    text = open(out, encoding="utf-8").read()
    # The shipped series derives every year's energy from its inventory; 2021-2025 are estimates.
    check(re.search(r'^latest_statistics: 2020   # Series!B\d+$', text, re.M), "latest_statistics: %s" % text[:2000])
    check(re.search(r'^      - fuel: "electricity"   # Energy!B4$', text, re.M), "the energy item under its year")
    res = {}
    for name, path in (("yaml", os.path.join(inv, "jilin-series.yaml")), ("imported", out)):
        r = ghg("intensity", path, "-o", os.path.join(tmp, name + ".xlsx"))
        check(r.rc in (0, 1), "intensity %s: %r" % (name, r))
        res[name] = read_json(os.path.join(tmp, name + ".json"))
    a, b = res["yaml"], res["imported"]
    check(len(a["years"]) == len(b["years"]) == 11, "11 years")
    same_numbers(a["years"], b["years"], "years")
    check([t["status"] for t in a["targets"]["items"]] == [t["status"] for t in b["targets"]["items"]],
          "target statuses")
    # An Energy row whose year is not on the Years sheet is reported at its year cell.
    import openpyxl
    wb = openpyxl.load_workbook(filled)
    wb["Energy"]["A4"] = 2031
    wb.save(filled)
    r = ghg("import", filled, "-o", out + ".2")
    check(r.rc == 2 and filled + ":Energy!A4: error: no row with year 2031 in 'years'" in r.err, r.err)


@test
def report_import(tmp):
    """An enterprise report typed into its template nests fuels under their unit and months under their fuel,
    and loads with the audit's loader (docs/audit.md)."""
    import openpyxl
    tpl = template(tmp, "report", "zh")
    wb = openpyxl.load_workbook(tpl)
    f = Filler(wb, openpyxl.load_workbook(template(tmp, "report", "en")), "zh")
    f.form("Report", {"Report id": "hand-power-2023", "Year": 2023, "Enterprise name (C.1)": "示例电厂(illustrative)",
                      "Unified social credit code": "91220201MA0000003E",
                      "Industry": "power", "Declared total emissions (t CO2)": 2000})
    f.table("Units", [{"Unit id": "1#", "Class": "coal_ge400", "Capacity (MW)": 600, "Emissions Q (t CO2)": 2000}])
    f.table("Fuels", [{"Unit id": "1#", "Fuel": "bituminous_coal", "Unit": "t", "State": "as_fired",
                       "Basis": "as_received", "Amount A": 1000, "Oxidation E (%)": 99}])
    f.table("Months", [{"Unit id": "1#", "Fuel": "bituminous_coal", "Month": 1, "Amount": 600, "NCV": 21.0,
                        "Carbon": 0.55, "Sampled": "2023-01-31"},
                       {"Unit id": "1#", "Fuel": "bituminous_coal", "Month": 2, "Amount": 400, "NCV": 21.2,
                        "Carbon": 0.56}])
    filled = os.path.join(tmp, "report.xlsx")
    wb.save(filled)
    out = os.path.join(tmp, "report.yaml")
    r = ghg("import", filled, "-o", out, "--factors", FACTORS)
    check(r.rc == 0 and "report imported" in r.out, "import: %r" % r)
    y = yaml_load(out)
    fuel = y["units"][0]["fuels"][0]
    check(y["enterprise"]["industry"] == "power" and y["units"][0]["id"] == "1#", repr(y))
    check(fuel["fuel"] == "bituminous_coal" and fuel["oxidation"] == "99%", repr(fuel))
    check([m["month"] for m in fuel["months"]] == [1, 2] and str(fuel["months"][0]["sampled"]) == "2023-01-31",
          repr(fuel["months"]))


@test
def empty_template(tmp):
    """A template imported as it comes says which required cells to fill, in either language."""
    for lang, sheet_name in (("en", "Inventory"), ("zh", "清单")):
        tpl = template(tmp, "inventory", lang)
        r = ghg("import", tpl, "-o", os.path.join(tmp, "x.yaml"), "--factors", FACTORS)
        check(r.rc == 2 and not os.path.exists(os.path.join(tmp, "x.yaml")), repr(r))
        for cell, what in (("B4", "Inventory id"), ("B7", "Year")):
            check("%s:%s!%s: error: '%s' is empty: fill it in" % (tpl, sheet_name, cell, what) in r.err, r.err)


# ================================================================== runner

if __name__ == "__main__":
    sys.exit(TESTS.main("import e2e", "ghgcalc-imp-e2e-", e2e_helpers.configure, doc=__doc__))
