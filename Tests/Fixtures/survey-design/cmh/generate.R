# Reference values for `resample cmh --data F --rows A --cols B --by S` (2×2×K) with a survey
# design: the design-based analogue of the Mantel–Haenszel test and common odds ratio, a
# survey-weighted logistic regression of the outcome on the strata and the exposure,
#   svyglm(I(B == "Yes") ~ factor(S) + I(A == "Yes"), design, family = quasibinomial())
# whose exposure coefficient is the common log odds ratio (row 1 vs row 2, for column 1): its t
# test on df.residual = degf(design) + 1 - (K + 1) df and the Wald interval (confint.svyglm,
# the same t quantile) of the odds ratio.
#
# No replicate-weight case: in apiclus1 only 9 schools are year-round, all but one with awards,
# so some JK1 replicates drop that school and their refit has no finite maximum (R then reports
# a standard error of 25 from a replicate coefficient near 36; resample refuses, naming the
# replicate). The replicate refits are checked through ../trend instead.
#
# Run from this folder:  Rscript generate.R   (R 4.2.2, survey 4.1.1). Writes expected.json.
suppressPackageStartupMessages(library(survey))

source("../json.R")  # num, arr, str, strs

strat <- read.csv("../apistrat.csv", stringsAsFactors = FALSE)
clus1 <- read.csv("../apiclus1.csv", stringsAsFactors = FALSE)

cases <- list(
  list(name = "weights-only", file = "apistrat.csv", rows = "yr.rnd", cols = "sch.wide",
       by = "stype", cli = "--weight pw", data = strat,
       design = function(d) svydesign(id = ~1, weights = ~pw, data = d)),
  list(name = "strata-fpc", file = "apistrat.csv", rows = "yr.rnd", cols = "awards",
       by = "stype", cli = "--weight pw --strata stype --fpc fpc", data = strat,
       design = function(d) svydesign(id = ~1, strata = ~stype, fpc = ~fpc, weights = ~pw,
                                      data = d)),
  list(name = "clusters", file = "apiclus1.csv", rows = "yr.rnd", cols = "awards",
       by = "stype", cli = "--weight pw --cluster dnum", data = clus1,
       design = function(d) svydesign(id = ~dnum, weights = ~pw, data = d))
)

out <- character(0)
for (cs in cases) {
  d <- cs$data
  d$y <- as.numeric(d[[cs$cols]] == "Yes")
  d$x <- as.numeric(d[[cs$rows]] == "Yes")
  d$s <- factor(d[[cs$by]])
  des <- suppressWarnings(cs$design(d))
  m <- svyglm(y ~ s + x, des, family = quasibinomial(),
              control = glm.control(epsilon = 1e-14, maxit = 100))
  co <- summary(m)$coefficients
  ci <- confint(m, parm = "x")
  out <- c(out, paste0(
    '  {"name": ', str(cs$name), ', "file": ', str(cs$file), ', "rows": ', str(cs$rows),
    ', "cols": ', str(cs$cols), ', "by": ', str(cs$by), ', "strata": ', strs(levels(d$s)),
    ', "cli": ', str(cs$cli),
    ',\n   "log_odds_ratio": ', num(co["x", 1]), ', "standard_error": ', num(co["x", 2]),
    ', "statistic": ', num(co["x", 3]), ', "df": ', num(m$df.residual),
    ', "p_value": ', num(co["x", 4]), ', "odds_ratio": ', num(exp(co["x", 1])),
    ', "lower": ', num(exp(ci[1, 1])), ', "upper": ', num(exp(ci[1, 2])), '}'))
}
writeLines(c("[", paste(out, collapse = ",\n"), "]"), "expected.json")
