#!/usr/bin/env bash
# output.sh CASE CAREERSTAT: the file safety rules of -o (src/cli/output.hpp), one CASE per
# CTest test (tests/cli/output.cmake). Every case works on copies of data/ in a temporary
# folder, never on the project's files, and runs from there so that messages name files as
# a user types them; messages are compared with tests/golden/out_*.err (UPDATE_GOLDEN=1
# rewrites those). Exit 0 pass, 1 fail, 77 skip.
set -u
case=$1 bin=$2
root=$PWD
work=$(mktemp -d)
bg=""
trap '[ -n "$bg" ] && kill $bg 2>/dev/null; rm -rf "$work"' EXIT
cp data/clients.csv data/clients.codebook.csv data/clients.sample.csv data/employers.csv \
   data/employers.codebook.csv data/study.toml "$work/"
cd "$work" || exit 1
export NO_COLOR=1
status=0
fail() { echo "FAIL: $*"; status=1; }

# expect GOLDEN EXIT ARGS...: runs careerstat, checks the exit code and that stderr is
# tests/golden/GOLDEN.err (stdout goes to ./stdout).
expect() {
  local golden=$1 want=$2
  shift 2
  "$bin" "$@" >stdout 2>stderr </dev/null
  local code=$?
  [ "$code" = "$want" ] || fail "careerstat $*: exit code $code, expected $want"
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then cp stderr "${GOLDEN_DIR:?}/$golden.err"; fi
  diff -u "${GOLDEN_DIR:?}/$golden.err" stderr || fail "careerstat $*: standard error"
}
# unchanged FILE...: each is still its copy from data/.
unchanged() {
  local f
  for f in "$@"; do cmp -s "$f" "$root/data/$f" || fail "$f was written to"; done
}
# no_temp DIR: no temporary file is left in DIR.
no_temp() {
  local left
  left=$(ls -A "$1" | grep -E '^\.|\.tmp' || true)
  [ -z "$left" ] || fail "temporary files left in $1: $left"
}

case $case in
input_export) # -o naming the export, its codebook, a symlink to the export
  expect out_input_export 2 freq clients.csv initiative -o clients.csv
  expect out_input_codebook 2 describe clients.csv grade -o clients.codebook.csv
  cp clients.codebook.csv given.csv
  expect out_input_given_codebook 2 freq clients.csv --codebook given.csv -o given.csv
  cmp -s given.csv clients.codebook.csv || fail "given.csv was written to"
  ln -s clients.csv link.csv
  expect out_input_symlink 2 freq clients.csv initiative -o link.csv
  ln clients.csv hard.csv
  expect out_input_hardlink 2 freq clients.csv initiative --format csv -o hard.csv
  unchanged clients.csv clients.codebook.csv
  no_temp . ;;
input_report) # the study file and every population's export, codebook and sample
  expect out_input_study 2 report study.toml --format md -o study.toml
  expect out_input_report_export 2 report study.toml --format csv -o employers.csv
  expect out_input_report_codebook 2 report study.toml --format csv -o employers.codebook.csv
  expect out_input_report_sample 2 report study.toml --format csv -o clients.sample.csv
  unchanged study.toml employers.csv employers.codebook.csv clients.sample.csv
  no_temp . ;;
input_response) # the exports, their codebooks and --sample
  expect out_input_response_sample 2 response --sample clients.sample.csv -o clients.sample.csv
  expect out_input_response_export 2 response clients.csv employers.csv -o employers.csv
  expect out_input_response_codebook 2 response clients.csv employers.csv --format csv \
    -o employers.codebook.csv
  unchanged clients.sample.csv employers.csv employers.codebook.csv
  no_temp . ;;
input_stdin) # codebook and freq reading the export from standard input
  cp clients.csv x.csv
  "$bin" codebook - -o x.csv <x.csv >stdout 2>stderr
  [ $? = 2 ] || fail "codebook - -o x.csv <x.csv: exit code, expected 2"
  diff -u "$GOLDEN_DIR/out_input_stdin.err" stderr || fail "codebook - -o x.csv: stderr"
  cmp -s x.csv clients.csv || fail "x.csv (standard input) was written to"
  "$bin" freq - --codebook clients.codebook.csv -o x.csv <x.csv >stdout 2>stderr
  [ $? = 2 ] || fail "freq - -o x.csv <x.csv: exit code, expected 2"
  cmp -s x.csv clients.csv || fail "x.csv (standard input) was written to by freq" ;;
input_directory) # -o DIR/ over an input inside DIR
  mkdir tables
  cp clients.csv tables/freq.initiative.csv
  cp clients.codebook.csv tables/freq.initiative.codebook.csv
  expect out_input_directory 2 freq tables/freq.initiative.csv -o tables/
  cmp -s tables/freq.initiative.csv clients.csv || fail "the export in tables/ was written to"
  cp clients.csv tables/freq.initiative.csv
  expect out_input_directory 2 freq tables/freq.initiative.csv --force -o tables/
  cmp -s tables/freq.initiative.csv clients.csv || fail "--force: the export was written to"
  [ "$(ls -A tables | wc -l)" = 2 ] || fail "files written to tables/: $(ls tables)" ;;
fifo) # a FIFO stays a FIFO and gets the output
  "$bin" freq clients.csv initiative --format csv >want 2>/dev/null
  mkfifo out.csv
  timeout 10 cat out.csv >got &
  bg=$!
  timeout 10 "$bin" freq clients.csv initiative -o out.csv || fail "freq -o FIFO: exit code $?"
  [ -p out.csv ] || fail "out.csv is no longer a FIFO"
  [ -p out.csv ] || kill $bg 2>/dev/null # nobody will open the FIFO any more
  wait $bg
  bg=""
  cmp -s want got || fail "the FIFO's reader got something else: $(head -c 200 got)" ;;
devnull) # a character device stays one. A private node first, so that a binary that
  # renames over devices fails here and never reaches the system's /dev/null.
  if mknod node c 1 3 2>/dev/null; then
    "$bin" freq clients.csv initiative --format csv -o node 2>stderr ||
      fail "freq -o NODE: exit code $?: $(cat stderr)"
    "$bin" codebook clients.csv -o node 2>stderr || fail "codebook -o NODE: exit code $?"
    [ -c node ] || { echo "FAIL: the device node was replaced by a regular file"; exit 1; }
  fi
  "$bin" freq clients.csv initiative --format csv -o /dev/null || fail "-o /dev/null: exit $?"
  "$bin" codebook clients.csv -o /dev/null 2>/dev/null || fail "codebook -o /dev/null: $?"
  test -c /dev/null || fail "/dev/null is no longer a character device" ;;
exists_file) # an existing file is replaced only with --force, keeping its permissions
  printf 'my notes\n' >out.csv
  chmod 640 out.csv
  expect out_exists_file 2 freq clients.csv initiative -o out.csv
  [ "$(cat out.csv)" = "my notes" ] || fail "out.csv was replaced without --force"
  expect out_exists_file_force 0 freq clients.csv initiative -o out.csv --force
  "$bin" freq clients.csv initiative --format csv >want
  cmp -s want out.csv || fail "--force: out.csv is not the table"
  [ "$(stat -c %a out.csv)" = 640 ] || fail "--force: mode $(stat -c %a out.csv), was 640"
  ln -s out.csv link.csv
  expect out_exists_file_force 0 freq clients.csv initiative -o link.csv --force
  [ -L link.csv ] || fail "--force over a symlink replaced the link"
  no_temp . ;;
exists_codebook) # an edited codebook is kept unless --force
  "$bin" codebook clients.csv -o draft.csv 2>/dev/null || fail "first draft: exit $?"
  printf 'my edits\n' >>draft.csv
  cp draft.csv edited.csv
  expect out_exists_codebook 2 codebook clients.csv -o draft.csv
  cmp -s draft.csv edited.csv || fail "the edited codebook was replaced without --force"
  expect out_exists_codebook_force 0 codebook clients.csv -o draft.csv --force
  grep -q 'my edits' draft.csv && fail "--force: the draft was not replaced"
  no_temp . ;;
exists_directory) # -o DIR/: every file checked before any is written
  "$bin" freq clients.csv -o tables/ || fail "first run: exit $?"
  n=$(ls tables | wc -l)
  printf 'my notes\n' >tables/freq.relation.csv
  rm tables/freq.age.csv
  expect out_exists_directory 2 freq clients.csv -o tables/
  [ ! -e tables/freq.age.csv ] || fail "a file was written before the refusal"
  [ "$(cat tables/freq.relation.csv)" = "my notes" ] || fail "freq.relation.csv replaced"
  "$bin" freq clients.csv -o tables/ --force || fail "--force: exit $?"
  [ "$(ls tables | wc -l)" = "$n" ] || fail "--force: $(ls tables | wc -l) files, want $n"
  no_temp tables ;;
stdout_dash) # -o - is standard output
  "$bin" freq clients.csv initiative >want 2>&1
  "$bin" freq clients.csv initiative -o - >got 2>&1 || fail "-o -: exit code $?"
  cmp -s want got || fail "-o - differs from standard output: $(head -3 got)"
  "$bin" codebook clients.csv >want 2>&1
  "$bin" codebook clients.csv -o - >got 2>&1 || fail "codebook -o -: exit code $?"
  cmp -s want got || fail "codebook -o - differs from standard output"
  [ ! -e ./- ] || fail "a file named - was written" ;;
collide) # table ids that give one file name get distinct names
  cp "$root"/tests/data/output/collide.* .
  "$bin" freq collide.csv -o tables/ || fail "exit code $?"
  got=$(cd tables && ls | tr '\n' ' ')
  want="freq.A_B-3.csv freq.a_b-2.csv freq.a_b-4.csv freq.a_b.csv "
  [ "$got" = "$want" ] || fail "files: $got; expected: $want"
  for pair in "a b:freq.a_b" "a_b:freq.a_b-2" "A_B:freq.A_B-3" "a/b:freq.a_b-4"; do
    grep -q "^${pair%%:*},1," "tables/${pair#*:}.csv" 2>/dev/null ||
      fail "tables/${pair#*:}.csv is not the table of \"${pair%%:*}\""
  done ;;
dev_full) # every write to standard output is checked
  "$bin" codebook clients.csv >/dev/full 2>stderr
  code=$?
  [ "$code" = 2 ] || fail "codebook >/dev/full: exit code $code, expected 2"
  diff -u "$GOLDEN_DIR/out_dev_full.err" stderr || fail "codebook >/dev/full: stderr"
  "$bin" freq clients.csv >/dev/full 2>stderr
  code=$?
  [ "$code" = 2 ] || fail "freq >/dev/full: exit code $code, expected 2"
  diff -u "$GOLDEN_DIR/out_dev_full.err" stderr || fail "freq >/dev/full: stderr" ;;
*)
  echo "output.sh: no case $case"
  exit 1 ;;
esac
[ $status = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $status
