# Lonely PSUs: R survey 4.1.1 under each survey.lonely.psu rule on a small stratified cluster
# sample whose stratum "b" has a single PSU. Run: cd Tests/Fixtures/survey-design/lonely &&
# Rscript generate.R > expected.json
suppressMessages(library(survey))
d <- read.csv("lonely.csv")
out <- c()
for (pol in c("certainty", "adjust", "average")) {
  options(survey.lonely.psu = pol)
  des <- svydesign(id = ~psu, strata = ~st, weights = ~w, data = d)
  m <- suppressWarnings(svymean(~y, des))
  b <- suppressWarnings(svyby(~y, ~seg, des, svymean, covmat = TRUE))
  out <- c(out, sprintf(
    '  "%s": {"estimate": %.17g, "standard_error": %.17g, "segment_standard_errors": [%.17g, %.17g]}',
    pol, coef(m), SE(m), SE(b)[1], SE(b)[2]))
}
cat("{\n", paste(out, collapse = ",\n"), "\n}\n", sep = "")
