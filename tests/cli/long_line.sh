#!/usr/bin/env bash
# long_line.sh CAREERSTAT COMMAND [ARGS...]: runs COMMAND on a file whose second line is
# longer than the reader's 16 MiB limit (made here, so git does not keep 17 MB), and checks
# the one-line error against tests/golden/COMMAND_long_line.{out,err}.
set -u
bin=$1 cmd=$2
shift 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
f="$dir/long.csv"
{ printf 'id,educ,comment\n1,2,'; head -c 17000000 /dev/zero | tr '\0' 'x'; printf '\n'; } >"$f"
# The file name differs per run: compare the message with the name replaced.
out=$("$bin" "$cmd" "$f" "$@" 2>&1 >/dev/null)
code=$?
msg=${out//$f/long.csv}
want=$(cat "${GOLDEN_DIR:?}/${cmd}_long_line.err")
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then printf '%s\n' "$msg" >"$GOLDEN_DIR/${cmd}_long_line.err"; exit 0; fi
[ "$code" = 1 ] || { echo "exit code $code, expected 1"; exit 1; }
[ "$msg" = "$want" ] || { echo "got:  $msg"; echo "want: $want"; exit 1; }
