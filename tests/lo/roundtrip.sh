#!/usr/bin/env bash
# roundtrip.sh CAREERSTAT
# The CSV written with `--locale nl --bom` opens in LibreOffice Calc with numbers as
# numbers. Writes
#   freq data/clients.csv initiative barrier --population 90 --locale nl --bom -o freq.csv
#   freq tests/lo/fmt_formula.csv --locale nl --bom -o formula.csv   (é, quotes, ';', and
#                                      labels starting with = + - @ that careerstat neutralises)
# converts both headless to .ods and to .xlsx with a Dutch CSV import, converts the .xlsx
# back to a plain CSV, and checks every cell against the same tables written as JSON:
# numeric columns (n, pct, valid_pct, cum_pct, ci_low, ...) must be float cells with the
# exact value, text columns strings with the exact text (é intact, the BOM not in the first
# cell), and no cell may have become a formula.
# Exit 0 passed, 1 failed, 77 skipped (no LibreOffice, or no python3 to read its files).
set -u
bin=$(realpath "$1")
cd "$(dirname "$0")/../.." || exit 1 # project root: data/ and tests/lo/ are relative

soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then echo "LibreOffice (soffice) not installed: skipped"; exit 77; fi
if ! command -v python3 >/dev/null; then echo "python3 not installed: skipped"; exit 77; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# --- what careerstat writes -------------------------------------------------------------
freq=(freq data/clients.csv initiative barrier --population 90)
formula=(freq tests/lo/fmt_formula.csv)
"$bin" "${freq[@]}" --locale nl --bom -o "$tmp/freq.csv" || fail "careerstat freq -o freq.csv"
"$bin" "${formula[@]}" --locale nl --bom -o "$tmp/formula.csv" || fail "careerstat -o formula.csv"
# The expected values: the same tables as JSON, in the same words (--lang nl), but never
# with a decimal comma and with labels unneutralised.
"$bin" "${freq[@]}" --lang nl --format json >"$tmp/freq.json" || fail "careerstat freq --format json"
"$bin" "${formula[@]}" --lang nl --format json >"$tmp/formula.json" || fail "careerstat --format json"
# A control file careerstat did not write: shows whether this LibreOffice turns a field
# starting with '=' into a formula on CSV import (then the neutralisation check matters).
printf '\xef\xbb\xbfa;b\n=1+1;x\n' >"$tmp/control.csv"

[ "$(head -c3 "$tmp/freq.csv" | od -An -tx1 | tr -d ' \n')" = efbbbf ] ||
  fail "freq.csv does not start with the UTF-8 BOM"

# --- LibreOffice ------------------------------------------------------------------------
# CSV import filter options (LibreOffice Help, "CSV Filter Options",
# https://help.libreoffice.org/latest/en-US/text/shared/guide/csv_params.html):
#   token 1 field separator as ASCII code: 59 = ';'
#   token 2 text delimiter as ASCII code:   34 = '"'
#   token 3 character set:                  76 = UTF-8 (the help's own example
#                                           "44,34,76,1,...,1031" is "Import from UTF-8")
#   token 4 line to start reading:          1
#   token 5 cell format per column:         empty = Standard for every column (numbers
#                                           are recognised, not forced to text)
#   token 6 language (Microsoft LCID) used to read numbers: 1043 = Dutch (Netherlands)
#           (LCID 1043 = nl-NL, https://learn.microsoft.com/en-us/previous-versions/office/
#           sharepoint-server/ms462988(v=office.15); the help's example uses 1031 = German)
# CSV export ("csv:Text - txt - csv (StarCalc):44,34,76,1"): ',' separator, '"' quotes,
# UTF-8, so the numbers come back with a decimal point.
infilter="Text - txt - csv (StarCalc):59,34,76,1,,1043"
outfilter="csv:Text - txt - csv (StarCalc):44,34,76,1"
lo() {
  # Own profile, so a running LibreOffice or another user's settings cannot interfere.
  # The first start creates the profile (can take 10-20 s).
  timeout 100 "$soffice" --headless --norestore --nolockcheck --nologo \
    "-env:UserInstallation=file://$tmp/profile" "$@" >>"$tmp/soffice.log" 2>&1
}
mkdir -p "$tmp/ods" "$tmp/xlsx" "$tmp/back"
lo --infilter="$infilter" --convert-to ods --outdir "$tmp/ods" \
  "$tmp/freq.csv" "$tmp/formula.csv" "$tmp/control.csv"
lo --infilter="$infilter" --convert-to xlsx --outdir "$tmp/xlsx" "$tmp/freq.csv" "$tmp/formula.csv"
lo --convert-to "$outfilter" --outdir "$tmp/back" "$tmp/xlsx/freq.xlsx" "$tmp/xlsx/formula.xlsx"
for f in ods/freq.ods ods/formula.ods ods/control.ods xlsx/freq.xlsx xlsx/formula.xlsx \
         back/freq.csv back/formula.csv; do
  if [ ! -s "$tmp/$f" ]; then
    echo "LibreOffice did not write $f:"; cat "$tmp/soffice.log"; exit 1
  fi
done

# --- the checks -------------------------------------------------------------------------
python3 - "$tmp" <<'EOF'
import csv, json, re, sys, zipfile
import xml.etree.ElementTree as ET

tmp = sys.argv[1]
failures = []
def check(ok, what):
    if not ok:
        failures.append(what)
    return ok

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
def q(prefix, name):
    return "{%s}%s" % (NS[prefix], name)

# A cell as (kind, value, formula): kind "float", "string" or "empty"; value a float or str.
EMPTY = ("empty", None, None)

def ods_paragraph_text(p):
    out = [p.text or ""]
    for child in p:
        if child.tag == q("text", "s"):
            out.append(" " * int(child.get(q("text", "c"), "1")))
        elif child.tag == q("text", "tab"):
            out.append("\t")
        elif child.tag == q("text", "line-break"):
            out.append("\n")
        else:
            out.append(ods_paragraph_text(child))
        out.append(child.tail or "")
    return "".join(out)

def read_ods(path, max_cols=40, max_rows=200):
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    sheet = root.find(".//table:table", NS)
    grid = []
    for row in sheet.iter(q("table", "table-row")):
        cells = []
        for cell in row:
            if cell.tag not in (q("table", "table-cell"), q("table", "covered-table-cell")):
                continue
            kind = cell.get(q("office", "value-type"))
            formula = cell.get(q("table", "formula"))
            if kind == "float":
                value = float(cell.get(q("office", "value")))
            elif kind == "string":
                value = "\n".join(ods_paragraph_text(p) for p in cell.findall("text:p", NS))
            elif kind is None:
                kind, value = "empty", None
            else:
                value = cell.get(q("office", "value"))
            n = min(int(cell.get(q("table", "number-columns-repeated"), "1")), max_cols)
            cells.extend([(kind, value, formula)] * n)
        n = min(int(row.get(q("table", "number-rows-repeated"), "1")), max_rows)
        grid.extend([cells] * n)
    return grid

def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1

def read_xlsx(path):
    m = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(m + "si"):
            shared.append("".join(t.text or "" for t in si.iter(m + "t")))
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    grid = []
    for row in sheet.iter(m + "row"):
        r = int(row.get("r")) - 1
        while len(grid) <= r:
            grid.append([])
        for c in row.iter(m + "c"):
            col = col_index(c.get("r"))
            t = c.get("t", "n")
            v = c.find(m + "v")
            f = c.find(m + "f")
            formula = f.text if f is not None else None
            if v is None and t != "inlineStr":
                cell = EMPTY
            elif t == "n":
                cell = ("float", float(v.text), formula)
            elif t == "s":
                cell = ("string", shared[int(v.text)], formula)
            elif t == "inlineStr":
                cell = ("string", "".join(x.text or "" for x in c.iter(m + "t")), formula)
            else:  # str (formula result), b, e, d
                cell = (t, v.text, formula)
            while len(grid[r]) <= col:
                grid[r].append(EMPTY)
            grid[r][col] = cell
    return grid

def read_back_csv(path):
    # LibreOffice's CSV export quotes text cells and leaves numbers bare: use that as the type.
    grid = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line in csv.reader(fh, delimiter=",", quotechar='"'):
            grid.append(line)
    raw = open(path, encoding="utf-8").read().splitlines()
    typed = []
    for fields, line in zip(grid, raw):
        cells = []
        # Split the raw line the same way to see which fields were quoted.
        quoted = [s.startswith('"') for s in re.findall(r'("(?:[^"]|"")*"|[^,]*)(?:,|$)', line)]
        for i, s in enumerate(fields):
            if s == "" and not (i < len(quoted) and quoted[i]):
                cells.append(EMPTY)
            elif i < len(quoted) and quoted[i]:
                cells.append(("string", s, None))
            else:
                try:
                    cells.append(("float", float(s), None))
                except ValueError:
                    cells.append(("string", s, None))
        typed.append(cells)
    return typed

def split_tables(grid):
    tables, cur = [], []
    for row in grid:
        if all(c[0] == "empty" for c in row):
            if cur:
                tables.append(cur)
                cur = []
        else:
            cur.append(row)
    if cur:
        tables.append(cur)
    return tables

NUMERIC = {"count", "percent", "number", "p_value"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

def expected_cell(value, ctype):
    """What a spreadsheet should hold for a JSON cell of this column type."""
    if value is None:
        return EMPTY
    if ctype in NUMERIC:
        return ("float", float(value), None)
    s = str(value)
    if ctype == "code":
        try:
            return ("float", float(s), None)  # a numeric code is a number in a sheet
        except ValueError:
            pass
    if s.startswith(FORMULA_START):
        s = "'" + s  # careerstat's formula neutralisation, kept as text by the import
    return ("string", s, None)

def compare(where, grid, doc):
    tables = split_tables(grid)
    if not check(len(tables) == len(doc["tables"]),
                 f"{where}: {len(tables)} tables, expected {len(doc['tables'])}"):
        return
    for sheet_rows, table in zip(tables, doc["tables"]):
        # The CSV's last column is the row's kind (data, missing, total), as JSON's "kind".
        names = [c["name"] for c in table["columns"]] + ["row_kind"]
        types = [c["type"] for c in table["columns"]] + ["text"]
        for row in table["rows"]:
            row["row_kind"] = row["kind"]
        header = [c[1] for c in sheet_rows[0][:len(names)]]
        check(header == names, f"{where} {table['id']}: header {header}, expected {names}")
        check(len(sheet_rows) - 1 == len(table["rows"]),
              f"{where} {table['id']}: {len(sheet_rows) - 1} rows, expected {len(table['rows'])}")
        for r, (cells, row) in enumerate(zip(sheet_rows[1:], table["rows"]), start=2):
            cells = list(cells) + [EMPTY] * (len(names) - len(cells))
            for extra in cells[len(names):]:
                check(extra[0] == "empty", f"{where} {table['id']} row {r}: cell beyond the table: {extra}")
            for name, ctype, got in zip(names, types, cells):
                want = expected_cell(row[name], ctype)
                check(got[2] is None, f"{where} {table['id']} row {r} {name}: became a formula {got[2]!r}")
                check(got[:2] == want[:2],
                      f"{where} {table['id']} row {r} ({row['label']}) {name}: "
                      f"got {got[0]} {got[1]!r}, expected {want[0]} {want[1]!r}")

docs = {name: json.load(open(f"{tmp}/{name}.json", encoding="utf-8")) for name in ("freq", "formula")}
raw_csv = open(f"{tmp}/freq.csv", encoding="utf-8-sig").read()
grids = {}
for name in ("freq", "formula"):
    grids[("ods", name)] = read_ods(f"{tmp}/ods/{name}.ods")
    grids[("xlsx", name)] = read_xlsx(f"{tmp}/xlsx/{name}.xlsx")
    grids[("csv back from xlsx", name)] = read_back_csv(f"{tmp}/back/{name}.csv")
    for fmt in ("ods", "xlsx", "csv back from xlsx"):
        compare(f"{fmt} {name}", grids[(fmt, name)], docs[name])

# The cases the issue names, spelled out (the comparison above already covers them).
def find_row(grid, label):
    for row in grid:
        if len(row) > 2 and row[2][1] == label:
            return row
    return None

for fmt in ("ods", "xlsx"):
    g = grids[(fmt, "freq")]
    # The BOM tells Calc the encoding; it must not end up in the first header cell.
    check(g[0][0] == ("string", "variable", None), f"{fmt}: first cell {g[0][0]!r}, expected 'variable'")
    late = find_row(g, "In een zeer laat stadium, toen de nood hoog was")
    if check(late is not None, f"{fmt}: no row 'In een zeer laat stadium, toen de nood hoog was'"):
        check(late[3][:2] == ("float", 36.0), f"{fmt}: n of 'In een zeer laat stadium' is {late[3]!r}, expected float 36")
        # Written "73,469388" with a decimal comma, read back as the number 73.469388.
        check(";73,469388;" in raw_csv, "freq.csv: valid_pct not written as 73,469388")
        check(late[5][:2] == ("float", 73.469388),
              f"{fmt}: valid_pct of 'In een zeer laat stadium' is {late[5]!r}, expected float 73.469388")
    g = grids[(fmt, "formula")]
    for label in ("Crème brûlée, logé", 'Café "De Hoek"; terras', "Geïnteresseerd"):
        check(find_row(g, label) is not None, f"{fmt}: no string cell {label!r} (UTF-8 lost?)")
    for label in ("'=SUM(1+1)*cmd", "'+31 6 12345678", "'-korting", "'@home",
                  "'=HYPERLINK(\"http://example.com\")", "'-1,5"):
        row = find_row(g, label)
        check(row is not None and row[2][0] == "string" and row[2][2] is None,
              f"{fmt}: {label!r} did not stay a text cell: {row and row[2]!r}")
    check(not any(c[2] for row in g for c in row), f"{fmt}: formula.csv produced a formula cell")

# The control: does this LibreOffice evaluate a bare '=' field on import at all?
control = read_ods(f"{tmp}/ods/control.ods")
if control[1][0][2]:
    print(f"note: LibreOffice made the bare field '=1+1' a formula ({control[1][0][2]}); "
          "careerstat's neutralised fields stayed text")
else:
    print("note: this LibreOffice does not evaluate formulas on CSV import; the "
          "neutralisation check is weaker here")

if failures:
    for f in failures[:60]:
        print("FAIL:", f)
    if len(failures) > 60:
        print(f"... and {len(failures) - 60} more")
    sys.exit(1)
cells = sum(len(r) for k, g in grids.items() for r in g)
print(f"ok: freq.csv and formula.csv read back from .ods, .xlsx and CSV with numbers as "
      f"numbers, text as text, no formulas ({cells} cells checked)")
EOF
