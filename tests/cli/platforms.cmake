# Issue 9, "Real exports, read right": one hand-made fixture per platform quirk (under
# tests/data/platforms/, each imitating a file of the shared corpus of real exports; what
# each reproduces is in tests/data/platforms/EXPECTED.md). The expected counts below were
# counted from the fixtures with Python's csv module (EXPECTED.md shows the code); the
# drafts are the goldens platform_*_codebook.out, and the commands after them read those
# unedited drafts.
set(PF tests/data/platforms)
set(PG tests/golden)

# SurveyMonkey, two header rows, Windows-1252 (steak.csv's quirk): "Did you ever see a
# career adviser?" Yes 8, No 3, 1 blank, and no "Response" answer.
golden_test(platform_sm_yesno_codebook platform_sm_yesno_codebook 0 codebook ${PF}/sm_yesno.csv)
golden_test(platform_sm_yesno_freq platform_sm_yesno_freq 0
  freq ${PF}/sm_yesno.csv Q1 --codebook ${PG}/platform_sm_yesno_codebook.out)

# SurveyMonkey blocks (starwars.csv's quirk): the checkbox block is one multi-select with
# One-to-one advice 5, CV workshop 4, Mock interview - online 3, Job fair 4; 2 ticked none.
golden_test(platform_sm_blocks_codebook platform_sm_blocks_codebook 0 codebook ${PF}/sm_blocks.csv)
golden_test(platform_sm_blocks_freq platform_sm_blocks_freq 0
  freq ${PF}/sm_blocks.csv Q2 --codebook ${PG}/platform_sm_blocks_codebook.out)

# Google Forms (rcommunity-2019-es.csv's quirks): single answers with ", " stay whole
# (Ja, soms 5; Nee, nooit 4; Ja, bij alle trajecten 3); the checkbox question splits
# (Geen tijd 6, Kosten 5, Stigma 4, Taal 3) and its free "other" texts are one Other option
# (2 respondents); the title used twice gets two names.
golden_test(platform_gf_codebook platform_gf_codebook 0 codebook ${PF}/gf_checkbox.csv)
golden_test(platform_gf_freq platform_gf_freq 0
  freq ${PF}/gf_checkbox.csv Q1 Q2 --codebook ${PG}/platform_gf_codebook.out)

# Qualtrics, 3 header rows with JSON ImportIds (rmer-2016.csv's quirks): of 12 rows, 2
# previews (Status 1), 1 test (2) and 1 spam (8) are left out: 8 returns, 6 complete
# (Finished 1), 2 partial; Q1 among them: 1 -> 4, 2 -> 3, 3 -> 1.
golden_test(platform_qx_json_codebook platform_qx_json_codebook 0 codebook ${PF}/qx_json.csv)
golden_test(platform_qx_json_response platform_qx_json_response 0
  response ${PF}/qx_json.csv --codebook ${PG}/platform_qx_json_codebook.out)
golden_test(platform_qx_json_freq platform_qx_json_freq 0
  freq ${PF}/qx_json.csv Q1 --codebook ${PG}/platform_qx_json_codebook.out)
# --keep-excluded: all 12 rows, 10 of them Finished.
golden_test(platform_qx_json_keep platform_qx_json_keep 0
  response ${PF}/qx_json.csv --keep-excluded --codebook ${PG}/platform_qx_json_codebook.out)

# Qualtrics Insights, single-quoted ImportIds and a name written 3 times
# (qualtricstools-long.csv's quirks): 7 rows, 1 preview left out: 6 returns, 0 partial.
golden_test(platform_qx_insights_codebook platform_qx_insights_codebook 0 codebook ${PF}/qx_insights.csv)
golden_test(platform_qx_insights_response platform_qx_insights_response 0
  response ${PF}/qx_insights.csv --codebook ${PG}/platform_qx_insights_codebook.out)

# Qualtrics legacy V1,V2,... row above the names, trailing comma (qualtrics-legacy.csv).
golden_test(platform_qx_legacy_codebook platform_qx_legacy_codebook 0 codebook ${PF}/qx_legacy.csv)

# LimeSurvey, code headings (griditems-codes.csv): Q2[SQ001..4] one multi-select (Y 5, 4,
# 3, 3), arrays as batteries, timing columns metadata; 10 rows, 2 with an empty
# submitdate: 8 complete, 2 partial.
golden_test(platform_ls_codes_codebook platform_ls_codes_codebook 0 codebook ${PF}/ls_codes.csv)
golden_test(platform_ls_codes_response platform_ls_codes_response 0
  response ${PF}/ls_codes.csv --codebook ${PG}/platform_ls_codes_codebook.out)
golden_test(platform_ls_codes_freq platform_ls_codes_freq 0
  freq ${PF}/ls_codes.csv Q2 --codebook ${PG}/platform_ls_codes_codebook.out)
# LimeSurvey, "code. question text" headings and full answers: Stigma Yes 2 (No 5, N/A 1).
golden_test(platform_ls_fulltext_codebook platform_ls_fulltext_codebook 0 codebook ${PF}/ls_fulltext.csv)
golden_test(platform_ls_fulltext_freq platform_ls_fulltext_freq 0
  freq ${PF}/ls_fulltext.csv Q2 --codebook ${PG}/platform_ls_fulltext_codebook.out)

# REDCap (redcapr-simple.csv, redcapapi-records.csv): the data dictionary beside the export
# is the draft; barrier___1..5 one multi-select ticked 1, 2, 1, 1, 1; the API and the UI
# dictionary headers give the same codebook.
golden_test(platform_rc_codebook platform_rc_codebook 0 codebook ${PF}/rc_records.csv)
golden_test(platform_rc_codebook_ui platform_rc_codebook_ui 0
  codebook ${PF}/rc_records.csv --dictionary ${PF}/rc_dictionary.csv)
golden_test(platform_rc_freq platform_rc_freq 0
  freq ${PF}/rc_records.csv barrier --codebook ${PF}/rc_dictionary.csv)
# Form status: a row is complete when every status it gives is 2: 3 of 8 rows (2 intake
# rows and 1 follow-up row give 2; no row gives both).
golden_test(platform_rc_response platform_rc_response 0
  response ${PF}/rc_records.csv --codebook ${PF}/rc_dictionary.csv)

# Header hygiene: spaces around a name, an empty name and a name written twice, each
# renamed with a note; a codebook may name a column by its position (#3: x 2, y 1).
golden_test(platform_hygiene_codebook platform_hygiene_codebook 0 codebook ${PF}/hygiene.csv)
golden_test(platform_hygiene_positional platform_hygiene_positional 0
  freq ${PF}/hygiene.csv "#3" --codebook ${PF}/hygiene_positional.codebook.csv)

# Answer scales by their words in five languages, numbered labels, a 1-6 range, long
# repeated labels.
golden_test(platform_scales_codebook platform_scales_codebook 0 codebook ${PF}/scales.csv)

# peek shows the platform, the header rows used and the drafted names.
golden_test(platform_peek_sm platform_peek_sm 0 peek ${PF}/sm_blocks.csv -n 2)
golden_test(platform_peek_qx platform_peek_qx 0 peek ${PF}/qx_json.csv -n 2 --format json)
# --platform wins over detection; an unknown name is a usage error.
golden_test(platform_forced platform_forced 0 peek ${PF}/sm_yesno.csv -n 1 --platform generic)
golden_test(platform_unknown platform_unknown 2 peek ${PF}/sm_yesno.csv --platform nonsense)

# Microsoft Forms, Typeform and KoboToolbox, as their exports are described publicly
# (docs/platforms.md); no real export of theirs was in the corpus. Microsoft Forms joins
# checkbox answers with ';' and ends them with one: Advice 4, Job fair 3, Workshop 2 of 6.
golden_test(platform_msforms_codebook platform_msforms_codebook 0 codebook ${PF}/msforms.csv)
golden_test(platform_msforms_freq platform_msforms_freq 0
  freq ${PF}/msforms.csv Q1 --codebook ${PG}/platform_msforms_codebook.out)
# Typeform's classic one column per option, headed and filled by the option's label:
# Advice 3, Workshop 2, Job fair 2 of 5.
golden_test(platform_typeform_codebook platform_typeform_codebook 0 codebook ${PF}/typeform.csv)
golden_test(platform_typeform_freq platform_typeform_freq 0
  freq ${PF}/typeform.csv Q2 --codebook ${PG}/platform_typeform_codebook.out)
# KoboToolbox: ';'-separated, the select_multiple summary column is metadata and its
# q/option 0/1 columns one question: cost 2, stigma 1, time 2 of 4.
golden_test(platform_kobo_codebook platform_kobo_codebook 0 codebook ${PF}/kobo.csv)
golden_test(platform_kobo_freq platform_kobo_freq 0
  freq ${PF}/kobo.csv barriers --codebook ${PG}/platform_kobo_codebook.out)
# describe on an export with nothing to describe says so rather than printing nothing.
golden_test(platform_describe_nothing platform_describe_nothing 0
  describe ${PF}/kobo.csv --codebook ${PG}/platform_kobo_codebook.out)
