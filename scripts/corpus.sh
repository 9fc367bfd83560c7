#!/usr/bin/env bash
# corpus.sh DIR [CAREERSTAT]: runs careerstat on every export under DIR as a new user would,
# with the draft codebook it writes itself: codebook -o, then validate, freq, describe and
# response with that unedited draft. Prints one line per export: the question types
# drafted and each command's exit code; the drafts and outputs go to a temporary folder
# (DIR is never written to). Exit 1 if any command crashed (a signal) or exited 2 (usage:
# careerstat rejected its own draft); validate's exit 1 lists real problems of the data.
# Data dictionaries (REDCap *dictionary*.csv) and sample files are not exports: skipped.
# Needs python3 (to count the draft's types).
set -u
dir=${1:?usage: scripts/corpus.sh DIR [CAREERSTAT]}
bin=${2:-build/careerstat}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
[ -d "$dir" ] || { echo "corpus: no folder $dir" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
printf '%-44s %-38s %s\n' export "drafted (type:count)" "codebook validate freq describe response"
while IFS= read -r f; do
  case $f in *dictionary*|*.sample.csv|*/csv-spectrum/*) continue ;; esac
  rel=${f#"$dir"/}
  stem=$work/$(echo "$rel" | tr '/' '_')
  stem=${stem%.*}
  cp "$f" "$stem.csv"
  codes=()
  "$bin" codebook "$stem.csv" -o "$stem.codebook.csv" >"$stem.codebook.out" 2>"$stem.codebook.err"
  codes+=($?)
  types=$(python3 -c 'import csv, collections, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
c = collections.Counter(r["type"] for r in rows)
print(" ".join(f"{k}:{c[k]}" for k in sorted(c)))' "$stem.codebook.csv" 2>/dev/null)
  for cmd in validate freq describe response; do
    "$bin" "$cmd" "$stem.csv" >"$stem.$cmd.out" 2>"$stem.$cmd.err"
    codes+=($?)
  done
  printf '%-44s %-38s %s\n' "$rel" "${types:-none}" "${codes[*]}"
  for c in "${codes[@]}"; do
    if [ "$c" -ge 128 ] || [ "$c" = 2 ]; then status=1; fi
  done
  if [ "${CORPUS_VERBOSE:-0}" = 1 ]; then
    for cmd in codebook validate freq describe response; do
      [ -s "$stem.$cmd.err" ] && sed "s|^|  $cmd: |" "$stem.$cmd.err" | head -3
    done
  fi
done < <(find "$dir" -name '*.csv' -type f | sort)
exit $status
