# Reference values for RankTests (Mann–Whitney U / Wilcoxon rank-sum), written to wilcox.json.
#
# Run from this folder:  Rscript generate.R
# Needs R >= 4.2 and the package exactRankTests (Debian: apt-get install r-cran-exactranktests).
#
# For every case and alternative it records:
#   r_statistic, r_p        stats::wilcox.test(x, y, alternative, correct) with R's defaults:
#                           exact (pwilcox) when n.x < 50, n.y < 50 and no ties, otherwise the normal
#                           approximation with tie correction (and continuity correction if correct)
#   r_exact                 whether R used the exact distribution
#   exact_ties_p            exactRankTests::wilcox.exact(x, y, alternative): the exact permutation
#                           distribution of the mid-rank sum (Streitberg & Röhmel 1986); two-sided is
#                           P(|W - E W| >= |w - E W|). Only when n.x * n.y <= 2500.
#   enumeration_p           the same exact p-value by brute-force enumeration of all subsets (N <= 20),
#                           an independent check of exactRankTests (asserted equal here).
suppressPackageStartupMessages(library(exactRankTests))

num <- function(v) {
  if (length(v) == 0) return("[]")
  paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
}
scalar <- function(v) {
  if (is.null(v) || is.na(v)) return("null")
  sprintf("%.17g", v)
}

source("rank_sum_enumeration.R")  # enumerate_ranksum_p

set.seed(20261129)
cases <- list()
add <- function(name, x, y, correct = TRUE) {
  cases[[length(cases) + 1]] <<- list(name = name, x = x, y = y, correct = correct)
}
# R's own help-page example (depression scores; has ties).
add("r_help_example", c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30),
    c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29))
add("single_vs_single", 1.5, 2.5)
add("single_vs_five", 3.3, c(1.1, 2.2, 4.4, 5.5, 6.6))
add("no_ties_5_7", rnorm(5), rnorm(7))
add("no_ties_8_6_shift", rnorm(8, 1), rnorm(6))
add("separated_10_10", 10 + runif(10), runif(10))
add("separated_20_20", 10 + runif(20), runif(20))
add("no_ties_20_30", rnorm(20), rnorm(30, 0.4))
add("no_ties_49_49", rnorm(49), rnorm(49, 0.3))
add("no_ties_49_3", rnorm(49), rnorm(3, 1))
add("no_ties_50_10_normal", rnorm(50), rnorm(10, 0.5))
add("no_ties_12_12_center", c(1:6, 13:18) + 0.1, c(7:12, 19:24) + 0.2)
add("ties_rounded_8_9", round(rnorm(8, 10, 2)), round(rnorm(9, 11, 2)))
add("ties_heavy_12_15", sample(1:3, 12, TRUE), sample(1:3, 15, TRUE))
add("ties_heavy_uncorrected", sample(1:4, 10, TRUE), sample(2:5, 11, TRUE), correct = FALSE)
add("ties_one_differs", c(rep(5, 7), 6), rep(5, 9))
add("ties_30_40", round(rnorm(30, 100, 3)), round(rnorm(40, 101, 3)))
add("ties_bench_like_10_10", round(rlnorm(10, log(12), 0.05), 1), round(rlnorm(10, log(12.4), 0.05), 1))
add("ties_bench_like_6_6", round(rlnorm(6, log(3), 0.02), 2), round(rlnorm(6, log(3.05), 0.02), 2))
add("ties_across_only", c(1, 2, 3, 3), c(3, 3, 4, 5, 6))
add("ties_within_only", c(1, 1, 2, 2), c(3, 4, 4, 5))
add("ties_49_49", round(rnorm(49, 0, 3)), round(rnorm(49, 1, 3)))
add("ties_200_150_normal", round(rnorm(200, 0, 5)), round(rnorm(150, 1, 5)))
add("no_ties_300_250_uncorrected", rnorm(300), rnorm(250, 0.1), correct = FALSE)
add("ties_5_45", round(rnorm(5, 2, 2)), round(rnorm(45, 0, 2)))

out <- character(0)
for (cs in cases) {
  x <- cs$x
  y <- cs$y
  entries <- character(0)
  for (alt in c("two.sided", "less", "greater")) {
    rt <- suppressWarnings(wilcox.test(x, y, alternative = alt, correct = cs$correct))
    r <- rank(c(x, y))
    ties <- length(r) != length(unique(r))
    r_exact <- (length(x) < 50) && (length(y) < 50) && !ties
    exact_p <- NULL
    enum_p <- NULL
    if (length(x) * length(y) <= 2500) {
      exact_p <- wilcox.exact(x, y, alternative = alt, exact = TRUE)$p.value
      if (length(x) + length(y) <= 20) {
        enum_p <- enumerate_ranksum_p(x, y, alt)
        stopifnot(abs(enum_p - exact_p) <= 1e-12 * max(1e-300, exact_p))
      }
    }
    entries <- c(entries, sprintf(
      '{"alternative": "%s", "r_statistic": %s, "r_p": %s, "r_exact": %s, "exact_ties_p": %s, "enumeration_p": %s}',
      sub("two.sided", "two-sided", alt), scalar(unname(rt$statistic)), scalar(rt$p.value),
      if (r_exact) "true" else "false", scalar(exact_p), scalar(enum_p)))
  }
  out <- c(out, sprintf(
    '  {"name": "%s", "correct": %s, "x": %s, "y": %s,\n   "results": [\n    %s]}',
    cs$name, if (cs$correct) "true" else "false", num(x), num(y),
    paste(entries, collapse = ",\n    ")))
}
writeLines(c(
  sprintf('{"generator": "generate.R", "r_version": "%s", "exactRankTests": "%s", "cases": [',
          R.version.string, packageVersion("exactRankTests")),
  paste(out, collapse = ",\n"), "]}"), "wilcox.json")
cat("wrote", length(cases), "cases\n")
