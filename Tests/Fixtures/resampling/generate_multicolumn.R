# Generates the multi-column bootstrap fixtures: law.csv (Efron & Tibshirani 1993, table 3.1: the
# 15 law schools' LSAT and GPA, as bootstrap::law), city.csv (boot::city), ols.csv (simulated
# heteroscedastic regression) and multicolumn_r.json with, per case, R boot's results for
# B replicates: t0, bootstrap SE with its Monte Carlo SE, and 95% percentile / normal / basic /
# BCa endpoints with their Monte Carlo SEs; plus deterministic values (lm coefficients, the
# jackknife acceleration by Efron's formula a = sum(U^3) / (6 sum(U^2)^1.5),
# U = (n - 1)(mean(t_(i)) - t_(i)); skewness g1 and excess kurtosis g2 with divisor n).
#
# Monte Carlo SEs: of the bootstrap SE, sqrt((m4 - m2^2) / (4 m2 B)) (delta method); of an
# endpoint at probability p, sqrt(p (1 - p) / B) / f(q_p) with the density from the spacing of
# the replicate quantiles at p +- 0.01. The Swift tests accept |ours - R| <= 4 sqrt(2) MCSE.
# BCa uses boot.ci(L = jackknife influence values) so R's acceleration is a jackknife one too.
#
# Run from this folder: Rscript generate_multicolumn.R   (R 4.2, boot 1.3)
library(boot)
num <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ","), "]")
B <- 20000
law <- data.frame(
  LSAT = c(576, 635, 558, 578, 666, 580, 555, 661, 651, 605, 653, 575, 545, 572, 594),
  GPA = c(3.39, 3.30, 2.81, 3.03, 3.44, 3.07, 3.00, 3.43, 3.36, 3.13, 3.12, 2.74, 2.76, 2.88, 2.96))
write.csv(law, "law.csv", row.names = FALSE)
write.csv(city, "city.csv", row.names = FALSE)
set.seed(20261203)
n <- 60
ols <- data.frame(x1 = round(rnorm(n, 5, 2), 3), x2 = round(runif(n, 0, 10), 3))
ols$y <- round(1 + 0.8 * ols$x1 - 0.3 * ols$x2 + rnorm(n) * (0.5 + 0.2 * ols$x2), 3)
write.csv(ols, "ols.csv", row.names = FALSE)

mcse_sd <- function(t) {
  m2 <- mean((t - mean(t))^2); m4 <- mean((t - mean(t))^4)
  sqrt((m4 - m2^2) / (4 * m2 * length(t)))
}
mcse_q <- function(t, p) {
  d <- 0.01
  q <- quantile(t, c(max(p - d, 0.001), min(p + d, 0.999)), type = 7, names = FALSE)
  sqrt(p * (1 - p) / length(t)) * (q[2] - q[1]) / (min(p + d, 0.999) - max(p - d, 0.001))
}
efron_a <- function(tj) {
  u <- (length(tj) - 1) * (mean(tj) - tj)
  sum(u^3) / (6 * sum(u^2)^1.5)
}
jack <- function(d, f) sapply(seq_len(nrow(d)), function(i) f(d, seq_len(nrow(d))[-i]))
case_json <- function(name, b, index, tj) {
  t <- b$t[, index]; t0 <- b$t0[index]; nn <- length(tj)
  L <- (nn - 1) * (t0 - tj)
  ci <- boot.ci(b, conf = 0.95, type = c("perc", "norm", "basic", "bca"), index = index, L = L)
  # Probabilities of the BCa endpoints (boot's formula with its jackknife a and strict z0).
  z0 <- qnorm(sum(t < t0) / length(t))
  a <- sum(L^3) / (6 * sum(L^2)^1.5)
  zz <- z0 + qnorm(c(0.025, 0.975))
  pb <- pnorm(z0 + zz / (1 - a * zz))
  sprintf(paste0('{"name":"%s","t0":%.17g,"se":%.17g,"se_mcse":%.17g,',
    '"percentile":%s,"percentile_mcse":%s,"basic":%s,"normal":%s,"normal_mcse":%s,',
    '"bca":%s,"bca_mcse":%s,"z0":%.17g,"efron_acceleration":%.17g}'),
    name, t0, sd(t), mcse_sd(t), num(ci$percent[4:5]),
    num(c(mcse_q(t, 0.025), mcse_q(t, 0.975))), num(ci$basic[4:5]), num(ci$normal[2:3]),
    num(rep(qnorm(0.975) * mcse_sd(t), 2)), num(ci$bca[4:5]),
    num(c(mcse_q(t, pb[1]), mcse_q(t, pb[2]))), z0, efron_a(tj))
}
out <- c()
set.seed(1)
f_cor <- function(d, i) cor(d$LSAT[i], d$GPA[i])
out <- c(out, case_json("law_pearson", boot(law, f_cor, R = B), 1, jack(law, f_cor)))
f_spear <- function(d, i) cor(d$LSAT[i], d$GPA[i], method = "spearman")
out <- c(out, case_json("law_spearman", boot(law, f_spear, R = B), 1, jack(law, f_spear)))
f_ratio <- function(d, i) sum(d$x[i]) / sum(d$u[i])
out <- c(out, case_json("city_ratio", boot(city, f_ratio, R = B), 1, jack(city, f_ratio)))
g <- function(x, k) { d <- x - mean(x); m2 <- mean(d^2); if (k == 3) mean(d^3) / m2^1.5 else mean(d^4) / m2^2 - 3 }
f_skew <- function(d, i) g(d$x[i], 3)
f_kurt <- function(d, i) g(d$x[i], 4)
out <- c(out, case_json("city_x_skewness", boot(city, f_skew, R = B), 1, jack(city, f_skew)))
out <- c(out, case_json("city_x_kurtosis", boot(city, f_kurt, R = B), 1, jack(city, f_kurt)))

X <- cbind(1, ols$x1, ols$x2)
fit <- lm(y ~ x1 + x2, data = ols)
f_ols <- function(d, i) coef(lm.fit(cbind(1, d$x1[i], d$x2[i]), d$y[i]))
jo <- t(sapply(seq_len(n), function(i) f_ols(ols, seq_len(n)[-i])))
bp <- boot(ols, f_ols, R = B)
fitted0 <- fitted(fit); res0 <- residuals(fit)
f_fix <- function(d) coef(lm.fit(X, d$y))
br <- boot(ols, f_fix, R = B, sim = "parametric",
  ran.gen = function(d, mle) { d$y <- fitted0 + sample(res0, n, replace = TRUE); d })
bw <- boot(ols, f_fix, R = B, sim = "parametric",
  ran.gen = function(d, mle) { d$y <- fitted0 + res0 * sample(c(-1, 1), n, replace = TRUE); d })
for (k in 1:3) {
  out <- c(out, case_json(sprintf("ols_pairs_%d", k), bp, k, jo[, k]))
  for (sch in c("residual", "wild")) {
    b <- if (sch == "residual") br else bw
    t <- b$t[, k]
    out <- c(out, sprintf(paste0('{"name":"ols_%s_%d","t0":%.17g,"se":%.17g,"se_mcse":%.17g,',
      '"percentile":%s,"percentile_mcse":%s}'), sch, k, b$t0[k], sd(t), mcse_sd(t),
      num(quantile(t, c(0.025, 0.975), type = 7, names = FALSE)),
      num(c(mcse_q(t, 0.025), mcse_q(t, 0.975)))))
  }
}
cat(paste0('{"generator":"', R.version.string, ', boot ', packageVersion("boot"),
  '","replicates":', B, ',"lm_coefficients":', num(coef(fit)),
  ',"cases":[\n', paste(out, collapse = ",\n"), "\n]}\n"), file = "multicolumn_r.json")
