#!/usr/bin/env bash
# report_csv_dir.sh CAREERSTAT: `report --format csv -o DIR/` writes one CSV per table,
# named by table id, each starting with its header of column names.
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$bin" report data/study.toml --format csv -o "$dir/tables/" || fail "exit code $?"
n_tables=$("$bin" report data/study.toml --format json |
  python3 -c 'import json, sys; print(len(json.load(sys.stdin)["tables"]))')
n_files=$(ls "$dir/tables" | wc -l)
[ "$n_files" = "$n_tables" ] || fail "$n_files files for $n_tables tables"
[ -f "$dir/tables/freq.initiative.csv" ] || fail "no freq.initiative.csv"
head -1 "$dir/tables/freq.initiative.csv" | grep -q '^variable;code;label;n;pct;valid_pct' ||
  fail "freq.initiative.csv header: $(head -1 "$dir/tables/freq.initiative.csv")"
grep -q '^initiative;4;In een zeer laat stadium, toen de nood hoog was;35;70;' "$dir/tables/freq.initiative.csv" ||
  fail "freq.initiative.csv: 35 of 50 very late"
echo "1 passed, 0 failed"
