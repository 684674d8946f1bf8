#!/usr/bin/env python3
"""Writes the SPSS/Stata/SAS fixtures and their R reference values.

Run from this folder: /path/to/venv/bin/python generate_statistical.py
(needs pyreadstat and pandas from PyPI, the `readstat` command (Debian package readstat) and R).

One small survey, 80 respondents:
  party  1 Democrat, 2 Republican, 3 Independent     (numeric codes with value labels)
  vote   1 Yes, 2 No, 3 Unsure, -9 Refused           (-9 user-missing in the SPSS file)
  region text: North, South, East, West (a string variable)
  age    whole years (a numeric variable without labels)
Files: ballot.sav (pyreadstat, missing_ranges vote = -9), ballot.zsav and ballot.sas7bdat
(converted from ballot.sav by `readstat`: the .sas7bdat keeps no labels or user-missing values,
so its tallies are of the codes), ballot.dta (pyreadstat, value labels; Stata has no
user-missing values, so -9 is written as a system-missing value `.`), ballot.csv (the labelled
data as text, Refused as its label) and ballot-dta.csv (the .dta's data: Refused as an empty
cell). R (chisq.test(table(...)) on the CSVs, Refused as NA) writes ballot-r.json.
"""
import json
import random
import subprocess

import pandas as pd
import pyreadstat

PARTY = {1: "Democrat", 2: "Republican", 3: "Independent"}
VOTE = {1: "Yes", 2: "No", 3: "Unsure", -9: "Refused"}
REGIONS = ["North", "South", "East", "West"]

rng = random.Random(2026)
rows = []
for i in range(80):
    party = rng.choice([1, 1, 2, 2, 2, 3])
    vote = -9 if rng.random() < 0.1 else (1 if rng.random() < (0.7 if party == 1 else 0.35) else rng.choice([2, 3]))
    rows.append((party, vote, rng.choice(REGIONS), rng.randrange(18, 90)))
df = pd.DataFrame(rows, columns=["party", "vote", "region", "age"]).astype(
    {"party": "float64", "vote": "float64", "age": "float64"})

labels = {"party": PARTY, "vote": VOTE}
pyreadstat.write_sav(df, "ballot.sav", variable_value_labels=labels,
                     missing_ranges={"vote": [-9]})
dta = df.copy()
dta.loc[dta.vote == -9, "vote"] = float("nan")
pyreadstat.write_dta(dta, "ballot.dta", variable_value_labels={"party": PARTY, "vote": {
    k: v for k, v in VOTE.items() if k > 0}}, version=15)
subprocess.run(["readstat", "ballot.sav", "ballot.zsav"], check=True)
subprocess.run(["readstat", "ballot.sav", "ballot.sas7bdat"], check=True)

text = df.copy()
text["party"] = [PARTY[int(p)] for p in df.party]
text["vote"] = [VOTE[int(v)] for v in df.vote]
text["age"] = df.age.astype(int)
text.to_csv("ballot.csv", index=False)
t2 = text.copy()
t2.loc[t2.vote == "Refused", "vote"] = ""
t2.to_csv("ballot-dta.csv", index=False)
codes = df.copy().astype({"party": int, "vote": int, "age": int})
codes.to_csv("ballot-codes.csv", index=False)

R = r'''
d <- read.csv("ballot.csv", stringsAsFactors = FALSE)
d$vote[d$vote == "Refused"] <- NA
t <- chisq.test(table(d$party, d$vote))
codes <- read.csv("ballot-codes.csv")
u <- chisq.test(table(codes$party, codes$vote))
r <- chisq.test(table(d$region, d$party))
fmt <- function(x) formatC(x, digits = 17, format = "g")
cat(sprintf('{"party_vote": {"statistic": %s, "p_value": %s, "df": %d, "n": %d, "refused": %d},\n',
  fmt(t$statistic), fmt(t$p.value), t$parameter, sum(!is.na(d$vote)), sum(is.na(d$vote))))
cat(sprintf(' "party_vote_codes": {"statistic": %s, "p_value": %s, "df": %d},\n',
  fmt(u$statistic), fmt(u$p.value), u$parameter))
cat(sprintf(' "region_party": {"statistic": %s, "p_value": %s, "df": %d}}\n',
  fmt(r$statistic), fmt(r$p.value), r$parameter))
'''
out = subprocess.run(["Rscript", "-e", R], check=True, capture_output=True, text=True).stdout
ref = json.loads(out)
ref["_generator"] = "generate_statistical.py: R chisq.test(table(...)) on ballot.csv"
with open("ballot-r.json", "w") as f:
    json.dump(ref, f, indent=1)
    f.write("\n")
