# Expected values for `compare --data F --paired Q1,Q2 [--segment S]` (issue 13 item 4): per
# comparison R's mcnemar.test with and without the continuity correction, binom.test(b, b + c),
# the Wilson intervals of both shares (prop.test without correction) and Newcombe's paired
# square-and-add interval (method 10; newcombe_paired.R, checked in generate.R against
# Fagerland, Lydersen & Laake 2014). Rows missing either item (blank or --missing) are dropped.
# Run from this folder:  Rscript compare_paired.R   (R 4.2.2)
source(file.path("..", "..", "..", "..", "scripts", "json.R"))
strs <- function(x) paste0("[", paste(vapply(x, str, ""), collapse = ", "), "]")
# NaN (R's McNemar statistic with no discordant pairs) has no JSON spelling: null.
numn <- function(x) if (is.nan(x)) "null" else num(x)

source("newcombe_paired.R")

set.seed(20261204)
n <- 400
region <- sample(c("North", "South", "West"), n, replace = TRUE, prob = c(0.4, 0.35, 0.25))
q1 <- ifelse(runif(n) < 0.5, "yes", "no")
q2 <- ifelse(q1 == "yes", ifelse(runif(n) < 0.8, "yes", "no"), ifelse(runif(n) < 0.35, "yes", "no"))
q3 <- ifelse(q1 == "yes", sample(c("yes", "maybe", "no"), n, TRUE, c(0.6, 0.2, 0.2)),
             sample(c("yes", "maybe", "no"), n, TRUE, c(0.3, 0.2, 0.5)))
q1[sample(n, 9)] <- "Don't know"
q2[sample(n, 6)] <- ""
# A small segment answering the same twice: no discordant pairs.
region <- c(region, rep("East", 12))
q1 <- c(q1, rep(c("yes", "no"), 6)); q2 <- c(q2, rep(c("yes", "no"), 6)); q3 <- c(q3, rep("no", 12))
rows <- data.frame(id = seq_along(q1), region = region, q1 = q1, q2 = q2, q3 = q3)
write.csv(rows, "segments_respondents.csv", row.names = FALSE, quote = FALSE)
back <- read.csv("segments_respondents.csv", colClasses = "character")

one <- function(x, y) {
  keep <- !(x %in% c("", "Don't know")) & !(y %in% c("", "Don't know"))
  m <- table(factor(x[keep] == "yes", levels = c(TRUE, FALSE)),
             factor(y[keep] == "yes", levels = c(TRUE, FALSE)))
  b <- m[1, 2]; c <- m[2, 1]; nn <- sum(m)
  w1 <- prop.test(m[1, 1] + b, nn, correct = FALSE)$conf.int
  w2 <- prop.test(m[1, 1] + c, nn, correct = FALSE)$conf.int
  corr <- suppressWarnings(mcnemar.test(m, correct = TRUE))
  none <- suppressWarnings(mcnemar.test(m, correct = FALSE))
  exact <- if (b + c == 0) 1 else binom.test(b, b + c)$p.value
  obj(respondents = num(nn), counts = paste0("[", paste(apply(m, 1, num), collapse = ", "), "]"),
      first = num((m[1, 1] + b) / nn), first_interval = num(as.vector(w1)),
      second = num((m[1, 1] + c) / nn), second_interval = num(as.vector(w2)),
      statistic = numn(unname(none$statistic)), p_value = numn(none$p.value),
      statistic_corrected = numn(unname(corr$statistic)), p_value_corrected = numn(corr$p.value),
      exact_p_value = num(exact), difference = num((b - c) / nn),
      newcombe = num(newcombe_paired(m)), excluded = num(sum(!keep)))
}
case <- function(name, args, second, segments = NULL) {
  y <- back[[second]]
  comps <- if (is.null(segments)) one(back$q1, y) else
    vapply(segments, function(s) { k <- back$region == s; one(back$q1[k], y[k]) }, "")
  obj(name = str(name), args = strs(args),
      segments = if (is.null(segments)) "[]" else strs(segments),
      comparisons = paste0("[", paste(comps, collapse = ", "), "]"))
}
base <- c("--data", "segments_respondents.csv", "--missing", "Don't know")
cases <- c(
  case("all respondents", c(base, "--paired", "q1,q2"), "q2"),
  case("by region", c(base, "--paired", "q1,q2", "--segment", "region"), "q2",
       c("North", "South", "West", "East")),
  case("three answers, success yes", c(base, "--paired", "q1,q3", "--success", "yes"), "q3")
)
# The segments as they first appear in the file.
stopifnot(identical(unique(back$region), c(unique(back$region[1:400]), "East")))
writeLines(paste0("{\"generated_by\": \"Tests/Fixtures/contingency/paired/compare_paired.R\", ",
                  "\"r_version\": ", str(R.version.string), ", \"cases\": [\n  ",
                  paste(cases, collapse = ",\n  "), "\n]}"), "compare_paired.json")
