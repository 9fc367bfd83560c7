* The SPSS fixtures of tests/unit/test_sav_source.cpp, made with PSPP (Debian 12, pspp 1.6.2):
*   pspp make_fixtures.sps
* dictionary.sav: value labels, measure levels, user-missing values (a list and a range),
* dates, a weight, a long name in a multiple dichotomy set and a multiple category set.
DATA LIST LIST /resp_id (F4.0) bureau (F1.0) satisfaction (F1.0) age (F3.0) wt (F4.2)
  barrier_selfsolve (F1.0) barrier_cost (F1.0) mention1 (F1.0) mention2 (F1.0)
  ontvangen (DATE11) tijdstip (DATETIME20) status (A8).
BEGIN DATA
1 1 4 34 1.50 1 0 1 2 01-MAR-2015 "01-MAR-2015 10:04:05" klaar
2 2 9 51 0.50 0 1 2 . 15-APR-2015 "15-APR-2015 23:59:59" bezig
3 1 5 98 1.00 1 1 . . . . klaar
4 3 . 27 1.00 0 0 3 1 02-JAN-2016 "02-JAN-2016 00:00:00" " "
END DATA.
VARIABLE LABELS resp_id 'Respondent' bureau 'Bij welk bureau?'
  satisfaction 'Hoe tevreden bent u?' age 'Leeftijd' wt 'Weging'
  barrier_selfsolve 'Zelf oplossen' barrier_cost 'De kosten'
  mention1 'Eerste noemer' mention2 'Tweede noemer' ontvangen 'Ontvangen op'
  tijdstip 'Tijdstip' status 'Status'.
VALUE LABELS bureau 1 'Noord' 2 'Oost' 3 'Zuid'
  /satisfaction 1 'Zeer ontevreden' 2 'Ontevreden' 3 'Neutraal' 4 'Tevreden'
   5 'Zeer tevreden' 9 'Weet niet'
  /barrier_selfsolve barrier_cost 1 'Ja' 0 'Nee'
  /mention1 mention2 1 'Krant' 2 'Radio' 3 'Tv'
  /status 'klaar' 'Afgerond' 'bezig' 'Bezig'.
MISSING VALUES satisfaction (9) /age (97 THRU 99).
VARIABLE LEVEL bureau (NOMINAL) /satisfaction (ORDINAL) /age wt (SCALE).
MRSETS /MDGROUP NAME=$drempel LABEL='Wat hield u tegen?'
  VARIABLES=barrier_selfsolve barrier_cost VALUE=1
  /MCGROUP NAME=$media LABEL='Welke media?' VARIABLES=mention1 mention2.
WEIGHT BY wt.
SAVE OUTFILE='dictionary.sav'.
SAVE OUTFILE='dictionary.zsav' /ZCOMPRESSED.
LIST.
DISPLAY DICTIONARY.

* strings.sav (bytecode-compressed) and strings_uncompressed.sav: text of 1 to 30 bytes
* over several 8-byte elements, UTF-8, numbers that compression stores as codes and as raw
* doubles, system-missing values. strings_long.sav adds a 300-byte string (a very long
* string, which SPSS splits into segments).
NEW FILE.
DATA LIST LIST /n (F8.2) kort (A3) lang (A30) getal (F10.0).
BEGIN DATA
1 ja "Één opmerking, met é en ü" 1
2.5 nee "" 1000000
-7 "" "precies dertig tekens lang hier" .
. x "  spaties ervoor" -99
END DATA.
SAVE OUTFILE='strings.sav'.
SAVE OUTFILE='strings_uncompressed.sav' /UNCOMPRESSED.
STRING heel_lang (A300).
COMPUTE heel_lang = CONCAT(lang, " en nog veel meer tekst om de driehonderd te halen").
SAVE OUTFILE='strings_long.sav'.
LIST.
