#!/usr/bin/env python3
"""Writes data/clients.sample.csv: the 90 invited ex-clients with AAPOR final dispositions.

The 54 returns of data/clients.csv keep their id and bureau (complete = 1.1, partial =
1.2, from submitdate); the 36 invitees who did not return get fixed, documented
dispositions. Deterministic (seed 2015). Run: python3 scripts/make_sample_file.py
"""
import csv
import random
from pathlib import Path

root = Path(__file__).resolve().parent.parent
rng = random.Random(2015)
with open(root / "data" / "clients.csv", newline="", encoding="utf-8") as f:
    returns = list(csv.DictReader(f))

rows = []
for r in returns:
    rows.append((r["id"], r["bureau"], "1.1" if r["submitdate"].strip() else "1.2"))

# The 36 who did not return: refusals and break-offs, non-contacts, other, unknown
# eligibility, not eligible (moved abroad, address unusable).
others = (["2.11"] * 3 + ["2.12"] * 3 + ["2.21"] * 10 + ["2.25"] * 8 + ["2.31"] * 2 +
          ["2.32"] * 1 + ["3.11"] * 3 + ["3.19"] * 2 + ["3.21"] * 2 + ["4.10"] * 1 +
          ["4.70"] * 1)
assert len(others) == 36
# Non-response is a little higher at bureau 4, so --by bureau has something to test.
weights = {"1": 1.0, "2": 1.0, "3": 1.0, "4": 1.6}
next_id = max(int(r[0]) for r in rows) + 1
for code in others:
    bureau = rng.choices(list(weights), weights=list(weights.values()))[0]
    rows.append((str(next_id), bureau, code))
    next_id += 1
rng.shuffle(rows)
rows.sort(key=lambda r: int(r[0]))

assert len(rows) == 90
assert sum(1 for r in rows if r[2] == "1.1") == 50
assert sum(1 for r in rows if r[2] == "1.2") == 4
with open(root / "data" / "clients.sample.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "bureau", "disposition"])
    w.writerows(rows)
print("wrote data/clients.sample.csv: 90 invitees")
