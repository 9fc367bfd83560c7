#!/usr/bin/env bash
# bom_tty.sh CAREERSTAT: --bom (or bom = true in careerstat.toml) starts a file with a byte
# order mark for Excel, but never what a terminal shows. Skipped (77) without script(1).
set -u
bin=$1
command -v script >/dev/null || exit 77
fail() { echo "FAIL: $*"; exit 1; }
tty_out=$(script -qec "$bin freq data/clients.csv educ --format csv --bom" /dev/null | head -c 3 | od -An -tx1)
case $tty_out in *"ef bb bf"*) fail "a BOM on the terminal: $tty_out" ;; esac
file_out=$("$bin" freq data/clients.csv educ --format csv --bom | head -c 3 | od -An -tx1)
case $file_out in *"ef bb bf"*) ;; *) fail "no BOM in the piped output: $file_out" ;; esac
echo "1 passed, 0 failed"
