# Generates goodness_of_fit_r.json: R's chisq.test(x, p =, rescale.p =) for goodness-of-fit
# cases (the examples of ?chisq.test among them): statistic, df, p-value, expected counts.
# Run from this folder: Rscript goodness_of_fit.R   (R 4.2; no packages needed)
num <- function(v) {
  s <- ifelse(is.nan(v), '"nan"', ifelse(is.infinite(v), ifelse(v > 0, '"inf"', '"-inf"'),
              sprintf("%.17g", v)))
  if (length(v) == 1) s else paste0("[", paste(s, collapse = ","), "]")
}
cases <- list(
  list(x = c(89, 37, 30, 28, 2), p = c(0.40, 0.20, 0.20, 0.15, 0.05), rescale = FALSE),
  list(x = c(89, 37, 30, 28, 2), p = c(0.40, 0.20, 0.20, 0.19, 0.01), rescale = FALSE),
  list(x = c(89, 37, 30, 28, 2), p = c(40, 20, 20, 15, 5), rescale = TRUE),
  list(x = c(20, 15, 25), p = NULL, rescale = FALSE),
  list(x = c(16, 18, 16, 14, 12, 12), p = NULL, rescale = FALSE),
  list(x = c(31, 12, 44, 8, 19, 27, 5, 36, 22, 14),
       p = c(0.12, 0.06, 0.18, 0.04, 0.1, 0.12, 0.03, 0.16, 0.11, 0.08), rescale = FALSE),
  list(x = c(7, 23), p = c(0.3, 0.7), rescale = FALSE),
  list(x = c(123456, 98765, 100234), p = NULL, rescale = FALSE),
  list(x = c(0, 5, 7), p = NULL, rescale = FALSE),
  list(x = c(3, 5, 4), p = c(0, 0.5, 0.5), rescale = FALSE)
)
out <- c()
for (cs in cases) {
  r <- suppressWarnings(if (is.null(cs$p)) chisq.test(cs$x) else
    chisq.test(cs$x, p = cs$p, rescale.p = cs$rescale))
  out <- c(out, paste0('{"observed":', num(cs$x), ',"p":', if (is.null(cs$p)) "null" else num(cs$p),
    ',"rescale":', tolower(cs$rescale), ',"statistic":', num(unname(r$statistic)),
    ',"df":', unname(r$parameter), ',"p_value":', num(r$p.value),
    ',"expected":', num(unname(r$expected)), "}"))
}
# The sum check: R refuses p summing to 1 + 2e-8 and accepts 1 + 1e-8 (sqrt(.Machine$double.eps)).
refused <- inherits(try(chisq.test(c(5, 5), p = c(0.5, 0.5 + 2e-8)), silent = TRUE), "try-error")
accepted <- !inherits(try(chisq.test(c(5, 5), p = c(0.5, 0.5 + 1e-8)), silent = TRUE), "try-error")
writeLines(paste0('{"generator":"', R.version.string, '","gof":[', paste(out, collapse = ",\n"),
  '],"sum_check":{"refuses_2e-8":', tolower(refused), ',"accepts_1e-8":', tolower(accepted), "}}"),
  "goodness_of_fit_r.json")
