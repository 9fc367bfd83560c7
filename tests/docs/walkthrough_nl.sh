#!/usr/bin/env bash
# walkthrough_nl.sh CAREERSTAT: follows docs/nl/van-export-tot-rapport.md as a new user
# would, in a clean folder: its toml blocks become the files the text names, its sh blocks
# are run line by line, and the steps the text asks of the user by hand (copying the
# example files, putting the 2016 export in place, changing the year) are done here.
set -u
bin=$1
root=$(pwd)
doc=$root/docs/nl/van-export-tot-rapport.md
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir "$dir/bin" && ln -s "$bin" "$dir/bin/careerstat"
export PATH="$dir/bin:$PATH" HOME="$dir/home" XDG_CONFIG_HOME="$dir/home/.config"
cd "$dir/work" 2>/dev/null || { mkdir "$dir/work" && cd "$dir/work"; }
# Step 1, by hand: the example's files into the folder.
cp "$root"/data/clients.csv "$root"/data/employers.csv "$root"/data/clients.codebook.csv \
   "$root"/data/employers.codebook.csv .
# The blocks, in order: "toml" or "sh", then the text, separated by NUL.
python3 - "$doc" >"$dir/blocks" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for kind, body in re.findall(r"```(toml|sh)\n(.*?)```", text, re.S):
    sys.stdout.write(kind + "\n" + body + "\0")
PY
n=0 tomls=0
while IFS= read -r -d '' block; do
  n=$((n + 1))
  kind=${block%%$'\n'*}
  body=${block#*$'\n'}
  if [ "$kind" = toml ]; then
    tomls=$((tomls + 1))
    case $tomls in
      1) printf '%s' "$body" >careerstat.toml ;;
      2) printf '%s' "$body" >studie.toml ;;
      *) fail "block $n: a toml block the test does not know where to put" ;;
    esac
    continue
  fi
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    if [[ $line == *"2016/studie.toml -o"* ]]; then
      # Step 7, by hand: the 2016 export in place, the year and the invited changed.
      cp "$root/data/2016/clients.csv" 2016/clients.csv
      sed -i -e 's/^year = 2015/year = 2016/' -e 's/^invited = 90/invited = 110/' 2016/studie.toml
    fi
    echo "\$ $line"
    eval "$line" >"$dir/out" 2>"$dir/err" || { cat "$dir/err"; fail "block $n: \"$line\" exited $?"; }
  done <<<"$body"
done <"$dir/blocks"
[ "$tomls" = 2 ] || fail "$tomls toml blocks, expected 2"
[ -s drempels.csv ] || fail "no drempels.csv"
head -c 3 drempels.csv | od -An -tx1 | grep -q "ef bb bf" || fail "drempels.csv has no BOM (careerstat.toml)"
grep -q ';' drempels.csv || fail "drempels.csv is not ';'-separated (careerstat.toml)"
grep -q 'ex-cliënten' rapport.html || fail "rapport.html names no ex-cliënten"
grep -q '2016' 2016/rapport.html || fail "2016/rapport.html is not the 2016 report"
[ -s concept.codebook.csv ] || fail "no draft codebook"
echo "1 passed, 0 failed ($n blocks)"
