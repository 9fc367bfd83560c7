#!/usr/bin/env bash
# careerstat crosstab of every question by two banners (bureau, educ) on a 1,000,000-row
# export, next to careerstat freq of every question on the same file in the same run
# (issue 10: at most 2x freq's time, under 100 MiB), and R's table() of one question by one
# banner with data.table's fread as a peer when R and data.table are installed. Prints
# medians of RUNS runs, peak memory and ratios to freq.
# Usage: [CAREERSTAT=binary] bench/crosstab.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
rows=${1:-1000000}
runs=${2:-3}
file=$(bench_export "$rows")
# CAREERSTAT=path times a binary built elsewhere; by default build/careerstat, rebuilt.
bin=${CAREERSTAT:-build/careerstat}
[ -n "${CAREERSTAT:-}" ] || cmake --build build -j2 --target careerstat >/dev/null
cb=data/clients.codebook.csv

echo "careerstat crosstab, $rows rows, median of $runs runs"
printf '%-44s %8s %10s %11s\n' command seconds "peak MiB" "vs freq"
read -r tf mf < <(measure "$runs" "$bin" freq "$file" --codebook "$cb")
row "careerstat freq (every question)" "$tf" "$mf"
read -r tc mc < <(measure "$runs" "$bin" crosstab "$file" --codebook "$cb" --by bureau --by educ)
row "careerstat crosstab (every question x 2)" "$tc" "$mc" "$tf"
read -r t1 m1 < <(measure "$runs" "$bin" crosstab "$file" initiative --codebook "$cb" --by bureau)
row "careerstat crosstab initiative --by bureau" "$t1" "$m1" "$tf"
if command -v Rscript >/dev/null && Rscript -e 'library(data.table)' >/dev/null 2>&1; then
  read -r tr mr < <(measure "$runs" Rscript -e "library(data.table); d <- fread('$file', select = c('initiative', 'bureau')); print(table(d\$initiative, d\$bureau))")
  row "R data.table fread + table() (1 x 1)" "$tr" "$mr" "$tf"
fi
