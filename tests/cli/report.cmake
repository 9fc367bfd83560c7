# Golden tests of `careerstat report` (issue 5): the example study in each format, its
# 2016 rerun, and study-file errors.
golden_test(report_text report_text 0 report data/study.toml)
golden_test(report_md report_md 0 report data/study.toml --format md)
golden_test(report_json report_json 0 report data/study.toml --format json)
golden_test(report_english report_english 0 report data/study.toml --lang en)
golden_test(report_2016_text report_2016_text 0 report data/2016/study.toml)
set(SD tests/data/study)
golden_test(report_unknown_question report_unknown_question 1 report ${SD}/unknown_question.toml)
golden_test(report_unknown_key report_unknown_key 1 report ${SD}/unknown_key.toml)
golden_test(report_syntax report_syntax 1 report ${SD}/syntax.toml)
golden_test(report_bad_finding report_bad_finding 1 report ${SD}/bad_finding.toml)
golden_test(report_missing_file report_missing_file 2 report ${SD}/no-such-study.toml)

# A yearly rerun needs nothing but a new study file: data/2016 holds that year's exports
# and codebooks, and its study file differs from 2015's only in year and numbers invited.
add_test(NAME report.yearly_rerun
  COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/yearly_rerun.sh" $<TARGET_FILE:careerstat>
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
# -o DIR/ writes one CSV per table.
add_test(NAME report.csv_directory
  COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/report_csv_dir.sh" $<TARGET_FILE:careerstat>
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")

# The outputs shown in examples/ are what the commands print today.
add_test(NAME examples.up_to_date
  COMMAND bash "${PROJECT_SOURCE_DIR}/examples/commands.sh"
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
set_tests_properties(examples.up_to_date PROPERTIES ENVIRONMENT "CAREERSTAT=$<TARGET_FILE:careerstat>")

# A population's `platform` overrides detection, and the report's note says so; an unknown
# platform is an error naming the line.
golden_test(report_platform report_platform 0 report tests/data/study/platform.toml --lang en)
golden_test(report_platform_unknown report_platform_unknown 1 report tests/data/study/platform_unknown.toml)

# The Dutch walkthrough (issue 14), followed as a new user would in a clean folder: every
# command it shows is run, and its report is made.
add_test(NAME docs.walkthrough_nl
  COMMAND bash "${PROJECT_SOURCE_DIR}/tests/docs/walkthrough_nl.sh" $<TARGET_FILE:careerstat>
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
