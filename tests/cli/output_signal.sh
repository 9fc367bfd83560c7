#!/usr/bin/env bash
# output_signal.sh SIGNAL CAREERSTAT: a run killed by SIGNAL (TERM or INT) while it writes
# -o FILE leaves no temporary file, and dies of that signal. The output has to take a
# while to write: a generated export of 4,000 questions (0.2 MB) gives 4,000 text tables (2 MB),
# whose rendering keeps the temporary file open for a tenth of a second or more. The
# script waits until the temporary file appears, then sends the signal; when the run
# finished first, the test is skipped (exit 77) rather than passed.
set -u
sig=$1 bin=$2
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -KILL $pid 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
awk -v n=4000 -v cb="$work/many.codebook.csv" -v csv="$work/many.csv" 'BEGIN {
  print "variable,label,type,choices" > cb
  for (i = 0; i < n; i++) print "q" i ",Question " i ",single,1=one|2=two|3=three" > cb
  line = "q0"; for (i = 1; i < n; i++) line = line ",q" i; print line > csv
  for (r = 0; r < 20; r++) {
    line = (r % 3) + 1; for (i = 1; i < n; i++) line = line "," ((i + r) % 3) + 1
    print line > csv
  }
}'
mkdir "$work/out"
# Job control: a background job of a script otherwise starts with SIGINT ignored.
set -m
NO_COLOR=1 "$bin" freq "$work/many.csv" -o "$work/out/tables.txt" 2>"$work/stderr" &
pid=$!
set +m
shopt -s nullglob dotglob
temp=""
deadline=$((SECONDS + 5))
while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do
  files=("$work"/out/*)
  if [ ${#files[@]} -gt 0 ] && [ ! -e "$work/out/tables.txt" ]; then
    temp=${files[0]##*/}
    kill -"$sig" "$pid"
    break
  fi
done
wait "$pid"
code=$?
pid=""
if [ -z "$temp" ]; then
  echo "SKIP: the run ended (exit $code) before its temporary file was seen"
  exit 77
fi
case $sig in TERM) want=143 ;; INT) want=130 ;; *) want=unknown ;; esac
if [ "$code" = 0 ]; then
  echo "SKIP: the run finished before the signal arrived"
  exit 77
fi
[ "$code" = "$want" ] ||
  fail "exit code $code, expected $want (killed by SIG$sig): $(cat "$work/stderr")"
# The rename may just have beaten the signal: then the whole output is there, and only it.
left=$(ls -A "$work/out" | grep -v -x -F tables.txt)
[ -z "$left" ] || fail "left behind after SIG$sig: $left"
[[ $temp =~ ^\.tables\.txt\.[A-Za-z0-9]{6}$ ]] ||
  fail "temporary file $temp is not .tables.txt.XXXXXX"
echo "1 passed, 0 failed"
