#!/usr/bin/env bash
# workbook.sh CAREERSTAT: --format xlsx for a report (two populations, banner tables with
# merged headers, scales, drivers), a trend, and the formula fixture (labels that start
# with = + - @), each checked by check_workbook.py against the same run as JSON.
# Exit 0 passed, 1 failed, 77 skipped (no Debian python3 with openpyxl).
set -u
bin=$(realpath "$1")
cd "$(dirname "$0")/../.." || exit 1
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3 || true)
if [ -z "$py" ] || ! "$py" -c 'import openpyxl' 2>/dev/null; then
  echo "python3-openpyxl not installed: skipped"; exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
check() { # NAME ARGS...
  local name=$1
  shift
  "$bin" "$@" -o "$tmp/$name.xlsx" || { echo "FAIL: careerstat $* -o $name.xlsx"; status=1; return; }
  "$bin" "$@" --format json >"$tmp/$name.json" || { echo "FAIL: careerstat $* --format json"; status=1; return; }
  printf '%s: ' "$name"
  "$py" tests/xlsx/check_workbook.py "$tmp/$name.xlsx" "$tmp/$name.json" || status=1
}
check report report data/study.toml
check trend trend data/2017/study.toml
check formula freq tests/lo/fmt_formula.csv
check crosstab crosstab data/clients.csv initiative barrier --by bureau --by educ
# Two ids that differ only in the case of Ä (one sheet name to Excel), and a 40,000-character
# label (more than a cell holds: cut, not refused).
check names freq tests/data/xlsx/names.csv
exit $status
