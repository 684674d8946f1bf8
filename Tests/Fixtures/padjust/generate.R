# Generates padjust.json: R's p.adjust on varied p-value vectors, every method.
# Run from this folder: Rscript generate.R   (R 4.2; no packages needed)
num <- function(v) {
  s <- ifelse(is.nan(v), '"nan"', ifelse(is.infinite(v), ifelse(v > 0, '"inf"', '"-inf"'),
              sprintf("%.17g", v)))
  paste0("[", paste(s, collapse = ","), "]")
}
set.seed(20261129)
cases <- list(
  c(0.01, 0.02, 0.03, 0.04, 0.05),
  c(0.05, 0.01, 0.04, 0.03, 0.02),
  c(0.5),
  c(0.04, 0.03),
  c(0.001, 0.001, 0.2, 0.2, 0.2, 0.9),
  c(0, 1, 0.5, 0, 1),
  c(1e-300, 1e-10, 0.049, 0.051, 0.999),
  c(0.02, 0.02, 0.02),
  c(0.3, 0.01, 0.8, 0.012, 0.04, 0.041, 0.5, 0.6, 0.7, 0.0001),
  runif(7), runif(12), runif(20)^3, runif(33)^4, runif(50), sort(runif(40))^2,
  rbeta(25, 0.3, 3), c(runif(10) * 0.01, runif(10)), round(runif(30), 2),
  rep(0.04, 8), c(0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1)
)
methods <- c("holm", "hochberg", "hommel", "bonferroni", "BH", "BY")
out <- c()
for (p in cases) {
  adj <- sapply(methods, function(m) num(p.adjust(p, m)))
  out <- c(out, paste0('{"p":', num(p), ',',
    paste0('"', methods, '":', adj, collapse = ","), '}'))
}
cat(paste0('{"generator":"', R.version.string, ' p.adjust","cases":[\n',
           paste(out, collapse = ",\n"), "\n]}\n"), file = "padjust.json")
