#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz/ (each file's header says what it checks):
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 30 seconds, every target
# Configures and builds build-fuzz/ with clang-14 (-DCAREERSTAT_FUZZ=ON) if needed, then
# runs each target for SECONDS with a fresh corpus in build-fuzz/corpus/TARGET/ (its seeds,
# tests/fuzz/seeds.sh, and its past findings, tests/fuzz/regressions/TARGET/), FUZZ_JOBS
# targets at a time (default 2). Prints per target the executions, the coverage (cov: and
# ft: of libFuzzer's last status line) and FINDING or ok. A finding's input is copied to
# tests/fuzz/regressions/TARGET/, where ctest replays it (fuzz.regress.TARGET) from then on;
# the exit status is then 1. The full log of a run: build-fuzz/logs/TARGET.log.
# build-fuzz/ is a whole sanitizer build too: `ctest --test-dir build-fuzz` (.ci/run does).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
[ $# -gt 0 ] && shift
all=(fuzz_reader fuzz_reader_blocks fuzz_codebook fuzz_draft fuzz_study fuzz_where fuzz_banner fuzz_scales fuzz_trend fuzz_sav_records)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz: no target $t (targets: ${all[*]})" >&2; exit 2; }
done
case $seconds in '' | *[!0-9]*) echo "fuzz: SECONDS_PER_TARGET must be a whole number" >&2; exit 2 ;; esac

build=build-fuzz
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug \
    -DCAREERSTAT_FUZZ=ON >/dev/null
fi
cmake --build "$build" -j2 --target "${targets[@]}" >/dev/null

# Which dictionary helps which target (tests/fuzz/dict/).
dict_of() {
  case $1 in
  fuzz_study) echo tests/fuzz/dict/toml.dict ;;
  fuzz_where) echo tests/fuzz/dict/where.dict ;;
  *) echo tests/fuzz/dict/csv.dict ;;
  esac
}

# Inputs longer than this are cut (libFuzzer's -max_len; 0: as long as the longest seed).
# Reading in blocks of 1-64 bytes costs a thread handoff per block, and a record boundary
# needs no more than a few records around it.
max_len_of() {
  case $1 in
  fuzz_reader_blocks) echo 2048 ;;
  *) echo 0 ;;
  esac
}

run_target() { # TARGET: fuzzes it, leaves build-fuzz/logs/TARGET.log and .../TARGET.status
  local t=$1 corpus=$build/corpus/$1 artifacts=$build/artifacts/$1
  rm -rf "$corpus" "$artifacts" "$build/seeds/$t"
  mkdir -p "$corpus" "$artifacts" "$build/logs"
  bash tests/fuzz/seeds.sh "$build/seeds" "$t"
  cp -R "$build/seeds/$t/." "$corpus/"
  if [ -d "tests/fuzz/regressions/$t" ]; then
    find "tests/fuzz/regressions/$t" -maxdepth 1 -type f ! -name '.*' -exec cp {} "$corpus/" \;
  fi
  local code=0
  "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$(max_len_of "$t")" -print_final_stats=1 -dict="$(dict_of "$t")" -artifact_prefix="$artifacts/" "$corpus" \
    >"$build/logs/$t.log" 2>&1 || code=$?
  echo "$code" >"$build/logs/$t.status"
}

# FUZZ_JOBS targets at a time: each libFuzzer process uses one core.
jobs=${FUZZ_JOBS:-2}
running=0
for t in "${targets[@]}"; do
  run_target "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

status=0
for t in "${targets[@]}"; do
  log=$build/logs/$t.log
  code=$(cat "$build/logs/$t.status")
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E 'cov: [0-9]+' "$log" | tail -1 || true)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
  # crash-, leak-, timeout- and oom- files are findings; slow-unit- files are not.
  found=$(find "$build/artifacts/$t" -maxdepth 1 -type f \
    \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
  if [ "$code" != 0 ] || [ -n "$found" ]; then
    verdict=FINDING
    status=1
    mkdir -p "tests/fuzz/regressions/$t"
    for f in $found; do
      cp "$f" "tests/fuzz/regressions/$t/"
      verdict="$verdict tests/fuzz/regressions/$t/$(basename "$f")"
    done
    [ -n "$found" ] || verdict="$verdict (exit $code, no input saved; see $log)"
  else
    verdict=ok
  fi
  printf '%-20s %10s execs  cov: %-6s ft: %-7s %s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$verdict"
  if [ "$verdict" != ok ]; then
    # What went wrong, in the run's own log (CI keeps only this output): the target's own
    # complaint, the sanitizer's summary and the input as bytes.
    grep -E '^(fuzz_[a-z_]+: |==[0-9]+==ERROR|SUMMARY: |0x[0-9a-f]{2},)' "$log" | head -8 | sed 's/^/    /'
    for f in $found; do
      echo "    input: $(od -An -tx1 -v "$f" | tr -d ' \n' | head -c 8200)"
    done
  fi
done
exit $status
