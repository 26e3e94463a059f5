#!/usr/bin/env python3
"""cell_dump.py - every cell of a workbook, for the benchmark's limit (xlsx_cells --replay).

usage: cell_dump.py WORKBOOK.xlsx OUT.dump

Writes every worksheet's cells, in workbook order, as they are stored: the number, the text (shared
strings resolved) or the formula with its cached result, and the cell's style index. `xlsx_cells
--replay OUT.dump` then writes the same cells with the bare libxlsxwriter: the libraries doing exactly
the cells of ghgcalc's workbook, with its numbers, texts, formulas and formats, and nothing of ghgcalc.

The dump is binary, little-endian. It opens with b"GHGCELLS1", a byte (1: the workbook had no shared
strings, so ghgcalc used constant_memory) and a u16, the largest style index; then records:
    b"S" u16 len, name                                   a new worksheet
    b"N" u32 row, u16 col, u16 style, f64 value          a number
    b"T" u32 row, u16 col, u16 style, u32 len, text      a string
    b"F" u32 row, u16 col, u16 style, u32 len, formula, f64 value     a formula, cached number
    b"G" u32 row, u16 col, u16 style, u32 len, formula, u32 len, text a formula, cached text
    b"B" u32 row, u16 col, u16 style                     a blank cell with a format
Rows and columns count from 0. The sheets' XML is read as a stream, so 10^6 records (about 4 GB of XML)
take minutes, not the hours of an XML parser.
"""
import re
import struct
import sys
import zipfile

from cell_profile import sheet_order

CHUNK = 1 << 22
CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?(?:/>|>(.*?)</c>)', re.S)
FORMULA = re.compile(rb"<f(?: [^>]*)?>(.*?)</f>", re.S)
VALUE = re.compile(rb"<v>(.*?)</v>", re.S)
INLINE = re.compile(rb"<t(?: [^>]*)?>(.*?)</t>", re.S)
ENTITY = re.compile(rb"&(amp|lt|gt|quot|apos|#x[0-9A-Fa-f]+|#\d+);")
NAMED = {b"amp": b"&", b"lt": b"<", b"gt": b">", b"quot": b'"', b"apos": b"'"}


def unescape(text):
    """XML text with its entities replaced (the library escapes them again when it writes)."""
    if b"&" not in text:
        return text

    def one(m):
        e = m.group(1)
        if e in NAMED:
            return NAMED[e]
        code = int(e[2:], 16) if e[:2] == b"#x" else int(e[1:])
        return chr(code).encode()

    return ENTITY.sub(one, text)


def col_index(letters, cache={}):
    """The 0-based column of letters such as b"AB"."""
    c = cache.get(letters)
    if c is None:
        c = 0
        for ch in letters:
            c = c * 26 + ch - 64
        c -= 1
        cache[letters] = c
    return c


def shared_strings(z):
    """The shared string table, resolved to texts (rich text runs joined)."""
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    sst = z.read("xl/sharedStrings.xml")
    return [unescape(b"".join(INLINE.findall(si))) for si in re.findall(rb"<si>(.*?)</si>", sst, re.S)]


def dump_cells(data, sst, out):
    """Writes the records of the cells in `data`; returns the style indices seen, the largest."""
    top = 0
    pack, w = struct.pack, out.write
    for m in CELL.finditer(data):
        row = int(m.group(2)) - 1
        col = col_index(m.group(1))
        style = int(m.group(3)) if m.group(3) else 0
        top = max(top, style)
        kind, inner = m.group(4), m.group(5)
        head = pack("<IHH", row, col, style)
        if inner is None:
            w(b"B" + head)
            continue
        f = FORMULA.search(inner)
        v = VALUE.search(inner)
        if f:
            ftext = unescape(f.group(1))
            if kind == b"str":
                val = unescape(v.group(1)) if v else b""
                w(b"G" + head + pack("<I", len(ftext)) + ftext + pack("<I", len(val)) + val)
            else:
                num = float(v.group(1)) if v and kind is None else 0.0
                w(b"F" + head + pack("<I", len(ftext)) + ftext + pack("<d", num))
        elif kind == b"s":
            text = sst[int(v.group(1))]
            w(b"T" + head + pack("<I", len(text)) + text)
        elif kind == b"inlineStr":
            text = unescape(b"".join(INLINE.findall(inner)))
            w(b"T" + head + pack("<I", len(text)) + text)
        elif kind is None and v:
            w(b"N" + head + pack("<d", float(v.group(1))))
        else:
            w(b"B" + head)  # booleans and errors do not occur in ghgcalc's workbooks
    return top


def dump_sheet(z, part, sst, out):
    """Streams one sheet's XML through dump_cells, a chunk at a time cut after a whole row."""
    top = 0
    tail = b""
    with z.open(part) as f:
        while True:
            chunk = f.read(CHUNK)
            data = tail + chunk
            cut = len(data) if not chunk else data.rfind(b"</row>") + len(b"</row>")
            if chunk and cut < len(b"</row>"):
                tail = data
                continue
            top = max(top, dump_cells(data[:cut], sst, out))
            tail = data[cut:]
            if not chunk:
                return top


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: cell_dump.py WORKBOOK.xlsx OUT.dump")
    with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[2], "wb") as out:
        sst = shared_strings(z)
        out.write(b"GHGCELLS1" + struct.pack("<BH", 0 if sst else 1, 0))
        top = 0
        for escaped, part in sheet_order(z):
            name = unescape(escaped.encode())
            out.write(b"S" + struct.pack("<H", len(name)) + name)
            top = max(top, dump_sheet(z, part, sst, out))
        out.seek(len(b"GHGCELLS1") + 1)
        out.write(struct.pack("<H", top))


if __name__ == "__main__":
    main()
