# Banner tables (issue 10): crosstab, freq/describe --by, every format, small bases,
# suppression and the mistakes a user makes. Expected letters and tests:
# tests/data/banner/EXPECTED.md (hand-worked and R 4.2); tests/unit/test_banner.cpp
# checks the same numbers as assertions.
set(G tests/data/banner/groups.csv)
golden_test(crosstab_help crosstab_help 0 crosstab --help)
golden_test(crosstab_text crosstab_text 0 crosstab ${G} answer score --by team --sig 0.05,0.10)
golden_test(crosstab_json crosstab_json 0 crosstab ${G} answer --by team --by region --format json)
golden_test(crosstab_csv crosstab_csv 0 crosstab ${G} answer --by team --sig 0.05,0.10 --format csv)
golden_test(crosstab_bands crosstab_bands 0 crosstab ${G} answer --by score:-5.9,6-6.9,7- --adjust holm)
golden_test(crosstab_md crosstab_md 0 crosstab ${G} answer --by team --format md)
golden_test(freq_by freq_by 0 freq data/clients.csv initiative barrier --by educ --min-base 10)
golden_test(describe_by describe_by 0 describe data/clients.csv relation outcome --by educ --min-base 10)
golden_test(crosstab_suppress crosstab_suppress 0 crosstab data/clients.csv initiative --by bureau --suppress 3 --min-base 5 --hide-below 5)
golden_test(crosstab_narrow crosstab_narrow 0 crosstab data/clients.csv initiative --by bureau --by educ --min-base 5)
set_tests_properties(cli.crosstab_narrow PROPERTIES ENVIRONMENT "GOLDEN_DIR=${GOLDEN_DIR};GOLDEN_COLUMNS=70")
golden_test(crosstab_no_by crosstab_no_by 2 crosstab ${G} answer)
golden_test(crosstab_by_unknown crosstab_by_unknown 2 crosstab ${G} answer --by teams)
golden_test(crosstab_by_number crosstab_by_number 2 crosstab ${G} answer --by score)
golden_test(crosstab_bad_bands crosstab_bad_bands 2 crosstab ${G} answer --by score:7-5)
golden_test(crosstab_bad_sig crosstab_bad_sig 2 crosstab ${G} answer --by team --sig 0.1,0.05)
# Weighted: tests on effective bases (Kish). With --sig 0.2, R's prop.test(c(p1*n1, p2*n2),
# c(n1, n2), correct = FALSE) on weighted shares and n = (sum w)^2 / sum w^2 per column
# gives p = 0.1846 (vroeg: MBO > WO), 0.1983 (op tijd: HBO > MBO), 0.1650 (zeer laat:
# WO > HBO) and no other pair below 0.2: letters C, A and B (tests/data/banner/EXPECTED.md).
golden_test(crosstab_weighted crosstab_weighted 0 crosstab tests/data/weighted/clients_w.csv initiative --by educ --weight w --min-base 5 --sig 0.2)
# A new user's trial: a question by itself, a banner twice, a gap between bands (its
# respondents are counted in a note), a negative --suppress.
golden_test(crosstab_by_itself crosstab_by_itself 2 crosstab ${G} answer --by answer)
golden_test(crosstab_by_twice crosstab_by_twice 2 crosstab ${G} answer --by team --by team)
golden_test(crosstab_band_gap crosstab_band_gap 0 crosstab ${G} answer --by score:-5.9,7- --format md)
golden_test(crosstab_suppress_negative crosstab_suppress_negative 2 crosstab ${G} answer --by team --suppress -1)
