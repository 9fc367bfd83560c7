# The file safety rules of -o (src/cli/output.hpp): inputs are never written to, an
# existing file is replaced only with --force, devices and FIFOs are written, not renamed
# over, table files get distinct names, write errors are reported, and a signal leaves no
# temporary file. Each case of output.sh works on copies in a temporary folder.
foreach(case input_export input_report input_response input_stdin input_directory fifo
             devnull exists_file exists_codebook exists_directory stdout_dash collide dev_full)
  add_test(NAME cli.out_${case}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/output.sh" ${case} $<TARGET_FILE:careerstat>
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  set_tests_properties(cli.out_${case} PROPERTIES ENVIRONMENT "GOLDEN_DIR=${GOLDEN_DIR}"
    TIMEOUT 30)
endforeach()

# Killed while writing: skipped (77) when the run ends before the signal can arrive.
foreach(sig TERM INT)
  add_test(NAME cli.out_signal_${sig}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/output_signal.sh" ${sig} $<TARGET_FILE:careerstat>
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  set_tests_properties(cli.out_signal_${sig} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 30)
endforeach()

# --long (issue 14, section 4): one tidy record per statistic, for scripts; the row's kind
# and the variable and code columns name each row, never a translated label alone.
golden_test(long_freq long_freq 0 freq data/clients.csv educ barrier --long)
golden_test(long_freq_tsv_nl long_freq_tsv_nl 0 freq data/clients.csv educ --long --format tsv --locale nl)
golden_test(long_crosstab long_crosstab 0 crosstab data/clients.csv initiative --by bureau --long)
golden_test(long_report long_report 0 report data/study.toml --long)
golden_test(long_json long_json 2 freq data/clients.csv --long --format json)

# --quiet: notes go (the Microsoft Forms note of the draft), warnings stay.
golden_test(quiet_notes quiet_notes 0 codebook tests/data/xlsx_in/msforms.xlsx --quiet)
golden_test(quiet_warning quiet_warning 0 freq data/clients.csv educ --where educ=1 --where educ=2 --quiet)

# Messages that help (issue 14, section 2): the nearest names for an unknown one, choices
# written with commas named once, a problem repeated in a column listed three times.
set(MSG tests/data/messages)
golden_test(msg_validate_repeated msg_validate_repeated 1 validate ${MSG}/repeated.csv)
golden_test(msg_validate_repeated_all msg_validate_repeated_all 1 validate ${MSG}/repeated.csv --all)
golden_test(msg_choices_commas msg_choices_commas 1 freq ${MSG}/commas.csv)
golden_test(msg_name_case msg_name_case 2 freq data/clients.csv Grade)
golden_test(msg_name_label_word msg_name_label_word 2 freq data/clients.csv kosten)
golden_test(msg_name_prefix msg_name_prefix 2 crosstab data/clients.csv barr --by bureau)
golden_test(msg_where_typo msg_where_typo 2 describe data/clients.csv --where eduk=1)
# A draft for Dutch Excel: ';' between fields and a BOM (issue 14, section 2).
golden_test(codebook_nl_bom codebook_nl_bom 0 codebook data/employers.csv --locale nl --bom)

# careerstat.toml (issue 14, section 1): its locale and bom stand until an option says
# otherwise; a bad value is one line with its file and line.
golden_test(defaults_file defaults_file 0 freq data/clients.csv educ --format csv)
golden_test(defaults_file_overridden defaults_file_overridden 0 freq data/clients.csv educ --format csv --locale en)
golden_test(defaults_file_bad defaults_file_bad 2 freq data/clients.csv educ)
set_tests_properties(cli.defaults_file cli.defaults_file_overridden PROPERTIES ENVIRONMENT
  "GOLDEN_DIR=${GOLDEN_DIR};CAREERSTAT_CONFIG=tests/data/messages/defaults.toml")
set_tests_properties(cli.defaults_file_bad PROPERTIES ENVIRONMENT
  "GOLDEN_DIR=${GOLDEN_DIR};CAREERSTAT_CONFIG=tests/data/messages/defaults_bad.toml")

# careerstat's words follow --lang, then the study's language, then LC_ALL, LC_MESSAGES or
# LANG (issue 14, section 1), then English.
golden_test(env_lang_nl env_lang_nl 0 freq data/clients.csv educ)
golden_test(env_lang_overridden env_lang_overridden 0 freq data/clients.csv educ --lang en)
set_tests_properties(cli.env_lang_nl cli.env_lang_overridden PROPERTIES ENVIRONMENT
  "GOLDEN_DIR=${GOLDEN_DIR};GOLDEN_LANG=nl_NL.UTF-8")

# --bom never reaches a terminal (a pseudo-terminal from script(1)); a pipe still gets it.
add_test(NAME cli.bom_not_on_terminal
  COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/bom_tty.sh" $<TARGET_FILE:careerstat>
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
set_tests_properties(cli.bom_not_on_terminal PROPERTIES SKIP_RETURN_CODE 77)
