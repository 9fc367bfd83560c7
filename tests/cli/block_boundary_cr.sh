#!/usr/bin/env bash
# Issue 8, section 3: a CRLF export whose CR after a closing quote is the last byte of the
# reader's first 1 MiB block. It read one byte past the buffer (AddressSanitizer:
# heap-buffer-overflow in RecordReader::next) and then claimed "binary data". Made at test
# time (1 MiB is too big to keep in git): `validate` must read its one record.
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir/r.csv" <<'PY' || { echo "python3 is needed" >&2; exit 77; }
import sys
K = 1 << 20
open(sys.argv[1], 'wb').write(b'a\r\n' + b'\n' * (K - 7) + b'"x"\r\n')
PY
printf 'variable,label,type,choices,missing,group,reverse,question\na,A,single,x,,,,\n' >"$dir/r.codebook.csv"
out=$("$bin" validate "$dir/r.csv" 2>&1)
code=$?
expected="careerstat: 1 rows of $dir/r.csv agree with $dir/r.codebook.csv"
if [ "$code" != 0 ] || [ "$out" != "$expected" ]; then
  echo "exit $code, output:"; echo "$out"; echo "expected: $expected"
  exit 1
fi
