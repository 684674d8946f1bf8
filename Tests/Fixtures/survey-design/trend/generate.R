# Reference values for `resample trend --data F --rows GROUP --cols OUTCOME` with a survey design:
# the design-based test for a trend in proportions across ordered groups, R survey's
#   svyglm(I(OUTCOME == success) ~ score(GROUP), design, family = quasibinomial())
# (the slope's t test on df.residual = degf(design) - 1, from the sandwich variance with
# linearization, or refitting with each replicate's weights), the design-based analogue of
# prop.trend.test / Cochran–Armitage.
#
# Run from this folder:  Rscript generate.R   (R 4.2.2, survey 4.1.1). Writes expected.json.
suppressPackageStartupMessages(library(survey))

source("../json.R")  # num, arr, str, strs

strat <- read.csv("../apistrat.csv", stringsAsFactors = FALSE)
clus1 <- read.csv("../apiclus1.csv", stringsAsFactors = FALSE)
jk1 <- read.csv("../apiclus1_jk1.csv", stringsAsFactors = FALSE)

cases <- list(
  list(name = "weights-only", file = "apistrat.csv", rows = "stype", cols = "awards",
       order = c("E", "M", "H"), scores = c(1, 2, 3), cli = "--weight pw", data = strat,
       design = function(d) svydesign(id = ~1, weights = ~pw, data = d)),
  list(name = "strata-fpc-scores", file = "apistrat.csv", rows = "stype", cols = "sch.wide",
       order = c("E", "M", "H"), scores = c(0, 1, 4), cli = "--weight pw --strata stype --fpc fpc",
       data = strat,
       design = function(d) svydesign(id = ~1, strata = ~stype, fpc = ~fpc, weights = ~pw,
                                      data = d)),
  list(name = "clusters", file = "apiclus1.csv", rows = "stype", cols = "awards",
       order = c("E", "M", "H"), scores = c(1, 2, 3), cli = "--weight pw --cluster dnum",
       data = clus1, design = function(d) svydesign(id = ~dnum, weights = ~pw, data = d)),
  list(name = "jk1-replicates", file = "apiclus1_jk1.csv", rows = "stype", cols = "awards",
       order = c("E", "M", "H"), scores = c(1, 2, 3),
       cli = "--weight pw --replicate-weights rw* --replicate-type jk1", data = jk1,
       design = function(d) svrepdesign(data = d, repweights = "rw[0-9]+", weights = ~pw,
                                        type = "JK1", combined.weights = TRUE))
)

out <- character(0)
for (cs in cases) {
  d <- cs$data
  d$y <- as.numeric(d[[cs$cols]] == "Yes")
  d$score <- cs$scores[match(d[[cs$rows]], cs$order)]
  des <- suppressWarnings(cs$design(d))
  # Converged to 1e-14 (glm.control): R evaluates the information at the previous iterate, so
  # its default epsilon = 1e-8 leaves the SE ~1e-8 from the converged value.
  m <- svyglm(y ~ score, des, family = quasibinomial(),
              control = glm.control(epsilon = 1e-14, maxit = 100))
  co <- summary(m)$coefficients
  out <- c(out, paste0(
    '  {"name": ', str(cs$name), ', "file": ', str(cs$file), ', "rows": ', str(cs$rows),
    ', "cols": ', str(cs$cols), ', "order": ', strs(cs$order), ', "scores": ', arr(cs$scores),
    ', "cli": ', str(cs$cli), ', "success": "Yes"',
    ',\n   "intercept": ', num(co[1, 1]), ', "slope": ', num(co[2, 1]),
    ', "standard_error": ', num(co[2, 2]), ', "statistic": ', num(co[2, 3]),
    ', "df": ', num(m$df.residual), ', "p_value": ', num(co[2, 4]), '}'))
}
writeLines(c("[", paste(out, collapse = ",\n"), "]"), "expected.json")
