# Exports that are not CSV (docs/formats.md): a Microsoft-Forms-shaped workbook
# (tests/data/xlsx_in/make_msforms.py) drafted, validated and tabulated as its CSV export
# would be; a PSPP-made SPSS file (tests/data/sav_in/make_fixtures.sps) read through its
# dictionary; and the one-line errors for files careerstat cannot read.
set(MSFORMS tests/data/xlsx_in/msforms.xlsx)
golden_test(xlsx_msforms_peek xlsx_msforms_peek 0 peek ${MSFORMS} -n 2)
golden_test(xlsx_msforms_codebook xlsx_msforms_codebook 0 codebook ${MSFORMS})
golden_test(xlsx_msforms_freq xlsx_msforms_freq 0 freq ${MSFORMS} Q1 Q2)
golden_test(xlsx_msforms_response xlsx_msforms_response 0 response ${MSFORMS})
golden_test(xlsx_no_sheet xlsx_no_sheet 2 freq ${MSFORMS} --sheet Blad1)
golden_test(xlsx_delimiter xlsx_delimiter 2 freq ${MSFORMS} --delimiter tab)
golden_test(sheet_for_csv sheet_for_csv 2 freq data/clients.csv --sheet Form1)
set(SAV tests/data/sav_in/dictionary.sav)
golden_test(sav_peek sav_peek 0 peek ${SAV} -n 1)
golden_test(sav_codebook sav_codebook 0 codebook ${SAV})
golden_test(sav_freq sav_freq 0 freq ${SAV} bureau satisfaction drempel status)
golden_test(sav_describe sav_describe 0 describe ${SAV} satisfaction age)
golden_test(not_xlsx not_xlsx 1 freq tests/data/sav_in/not_a_workbook.xlsx)
golden_test(old_xls old_xls 1 freq tests/data/sav_in/old_excel.xls)
