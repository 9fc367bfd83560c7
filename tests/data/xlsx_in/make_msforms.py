#!/usr/bin/python3
"""Writes msforms.xlsx: a workbook shaped like a Microsoft Forms export (sheet Form1; ID,
Start time, Completion time, Email, Name, then one column per question; checkbox answers
joined with ';' and ending in one; times as Excel date cells), made with Debian's
python3-openpyxl. Run from this directory: ./make_msforms.py"""
import datetime

import openpyxl

OPTIONS = ["Geen drempel", "De kosten", "Je moet je eigen problemen zelf oplossen",
           "Niet weten wat een loopbaanadviseur doet"]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Form1"
ws.append(["ID", "Start time", "Completion time", "Email", "Name",
           "Wat hield u tegen om een loopbaanadviseur in te schakelen?",
           "Welk rapportcijfer geeft u uw loopbaantraject?", "Opmerkingen"])
for i in range(1, 13):
    start = datetime.datetime(2015, 3, 1, 9, 0, 0) + datetime.timedelta(hours=7 * i, seconds=i)
    chosen = [OPTIONS[k] for k in range(4) if (i >> k) & 1] or [OPTIONS[0]]
    ws.append([i, start, start + datetime.timedelta(minutes=4 + i), "anonymous", None,
               ";".join(chosen) + ";", 5 + i % 6, "Prima" if i % 4 == 0 else None])
    for col in (2, 3):
        ws.cell(row=i + 1, column=col).number_format = "m/d/yy h:mm:ss"
wb.save("msforms.xlsx")
