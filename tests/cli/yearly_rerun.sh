#!/usr/bin/env bash
# yearly_rerun.sh CAREERSTAT: the 2016 rerun of the example study needs only a new study
# file. Checks that (1) the two study files differ only in comments, year and invited,
# (2) the 2016 codebooks are the 2015 ones, and (3) the reports differ where the data do:
# 35 of 50 very late in 2015, 40 of 66 in 2016.
set -u
bin=$1
fail() { echo "FAIL: $*"; exit 1; }
changed=$(diff data/study.toml data/2016/study.toml | grep -E '^[<>]' | grep -vE '^[<>] (#|year = |invited = )')
[ -z "$changed" ] || fail "study files differ beyond year and invited: $changed"
cmp -s data/clients.codebook.csv data/2016/clients.codebook.csv || fail "clients codebook changed"
cmp -s data/employers.codebook.csv data/2016/employers.codebook.csv || fail "employers codebook changed"
r15=$("$bin" report data/study.toml --format md) || fail "2015 report"
r16=$("$bin" report data/2016/study.toml --format md) || fail "2016 report"
grep -q "70% van de ex-cliënten (35 van 50" <<<"$r15" || fail "2015: 35 of 50 very late"
grep -q "61% van de ex-cliënten (40 van 66" <<<"$r16" || fail "2016: 40 of 66 very late"
grep -q "2016" <<<"$(head -1 <<<"$r16")" || fail "2016 title"
echo "1 passed, 0 failed"
