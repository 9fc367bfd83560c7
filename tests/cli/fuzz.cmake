# CLI golden tests of what the fuzzers (tests/fuzz/) found, so each finding stays a test.

# A `;` export with decimal commas ("1,0", "9,0"): the draft reads them as the numbers they
# are (it used to dereference an empty optional), keeps the codes and the missing code as
# written, and the draft validates its own export.
set(INFER tests/data/infer)
golden_test(codebook_decimal_comma codebook_decimal_comma 0 codebook ${INFER}/decimal_comma.csv)
golden_test(validate_decimal_comma validate_decimal_comma 0
  validate ${INFER}/decimal_comma.csv --codebook tests/golden/codebook_decimal_comma.out)

# Checkbox answers that are numbers themselves ("3, 6" for months): the draft's codes are
# the answers, not 1, 2, 3, which a cell "3" would match as the third option ("9").
golden_test(codebook_checkbox_numbers codebook_checkbox_numbers 0 codebook ${INFER}/checkbox_numbers.csv)
golden_test(freq_checkbox_numbers freq_checkbox_numbers 0
  freq ${INFER}/checkbox_numbers.csv --codebook tests/golden/codebook_checkbox_numbers.out)

# Two columns with one name (Google Forms does that for two questions worded alike): the
# draft names the second one opmerking_2 and says so on stderr.
golden_test(codebook_duplicate_column codebook_duplicate_column 0 codebook ${INFER}/duplicate_column.csv)
