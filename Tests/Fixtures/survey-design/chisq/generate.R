# Reference values for `resample chisq --data F --rows A --cols B` with a survey design:
# R survey's svychisq(~A + B, design) for three designs of the api samples one folder up.
#
# Run from this folder:  cd Tests/Fixtures/survey-design/chisq && Rscript generate.R
# Writes expected.json (R 4.2.2, survey 4.1.1). Conventions (see ../generate.R):
# - statistic = "F" (svychisq's default): second-order Rao-Scott, F = X2 / tr(Delta) on
#   ndf = tr(Delta)^2 / tr(Delta^2), ddf = ndf * nu.
# - statistic = "Chisq": R prints the UNADJUSTED weighted Pearson X2 (table rescaled to the
#   sample size) but its p-value is that of X2 / mean(diag(Delta)) on (r-1)(c-1) df; both
#   are recorded (`pearson`, `adjusted_statistic`).
# - "Wald" and "adjWald" are recorded too, for a later Wald option.
# - weighted: svytable(~A + B, design), row-major (rows = levels of A); proportions = /sum.
suppressPackageStartupMessages(library(survey))

source("../json.R")  # num, arr, str

clus1 <- read.csv("../apiclus1.csv", stringsAsFactors = TRUE)
strat <- read.csv("../apistrat.csv", stringsAsFactors = TRUE)
jk1 <- read.csv("../apiclus1_jk1.csv", stringsAsFactors = TRUE)

cases <- list(
  list(name = "weights-only", file = "apistrat.csv", rows = "stype", cols = "awards",
       cli = "--weight pw",
       design = svydesign(id = ~1, weights = ~pw, data = strat)),
  list(name = "strata-clusters", file = "apiclus1.csv", rows = "stype", cols = "comp.imp",
       cli = "--weight pw --strata stype --cluster dnum --nest",
       design = svydesign(id = ~dnum, strata = ~stype, weights = ~pw, nest = TRUE, data = clus1)),
  list(name = "strata-fpc", file = "apistrat.csv", rows = "yr.rnd", cols = "both",
       cli = "--weight pw --strata stype --fpc fpc",
       design = svydesign(id = ~1, strata = ~stype, fpc = ~fpc, weights = ~pw, data = strat)),
  # Replicate weights (JK1 over the 15 districts, written by ../generate.R): the Wald tests
  # take the covariance of the cell totals from the replicates.
  list(name = "jk1-replicates", file = "apiclus1_jk1.csv", rows = "stype", cols = "comp.imp",
       cli = "--weight pw --replicate-weights rw* --replicate-type jk1",
       design = svrepdesign(data = jk1, repweights = "rw[0-9]+", weights = ~pw, type = "JK1",
                            combined.weights = TRUE)),
  # A structural zero cell (awards implies sch.wide): R keeps it, the test is still defined.
  list(name = "zero-cell", file = "apiclus1.csv", rows = "sch.wide", cols = "awards",
       cli = "--weight pw --cluster dnum",
       design = svydesign(id = ~dnum, weights = ~pw, data = clus1))
)

out <- character(0)
for (cs in cases) {
  f <- as.formula(paste0("~", cs$rows, " + ", cs$cols))
  fs <- svychisq(f, cs$design, statistic = "F")
  ch <- svychisq(f, cs$design, statistic = "Chisq")
  wa <- svychisq(f, cs$design, statistic = "Wald")
  aw <- svychisq(f, cs$design, statistic = "adjWald")
  tab <- svytable(f, cs$design)
  w <- as.vector(t(unclass(tab)))
  r <- length(dimnames(tab)[[1]]) - 1; k <- length(dimnames(tab)[[2]]) - 1
  # chisq.test's X2 of the table rescaled to the sample size (R's "Chisq" statistic).
  x2 <- unname(ch$statistic)
  adj <- unname(fs$statistic) * r * k
  out <- c(out, paste0(
    '  {"name": ', str(cs$name), ', "file": ', str(cs$file), ', "rows": ', str(cs$rows),
    ', "cols": ', str(cs$cols), ', "cli": ', str(cs$cli),
    ',\n   "row_labels": [', paste(str(dimnames(tab)[[1]]), collapse = ", "),
    '], "col_labels": [', paste(str(dimnames(tab)[[2]]), collapse = ", "), ']',
    ',\n   "weighted": ', arr(w), ', "proportions": ', arr(w / sum(w)),
    ',\n   "rao_scott": {"statistic": ', num(fs$statistic), ', "ndf": ', num(fs$parameter[1]),
    ', "ddf": ', num(fs$parameter[2]), ', "p_value": ', num(fs$p.value), '}',
    ',\n   "rao_scott_first_order": {"pearson": ', num(x2), ', "adjusted_statistic": ', num(adj),
    ', "df": ', num(r * k), ', "p_value": ', num(ch$p.value), '}',
    ',\n   "wald": {"statistic": ', num(wa$statistic), ', "ndf": ', num(wa$parameter[1]),
    ', "ddf": ', num(wa$parameter[2]), ', "p_value": ', num(wa$p.value), '}',
    ',\n   "adj_wald": {"statistic": ', num(aw$statistic), ', "ndf": ', num(aw$parameter[1]),
    ', "ddf": ', num(aw$parameter[2]), ', "p_value": ', num(aw$p.value), '}}'))
}
writeLines(c("[", paste(out, collapse = ",\n"), "]"), "expected.json")
