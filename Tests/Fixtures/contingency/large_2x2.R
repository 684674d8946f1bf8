# Generates large_2x2_r.json: Fisher's exact test on 2x2 tables whose totals exceed 10^7 (SciPy
# gh-9231's table among them), which `fisher` refused before. p-values are R's fisher.test for
# each alternative. The conditional MLE and the 95% interval are solved here with R's own
# fisher.test formulas (dhyper weights, dnhyper/mnhyper/pnhyper) but with uniroot's tolerance
# tightened to 1e-13 in log odds ratio, since fisher.test's default tolerance (~1e-4) is too loose
# for a 1e-9 comparison.
# Run from this folder: Rscript large_2x2.R   (R 4.2; no packages needed; about a minute)
num <- function(v) {
  s <- ifelse(is.infinite(v), ifelse(v > 0, '"inf"', '"-inf"'), sprintf("%.17g", v))
  if (length(v) == 1) s else paste0("[", paste(s, collapse = ","), "]")
}
tables <- list(
  matrix(c(5829225, 5692693, 5760959, 5760959), 2, byrow = TRUE),  # SciPy gh-9231
  matrix(c(3000000, 3001500, 3000200, 2998300), 2, byrow = TRUE),
  matrix(c(12, 5999988, 30, 5999970), 2, byrow = TRUE),
  matrix(c(700, 9999300, 780, 9999220), 2, byrow = TRUE))
out <- c()
for (t in tables) {
  m <- sum(t[, 1]); n <- sum(t[, 2]); k <- sum(t[1, ]); x <- t[1, 1]
  lo <- max(0, k - n); hi <- min(k, m); support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  dnhyper <- function(lt) { d <- logdc + lt * support; d <- exp(d - max(d)); d / sum(d) }
  mnhyper <- function(lt) sum(support * dnhyper(lt))
  pupper <- function(lt) sum(dnhyper(lt)[support >= x])
  plower <- function(lt) sum(dnhyper(lt)[support <= x])
  tol <- 1e-13
  est <- exp(uniroot(function(lt) mnhyper(lt) - x, c(-2, 2), tol = tol)$root)
  lower <- exp(uniroot(function(lt) pupper(lt) - 0.025, c(-2, 2), tol = tol)$root)
  upper <- exp(uniroot(function(lt) plower(lt) - 0.025, c(-2, 2), tol = tol)$root)
  p <- sapply(c("two.sided", "less", "greater"), function(a) fisher.test(t, alternative = a)$p.value)
  out <- c(out, paste0('{"table":[', num(t[1, ]), ",", num(t[2, ]), '],"p_two_sided":', num(p[[1]]),
    ',"p_less":', num(p[[2]]), ',"p_greater":', num(p[[3]]), ',"estimate":', num(est),
    ',"ci95":', num(c(lower, upper)), "}"))
}
cat(paste0('{"generator":"', R.version.string, ' fisher.test; MLE and interval by uniroot(tol = 1e-13)",\n"cases":[\n',
  paste(out, collapse = ",\n"), "]}\n"), file = "large_2x2_r.json")
