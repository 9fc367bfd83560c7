#!/usr/bin/env bash
# Golden CLI test: golden.sh GOLDEN EXPECTED_EXIT CAREERSTAT ARGS...
# Runs the real binary from the project root and compares its stdout with
# tests/golden/GOLDEN.out and its stderr with tests/golden/GOLDEN.err.
# GOLDEN_STDIN names a file for standard input. Set UPDATE_GOLDEN=1
# to rewrite the golden files (then review the diff before committing).
set -u
golden=$1 expected=$2 bin=$3
shift 3
dir=${GOLDEN_DIR:?}
# A developer's own defaults file (careerstat.toml in ~/.config) must not change the output.
export XDG_CONFIG_HOME=/nonexistent HOME=/nonexistent
# Nor their language (careerstat's words follow LC_ALL, LC_MESSAGES, LANG): GOLDEN_LANG sets it.
unset LC_ALL LC_MESSAGES
export LANG=${GOLDEN_LANG:-C.UTF-8}
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
NO_COLOR=1 COLUMNS=${GOLDEN_COLUMNS:-100} "$bin" "$@" >"$out" 2>"$err" <"${GOLDEN_STDIN:-/dev/null}"
code=$?
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$out" "$dir/$golden.out"
  cp "$err" "$dir/$golden.err"
fi
status=0
# An internal error is a bug in careerstat, never an expected outcome: a golden file must
# not record one (the drift table's JSON once did).
if grep -q "internal error" "$err"; then
  echo "careerstat reported an internal error:"; cat "$err"; status=1
fi
if [ "$code" != "$expected" ]; then
  echo "exit code $code, expected $expected"; status=1
fi
if ! diff -u "$dir/$golden.out" "$out"; then status=1; fi
if ! diff -u "$dir/$golden.err" "$err"; then status=1; fi
exit $status
