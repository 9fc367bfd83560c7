# A Google Forms style export as a Dutch Excel user saves it (semicolons, Windows-1252,
# CRLF, decimal commas, answers written as labels, checkboxes as "Stigma, Kosten" in one
# cell, Dutch dates): the draft codebook, and the tables from it.
set(FORMS tests/data/forms/forms.csv)
golden_test(forms_codebook forms_codebook 0 codebook ${FORMS})
golden_test(forms_validate forms_validate 0 validate ${FORMS})
golden_test(forms_freq forms_freq 0 freq ${FORMS})
golden_test(forms_describe forms_describe 0 describe ${FORMS})
golden_test(forms_items forms_items 0 response --items ${FORMS})
