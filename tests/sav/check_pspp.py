#!/usr/bin/env python3
"""check_pspp.py PSPP_CSV FREQ_JSON VAR...: PSPP's FREQUENCIES of a .sav that careerstat
convert wrote (pspp -O format=csv) against careerstat freq --format json of the export it
came from. For each single-choice VAR, every answer's and every labelled missing code's
count must be PSPP's frequency of that value label; for an option column VAR (group/option),
its "selected" count must be the careerstat multi-select table's n of that option.
Exit 0 passed, 1 failed."""
import csv
import json
import sys

def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)

# PSPP's CSV output: "Table: TITLE" lines, then the table's rows.
tables, current = {}, None
with open(sys.argv[1], encoding="utf-8") as f:
    for row in csv.reader(f):
        if len(row) == 1 and row[0].startswith("Table: "):
            current = tables.setdefault(row[0][len("Table: "):], [])
        elif current is not None and row:
            current.append(row)
doc = json.load(open(sys.argv[2], encoding="utf-8"))
by_id = {t["id"]: t for t in doc["tables"]}
checked = 0
for spec in sys.argv[3:]:
    if "/" in spec:  # group/option: a dichotomy variable
        group, option = spec.split("/")
        t = by_id["freq." + group]
        row = next(r for r in t["rows"] if r.get("option") == option)
        title = next(k for k in tables if k.endswith(row["label"]) and ": " in k)
        got = {r[1]: float(r[2]) for r in tables[title] if len(r) > 2 and r[1]}
        if got.get("Gekozen / selected") != row["n"]:
            fail(f"{spec}: PSPP counts {got.get('Gekozen / selected')} selected, careerstat {row['n']}")
        checked += 1
        continue
    t = by_id["freq." + spec]
    if t["title"] not in tables:
        fail(f"{spec}: PSPP has no frequency table titled {t['title']!r}")
    got = {r[1]: float(r[2]) for r in tables[t["title"]] if len(r) > 2 and r[1].strip(" .")}
    for r in t["rows"]:
        if r["kind"] == "total" or r.get("code") is None:
            continue  # the total, and blanks (PSPP's system-missing)
        if got.get(r["label"], 0.0) != r["n"]:
            fail(f"{spec}: {r['label']!r}: PSPP {got.get(r['label'])}, careerstat {r['n']}")
        checked += 1
print(f"ok: {checked} counts agree with PSPP")
