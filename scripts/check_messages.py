#!/usr/bin/env python3
"""Checks that every message key in careerstat's code has a Dutch translation.

    scripts/check_messages.py [--list]

Reads every msg("...") and msgf("...") key in src/ (concatenated literals joined) and the
{English, Dutch} entries of src/careerstat/messages_nl*.cpp and src/careerstat/i18n.cpp,
and fails (exit 1) naming each key with letters but no Dutch entry, each Dutch entry whose
fmt fields ({}, {:g}, ...) differ from its key's, and each entry no code uses. --list prints
the keys without a translation, one per line as a C++ literal, and exits 0.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
LITERAL = r'"(?:[^"\\\n]|\\.)*"'
RUN = rf'{LITERAL}(?:\s*{LITERAL})*'


def value(run):
    """The text of a run of concatenated C++ string literals."""
    out = []
    for lit in re.findall(LITERAL, run):
        body = lit[1:-1]
        out.append(re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)),
                          body))
    return "".join(out)


def keys_in_code():
    keys = {}
    for path in sorted(SRC.rglob("*.[ch]pp")):
        if path.name.startswith("messages_nl"):
            continue
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(rf'\bmsgf?\(\s*({RUN})', text):
            key = value(m.group(1))
            line = text.count("\n", 0, m.start()) + 1
            keys.setdefault(key, f"{path.relative_to(ROOT)}:{line}")
    return keys


def catalog(paths):
    entries = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        # Entries after this line are texts that reach msg() as values, not literal keys.
        data_from = text.find("// Not literal keys:")
        for m in re.finditer(rf'\{{\s*({RUN})\s*,\s*({RUN})\s*\}}', text):
            literal = data_from < 0 or m.start() < data_from
            entries[value(m.group(1))] = (value(m.group(2)), path.name, literal)
    return entries


def fields(text):
    return re.findall(r'(?<!\{)\{[^{}]*\}', text.replace("{{", "").replace("}}", ""))


def main():
    keys = keys_in_code()
    messages = catalog(sorted((SRC / "careerstat").glob("messages_nl*.cpp")))
    words = catalog([SRC / "careerstat" / "i18n.cpp"])
    missing = [k for k in keys if re.search(r'[A-Za-z]{2}', k) and k not in messages
               and k not in words]
    if "--list" in sys.argv:
        for k in missing:
            print(keys[k], '"' + k.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"')
        return 0
    problems = [f"{keys[k]}: no Dutch for \"{k}\"" for k in missing]
    for k, (nl, where, literal) in messages.items():
        if fields(k) != fields(nl):
            problems.append(f"{where}: \"{k}\": Dutch fields {fields(nl)} are not {fields(k)}")
        if literal and k not in keys:
            problems.append(f"{where}: \"{k}\": no code uses this message")
    for p in problems:
        print(p)
    print(f"check_messages: {len(keys)} keys, {len(messages)} Dutch messages, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
