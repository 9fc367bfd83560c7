#!/usr/bin/env python3
"""Writes the trend fixture: three small waves (2020, 2021, 2022) of one survey, each a study
file, an export and a codebook, with the questionnaire changing in 2022 (docs/trend.md):

  stage   single 1..4; 2022 reversed its codes (1 now "very late"); 2022's study maps it
  status  single; 2022 gave code 2 another meaning ("Werkzoekend" -> "Met pensioen"),
          not mapped: the trend leaves 2020 and 2021 out
  reasons multi-select (reason_a, reason_b, reason_c); 2022 added reason_d
  grade   1..10
  help    likert 1..5, the same every year

Deterministic (seeded); tests/reference/trend.R computes the expected values from these
files with prop.test and t.test. Run from anywhere: python3 tests/data/trend/make_fixture.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
AGREE = "1=Zeer oneens|2=Oneens|3=Neutraal|4=Eens|5=Zeer eens"

def codebook(year):
    new = year >= 2022
    rows = [
        ("id", "Respondent", "id", "", "", "", ""),
        ("stage", "Wanneer zocht u hulp?", "single",
         "1=Zeer laat|2=Laat|3=Op tijd|4=Vroeg" if new else "1=Vroeg|2=Op tijd|3=Laat|4=Zeer laat",
         "9=Weet niet", "", ""),
        ("status", "Wat is uw situatie nu?", "single",
         "1=Werkend|2=Met pensioen|3=Studerend" if new else "1=Werkend|2=Werkzoekend|3=Studerend",
         "", "", ""),
        ("reason_a", "Geen tijd", "multi", "", "", "reasons", "Waarom niet eerder?"),
        ("reason_b", "Te duur", "multi", "", "", "reasons", ""),
        ("reason_c", "Niet nodig", "multi", "", "", "reasons", ""),
    ]
    if new:
        rows.append(("reason_d", "Niet bekend", "multi", "", "", "reasons", ""))
    rows += [
        ("grade", "Rapportcijfer", "grade", "1..10", "", "", ""),
        ("help", "De begeleiding hielp mij", "likert", AGREE, "9=Weet niet", "", ""),
    ]
    return rows

def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(",".join(f'"{c}"' if ("," in c or "|" in c or " " in c) else c for c in r) + "\n")

PARAMS = {  # n, P(stage 1..4 logical: 1 early .. 4 very late), grade centre
    2020: (40, [0.1, 0.2, 0.2, 0.5], 7.2),
    2021: (45, [0.15, 0.2, 0.25, 0.4], 7.6),
    2022: (50, [0.2, 0.25, 0.25, 0.3], 7.9),
}
REVERSED = {1: 4, 2: 3, 3: 2, 4: 1, 9: 9}

for year, (n, stage_p, grade_c) in PARAMS.items():
    rng = random.Random(year)
    d = os.path.join(HERE, f"w{year}")
    os.makedirs(d, exist_ok=True)
    cb = codebook(year)
    write(os.path.join(d, "export.codebook.csv"),
          [("variable", "label", "type", "choices", "missing", "group", "question")] + cb)
    header = [r[0] for r in cb]
    out = [header]
    for i in range(1, n + 1):
        stage = 9 if rng.random() < 0.06 else rng.choices([1, 2, 3, 4], stage_p)[0]
        if year >= 2022:
            stage = REVERSED[stage]
        row = {"id": str(i), "stage": str(stage),
               "status": str(rng.choices([1, 2, 3], [0.6, 0.3, 0.1])[0])}
        for v, p in (("reason_a", 0.5), ("reason_b", 0.3), ("reason_c", 0.2), ("reason_d", 0.25)):
            row[v] = "Y" if rng.random() < p else ""
        row["grade"] = str(max(1, min(10, round(rng.gauss(grade_c, 1.1)))))
        row["help"] = "" if rng.random() < 0.05 else str(max(1, min(5, round(rng.gauss(3.8, 0.9)))))
        out.append([row.get(h, "") for h in header])
    write(os.path.join(d, "export.csv"), out)
