# `careerstat peek`: how an export is read (issue 9, section 4).
golden_test(peek_text peek_text 0 peek tests/data/trust/lone_cr.csv)
golden_test(peek_json peek_json 0 peek tests/data/dialects/clients_cp1252_semicolon_crlf.csv -n 2 --format json)
golden_test(peek_empty_rows peek_empty_rows 0 peek tests/data/trust/empty_rows.csv -n 0)

# The csv-spectrum suite of CSV parser tests, where it is at hand (../shared/realworld).
add_test(NAME cli.peek_csv_spectrum
  COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/csv_spectrum.sh" $<TARGET_FILE:careerstat>
          "${PROJECT_SOURCE_DIR}/../shared/realworld/csv-spectrum"
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
set_tests_properties(cli.peek_csv_spectrum PROPERTIES SKIP_RETURN_CODE 77)
