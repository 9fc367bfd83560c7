# careerstat's messages in Dutch and English (issue 14, section 1): one golden per class of
# message and language, chosen by --lang. Classes: CLI11's parse errors, an input that cannot
# be opened, an output refused, an unknown question (with its nearest names), a problem in the
# data (file:line: column), a problem in the codebook, a problem in a study file, a warning, a
# note, and a command's --help.
foreach(lang en nl)
  golden_test(msgs_${lang}_cli11 msgs_${lang}_cli11 2 freq data/clients.csv --nonsense --lang ${lang})
  golden_test(msgs_${lang}_no_input msgs_${lang}_no_input 2 freq tests/data/no_such_export.csv --lang ${lang})
  golden_test(msgs_${lang}_output_refused msgs_${lang}_output_refused 2 freq data/clients.csv educ -o data/clients.csv --lang ${lang})
  golden_test(msgs_${lang}_unknown_question msgs_${lang}_unknown_question 2 freq data/clients.csv kosten --lang ${lang})
  golden_test(msgs_${lang}_data msgs_${lang}_data 1 freq tests/data/bad/problems.csv --lang ${lang})
  golden_test(msgs_${lang}_codebook msgs_${lang}_codebook 1 freq tests/data/messages/commas.csv --lang ${lang})
  golden_test(msgs_${lang}_study msgs_${lang}_study 1 report tests/data/study/unknown_question.toml --lang ${lang})
  golden_test(msgs_${lang}_warning msgs_${lang}_warning 0 freq data/clients.csv educ --where educ=1 --where educ=2 --lang ${lang})
  golden_test(msgs_${lang}_note msgs_${lang}_note 0 codebook tests/data/xlsx_in/msforms.xlsx --lang ${lang})
  golden_test(msgs_${lang}_help msgs_${lang}_help 0 freq --help --lang ${lang})
  golden_test(msgs_${lang}_validate msgs_${lang}_validate 1 validate tests/data/messages/repeated.csv --lang ${lang})
endforeach()
# The study's language counts when neither --lang nor a defaults file chose one; the
# environment's, when the study has none.
golden_test(msgs_study_language msgs_study_language 1 report tests/data/messages/study_nl.toml)
golden_test(msgs_env_lang msgs_env_lang 2 freq data/clients.csv kosten)
set_tests_properties(cli.msgs_env_lang PROPERTIES ENVIRONMENT
  "GOLDEN_DIR=${GOLDEN_DIR};GOLDEN_LANG=nl_NL.UTF-8")

# Every msg()/msgf() key in src/ has its Dutch, with the same fmt fields (python3; skipped
# without it).
find_program(PYTHON3 python3)
if(PYTHON3)
  add_test(NAME docs.messages_translated
    COMMAND "${PYTHON3}" "${PROJECT_SOURCE_DIR}/scripts/check_messages.py")
endif()

# The yearly rerun (issue 14, section 2): a codebook not copied beside the new export is
# taken from the population of the latest earlier [[wave]], with a note; without a wave the
# message names the path tried and how to point at last year's codebook.
golden_test(msgs_rerun_from_wave msgs_rerun_from_wave 0 report tests/data/messages/rerun/study.toml --format md)
golden_test(msgs_rerun_no_codebook msgs_rerun_no_codebook 2 report tests/data/messages/rerun/no_wave.toml)

# The report's reader sees no option name and no docs path, in HTML and Markdown, for the
# example study's three years and a study without invited (issue 14, section 1).
if(PYTHON3)
  add_test(NAME docs.report_reader_words
    COMMAND "${PYTHON3}" "${PROJECT_SOURCE_DIR}/tests/docs/report_reader_words.py"
            $<TARGET_FILE:careerstat> data/study.toml data/2016/study.toml data/2017/study.toml
            tests/data/messages/rerun/study.toml
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
endif()

# Open answers (issue 14, section 3): listed per question as given, escaped, without ids; a
# named question that is not a text question, or that no codebook has, is an error with
# the study file's line.
set(OPEN tests/data/messages/open)
golden_test(open_answers_md open_answers_md 0 report ${OPEN}/study.toml --format md)
golden_test(open_answers_not_text open_answers_not_text 1 report ${OPEN}/not_text.toml)
golden_test(open_answers_unknown open_answers_unknown 1 report ${OPEN}/unknown.toml)
add_test(NAME docs.open_answers_html
  COMMAND bash "${PROJECT_SOURCE_DIR}/tests/docs/open_answers_html.sh" $<TARGET_FILE:careerstat>
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
