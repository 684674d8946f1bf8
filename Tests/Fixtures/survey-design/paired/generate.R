# Reference values for `resample mcnemar --data F --first Q1 --second Q2` with a survey design:
# the design-based test that two yes/no items of the same respondents have the same share,
# R survey's one-sample t test of the paired difference,
#   svyttest(I((Q1 == s) - (Q2 == s)) ~ 0, design)   (t = mean / SE on degf(design) - 1 df),
# its 95 % interval confint(svymean(...), df = degf(design) - 1), and svymean of each item.
#
# Run from this folder:  Rscript generate.R   (R 4.2.2, survey 4.1.1). Writes expected.json.
suppressPackageStartupMessages(library(survey))

source("../json.R")  # num, arr, str, strs

strat <- read.csv("../apistrat.csv", stringsAsFactors = FALSE)
clus1 <- read.csv("../apiclus1.csv", stringsAsFactors = FALSE)
jk1 <- read.csv("../apiclus1_jk1.csv", stringsAsFactors = FALSE)

cases <- list(
  list(name = "weights-only", file = "apistrat.csv", first = "sch.wide", second = "awards",
       cli = "--weight pw", data = strat,
       design = function(d) svydesign(id = ~1, weights = ~pw, data = d)),
  list(name = "strata-fpc", file = "apistrat.csv", first = "comp.imp", second = "both",
       cli = "--weight pw --strata stype --fpc fpc", data = strat,
       design = function(d) svydesign(id = ~1, strata = ~stype, fpc = ~fpc, weights = ~pw,
                                      data = d)),
  list(name = "clusters", file = "apiclus1.csv", first = "sch.wide", second = "awards",
       cli = "--weight pw --cluster dnum", data = clus1,
       design = function(d) svydesign(id = ~dnum, weights = ~pw, data = d)),
  list(name = "jk1-replicates", file = "apiclus1_jk1.csv", first = "sch.wide", second = "awards",
       cli = "--weight pw --replicate-weights rw* --replicate-type jk1", data = jk1,
       design = function(d) svrepdesign(data = d, repweights = "rw[0-9]+", weights = ~pw,
                                        type = "JK1", combined.weights = TRUE))
)

out <- character(0)
for (cs in cases) {
  d <- cs$data
  d$y1 <- as.numeric(d[[cs$first]] == "Yes")
  d$y2 <- as.numeric(d[[cs$second]] == "Yes")
  d$dy <- d$y1 - d$y2
  des <- suppressWarnings(cs$design(d))
  tt <- svyttest(dy ~ 0, des)
  m <- svymean(~dy, des)
  ci <- confint(m, df = degf(des) - 1)
  p <- svymean(~y1 + y2, des)
  out <- c(out, paste0(
    '  {"name": ', str(cs$name), ', "file": ', str(cs$file), ', "first": ', str(cs$first),
    ', "second": ', str(cs$second), ', "cli": ', str(cs$cli), ', "success": "Yes"',
    ',\n   "difference": ', num(coef(m)[[1]]), ', "standard_error": ', num(SE(m)[[1]]),
    ', "statistic": ', num(unname(tt$statistic)), ', "df": ', num(unname(tt$parameter)),
    ', "p_value": ', num(tt$p.value), ', "lower": ', num(ci[1, 1]), ', "upper": ', num(ci[1, 2]),
    ',\n   "first_share": ', num(coef(p)[[1]]), ', "first_se": ', num(SE(p)[[1]]),
    ', "second_share": ', num(coef(p)[[2]]), ', "second_se": ', num(SE(p)[[2]]), '}'))
}
writeLines(c("[", paste(out, collapse = ",\n"), "]"), "expected.json")
