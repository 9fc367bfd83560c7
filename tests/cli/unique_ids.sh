#!/usr/bin/env bash
# Issue 8, 2.4: every table id of a report is unique (JSON consumers address tables by id;
# -o DIR/ names files after them), and the same in every language.
set -u
bin=$1 study=$2
ids() { "$bin" report "$study" --format json "$@" | grep -o '"id": "[^"]*"' | sed 's/"id": //'; }
en=$(ids --lang en) || exit 1
nl=$(ids --lang nl) || exit 1
status=0
dup=$(printf '%s\n' "$en" | sort | uniq -d)
if [ -n "$dup" ]; then echo "repeated table ids:"; echo "$dup"; status=1; fi
if [ "$en" != "$nl" ]; then echo "ids differ between --lang en and --lang nl"; status=1; fi
[ "$(printf '%s\n' "$en" | wc -l)" -ge 9 ] || { echo "too few tables"; status=1; }
exit $status
