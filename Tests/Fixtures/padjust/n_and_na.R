# Generates n_and_na.json: R's p.adjust with the n = argument (a family larger than the
# p-values given) and with NA entries (passed through, left out), every method.
# Run from this folder: Rscript n_and_na.R   (R 4.2; no packages needed)
num <- function(v) {
  s <- ifelse(is.na(v), "null", sprintf("%.17g", v))
  paste0("[", paste(s, collapse = ","), "]")
}
set.seed(20261203)
cases <- list(
  list(p = c(0.01, 0.02, 0.03, 0.04, 0.05), n = 10),
  list(p = c(0.05, 0.01, 0.04, 0.03, 0.02), n = 5),
  list(p = c(0.5), n = 3),
  list(p = c(0.04, 0.03), n = 3),
  list(p = c(0.001, 0.2, 0.2, 0.9), n = 12),
  list(p = c(0.01, NA, 0.03, NA, 0.2), n = NA),
  list(p = c(NA, 0.04), n = NA),
  list(p = c(0.3, NA, 0.01, 0.02), n = 8),
  list(p = runif(7), n = 20),
  list(p = c(runif(6)^3, NA, NA), n = NA),
  list(p = c(runif(9)^2, NA), n = 15)
)
methods <- c("holm", "hochberg", "hommel", "bonferroni", "BH", "BY")
out <- c()
for (case in cases) {
  adj <- sapply(methods, function(m) {
    num(if (is.na(case$n)) p.adjust(case$p, m) else p.adjust(case$p, m, n = case$n))
  })
  out <- c(out, paste0('{"p":', num(case$p), ',"n":', if (is.na(case$n)) "null" else case$n, ",",
    paste0('"', methods, '":', adj, collapse = ","), "}"))
}
cat(paste0('{"generator":"', R.version.string, ' p.adjust(p, method, n)","cases":[\n',
  paste(out, collapse = ",\n"), "]}\n"), file = "n_and_na.json")
