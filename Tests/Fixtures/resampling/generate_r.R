# Generates r_boot.json: R boot's jackknife (empinf type "jack": L = (n-1)(t0 - t_(i))), its
# leave-one-out values t_(i) = t0 - L/(n-1) (sorted), boot's acceleration sum(L^3)/(6 sum(L^2)^1.5)
# (centred on t0, unlike Efron/SciPy who centre on mean(t_(i))), and norm.ci intervals from a
# given replicate vector. Run from this folder: Rscript generate_r.R   (R 4.2, boot 1.3)
library(boot)
num <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ","), "]")
set.seed(20261129)
x <- round(rlnorm(40), 3)
y <- round(rnorm(33, 10, 3))
stats <- list(
  mean = function(d, i) mean(d[i]),
  median = function(d, i) median(d[i]),
  trimmed = function(d, i) mean(d[i], trim = 0.1),
  sd = function(d, i) sd(d[i])
)
out <- c()
for (nm in names(stats)) {
  for (dn in c("x", "y")) {
    d <- get(dn)
    L <- empinf(data = d, statistic = stats[[nm]], type = "jack", stype = "i")
    a <- sum(L^3) / (6 * sum(L^2)^1.5)
    b <- boot(d, stats[[nm]], R = 999)
    n1 <- norm.ci(b, conf = 0.95)
    n2 <- norm.ci(b, conf = 0.9)
    out <- c(out, sprintf(paste0('{"statistic":"%s","data":%s,"acceleration":%s,',
      '"jackknife":%s,"t0":%.17g,"t":%s,"normal95":[%.17g,%.17g],"normal90":[%.17g,%.17g]}'),
      nm, num(d), if (is.nan(a)) '"nan"' else sprintf("%.17g", a),
      num(sort(stats[[nm]](d, seq_along(d)) - L / (length(d) - 1))), b$t0, num(b$t[, 1]), n1[2], n1[3], n2[2], n2[3]))
  }
}
cat(paste0('{"generator":"', R.version.string, ', boot ', packageVersion("boot"),
  '","cases":[\n', paste(out, collapse = ",\n"), "\n]}\n"), file = "r_boot.json")
