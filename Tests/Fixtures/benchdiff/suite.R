# Reference p-values for a small benchmark suite: per-benchmark exact Mann–Whitney p-values with
# ties handled (exactRankTests::wilcox.exact, two-sided), R's wilcox.test p-values, and their
# p.adjust Holm and BH adjustments across the suite. Writes suite_base.csv, suite_new.csv and
# suite_expected.json.
#
# Run from this folder: Rscript suite.R   (needs r-cran-exactranktests)
suppressPackageStartupMessages(library(exactRankTests))
set.seed(77)
names <- sprintf("bench_%02d", 1:8)
shift <- c(1, 1, 1.08, 1, 0.9, 1, 1.3, 1)
base <- list()
new <- list()
for (k in seq_along(names)) {
  n1 <- c(6, 8, 10, 7, 12, 5, 9, 10)[k]
  n2 <- c(6, 9, 10, 8, 12, 6, 9, 11)[k]
  base[[k]] <- round(rlnorm(n1, log(10 * k), 0.04), 1)  # rounding makes ties
  new[[k]] <- round(rlnorm(n2, log(10 * k * shift[k]), 0.04), 1)
}
write_side <- function(file, side) {
  rows <- unlist(lapply(seq_along(names), function(k)
    sprintf("%s,%s", names[k], format(side[[k]], nsmall = 1, trim = TRUE))))
  writeLines(c("name,value", rows), file)
}
write_side("suite_base.csv", base)
write_side("suite_new.csv", new)
p_exact <- sapply(seq_along(names), function(k) wilcox.exact(new[[k]], base[[k]], exact = TRUE)$p.value)
p_r <- sapply(seq_along(names), function(k) suppressWarnings(wilcox.test(new[[k]], base[[k]])$p.value))
fmt <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
json <- c("{",
  sprintf('  "names": [%s],', paste0('"', names, '"', collapse = ", ")),
  sprintf('  "p_exact": %s,', fmt(p_exact)),
  sprintf('  "p_exact_holm": %s,', fmt(p.adjust(p_exact, "holm"))),
  sprintf('  "p_exact_BH": %s,', fmt(p.adjust(p_exact, "BH"))),
  sprintf('  "p_r": %s,', fmt(p_r)),
  sprintf('  "p_r_holm": %s,', fmt(p.adjust(p_r, "holm"))),
  sprintf('  "median_ratio": %s', fmt(sapply(seq_along(names), function(k) median(new[[k]]) / median(base[[k]])))),
  "}")
writeLines(json, "suite_expected.json")
