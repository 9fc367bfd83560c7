# Golden tests of `careerstat response` (issue 4). The AAPOR formulas themselves are unit
# tested against hand-worked values in tests/unit/test_stats.cpp.
set(RD tests/data/response)
golden_test(response_example response_example 0
  response data/clients.csv data/employers.csv --invited clients=90,employers=45)
golden_test(response_example_json response_example_json 0
  response data/clients.csv data/employers.csv --invited clients=90,employers=45 --format json)
golden_test(response_no_invited response_no_invited 0 response data/clients.csv)
golden_test(response_sample response_sample 0 response --sample data/clients.sample.csv --by bureau)
golden_test(response_sample_e response_sample_e 0 response --sample data/clients.sample.csv --e 0.5 --format csv)
golden_test(response_items response_items 0 response --items data/clients.csv --flag 3)
golden_test(response_no_metadata response_no_metadata 0 response ${RD}/nometa.csv --invited 10)
golden_test(response_no_metadata_share response_no_metadata_share 0
  response ${RD}/nometa.csv --invited 10 --complete-at 0.4)
golden_test(response_bad_disposition response_bad_disposition 1 response --sample ${RD}/bad.sample.csv)
golden_test(response_invited_too_small response_invited_too_small 2
  response data/clients.csv --invited clients=40)
golden_test(response_invited_unknown_name response_invited_unknown_name 2
  response data/clients.csv --invited klanten=90)
golden_test(response_by_without_sample response_by_without_sample 2 response data/clients.csv --by bureau)
