# Generates fisher_rxc_r.json: exact r×c Fisher–Freeman–Halton p-values from R's FEXACT
# (fisher.test with a large workspace) for issue 13's two hard tables and a dozen seeded random
# tables of varied shapes and sizes. Run from this folder: Rscript fisher_rxc.R
# (R 4.2, base packages only; takes about a minute, mostly the 3×3 with N = 1391).
num <- function(v) sprintf("%.17g", as.numeric(v))
vec <- function(v) paste0("[", paste(num(v), collapse = ","), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, vec), collapse = ","), "]")
parse_table <- function(line) {
  rows <- strsplit(strsplit(line, ";")[[1]], ",")
  do.call(rbind, lapply(rows, as.numeric))
}
issue <- c("3,2,2,1,2,2;6,6,7,11,16,9;1,0,0,3,1,4;4,0,6,2,2,9",
           "207,0,198;82,49,154;215,151,335")
# Random tables: cell probabilities outer(a, b) tilted by a random interaction so that the
# p-values range from about 1 down to tiny values.
set.seed(20261203)
shapes <- list(c(2, 5, 60), c(3, 4, 80), c(3, 5, 50), c(4, 4, 60), c(5, 3, 45), c(2, 8, 70),
               c(3, 3, 300), c(5, 5, 35), c(3, 6, 60), c(4, 5, 45), c(6, 2, 120), c(3, 3, 700),
               c(2, 3, 2000), c(4, 3, 150))
random_table <- function(r, c, n, tilt) {
  a <- runif(r, 0.3, 1); b <- runif(c, 0.3, 1)
  p <- outer(a, b) * exp(tilt * matrix(rnorm(r * c), r, c))
  repeat {
    x <- matrix(rmultinom(1, n, p / sum(p)), r, c)
    if (all(rowSums(x) > 0) && all(colSums(x) > 0)) return(x)
  }
}
tilts <- c(0, 0.3, 0.8)
random <- lapply(seq_along(shapes), function(k) {
  s <- shapes[[k]]
  random_table(s[1], s[2], s[3], tilts[(k - 1) %% 3 + 1])
})
tables <- c(lapply(issue, parse_table), random)
cases <- vapply(seq_along(tables), function(k) {
  x <- tables[[k]]
  p <- fisher.test(x, workspace = 4e8)$p.value
  paste0('{"issue":', if (k <= length(issue)) "true" else "false", ',"table":', mat(x),
         ',"fisher_p":', num(p), "}")
}, "")
cat(paste0('{"generator":"', R.version.string, ' fisher.test(x, workspace = 4e8)",\n',
           '"cases":[\n', paste(cases, collapse = ",\n"), "\n]}\n"), file = "fisher_rxc_r.json")
