# W8, the R side: the coverage study of Notebooks/coverage.toml with boot in a loop.
# 2 distributions (normal(0, 1), lognormal(0, 1)) x n = 10, 20, 50 x DATASETS data sets; each data
# set gets boot(R = 999) and boot.ci(type = c("norm", "basic", "perc", "bca", "stud")), the
# studentized interval from the variance of the mean returned by the statistic (var(x*)/n).
# Prints one JSON line: {"seconds": in-process time, "coverage": {"normal-n10": {...}, ...}}.
#
# Run: Rscript w8.R [DATASETS]   (needs r-cran-boot)
suppressPackageStartupMessages(library(boot))
args <- commandArgs(trailingOnly = TRUE)
datasets <- if (length(args) >= 1) as.integer(args[1]) else 150L
set.seed(2026)
stat <- function(x, i) { y <- x[i]; c(mean(y), var(y) / length(y)) }
types <- c("norm", "basic", "perc", "bca", "stud")
names_out <- c(norm = "normal", basic = "basic", perc = "percentile", bca = "bca",
               stud = "studentized")
cells <- list()
t0 <- proc.time()[["elapsed"]]
for (dist in c("normal", "lognormal")) {
  truth <- if (dist == "normal") 0 else exp(0.5)
  for (n in c(10, 20, 50)) {
    hits <- setNames(numeric(length(types)), types)
    for (d in seq_len(datasets)) {
      x <- if (dist == "normal") rnorm(n) else rlnorm(n)
      b <- boot(x, stat, R = 999)
      ci <- suppressWarnings(boot.ci(b, type = types))
      lims <- list(norm = ci$normal[2:3], basic = ci$basic[4:5], perc = ci$percent[4:5],
                   bca = ci$bca[4:5], stud = ci$student[4:5])
      for (t in types) {
        l <- lims[[t]]
        if (!is.null(l) && all(is.finite(l)) && l[1] <= truth && truth <= l[2]) hits[[t]] <- hits[[t]] + 1
      }
    }
    cells[[sprintf("%s-n%d", dist, n)]] <- hits / datasets
  }
}
secs <- proc.time()[["elapsed"]] - t0
fmt_cell <- function(h) paste0("{", paste(sprintf('"%s": %.6f', names_out[names(h)], h), collapse = ", "), "}")
cat(sprintf('{"seconds": %.4f, "coverage": {%s}}\n', secs,
            paste(sprintf('"%s": %s', names(cells), vapply(cells, fmt_cell, "")), collapse = ", ")))
