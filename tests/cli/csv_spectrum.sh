#!/usr/bin/env bash
# csv_spectrum.sh CAREERSTAT DIR: every file of the csv-spectrum suite (a public CSV parser
# test suite: DIR/csvs/*.csv and the records each should give in DIR/json/*.json) read by
# `careerstat peek --format json -n 0` must give those records. Skipped (77) when DIR is
# absent: the suite lives outside this repository (../shared/realworld/csv-spectrum).
# Where the suite itself is wrong, the comparison says so:
#  - location_coordinates.json is an object, not an array, and its phone number differs
#    from the CSV's (a known flaw of the suite): only the other fields are compared.
#  - careerstat reads a CRLF inside a quoted field as LF (docs/output.md, "peek"): the
#    suite's "\r\n" is compared as "\n". (The copies of newlines_crlf.csv and empty_crlf.csv
#    at hand hold LF only, as git stored them, so this is also what the files say.)
set -u
bin=$1 dir=$2
[ -d "$dir/csvs" ] || { echo "no csv-spectrum suite at $dir: skipped"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is needed"; exit 77; }
python3 - "$bin" "$dir" <<'PY'
import json, os, subprocess, sys
bin, d = sys.argv[1], sys.argv[2]
failed = passed = 0
for name in sorted(os.listdir(os.path.join(d, "csvs"))):
    stem = name[:-4]
    expected = json.load(open(os.path.join(d, "json", stem + ".json"), encoding="utf-8"))
    r = subprocess.run([bin, "peek", os.path.join(d, "csvs", name), "-n", "0", "--format", "json"],
                       capture_output=True)
    if r.returncode != 0:
        print(f"{name}: exit {r.returncode}: {r.stderr.decode(errors='replace').strip()}")
        failed += 1
        continue
    got = json.loads(r.stdout.decode("utf-8"))["records"]
    if isinstance(expected, dict):  # the suite's flaw: one object instead of an array
        expected = [expected]
        if stem == "location_coordinates":
            for rec in expected + got:
                rec.pop("Contact Phone Number", None)
    expected = [{k: v.replace("\r\n", "\n") for k, v in rec.items()} for rec in expected]
    if got == expected:
        passed += 1
    else:
        failed += 1
        print(f"{name}: got {got!r}\n  expected {expected!r}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
