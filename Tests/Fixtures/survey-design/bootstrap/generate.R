# Reference values for `boot --data` with a survey design (the Rao–Wu bootstrap), from R's
# `survey` package. Run from this folder:  Rscript generate.R
# (written against R 4.2.2, survey 4.1.1).
#
# Writes apiclus1.csv and apistrat.csv (R's api data with the numeric api00 column) and
# expected.json. For each case:
# - the estimate and its Taylor-linearization SE (svymean / svyby + svycontrast): exact, the
#   tests use 1e-9 relative;
# - R's own Rao–Wu bootstrap, as.svrepdesign(type = "subbootstrap", replicates = B): its
#   replicate SE and the type-7 percentile interval of its replicate estimates. These are Monte
#   Carlo quantities of a different generator: the tests compare ours with them within 4 Monte
#   Carlo standard errors of the difference (SE of an SE ≈ SE/√(2(B−1)); of a 2.5 % quantile
#   ≈ √(.025·.975/B)/φ(1.96) · SE);
# - BCa's acceleration from the delete-one-PSU jackknife within strata (JKn: the other PSUs of
#   the stratum × n_h/(n_h − 1)), with the multi-sample rule U_hi = (n_h − 1)(mean_h − θ_(hi)),
#   a = Σ U³/n_h³ / (6 (Σ U²/n_h²)^{3/2}): exact, 1e-9.
# survey's subbootstrap draws n_h − 1 of the n_h PSUs in each stratum with replacement and
# rescales by n_h/(n_h − 1), without a finite-population correction. Rao, Wu & Yue (1992) shrink
# the factors towards 1 by λ_h = √(1 − f_h) when there is one: replicate factor 1 − λ_h + λ_h F
# for survey's factor F. This script applies that to R's replicate factors (λ = 1 without fpc), so
# the reference is R's randomness through the same estimator.
suppressPackageStartupMessages(library(survey))
source(file.path("..", "..", "..", "..", "scripts", "json.R"))
data(api)
keep <- c("snum", "dnum", "stype", "pw", "fpc", "api00", "enroll")
write.csv(apiclus1[, keep], "apiclus1.csv", row.names = FALSE)
write.csv(apistrat[, keep], "apistrat.csv", row.names = FALSE)
c1 <- read.csv("apiclus1.csv")
st <- read.csv("apistrat.csv")

B <- 4000
cases <- list()
add <- function(name, design, fpc, group = NULL) {
  if (is.null(group)) {
    m <- svymean(~api00, design)
    est <- as.numeric(coef(m)); se <- as.numeric(SE(m))
  } else {
    by <- svyby(~api00, ~stype, design, svymean, covmat = TRUE)
    cvec <- setNames(rep(0, nrow(by)), rownames(by))
    cvec[group[1]] <- 1; cvec[group[2]] <- -1
    con <- svycontrast(by, cvec)
    est <- as.numeric(coef(con)); se <- as.numeric(SE(con))
  }
  # Delete-one-PSU jackknife acceleration.
  stat <- function(w) {
    y <- design$variables$api00
    if (is.null(group)) return(sum(w * y) / sum(w))
    g <- design$variables$stype
    a <- g == group[1]; b <- g == group[2]
    sum((w * y)[a]) / sum(w[a]) - sum((w * y)[b]) / sum(w[b])
  }
  psu <- design$cluster[, 1]
  strat <- design$strata[, 1]
  pw0 <- 1 / design$prob
  num <- 0; den <- 0
  for (h in unique(strat)) {
    ids <- unique(psu[strat == h])
    nh <- length(ids)
    if (nh < 2) next
    th <- sapply(ids, function(i) {
      w <- pw0
      w[strat == h] <- w[strat == h] * nh / (nh - 1)
      w[strat == h & psu == i] <- 0
      stat(w)
    })
    u <- (nh - 1) * (mean(th) - th)
    num <- num + sum(u^3) / nh^3
    den <- den + sum(u^2) / nh^2
  }
  accel <- num / (6 * den^1.5)
  set.seed(20261203)
  sub <- as.svrepdesign(design, type = "subbootstrap", replicates = B)
  w <- design$prob
  pw <- 1 / w
  factors <- weights(sub, "analysis") / pw
  lambda <- if (fpc) sqrt(1 - design$fpc$sampsize[, 1] / design$fpc$popsize[, 1]) else 1
  factors <- 1 - lambda + lambda * factors
  rep <- svrepdesign(data = design$variables, repweights = factors * pw, weights = pw,
                     type = "bootstrap", combined.weights = TRUE, scale = 1 / (B - 1))
  if (is.null(group)) {
    r <- svymean(~api00, rep, return.replicates = TRUE)
    reps <- as.numeric(r$replicates)
  } else {
    r <- svyby(~api00, ~stype, rep, svymean, return.replicates = TRUE, covmat = TRUE)
    reps <- attr(r, "replicates")
    if (is.null(reps)) reps <- r$replicates
    reps <- as.numeric(reps[, group[1]] - reps[, group[2]])
  }
  # Replicates that leave a group without PSUs have no estimate: R drops them, as we do.
  reps <- reps[is.finite(reps)]
  cases[[length(cases) + 1]] <<- obj(
    name = str(name), fpc = if (fpc) "true" else "false",
    group = if (is.null(group)) "null" else paste0("[", str(group[1]), ", ", str(group[2]), "]"),
    estimate = num(est), linearization_se = num(se), acceleration = num(accel),
    r_bootstrap_replicates = num(length(reps)), r_bootstrap_se = num(sd(reps)),
    r_percentile_95 = num(quantile(reps, c(0.025, 0.975), type = 7)))
}
add("apiclus1 mean, no fpc", svydesign(id = ~dnum, weights = ~pw, data = c1), FALSE)
add("apiclus1 mean, fpc", svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = c1), TRUE)
add("apiclus1 E-H, no fpc", svydesign(id = ~dnum, weights = ~pw, data = c1), FALSE, c("E", "H"))
add("apistrat mean, no fpc", svydesign(id = ~1, strata = ~stype, weights = ~pw, data = st), FALSE)
add("apistrat E-M, fpc",
    svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = st), TRUE, c("E", "M"))
writeLines(paste0(
  "{\"generated_by\": \"Tests/Fixtures/survey-design/bootstrap/generate.R\", ",
  "\"r_version\": ", str(R.version.string), ", \"survey_version\": ",
  str(as.character(packageVersion("survey"))), ", \"cases\": [\n  ",
  paste(unlist(cases), collapse = ",\n  "), "\n]}"), "expected.json")
