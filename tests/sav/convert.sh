#!/usr/bin/env bash
# convert.sh CAREERSTAT: careerstat convert writes the example study's exports as .sav and
# .zsav; PSPP reads them back (DISPLAY DICTIONARY, FREQUENCIES) with the codebook's labels,
# user-missing codes and the same counts as careerstat freq on the CSV (check_pspp.py).
# Exit 0 passed, 1 failed, 77 skipped (PSPP not installed).
set -u
bin=$(realpath "$1")
cd "$(dirname "$0")/../.." || exit 1
command -v pspp >/dev/null || { echo "pspp not installed: skipped"; exit 77; }
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" convert data/clients.csv -o "$tmp/clients.sav" 2>"$tmp/err" || { cat "$tmp/err"; fail "convert clients"; }
grep -q "wrote $tmp/clients.sav: 54 rows, 31 variables" "$tmp/err" || { cat "$tmp/err"; fail "convert's summary"; }
"$bin" convert data/employers.csv -o "$tmp/employers.zsav" 2>/dev/null || fail "convert employers"
# An existing file is replaced only with --force; an input is never written to.
"$bin" convert data/clients.csv -o "$tmp/clients.sav" 2>/dev/null && fail "replaced a file without --force"
"$bin" convert data/clients.csv -o data/clients.csv --force 2>/dev/null && fail "wrote over the export"
"$bin" convert data/clients.csv -o "$tmp/clients.csv" 2>/dev/null && fail "wrote a .csv as .sav"

cat >"$tmp/c.sps" <<SPS
GET FILE='$tmp/clients.sav'.
DISPLAY DICTIONARY /VARIABLES=initiative relation grade comment.
FREQUENCIES initiative bureau relation barrier_self barrier_none str_fresh.
SPS
pspp "$tmp/c.sps" -O format=csv -o "$tmp/c.csv" >/dev/null || fail "pspp clients"
grep -q '^initiative,7,In welk stadium nam u het initiatief om een loopbaanadviseur in te schakelen?,Nominal,.*,9$' "$tmp/c.csv" ||
  fail "PSPP's dictionary: initiative's label, nominal level and user-missing 9"
grep -q '^relation,.*,Ordinal,' "$tmp/c.csv" || fail "PSPP's dictionary: relation is ordinal"
grep -q '^grade,.*,Scale,' "$tmp/c.csv" || fail "PSPP's dictionary: grade is scale"
grep -q '^comment,.*,A[0-9]*,' "$tmp/c.csv" || fail "PSPP's dictionary: comment is a string"
"$bin" freq data/clients.csv --lang en --format json >"$tmp/c.json" || fail "careerstat freq clients"
"$py" tests/sav/check_pspp.py "$tmp/c.csv" "$tmp/c.json" initiative bureau \
  barrier/barrier_self barrier/barrier_none strength/str_fresh || exit 1

# Codes that are not numbers (NA) are numbered on from the largest numeric one, so the
# mean is that of the answers 0, 4, 2, 3: 2.25 (by hand); four missing codes of q become
# the range 7 thru 9 and 99; a numeric variable with four is refused, naming the codebook.
"$bin" convert tests/data/sav/codes.csv -o "$tmp/codes.sav" 2>/dev/null || fail "convert codes"
cat >"$tmp/k.sps" <<SPS
GET FILE='$tmp/codes.sav'.
DISPLAY DICTIONARY.
DESCRIPTIVES sat.
SPS
pspp "$tmp/k.sps" -O format=csv -o "$tmp/k.csv" >/dev/null || fail "pspp codes"
grep -q '^q,.*,7 THRU 9; 99$' "$tmp/k.csv" || fail "q's missing values are not 7 THRU 9; 99"
grep -q '^Tevreden,4,2.25,' "$tmp/k.csv" || fail "sat's mean in PSPP is not 2.25 over 4 answers"
"$bin" convert tests/data/sav/too_many_missing.csv -o "$tmp/bad.sav" 2>"$tmp/bad.err" && fail "four missing codes of a number"
grep -q 'too_many_missing.codebook.csv:5: column "missing": n has 4 missing codes' "$tmp/bad.err" ||
  { cat "$tmp/bad.err"; fail "the message for four missing codes"; }
[ ! -e "$tmp/bad.sav" ] || fail "a refused conversion left a file"

cat >"$tmp/e.sps" <<SPS
GET FILE='$tmp/employers.zsav'.
FREQUENCIES sector mgmt_adviser str_method.
SPS
pspp "$tmp/e.sps" -O format=csv -o "$tmp/e.csv" >/dev/null || fail "pspp employers (.zsav)"
"$bin" freq data/employers.csv --lang en --format json >"$tmp/e.json" || fail "careerstat freq employers"
"$py" tests/sav/check_pspp.py "$tmp/e.csv" "$tmp/e.json" sector mgmt_adviser strength/str_method || exit 1
