# Generates proportions_r.json from cases.txt and cases2.txt with R's stats package:
# one sample: binom.test (Clopper-Pearson interval) and prop.test (Wilson score interval with
# continuity correction, R's default correct = TRUE, null p = 0.5);
# two samples: prop.test with and without correction (statistic, p-value, Wald +/- CC interval).
# Run from this folder: Rscript generate.R   (R 4.2, base packages only)
num <- function(v) {
  v <- as.numeric(v)
  ifelse(is.na(v), "null", sprintf("%.17g", v))
}
vec <- function(v) paste0("[", paste(num(v), collapse = ","), "]")
one <- read.table("cases.txt", col.names = c("x", "n", "level"))
two <- read.table("cases2.txt", col.names = c("x1", "n1", "x2", "n2", "level"))
q <- suppressWarnings
o1 <- apply(one, 1, function(r) {
  x <- r[["x"]]; n <- r[["n"]]; lv <- r[["level"]]
  cp <- binom.test(x, n, conf.level = lv)$conf.int
  wcc <- q(prop.test(x, n, conf.level = lv))$conf.int
  w <- q(prop.test(x, n, conf.level = lv, correct = FALSE))$conf.int
  paste0('{"x":', x, ',"n":', n, ',"level":', num(lv), ',"clopper_pearson":', vec(cp),
         ',"wilson_cc":', vec(wcc), ',"wilson":', vec(w), '}')
})
o2 <- apply(two, 1, function(r) {
  x <- c(r[["x1"]], r[["x2"]]); n <- c(r[["n1"]], r[["n2"]]); lv <- r[["level"]]
  cc <- q(prop.test(x, n, conf.level = lv))
  nc <- q(prop.test(x, n, conf.level = lv, correct = FALSE))
  paste0('{"x1":', x[1], ',"n1":', n[1], ',"x2":', x[2], ',"n2":', n[2], ',"level":', num(lv),
         ',"prop_test":{"statistic":', num(cc$statistic), ',"p_value":', num(cc$p.value), '}',
         ',"prop_test_uncorrected":{"statistic":', num(nc$statistic), ',"p_value":',
         num(nc$p.value), '}',
         ',"wald_cc":', vec(cc$conf.int), ',"wald":', vec(nc$conf.int), '}')
})
cat(paste0('{"generator":"', R.version.string, ' binom.test/prop.test",\n"one_sample":[\n',
           paste(o1, collapse = ",\n"), '\n],\n"two_sample":[\n', paste(o2, collapse = ",\n"),
           "\n]}\n"), file = "proportions_r.json")
