#!/usr/bin/env python3
"""Writes the `--data` file fixtures: one small survey in several CSV dialects and encodings.

Run from this folder: python3 generate.py
The reference is survey.csv (comma, UTF-8, decimal point); every other file holds the same data
written as spreadsheets in other locales save it, and the tests assert that every command reads
them to identical results:
  survey-semicolon.csv  ';' separator, decimal comma (3,5), UTF-8
  survey-tab.tsv        tab separator, decimal point
  survey-latin1.csv     ',' separator, ISO 8859-1 (Montréal, Zürich as single bytes)
  survey-cp1252.csv     ';' separator, decimal comma, Windows-1252, CRLF (Excel, German locale)
  survey-bom.csv        ',' separator, UTF-8 with a byte order mark
"""
import random

REGIONS = ["Montréal", "Québec", "Genève", "Zürich"]
PARTIES = ["Democrat", "Republican", "Independent"]


def rows():
    rng = random.Random(13)
    out = []
    for i in range(60):
        region = REGIONS[rng.randrange(4)]
        party = PARTIES[min(2, int(rng.random() * (2.4 if region == "Zürich" else 3)))]
        score = round(rng.uniform(1, 7) * 2) / 2 + (0.25 if i % 7 == 0 else 0)
        out.append((str(i + 1), region, party, score))
    return out


def write(name, sep, decimal_comma, encoding, newline="\n", bom=b""):
    lines = [sep.join(["id", "region", "party", "score"])]
    for rid, region, party, score in rows():
        text = repr(score)
        if decimal_comma:
            text = text.replace(".", ",")
        lines.append(sep.join([rid, region, party, text]))
    data = bom + (newline.join(lines) + newline).encode(encoding)
    with open(name, "wb") as f:
        f.write(data)


write("survey.csv", ",", False, "utf-8")
write("survey-semicolon.csv", ";", True, "utf-8")
write("survey-tab.tsv", "\t", False, "utf-8")
write("survey-latin1.csv", ",", False, "latin-1")
write("survey-cp1252.csv", ";", True, "cp1252", newline="\r\n")
write("survey-bom.csv", ",", False, "utf-8", bom=b"\xef\xbb\xbf")
