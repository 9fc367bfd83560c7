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
#   fuzz_trend: tests/fuzz/seeds/fuzz_trend/, hand-written wave mappings
#   fuzz_sav_records: the SPSS files (*.sav, *.zsav) under tests/data/, and the multiple
#     response set records of PSPP's format appendix
#   fuzz_scales: each option byte 0x00-0x1f, then the first 600 bytes of
#     tests/data/scales/scales.csv as the rows' bytes
#   fuzz_banner: a few crosstab runs, each its option bytes (fuzz_banner.cpp's header), for
#     two a --by spec line of its own, then the first 1500 bytes of data/clients.csv as the
#     rows' bytes
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
  fuzz_sav_records)
    while read -r f; do cp "$f" "$dir/$(flat "$f")"; done < <(files -name '*.sav' -o -name '*.zsav')
    printf '\n$a=C 10 my mcgroup a b c\n$b=D2 55 0  g e f d\n$c=D3 Yes 10 mdgroup #2 h i j\n' >"$dir/mrsets7"
    printf '$d=E 1 2 34 13 third mdgroup k l m\n$e=E 11 6 choice 0  n o p\n' >"$dir/mrsets19"
    ;;
  fuzz_where | fuzz_trend)
    cp "tests/fuzz/seeds/$target"/* "$dir/"
    ;;
  fuzz_scales)
    # Every option byte before rows made from the first 600 bytes of the scales fixture.
    for b in $(seq 0 31); do
      { printf "\\x$(printf '%02x' "$b")"; head -c 600 tests/data/scales/scales.csv; } >"$dir/options-$b"
    done
    ;;
  fuzz_banner)
    # NAME OPTION-BYTES [SPEC]: sig, min_base, hide_below, suppress, questions, banners.
    while read -r name bytes spec; do
      { printf '%b' "$bytes"; [ -z "$spec" ] || printf '%s\n' "$spec"; head -c 1500 data/clients.csv; } \
        >"$dir/$name"
    done <<'SEEDS'
initiative-by-bureau \x00\x1e\x0a\x00\x40\x24
barrier-outcome-distribution-by-bureau-educ-suppress6 \x18\x05\x02\x07\x11\x06
weighted-holm-initiative-relation-by-barrier-age \x40\x0a\x05\x04\x18\x14
nl-bh-weighted-suppress12-initiative-strength-by-educ \xbb\x00\x00\x0d\x30\x25
raw-age-bands-suppress3-outcome-grade \x18\x00\x00\x04\x22\x29 age:-29,30-44.5,45-
raw-sessions-barrier-grade-by-relation \x03\x02\x01\x05\x0c\x1d sessions:1-3,4-
SEEDS
    ;;
  *)
    echo "seeds.sh: no seeds for $target" >&2
    exit 2
    ;;
  esac
done
