#!/usr/bin/env bash
# corpus.sh DIR [CAREERSTAT]: runs careerstat on every export under DIR as a new user would,
# with the draft codebook it writes itself: codebook -o, then validate, freq, describe and
# response with that unedited draft. Prints one line per export: the platform detected,
# the question types drafted and each command's exit code. DIR is copied to a temporary
# folder first (DIR is never written to), so a REDCap data dictionary beside an export is
# found there as it would be beside the user's. Exit 1 if any command crashed (a signal)
# or exited 2 (usage: careerstat rejected its own draft); validate's exit 1 lists real
# problems of the data, and any other exit 1 is printed for a person to judge.
# Data dictionaries (REDCap *dictionary*.csv) and sample files are not exports: skipped.
# Needs python3 (to count the draft's types).
set -u
dir=${1:?usage: scripts/corpus.sh DIR [CAREERSTAT]}
bin=${2:-build/careerstat}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
[ -d "$dir" ] || { echo "corpus: no folder $dir" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$dir"/. "$work/"
status=0
printf '%-40s %-14s %-38s %s\n' export platform "drafted (type:count)" "codebook validate freq describe response"
while IFS= read -r f; do
  case $f in *dictionary*|*.sample.csv|*/csv-spectrum/*|*.codebook.csv) continue ;; esac
  rel=${f#"$work"/}
  stem=${f%.*}
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
  platform=$(sed -n 's/^careerstat: [^:]*: \([A-Za-z ]*\) export.*/\1/p' "$stem.codebook.err" | head -1)
  printf '%-40s %-14s %-38s %s\n' "$rel" "${platform:-generic}" "${types:-none}" "${codes[*]}"
  for c in "${codes[@]}"; do
    if [ "$c" -ge 128 ] || [ "$c" = 2 ]; then status=1; fi
  done
  if [ "${CORPUS_VERBOSE:-0}" = 1 ]; then
    for cmd in codebook validate freq describe response; do
      [ -s "$stem.$cmd.err" ] && sed "s|^|  $cmd: |" "$stem.$cmd.err" | head -3
    done
  fi
done < <(find "$work" -name '*.csv' -type f | sort)
exit $status
