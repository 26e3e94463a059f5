#!/usr/bin/env python3
"""cell_profile.py - what a workbook holds, sheet by sheet, for the benchmark's limit (xlsx_cells --profile).

usage: cell_profile.py WORKBOOK.xlsx > PROFILE

Prints one line per worksheet, in workbook order:
    sheet ROWS NUMBERS STRINGS FORMULAS STRING_BYTES FORMULA_BYTES
and one line for the shared strings:
    shared COUNT UNIQUE BYTES
ROWS counts <row> elements, NUMBERS, STRINGS and FORMULAS the cells of each kind (a formula cell with a
cached text is a formula), STRING_BYTES the bytes of the inline strings' text (constant_memory workbooks
write strings inline) and FORMULA_BYTES those of the formulas' text. The sheets' XML is read as a
stream and counted by bytes, so a workbook of 10^6 records (about 3 GB of XML) takes a minute, not the
hour an XML parser would. xlsx_cells writes as many cells of each kind, of the same mean length, as ghgcalc
wrote: the bare libraries doing the workbook's whole job (bench/README in bench/RESULTS.md).
"""
import re
import sys
import zipfile

CHUNK = 1 << 22
TAGS = (b"<row ", b"<c ", b"<f>", b"<f ", b't="s"', b't="inlineStr"')
FORMULA = re.compile(rb"<f>([^<]*)</f>")
INLINE = re.compile(rb"<is><t[^>]*>([^<]*)</t></is>")


def count_sheet(z, name):
    """Counts one sheet's rows and cells by streaming its XML; tags cut by a chunk edge are carried over."""
    n = dict.fromkeys(TAGS, 0)
    fbytes = sbytes = 0
    tail = b""
    with z.open(name) as f:
        while True:
            chunk = f.read(CHUNK)
            data = tail + chunk
            if not chunk:
                cut = len(data)
            else:
                cut = data.rfind(b"<c ")  # count up to the last cell start; it is counted with the next chunk
                cut = cut if cut > 0 else max(len(data) - 64, 0)
            part = data[:cut]
            for t in TAGS:
                n[t] += part.count(t)
            fbytes += sum(len(m) for m in FORMULA.findall(part))
            sbytes += sum(len(m) for m in INLINE.findall(part))
            tail = data[cut:]
            if not chunk:
                break
    formulas = n[b"<f>"] + n[b"<f "]
    strings = n[b't="s"'] + n[b't="inlineStr"']
    numbers = n[b"<c "] - formulas - strings
    return n[b"<row "], numbers, strings, formulas, sbytes, fbytes


def sheet_order(z):
    """(name as written in workbook.xml, XML-escaped; part) of every worksheet in workbook order (workbook.xml's
    sheets through its relationships)."""
    wb = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    target = dict(re.findall(r'<Relationship Id="([^"]+)" Type="[^"]*/worksheet" Target="([^"]+)"', rels))
    out = []
    for name, rid in re.findall(r'<sheet name="([^"]*)"[^>]*r:id="([^"]+)"', wb):
        if rid in target:
            t = target[rid]
            out.append((name, t.lstrip("/") if t.startswith("/") else "xl/" + t))
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: cell_profile.py WORKBOOK.xlsx")
    with zipfile.ZipFile(sys.argv[1]) as z:
        for _, part in sheet_order(z):
            print("sheet %d %d %d %d %d %d" % count_sheet(z, part))
        count = unique = nbytes = 0
        if "xl/sharedStrings.xml" in z.namelist():
            sst = z.read("xl/sharedStrings.xml")
            m = re.search(rb'count="(\d+)" uniqueCount="(\d+)"', sst)
            if m:
                count, unique = int(m.group(1)), int(m.group(2))
            nbytes = sum(len(t) for t in re.findall(rb"<t[^>]*>([^<]*)</t>", sst))
        print("shared %d %d %d" % (count, unique, nbytes))


if __name__ == "__main__":
    main()
