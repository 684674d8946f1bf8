# Expected values for `resample trend` and `resample cmh` (issue 13 item 2): R's prop.trend.test,
# prop.test, chisq.test and mantelhaen.test (correct = TRUE/FALSE, exact = TRUE) on real data
# (the smokers example of ?prop.trend.test, esoph, UCBAdmissions, the Rabbits and Satisfaction
# examples of ?mantelhaen.test, MASS::housing), plus independent R implementations of what base R
# lacks: Breslow–Day with and without Tarone's adjustment (expected cells by uniroot, not the
# quadratic formula), the generalized CMH statistics of Landis, Heyman & Koch (1978) (general
# association checked against mantelhaen.test here, row mean scores, correlation), the
# linear-by-linear M² = (N − 1) r² (checked against the one-stratum correlation statistic), and the
# conditional MLE / exact CI of the common odds ratio solved to full precision (mantelhaen.test's
# uniroot stops at ~1e-4; both are written).
#
# Run from this folder:  Rscript generate.R   (R 4.2.2, MASS)   -> stratified_r.json, *.csv
# generate.py cross-checks Breslow–Day and the MH estimate with statsmodels.
suppressPackageStartupMessages(library(MASS))
source(file.path("..", "..", "..", "..", "scripts", "json.R"))
strs <- function(x) paste0("[", paste(vapply(as.character(x), str, ""), collapse = ", "), "]")
arr <- function(x) paste0("[", paste(x, collapse = ", "), "]")
# A 3-way array as [[table of stratum 1], ...], each table a list of rows.
tables3 <- function(x) arr(sapply(seq_len(dim(x)[3]), function(k)
  arr(apply(x[, , k, drop = TRUE], 1, function(r) num(r)))))
tab_text <- function(x) paste(sapply(seq_len(dim(x)[3]), function(k)
  paste(apply(x[, , k], 1, paste, collapse = ","), collapse = ";")), collapse = "|")

## ---- Trend -------------------------------------------------------------------------------
trend_case <- function(name, x, n, score = seq_along(x), args = character()) {
  t <- prop.trend.test(x, n, score)
  h <- suppressWarnings(prop.test(x, n, correct = FALSE))
  # the same X² from chisq.test of the k×2 table, as Pearson's statistic
  cs <- suppressWarnings(chisq.test(cbind(x, n - x), correct = FALSE))
  stopifnot(abs(cs$statistic - h$statistic) < 1e-9 * h$statistic)
  dep <- unname(h$statistic - t$statistic)
  obj(name = str(name), args = strs(args), x = num(x), n = num(n), scores = num(score),
      statistic = num(unname(t$statistic)), p_value = num(t$p.value),
      homogeneity = num(unname(h$statistic)),
      departure = if (length(x) > 2) num(dep) else "null",
      departure_df = num(length(x) - 2),
      departure_p_value = if (length(x) > 2) num(pchisq(dep, length(x) - 2, lower.tail = FALSE)) else "null")
}

smokers <- c(83, 90, 129, 70)
patients <- c(86, 93, 136, 82)

# esoph: cases and controls by alcohol group, as long data (one row per group × status).
es <- aggregate(cbind(ncases, ncontrols) ~ alcgp + agegp, data = esoph, FUN = sum)
esoph_long <- rbind(
  data.frame(agegp = es$agegp, alcgp = es$alcgp, status = "case", Freq = es$ncases),
  data.frame(agegp = es$agegp, alcgp = es$alcgp, status = "control", Freq = es$ncontrols))
esoph_long <- esoph_long[order(esoph_long$agegp, esoph_long$alcgp), ]
write.csv(esoph_long, "esoph_long.csv", row.names = FALSE)
el <- read.csv("esoph_long.csv")
alc_levels <- levels(esoph$alcgp)
age_levels <- levels(esoph$agegp)
el$alcgp <- factor(el$alcgp, levels = alc_levels)
el$agegp <- factor(el$agegp, levels = age_levels)
el$status <- factor(el$status, levels = c("case", "control"))
alc_case <- tapply(el$Freq[el$status == "case"], el$alcgp[el$status == "case"], sum)
alc_all <- tapply(el$Freq, el$alcgp, sum)

trend <- c(
  trend_case("smokers", smokers, patients),
  trend_case("smokers scores 0,0,0,1", smokers, patients, c(0, 0, 0, 1)),
  trend_case("issue example", c(29, 75, 51, 45), c(444, 430, 189, 112)),
  trend_case("two groups", c(12, 30), c(40, 50)),
  trend_case("esoph alcohol", unname(alc_case), unname(alc_all),
             args = c("--rows", "alcgp", "--cols", "status", "--freq-weight", "Freq",
                      "--order", paste(alc_levels, collapse = ","), "--success", "case")),
  trend_case("esoph alcohol scores", unname(alc_case), unname(alc_all), c(20, 60, 100, 150),
             args = c("--rows", "alcgp", "--cols", "status", "--freq-weight", "Freq",
                      "--order", paste(alc_levels, collapse = ","), "--success", "case",
                      "--scores", "20,60,100,150")))

## ---- Generalized CMH (Landis, Heyman & Koch 1978), written from the formulas ---------------
# x: I×J×K array. a: row scores, b: column scores. Returns general, rmeans, cor.
gcmh <- function(x, a = seq_len(dim(x)[1]), b = seq_len(dim(x)[2])) {
  I <- dim(x)[1]; J <- dim(x)[2]; K <- dim(x)[3]
  stat <- function(Bfun) {
    G <- 0; V <- 0
    for (k in 1:K) {
      f <- x[, , k]; n <- sum(f)
      pr <- rowSums(f) / n; pc <- colSums(f) / n
      B <- Bfun()
      e <- c(f) - n * c(outer(pr, pc))                    # vec, row index fastest
      Vk <- n^2 / (n - 1) * kronecker(diag(pc, J) - pc %o% pc, diag(pr, I) - pr %o% pr)
      G <- G + B %*% e
      V <- V + B %*% Vk %*% t(B)
    }
    s <- c(t(G) %*% solve(V, G))
    c(s, nrow(B))
  }
  Ir <- cbind(diag(I - 1), 0); Jc <- cbind(diag(J - 1), 0)
  ga <- stat(function() kronecker(Jc, Ir))
  rm <- stat(function() kronecker(t(b), Ir))
  co <- stat(function() kronecker(t(b), t(a)))
  list(general = ga, rmeans = rm, cor = co)
}
gjson <- function(g) {
  f <- function(v) obj(statistic = num(v[1]), df = num(v[2]),
                       p_value = num(pchisq(v[1], v[2], lower.tail = FALSE)))
  obj(general_association = f(g$general), row_mean_scores = f(g$rmeans), correlation = f(g$cor))
}

## ---- Breslow–Day (and Tarone), independent: E[a_k] by uniroot ------------------------------
# Strata with a zero margin (a single possible table: a_k = E_k, variance 0) carry no information
# on the odds ratio and are left out, df = (strata left) − 1 (statsmodels gives NaN there).
breslow_day <- function(x, or) {
  keep <- apply(x, 3, function(f) all(rowSums(f) > 0) && all(colSums(f) > 0))
  x <- x[, , keep, drop = FALSE]
  K <- dim(x)[3]; E <- V <- numeric(K)
  for (k in 1:K) {
    f <- x[, , k]; n1 <- sum(f[1, ]); n2 <- sum(f[2, ]); m1 <- sum(f[, 1])
    lo <- max(0, m1 - n2); hi <- min(n1, m1)
    g <- function(e) e * (n2 - m1 + e) - or * (n1 - e) * (m1 - e)
    E[k] <- if (lo == hi) lo else uniroot(g, c(lo, hi), tol = 1e-15 * max(1, hi))$root
    V[k] <- 1 / (1 / E[k] + 1 / (n1 - E[k]) + 1 / (m1 - E[k]) + 1 / (n2 - m1 + E[k]))
  }
  a <- x[1, 1, ]
  bd <- sum((a - E)^2 / V)
  tarone <- bd - sum(a - E)^2 / sum(V)
  c(bd, tarone, K - 1)
}

## ---- Exact conditional test, full-precision MLE and CI --------------------------------------
exact_tight <- function(x, level = 0.95, alternative = "two.sided") {
  K <- dim(x)[3]
  mn <- apply(x, c(1L, 3L), sum)[1L, ]; nn <- apply(x, c(1L, 3L), sum)[2L, ]
  t <- apply(x, c(2L, 3L), sum)[1L, ]; s <- sum(x[1L, 1L, ])
  lo <- sum(pmax(0, t - nn)); hi <- sum(pmin(mn, t)); support <- lo:hi
  dc <- .Call(stats:::C_d2x2xk, K, mn, nn, t, hi - lo + 1L)
  dn <- function(lt) { d <- log(dc) + lt * support; d <- exp(d - max(d)); d / sum(d) }
  mean_at <- function(lt) sum(support * dn(lt))
  tail_at <- function(lt, upper) { d <- dn(lt); if (upper) sum(d[support >= s]) else sum(d[support <= s]) }
  alpha <- if (alternative == "two.sided") (1 - level) / 2 else 1 - level
  root <- function(f) uniroot(f, c(-30, 30), tol = 1e-15, maxiter = 10000)$root
  est <- if (s == lo) 0 else if (s == hi) Inf else exp(root(function(lt) mean_at(lt) - s))
  lower <- if (s == lo || alternative == "less") 0 else exp(root(function(lt) tail_at(lt, TRUE) - alpha))
  upper <- if (s == hi || alternative == "greater") Inf else exp(root(function(lt) tail_at(lt, FALSE) - alpha))
  c(est, lower, upper)
}

cmh_case <- function(name, x, args = character(), a = NULL, b = NULL) {
  I <- dim(x)[1]; J <- dim(x)[2]; K <- dim(x)[3]
  a <- if (is.null(a)) seq_len(I) else a
  b <- if (is.null(b)) seq_len(J) else b
  g <- gcmh(x, a, b)
  fields <- list(name = str(name), args = strs(args), tables = tables3(x), text = str(tab_text(x)),
                 row_labels = strs(dimnames(x)[[1]]), column_labels = strs(dimnames(x)[[2]]),
                 strata_labels = strs(dimnames(x)[[3]]), row_scores = num(a), column_scores = num(b),
                 generalized = gjson(g))
  if (I == 2 && J == 2) {
    m <- mantelhaen.test(x)
    m0 <- mantelhaen.test(x, correct = FALSE)
    m90 <- mantelhaen.test(x, conf.level = 0.9)
    stopifnot(abs(g$general[1] - m0$statistic) < 1e-9 * m0$statistic)
    ex <- mantelhaen.test(x, exact = TRUE)
    et <- exact_tight(x)
    bd <- breslow_day(x, unname(m$estimate))
    # One-sided (R's alternative =): MH p and interval, exact p and (tight) interval.
    numi <- function(v) paste0("[", paste(ifelse(is.finite(v), sprintf("%.17g", v),
                                                 ifelse(v > 0, "\"inf\"", "\"-inf\"")),
                                          collapse = ", "), "]")
    side <- function(alt) {
      a <- mantelhaen.test(x, alternative = alt)
      e <- mantelhaen.test(x, alternative = alt, exact = TRUE)
      t <- exact_tight(x, alternative = alt)
      obj(p_value = num(a$p.value), ci = numi(a$conf.int), exact_p_value = num(e$p.value),
          exact_ci = numi(t[2:3]))
    }
    fields <- c(fields, list(
      statistic = num(unname(m$statistic)), p_value = num(m$p.value),
      statistic_uncorrected = num(unname(m0$statistic)), p_value_uncorrected = num(m0$p.value),
      mh_odds_ratio = num(unname(m$estimate)), mh_ci = num(m$conf.int), mh_ci90 = num(m90$conf.int),
      exact_p_value = num(ex$p.value), exact_statistic = num(unname(ex$statistic)),
      exact_estimate_r = num(unname(ex$estimate)), exact_ci_r = num(ex$conf.int),
      exact_estimate = num(et[1]), exact_ci = num(et[2:3]),
      breslow_day = num(bd[1]), tarone = num(bd[2]), bd_df = num(bd[3]),
      breslow_day_p = num(pchisq(bd[1], bd[3], lower.tail = FALSE)),
      tarone_p = num(pchisq(bd[2], bd[3], lower.tail = FALSE)),
      less = side("less"), greater = side("greater")))
  } else {
    m <- mantelhaen.test(x)
    stopifnot(abs(g$general[1] - m$statistic) < 1e-9 * m$statistic)
    fields <- c(fields, list(statistic = num(unname(m$statistic)), df = num(unname(m$parameter)),
                             p_value = num(m$p.value)))
  }
  do.call(obj, fields)
}

Rabbits <- array(c(0, 0, 6, 5, 3, 0, 3, 6, 6, 2, 0, 4, 5, 6, 1, 0, 2, 5, 0, 0), dim = c(2, 2, 5),
  dimnames = list(Delay = c("None", "1.5h"), Response = c("Cured", "Died"),
                  Penicillin.Level = c("1/8", "1/4", "1/2", "1", "4")))
Satisfaction <- array(c(1, 2, 0, 0, 3, 3, 1, 2, 11, 17, 8, 4, 2, 3, 5, 2, 1, 0, 0, 0, 1, 3, 0, 1,
  2, 5, 7, 9, 1, 1, 3, 6), dim = c(4, 4, 2),
  dimnames = list(Income = c("<5000", "5000-15000", "15000-25000", ">25000"),
                  Satisfaction = c("V_D", "L_S", "M_S", "V_S"), Gender = c("Female", "Male")))

ucb <- read.csv(file.path("..", "crosstab", "ucb_long.csv"))
ucbx <- xtabs(Freq ~ Admit + Gender + Dept, ucb)
ucbx <- unclass(ucbx)[c("Admitted", "Rejected"), c("Male", "Female"), ]
hous <- read.csv(file.path("..", "crosstab", "housing_long.csv"))
lvl <- c("Low", "Medium", "High")
hous$Infl <- factor(hous$Infl, levels = lvl); hous$Sat <- factor(hous$Sat, levels = lvl)
hous$Type <- factor(hous$Type, levels = unique(hous$Type))  # first appearance, as resample
housx <- unclass(xtabs(Freq ~ Infl + Sat + Type, hous))
esx <- unclass(xtabs(Freq ~ alcgp + status + agegp, el))
# esoph at alcohol ≥ 80 g/day or not, by age group: a 2×2×6 table with sparse strata.
el$heavy <- factor(ifelse(el$alcgp %in% c("80-119", "120+"), "heavy", "light"),
                   levels = c("heavy", "light"))
esh <- unclass(xtabs(Freq ~ heavy + status + agegp, el))
write.csv(el[, c("agegp", "alcgp", "heavy", "status", "Freq")], "esoph_long.csv", row.names = FALSE)

cmh <- c(
  cmh_case("UCB admit x gender by dept", ucbx,
           c("--rows", "Admit", "--cols", "Gender", "--by", "Dept")),
  cmh_case("Rabbits", Rabbits),
  cmh_case("esoph heavy x status by age", esh,
           c("--rows", "heavy", "--cols", "status", "--by", "agegp", "--order",
             paste(c("heavy", "light", "case", "control", age_levels), collapse = ","))),
  cmh_case("Satisfaction", Satisfaction),
  cmh_case("Satisfaction scores", Satisfaction, a = c(3, 10, 20, 35), b = c(1, 3, 4, 5)),
  cmh_case("housing infl x sat by type", housx,
           c("--rows", "Infl", "--cols", "Sat", "--by", "Type", "--order", "Low,Medium,High")),
  cmh_case("esoph alcohol x status by age", esx,
           c("--rows", "alcgp", "--cols", "status", "--by", "agegp", "--order",
             paste(c(alc_levels, "case", "control", age_levels), collapse = ","))))

## ---- Linear-by-linear M² = (N − 1) r² ------------------------------------------------------
lbl_case <- function(name, m, a = seq_len(nrow(m)), b = seq_len(ncol(m)), args = character()) {
  n <- sum(m)
  u <- rep(a[row(m)], m); v <- rep(b[col(m)], m)
  r <- cor(u, v)
  m2 <- (n - 1) * r^2
  g <- gcmh(array(m, c(dim(m), 1)), a, b)
  stopifnot(abs(g$cor[1] - m2) < 1e-9 * m2)
  obj(name = str(name), args = strs(args), table = arr(apply(m, 1, num)),
      row_labels = strs(rownames(m)), column_labels = strs(colnames(m)),
      row_scores = num(a), column_scores = num(b), statistic = num(m2), correlation = num(r),
      p_value = num(pchisq(m2, 1, lower.tail = FALSE)))
}
hinf <- unclass(xtabs(Freq ~ Infl + Sat, hous))
lbl <- c(
  lbl_case("housing infl x sat", hinf,
           args = c("--rows", "Infl", "--cols", "Sat", "--freq-weight", "Freq",
                    "--order", "Low,Medium,High", "--linear-by-linear")),
  lbl_case("housing infl x sat scores", hinf, c(1, 2, 4), c(0, 5, 10),
           args = c("--rows", "Infl", "--cols", "Sat", "--freq-weight", "Freq",
                    "--order", "Low,Medium,High", "--linear-by-linear", "--scores", "1,2,4",
                    "--col-scores", "0,5,10")),
  lbl_case("satisfaction pooled", apply(Satisfaction, c(1, 2), sum)))

cat(paste0("{\"trend\": [", paste(trend, collapse = ",\n"), "],\n\"cmh\": [",
           paste(cmh, collapse = ",\n"), "],\n\"linear_by_linear\": [", paste(lbl, collapse = ",\n"),
           "]}\n"), file = "stratified_r.json")
