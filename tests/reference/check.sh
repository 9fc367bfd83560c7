#!/usr/bin/env bash
# Reference test: check.sh CAREERSTAT
#
# Runs careerstat for every case in tests/reference/cases.csv (from the project root,
# args split on blanks, no quoting) and compares its JSON output with the values in
# tests/reference/expected.csv, which tests/reference/reference.R computed in R (see
# README.md there). Needs only bash and a POSIX awk (mawk, gawk, busybox awk): no R, no
# python, no jq. Prints each mismatch as
#   case table row column: got X, expected Y (source)
# then "N passed, M failed"; exits 1 if anything failed.
set -u
if [ $# -ne 1 ]; then
  echo "usage: $0 CAREERSTAT" >&2
  exit 2
fi
bin=$1
case $bin in
  /*) ;;
  */*) bin=$PWD/$bin ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
cases=$here/cases.csv
expected=$here/expected.csv
export LC_ALL=C NO_COLOR=1 # byte-wise awk everywhere; labels compare as UTF-8 bytes
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# RFC 4180 fields of one line (no line breaks inside fields) into f[1..n]; returns n.
csv_awk='
function csvsplit(line, f,    n, i, c, q, fld, len) {
  sub(/\r$/, "", line)
  n = 0; fld = ""; q = 0; len = length(line)
  for (i = 1; i <= len; i++) {
    c = substr(line, i, 1)
    if (q) {
      if (c == "\"") {
        if (substr(line, i + 1, 1) == "\"") { fld = fld "\""; i++ } else q = 0
      } else fld = fld c
    } else if (c == "\"") q = 1
    else if (c == ",") { f[++n] = fld; fld = "" }
    else fld = fld c
  }
  f[++n] = fld
  return n
}'

# A small JSON parser: flattens careerstat-tables/1 into
#   table_id TAB row_key TAB column TAB type TAB value
# with type n (number), s (string), null, or absent; each row is listed under its
# label and, when different, under its variable name.
json_awk='
function fail(msg) { printf "JSON parse error at byte %d: %s\n", pos, msg > "/dev/stderr"; bad = 1; exit 1 }
function ws() { while (pos <= len && index(" \t\r\n", substr(s, pos, 1)) > 0) pos++ }
function hexval(h,    i, v) {
  v = 0
  for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789abcdef", tolower(substr(h, i, 1))) - 1
  return v
}
function utf8(cp) {
  if (cp < 128) return sprintf("%c", cp)
  if (cp < 2048) return sprintf("%c%c", 192 + int(cp / 64), 128 + cp % 64)
  if (cp < 65536) return sprintf("%c%c%c", 224 + int(cp / 4096), 128 + int(cp / 64) % 64, 128 + cp % 64)
  return sprintf("%c%c%c%c", 240 + int(cp / 262144), 128 + int(cp / 4096) % 64,
                 128 + int(cp / 64) % 64, 128 + cp % 64)
}
function str(    out, c, e, cp, lo) {
  if (substr(s, pos, 1) != "\"") fail("string expected")
  pos++; out = ""
  while (1) {
    if (pos > len) fail("unterminated string")
    c = substr(s, pos, 1); pos++
    if (c == "\"") break
    if (c != "\\") { out = out c; continue }
    e = substr(s, pos, 1); pos++
    if (e == "n" || e == "r" || e == "t") out = out " "   # keys are single-line
    else if (e == "b") out = out sprintf("%c", 8)
    else if (e == "f") out = out sprintf("%c", 12)
    else if (e == "u") {
      cp = hexval(substr(s, pos, 4)); pos += 4
      if (cp >= 55296 && cp < 56320 && substr(s, pos, 2) == "\\u") {
        lo = hexval(substr(s, pos + 2, 4)); pos += 6
        cp = 65536 + (cp - 55296) * 1024 + (lo - 56320)
      }
      out = out utf8(cp)
    } else out = out e                                       # \" \\ \/
  }
  return out
}
function value(path,    c, key, i, tok) {
  ws(); c = substr(s, pos, 1)
  if (c == "{") {
    pos++; ws()
    if (substr(s, pos, 1) == "}") { pos++; return }
    while (1) {
      ws(); key = str(); ws()
      if (substr(s, pos, 1) != ":") fail("colon expected")
      pos++
      value(path "." key); ws(); c = substr(s, pos, 1); pos++
      if (c == "}") return
      if (c != ",") fail("comma or } expected")
    }
  } else if (c == "[") {
    pos++; ws()
    if (substr(s, pos, 1) == "]") { pos++; return }
    for (i = 0; ; i++) {
      value(path "[" i "]"); ws(); c = substr(s, pos, 1); pos++
      if (c == "]") return
      if (c != ",") fail("comma or ] expected")
    }
  } else if (c == "\"") {
    val[path] = str(); typ[path] = "s"
  } else {
    tok = ""
    while (pos <= len && index(",]} \t\r\n", substr(s, pos, 1)) == 0) { tok = tok substr(s, pos, 1); pos++ }
    if (tok == "") fail("value expected")
    val[path] = tok
    if (tok == "null") typ[path] = "null"
    else if (tok ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/) typ[path] = "n"
    else typ[path] = "other"
  }
}
{ s = s $0 "\n" }
END {
  if (bad) exit 1
  len = length(s); pos = 1
  value(""); ws()
  if (pos <= len) fail("trailing data")
  for (t = 0; (".tables[" t "].id") in val; t++) {
    tid = val[".tables[" t "].id"]
    for (r = 0; (".tables[" t "].rows[" r "].kind") in val; r++) {
      rp = ".tables[" t "].rows[" r "]"
      nk = 0
      if (typ[rp ".label"] == "s") keys[++nk] = val[rp ".label"]
      if (typ[rp ".variable"] == "s" && (nk == 0 || val[rp ".variable"] != keys[1]))
        keys[++nk] = val[rp ".variable"]
      for (c = 0; (".tables[" t "].columns[" c "].name") in val; c++) {
        col = val[".tables[" t "].columns[" c "].name"]
        p = rp "." col
        if (p in val) { ty = typ[p]; v = val[p] } else { ty = "absent"; v = "" }
        for (k = 1; k <= nk; k++) printf "%s\t%s\t%s\t%s\t%s\n", tid, keys[k], col, ty, v
      }
    }
  }
}'

compare_awk='
BEGIN { FS = "\t" }
FILENAME == casesfile { ncase++; caselist[ncase] = $1; next }
FILENAME == failfile { failed[$1] = $2; next }
FILENAME == gotfile {
  k = $1 SUBSEP $2 SUBSEP $3 SUBSEP $4
  cnt[k]++; gtyp[k] = $5; gval[k] = $6
  tseen[$1 SUBSEP $2] = 1; rseen[$1 SUBSEP $2 SUBSEP $3] = 1
  next
}
FNR == 1 { next }  # expected.csv header
{
  n = csvsplit($0, f)
  if (n != 7) { printf "expected.csv line %d: %d fields, want 7\n", FNR, n; nfail++; next }
  cs = f[1]; tb = f[2]; rw = f[3]; cl = f[4]; ex = f[5] + 0; tol = f[6] + 0; src = f[7]
  checked[cs]++
  where = cs " " tb " " rw " " cl ": "
  k = cs SUBSEP tb SUBSEP rw SUBSEP cl
  msg = ""
  if (cs in failed) msg = "careerstat failed: " failed[cs]
  else if (!(k in cnt)) {
    if (!((cs SUBSEP tb) in tseen)) msg = "no table " tb " in the output"
    else if (!((cs SUBSEP tb SUBSEP rw) in rseen)) msg = "no row labelled \"" rw "\""
    else msg = "no column " cl
  } else if (cnt[k] > 1) msg = "row label \"" rw "\" matches " cnt[k] " rows"
  else if (gtyp[k] != "n") {
    msg = "got " (gtyp[k] == "s" ? "\"" gval[k] "\"" : gtyp[k] == "other" ? gval[k] : gtyp[k]) ", expected " f[5]
  } else {
    d = gval[k] - ex
    if (d < 0) d = -d
    if (!(d <= tol)) msg = "got " gval[k] ", expected " f[5]
  }
  if (msg == "") { npass++; next }
  if (msg !~ /^got /) msg = msg ", expected " f[5]
  printf "%s%s (%s)\n", where, msg, src
  nfail++
}
END {
  for (i = 1; i <= ncase; i++)
    if (!(caselist[i] in checked)) { printf "%s: no expected values in expected.csv\n", caselist[i]; nfail++ }
  printf "%d passed, %d failed\n", npass + 0, nfail + 0
  exit (nfail > 0 || npass == 0) ? 1 : 0
}'

# cases.csv -> case TAB args
if ! awk "$csv_awk"'
  FNR == 1 { next }
  /^[ \t\r]*$/ { next }
  { n = csvsplit($0, f); if (n != 2 || f[1] == "") { print "cases.csv line " FNR ": want case,args" > "/dev/stderr"; exit 1 }
    printf "%s\t%s\n", f[1], f[2] }' "$cases" >"$tmp/cases.tsv"; then
  exit 2
fi

: >"$tmp/got.tsv"
: >"$tmp/failed.tsv"
while IFS=$'\t' read -r name args; do
  read -r -a argv <<<"$args"
  "$bin" "${argv[@]}" >"$tmp/out.json" 2>"$tmp/err.txt" </dev/null
  code=$?
  if [ "$code" -ne 0 ]; then
    printf '%s\texit code %d: %s\n' "$name" "$code" "$(head -n 1 "$tmp/err.txt" | tr '\t' ' ')" >>"$tmp/failed.tsv"
    continue
  fi
  if ! awk "$json_awk" "$tmp/out.json" >"$tmp/flat.tsv" 2>"$tmp/err.txt"; then
    printf '%s\t%s\n' "$name" "$(head -n 1 "$tmp/err.txt" | tr '\t' ' ')" >>"$tmp/failed.tsv"
    continue
  fi
  awk -v name="$name" '{ print name "\t" $0 }' "$tmp/flat.tsv" >>"$tmp/got.tsv"
done <"$tmp/cases.tsv"

awk -v casesfile="$tmp/cases.tsv" -v failfile="$tmp/failed.tsv" -v gotfile="$tmp/got.tsv" \
  "$csv_awk$compare_awk" "$tmp/cases.tsv" "$tmp/failed.tsv" "$tmp/got.tsv" "$expected"
