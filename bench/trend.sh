#!/usr/bin/env bash
# careerstat trend over 3 waves of ROWS rows each (three exports shaped like
# data/clients.csv, seeds 2015-2017, with the example's codebook), next to careerstat freq of
# every question of one of them in the same run (issue 12: the trend reads each export once
# and takes at most 3.5x freq). The trend's questions are those of the example report: a
# single choice, a multi-select, a Likert battery with its scale score, a Likert item, a
# second multi-select, a grade and an NPS. Where strace is installed, it counts how often
# the trend opens each export. Prints medians of RUNS runs, peak memory and ratios to freq.
# Usage: [CAREERSTAT=binary] bench/trend.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
rows=${1:-1000000}
runs=${2:-3}
bin=${CAREERSTAT:-build/careerstat}
[ -n "${CAREERSTAT:-}" ] || cmake --build build -j2 --target careerstat >/dev/null
mkdir -p bench/out/trend
studies=()
complete=()
for year in 2015 2016 2017; do
  file=bench/out/trend/clients_${rows}_$year.csv
  [ -f "$file" ] || bench/gen_clients.sh "$rows" "$year" >"$file"
  cp data/clients.codebook.csv "bench/out/trend/clients_${rows}_$year.codebook.csv"
  study=bench/out/trend/study_${rows}_$year.toml
  cat >"$study" <<TOML
title = "bench"
year = $year
[[population]]
name = "clients"
export = "clients_${rows}_$year.csv"
invited = $((rows * 2))
[[section]]
title = "trend"
trend = ["initiative", "barrier", "outcome", "relation", "strength", "grade", "recommend"]
TOML
  studies+=("$study")
  # The same wave counting complete returns only, as the example study does: the pass then
  # also judges each record's completeness.
  sed 's/^year = /respondents = "complete"\nyear = /' "$study" >"${study%.toml}_complete.toml"
  complete+=("${study%.toml}_complete.toml")
done
first=bench/out/trend/clients_${rows}_2015.csv

echo "careerstat trend, 3 waves of $rows rows, median of $runs runs"
printf '%-44s %8s %10s %11s\n' command seconds "peak MiB" "vs freq"
read -r tf mf < <(measure "$runs" "$bin" freq "$first")
row "careerstat freq (every question, 1 wave)" "$tf" "$mf"
read -r tt mt < <(measure "$runs" "$bin" trend "${studies[@]}" --no-drift)
row "careerstat trend (7 questions, 3 waves)" "$tt" "$mt" "$tf"
read -r tc mc < <(measure "$runs" "$bin" trend "${complete[@]}" --no-drift)
row "  the same, respondents = \"complete\"" "$tc" "$mc" "$tf"
if command -v strace >/dev/null; then
  log=$(mktemp)
  strace -f -e trace=openat -o "$log" "$bin" trend "${studies[@]}" --no-drift >/dev/null
  for year in 2015 2016 2017; do
    n=$(grep -c "clients_${rows}_$year.csv\"" "$log" || true)
    echo "  clients_${rows}_$year.csv opened $n time(s) by the trend"
  done
  rm -f "$log"
fi
