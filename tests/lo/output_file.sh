#!/usr/bin/env bash
# output_file.sh GOLDEN FILENAME CAREERSTAT ARGS...
# Runs `CAREERSTAT ARGS... -o DIR/FILENAME --force` in a fresh temporary DIR (run from the
# project root) and checks that
#   - it exits 0 and prints nothing on stdout or stderr,
#   - DIR/FILENAME is byte-for-byte tests/golden/GOLDEN.out (the golden of the same command
#     writing to standard output with the matching --format, so a test here also shows
#     that the format was picked from FILENAME's extension),
#   - an older file of that name was replaced (--force), not appended to, and no
#     temporary file (.FILENAME.XXXXXX) was left behind.
# The goldens belong to the standard-output tests (golden.sh); UPDATE_GOLDEN=1 does not
# rewrite them here.
set -u
golden=$1 name=$2 bin=$3
shift 3
want="${GOLDEN_DIR:?}/$golden.out"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'stale content from an earlier run\n' >"$dir/$name"
NO_COLOR=1 "$bin" "$@" -o "$dir/$name" --force >"$dir/stdout" 2>"$dir/stderr" </dev/null
code=$?
status=0
if [ "$code" != 0 ]; then echo "exit code $code, expected 0"; status=1; fi
if [ -s "$dir/stdout" ]; then echo "unexpected standard output:"; cat "$dir/stdout"; status=1; fi
if [ -s "$dir/stderr" ]; then echo "unexpected standard error:"; cat "$dir/stderr"; status=1; fi
if ! cmp -s "$want" "$dir/$name"; then
  echo "$name differs from $want:"
  diff -u "$want" "$dir/$name" | head -40
  status=1
fi
left=$(cd "$dir" && ls -A | grep -v -x -F -e "$name" -e stdout -e stderr)
if [ -n "$left" ]; then echo "files left behind: $left"; status=1; fi
exit $status
