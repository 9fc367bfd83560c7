#!/usr/bin/env bash
# Reader throughput and peak memory (issue 2): generates a 1,000,000-row export shaped like
# data/clients.csv (quoted free text with line breaks), then times, over RUNS runs each,
#   wc -l                      the floor
#   fccp LineReader alone      lines only
#   careerstat RecordReader    reading and splitting every field
# and prints medians, MB/s, peak RSS and the ratios to wc -l.
# Usage: bench/reader.sh [ROWS] [RUNS]   (build first: scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-5}
out=bench/out
mkdir -p "$out"
file="$out/clients_${rows}.csv"
[ -f "$file" ] || bench/gen_clients.sh "$rows" >"$file"
cmake --build build -j2 --target read_fields read_lines >/dev/null
size=$(stat -c %s "$file")

# median wall seconds and max RSS (KiB) of a command over $runs runs
measure() {
  local times=() rss=0 t r
  for _ in $(seq "$runs"); do
    read -r t r < <( { /usr/bin/time -f '%e %M' "$@" >/dev/null; } 2>&1 | tail -n 1)
    times+=("$t"); [ "$r" -gt "$rss" ] && rss=$r
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v rss="$rss" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m, rss}'
}

cat "$file" >/dev/null # warm the page cache
read -r wc_t wc_m < <(measure wc -l "$file")
read -r ln_t ln_m < <(measure build/bench/read_lines "$file")
read -r rd_t rd_m < <(measure build/bench/read_fields "$file")
printf 'file: %s, %d rows, %.1f MB; median of %d runs\n' "$file" "$rows" "$(echo "$size/1000000" | bc -l)" "$runs"
printf '%-28s %8s %10s %10s %10s\n' tool seconds MB/s "peak MiB" "x wc -l"
for row in "wc -l:$wc_t:$wc_m" "fccp LineReader:$ln_t:$ln_m" "careerstat reader:$rd_t:$rd_m"; do
  IFS=: read -r name t m <<<"$row"
  awk -v n="$name" -v t="$t" -v m="$m" -v s="$size" -v w="$wc_t" \
    'BEGIN { tt = (t > 0 ? t : 0.005); ww = (w > 0 ? w : 0.005);
             printf "%-28s %8.2f %10.0f %10.1f %10.1f\n", n, t, s/1e6/tt, m/1024, tt/ww }'
done
echo "target: careerstat reader <= 15x wc -l, peak memory < 100 MiB"
