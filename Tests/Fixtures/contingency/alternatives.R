# Generates alternatives_r.json: R's fisher.test on the 2x2 tables of tables.txt for every
# alternative (p-value, conditional MLE, one-sided interval as R's uniroot finds it), and the
# exact McNemar p-value binom.test(b, b + c, alternative =) for discordant pairs (b, c).
# Run from this folder: Rscript alternatives.R   (R 4.2; no packages needed)
num <- function(v) {
  s <- ifelse(is.nan(v), '"nan"', ifelse(is.infinite(v), ifelse(v > 0, '"inf"', '"-inf"'),
              sprintf("%.17g", v)))
  if (length(v) == 1) s else paste0("[", paste(s, collapse = ","), "]")
}
alts <- c("two.sided", "less", "greater")
lines <- readLines("tables.txt")
tables <- lapply(lines, function(l) {
  rows <- strsplit(strsplit(l, ";")[[1]], ",")
  do.call(rbind, lapply(rows, as.numeric))
})
extra <- list(matrix(c(3, 1, 1, 3), 2, byrow = TRUE), matrix(c(12, 2, 3, 20), 2, byrow = TRUE),
  matrix(c(0, 8, 6, 2), 2, byrow = TRUE), matrix(c(25, 14, 9, 31), 2, byrow = TRUE))
fisher <- c()
for (x in c(tables, extra)) {
  if (!all(dim(x) == c(2, 2))) next
  for (a in alts) {
    f <- fisher.test(x, alternative = a)
    fisher <- c(fisher, paste0('{"table":[', num(x[1, ]), ",", num(x[2, ]), '],"alternative":"', a,
      '","p_value":', num(f$p.value), ',"estimate":', num(unname(f$estimate)),
      ',"ci95":', num(as.numeric(f$conf.int)), "}"))
  }
}
pairs <- list(c(5, 15), c(15, 5), c(0, 7), c(7, 0), c(10, 10), c(3, 4), c(21, 9), c(1, 40),
  c(150, 120), c(0, 1))
mcnemar <- c()
for (bc in pairs) for (a in alts) {
  b <- binom.test(bc[1], sum(bc), 0.5, alternative = a)
  mcnemar <- c(mcnemar, paste0('{"b":', bc[1], ',"c":', bc[2], ',"alternative":"', a,
    '","exact_p":', num(b$p.value), "}"))
}
cat(paste0('{"generator":"', R.version.string, ' fisher.test/binom.test",\n"fisher":[\n',
  paste(fisher, collapse = ",\n"), '],\n"mcnemar":[\n', paste(mcnemar, collapse = ",\n"),
  "]}\n"), file = "alternatives_r.json")
