#!/usr/bin/env bash
# deb.sh BUILD_DIR: the Debian package (cmake/Packaging.cmake, issue 15) holds what it
# promises and works from where it unpacks. Makes the .deb with cpack from BUILD_DIR into a
# temporary folder, unpacks it with dpkg -x (no root, no install), and checks: the binary
# runs and says its version; the man page is there with every command; the docs and the
# Dutch walkthrough are there; the Depends name ReadStat and libxlsxwriter; and the example
# report made from /usr/share/doc/careerstat/examples has the study's 70%.
# Exit 77 (skip) without cpack, dpkg-deb or help2man's man page.
set -u
build=$(cd "${1:?usage: deb.sh BUILD_DIR}" && pwd)
fail() { echo "FAIL: $*"; exit 1; }
command -v cpack >/dev/null && command -v dpkg-deb >/dev/null || { echo "skip: no cpack or dpkg-deb"; exit 77; }
[ -f "$build/careerstat.1.gz" ] || { echo "skip: no man page (help2man missing at configure)"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/careerstat-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
cpack --config "$build/CPackConfig.cmake" -B "$work/package" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/package/careerstat_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb made"
dpkg-deb -x "$deb" "$work/root" || fail "dpkg -x"
root=$work/root
bin=$root/usr/bin/careerstat
doc=$root/usr/share/doc/careerstat
version=$("$bin" --version) || fail "the packaged binary does not run"
[ "$version" = "careerstat $(dpkg-deb -f "$deb" Version)" ] || fail "version: $version"
zcat "$root/usr/share/man/man1/careerstat.1.gz" >"$work/careerstat.1" || fail "no man page"
for cmd in codebook validate freq describe crosstab scale drivers drift trend response report convert peek; do
  grep -q "^\.SS $cmd\$" "$work/careerstat.1" || fail "the man page has no section for $cmd"
done
for f in README.md docs/study.md docs/nl/van-export-tot-rapport.md examples/study.toml \
         examples/clients.csv examples/clients.codebook.csv examples/2016/study.toml; do
  [ -f "$doc/$f" ] || fail "$f is not in /usr/share/doc/careerstat"
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libreadstat libxlsxwriter libzip libfmt; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
# The example, from the unpacked tree, as README's "three ways" says (into a folder of our own:
# the examples are inputs).
(cd "$work" && "$bin" report "$doc/examples/study.toml" -o report.md --quiet) || fail "the example report"
grep -q "70% van de ex-cliënten (35 van 50" "$work/report.md" || fail "the example report lacks its 70%"
echo "1 passed, 0 failed ($(basename "$deb"), $(du -k "$deb" | cut -f1) KiB, Depends: $depends)"
