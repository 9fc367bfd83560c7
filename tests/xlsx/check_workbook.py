#!/usr/bin/env python3
"""check_workbook.py WORKBOOK.xlsx TABLES.json: the workbook careerstat wrote (--format
xlsx) against the same run's tables as JSON, read with openpyxl (Debian's
python3-openpyxl). Checks: one sheet per table after the contents sheet, sheet names
unique (as Excel compares them: case ignored) and at most 31 characters; the contents sheet
links to every table's sheet; no cell is a formula, and text that starts with = + - @ is
the exact text; every number of a table's count, percent, number and p-value columns is a
number cell of its sheet (percentages as fractions with a percent format), and every number
cell of a sheet is one of its table's numbers. Exit 0 passed, 1 failed."""
import json
import sys

import openpyxl

def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)

wb = openpyxl.load_workbook(sys.argv[1])
doc = json.load(open(sys.argv[2], encoding="utf-8"))
tables = doc["tables"]
names = wb.sheetnames
if len(names) != len(tables) + 1:
    fail(f"{len(names)} sheets for {len(tables)} tables (and the contents)")
folded = [n.lower() for n in names]
if len(set(folded)) != len(folded):
    fail(f"sheet names not unique: {names}")
if any(len(n) > 31 for n in names):
    fail(f"a sheet name over 31 characters: {[n for n in names if len(n) > 31]}")

contents = wb[names[0]]
links = {c.hyperlink.location for row in contents.iter_rows() for c in row
         if c.hyperlink is not None and c.hyperlink.location}
for n in names[1:]:
    quoted = "'" + n.replace("'", "''") + "'!A1"
    if quoted not in links:
        fail(f"the contents sheet does not link to {n} ({quoted}); links: {sorted(links)[:5]}")

numeric_types = {"count", "percent", "number", "p_value"}
checked = 0
for table, name in zip(tables, names[1:]):
    ws = wb[name]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    for c in cells:
        if c.data_type == "f":
            fail(f"{name}!{c.coordinate} is a formula: {c.value!r}")
    texts = {c.value for c in cells if c.data_type == "s"}
    numbers = [(c.value * 100 if c.number_format.endswith("%") else c.value, c.coordinate)
               for c in cells if c.data_type == "n"]
    expected = []
    for col in table["columns"]:
        for row in table["rows"]:
            v = row.get(col["name"])
            if col["type"] in numeric_types and isinstance(v, (int, float)):
                expected.append(float(v))
            if col["type"] == "text" and isinstance(v, str) and v[:1] in "=+-@" and v[:1] \
                    and col["name"] in ("label",):
                if v not in texts:
                    fail(f"{name}: the text {v!r} is not a cell as written")
    for v in expected:
        if not any(abs(v - x) <= 1e-5 * max(1.0, abs(v)) for x, _ in numbers):
            fail(f"{name}: {v} of the JSON table is no number cell of its sheet")
        checked += 1
    allowed = expected + [float(r.get("wave")) for r in table["rows"] if isinstance(r.get("wave"), (int, float))]
    for x, where in numbers:
        if not any(abs(x - v) <= 1e-5 * max(1.0, abs(v)) for v in allowed):
            fail(f"{name}!{where}: the number {x} is not in the JSON table")
print(f"ok: {len(tables)} tables, {checked} numbers checked")
