#!/usr/bin/env bash
# roundtrip.sh CAREERSTAT: the example study converted to .sav and .zsav and read back by
# careerstat gives byte-identical tables (freq, describe and the report as JSON); without
# the codebook careerstat writes into the file's documents, PSPP's multiple response set
# gives the same barrier counts (needs PSPP; that part is skipped without it); an SPSS
# missing range no codebook can list is one clear line.
# Exit 0 passed, 1 failed.
set -u
bin=$(realpath "$1")
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

for pop in clients employers; do
  for ext in sav zsav; do
    "$bin" convert "data/$pop.csv" -o "$tmp/$pop.$ext" 2>/dev/null || fail "convert $pop.$ext"
    for cmd in freq describe; do
      "$bin" $cmd "data/$pop.csv" --format json >"$tmp/csv.json" || fail "$cmd $pop.csv"
      "$bin" $cmd "$tmp/$pop.$ext" --format json >"$tmp/sav.json" 2>"$tmp/err" || { cat "$tmp/err"; fail "$cmd $pop.$ext"; }
      cmp -s "$tmp/csv.json" "$tmp/sav.json" || { diff "$tmp/csv.json" "$tmp/sav.json" | head; fail "$cmd $pop.$ext differs from $cmd $pop.csv"; }
    done
  done
done
echo "freq and describe: .sav and .zsav identical to the CSV"

# The whole report, from a study whose exports are the converted files.
sed -e 's/clients\.csv/clients.sav/; s/employers\.csv/employers.zsav/' data/study.toml >"$tmp/study.toml"
grep -q 'clients.sav' "$tmp/study.toml" || fail "the study file names no clients export"
cp data/clients.sample.csv "$tmp/" 2>/dev/null
"$bin" report data/study.toml --format json >"$tmp/report_csv.json" 2>/dev/null || fail "report on the CSV"
"$bin" report "$tmp/study.toml" --format json >"$tmp/report_sav.json" 2>"$tmp/err" || { cat "$tmp/err"; fail "report on the .sav"; }
cmp -s "$tmp/report_csv.json" "$tmp/report_sav.json" ||
  { diff "$tmp/report_csv.json" "$tmp/report_sav.json" | head -20; fail "the report from .sav differs"; }
echo "report: identical from .sav/.zsav exports"

if command -v pspp >/dev/null; then
  # The same file as SPSS users keep it: no careerstat documents, the barriers a multiple
  # dichotomy set (MRSETS), read through the dictionary alone.
  cat >"$tmp/strip.sps" <<SPS
GET FILE='$tmp/clients.sav'.
DROP DOCUMENTS.
MRSETS /MDGROUP NAME=\$barrier LABEL='Drempels' VARIABLES=barrier_self barrier_unknown
  barrier_findable barrier_stigma barrier_costs barrier_admin barrier_none VALUE=1.
SAVE OUTFILE='$tmp/plain.sav'.
GET FILE='$tmp/clients.sav'.
MISSING VALUES age (LO THRU 17).
SAVE OUTFILE='$tmp/range.sav'.
SPS
  pspp "$tmp/strip.sps" >/dev/null || fail "pspp"
  "$bin" freq data/clients.csv barrier initiative out_future --format csv >"$tmp/a.csv" || fail "freq csv"
  "$bin" freq "$tmp/plain.sav" barrier initiative out_future --format csv >"$tmp/b.csv" 2>/dev/null || fail "freq plain.sav"
  # The set's label is PSPP's; every count, share and interval is the CSV's.
  sed -i 's/^Drempels/QUESTION/' "$tmp/b.csv"
  cmp -s "$tmp/a.csv" "$tmp/b.csv" || { diff "$tmp/a.csv" "$tmp/b.csv" | head; fail "the dictionary's tables differ"; }
  "$bin" codebook "$tmp/plain.sav" >"$tmp/plain.codebook.csv" 2>/dev/null || fail "codebook plain.sav"
  grep -q '^barrier_self,Je moet je eigen problemen zelf oplossen,multi,.*,barrier,,Drempels$' "$tmp/plain.codebook.csv" ||
    { grep barrier_self "$tmp/plain.codebook.csv"; fail "the MR set is not a multi-select group"; }
  grep -q '^out_future,Mijn toekomstperspectief is verbeterd,likert,1=Zeer oneens|2=Oneens|3=Neutraal|4=Eens|5=Zeer eens,9=Weet niet,' "$tmp/plain.codebook.csv" ||
    fail "an ordinal item with five labels is not a Likert item with its missing code"
  "$bin" freq "$tmp/range.sav" 2>"$tmp/err" >/dev/null && fail "a missing range LO THRU 17 was accepted"
  grep -q 'column "age": its missing values are the range LO THRU 17' "$tmp/err" || { cat "$tmp/err"; fail "the missing range's message"; }
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "more than one line for the missing range"
  echo "dictionary alone (PSPP's MRSETS): the CSV's tables"
else
  echo "pspp not installed: the dictionary-only part is skipped"
fi
