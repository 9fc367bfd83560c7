#!/usr/bin/env bash
# Render the example report to HTML and check it in headless Chromium (check_report.py).
#
# Usage: tests/browser/report_in_chromium.sh CAREERSTAT
# It renders data/study.toml from the project root (wherever it is started).
#
# Exit 0 when the page passes, 1 when it does not, 77 (a ctest skip) when chromium or
# python3 is missing (Debian: apt-get install chromium python3).
# Screenshots go to a temporary directory that is removed afterwards; set KEEP_SHOTS=DIR to
# keep them there, or UPDATE_SCREENSHOT=1 to copy the desktop one to
# docs/report-screenshot.png (the README's picture). CHROMIUM=path picks another browser.
set -u

careerstat=${1:?usage: report_in_chromium.sh CAREERSTAT}
case $careerstat in /*) ;; */*) careerstat=$PWD/$careerstat ;; esac
keep=${KEEP_SHOTS:-}
case $keep in ''|/*) ;; *) keep=$PWD/$keep ;; esac
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
chromium=${CHROMIUM:-chromium}

if ! command -v "$chromium" >/dev/null 2>&1; then
  echo "skip: $chromium not found (apt-get install chromium)"
  exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "skip: python3 not found"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/careerstat-browser.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# From the project root with a relative path, as a user types it: the report names the data
# files, and the README's screenshot should not show this machine's directories.
cd "$root" || exit 1
"$careerstat" report data/study.toml -o "$work/report.html"
rendered=$?
if [ "$rendered" -ne 0 ]; then
  echo "FAIL careerstat report exited with status $rendered"
  exit 1
fi

python3 "$here/check_report.py" "$work/report.html" --shots "$work/shots" --chromium "$chromium" \
  --study data/study.toml
status=$?

if [ -n "$keep" ] && [ -d "$work/shots" ]; then
  mkdir -p "$keep" && cp "$work"/shots/*.png "$work"/shots/*.pdf "$work/report.html" "$keep"/
  echo "screenshots kept in $keep"
fi
if [ "$status" -eq 0 ] && [ "${UPDATE_SCREENSHOT:-0}" = 1 ]; then
  cp "$work/shots/desktop.png" "$root/docs/report-screenshot.png"
  echo "updated docs/report-screenshot.png"
fi
exit "$status"
