# Generates contingency_r.json from tables.txt with R's stats package:
# chisq.test (Yates default and correct = FALSE), expected counts, Pearson residuals, stdres,
# fisher.test (exact network algorithm; 2x2 p, conditional MLE and exact CI as R computes them),
# mcnemar.test (with and without correction) and the exact binomial McNemar p for 2x2 tables,
# plus tables with empty rows/columns (R: NaN statistic).
# Run from this folder: Rscript generate.R   (R 4.2, base packages only)
num <- function(v) {
  v <- as.numeric(v)
  s <- ifelse(is.na(v), "null", ifelse(is.infinite(v), ifelse(v > 0, '"inf"', '"-inf"'),
              sprintf("%.17g", v)))
  s
}
vec <- function(v) paste0("[", paste(num(v), collapse = ","), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, vec), collapse = ","), "]")
parse_table <- function(line) {
  rows <- strsplit(strsplit(line, ";")[[1]], ",")
  do.call(rbind, lapply(rows, as.numeric))
}
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste0('"', names(kv), '":', unlist(kv), collapse = ","), "}")
}
one <- function(x) {
  q <- suppressWarnings
  cy <- q(chisq.test(x))
  cn <- q(chisq.test(x, correct = FALSE))
  fis <- tryCatch(q(fisher.test(x, workspace = 2e7)), error = function(e) NULL)
  parts <- list(
    table = mat(x),
    yates = obj(statistic = num(cy$statistic), df = num(cy$parameter), p_value = num(cy$p.value)),
    pearson = obj(statistic = num(cn$statistic), df = num(cn$parameter), p_value = num(cn$p.value)),
    expected = mat(cn$expected), residuals = mat(cn$residuals), stdres = mat(cn$stdres),
    fisher_p = if (is.null(fis)) "null" else num(fis$p.value))
  if (all(dim(x) == 2)) {
    parts$fisher_r_estimate <- num(fis$estimate)
    parts$fisher_r_ci <- vec(fis$conf.int)
    m1 <- q(mcnemar.test(x)); m0 <- q(mcnemar.test(x, correct = FALSE))
    b <- x[1, 2]; c <- x[2, 1]
    exact <- if (b + c == 0) 1 else binom.test(b, b + c, 0.5)$p.value
    parts$mcnemar <- obj(corrected = num(m1$statistic), corrected_p = num(m1$p.value),
                         uncorrected = num(m0$statistic), uncorrected_p = num(m0$p.value),
                         exact_p = num(exact))
  }
  paste0("{", paste0('"', names(parts), '":', unlist(parts), collapse = ","), "}")
}
lines <- readLines("tables.txt")
cases <- vapply(lines, function(l) one(parse_table(l)), "")
zero <- c("0,0;3,4", "1,0,2;3,0,4", "2,5;0,0;1,1", "0,3;0,4")
zcases <- vapply(zero, function(l) {
  x <- parse_table(l)
  cn <- suppressWarnings(chisq.test(x, correct = FALSE))
  cy <- suppressWarnings(chisq.test(x))
  obj(table = mat(x), pearson = num(cn$statistic), yates = num(cy$statistic),
      df = num(cn$parameter))
}, "")
cat(paste0('{"generator":"', R.version.string, ' chisq.test/fisher.test/mcnemar.test",\n',
           '"cases":[\n', paste(cases, collapse = ",\n"), '\n],\n"zero_margins":[\n',
           paste(zcases, collapse = ",\n"), "\n]}\n"), file = "contingency_r.json")
