# Waves (issue 12): careerstat trend on the fixture of tests/data/trend/ (whose numbers
# tests/unit/test_trend.cpp checks against R) and on the example study's three waves; a
# trend that leaves out a question whose codes changed meaning (status; the example's
# reworded relation), the report's trend section, and the mistakes a user makes.
set(T tests/data/trend)
golden_test(trend_help trend_help 0 trend --help)
golden_test(trend_text trend_text 0 trend ${T}/w2022/study.toml)
golden_test(trend_files_csv trend_files_csv 0 trend ${T}/w2021/study.toml ${T}/w2022/study.toml ${T}/w2020/study.toml -q stage,grade --format csv)
golden_test(trend_json trend_json 0 trend ${T}/w2022/study.toml -q status,reasons --min-base 30 --format json)
golden_test(trend_report trend_report 0 report ${T}/w2022/study.toml)
golden_test(trend_example trend_example 0 trend data/2017/study.toml -q initiative,relation,mgmt_adviser --lang en --no-drift)
golden_test(trend_example_nl trend_example_nl 0 trend data/study.toml data/2016/study.toml data/2017/study.toml -q grade --format md)
# Mistakes: one wave, two waves of one year, an unknown question, a mapping with a code
# the old codebook does not have.
golden_test(trend_one_wave trend_one_wave 2 trend ${T}/w2021/study.toml)
golden_test(trend_same_year trend_same_year 2 trend ${T}/w2021/study.toml ${T}/w2021/study.toml)
golden_test(trend_unknown_question trend_unknown_question 1 trend ${T}/w2022/study.toml -q stages)
golden_test(trend_bad_recode trend_bad_recode 1 trend ${T}/bad_recode.study.toml)
