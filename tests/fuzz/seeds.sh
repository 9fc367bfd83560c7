#!/usr/bin/env bash
# seeds.sh OUTDIR TARGET...: writes each fuzz target's seed inputs to OUTDIR/TARGET/, the
# one list of which files seed which target. Used by scripts/fuzz.sh (the corpus) and by
# ctest (fuzz.regress.*, through the fuzz.seeds fixture).
#   fuzz_reader, fuzz_reader_blocks, fuzz_draft: every CSV/TSV under tests/data/ and data/,
#     each behind the target's options byte (fuzz_input.hpp, fuzz_reader_blocks.cpp): 0x00
#     for the defaults (for fuzz_reader_blocks: blocks of 1 byte) and, for fuzz_reader,
#     0x0d for blocks of 13 bytes as well
#   fuzz_codebook: the codebooks (*.codebook.csv) under tests/data/ and data/
#   fuzz_study: the study files (*.toml) under tests/data/ and data/
#   fuzz_where: tests/fuzz/seeds/fuzz_where/, hand-written conditions
set -euo pipefail
out=${1:?usage: seeds.sh OUTDIR TARGET...}
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

files() { # the files under tests/data and data matching the find(1) name patterns given
  find tests/data data -type f \( "$@" \) | LC_ALL=C sort
}
flat() { tr '/' '_' <<<"$1"; } # tests/data/bad/x.csv -> tests_data_bad_x.csv

for target in "$@"; do
  dir="$out/$target"
  rm -rf "$dir"
  mkdir -p "$dir"
  case $target in
  fuzz_reader | fuzz_reader_blocks | fuzz_draft)
    prefixes=(00)
    [ "$target" != fuzz_reader ] || prefixes+=(0d)
    while read -r f; do
      for p in "${prefixes[@]}"; do
        { printf "\\x$p"; cat "$f"; } >"$dir/$p-$(flat "$f")"
      done
    done < <(files -name '*.csv' -o -name '*.tsv')
    ;;
  fuzz_codebook)
    while read -r f; do cp "$f" "$dir/$(flat "$f")"; done < <(files -name '*.codebook.csv')
    ;;
  fuzz_study)
    while read -r f; do cp "$f" "$dir/$(flat "$f")"; done < <(files -name '*.toml')
    ;;
  fuzz_where)
    cp tests/fuzz/seeds/fuzz_where/* "$dir/"
    ;;
  *)
    echo "seeds.sh: no seeds for $target" >&2
    exit 2
    ;;
  esac
done
