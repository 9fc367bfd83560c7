#!/usr/bin/env bash
# Generate a large ex-client export for benchmarks, shaped exactly like data/clients.csv:
# the same header and columns, LimeSurvey style (comma, UTF-8, LF, every field quoted,
# multi-select option cells "Y" or empty), valid codes drawn at random, ~5% partial
# responses (empty submitdate, lastpage 1 or 2, blank after the pages reached) and
# comments with commas, semicolons, doubled quotes, é/ë/€ and quoted line breaks.
#
# Usage: bench/gen_clients.sh ROWS [SEED] > FILE
#   e.g. bench/gen_clients.sh 1000000 > bench/out/clients_1m.csv
# The output depends only on ROWS, SEED (default 2015) and the awk used (mawk if
# installed, else awk; set AWK=... to choose). About 172 bytes a row: 1,000,000 rows are
# ~165 MiB and take ~2-5 s of CPU with mawk.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 || ! $1 =~ ^[0-9]+$ || ! ${2:-0} =~ ^[0-9]+$ ]]; then
    echo "usage: $0 ROWS [SEED] > FILE" >&2
    exit 2
fi
rows=$1
seed=${2:-2015}
awk_bin=${AWK:-$(command -v mawk || command -v awk)}

LC_ALL=C exec "$awk_bin" -v rows="$rows" -v seed="$seed" '
function pick(table, n) { return table[int(rand() * n)] }
BEGIN {
    srand(seed)
    q = "\""; E = q q; Y = q "Y" q; S = ","
    print "\"id\",\"submitdate\",\"lastpage\",\"bureau\",\"educ\",\"age\",\"initiative\"," \
          "\"barrier_self\",\"barrier_unknown\",\"barrier_findable\",\"barrier_stigma\"," \
          "\"barrier_costs\",\"barrier_admin\",\"barrier_none\",\"out_future\",\"out_chances\"," \
          "\"out_growth\",\"out_confidence\",\"out_control\",\"out_courage\",\"out_stuck\"," \
          "\"relation\",\"str_independent\",\"str_confidential\",\"str_fresh\",\"str_method\"," \
          "\"str_broad\",\"grade\",\"recommend\",\"sessions\",\"comment\""

    for (i = 0; i <= 99; i++) { Q[i] = q i q; P2D[i] = (i < 10 ? "0" i : "" i) }
    # days of 2015 and 2016
    split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " ")
    nd = 0
    for (y = 2015; y <= 2016; y++)
        for (m = 1; m <= 12; m++)
            for (d = 1; d <= ml[m] + (y == 2016 && m == 2); d++)
                D[nd++] = y "-" P2D[m] "-" P2D[d]
    span = nd * 86400

    # weighted code tables (quoted cells)
    n = split("4 4 4 4 4 4 4 4 4 4 4 4 4 4 1 2 2 3 3 9", t, " ")
    for (i = 0; i < n; i++) INIT[i] = Q[t[i + 1]]; nINIT = n
    n = split("5 5 5 5 5 5 5 5 4 4 4 4 4 4 4 4 3 3 2 9", t, " ")
    for (i = 0; i < n; i++) AGR[i] = Q[t[i + 1]]; nAGR = n
    n = split("1 1 1 1 1 1 1 2 2 2 2 2 2 2 3 3 3 4 5 9", t, " ")
    for (i = 0; i < n; i++) STUCK[i] = Q[t[i + 1]]; nSTUCK = n
    n = split("4 5 5.5 6 6 6.5 7 7 7 7.5 7.5 8 8 8 8 8 8.5 8.5 9 9 9 9.5 10 10", t, " ")
    for (i = 0; i < n; i++) GRADE[i] = q t[i + 1] q; nGRADE = n
    n = split("0 3 5 6 7 7 8 8 8 8 9 9 9 9 10 10 10 10 10 10", t, " ")
    for (i = 0; i < n; i++) NPS[i] = Q[t[i + 1]]; nNPS = n

    # comments, already CSV-escaped ("" for a quote); the empty one is most common
    nC = 0
    C[nC++] = E; C[nC++] = E; C[nC++] = E; C[nC++] = E; C[nC++] = E; C[nC++] = E
    C[nC++] = q "Had ik maar eerder aan de bel getrokken." q
    C[nC++] = q "Heel prettig traject, ik kon vrijuit praten met iemand van buiten." q
    C[nC++] = q "Mijn adviseur zei: \"\"je hoeft het niet alleen te doen\"\"." q
    C[nC++] = q "Eerst sceptisch.\nNa drie gesprekken zag ik weer mogelijkheden.\nNu werk ik elders." q
    C[nC++] = q "De kosten vond ik hoog, maar het was elke euro waard." q
    C[nC++] = q "Het traject gaf me weer idee\303\253n en energie, ook in het caf\303\251." q
    C[nC++] = q "Tips:\n- eerder bereikbaar zijn\n- minder formulieren, \"\"gewoon bellen\"\" werkt" q
    C[nC++] = q "Kosten: \342\202\254 1.250, deels vergoed door mijn werkgever." q
    C[nC++] = q "Het eerste gesprek was meteen raak; daarna ging het snel." q
    C[nC++] = q "Wat ik heb geleerd:\n\nregie nemen, en niet wachten." q
    C[nC++] = q "\"\"Gewoon doen\"\" is mijn advies aan anderen." q
    C[nC++] = q "Bedankt!" q

    BLANK7 = E S E S E S E S E S E S E
    BLANK5 = E S E S E S E S E

    # Pre-drawn blocks of cells, one per questionnaire page; each row then costs a handful
    # of rand() calls (rand() is most of the run time). NB blocks per table.
    NB = 4096
    for (k = 0; k < NB; k++) {
        P1[k] = Q[1 + int(rand() * 4)] S Q[1 + int(rand() * 3)] S Q[23 + int(rand() * 42)]
        if (rand() < 0.06)
            bar = E S E S E S E S E S E S Y        # only "Geen drempel"
        else
            bar = (rand() < 0.62 ? Y : E) S (rand() < 0.44 ? Y : E) S (rand() < 0.34 ? Y : E) \
                  S (rand() < 0.14 ? Y : E) S (rand() < 0.20 ? Y : E) S (rand() < 0.08 ? Y : E) S E
        P2[k] = pick(INIT, nINIT) S bar
        P3[k] = pick(AGR, nAGR) S pick(AGR, nAGR) S pick(AGR, nAGR) S pick(AGR, nAGR) \
                S pick(AGR, nAGR) S pick(AGR, nAGR) S pick(STUCK, nSTUCK) S pick(AGR, nAGR)
        P4[k] = (rand() < 0.70 ? Y : E) S (rand() < 0.48 ? Y : E) S (rand() < 0.45 ? Y : E) \
                S (rand() < 0.28 ? Y : E) S (rand() < 0.34 ? Y : E)
        P5[k] = pick(GRADE, nGRADE) S pick(NPS, nNPS) S Q[2 + int(rand() * 11)] S pick(C, nC)
    }
    REST1 = E S BLANK7 S BLANK7 S E S BLANK5 S E S E S E S E  # after page 1
    REST2 = BLANK7 S E S BLANK5 S E S E S E S E               # after page 2

    OFS = S
    for (i = 1; i <= rows; i++) {
        r = rand()
        if (r >= 0.05) {
            tt = int((i - 1) * span / rows + r * 60)
            if (tt >= span) tt = span - 1
            s = tt % 86400
            print q i q, q D[int(tt / 86400)] " " P2D[int(s / 3600)] ":" P2D[int(s / 60) % 60] ":" P2D[s % 60] q, \
                  Q[5], P1[int(rand() * NB)], P2[int(rand() * NB)], P3[int(rand() * NB)], P4[int(rand() * NB)], \
                  P5[int(rand() * NB)]
        } else if (r < 0.025) {
            print q i q, E, Q[1], P1[int(rand() * NB)], REST1
        } else {
            print q i q, E, Q[2], P1[int(rand() * NB)], P2[int(rand() * NB)], REST2
        }
    }
}'
