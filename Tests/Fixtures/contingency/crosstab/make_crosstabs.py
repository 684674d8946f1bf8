"""Crosstab CSV files as pandas writes them, from the ANES 1996 extract shipped with statsmodels.

Run with pandas and statsmodels installed (python3 -m venv v && v/bin/pip install pandas
statsmodels); then run generate.R (which reads these files and writes the R files and the
expected values). Regression fixtures for issue 13: a header of numeric codes read as counts.
"""

import statsmodels.api as sm

d = sm.datasets.anes96.load_pandas().data  # 944 respondents; selfLR 1..7, PID 0..6 (floats)
party = d.PID.map(
    lambda v: "Democrat" if v <= 2 else ("Independent" if v == 3 else "Republican")
).rename("party")

# `party,1,2,...,7`: integer codes in the header under a text corner cell.
ct = __import__("pandas").crosstab(party, d.selfLR.astype(int))
ct.to_csv("anes_party_selflr_pandas.csv")
# `party,1.0,2.0,...`: the codes as pandas keeps them when the column is float.
__import__("pandas").crosstab(party, d.selfLR).to_csv("anes_party_selflr_pandas_float.csv")
# `PID,1,...,7` then rows `0,...`: numeric codes on both margins.
__import__("pandas").crosstab(d.PID.astype(int), d.selfLR.astype(int)).to_csv(
    "anes_pid_selflr_pandas.csv"
)
# `1,2,...,7` then counts, no labels: ambiguous (codes or counts), must be refused.
ct.to_csv("anes_party_selflr_noindex.csv", index=False)

# Respondent rows for `compare`: party segments, the Likert item selfLR (floats, as pandas writes
# them), vote (0/1 floats), and a yes/no item with one "Don't know".
r = d[["selfLR", "vote", "educ"]].copy()
r.insert(0, "party", party)
r["voted_clinton"] = d.vote.map({1.0: "no", 0.0: "yes"})
r.loc[r.index[5], "voted_clinton"] = "Don't know"
r.to_csv("anes96_respondents.csv", index=False)
