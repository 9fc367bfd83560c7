# Shared by the bench scripts: the large export and a timing helper.
# shellcheck shell=bash

# bench_export ROWS: path of a generated export shaped like data/clients.csv (made once).
bench_export() {
  local rows=$1 file="bench/out/clients_$1.csv"
  mkdir -p bench/out
  [ -f "$file" ] || bench/gen_clients.sh "$rows" >"$file"
  echo "$file"
}

# measure RUNS CMD...: prints "median_seconds peak_rss_kib" over RUNS runs of CMD
# (GNU time's elapsed time and maximum resident set size; output discarded).
measure() {
  local runs=$1 t r times=() rss=0 stats
  shift
  stats=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$stats" -f '%e %M' "$@" >/dev/null 2>&1 || true
    read -r t r <"$stats"
    times+=("$t")
    if [ "$r" -gt "$rss" ]; then rss=$r; fi
  done
  rm -f "$stats"
  printf '%s\n' "${times[@]}" | sort -n |
    awk -v rss="$rss" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m, rss}'
}

# row NAME SECONDS KIB [REFERENCE_SECONDS]: one line of a results table
row() {
  awk -v n="$1" -v t="$2" -v m="$3" -v ref="${4:-}" 'BEGIN {
    tt = (t > 0 ? t : 0.005);
    printf "%-44s %8.2f %10.1f", n, t, m / 1024;
    if (ref != "") { printf " %10.1fx", tt / (ref > 0 ? ref : 0.005) }
    printf "\n" }'
}
