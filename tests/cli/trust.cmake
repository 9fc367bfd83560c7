# Issue 8, "Numbers and files you can trust": each defect a tester found, as a golden test
# that failed before its fix. Fixtures are under tests/data/trust/.
set(TR tests/data/trust)

# 1.1 Option columns coded four ways (and with an explicit `selected` column) give the same
# counts: 4, 7 and 7 of a base of 10, counted from the fixture generator's rows.
foreach(f niet_gekozen ja_nee y_blank bare01 selected_column)
  golden_test(trust_multi_${f} trust_multi 0 freq ${TR}/multi_${f}.csv --format json)
endforeach()
golden_test(trust_multi_ambiguous trust_multi_ambiguous 1
  freq ${TR}/multi_bare01.csv --codebook ${TR}/multi_ambiguous.codebook.csv)

# 1.2 --where on an option column (str_fresh: 15 selected, 10 not, 2 blank in
# data/employers.csv, counted with Python's csv module) and on a one-column multi-select
# (8 of the forms fixture's 15 rows hold "Kosten").
golden_test(trust_where_option_1 trust_where_option_1 0 freq data/employers.csv sector --where str_fresh=1)
golden_test(trust_where_option_0 trust_where_option_0 0 freq data/employers.csv sector --where str_fresh=0)
golden_test(trust_where_mask trust_where_mask 0
  freq tests/data/forms/forms.csv "Wat hield je tegen?" --where "Wat hield je tegen?=Kosten")

# 1.3 The report applies the codebook's weight column, as freq does (and says so).
golden_test(trust_report_weighted trust_report_weighted 0 report ${TR}/weighted_study.toml)
golden_test(trust_freq_weighted trust_freq_weighted 0 freq tests/data/weighted/clients_w.csv initiative --population 90)

# 1.4 Rows that hold only delimiters are not respondents: 5 returns, not 8.
golden_test(trust_empty_rows_response trust_empty_rows_response 0 response ${TR}/empty_rows.csv --invited 10)
golden_test(trust_empty_rows_freq trust_empty_rows_freq 0 freq ${TR}/empty_rows.csv educ)
golden_test(trust_empty_rows_validate trust_empty_rows_validate 0 validate ${TR}/empty_rows.csv)

# 1.6 Line ends: a lone CR after a closing quote, an old-Mac CR-only file, a final CR.
golden_test(trust_lone_cr trust_lone_cr 0 freq ${TR}/lone_cr.csv --format json)
golden_test(trust_mac_cr trust_mac_cr 0 freq ${TR}/mac_cr.csv --format json)

# 1.7 Degenerate intervals: 3 promoters (adjusted Wald, not [100, 100]); every grade the
# same (no interval, and a note); an AAPOR sample of unknown eligibility (no "e = nan").
golden_test(trust_degenerate trust_degenerate 0 describe ${TR}/degenerate.csv)
golden_test(trust_unknown_eligibility trust_unknown_eligibility 0
  response --sample ${TR}/unknown_eligibility.sample.csv)

# 1.8 invited below the returns in a study file; NaN options.
golden_test(trust_report_invited_too_small trust_report_invited_too_small 2
  report tests/data/study/invited_too_small.toml)
golden_test(trust_level_nan trust_level_nan 2 freq data/clients.csv educ --level nan)
golden_test(trust_population_nan trust_population_nan 2 freq data/clients.csv educ --population nan)
golden_test(trust_describe_level_nan trust_describe_level_nan 2 describe data/clients.csv grade --level nan)
golden_test(trust_report_level_nan trust_report_level_nan 2 report data/study.toml --level nan)

# 1.9 Extreme numbers: answers above 2^31 and near 1e308 (finite mean and SD), weights of
# 1e308 (refused with one line).
golden_test(trust_extreme trust_extreme 0 describe ${TR}/extreme.csv --format json)
golden_test(trust_huge_weight trust_huge_weight 1 freq ${TR}/huge_weight.csv educ)

# 1.10 A header with the same column name twice.
golden_test(trust_duplicate_header trust_duplicate_header 1 freq ${TR}/duplicate_header.csv grade)

# 3. The crash: a CR after a closing quote as the last byte of the reader's first block.
add_test(NAME cli.trust_block_boundary_cr
  COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/block_boundary_cr.sh" $<TARGET_FILE:careerstat>
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")

# 2.4 Table ids are unique and the same in every language.
add_test(NAME cli.trust_unique_ids
  COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/unique_ids.sh" $<TARGET_FILE:careerstat> ${TR}/ids_study.toml
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
