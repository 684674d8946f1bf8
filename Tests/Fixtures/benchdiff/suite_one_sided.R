# One-sided reference p-values for the suite in suite_base.csv / suite_new.csv (written by
# suite.R): for each benchmark, the exact Mann–Whitney p-value with ties handled
# (exactRankTests::wilcox.exact) and R's wilcox.test p-value (normal approximation with tie and
# continuity corrections where ties occur), for alternative = "less" and "greater" with x = new,
# y = base (R's definition: "less" = new's values tend to be smaller than base's), and their
# p.adjust Holm adjustments across the suite. Writes suite_one_sided_expected.json.
#
# Run from this folder: Rscript suite_one_sided.R   (needs r-cran-exactranktests)
suppressPackageStartupMessages(library(exactRankTests))
base <- read.csv("suite_base.csv", stringsAsFactors = FALSE)
new <- read.csv("suite_new.csv", stringsAsFactors = FALSE)
names <- unique(base$name)
fmt <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
lines <- c("{", sprintf('  "names": [%s],', paste0('"', names, '"', collapse = ", ")))
for (alt in c("less", "greater")) {
  p_exact <- sapply(names, function(k)
    wilcox.exact(new$value[new$name == k], base$value[base$name == k], exact = TRUE,
                 alternative = alt)$p.value)
  p_r <- sapply(names, function(k)
    suppressWarnings(wilcox.test(new$value[new$name == k], base$value[base$name == k],
                                 alternative = alt)$p.value))
  lines <- c(lines,
    sprintf('  "p_exact_%s": %s,', alt, fmt(p_exact)),
    sprintf('  "p_exact_%s_holm": %s,', alt, fmt(p.adjust(p_exact, "holm"))),
    sprintf('  "p_r_%s": %s,', alt, fmt(p_r)),
    sprintf('  "p_r_%s_holm": %s%s', alt, fmt(p.adjust(p_r, "holm")),
            if (alt == "less") "," else ""))
}
writeLines(c(lines, "}"), "suite_one_sided_expected.json")
