#!/usr/bin/env bash
# careerstat report on a study whose ex-client export has 1,000,000 rows (issue 5), next
# to careerstat freq over every question of the same export: the report reads each export
# once, so it should take at most 1.5x freq's time, in under 100 MiB.
# Usage: bench/report.sh [ROWS] [RUNS]   (build first: scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
rows=${1:-1000000}
runs=${2:-5}
file=$(bench_export "$rows")
cmake --build build -j2 --target careerstat >/dev/null
# The example study with the large export in place of the 54 ex-clients. The codebook and
# the employers stay the example's; the population size grows with the export.
study=bench/out/study_${rows}.toml
sed -e "s|^export = \"clients.csv\"|export = \"clients_${rows}.csv\"\ncodebook = \"../../data/clients.codebook.csv\"|" \
    -e "s|^export = \"employers.csv\"|export = \"../../data/employers.csv\"|" \
    -e "s|^invited = 90|invited = $((rows * 2))|" \
    -e "s|^sample = \"clients.sample.csv\"||" data/study.toml >"$study"
# The example's driver section bootstraps its relative weights 1,000 times over every case
# (default), which on a million cases is most of the report's time and no part of its pass;
# the pass target is measured without it, and the study as it is once, on its own row.
study_pass=bench/out/study_${rows}_no_bootstrap.toml
sed -e "s|^drivers = \"grade\"|drivers = \"grade\"\nbootstrap = 0|" "$study" >"$study_pass"

cat "$file" >/dev/null # warm the page cache
read -r f_t f_m < <(measure "$runs" build/careerstat freq "$file" --codebook data/clients.codebook.csv)
read -r r_t r_m < <(measure "$runs" build/careerstat report "$study_pass")
read -r h_t h_m < <(measure "$runs" build/careerstat report "$study_pass" --format html -o bench/out/report.html --force)
read -r b_t b_m < <(measure 1 build/careerstat report "$study")
printf '%d rows, %s MB; median of %d runs on %s cores\n' "$rows" \
  "$(( $(stat -c %s "$file") / 1000000 ))" "$runs" "$(nproc)"
printf '%-44s %8s %10s %11s\n' tool seconds "peak MiB" "vs freq"
row "careerstat freq, all questions" "$f_t" "$f_m" "$f_t"
row "careerstat report (text)" "$r_t" "$r_m" "$f_t"
row "careerstat report (html)" "$h_t" "$h_m" "$f_t"
row "careerstat report, 1000 bootstrap resamples" "$b_t" "$b_m" "$f_t"
awk -v f="$f_t" -v r="$r_t" -v m="$r_m" 'BEGIN {
  printf "report (drivers without bootstrap) takes %.2fx the time of freq (target <= 1.5x) and %.1f MiB (target < 100 MiB)\n", r / f, m / 1024 }'
