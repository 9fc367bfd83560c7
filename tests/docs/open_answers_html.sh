#!/usr/bin/env bash
# open_answers_html.sh CAREERSTAT: the HTML report lists the open answers HTML-escaped and
# without who gave them (issue 14, section 3): the answer "<script>alert("x")</script> & more"
# is text, the respondent ids (R-7781 ...) and the e-mail addresses (not asked for) are absent.
set -u
bin=$1
fail() { echo "FAIL: $*"; exit 1; }
html=$("$bin" report tests/data/messages/open/study.toml --format html 2>/dev/null) || fail "report"
grep -qF '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more' <<<"$html" || fail "the answer is not there, escaped"
! grep -qF '<script>alert' <<<"$html" || fail "the answer is HTML"
! grep -qF 'R-778' <<<"$html" || fail "a respondent id is in the report"
! grep -qF 'example.org' <<<"$html" || fail "an e-mail address is in the report"
grep -qF 'Te duur; &quot;niet&quot; nodig' <<<"$html" || fail "the second answer is missing"
echo "1 passed, 0 failed"
