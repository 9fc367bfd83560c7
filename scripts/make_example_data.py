#!/usr/bin/env python3
"""Generate careerstat's example study and the dialect test files.

The example study is a fictional but faithful reconstruction of the 2015 Dutch study
into the thresholds for engaging an external career adviser ("loopbaanadviseur") and
the adviser's added value, run by four career-guidance bureaus among their 2014
ex-clients (MBO and higher) and commissioning employers. No real answers were used:
every answer below is made up, so that the tables careerstat prints agree with the
figures the study published:

  * ex-clients: about 90 invited, about 60% responded        -> 54 of 90 returned
  * 70% took the initiative "in a very late stage"            -> 35 of 50 completes
  * barriers: "solve your own problems yourself" first, then not knowing what an
    adviser does and not knowing where to find a good one
  * outcomes (perspective, belief in own chances, growth, confidence, control,
    courage) mostly positive
  * employers: 45 invited, about 60% responded                -> 27 of 45 returned
  * 1 in 5 employers sees the adviser as a management adviser -> 5 of 25 completes

Usage (from anywhere; paths are relative to the repository):

    python3 scripts/make_example_data.py

It writes

    data/clients.csv              LimeSurvey-style export: comma, UTF-8, LF, every field quoted
    data/clients.codebook.csv
    data/employers.csv            semicolon, UTF-8, LF, quoted only where needed, options 1/0
    data/employers.codebook.csv
    tests/data/dialects/clients_utf8.csv                  comma, UTF-8, LF, minimal quoting
    tests/data/dialects/clients_cp1252_semicolon_crlf.csv semicolon, Windows-1252, CRLF,
                                                          decimal comma in grade
    tests/data/dialects/clients_bom.csv                   UTF-8 with BOM, comma, LF
    tests/data/dialects/clients_tab.tsv                   TAB, UTF-8, LF

and then re-reads every file and asserts the published figures and that all dialect
files hold exactly the answers of data/clients.csv. Quoted line breaks inside a field are
always a single LF (as Excel writes them), also in the CRLF file.

Python 3 standard library only; the random seed is fixed, so the output is the same on
every run with the same Python version. The generated files are committed; this script
documents how they were made.
"""

import csv
import io
import math
import os
import random
import sys
from datetime import datetime, timedelta

SEED = 2015
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DATA = os.path.join(ROOT, "data")
DIALECTS = os.path.join(ROOT, "tests", "data", "dialects")

# --------------------------------------------------------------------------------------
# Codebooks
# --------------------------------------------------------------------------------------

AGREE = "1=Zeer oneens|2=Oneens|3=Neutraal|4=Eens|5=Zeer eens"
DONT_KNOW = "9=Weet niet"
STRENGTH_Q = "Waar zit volgens u de kracht van de loopbaanadviseur?"

STRENGTHS = [
    ("str_independent", "Onafhankelijk en extern"),
    ("str_confidential", "Vertrouwelijkheid"),
    ("str_fresh", "Frisse blik"),
    ("str_method", "Methodische aanpak"),
    ("str_broad", "Breed zicht op werk"),
]

BARRIERS = [
    ("barrier_self", "Je moet je eigen problemen zelf oplossen"),
    ("barrier_unknown", "Niet weten wat een loopbaanadviseur doet"),
    ("barrier_findable", "Niet weten waar je een goede vindt"),
    ("barrier_stigma", "Schaamte / stigma"),
    ("barrier_costs", "De kosten"),
    ("barrier_admin", "Administratieve rompslomp"),
    ("barrier_none", "Geen drempel"),
]

OUTCOMES = [
    ("out_future", "Mijn toekomstperspectief is verbeterd"),
    ("out_chances", "Mijn geloof in eigen kansen is vergroot"),
    ("out_growth", "Ik heb persoonlijke groei ervaren"),
    ("out_confidence", "Mijn zelfvertrouwen is gegroeid"),
    ("out_control", "Ik heb de regie over mijn loopbaan weer gepakt"),
    ("out_courage", "Ik durf meer loopbaanacties te ondernemen"),
    ("out_stuck", "Ik voel me nog steeds vastgelopen"),  # reverse-worded
]

VALUES = [
    ("val_sounding", "Is een klankbord"),
    ("val_stagnation", "Voorkomt vastroesten"),
    ("val_support", "Geeft steun en richting"),
    ("val_inspire", "Inspireert"),
    ("val_employability", "Vergroot de inzetbaarheid"),
]

CODEBOOK_HEADER = ["variable", "label", "type", "choices", "missing", "group", "reverse",
                   "question"]


def cb(variable, label, vtype, choices="", missing="", group="", reverse="", question=""):
    return [variable, label, vtype, choices, missing, group, reverse, question]


def clients_codebook():
    rows = [
        cb("id", "Respondent", "id"),
        cb("submitdate", "Datum en tijd van verzenden (leeg: niet afgerond)", "meta"),
        cb("lastpage", "Laatst bereikte pagina (van 5)", "meta"),
        cb("bureau", "Bij welk bureau volgde u uw loopbaantraject?", "single",
           "1=Bureau Noord|2=Bureau Oost|3=Bureau Zuid|4=Bureau West"),
        cb("educ", "Wat is uw hoogst afgeronde opleiding?", "single", "1=MBO|2=HBO|3=WO"),
        cb("age", "Wat is uw leeftijd?", "numeric", "18..70"),
        cb("initiative",
           "In welk stadium nam u het initiatief om een loopbaanadviseur in te schakelen?",
           "single",
           "1=In een vroeg stadium|2=Op tijd|3=Laat|"
           "4=In een zeer laat stadium, toen de nood hoog was",
           DONT_KNOW),
    ]
    for i, (var, label) in enumerate(BARRIERS):
        q = ("Wat hield u tegen om (eerder) een loopbaanadviseur in te schakelen? "
             "(meerdere antwoorden mogelijk)") if i == 0 else ""
        rows.append(cb(var, label, "multi", group="barrier", question=q))
    for i, (var, label) in enumerate(OUTCOMES):
        q = ("In hoeverre bent u het eens met de volgende uitspraken over uw "
             "loopbaantraject?") if i == 0 else ""
        rows.append(cb(var, label, "likert", AGREE, DONT_KNOW, "outcome",
                       "1" if var == "out_stuck" else "", q))
    rows.append(cb("relation", "De relatie met mijn adviseur was goed", "likert", AGREE,
                   DONT_KNOW))
    for i, (var, label) in enumerate(STRENGTHS):
        rows.append(cb(var, label, "multi", group="strength",
                       question=STRENGTH_Q if i == 0 else ""))
    rows += [
        cb("grade", "Welk rapportcijfer geeft u uw loopbaantraject?", "grade", "1..10"),
        cb("recommend",
           "Hoe waarschijnlijk is het dat u uw loopbaanadviseur aanbeveelt bij anderen?",
           "nps", "0..10"),
        cb("sessions", "Hoeveel gesprekken had u met uw loopbaanadviseur?", "numeric",
           "1..30"),
        cb("comment", "Heeft u nog opmerkingen of suggesties?", "text"),
    ]
    return rows


SECTORS = ("1=Overheid|2=Zorg en welzijn|3=Onderwijs|4=Zakelijke dienstverlening|"
           "5=Industrie en techniek")


def employers_codebook():
    rows = [
        cb("id", "Respondent", "id"),
        cb("submitdate", "Datum en tijd van verzenden (leeg: niet afgerond)", "meta"),
        cb("lastpage", "Laatst bereikte pagina (van 4)", "meta"),
        cb("sector", "In welke sector is uw organisatie actief?", "single", SECTORS),
        cb("orgsize", "Hoeveel medewerkers heeft uw organisatie?", "single",
           "1=Minder dan 50|2=50-249|3=250 of meer"),
    ]
    for i, (var, label) in enumerate(VALUES):
        rows.append(cb(var, label, "likert", AGREE, DONT_KNOW, "value",
                       question="Wat is de waarde van de loopbaanadviseur?" if i == 0 else ""))
    rows.append(cb("mgmt_adviser",
                   "Herkent u de loopbaanadviseur als managementadviseur op "
                   "organisatieniveau?", "single", "1=Ja|2=Nee"))
    for i, (var, label) in enumerate(STRENGTHS):
        # Qualtrics-style 1/0 cells: with choices, only 1 and 0 are valid, 1 = selected.
        rows.append(cb(var, label, "multi", "1=Ja|0=Nee", group="strength",
                       question=STRENGTH_Q if i == 0 else ""))
    rows += [
        cb("grade", "Welk rapportcijfer geeft u de inzet van de loopbaanadviseur?", "grade",
           "1..10"),
        cb("recommend",
           "Hoe waarschijnlijk is het dat u de loopbaanadviseur aanbeveelt bij andere "
           "werkgevers?", "nps", "0..10"),
        cb("comment", "Heeft u nog opmerkingen of suggesties?", "text"),
    ]
    return rows


# --------------------------------------------------------------------------------------
# Free-text comments (Dutch). Some contain commas, semicolons, double quotes (doubled in
# the CSV), line breaks inside the field and non-ASCII letters (é, ë, ö, ï, €). All are
# representable in Windows-1252.
# --------------------------------------------------------------------------------------

CLIENT_COMMENTS = [
    "Had ik maar eerder aan de bel getrokken.",
    "Heel prettig traject, ik kon vrijuit praten met iemand die niets met mijn werkgever "
    "te maken had.",
    'Mijn adviseur zei: "je hoeft het niet alleen te doen". Dat is blijven hangen.',
    "Eerst was ik sceptisch.\nNa drie gesprekken zag ik weer mogelijkheden.\n"
    "Nu werk ik bij een andere werkgever.",
    "De kosten vond ik hoog, maar achteraf was het elke euro waard.",
    "Ik wist eerlijk gezegd niet wat een loopbaanadviseur doet, tot een collega het "
    "aanraadde.",
    "Het traject gaf me weer ideeën en energie. De gesprekken in het café om de hoek "
    "werkten beter dan op kantoor.",
    "Vrij en zonder beperkingen kunnen sparren met een onafhankelijk iemand, dat was de "
    "kracht.",
    "Te laat begonnen, toen ik al ziek thuis zat.",
    'Tips voor het bureau:\n- eerder bereikbaar zijn\n- minder formulieren, "gewoon bellen" '
    "werkt beter",
    "Goed, maar de website was lastig te vinden.",
    "Na 12 jaar bij dezelfde werkgever was ik vastgeroest. Nu niet meer!",
    "Kosten: € 1.250, deels vergoed door mijn werkgever.",
    "Het eerste gesprek was meteen raak; daarna ging het snel.",
    "Ik voel me nog wel eens onzeker, maar ik weet nu wat ik wil.",
    "Bedankt!",
    "Wat ik heb geleerd:\n\nregie nemen, en niet wachten tot een ander het voor me "
    "oplost.",
    "Fijne adviseur, goede klik vanaf de eerste sessie.",
    "Niet alles was nuttig; de testen vond ik te lang.",
    'Schaamte speelde bij mij een rol, "hulp vragen" voelde als falen.',
    "Het rapport na afloop was helder en bruikbaar.",
    "Mijn partner had het me al jaren aangeraden...",
    "Ik ben nu zzp'er, dankzij de gesprekken.",
    "Zou het iedereen aanraden die vastzit in zijn of haar loopbaan.",
    "Hoe vind je een goede adviseur? Dat blijft lastig, er zijn er zoveel.",
    '"Gewoon doen" is mijn advies aan anderen.',
    "Coöperatieve houding van mijn werkgever hielp ook mee.",
    "Prima, geen opmerkingen.",
]

EMPLOYER_COMMENTS = [
    "Waardevol voor medewerkers die vastlopen; minder voor de organisatie als geheel.",
    "Wij zetten de loopbaanadviseur vooral in bij reorganisaties.\nDat werkt goed.",
    'Graag meer aandacht voor teamontwikkeling, "strategische personeelsplanning" en '
    "cultuur.",
    "Prijs/kwaliteit in orde.",
    "De adviseur spreekt de taal van het management nog onvoldoende.",
    "Onafhankelijk, vertrouwelijk en met een frisse blik: precies wat we zochten.",
    "Medewerkers komen gemotiveerd terug; soms vertrekken ze, en dat is ook goed.",
    "Het HR-team doet dit deels zelf, maar extern werkt vaak beter vanwege de "
    "vertrouwelijkheid.",
    "Sommige trajecten duurden te lang.\nGraag duidelijke afspraken vooraf; ook over de "
    "kosten.",
    "Geïnteresseerd in een vervolg op organisatieniveau.",
    "Goede ervaringen, we blijven het gebruiken.",
]

# --------------------------------------------------------------------------------------
# Answer generation
# --------------------------------------------------------------------------------------


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def likert(rng, centre, spread=0.6):
    return clamp(int(round(rng.gauss(centre, spread))), 1, 5)


def fmt_grade(g):
    return str(int(g)) if g == int(g) else f"{g:.1f}"


def grade_from(rng, sat):
    g = clamp(rng.gauss(7.8 + 0.6 * sat, 0.5), 4.0, 10.0)
    g = round(g * 2) / 2 if rng.random() < 0.35 else float(round(g))
    return fmt_grade(g)


def nps_from(rng, sat):
    return str(clamp(int(round(rng.gauss(8.6 + 1.1 * sat, 0.8))), 0, 10))


def timestamps(rng, start, n):
    """n increasing timestamps, during office-ish hours."""
    t = start
    out = []
    for _ in range(n):
        t += timedelta(minutes=rng.randint(40, 900))
        if t.hour >= 22 or t.hour < 7:
            t = (t + timedelta(days=1)).replace(hour=rng.randint(7, 9),
                                                minute=rng.randint(0, 59))
        t = t.replace(second=rng.randint(0, 59))
        out.append(t)
    return out


def assign_option_sets(rng, people, targets):
    """Give each of `people` respondents a set of options, with exactly targets[opt]
    respondents per option and every respondent at least one option."""
    sel = {p: set() for p in people}
    for opt, n in targets:
        for p in rng.sample(people, n):
            sel[p].add(opt)
    # Repair: a respondent without an option takes one over from a respondent with two or
    # more (option counts stay the same).
    for p in people:
        if sel[p]:
            continue
        donors = [d for d in people if len(sel[d]) >= 2]
        d = rng.choice(donors)
        opt = rng.choice(sorted(sel[d] - {o for o in sel[p]}))
        sel[d].discard(opt)
        sel[p].add(opt)
    return sel


def make_clients(rng):
    n_returned, n_partial = 54, 4
    ids = list(range(1, n_returned + 1))
    partial_ids = sorted(rng.sample(ids, n_partial))
    partial_lastpage = dict(zip(partial_ids, [1, 2, 1, 2]))
    complete_ids = [i for i in ids if i not in partial_lastpage]
    assert len(complete_ids) == 50

    # initiative among completes: exactly 35 x 4 (70%); the rest 1-3 or 9 (don't know)
    init_codes = [4] * 35 + [1] * 2 + [2] * 4 + [3] * 6 + [9] * 3
    rng.shuffle(init_codes)
    initiative = dict(zip(complete_ids, init_codes))

    # barriers among completes: 3 x "Geen drempel" (only), 2 x nothing selected, the
    # other 45 select one or more of the six barriers, ranked as published.
    people = list(complete_ids)
    rng.shuffle(people)
    none_only, nothing, choosers = people[:3], people[3:5], sorted(people[5:])
    barrier_targets = [("barrier_self", 31), ("barrier_unknown", 22),
                       ("barrier_findable", 17), ("barrier_costs", 10),
                       ("barrier_stigma", 7), ("barrier_admin", 4)]
    barriers = assign_option_sets(rng, choosers, barrier_targets)
    for p in none_only:
        barriers[p] = {"barrier_none"}
    for p in nothing:
        barriers[p] = set()

    # the two partials that reached page 2 answered initiative and the barriers
    page2_partials = [i for i in partial_ids if partial_lastpage[i] == 2]
    initiative[page2_partials[0]] = 4
    initiative[page2_partials[1]] = 3
    barriers[page2_partials[0]] = {"barrier_self", "barrier_unknown"}
    barriers[page2_partials[1]] = {"barrier_self", "barrier_findable"}

    # a few "don't know" answers in the outcome battery among completes
    dont_know_cells = set()
    while len(dont_know_cells) < 5:
        dont_know_cells.add((rng.choice(complete_ids), rng.choice(OUTCOMES)[0]))

    comment_for = dict(zip(sorted(rng.sample(complete_ids, len(CLIENT_COMMENTS))),
                           rng.sample(CLIENT_COMMENTS, len(CLIENT_COMMENTS))))

    stamps = timestamps(rng, datetime(2015, 3, 9, 8, 30), n_returned)
    rows = []
    for idx, rid in enumerate(ids):
        lastpage = partial_lastpage.get(rid, 5)
        complete = lastpage == 5
        sat = rng.gauss(0, 1)
        r = {"id": str(rid),
             "submitdate": stamps[idx].strftime("%Y-%m-%d %H:%M:%S") if complete else "",
             "lastpage": str(lastpage)}
        # page 1
        r["bureau"] = str(rng.choices([1, 2, 3, 4], [0.3, 0.25, 0.25, 0.2])[0])
        r["educ"] = str(rng.choices([1, 2, 3], [0.2, 0.5, 0.3])[0])
        r["age"] = str(clamp(int(round(rng.gauss(44, 8))), 26, 62))
        # page 2
        if lastpage >= 2:
            r["initiative"] = str(initiative[rid])
            for var, _ in BARRIERS:
                r[var] = "Y" if var in barriers[rid] else ""
        # page 3
        if complete:
            for var, _ in OUTCOMES:
                if (rid, var) in dont_know_cells:
                    v = 9
                elif var == "out_stuck":
                    v = 6 - likert(rng, 4.1 + 0.5 * sat, 0.7)
                else:
                    v = likert(rng, 4.25 + 0.5 * sat)
                r[var] = str(v)
            r["relation"] = str(likert(rng, 4.35 + 0.4 * sat, 0.55))
            # page 4
            for (var, _), p in zip(STRENGTHS, [0.72, 0.48, 0.45, 0.28, 0.34]):
                r[var] = "Y" if rng.random() < p else ""
            # page 5
            r["grade"] = grade_from(rng, sat)
            r["recommend"] = nps_from(rng, sat)
            r["sessions"] = str(clamp(int(round(rng.gauss(6, 2.2))), 2, 12))
            r["comment"] = comment_for.get(rid, "")
        rows.append(r)
    header = [v[0] for v in clients_codebook()]
    return header, [[r.get(h, "") for h in header] for r in rows]


def make_employers(rng):
    n_returned = 27
    ids = list(range(1, n_returned + 1))
    partial_ids = sorted(rng.sample(ids, 2))
    partial_lastpage = dict(zip(partial_ids, [2, 1]))
    complete_ids = [i for i in ids if i not in partial_lastpage]
    assert len(complete_ids) == 25
    mgmt_yes = set(rng.sample(complete_ids, 5))  # 1 in 5
    dont_know_cells = set()
    while len(dont_know_cells) < 3:
        dont_know_cells.add((rng.choice(complete_ids), rng.choice(VALUES)[0]))
    comment_for = dict(zip(sorted(rng.sample(complete_ids, len(EMPLOYER_COMMENTS))),
                           rng.sample(EMPLOYER_COMMENTS, len(EMPLOYER_COMMENTS))))
    stamps = timestamps(rng, datetime(2015, 4, 13, 8, 0), n_returned)
    rows = []
    for idx, rid in enumerate(ids):
        lastpage = partial_lastpage.get(rid, 4)
        complete = lastpage == 4
        sat = rng.gauss(0, 1)
        r = {"id": str(rid),
             "submitdate": stamps[idx].strftime("%Y-%m-%d %H:%M:%S") if complete else "",
             "lastpage": str(lastpage)}
        r["sector"] = str(rng.choices([1, 2, 3, 4, 5], [0.3, 0.2, 0.15, 0.2, 0.15])[0])
        r["orgsize"] = str(rng.choices([1, 2, 3], [0.2, 0.35, 0.45])[0])
        if lastpage >= 2:
            for var, _ in VALUES:
                r[var] = "9" if (rid, var) in dont_know_cells else str(
                    likert(rng, 4.15 + 0.5 * sat, 0.65))
        if complete:
            r["mgmt_adviser"] = "1" if rid in mgmt_yes else "2"
            for (var, _), p in zip(STRENGTHS, [0.64, 0.56, 0.5, 0.52, 0.44]):
                r[var] = "1" if rng.random() < p else "0"
            r["grade"] = grade_from(rng, sat)
            r["recommend"] = nps_from(rng, sat)
            r["comment"] = comment_for.get(rid, "")
        rows.append(r)
    header = [v[0] for v in employers_codebook()]
    return header, [[r.get(h, "") for h in header] for r in rows]


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------


def quote(field):
    return '"' + field.replace('"', '""') + '"'


def render(rows, delim, eol, quote_all):
    """CSV text. quote_all: every field quoted (LimeSurvey); otherwise quoted only when it
    holds the delimiter, a double quote or a line break (Excel). Line breaks inside a
    field are written as they are (LF)."""
    out = []
    for row in rows:
        cells = []
        for f in row:
            if quote_all or delim in f or '"' in f or "\n" in f or "\r" in f:
                cells.append(quote(f))
            else:
                cells.append(f)
        out.append(delim.join(cells) + eol)
    return "".join(out)


def write(path, text, encoding="utf-8", bom=False):
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)
    return data


def codebook_text(rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(CODEBOOK_HEADER)
    w.writerows(rows)
    return buf.getvalue()


# --------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------


def read_csv(path, encoding, delim, bom=False):
    with open(path, "rb") as f:
        raw = f.read()
    if bom:
        assert raw.startswith(b"\xef\xbb\xbf"), path
        raw = raw[3:]
    else:
        assert not raw.startswith(b"\xef\xbb\xbf"), path
    text = raw.decode(encoding)
    return raw, list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))


def check_codebook(path, header, rows):
    _, cbrows = read_csv(path, "utf-8", ",")
    assert cbrows[0] == CODEBOOK_HEADER, path
    assert [r[0] for r in cbrows[1:]] == header, f"{path}: variables differ from export"
    for r in cbrows[1:]:
        var, _, vtype, choices, missing = r[:5]
        col = header.index(var)
        if vtype in ("single", "likert") or (vtype == "multi" and choices):
            allowed = {c.split("=", 1)[0] for c in choices.split("|")}
            allowed |= {c.split("=", 1)[0] for c in missing.split("|") if c}
            for row in rows:
                assert row[col] == "" or row[col] in allowed, (path, var, row[col])
        if vtype in ("grade", "nps", "numeric"):
            lo, hi = (float(x) for x in choices.split(".."))
            for row in rows:
                if row[col]:
                    assert lo <= float(row[col].replace(",", ".")) <= hi, (path, var)
        if vtype == "multi" and not choices:
            for row in rows:
                assert row[col] in ("", "Y"), (path, var, row[col])


def ranked(counts, order):
    return all(counts[a] > counts[b] for a, b in zip(order, order[1:]))


def check_all():
    summary = []
    # ---- clients
    raw, rows = read_csv(os.path.join(DATA, "clients.csv"), "utf-8", ",")
    header, body = rows[0], rows[1:]
    assert b"\r" not in raw
    # LimeSurvey style: every field quoted (a record starts and ends with a quote)
    assert raw.decode("utf-8") == render(rows, ",", "\n", True)
    col = {h: i for i, h in enumerate(header)}
    check_codebook(os.path.join(DATA, "clients.codebook.csv"), header, body)
    invited = 90
    complete = [r for r in body if r[col["submitdate"]] and r[col["lastpage"]] == "5"]
    partial = [r for r in body if not r[col["submitdate"]]]
    assert len(body) == 54 and len(complete) == 50 and len(partial) == 4
    assert all(r[col["lastpage"]] in ("1", "2") for r in partial)
    assert round(100 * len(body) / invited) == 60
    very_late = sum(r[col["initiative"]] == "4" for r in complete)
    assert very_late == 35 and very_late / len(complete) == 0.70
    assert sum(r[col["initiative"]] == "9" for r in complete) >= 1
    bvars = [b for b, _ in BARRIERS]
    bc = {b: sum(r[col[b]] == "Y" for r in complete) for b in bvars}
    ba = {b: sum(r[col[b]] == "Y" for r in body) for b in bvars}
    order = ["barrier_self", "barrier_unknown", "barrier_findable", "barrier_costs",
             "barrier_stigma", "barrier_admin"]
    assert ranked(bc, order) and ranked(ba, order)
    assert 1 <= bc["barrier_none"] < bc["barrier_admin"]
    no_barrier = [r for r in complete if not any(r[col[b]] for b in bvars)]
    assert len(no_barrier) == 2
    assert all(sum(r[col[b]] == "Y" for b in bvars) == 1
               for r in complete if r[col["barrier_none"]] == "Y")
    outcome_vals = [r[col[o]] for r in complete for o, _ in OUTCOMES if o != "out_stuck"]
    pos = sum(v in ("4", "5") for v in outcome_vals)
    assert pos / len(outcome_vals) > 0.75 and "9" in outcome_vals
    stuck = [r[col["out_stuck"]] for r in complete]
    assert sum(v in ("1", "2") for v in stuck) / len(stuck) > 0.6
    assert any("." in r[col["grade"]] for r in complete)
    # partials: nothing after the page they reached
    page_start = {2: col["initiative"], 3: col["out_future"]}
    for r in partial:
        lp = int(r[col["lastpage"]])
        assert all(v == "" for v in r[page_start[lp + 1]:]), r
        assert all(r[col[v]] for v in ("bureau", "educ", "age"))
    comments = [r[col["comment"]] for r in body]
    assert sum("\n" in c for c in comments) >= 3
    assert any('"' in c for c in comments) and any("," in c for c in comments)
    assert any(("é" in c or "ë" in c) for c in comments) and "" in comments
    summary.append(("clients", header, len(body), len(complete), len(partial), very_late,
                    bc, ba))

    # ---- dialect variants: exactly the same answers
    variants = [
        ("clients_utf8.csv", "utf-8", ",", False, "\n"),
        ("clients_cp1252_semicolon_crlf.csv", "cp1252", ";", False, "\r\n"),
        ("clients_bom.csv", "utf-8", ",", True, "\n"),
        ("clients_tab.tsv", "utf-8", "\t", False, "\n"),
    ]
    for name, enc, delim, bom, eol in variants:
        vraw, vrows = read_csv(os.path.join(DIALECTS, name), enc, delim, bom)
        if enc == "cp1252":
            gi = header.index("grade")
            assert any("," in r[gi] for r in vrows[1:]), name
            assert not any("." in r[gi] for r in vrows[1:]), name
            vrows = [r[:gi] + [r[gi].replace(",", ".")] + r[gi + 1:] for r in vrows]
            assert b"\xe9" in vraw and b"\xeb" in vraw and b"\x80" in vraw, name
            try:
                vraw.decode("utf-8")
                raise AssertionError(f"{name} is valid UTF-8")
            except UnicodeDecodeError:
                pass
        assert vrows == rows, f"{name} differs from data/clients.csv"
        # record ends: every record ends with eol; line breaks inside fields are LF only
        assert vraw.endswith(eol.encode())
        if eol == "\r\n":
            assert vraw.count(b"\r\n") == len(rows)
        else:
            assert b"\r" not in vraw
        assert sum("\n" in f for r in vrows for f in r) >= 3  # quoted multi-line comments
        assert not vraw.startswith(b'"id"'), name  # minimal quoting

    # ---- employers
    raw, rows = read_csv(os.path.join(DATA, "employers.csv"), "utf-8", ";")
    header, body = rows[0], rows[1:]
    assert b"\r" not in raw and raw.startswith(b"id;submitdate;lastpage;")
    col = {h: i for i, h in enumerate(header)}
    check_codebook(os.path.join(DATA, "employers.codebook.csv"), header, body)
    complete = [r for r in body if r[col["submitdate"]] and r[col["lastpage"]] == "4"]
    partial = [r for r in body if not r[col["submitdate"]]]
    assert len(body) == 27 and len(complete) == 25 and len(partial) == 2
    assert round(100 * len(body) / 45) == 60
    mgmt = sum(r[col["mgmt_adviser"]] == "1" for r in complete)
    assert mgmt == 5 and mgmt / len(complete) == 0.20
    vals = [r[col[v]] for r in complete for v, _ in VALUES]
    assert sum(v in ("4", "5") for v in vals) / len(vals) > 0.7 and "9" in vals
    for s, _ in STRENGTHS:
        assert all(r[col[s]] in ("1", "0") for r in complete)
        assert all(r[col[s]] == "" for r in partial)
    comments = [r[col["comment"]] for r in body]
    assert any("\n" in c for c in comments) and any(";" in c for c in comments)
    summary.append(("employers", header, len(body), len(complete), len(partial), mgmt,
                    None, None))

    # shared variables have identical names in both exports
    ch = summary[0][1]
    for v in [s for s, _ in STRENGTHS] + ["grade", "recommend"]:
        assert v in ch and v in header
    return summary


def main():
    rng = random.Random(SEED)
    c_header, c_rows = make_clients(rng)
    e_header, e_rows = make_employers(rng)
    clients = [c_header] + c_rows
    employers = [e_header] + e_rows
    os.makedirs(DATA, exist_ok=True)
    os.makedirs(DIALECTS, exist_ok=True)

    write(os.path.join(DATA, "clients.csv"), render(clients, ",", "\n", True))
    write(os.path.join(DATA, "clients.codebook.csv"), codebook_text(clients_codebook()))
    write(os.path.join(DATA, "employers.csv"), render(employers, ";", "\n", False))
    write(os.path.join(DATA, "employers.codebook.csv"), codebook_text(employers_codebook()))

    gi = c_header.index("grade")
    decimal_comma = [r[:gi] + [r[gi].replace(".", ",")] + r[gi + 1:] for r in clients]
    write(os.path.join(DIALECTS, "clients_utf8.csv"), render(clients, ",", "\n", False))
    write(os.path.join(DIALECTS, "clients_cp1252_semicolon_crlf.csv"),
          render(decimal_comma, ";", "\r\n", False), encoding="cp1252")
    write(os.path.join(DIALECTS, "clients_bom.csv"), render(clients, ",", "\n", False),
          bom=True)
    write(os.path.join(DIALECTS, "clients_tab.tsv"), render(clients, "\t", "\n", False))

    for name, header, n, nc, npart, key, bc, ba in check_all():
        print(f"{name}: {n} returned, {nc} complete, {npart} partial")
        print(f"  columns: {', '.join(header)}")
        if name == "clients":
            print(f"  initiative=4 among completes: {key}/{nc} = {100 * key / nc:.0f}%")
            print("  barrier option   completes  all returned")
            for b in bc:
                print(f"  {b:<18} {bc[b]:>6} {ba[b]:>10}")
        else:
            print(f"  mgmt_adviser=1 (Ja) among completes: {key}/{nc} = "
                  f"{100 * key / nc:.0f}%")
    print("all checks passed")


if __name__ == "__main__":
    sys.exit(main())
