#!/usr/bin/python3
"""workbook_e2e.py - end-to-end tests of the workbooks as people use them (issue 16, items 4-9).

Run by tests/run with Debian's interpreter (needs python3-openpyxl, libreoffice-calc-nogui and,
for the chart images and the page count, poppler-utils):

    /usr/bin/python3 tests/e2e/workbook_e2e.py --bin build/ghgcalc [NAME...] [-v]

Same protocol as run_e2e.py (see e2e_runner.py). What it checks, with figures worked out by hand
from the cited factor tables (factors/ipcc2006-energy.yaml, factors/gwp.yaml AR5):

- IPCC reporting conventions: the Sectoral table's levels 1, 1.A, 1.B, 2, 3, 4, 5 and the totals
  are sums of its own rows; a zero shows its notation key; a grid factor of another year than the
  inventory's is said on the Indirect sheet.
- Printing and navigation: the page setup, frozen panes, repeated header rows and footer of every
  sheet, header rows tall enough for their wrapped text, the defined names of the headline
  totals, and the page count of the shipped example rendered to PDF by LibreOffice.
- Charts: each chart rendered alone to an image (LibreOffice -> PDF -> pdftoppm) is not blank;
  the Summary's sector bars are sorted; the intensity charts keep CO2 and energy apart and draw
  the target paths dashed. GHGCALC_CHART_PNG=DIR keeps the PNGs there to look at.
- A live model: NCV, EF and GWP cells refer to Factors; a factor edited with openpyxl and
  recalculated by LibreOffice moves every total by the hand-computed amount.
- The Summary's economy block: GDP, population, per-capita and per-GDP formulas.
- --lang zh: sheet names, status words, chart titles in Chinese, and the formulas that match
  words (memo, views, the reference approach) still agree with their cached values.

Environment: GHGCALC_VALGRIND=1 runs every CLI call under valgrind and skips LibreOffice.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import e2e_helpers
from e2e_helpers import FACTORS, ROOT, VALGRIND, close, compute, ghg, load_wb, read_json, recalc, run_inventory
from e2e_runner import Fail, Registry, Skip, check

sys.path.insert(0, os.path.join(ROOT, "tests", "tools"))
import xlsx_check  # noqa: E402  (LibreOffice with a recalculating profile, the canary)

EXAMPLE = os.path.join(ROOT, "inventories", "jilin-2020.yaml")
SERIES = os.path.join(ROOT, "inventories", "jilin-series.yaml")

TESTS = Registry()
test = TESTS.add

# AR5 GWP-100 of factors/gwp.yaml.
GWP_CH4, GWP_N2O = 28, 265

# Natural gas in ipcc2006-energy.yaml: NCV 48.0 TJ/Gg (Vol.2 Ch.1 Table 1.2), CO2 56,100 kg/TJ
# (Table 1.4), CH4 1 kg/TJ in 1.A.1 (Table 2.2) and 5 kg/TJ in 1.A.4.b (Table 2.5), N2O 0.1 kg/TJ.
NCV_GAS = 48.0
EF_CO2_GAS = 56100.0


def inventory(records, extra="", sets="ipcc2006-energy"):
    """An inventory of 2020 (AR5) with the factor `sets` and `records` (YAML texts)."""
    lines = ["inventory: wb-e2e", "title: \"Workbook & print test\"", "region: Test City", "year: 2020",
             "gwp: ar5", "factor_sets: [%s]" % sets, "activities:"]
    lines += ["  - " + r for r in records]
    return "\n".join(lines) + "\n" + extra


# Two natural gas records: 100 Gg in power plants (1.A.1.a) and 50 Gg in homes (1.A.4.b).
GAS_RECORDS = ['{category: "1.A.1.a", fuel: natural_gas, amount: 100, unit: Gg, source: "plant"}',
               '{category: "1.A.4.b", fuel: natural_gas, amount: 50, unit: Gg, source: "homes"}']
TJ_PLANT, TJ_HOMES = 100 * NCV_GAS, 50 * NCV_GAS        # 4,800 and 2,400 TJ
CO2_GAS = (TJ_PLANT + TJ_HOMES) * EF_CO2_GAS / 1000     # 7,200 TJ x 56.1 t/TJ = 403,920 t
CH4_GAS = TJ_PLANT * 1 / 1000 + TJ_HOMES * 5 / 1000      # 4.8 + 12 = 16.8 t
N2O_GAS = (TJ_PLANT + TJ_HOMES) * 0.1 / 1000             # 0.72 t
TOTAL_GAS = CO2_GAS + CH4_GAS * GWP_CH4 + N2O_GAS * GWP_N2O  # 403,920 + 470.4 + 190.8 = 404,581.2 t CO2e


# ---------------------------------------------------------------- helpers

def rows_by_code(ws):
    """The Sectoral table's rows by the code in column A: {code: (row number, [values])}."""
    out = {}
    for r in range(2, ws.max_row + 1):
        code = ws.cell(row=r, column=1).value
        if code is not None:
            out[code] = (r, [ws.cell(row=r, column=c).value for c in range(1, ws.max_column + 1)])
    return out


def header(ws, row=1):
    return [c.value for c in ws[row]]


def defined_names(wb):
    """{name: 'Sheet!$C$12'} of the workbook-level names (openpyxl 3.0 and 3.1)."""
    dn = wb.defined_names
    items = dn.definedName if hasattr(dn, "definedName") else dn.values()
    return {d.name: d.attr_text for d in items if d.localSheetId is None}


def cell_of(wb, ref):
    """The cell a reference such as "Summary!$C$12" or "'Sheet name'!$C$12" names."""
    sheet, addr = ref.rsplit("!", 1)
    return wb[sheet.strip("'")][addr.replace("$", "")]


def soffice_convert(files, outdir, fmt):
    """Converts `files` with one headless LibreOffice (a private profile that recalculates on load,
    xlsx_check.py's) into `outdir` in format `fmt` ("pdf", "xlsx:Calc MS Excel 2007 XML")."""
    if VALGRIND:
        raise Skip("LibreOffice is skipped under valgrind")
    try:
        soffice = xlsx_check.find_soffice()
    except xlsx_check.CheckError as e:
        raise Fail(str(e))
    profile = tempfile.mkdtemp(prefix="wb-e2e-profile-")
    try:
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
            f.write(xlsx_check.RECALC_XCU)
        env = dict(os.environ, SAL_USE_VCLPLUGIN="svp")
        p = subprocess.run([soffice, "-env:UserInstallation=file://" + profile, "--headless", "--invisible",
                            "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--convert-to", fmt,
                            "--outdir", outdir] + list(files), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, env=env, timeout=600, start_new_session=True)
        check(p.returncode == 0, "LibreOffice: %s" % p.stdout.decode("utf-8", "replace")[-1000:])
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def need(tool):
    if not shutil.which(tool):
        raise Skip("%s is missing (Debian package poppler-utils)" % tool)


def pdf_pages(pdf):
    need("pdfinfo")
    out = subprocess.run(["pdfinfo", pdf], stdout=subprocess.PIPE, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def ink(pdf, page=1):
    """The share of page `page` of `pdf` that is not white, from pdftoppm's grey map (PGM)."""
    need("pdftoppm")
    data = subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", str(page), "-l", str(page), pdf],
                          stdout=subprocess.PIPE, check=True).stdout
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    check(m, "pdftoppm gave no grey map")
    w, h = int(m.group(1)), int(m.group(2))
    pixels = data[m.end():m.end() + w * h]
    return sum(1 for b in pixels if b < 200) / float(w * h)


# ----------------------------------------------- one chart alone on a page

def _sheet_parts(z, sheet_name):
    """The index of sheet `sheet_name` and the path of its drawing part."""
    wbx = z.read("xl/workbook.xml").decode("utf-8")
    names = re.findall(r'<sheet name="([^"]*)" sheetId="\d+" r:id="(rId\d+)"', wbx)
    idx = [n for n, _ in names].index(sheet_name)
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    target = re.search(r'Id="%s"[^>]*Target="([^"]+)"' % names[idx][1], rels) or \
        re.search(r'Target="([^"]+)"[^>]*Id="%s"' % names[idx][1], rels)
    sheet_path = "xl/" + target.group(1)
    srels = z.read(sheet_path.replace("worksheets/", "worksheets/_rels/") + ".rels").decode("utf-8")
    drawing = re.search(r'Target="\.\./drawings/([^"]+)"', srels).group(1)
    return idx, "xl/drawings/" + drawing


def chart_alone(src, dst, sheet_name, k):
    """Writes `dst`: `src` with sheet `sheet_name` moved to the front (LibreOffice prints the sheets
    in tab order and prints hidden ones too), only chart k on its drawing, and its printed area the
    cells under the chart; so page 1 of its PDF is that chart alone. Returns the chart's title."""
    with zipfile.ZipFile(src) as z:
        idx, drawing = _sheet_parts(z, sheet_name)
        parts = {n: z.read(n) for n in z.namelist()}
    dxml = parts[drawing].decode("utf-8")
    anchors = re.findall(r"<xdr:twoCellAnchor.*?</xdr:twoCellAnchor>", dxml, re.S)
    check(k < len(anchors), "no chart %d on %s" % (k, sheet_name))
    a = anchors[k]
    (c0, r0), (c1, r1) = [tuple(int(v) for v in re.search(
        r"<xdr:%s><xdr:col>(\d+)</xdr:col>.*?<xdr:row>(\d+)</xdr:row>" % end, a, re.S).groups())
        for end in ("from", "to")]
    head, tail = dxml.split(anchors[0], 1)[0], dxml.rsplit(anchors[-1], 1)[1]
    parts[drawing] = (head + a + tail).encode("utf-8")
    wbx = parts["xl/workbook.xml"].decode("utf-8")
    sheets = re.findall(r"<sheet [^>]*/>", wbx)
    order = [idx] + [i for i in range(len(sheets)) if i != idx]   # new position -> old index
    new_of = {old: new for new, old in enumerate(order)}
    wbx = wbx.replace("".join(sheets), "".join(sheets[i] for i in order), 1)
    wbx = re.sub(r'localSheetId="(\d+)"', lambda m: 'localSheetId="%d"' % new_of[int(m.group(1))], wbx)
    wbx = re.sub(r' activeTab="\d+"', "", wbx)
    col = lambda c: "".join(chr(65 + d) for d in ([c // 26 - 1] if c >= 26 else []) + [c % 26])  # noqa: E731
    area = "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'%s'!$%s$%d:$%s$%d</definedName>" % (
        sheet_name, col(c0), r0 + 1, col(c1), r1 + 1)
    wbx = re.sub(r'<definedName name="_xlnm\.Print_(Area|Titles)" localSheetId="0">[^<]*</definedName>', "", wbx)
    wbx = wbx.replace("<definedNames>", "<definedNames>" + area, 1) if "<definedNames>" in wbx else \
        wbx.replace("</sheets>", "</sheets><definedNames>%s</definedNames>" % area, 1)
    parts["xl/workbook.xml"] = wbx.encode("utf-8")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    rels = parts[drawing.replace("drawings/", "drawings/_rels/") + ".rels"].decode("utf-8")
    rid = re.search(r'r:id="(rId\d+)"', a).group(1)
    chart = "xl/charts/" + re.search(r'Id="%s"[^>]*Target="\.\./charts/([^"]+)"' % rid, rels).group(1)
    return re.search(r"<c:title>.*?<a:t>([^<]*)</a:t>", parts[chart].decode("utf-8"), re.S).group(1)


def chart_count_on(xlsx, sheet_name):
    with zipfile.ZipFile(xlsx) as z:
        _, drawing = _sheet_parts(z, sheet_name)
        return len(re.findall(r"<xdr:twoCellAnchor", z.read(drawing).decode("utf-8")))


def render_charts(tmp, books):
    """Renders every chart of `books` ([(xlsx, sheet name, label)]) alone on page 1 of a PDF (one
    LibreOffice run for all): the page must show the chart's title and have ink; returns the share
    of ink by chart. GHGCALC_CHART_PNG=DIR keeps each page 1 as a PNG there."""
    jobs = []
    for xlsx, sheet, label in books:
        for k in range(chart_count_on(xlsx, sheet)):
            dst = os.path.join(tmp, "%s-chart%d.xlsx" % (label, k + 1))
            jobs.append((dst, chart_alone(xlsx, dst, sheet, k)))
    outdir = os.path.join(tmp, "pdf")
    os.makedirs(outdir)
    soffice_convert([j for j, _ in jobs], outdir, 'pdf:calc_pdf_Export:{"PageRange":{"type":"string","value":"1"}}')
    need("pdftotext")
    keep = os.environ.get("GHGCALC_CHART_PNG")
    result = {}
    for j, title in jobs:
        base = os.path.basename(j)[:-5]
        pdf = os.path.join(outdir, base + ".pdf")
        check(os.path.isfile(pdf), "no PDF of %s" % j)
        text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], stdout=subprocess.PIPE,
                              check=True).stdout.decode("utf-8", "replace")
        squeeze = lambda t: re.sub(r"\s+", "", t)  # noqa: E731  (a title may wrap)
        check(squeeze(title) in squeeze(text), "%s: page 1 lacks the title %r: %r" % (base, title, text[:200]))
        result[base] = ink(pdf)
        if keep:
            os.makedirs(keep, exist_ok=True)
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf,
                            os.path.join(keep, base)], check=True)
    return result


def chart_xml(xlsx):
    with zipfile.ZipFile(xlsx) as z:
        return [z.read(n).decode("utf-8") for n in sorted(z.namelist()) if re.match(r"xl/charts/chart\d+\.xml$", n)]


# ====================================================== 5. IPCC conventions

KEYS_INV = inventory(GAS_RECORDS + ['{category: "1.A.4.b", fuel: wood_wood_waste, amount: 10, unit: Gg, '
                                    'source: "stoves"}'],
                     "notation_keys:\n"
                     "  - {category: \"1.A.3\", key: IE, note: \"road fuel is in 1.A.2\"}\n"
                     "  - {category: \"2.B.3\", key: \"NO\", note: \"no adipic acid\"}\n"
                     "  - {category: \"2.F.1\", key: NE, note: \"not surveyed\"}\n")


@test
def sectoral_levels_sum_their_rows(tmp):
    """1 = 1.A + 1.B, 1.A = its sectors, 2 = its sectors, totals = the levels: live SUMs, hand values."""
    o = compute(tmp, KEYS_INV)
    f = load_wb(o.xlsx, data_only=False)["Sectoral table"]
    v = rows_by_code(load_wb(o.xlsx)["Sectoral table"])
    check(header(f)[:7] == ["Category", "Name", "CO2 (t)", "CH4 (t)", "N2O (t)", "CO2e (t)",
                            "Memo: biogenic CO2 (t)"], "header %r" % header(f))
    for code in ("1", "1.A", "1.B", "2", "3", "4", "5", "1.A.1", "1.A.4", "1.A.3", "2.B", "2.B.3", "2.F", "2.F.1"):
        check(code in v, "no row %s: %r" % (code, sorted(v)))
    r = {c: v[c][0] for c in v}
    check(f["C%d" % r["1"]].value == "=SUM(C%d,C%d)" % (r["1.A"], r["1.B"]), "1 = 1.A + 1.B: %r" % f["C%d" % r["1"]].value)
    check(f["F%d" % r["1.A"]].value == "=SUM(F%d,F%d,F%d)" % (r["1.A.1"], r["1.A.3"], r["1.A.4"]),
          "1.A = its sectors: %r" % f["F%d" % r["1.A"]].value)
    check(f["C%d" % r["2"]].value == "=SUM(C%d,C%d)" % (r["2.B"], r["2.F"]), "2: %r" % f["C%d" % r["2"]].value)
    levels = ",".join("C%d" % r[c] for c in ("1", "2", "3", "4", "5"))
    tot = [k for k in v if isinstance(k, str) and k.startswith("Total including")][0]
    check(f["C%d" % v[tot][0]].value == "=SUM(%s)" % levels, "total = the levels: %r" % f["C%d" % v[tot][0]].value)
    check(str(f["C%d" % r["1.A.1"]].value).startswith("=SUMIFS(Calculation!$Q:$Q,Calculation!$D:$D,\"1.A.1\""),
          "a sector is a SUMIFS over its rows: %r" % f["C%d" % r["1.A.1"]].value)
    # wood in 1.A.4.b: 10 Gg x 15.6 TJ/Gg = 156 TJ; CO2 112,000 kg/TJ is the memo item (17,472 t),
    # CH4 300 and N2O 4 kg/TJ (Vol.2 Ch.2 Table 2.5): 0.0468 and 0.000624 t
    close(v["1"][1][2], CO2_GAS, "1 CO2 t")
    close(v["1.A"][1][3], CH4_GAS + 156 * 300 / 1000, "1.A CH4 t")
    close(v["1.A.4"][1][4], TJ_HOMES * 0.1 / 1000 + 156 * 4 / 1000, "1.A.4 N2O t")
    close(v["1"][1][6], 156 * 112000 / 1000, "1 memo: biogenic CO2 t")
    close(v[tot][1][5], TOTAL_GAS + (156 * 300 / 1000) * GWP_CH4 + (156 * 4 / 1000) * GWP_N2O, "total CO2e")
    recalc(o.xlsx)


@test
def sectoral_zeros_show_notation_keys(tmp):
    """A zero shows the inventory's key (IE, NO, NE), else NA / NO / NE by what the rows hold."""
    o = compute(tmp, KEYS_INV)
    ws = load_wb(o.xlsx)["Sectoral table"]
    v = rows_by_code(ws)

    def shown(code, col):
        c = ws.cell(row=v[code][0], column=col)
        check(c.value == 0, "%s column %d: a key needs a zero, got %r" % (code, col, c.value))
        m = re.search(r';"([A-Z]+)"$', c.number_format)
        check(m, "%s column %d: format %r shows no key" % (code, col, c.number_format))
        return m.group(1)
    for code, key in (("1.A.3", "IE"), ("2.B.3", "NO"), ("2.F.1", "NE"), ("2.F", "NE")):
        for col in range(3, 8):
            check(shown(code, col) == key, "%s column %d shows %s, not %s" % (code, col, shown(code, col), key))
    check(shown("1.B", 3) == "NE", "1.B without records and without a key: NE")
    check(shown("5", 6) == "NE", "5 without records: NE")
    check(shown("2", 3) == "NE", "2: NE (2.F) ranks above NO (2.B.3)")
    check(shown("1.A.1.a", 7) == "NO", "memo of gas combustion: NO (no biomass)")
    check(shown("2.B", 7) == "NO", "2.B memo: the inventory's NO of 2.B.3")
    num = ws.cell(row=v["1.A.1.a"][0], column=3)
    check(num.value > 0 and num.number_format.startswith("#,##0.00;"), "a number's format: %r" % num.number_format)
    note = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith(
        "Notation keys")]
    check(note and "NE for a category without records" in note[0], "the table says which key it uses: %r" % note)


@test
def grid_factor_of_another_year_is_said(tmp):
    """Electricity on the northeast grid, which has a factor for 2022 only, in an inventory of 2020."""
    o = compute(tmp, inventory(GAS_RECORDS[:1], "indirect:\n  - {kind: electricity, amount: 10, unit: 10^8 kWh, "
                                                "grid: northeast, source: \"utility\"}\n",
                               sets="ipcc2006-energy, china-grid"))
    wb = load_wb(o.xlsx)
    ws = wb["Indirect"]
    head = header(ws, 3)
    year = ws.cell(row=4, column=head.index("Factor year") + 1)
    check(year.value == 2022, "factor year %r" % year.value)
    check(year.fill.fill_type == "solid", "the other year is not marked")
    note = ws.cell(row=4, column=head.index("Note") + 1).value
    check(note == "factor of 2022 used for the inventory year 2020", "note %r" % note)
    check("Factor year differs" in str(ws["A2"].value), "sheet note %r" % ws["A2"].value)
    ef = load_wb(o.xlsx, data_only=False)["Indirect"].cell(row=4, column=head.index("EF") + 1).value
    check(str(ef).startswith("=Factors!$D$"), "the grid factor refers to Factors: %r" % ef)


# ================================================ 6. printing and navigation

# Frozen panes of the example's sheets: the header row and the key columns.
PANES = {"Sectoral table": "C2", "Calculation": "G2", "Industry": "G2", "Agriculture": "G2", "Forest": "G2",
         "Waste": "G2", "Landfill (FOD)": "B2", "Indirect": "E4", "Checks": "B5", "Factors": "C2"}


def col_width(ws, col):
    """The width of column `col` (1-based): openpyxl keeps a <col min max> group under its first letter."""
    for dim in ws.column_dimensions.values():
        if dim.min and dim.max and dim.min <= col <= dim.max and dim.width:
            return dim.width
    return 8.43


def wrapped_lines(text, width):
    """A lenient word wrap (characters 0.8 of a digit wide, CJK 1.6): fewer lines than any real
    font needs, so a header row shorter than this many lines is too short."""
    lines, cur = 1, 0.0
    for word in str(text).split(" "):
        w = sum(1.6 if ord(ch) >= 0x2E80 else 0.8 for ch in word)
        if cur and cur + 0.8 + w > width:
            lines, cur = lines + 1, 0.0
        cur += (0.8 if cur else 0) + w
        while cur > width:
            lines, cur = lines + 1, cur - width
    return lines


@test
def print_setup_panes_and_names(tmp):
    out = os.path.join(tmp, "jilin-2020.xlsx")
    r = ghg("inventory", EXAMPLE, "-o", out)
    check(r.rc == 0, "%r" % r)
    wb = load_wb(out)
    j = read_json(os.path.join(tmp, "jilin-2020.json"))
    for ws in wb.worksheets:
        ps = ws.page_setup
        check(ps.orientation == "landscape" and str(ps.paperSize) == "9", "%s: %s paper %s" % (
            ws.title, ps.orientation, ps.paperSize))
        check(ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth in (None, 1, "1")
              and str(ps.fitToHeight) == "0", "%s: not one page wide" % ws.title)
        check(ws.oddFooter.left.text == "Jilin City GHG inventory 2020 (illustrative)"
              and ws.oddFooter.right.text == "Page &P of &N", "%s footer %r %r" % (
                  ws.title, ws.oddFooter.left.text, ws.oddFooter.right.text))
        if ws.title in PANES:
            check(ws.freeze_panes == PANES[ws.title], "%s panes %r" % (ws.title, ws.freeze_panes))
            rows = int(PANES[ws.title][1:]) - 1
            check(ws.print_title_rows == "$1:$%d" % rows, "%s repeats %r" % (ws.title, ws.print_title_rows))
            check(ws.print_area, "%s has no print area" % ws.title)
    for name in ("Sectoral table", "Calculation", "Factors"):  # header rows tall enough for their lines
        ws = wb[name]
        need_lines = max(wrapped_lines(c.value, col_width(ws, c.column)) for c in ws[1] if c.value)
        height = ws.row_dimensions[1].height or 15
        check(height >= 15 * need_lines, "%s header %s pt for %d lines" % (name, height, need_lines))
    names = defined_names(wb)
    t = j["totals"]
    for name, want in (("Total_CO2e", t["t_co2e"]), ("Total_excl_LULUCF", t["t_co2e_without_lulucf"]),
                       ("LULUCF_CO2e", t["lulucf_t_co2e"]), ("CO2_t", t["by_gas_t"]["CO2"]),
                       ("CH4_CO2e", t["by_gas_t_co2e"]["CH4"]), ("Memo_biogenic_CO2", t["memo_biogenic_co2_t"])):
        check(name in names, "no name %s: %r" % (name, sorted(names)))
        close(cell_of(wb, names[name]).value, want, name)


@test
def example_prints_on_few_pages(tmp):
    """LibreOffice prints the shipped example without its uncertainty sheets on about 20 pages (106
    before the print setup; the Reporting tables and the coal-mining, rail and aviation records added a
    few); the Uncertainty sheet's Inputs and Parts blocks (one row per uncertain input and per part,
    about 480 rows) and the eight key category assessments bring it to about 35. The bounds leave room
    for a few more records, far below 106."""
    out = os.path.join(tmp, "jilin-2020.xlsx")
    full = os.path.join(tmp, "full.xlsx")
    check(ghg("inventory", EXAMPLE, "-o", out, "--no-csv-json", "--no-uncertainty").rc == 0, "example")
    check(ghg("inventory", EXAMPLE, "-o", full, "--no-csv-json").rc == 0, "example with uncertainty")
    soffice_convert([out, full], tmp, "pdf")
    pages = pdf_pages(os.path.join(tmp, "jilin-2020.pdf"))
    check(pages <= 24, "the example prints on %d pages" % pages)
    pages = pdf_pages(os.path.join(tmp, "full.pdf"))
    check(pages <= 40, "the example with its uncertainty sheets prints on %d pages" % pages)


# ===================================================================== 7. charts

@test
def summary_bars_sorted_with_separators(tmp):
    o = run_inventory(tmp, EXAMPLE)
    xml = chart_xml(o.xlsx)
    check(len(xml) == 3 and not any("<c:pieChart>" in x for x in xml), "charts: no pie, three charts")
    bar = xml[0]
    check('<c:barDir val="bar"/>' in bar and '<c:orientation val="maxMin"/>' in bar,
          "the sector chart: horizontal bars, first row on top")
    for x in xml:
        check('formatCode="#,##0"' in x, "a value axis without thousands separators")
    ws = load_wb(o.xlsx)["Summary"]
    ref = re.search(r"<c:val><c:numRef><c:f>Summary!\$C\$(\d+):\$C\$(\d+)</c:f>", bar)
    vals = [ws.cell(row=i, column=3).value for i in range(int(ref.group(1)), int(ref.group(2)) + 1)]
    check(vals == sorted(vals, reverse=True) and len(vals) == len(read_json(o.json_path)["sectors"]),
          "sector bars %r" % vals)


@test
def intensity_charts_apart_and_dashed(tmp):
    out = os.path.join(tmp, "int.xlsx")
    r = ghg("intensity", SERIES, "-o", out)
    check(r.rc in (0, 1), "%r" % r)
    xml = chart_xml(out)
    check(len(xml) == 4, "four charts: %d" % len(xml))
    co2, energy = xml[0], xml[1]
    check("CO2 per GDP against" in co2 and "Energy per GDP against" in energy, "chart titles")
    check("Energy per GDP (" not in co2 and "CO2 per GDP" not in energy.split("</c:title>", 1)[1],
          "CO2 and energy intensity share a chart")
    for x in (co2, energy):
        series = re.findall(r"<c:ser>.*?</c:ser>", x, re.S)
        check(len(series) >= 2, "an intensity and its target path")
        check('<a:prstDash val="dash"/>' not in series[0] and '<c:symbol val="circle"/>' in series[0],
              "the actual line: solid with markers")
        check(all('<a:prstDash val="dash"/>' in s for s in series[1:]), "a target path is not dashed")
        check('formatCode="#,##0.00"' in x, "intensity axis format")


@test
def charts_render_to_images(tmp):
    """Every chart of both workbooks, English and Chinese, rendered alone, has ink on its page."""
    books = []
    for lang in ("en", "zh"):
        inv = os.path.join(tmp, "inv-%s.xlsx" % lang)
        check(ghg("inventory", EXAMPLE, "-o", inv, "--lang", lang, "--no-csv-json").rc == 0, "inventory")
        ser = os.path.join(tmp, "int-%s.xlsx" % lang)
        check(ghg("intensity", SERIES, "-o", ser, "--lang", lang, "--no-csv-json").rc in (0, 1), "intensity")
        books += [(inv, "Summary" if lang == "en" else "汇总", "inventory-" + lang),
                  (ser, "Charts" if lang == "en" else "图表", "intensity-" + lang)]
    ink_of = render_charts(tmp, books)
    check(len(ink_of) == 2 * (3 + 4), "charts rendered: %r" % sorted(ink_of))
    for name, share in ink_of.items():
        check(share > 0.01, "%s is blank: %.4f of the page has ink" % (name, share))


# ================================================================ 8. a live model

@test
def calculation_rows_refer_to_factors(tmp):
    o = compute(tmp, inventory(GAS_RECORDS))
    wb = load_wb(o.xlsx, data_only=False)
    calc, fac = wb["Calculation"], wb["Factors"]
    for n in range(2, 8):
        for col, what in (("J", "ncv"), ("M", None), ("R", "gwp")):
            ref = calc["%s%d" % (col, n)].value
            check(re.fullmatch(r"=Factors!\$D\$\d+", str(ref)), "%s%d %r" % (col, n, ref))
            row = fac[ref[len("=Factors!"):].replace("$", "")].row
            param = fac.cell(row=row, column=1).value
            check(what is None or param == what, "%s%d refers to %s" % (col, n, param))
    vals = load_wb(o.xlsx)["Calculation"]
    close(vals["J2"].value, NCV_GAS, "NCV cached")
    close(vals["M2"].value, EF_CO2_GAS, "EF cached")
    close(vals["R3"].value, GWP_CH4, "GWP cached")


@test
def edited_factor_moves_every_total(tmp):
    """Natural gas CO2 56,100 -> 60,000 kg/TJ and the GWP of CH4 28 -> 30 on Factors, recalculated."""
    import openpyxl
    o = compute(tmp, inventory(GAS_RECORDS), "--no-csv-json")
    wb = openpyxl.load_workbook(o.xlsx)
    fac = wb["Factors"]
    edited = set()
    for r in range(2, fac.max_row + 1):
        key = (fac.cell(row=r, column=1).value, fac.cell(row=r, column=2).value)
        if key == ("co2", "natural_gas"):
            fac.cell(row=r, column=4).value = 60000
            edited.add(key)
        elif key == ("gwp", "CH4"):
            fac.cell(row=r, column=4).value = 30
            edited.add(key)
    check(len(edited) == 2, "rows edited %r" % edited)
    src = os.path.join(tmp, "edited.xlsx")
    wb.save(src)
    outdir = os.path.join(tmp, "recalc")
    os.makedirs(outdir)
    soffice_convert([src], outdir, "xlsx:Calc MS Excel 2007 XML")
    got = load_wb(os.path.join(outdir, "edited.xlsx"))
    co2 = (TJ_PLANT + TJ_HOMES) * 60000 / 1000  # 7,200 TJ x 60 t/TJ = 432,000 t
    total = co2 + CH4_GAS * 30 + N2O_GAS * GWP_N2O  # 432,000 + 504 + 190.8 = 432,694.8 t CO2e
    names = defined_names(got)
    close(cell_of(got, names["CO2_t"]).value, co2, "CO2 after the edit", rel=1e-9)
    close(cell_of(got, names["CH4_CO2e"]).value, CH4_GAS * 30, "CH4 t CO2e after the edit", rel=1e-9)
    close(cell_of(got, names["Total_CO2e"]).value, total, "total after the edit", rel=1e-9)
    close(cell_of(got, names["Total_CO2e"]).value - TOTAL_GAS, 7200 * 3.9 + 16.8 * 2, "the move: 28,113.6 t",
          rel=1e-9)
    st = rows_by_code(got["Sectoral table"])
    close(st["1.A.4"][1][5], TJ_HOMES * 60 + TJ_HOMES * 5 / 1000 * 30 + TJ_HOMES * 0.1 / 1000 * GWP_N2O,
          "Sectoral 1.A.4 after the edit", rel=1e-9)


@test
def example_recalculates_en_and_zh(tmp):
    """Every formula of the example, English and Chinese, equals its cached value in LibreOffice."""
    for lang in ("en", "zh"):
        out = os.path.join(tmp, "ex-%s.xlsx" % lang)
        check(ghg("inventory", EXAMPLE, "-o", out, "--lang", lang, "--no-csv-json").rc == 0, lang)
        recalc(out)


# ================================================================ 9. the economy

@test
def summary_economy_block(tmp):
    econ = ("economy:\n  gdp: {value: 100, unit: 10^8 yuan, price_base: 2020}\n"
            "  population: {value: 50, unit: 10^4 person}\n")
    o = compute(tmp, inventory(GAS_RECORDS).replace("activities:\n", econ + "activities:\n"))
    wb, f = load_wb(o.xlsx), load_wb(o.xlsx, data_only=False)
    names = defined_names(wb)
    gdp = 100 * 1e4    # 10^8 yuan = 10^4 x 10^4 yuan: 1,000,000 x 10^4 yuan
    pop = 50 * 1e4     # 500,000 persons
    close(cell_of(wb, names["GDP_1e4_yuan"]).value, gdp, "GDP in 10^4 yuan")
    close(cell_of(wb, names["Population_persons"]).value, pop, "persons")
    close(cell_of(wb, names["CO2e_per_capita"]).value, TOTAL_GAS / pop, "t CO2e per person")   # 0.8091624
    close(cell_of(wb, names["CO2e_per_GDP"]).value, TOTAL_GAS / gdp, "t CO2e per 10^4 yuan")   # 0.4045812
    close(cell_of(wb, names["Fuel_CO2_per_GDP"]).value, CO2_GAS / gdp, "fuel CO2 per 10^4 yuan")
    total_cell = names["Total_CO2e"].split("!")[1].replace("$", "")
    per_capita = cell_of(f, names["CO2e_per_capita"]).value
    check(per_capita == "=%s/%s" % (total_cell, names["Population_persons"].split("!")[1].replace("$", "")),
          "per capita is a formula over the totals: %r" % per_capita)
    recalc(o.xlsx)


# ============================================================ 4. Chinese

@test
def zh_workbook_is_chinese(tmp):
    out = os.path.join(tmp, "zh.xlsx")
    check(ghg("inventory", EXAMPLE, "-o", out, "--lang", "zh", "--no-csv-json").rc == 0, "zh")
    wb = load_wb(out)
    cjk = re.compile("[\u4e00-\u9fff]")
    for name in wb.sheetnames:
        check(cjk.search(name) and not re.search("[A-Za-z]", name), "sheet name %r" % name)
    calc = wb["化石燃料燃烧"]
    memo = {calc.cell(row=r, column=20).value for r in range(2, calc.max_row + 1)}
    check(memo == {"是", "否"}, "memo words %r" % memo)
    checks = wb["核查"]
    words = {c.value for row in checks.iter_rows() for c in row if isinstance(c.value, str)}
    check(not words & {"estimated", "not reported", "explain", "ok", "biomass: excluded"}, "English status words")
    check("已估算" in words and "未报告" in words and words & {"需说明", "通过"}, "Chinese status words")
    view = {wb["间接排放"].cell(row=r, column=4).value for r in range(4, wb["间接排放"].max_row + 1)} - {None}
    check(view <= {"消费口径", "净调入口径"}, "views %r" % view)
    for x in chart_xml(out):
        title = re.search(r"<c:title>.*?<a:t>([^<]*)</a:t>", x, re.S).group(1)
        check(cjk.search(title), "chart title %r" % title)
        axes = re.findall(r"<c:(?:valAx|catAx)>.*?</c:(?:valAx|catAx)>", x, re.S)
        for a in axes:
            t = re.search(r"<a:t>([^<]*)</a:t>", a)
            check(not t or cjk.search(t.group(1)), "axis title %r" % (t and t.group(1)))
    econ = {r[0]: r[3] for r in wb["汇总"].iter_rows(values_only=True) if len(r) > 3 and r[0]}
    check(econ.get("地区生产总值（原值）") == "亿元" and econ.get("常住人口（原值）") == "万人",
          "the example's 10^8 yuan and 10^4 person in Chinese: %r" % [econ.get(k) for k in ("地区生产总值（原值）",
                                                                                  "常住人口（原值）")])
    en = load_wb(run_inventory(tmp, EXAMPLE, out="en.xlsx").xlsx)
    close(wb["汇总"]["B15"].value, en["Summary"]["B15"].value, "the memo SUMIFS matches 是 as it matches yes")
    ser = os.path.join(tmp, "int-zh.xlsx")
    check(ghg("intensity", SERIES, "-o", ser, "--lang", "zh", "--no-csv-json").rc in (0, 1), "intensity zh")
    iwb = load_wb(ser)
    check(all(cjk.search(n) for n in iwb.sheetnames), "intensity sheets %r" % iwb.sheetnames)
    kinds = {iwb["能源消费"].cell(row=r, column=3).value for r in range(2, iwb["能源消费"].max_row + 1)} - {None}
    check(kinds and all(cjk.search(k) for k in kinds), "energy kinds %r" % kinds)
    units = {c.value for ws in iwb.worksheets for row in ws.iter_rows() for c in row}
    check(not units & {"10^8 yuan", "10^4 person", "10^4 tce", "10^8 kWh"}, "economy units left in English")
    check({"亿元", "万人"} <= units, "economy units in Chinese")
    recalc(ser)


@test
def intensity_sectors_listed_once(tmp):
    """Each sector is one column of Sectors, and a year's sectors add up to its CO2e."""
    out = os.path.join(tmp, "int.xlsx")
    check(ghg("intensity", SERIES, "-o", out).rc in (0, 1), "intensity")
    wb = load_wb(out)
    head = [c.value for c in wb["Sectors"][1]]
    check(len(head) == len(set(head)), "a sector repeated: %r" % head)
    inp = wb["Inputs"]
    co2e = header(inp).index("All GHG (t CO2e)") + 1
    for r in range(2, wb["Sectors"].max_row + 1):
        close(wb["Sectors"].cell(row=r, column=len(head)).value, inp.cell(row=r, column=co2e).value,
              "year %s: sectors vs CO2e" % inp.cell(row=r, column=1).value, rel=1e-12)


if __name__ == "__main__":
    sys.exit(TESTS.main("workbook e2e", "ghgcalc-wb-e2e-", e2e_helpers.configure, doc=__doc__))
