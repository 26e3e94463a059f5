#!/usr/bin/python3
"""xlsx_check.py - independent checks for .xlsx workbooks written by ghgcalc.

Run with Debian's interpreter (/usr/bin/python3); needs the Debian packages
python3-openpyxl and libreoffice-calc-nogui.

  xlsx_check.py recalc FILE.xlsx [--rel 1e-9] [--abs 1e-9] [--timeout 180]
                                 [--keep DIR] [--strict-types] [-v]
      Recalculate every formula with LibreOffice (headless, hard recalc) and
      compare each formula cell's recalculated value with the value cached in
      FILE.  Prints one line per problem:
          Sheet!A1: cached X, recalculated Y (formula =...)
      then a summary line
          xlsx recalc: N formulas checked, M mismatches
      Exit status: 0 = all formulas agree, 1 = mismatches / errors / missing
      cached values, 2 = the check itself could not run (LibreOffice missing,
      timed out, did not recalculate, unreadable file, bad usage).

  xlsx_check.py dump FILE.xlsx SHEET [RANGE] [--formulas]
      Print cached cell values (or formulas) of SHEET as TSV, one row a line.
      RANGE defaults to the sheet's used range (e.g. A1:D20, B:B, 3:3).

  xlsx_check.py get FILE.xlsx "'Sheet name'!A1" [--formula]
      Print one cached cell value (or its formula).  Sheet names may be given
      quoted ('Sectoral table'!B2) or bare (Sectoral table!B2).

Recalc mechanism: FILE is copied into a private temp dir together with a tiny
"canary" workbook whose formula has a deliberately wrong cached value.  A
headless soffice is started with a private, throw-away user profile
(-env:UserInstallation=file:///tmp/...) whose registrymodifications.xcu sets
  /org.openoffice.Office.Calc/Formula/Load  OOXMLRecalcMode = 0 ("always")
  (and ODFRecalcMode = 0), so the xlsx import filter does a hard recalc of all
formulas on load; both files are then written back with --convert-to xlsx.
LibreOffice's default ("never recalculate") would just keep the cached
values, so the canary's recalculated value is checked on every run: if it is
not corrected the tool fails with status 2 instead of passing vacuously.
"""

import argparse
import datetime
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

DEBIAN_PYTHON = "/usr/bin/python3"

try:
    import openpyxl
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.utils.datetime import to_excel
except ImportError:  # pragma: no cover - environment problem
    if (os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON)
            and os.path.exists(DEBIAN_PYTHON)
            and not os.environ.get("XLSX_CHECK_REEXEC")):
        os.environ["XLSX_CHECK_REEXEC"] = "1"
        os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON] + sys.argv)
    sys.stderr.write("xlsx_check: openpyxl not importable; run with %s "
                     "(apt-get install python3-openpyxl)\n" % DEBIAN_PYTHON)
    sys.exit(2)

ERROR_VALUES = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
                "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!",
                "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!"}

RECALC_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

# Minimal workbook: A1=20, A2=1, A3 = A1*2+A2 (=41) but cached as 0.
CANARY_NAME = "xlsx_check_canary.xlsx"
CANARY_CELL = "A3"
CANARY_EXPECT = 41.0
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PNS = "http://schemas.openxmlformats.org/package/2006/relationships"
CANARY_PARTS = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>',
    "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="%s">'
        '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>' % (_PNS, _RNS),
    "xl/workbook.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="%s" xmlns:r="%s"><sheets>'
        '<sheet name="Canary" sheetId="1" r:id="rId1"/></sheets></workbook>'
        % (_NS, _RNS),
    "xl/_rels/workbook.xml.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="%s">'
        '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>' % (_PNS, _RNS),
    "xl/worksheets/sheet1.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="%s"><sheetData>'
        '<row r="1"><c r="A1"><v>20</v></c></row>'
        '<row r="2"><c r="A2"><v>1</v></c></row>'
        '<row r="3"><c r="A3"><f>A1*2+A2</f><v>0</v></c></row>'
        '</sheetData></worksheet>' % _NS,
}


class CheckError(Exception):
    """The check could not be performed (exit status 2)."""


# ----------------------------------------------------------------- helpers

def find_soffice():
    cand = [os.environ.get("XLSX_CHECK_SOFFICE"), shutil.which("soffice"),
            "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
    for c in cand:
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    raise CheckError("soffice not found (apt-get install libreoffice-calc-nogui)")


def load(path, data_only):
    try:
        return openpyxl.load_workbook(path, data_only=data_only,
                                      keep_links=False)
    except Exception as e:  # zipfile.BadZipFile, KeyError, ...
        raise CheckError("cannot read %s: %s: %s" % (path, type(e).__name__, e))


def quote_sheet(name):
    """Sheet name as written in a formula reference."""
    if (re.fullmatch(r"[^\W\d]\w*", name)
            and not re.fullmatch(r"[A-Za-z]{1,3}\d+", name)
            and not re.fullmatch(r"[Rr]\d*[Cc]\d*", name)
            and name.upper() not in ("TRUE", "FALSE")):
        return name
    return "'" + name.replace("'", "''") + "'"


def parse_ref(ref):
    """'Sheet name'!A1 / Sheet!A1 -> (sheet, 'A1')."""
    if "!" not in ref:
        raise CheckError("cell reference must look like 'Sheet'!A1: %r" % ref)
    sheet, cell = ref.rsplit("!", 1)
    sheet = sheet.strip()
    if len(sheet) >= 2 and sheet[0] == "'" and sheet[-1] == "'":
        sheet = sheet[1:-1].replace("''", "'")
    cell = cell.replace("$", "").strip().upper()
    if not re.fullmatch(r"[A-Z]{1,3}[0-9]+", cell):
        raise CheckError("bad cell address %r" % cell)
    return sheet, cell


def get_sheet(wb, name):
    if name in wb.sheetnames:
        return wb[name]
    folded = [s for s in wb.sheetnames if s.casefold() == name.casefold()]
    if len(folded) == 1:
        return wb[folded[0]]
    raise CheckError("no sheet %r; sheets are: %s"
                     % (name, ", ".join(repr(s) for s in wb.sheetnames)))


def normalise(v):
    """Cell value -> None, bool, float, or str (dates become serials)."""
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time,
                      datetime.timedelta)):
        return float(to_excel(v))
    return str(v)


def fmt(v):
    if v is None:
        return "(none)"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        return repr(int(v)) if v.is_integer() and abs(v) < 1e16 else repr(v)
    return repr(v)


def is_error(v):
    return isinstance(v, str) and (v in ERROR_VALUES or v.startswith("Err:"))


def formula_text(cell):
    v = cell.value
    v = getattr(v, "text", v)  # openpyxl >= 3.1 ArrayFormula
    v = str(v)
    return v if v.startswith("=") else "=" + v


def is_formula_cell(cell):
    if cell.data_type == "f":
        return True
    v = cell.value
    return (v is not None and not isinstance(v, (str, int, float, bool))
            and hasattr(v, "text"))


# ----------------------------------------------------------------- recalc

def run_libreoffice(src, workdir, timeout, verbose):
    """Return (path of recalculated copy of src, path of recalculated canary)."""
    soffice = find_soffice()
    indir = os.path.join(workdir, "in")
    outdir = os.path.join(workdir, "out")
    profile = os.path.join(workdir, "profile")
    for d in (indir, outdir, os.path.join(profile, "user")):
        os.makedirs(d)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"),
              "w", encoding="utf-8") as f:
        f.write(RECALC_XCU)
    book = os.path.join(indir, "book.xlsx")  # ASCII name, no shell surprises
    shutil.copyfile(src, book)
    canary = os.path.join(indir, CANARY_NAME)
    with zipfile.ZipFile(canary, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in CANARY_PARTS.items():
            z.writestr(name, text)

    cmd = [soffice, "-env:UserInstallation=file://" + profile,
           "--headless", "--invisible", "--norestore", "--nologo",
           "--nodefault", "--nolockcheck",
           "--convert-to", "xlsx:Calc MS Excel 2007 XML",
           "--outdir", outdir, book, canary]
    if verbose:
        sys.stderr.write("xlsx_check: %s\n" % " ".join(cmd))
    env = dict(os.environ)
    env.setdefault("SAL_USE_VCLPLUGIN", "svp")
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, cwd=workdir, env=env,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # our own process group only
        except ProcessLookupError:
            pass
        proc.communicate()
        raise CheckError("LibreOffice timed out after %g s" % timeout)
    finally:
        # soffice.bin may outlive the wrapper script; it is in our group.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    out = out.decode("utf-8", "replace")
    if verbose:
        sys.stderr.write("xlsx_check: LibreOffice took %.1f s, rc=%d\n%s"
                         % (time.monotonic() - t0, proc.returncode, out))
    rbook = os.path.join(outdir, "book.xlsx")
    rcanary = os.path.join(outdir, CANARY_NAME)
    if proc.returncode != 0 or not os.path.isfile(rbook):
        raise CheckError("LibreOffice conversion failed (rc=%s):\n%s"
                         % (proc.returncode, out.strip()))
    if not os.path.isfile(rcanary):
        raise CheckError("LibreOffice did not convert the canary:\n%s" % out.strip())
    return rbook, rcanary


def verify_canary(rcanary):
    wb = load(rcanary, data_only=True)
    got = normalise(wb.active[CANARY_CELL].value)
    if got != CANARY_EXPECT:
        raise CheckError("LibreOffice did not recalculate on load (canary "
                         "formula =A1*2+A2 cached 0 came back as %s, expected "
                         "41); the recalc-mode setting was ignored"
                         % fmt(got))


def compare(cached, recalc, rel, abs_tol, strict_types=False):
    """Return None if equal, else a short reason."""
    if is_error(recalc):
        return "error"
    if cached is None:
        if recalc is None or recalc == "":
            return None  # empty-string result; openpyxl reads <v></v> as None
        return "missing cached value"
    if is_error(cached):
        return "cached error"
    if recalc is None:
        return None if cached == "" else "no recalculated value"
    if isinstance(cached, bool) or isinstance(recalc, bool):
        # libxlsxwriter cannot cache a boolean formula result (=A1>0 is
        # cached as 1), LibreOffice returns TRUE; equal unless strict_types.
        if type(cached) is type(recalc):
            return None if cached == recalc else "value"
        if strict_types or isinstance(cached, str) or isinstance(recalc, str):
            return "type"
        return None if float(cached) == float(recalc) else "value"
    if isinstance(cached, float) and isinstance(recalc, float):
        return None if abs(cached - recalc) <= max(abs_tol, rel * abs(cached)) \
            else "value"
    if isinstance(cached, str) and isinstance(recalc, str):
        return None if cached == recalc else "value"
    return "type"


def cmd_recalc(args):
    src = os.path.abspath(args.file)
    if not os.path.isfile(src):
        raise CheckError("no such file: %s" % args.file)
    fwb = load(src, data_only=False)
    vwb = load(src, data_only=True)
    base = args.keep
    if base:
        os.makedirs(base, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="xlsx_check.", dir=base)
    try:
        rbook, rcanary = run_libreoffice(src, workdir, args.timeout, args.verbose)
        verify_canary(rcanary)
        rwb = load(rbook, data_only=True)

        checked = 0
        problems = []
        for ws in fwb.worksheets:
            vws = vwb[ws.title]
            rws = rwb[ws.title] if ws.title in rwb.sheetnames else None
            for row in ws.iter_rows():
                for cell in row:
                    if not is_formula_cell(cell):
                        continue
                    checked += 1
                    coord = cell.coordinate
                    where = "%s!%s" % (quote_sheet(ws.title), coord)
                    cached = normalise(vws[coord].value)
                    if rws is None:
                        problems.append("%s: sheet missing from recalculated "
                                        "copy (formula %s)"
                                        % (where, formula_text(cell)))
                        continue
                    recalc = normalise(rws[coord].value)
                    why = compare(cached, recalc, args.rel, args.abs,
                                  args.strict_types)
                    if why is None:
                        continue
                    msg = "%s: cached %s, recalculated %s (formula %s)" % (
                        where, fmt(cached), fmt(recalc), formula_text(cell))
                    if why not in ("value",):
                        msg += " [%s]" % why
                    problems.append(msg)
        for p in problems:
            print(p)
        print("xlsx recalc: %d formulas checked, %d mismatches"
              % (checked, len(problems)))
        if args.keep:
            sys.stderr.write("xlsx_check: recalculated copy kept at %s\n" % rbook)
        sys.stdout.flush()
        return 1 if problems else 0
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


# ----------------------------------------------------------------- dump/get

def tsv(v):
    v = normalise(v) if not isinstance(v, str) else v
    if v is None:
        return ""
    if isinstance(v, float):
        return fmt(v)
    if isinstance(v, bool):
        return fmt(v)
    return (str(v).replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def cell_out(cell, formulas):
    if formulas and is_formula_cell(cell):
        return formula_text(cell)
    return cell.value


def cmd_dump(args):
    wb = load(args.file, data_only=not args.formulas)
    ws = get_sheet(wb, args.sheet)
    rng = args.range or ws.dimensions
    try:
        min_col, min_row, max_col, max_row = range_boundaries(rng.replace("$", ""))
    except Exception:
        raise CheckError("bad range %r" % rng)
    min_col = min_col or 1
    min_row = min_row or 1
    max_col = max_col or max(ws.max_column, min_col)
    max_row = max_row or max(ws.max_row, min_row)
    for r in range(min_row, max_row + 1):
        vals = []
        for c in range(min_col, max_col + 1):
            vals.append(tsv(cell_out(ws.cell(row=r, column=c), args.formulas)))
        print("\t".join(vals))
    return 0


def cmd_get(args):
    sheet, coord = parse_ref(args.ref)
    wb = load(args.file, data_only=not args.formula)
    ws = get_sheet(wb, sheet)
    print(tsv(cell_out(ws[coord], args.formula)))
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(
        description="Check / inspect .xlsx workbooks (see module docstring).")
    sub = p.add_subparsers(dest="cmd", required=True)

    r = sub.add_parser("recalc", help="recalculate with LibreOffice and compare "
                       "every formula with its cached value")
    r.add_argument("file")
    r.add_argument("--rel", type=float, default=1e-9,
                   help="relative tolerance (default 1e-9)")
    r.add_argument("--abs", type=float, default=1e-9,
                   help="absolute tolerance (default 1e-9)")
    r.add_argument("--timeout", type=float, default=180,
                   help="LibreOffice time limit in seconds (default 180)")
    r.add_argument("--keep", metavar="DIR",
                   help="keep the work dir (recalculated copy) under DIR")
    r.add_argument("--strict-types", action="store_true",
                   help="treat a cached 1/0 vs recalculated TRUE/FALSE as a "
                   "mismatch (by default they compare equal)")
    r.add_argument("-v", "--verbose", action="store_true")
    r.set_defaults(func=cmd_recalc)

    d = sub.add_parser("dump", help="print cached values of a sheet as TSV")
    d.add_argument("file")
    d.add_argument("sheet")
    d.add_argument("range", nargs="?")
    d.add_argument("--formulas", action="store_true",
                   help="print formulas instead of cached values")
    d.set_defaults(func=cmd_dump)

    g = sub.add_parser("get", help="print one cached value: 'Sheet'!A1")
    g.add_argument("file")
    g.add_argument("ref")
    g.add_argument("--formula", action="store_true",
                   help="print the formula instead of the cached value")
    g.set_defaults(func=cmd_get)

    args = p.parse_args(argv)
    try:
        return args.func(args)
    except CheckError as e:
        sys.stdout.flush()
        sys.stderr.write("xlsx_check: %s\n" % e)
        return 2


if __name__ == "__main__":
    sys.exit(main())
