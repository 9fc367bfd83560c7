#!/usr/bin/env python3
"""Writes a study's sample file: every invited ex-client with an AAPOR final disposition.

    python3 scripts/make_sample_file.py             # data/clients.sample.csv (2015)
    python3 scripts/make_sample_file.py data/2016   # data/2016/clients.sample.csv

The returns of DIR/clients.csv keep their id and bureau (complete = 1.1, partial = 1.2,
from submitdate); the invitees who did not return get fixed, documented dispositions
(see YEARS). Deterministic (seeded with the year).
"""
import csv
import random
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent

# Per year: invited, completes, partials, and the dispositions of those who did not return
# (refusals and break-offs, non-contacts, other, unknown eligibility, not eligible: moved
# abroad, address unusable).
YEARS = {
    2015: dict(invited=90, complete=50, partial=4,
               others=(["2.11"] * 3 + ["2.12"] * 3 + ["2.21"] * 10 + ["2.25"] * 8 +
                       ["2.31"] * 2 + ["2.32"] * 1 + ["3.11"] * 3 + ["3.19"] * 2 +
                       ["3.21"] * 2 + ["4.10"] * 1 + ["4.70"] * 1)),
    2016: dict(invited=110, complete=66, partial=5,
               others=(["2.11"] * 4 + ["2.12"] * 3 + ["2.21"] * 12 + ["2.25"] * 9 +
                       ["2.31"] * 3 + ["3.11"] * 4 + ["3.21"] * 3 + ["4.10"] * 1)),
    2017: dict(invited=120, complete=74, partial=6,
               others=(["2.11"] * 4 + ["2.12"] * 2 + ["2.21"] * 12 + ["2.25"] * 9 +
                       ["2.31"] * 2 + ["3.11"] * 4 + ["3.21"] * 3 + ["4.10"] * 2 +
                       ["4.70"] * 2)),
}

study = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else root / "data"
year = 2015 if study == root / "data" else int(study.name)
cfg = YEARS[year]
rng = random.Random(year)
with open(study / "clients.csv", newline="", encoding="utf-8") as f:
    returns = list(csv.DictReader(f))

rows = []
for r in returns:
    rows.append((r["id"], r["bureau"], "1.1" if r["submitdate"].strip() else "1.2"))

others = cfg["others"]
assert len(returns) + len(others) == cfg["invited"]
# Non-response is a little higher at bureau 4, so --by bureau has something to test.
weights = {"1": 1.0, "2": 1.0, "3": 1.0, "4": 1.6}
next_id = max(int(r[0]) for r in rows) + 1
for code in others:
    bureau = rng.choices(list(weights), weights=list(weights.values()))[0]
    rows.append((str(next_id), bureau, code))
    next_id += 1
rng.shuffle(rows)
rows.sort(key=lambda r: int(r[0]))

assert len(rows) == cfg["invited"]
assert sum(1 for r in rows if r[2] == "1.1") == cfg["complete"]
assert sum(1 for r in rows if r[2] == "1.2") == cfg["partial"]
out = study / "clients.sample.csv"
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "bureau", "disposition"])
    w.writerows(rows)
print(f"wrote {out.relative_to(root)}: {len(rows)} invitees")
