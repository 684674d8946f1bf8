# Generates alternatives_r.json: R's binom.test and prop.test (one and two samples) for every
# alternative, with and without continuity correction: p-values, statistics and intervals.
# Run from this folder: Rscript alternatives.R   (R 4.2; no packages needed)
num <- function(v) {
  s <- ifelse(is.na(v) & !is.nan(v), "null",
       ifelse(is.nan(v), '"nan"', ifelse(is.infinite(v), ifelse(v > 0, '"inf"', '"-inf"'),
              sprintf("%.17g", v))))
  if (length(v) == 1) s else paste0("[", paste(s, collapse = ","), "]")
}
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste0('"', names(kv), '":', unlist(kv), collapse = ","), "}")
}
alts <- c("two.sided", "less", "greater")
one <- list(c(7, 20, 0.5), c(7, 20, 0.2), c(0, 10, 0.3), c(10, 10, 0.3), c(3, 50, 0.1),
  c(682, 925, 0.75), c(15, 16, 0.5), c(1, 3, 0.4), c(40, 100, 0.4), c(12, 40, 0.3),
  c(5, 1000, 0.001), c(999, 1000, 0.995), c(33, 120, 0.25), c(2, 7, 0.5), c(60, 61, 0.9))
cases1 <- c()
for (case in one) {
  x <- case[1]; n <- case[2]; p <- case[3]
  for (a in alts) for (level in c(0.95, 0.9)) {
    b <- binom.test(x, n, p, alternative = a, conf.level = level)
    s <- suppressWarnings(prop.test(x, n, p, alternative = a, conf.level = level, correct = FALSE))
    sc <- suppressWarnings(prop.test(x, n, p, alternative = a, conf.level = level, correct = TRUE))
    cases1 <- c(cases1, obj(x = num(x), n = num(n), p0 = num(p), alternative = paste0('"', a, '"'),
      level = num(level), binom_p = num(b$p.value), binom_ci = num(as.numeric(b$conf.int)),
      score_statistic = num(unname(s$statistic)), score_p = num(s$p.value),
      score_ci = num(as.numeric(s$conf.int)),
      score_cc_statistic = num(unname(sc$statistic)), score_cc_p = num(sc$p.value),
      score_cc_ci = num(as.numeric(sc$conf.int))))
  }
}
two <- list(c(15, 40, 25, 45), c(83, 86, 269, 293), c(0, 10, 5, 12), c(9, 10, 3, 10),
  c(120, 500, 150, 500), c(1, 20, 1, 25), c(30, 50, 30, 50), c(45, 60, 20, 80))
cases2 <- c()
for (case in two) {
  x <- case[c(1, 3)]; n <- case[c(2, 4)]
  for (a in alts) for (level in c(0.95, 0.9)) {
    s <- suppressWarnings(prop.test(x, n, alternative = a, conf.level = level, correct = FALSE))
    sc <- suppressWarnings(prop.test(x, n, alternative = a, conf.level = level, correct = TRUE))
    cases2 <- c(cases2, obj(x1 = num(x[1]), n1 = num(n[1]), x2 = num(x[2]), n2 = num(n[2]),
      alternative = paste0('"', a, '"'), level = num(level),
      z_statistic = num(unname(s$statistic)), z_p = num(s$p.value),
      wald_ci = num(as.numeric(s$conf.int)),
      cc_statistic = num(unname(sc$statistic)), cc_p = num(sc$p.value),
      wald_cc_ci = num(as.numeric(sc$conf.int))))
  }
}
cat(paste0('{"generator":"', R.version.string, ' binom.test/prop.test",\n"one_sample":[\n',
  paste(cases1, collapse = ",\n"), '],\n"two_samples":[\n', paste(cases2, collapse = ",\n"),
  "]}\n"), file = "alternatives_r.json")
