#!/usr/bin/env bash
# careerstat freq over every question of a 1,000,000-row export, next to its peers in one
# run (issue 3): PSPP FREQUENCIES on three variables, Miller count-distinct on one, and
# wc -l. PSPP cannot read quoted line breaks, so it gets a copy without the free-text
# column (made once with python's csv module). Prints medians of RUNS runs, peak memory,
# and ratios.
# Usage: bench/freq.sh [ROWS] [RUNS]; needs scripts/setup.sh --peers (pspp, miller).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
rows=${1:-1000000}
runs=${2:-3}
file=$(bench_export "$rows")
cmake --build build -j2 --target careerstat >/dev/null
cb=data/clients.codebook.csv

# The PSPP copy: every column but the last (comment).
nocomment="bench/out/clients_${rows}_nocomment.csv"
if [ ! -f "$nocomment" ]; then
  python3 - "$file" "$nocomment" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f, \
     open(sys.argv[2], "w", newline="", encoding="utf-8") as g:
    w = csv.writer(g, quoting=csv.QUOTE_ALL, lineterminator="\n")
    for r in csv.reader(f):
        w.writerow(r[:-1])
PY
fi
sps=bench/out/freq3.sps
cat >"$sps" <<SPS
GET DATA /TYPE=TXT /FILE='$PWD/$nocomment' /ARRANGEMENT=DELIMITED /DELCASE=LINE
  /FIRSTCASE=2 /DELIMITERS="," /QUALIFIER='"'
  /VARIABLES=id F8.0 submitdate A19 lastpage F2.0 bureau F2.0 educ F2.0 age F3.0
  initiative F2.0 barrier_self A1 barrier_unknown A1 barrier_findable A1 barrier_stigma A1
  barrier_costs A1 barrier_admin A1 barrier_none A1 out_future F2.0 out_chances F2.0
  out_growth F2.0 out_confidence F2.0 out_control F2.0 out_courage F2.0 out_stuck F2.0
  relation F2.0 str_independent A1 str_confidential A1 str_fresh A1 str_method A1
  str_broad A1 grade F4.1 recommend F2.0 sessions F3.0.
FREQUENCIES initiative educ bureau.
SPS

cat "$file" >/dev/null # warm the page cache
read -r cs_t cs_m < <(measure "$runs" build/careerstat freq "$file" --codebook "$cb")
read -r pspp_t pspp_m < <(measure "$runs" pspp -O format=csv "$sps" -o bench/out/pspp.csv)
read -r mlr_t mlr_m < <(measure "$runs" mlr --icsv --ojson count-distinct -f initiative "$file")
read -r wc_t wc_m < <(measure "$runs" wc -l "$file")

printf '%d rows, %s MB; median of %d runs on %s\n' "$rows" \
  "$(( $(stat -c %s "$file") / 1000000 ))" "$runs" "$(nproc) cores"
printf '%-44s %8s %10s %11s\n' tool seconds "peak MiB" "vs careerstat"
row "careerstat freq, every question" "$cs_t" "$cs_m" "$cs_t"
row "PSPP FREQUENCIES, 3 variables (no free text)" "$pspp_t" "$pspp_m" "$cs_t"
row "Miller count-distinct, 1 variable" "$mlr_t" "$mlr_m" "$cs_t"
row "wc -l" "$wc_t" "$wc_m" "$cs_t"
awk -v c="$cs_t" -v p="$pspp_t" -v m="$mlr_t" -v w="$wc_t" -v mem="$cs_m" 'BEGIN {
  w = (w > 0 ? w : 0.005);
  printf "careerstat is %.1fx faster than PSPP (target >= 20x), %.1fx faster than Miller (target >= 8x),\n", p / c, m / c;
  printf "takes %.1fx the time of wc -l (target <= 25x) and %.1f MiB (target < 100 MiB)\n", c / w, mem / 1024 }'
