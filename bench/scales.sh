#!/usr/bin/env bash
# careerstat scale (a 6-item battery) and careerstat drivers (the grade on the relation,
# the outcome scale score and the number of sessions, without the bootstrap) on a
# 1,000,000-row export, next to careerstat freq of every question on the same file in the
# same run (issue 11: scale + drivers within 2x freq's time, under 100 MiB each), with R's
# psych::alpha after data.table's fread as a peer when R, psych and data.table are
# installed. Prints medians of RUNS runs, peak memory and ratios to freq.
# Usage: [CAREERSTAT=binary] bench/scales.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
rows=${1:-1000000}
runs=${2:-3}
file=$(bench_export "$rows")
bin=${CAREERSTAT:-build/careerstat}
[ -n "${CAREERSTAT:-}" ] || cmake --build build -j2 --target careerstat >/dev/null
cb=data/clients.codebook.csv
# The example's outcome battery has 7 items; without out_stuck (its group emptied) it is the
# 6-item battery the issue asks for, and out_stuck a Likert item of its own.
cb6=bench/out/clients6.codebook.csv
awk -F, 'BEGIN { OFS = "," } $1 == "out_stuck" { $6 = ""; $7 = "" } { print }' "$cb" >"$cb6"

echo "careerstat scale and drivers, $rows rows, median of $runs runs"
printf '%-44s %8s %10s %11s\n' command seconds "peak MiB" "vs freq"
read -r tf mf < <(measure "$runs" "$bin" freq "$file" --codebook "$cb")
row "careerstat freq (every question)" "$tf" "$mf"
read -r ts ms < <(measure "$runs" "$bin" scale "$file" outcome --codebook "$cb6")
row "careerstat scale outcome (6 items)" "$ts" "$ms" "$tf"
read -r td md < <(measure "$runs" "$bin" drivers "$file" grade relation outcome sessions --codebook "$cb6" --bootstrap 0)
row "careerstat drivers grade (3, no bootstrap)" "$td" "$md" "$tf"
tsum=$(awk -v a="$ts" -v b="$td" 'BEGIN { print a + b }')
msum=$(( ms > md ? ms : md ))
row "scale + drivers (two runs)" "$tsum" "$msum" "$tf"
read -r tb mb < <(measure 1 "$bin" drivers "$file" grade relation outcome sessions --codebook "$cb6" --bootstrap 100)
row "careerstat drivers --bootstrap 100 (1 run)" "$tb" "$mb" "$tf"
if command -v Rscript >/dev/null && Rscript -e 'library(data.table); library(psych)' >/dev/null 2>&1; then
  items='c("out_future", "out_chances", "out_growth", "out_confidence", "out_control", "out_courage")'
  read -r tr mr < <(measure "$runs" Rscript -e "suppressMessages({library(data.table); library(psych)}); d <- as.data.frame(fread('$file', select = $items)); d[d == 9] <- NA; print(psych::alpha(d, warnings = FALSE)\$total)")
  row "R fread + psych::alpha (6 items)" "$tr" "$mr" "$tf"
fi
