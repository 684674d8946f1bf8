# Respondent files for `compare` multi-category regression tests (issue 13) and R's figures for
# the yes/no questions they still allow.  Run: Rscript generate.R (needs the survey package and
# ../../contingency/crosstab/anes96_respondents.csv, written by pandas in make_crosstabs.py).
suppressMessages(library(survey))
data(api)
# api00 is a numeric score (156 distinct values in apistrat): not a yes/no question.
write.csv(apistrat[, c("stype", "api00", "sch.wide", "awards")], "apistrat.csv", row.names = FALSE)

d <- read.csv("../../contingency/crosstab/anes96_respondents.csv", check.names = FALSE)
q <- function(seg, yes, keep = rep(TRUE, length(yes))) {
  seg <- seg[keep]; yes <- yes[keep]
  t <- table(seg, factor(yes, levels = c(TRUE, FALSE)))
  ct <- chisq.test(t, correct = FALSE)
  list(segments = rownames(t), x = unname(t[, 1]), n = unname(rowSums(t)),
       pearson_statistic = unname(ct$statistic), pearson_p = ct$p.value)
}
out <- list(
  # selfLR=7 by party (segments in order of first appearance in the file)
  selflr_7 = q(factor(d$party, levels = unique(d$party)), d$selfLR == 7),
  # voted_clinton with "Don't know" declared missing
  voted_clinton = q(factor(d$party, levels = unique(d$party)), d$voted_clinton == "yes",
                    d$voted_clinton != "Don't know"),
  dont_know = sum(d$voted_clinton == "Don't know"),
  # vote (0/1 written as 0.0/1.0) by selfLR, segments ordered by value 1..7
  vote_by_selflr = q(factor(d$selfLR, levels = sort(unique(d$selfLR))), d$vote == 1),
  # --top-box 2 on selfLR (a 7-point scale): the share answering 6 or 7, by party
  selflr_top2 = q(factor(d$party, levels = unique(d$party)), d$selfLR %in% c(6, 7)),
  # the raw pairwise p-values of compare's default pairwise test (Fisher exact, two-sided)
  selflr_top2_fisher_p = local({
    seg <- factor(d$party, levels = unique(d$party)); yes <- d$selfLR %in% c(6, 7)
    pairs <- combn(levels(seg), 2)
    apply(pairs, 2, function(ab) {
      keep <- seg %in% ab
      fisher.test(table(droplevels(seg[keep]), factor(yes[keep], levels = c(TRUE, FALSE))))$p.value
    })
  }),
  api00_distinct = length(unique(apistrat$api00)),
  sch_wide = q(factor(apistrat$stype, levels = unique(apistrat$stype)), apistrat$sch.wide == "Yes")
)
writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "expected.json")
