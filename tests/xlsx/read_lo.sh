#!/usr/bin/env bash
# read_lo.sh CAREERSTAT: the example study's exports saved as .xlsx by LibreOffice
# (`soffice --convert-to xlsx`, CSV import as UTF-8 with ',' and Standard cells, so numbers
# become number cells and the submit dates date cells) give the same tables as the CSV:
# freq and describe of both exports byte-identical as JSON with the CSV's codebook, and
# the report of a study naming the workbooks. Also: --sheet, a wrong sheet, and
# `codebook` drafting from the workbook as from the CSV.
# Exit 0 passed, 1 failed, 77 skipped (no LibreOffice).
set -u
bin=$(realpath "$1")
cd "$(dirname "$0")/../.." || exit 1
soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then echo "LibreOffice (soffice) not installed: skipped"; exit 77; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# CSV import filter options (LibreOffice Help, "CSV Filter Options"): 44 = ',' (or 59 =
# ';') separator, 34 = '"' text delimiter, 76 = UTF-8, start at line 1, Standard cell
# formats (numbers and dates recognised), 1033 = English (United States) number reading.
# The example's employers export is written with ';' (as Dutch Excel saves it): 59.
cp data/clients.csv data/employers.csv data/clients.sample.csv "$tmp/"
for pop in clients employers; do
  sep=44
  head -1 "data/$pop.csv" | grep -q ';' && sep=59
  timeout 120 "$soffice" --headless --norestore --nolockcheck --nologo \
    "-env:UserInstallation=file://$tmp/profile" \
    --infilter="Text - txt - csv (StarCalc):$sep,34,76,1,,1033" --convert-to xlsx \
    --outdir "$tmp" "$tmp/$pop.csv" >>"$tmp/soffice.log" 2>&1 ||
    { cat "$tmp/soffice.log"; fail "soffice --convert-to xlsx $pop.csv"; }
done
for pop in clients employers; do
  [ -s "$tmp/$pop.xlsx" ] || { cat "$tmp/soffice.log"; fail "LibreOffice wrote no $pop.xlsx"; }
  for cmd in freq describe; do
    "$bin" $cmd "data/$pop.csv" --format json >"$tmp/csv.json" || fail "$cmd $pop.csv"
    "$bin" $cmd "$tmp/$pop.xlsx" --codebook "data/$pop.codebook.csv" --format json \
      >"$tmp/xlsx.json" 2>"$tmp/err" || { cat "$tmp/err"; fail "$cmd $pop.xlsx"; }
    cmp -s "$tmp/csv.json" "$tmp/xlsx.json" ||
      { diff "$tmp/csv.json" "$tmp/xlsx.json" | head; fail "$cmd $pop.xlsx differs from the CSV"; }
  done
done
echo "freq and describe: LibreOffice's .xlsx identical to the CSV"

cp data/clients.codebook.csv data/employers.codebook.csv "$tmp/"
sed -e 's/clients\.csv/clients.xlsx/; s/employers\.csv/employers.xlsx/' data/study.toml >"$tmp/study.toml"
"$bin" report data/study.toml --format json >"$tmp/r_csv.json" 2>/dev/null || fail "report csv"
"$bin" report "$tmp/study.toml" --format json >"$tmp/r_xlsx.json" 2>"$tmp/err" || { cat "$tmp/err"; fail "report xlsx"; }
cmp -s "$tmp/r_csv.json" "$tmp/r_xlsx.json" ||
  { diff "$tmp/r_csv.json" "$tmp/r_xlsx.json" | head -20; fail "the report from .xlsx differs"; }
echo "report: identical from LibreOffice's .xlsx exports"

# The sheet LibreOffice names after the file; another name is one clear line.
"$bin" freq "$tmp/clients.xlsx" --sheet clients --codebook data/clients.codebook.csv educ >/dev/null 2>&1 ||
  fail "--sheet clients"
"$bin" freq "$tmp/clients.xlsx" --sheet Blad1 --codebook data/clients.codebook.csv educ >/dev/null 2>"$tmp/err" &&
  fail "a sheet that is not there was read"
grep -q 'no sheet "Blad1"' "$tmp/err" || { cat "$tmp/err"; fail "the message for a wrong sheet"; }
[ "$(wc -l <"$tmp/err")" -eq 1 ] || { cat "$tmp/err"; fail "more than one line for a wrong sheet"; }

# A draft codebook from the workbook has the CSV draft's variables and types.
"$bin" codebook data/clients.csv 2>/dev/null | cut -d, -f1,3 >"$tmp/cb_csv"
"$bin" codebook "$tmp/clients.xlsx" 2>/dev/null | cut -d, -f1,3 >"$tmp/cb_xlsx"
diff "$tmp/cb_csv" "$tmp/cb_xlsx" >"$tmp/cb.diff" || { cat "$tmp/cb.diff"; fail "the workbook's draft codebook differs"; }
echo "--sheet, and the draft codebook: as for the CSV"
