# R's answers for the analyses of Notebooks/from-scipy-and-r.ipynb.
#
#   Rscript Notebooks/data/r_reference.R > Notebooks/data/r-reference.json
#
# The notebook runs this script itself when Rscript is installed and otherwise reads the recorded
# output (r-reference.json, committed beside this script), so it also runs on a machine without R.
suppressPackageStartupMessages(library(boot))
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", args, value = TRUE))))

source(file.path(here, "..", "..", "scripts", "json.R"))  # num, obj

table_rc <- matrix(c(12, 5, 9, 14, 7, 14, 3, 10, 20, 25, 17, 20), nrow = 3, byrow = TRUE)
table_22 <- matrix(c(50, 32, 32, 42), nrow = 2, byrow = TRUE)

chi <- chisq.test(table_rc)
yates <- chisq.test(table_22)
f22 <- fisher.test(table_22)
frc <- fisher.test(table_rc)
pt1 <- prop.test(31, 50)
pt2 <- prop.test(c(31, 21), c(50, 49))
bt <- binom.test(31, 50)
mc <- mcnemar.test(matrix(c(45, 35, 15, 61), nrow = 2, byrow = TRUE))
pvals <- c(0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216)

x <- scan(file.path(here, "..", "..", "Benchmarks", "peers", "data", "w2.txt"), quiet = TRUE)
set.seed(12345)
b <- boot(x, function(d, i) mean(d[i]), R = 9999)
ci <- boot.ci(b, type = c("perc", "bca"), L = empinf(b, type = "jack"))

# Tests against p0, goodness of fit, rank tests, OLS (issue 14).
bt0 <- binom.test(31, 50, p = 0.5)
pt0 <- prop.test(31, 50, p = 0.5, correct = FALSE)
gof <- chisq.test(c(89, 37, 30, 28, 2), p = c(0.40, 0.20, 0.20, 0.15, 0.05))
dx <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
dy <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
sr <- wilcox.test(dx, dy, paired = TRUE)
rs <- suppressWarnings(wilcox.test(dx, dy))
kw <- kruskal.test(list(c(2.9, 3.0, 2.5, 2.6, 3.2), c(3.8, 2.7, 4.0, 2.4),
                        c(2.8, 3.4, 3.7, 2.2, 2.0)))
ols <- coef(lm(mpg ~ wt + hp, data = mtcars))

cat(obj(
  r_version = sprintf("\"%s\"", R.version.string),
  binom_p0 = obj(p_value = num(bt0$p.value), score_statistic = num(unname(pt0$statistic)),
                 score_p_value = num(pt0$p.value)),
  gof = obj(statistic = num(unname(gof$statistic)), df = num(unname(gof$parameter)),
            p_value = num(gof$p.value)),
  signrank = obj(statistic = num(unname(sr$statistic)), p_value = num(sr$p.value)),
  ranksum = obj(statistic = num(unname(rs$statistic)), p_value = num(rs$p.value)),
  kruskal = obj(statistic = num(unname(kw$statistic)), p_value = num(kw$p.value)),
  ols = obj(coefficients = num(unname(ols))),
  chisq_rc = obj(statistic = num(unname(chi$statistic)), df = num(unname(chi$parameter)),
                 p_value = num(chi$p.value)),
  chisq_22_yates = obj(statistic = num(unname(yates$statistic)), p_value = num(yates$p.value)),
  fisher_22 = obj(p_value = num(f22$p.value), odds_ratio = num(unname(f22$estimate)),
                  odds_ratio_ci = num(as.numeric(f22$conf.int))),
  fisher_rc = obj(p_value = num(frc$p.value)),
  prop_one = obj(wilson_cc = num(as.numeric(pt1$conf.int)),
                 clopper_pearson = num(as.numeric(bt$conf.int))),
  prop_two = obj(statistic = num(unname(pt2$statistic)), p_value = num(pt2$p.value),
                 wald_cc = num(as.numeric(pt2$conf.int))),
  mcnemar = obj(statistic = num(unname(mc$statistic)), p_value = num(mc$p.value)),
  padjust = obj(holm = num(p.adjust(pvals, "holm")), hochberg = num(p.adjust(pvals, "hochberg")),
                hommel = num(p.adjust(pvals, "hommel")), BH = num(p.adjust(pvals, "BH")),
                BY = num(p.adjust(pvals, "BY"))),
  boot_mean = obj(estimate = num(b$t0), standard_error = num(sd(b$t[, 1])),
                  percentile = num(ci$percent[4:5]), bca = num(ci$bca[4:5]))
), "\n", sep = "")
