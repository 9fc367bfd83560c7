#!/usr/bin/env bash
# Writes careerstat's man page from its --help (help2man), with a COMMANDS section made of
# every command's own --help:   scripts/manpage.sh CAREERSTAT OUT.1
set -euo pipefail
bin=$1
out=$2
include=$(mktemp)
trap 'rm -f "$include"' EXIT
{
  echo "[COMMANDS]"
  for cmd in $("$bin" --help | awk '/^(Subcommands|Opdrachten):/ {on = 1; next} on && NF {print $1}'); do
    echo ".SS $cmd"
    echo ".nf"
    # roff: a leading dot or quote would start a request; backslashes are escapes.
    env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 "$bin" "$cmd" --help --lang en | sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"
    echo ".fi"
  done
  cat <<'SEE'
[SEE ALSO]
The documentation in /usr/share/doc/careerstat (docs/, and docs/nl/ in Dutch) and the
example study in /usr/share/doc/careerstat/examples: careerstat report
/usr/share/doc/careerstat/examples/study.toml -o report.html
SEE
} >"$include"
env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 help2man --no-info --no-discard-stderr --section 1 \
  --name "survey analysis for career-guidance research" --include "$include" \
  --output "$out" "$bin"
