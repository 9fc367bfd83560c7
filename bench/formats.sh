#!/usr/bin/env bash
# Reading the 1,000,000-row bench export (shaped like data/clients.csv) as CSV, as SPSS
# .sav and .zsav (made once with careerstat convert) and as an .xlsx workbook (made once by
# bench/csv_to_xlsx, numbers as number cells, text as shared strings), each with the same
# careerstat freq of every question (issue 13: a .sav no slower than the CSV; an .xlsx under
# 10x the CSV and under 200 MiB). Also PSPP reading the same .sav and FREQUENCIES of its
# questions, where PSPP is installed. Prints medians of RUNS runs, peak memory and ratios.
# Usage: [CAREERSTAT=binary] bench/formats.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
rows=${1:-1000000}
runs=${2:-3}
bin=${CAREERSTAT:-build/careerstat}
[ -n "${CAREERSTAT:-}" ] || cmake --build build -j2 --target careerstat csv_to_xlsx >/dev/null
csv=$(bench_export "$rows")
dir=bench/out/formats
mkdir -p "$dir"
base=$dir/clients_$rows
cp data/clients.codebook.csv "$base.codebook.csv"
[ -f "$base.csv" ] || cp "$csv" "$base.csv"
[ -f "$base.sav" ] || "$bin" convert "$base.csv" -o "$base.sav" 2>/dev/null
[ -f "$base.zsav" ] || "$bin" convert "$base.csv" -o "$base.zsav" 2>/dev/null
[ -f "$base.xlsx" ] || build/bench/csv_to_xlsx "$base.csv" "$base.xlsx"
# The workbook is read through its own codebook (the CSV's), as a user would give it.
cp data/clients.codebook.csv "${base}_xlsx.codebook.csv"
ln -sf "$(basename "$base.xlsx")" "${base}_xlsx.xlsx"
# The .sav files carry their codebook; the CSV codebook beside them would win, so they are
# read under their own names without one.
for ext in sav zsav; do
  ln -sf "$(basename "$base.$ext")" "${base}_$ext.$ext"
done

echo "reading $rows rows in each format, careerstat freq of every question, median of $runs runs"
printf '%-44s %8s %10s %11s\n' command seconds "peak MiB" "vs CSV"
read -r tc mc < <(measure "$runs" "$bin" freq "$base.csv")
row "careerstat freq, CSV ($(du -h "$base.csv" | cut -f1))" "$tc" "$mc"
read -r ts ms < <(measure "$runs" "$bin" freq "${base}_sav.sav")
row "careerstat freq, .sav ($(du -hL "${base}_sav.sav" | cut -f1))" "$ts" "$ms" "$tc"
read -r tz mz < <(measure "$runs" "$bin" freq "${base}_zsav.zsav")
row "careerstat freq, .zsav ($(du -hL "${base}_zsav.zsav" | cut -f1))" "$tz" "$mz" "$tc"
if [ -f "${base}_xlsx.xlsx" ] && "$bin" peek "${base}_xlsx.xlsx" >/dev/null 2>&1; then
  read -r tx mx < <(measure "$runs" "$bin" freq "${base}_xlsx.xlsx")
  row "careerstat freq, .xlsx ($(du -hL "${base}_xlsx.xlsx" | cut -f1))" "$tx" "$mx" "$tc"
fi
if command -v pspp >/dev/null; then
  sps=$(mktemp --suffix=.sps)
  cat >"$sps" <<SPS
GET FILE='$PWD/$base.sav'.
FREQUENCIES bureau educ initiative barrier_self barrier_unknown barrier_findable barrier_stigma
  barrier_costs barrier_admin barrier_none out_future out_chances out_growth out_confidence
  out_control out_courage out_stuck relation str_independent str_confidential str_fresh
  str_method str_broad grade recommend.
SPS
  read -r tp mp < <(measure "$runs" pspp "$sps")
  row "pspp FREQUENCIES of the same .sav (peer)" "$tp" "$mp" "$tc"
  rm -f "$sps"
fi
