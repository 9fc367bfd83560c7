#!/usr/bin/env python3
"""The report's reader never sees an option name or a docs path (issue 14, section 1).

    report_reader_words.py CAREERSTAT STUDY...

Renders each study as HTML and as Markdown (careerstat report STUDY --format html|md) and
fails naming every command-line option ("--invited", "-o") or docs path ("docs/trend.md")
in the text a reader sees: the HTML's text outside <script> and <style>, and the Markdown.
Those belong in the notes careerstat writes on standard error.
"""
import html.parser
import re
import subprocess
import sys

OPTION = re.compile(r'(?<![\w-])--[a-z][a-z-]+|(?<![\w-])-o\b')
DOCS = re.compile(r'\bdocs/[\w./-]+')


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.skip = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def main():
    careerstat, studies = sys.argv[1], sys.argv[2:]
    problems = 0
    for study in studies:
        for fmt in ("html", "md"):
            run = subprocess.run([careerstat, "report", study, "--format", fmt],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(f"FAIL {study} --format {fmt}: exit {run.returncode}: {run.stderr}")
                problems += 1
                continue
            text = run.stdout
            if fmt == "html":
                parser = Text()
                parser.feed(text)
                text = " ".join(parser.parts)
            found = sorted(set(OPTION.findall(text)) | set(DOCS.findall(text)))
            if found:
                print(f"FAIL {study} ({fmt}): the reader sees {', '.join(found)}")
                problems += 1
            else:
                print(f"ok   {study} ({fmt}): no option name, no docs path")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
