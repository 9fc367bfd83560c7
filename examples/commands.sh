#!/usr/bin/env bash
# The commands a new user copies, run on the example study; each one's output is kept in
# examples/output/ (regenerate: examples/commands.sh --write; a test checks they are current).
set -u
cd "$(dirname "$0")/.."
unset LC_ALL LC_MESSAGES
export LANG=C.UTF-8 # the outputs are in the words the commands choose, not the machine's
bin=${CAREERSTAT:-build/careerstat}
out=examples/output
mode=${1:-check}
status=0
run() { # run NAME ARGS...
  local name=$1
  shift
  local got
  got=$(NO_COLOR=1 "$bin" "$@" 2>&1)
  if [ "$mode" = --write ]; then
    mkdir -p "$out"
    { printf '$ careerstat %s\n' "$*"; printf '%s\n' "$got"; } >"$out/$name.txt"
  elif ! diff -q <({ printf '$ careerstat %s\n' "$*"; printf '%s\n' "$got"; }) "$out/$name.txt" >/dev/null; then
    echo "examples/output/$name.txt is out of date"
    status=1
  fi
}
# run_html NAME ARGS...: the command's HTML as examples/output/NAME.html, to open in a browser.
run_html() {
  local name=$1
  shift
  local got
  got=$(NO_COLOR=1 "$bin" "$@" --format html 2>&1)
  if [ "$mode" = --write ]; then
    printf '%s\n' "$got" >"$out/$name.html"
  elif ! diff -q <(printf '%s\n' "$got") "$out/$name.html" >/dev/null; then
    echo "examples/output/$name.html is out of date"
    status=1
  fi
}
run 01-codebook        codebook data/clients.csv
run 02-validate        validate data/clients.csv
run 03-freq            freq data/clients.csv initiative barrier --where lastpage=5 --population 90
run 04-describe        describe data/clients.csv outcome grade recommend
run 05-response        response data/clients.csv data/employers.csv --invited clients=90,employers=45
run 06-response-aapor  response --sample data/clients.sample.csv --by bureau
run 07-response-items  response --items data/employers.csv
run 08-freq-nl-csv     freq data/employers.csv mgmt_adviser --locale nl --format csv
run 09-report          report data/study.toml --lang en
run 10-crosstab        crosstab data/clients.csv initiative barrier relation --by bureau --by educ
run 11-crosstab-bands  crosstab data/clients.csv grade --by age:18-34,35-49,50- --sig 0.05,0.10 --adjust holm
run 12-scale           scale data/clients.csv outcome
run 13-drivers         drivers data/clients.csv grade relation outcome sessions
run 14-drift           drift data/clients.codebook.csv data/2016/clients.codebook.csv
run 15-trend           trend data/study.toml data/2016/study.toml data/2017/study.toml -q initiative,relation,grade --lang en --no-drift
run 16-report-2017     report data/2017/study.toml
run_html 16-report-2017 report data/2017/study.toml
[ "$mode" = --write ] || { [ $status = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"; }
exit $status
