# The exact coverage of the 95 % Wilson interval for Binomial(20, 0.1) and the type I error of
# Fisher's test (alpha 0.05) for two Binomial(30, 0.3) samples, by enumeration; the values are
# in Tests/SimulationTests/SimulationRunnerTests.swift. Run: Rscript exact.R
cov <- 0; for (x in 0:20) { ci <- prop.test(x, 20, correct = FALSE)$conf.int; if (ci[1] <= 0.1 && 0.1 <= ci[2]) cov <- cov + dbinom(x, 20, 0.1) }
cat(sprintf("%.15g\n", cov))
rej <- 0; for (a in 0:30) for (b in 0:30) { p <- fisher.test(matrix(c(a, 30 - a, b, 30 - b), 2))$p.value; if (p <= 0.05) rej <- rej + dbinom(a, 30, 0.3) * dbinom(b, 30, 0.3) }
cat(sprintf("%.15g\n", rej))
