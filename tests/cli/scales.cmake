# Scales and drivers (issue 11): careerstat scale and drivers on tests/data/scales/ (whose
# numbers tests/unit/test_scales.cpp and test_drivers.cpp check against R and psych),
# scale scores in describe and crosstab, and the mistakes a user makes.
set(S tests/data/scales/scales.csv)
golden_test(scale_help scale_help 0 scale --help)
golden_test(drivers_help drivers_help 0 drivers --help)
golden_test(scale_text scale_text 0 scale ${S} sat)
golden_test(scale_pairwise_json scale_pairwise_json 0 scale ${S} sat --pairwise --format json)
golden_test(scale_nl scale_nl 0 scale ${S} --lang nl --locale nl)
golden_test(scale_weighted scale_weighted 0 scale ${S} sat --weight w --format csv)
# s3 marked reverse by mistake: the warning names it, and alpha falls to 0.38.
golden_test(scale_mistake scale_mistake 0 scale ${S} sat --codebook tests/data/scales/mistake.codebook.csv)
golden_test(scale_not_a_scale scale_not_a_scale 2 scale ${S} grade)
golden_test(drivers_text drivers_text 0 drivers ${S} grade rel sat sessions)
golden_test(drivers_csv drivers_csv 0 drivers ${S} grade rel sat sessions --bootstrap 0 --format csv)
golden_test(drivers_json drivers_json 0 drivers ${S} grade rel sat --bootstrap 200 --seed 7 --format json)
golden_test(drivers_collinear drivers_collinear 1 drivers ${S} grade s5 s5r)
golden_test(drivers_text_predictor drivers_text_predictor 2 drivers ${S} grade id)
golden_test(drivers_twice drivers_twice 2 drivers ${S} grade rel rel)
golden_test(drivers_where drivers_where 0 drivers ${S} grade rel sat --where "sessions in 1,2,3,4,5,6" --bootstrap 0 --format md)
# A scale score as a variable: describe, crosstab rows and score bands as a banner.
golden_test(describe_scale_score describe_scale_score 0 describe ${S} sat grade)
golden_test(crosstab_scale_bands crosstab_scale_bands 0 crosstab ${S} grade rel --by sat:1-2.99,3-3.99,4-5 --min-base 10)
golden_test(drivers_example drivers_example 0 drivers data/clients.csv grade relation outcome sessions --format md)
golden_test(scale_score_where scale_score_where 2 describe ${S} grade --where sat=3)
# Questionnaire drift (issue 12, part 2): every kind of change, exit 1 when one breaks a
# trend; the same codebook twice; a file that is not there.
set(D tests/data/drift)
golden_test(drift_help drift_help 0 drift --help)
golden_test(drift_text drift_text 1 drift ${D}/wave1.codebook.csv ${D}/wave2.codebook.csv)
golden_test(drift_json drift_json 1 drift ${D}/wave1.codebook.csv ${D}/wave2.codebook.csv --format json)
golden_test(drift_nl drift_nl 1 drift ${D}/wave1.codebook.csv ${D}/wave2.codebook.csv --lang nl --format md)
golden_test(drift_none drift_none 0 drift data/clients.codebook.csv data/2016/clients.codebook.csv)
golden_test(drift_missing_file drift_missing_file 2 drift ${D}/wave1.codebook.csv ${D}/nothing.csv)
