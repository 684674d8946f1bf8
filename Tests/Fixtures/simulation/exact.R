# The exact coverage of the 95 % Wilson interval for Binomial(20, 0.1) and the type I error of
# Fisher's test (alpha 0.05) for two Binomial(30, 0.3) samples, by enumeration; the values are
# in Tests/SimulationTests/SimulationRunnerTests.swift. Run: Rscript exact.R
cov <- 0; for (x in 0:20) { ci <- prop.test(x, 20, correct = FALSE)$conf.int; if (ci[1] <= 0.1 && 0.1 <= ci[2]) cov <- cov + dbinom(x, 20, 0.1) }
cat(sprintf("%.15g\n", cov))
rej <- 0; for (a in 0:30) for (b in 0:30) { p <- fisher.test(matrix(c(a, 30 - a, b, 30 - b), 2))$p.value; if (p <= 0.05) rej <- rej + dbinom(a, 30, 0.3) * dbinom(b, 30, 0.3) }
cat(sprintf("%.15g\n", rej))
# Two-sided exact Mann–Whitney test (n1 = 5, n2 = 6, no ties) at alpha 0.05: the attained size,
# the null mass of W with p <= 0.05 (used by SimulationGeneratorTests).
m <- 5; n <- 6; size <- 0
for (w in 0:(m * n)) { p <- min(1, 2 * min(pwilcox(w, m, n), 1 - pwilcox(w - 1, m, n))); if (p <= 0.05) size <- size + dwilcox(w, m, n) }
cat(sprintf("%.15g\n", size))
# Type I error of Pearson's chi-square test without and with Yates' correction (alpha 0.05) for
# two Binomial(30, 0.3) samples, by enumeration (tables with an empty column never reject).
for (yates in c(FALSE, TRUE)) { rej <- 0; for (a in 0:30) for (b in 0:30) { if (a + b == 0 || a + b == 60) next; p <- suppressWarnings(chisq.test(matrix(c(a, 30 - a, b, 30 - b), 2), correct = yates)$p.value); if (p <= 0.05) rej <- rej + dbinom(a, 30, 0.3) * dbinom(b, 30, 0.3) }; cat(sprintf("%.15g\n", rej)) }
