# Reference values for the rank-test commands (ranksum, signrank, kruskal) and the library code
# behind them (HodgesLehmannShift, HodgesLehmannPseudoMedian, WilcoxonSignedRank, KruskalWallis),
# written to rank_commands_r.json. The cases (data) are defined here; generate_commands_scipy.py
# reads them from that file and adds SciPy's values (rank_commands_scipy.json).
#
# Run from this folder:  Rscript generate_commands.R && python3 generate_commands_scipy.py
# Needs base R only (stats::wilcox.test, stats::kruskal.test; R >= 4.0).
#
# ranksum cases, for each alternative and correct = TRUE/FALSE:
#   auto     wilcox.test(x, y, alternative, correct, conf.int = TRUE): W, p, method, conf.int,
#            estimate, attr(conf.int, "conf.level")      (R's default exact rule)
#   normal   the same with exact = FALSE
#   enum_p   the exact permutation p-value given the ties, by enumerating every split of the
#            pooled mid-ranks (N <= 20; two-sided P(|W - E W| >= |w - E W|)), for --method exact
# signrank cases (x - mu, or paired x - y), for each alternative and correct = TRUE/FALSE:
#   auto, normal as above (R's V, zeros dropped)
#   enum_p   the exact p-value given the ranks by enumerating every sign assignment of the
#            non-zero differences, for each zero method (wilcox, pratt, zsplit), n_nonzero <= 18
# kruskal cases: kruskal.test(list of groups): H, df, p.

num <- function(v) {
  if (length(v) == 0) return("[]")
  paste0("[", paste(vapply(v, scalar, ""), collapse = ", "), "]")
}
scalar <- function(v) {
  if (is.null(v) || length(v) == 0 || is.na(v)) return("null")
  if (is.infinite(v)) return(if (v > 0) "\"inf\"" else "\"-inf\"")
  sprintf("%.17g", v)
}
alts <- c("two.sided", "less", "greater")
altname <- function(a) sub("two.sided", "two-sided", a)

wt <- function(...) {
  r <- suppressWarnings(wilcox.test(..., conf.int = TRUE))
  sprintf('{"statistic": %s, "p": %s, "exact": %s, "estimate": %s, "interval": %s, "level": %s}',
          scalar(unname(r$statistic)), scalar(r$p.value),
          if (grepl("exact", r$method)) "true" else "false",
          scalar(unname(r$estimate)), num(as.numeric(r$conf.int)),
          scalar(attr(r$conf.int, "conf.level")))
}

source("rank_sum_enumeration.R")  # enumerate_ranksum_p

# Exact p of V given the ranks, every sign assignment of the non-zero differences.
enum_signrank <- function(d, zero_method, alternative) {
  if (zero_method == "wilcox") d <- d[d != 0]
  r <- rank(abs(d))
  nz <- d != 0
  v <- sum(r[d > 0]) + if (zero_method == "zsplit") sum(r[!nz]) / 2 else 0
  rr <- r[nz]
  k <- length(rr)
  signs <- as.matrix(expand.grid(rep(list(c(0, 1)), k)))
  sums <- as.vector(signs %*% rr) + if (zero_method == "zsplit") sum(r[!nz]) / 2 else 0
  eps <- 1e-9
  lo <- mean(sums <= v + eps)
  hi <- mean(sums >= v - eps)
  switch(alternative, less = lo, greater = hi, two.sided = min(1, 2 * min(lo, hi)))
}

set.seed(20261203)
rs <- list()
add_rs <- function(name, x, y) rs[[length(rs) + 1]] <<- list(name = name, x = x, y = y)
add_rs("r_help_example_ties", c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30),
       c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29))
add_rs("no_ties_5_7", round(rnorm(5), 4), round(rnorm(7), 4))
add_rs("no_ties_8_6_shift", round(rnorm(8, 1), 4), round(rnorm(6), 4))
add_rs("no_ties_20_25", round(rnorm(20), 5), round(rnorm(25, 0.5), 5))
add_rs("single_vs_five", 3.3, c(1.1, 2.2, 4.4, 5.5, 6.6))
add_rs("three_vs_three", c(4.1, 5.2, 6.3), c(1.4, 2.5, 3.6))
add_rs("ties_rounded_8_9", round(rnorm(8, 10, 2)), round(rnorm(9, 11, 2)))
add_rs("ties_heavy_7_9", sample(1:4, 7, TRUE), sample(2:5, 9, TRUE))
add_rs("ties_30_40", round(rnorm(30, 100, 3)), round(rnorm(40, 101, 3)))
add_rs("no_ties_60_55", round(rnorm(60), 6), round(rnorm(55, 0.3), 6))

sr <- list()
add_sr <- function(name, x, y = NULL, mu = 0) sr[[length(sr) + 1]] <<- list(name = name, x = x, y = y, mu = mu)
add_sr("no_ties_10", round(rnorm(10, 0.5), 4))
add_sr("no_ties_12_mu", round(rnorm(12, 3), 4), mu = 2.5)
add_sr("tiny_3", c(1.5, 2.25, -0.75))
add_sr("ties_15", round(rnorm(15, 1, 2)))
add_sr("zeros_14", c(0, 0, round(rnorm(12, 0.6), 3)))
add_sr("zeros_ties_16", c(0, 0, 0, round(rnorm(13, 1, 2))))
add_sr("paired_11", round(rnorm(11, 10), 3), round(rnorm(11, 9.5), 3))
add_sr("paired_ties_zeros_13", round(rnorm(13, 5, 2)), round(rnorm(13, 4, 2)))
add_sr("no_ties_60", round(rnorm(60, 0.2), 6))
add_sr("ties_zeros_70_mu", round(rnorm(70, 1, 3)), mu = 1)

kw <- list()
add_kw <- function(name, groups) kw[[length(kw) + 1]] <<- list(name = name, groups = groups)
add_kw("airquality_like_3", list(a = round(rnorm(6, 10), 3), b = round(rnorm(7, 11), 3), c = round(rnorm(5, 12), 3)))
add_kw("ties_4", list(g1 = sample(1:6, 8, TRUE), g2 = sample(2:7, 9, TRUE), g3 = sample(1:5, 6, TRUE), g4 = sample(3:8, 7, TRUE)))
add_kw("two_groups", list(p = c(2.9, 3.0, 2.5, 2.6, 3.2), q = c(3.8, 2.7, 4.0, 2.4), r = c(2.8, 3.4, 3.7, 2.2, 2.0)))
add_kw("large_5", lapply(1:5, function(i) round(rnorm(30 + 5 * i, i / 5), 2)))
names(kw[[4]]$groups) <- paste0("k", 1:5)
add_kw("singletons", list(u = 1, v = 2, w = c(3, 4)))

out_rs <- character(0)
for (cs in rs) {
  x <- cs$x; y <- cs$y
  entries <- character(0)
  for (alt in alts) for (correct in c(TRUE, FALSE)) {
    enum <- if (length(x) + length(y) <= 20) scalar(enumerate_ranksum_p(x, y, alt)) else "null"
    entries <- c(entries, sprintf(
      '{"alternative": "%s", "correct": %s, "auto": %s, "normal": %s, "enum_p": %s}',
      altname(alt), if (correct) "true" else "false",
      wt(x, y, alternative = alt, correct = correct),
      wt(x, y, alternative = alt, correct = correct, exact = FALSE), enum))
  }
  out_rs <- c(out_rs, sprintf('  {"name": "%s", "x": %s, "y": %s,\n   "results": [\n    %s]}',
                              cs$name, num(x), num(y), paste(entries, collapse = ",\n    ")))
}

out_sr <- character(0)
for (cs in sr) {
  x <- cs$x; y <- cs$y; mu <- cs$mu
  d <- if (is.null(y)) x - mu else (x - y) - mu
  entries <- character(0)
  for (alt in alts) for (correct in c(TRUE, FALSE)) {
    call <- function(...) if (is.null(y)) wt(x, mu = mu, alternative = alt, correct = correct, ...)
                          else wt(x, y, paired = TRUE, mu = mu, alternative = alt, correct = correct, ...)
    enums <- vapply(c("wilcox", "pratt", "zsplit"), function(zm)
      if (sum(d != 0) <= 18) scalar(enum_signrank(d, zm, alt)) else "null", "")
    entries <- c(entries, sprintf(
      '{"alternative": "%s", "correct": %s, "auto": %s, "normal": %s, "enum_p": {"wilcox": %s, "pratt": %s, "zsplit": %s}}',
      altname(alt), if (correct) "true" else "false", call(), call(exact = FALSE),
      enums[1], enums[2], enums[3]))
  }
  out_sr <- c(out_sr, sprintf(
    '  {"name": "%s", "x": %s, "y": %s, "mu": %s,\n   "results": [\n    %s]}',
    cs$name, num(x), if (is.null(y)) "null" else num(y), scalar(mu),
    paste(entries, collapse = ",\n    ")))
}

out_kw <- character(0)
for (cs in kw) {
  k <- kruskal.test(cs$groups)
  gs <- vapply(names(cs$groups), function(g) sprintf('"%s": %s', g, num(cs$groups[[g]])), "")
  out_kw <- c(out_kw, sprintf('  {"name": "%s", "groups": {%s}, "statistic": %s, "df": %s, "p": %s}',
                              cs$name, paste(gs, collapse = ", "), scalar(unname(k$statistic)),
                              scalar(unname(k$parameter)), scalar(k$p.value)))
}

writeLines(c(
  sprintf('{"generator": "generate_commands.R", "r_version": "%s",', R.version.string),
  ' "ranksum": [', paste(out_rs, collapse = ",\n"), ' ],',
  ' "signrank": [', paste(out_sr, collapse = ",\n"), ' ],',
  ' "kruskal": [', paste(out_kw, collapse = ",\n"), ' ]}'), "rank_commands_r.json")
cat("wrote", length(rs), "ranksum,", length(sr), "signrank,", length(kw), "kruskal cases\n")
