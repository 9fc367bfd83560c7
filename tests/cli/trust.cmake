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
