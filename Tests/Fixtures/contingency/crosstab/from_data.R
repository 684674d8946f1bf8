# Expected values for `chisq`/`fisher --data F --rows A --cols B` (tables tallied from respondent
# rows or from long data with a count column): R's chisq.test / fisher.test on table() or xtabs()
# of the same rows. Run from this folder:  Rscript from_data.R   (R 4.2.2; MASS for housing)
#
# Writes ucb_long.csv, housing_long.csv, codes_respondents.csv and from_data.json (numbers at
# full precision through scripts/json.R). anes96_respondents.csv is make_crosstabs.py's.
suppressPackageStartupMessages(library(MASS))
source(file.path("..", "..", "..", "..", "scripts", "json.R"))
strs <- function(x) paste0("[", paste(vapply(x, str, ""), collapse = ", "), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, num), collapse = ", "), "]")
nums <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")

case <- function(name, args, t, correct = TRUE, fisher = FALSE) {
  m <- unclass(as.matrix(t))
  ct <- suppressWarnings(chisq.test(m, correct = correct))
  f <- if (fisher) fisher.test(m) else NULL
  obj(name = str(name), args = strs(args), rows = num(nrow(m)), cols = num(ncol(m)),
      n = num(sum(m)), row_labels = strs(rownames(m)), column_labels = strs(colnames(m)),
      counts = mat(m), statistic = num(unname(ct$statistic)), df = num(unname(ct$parameter)),
      p_value = num(ct$p.value), expected = mat(ct$expected),
      fisher_p_value = if (fisher) num(f$p.value) else "null")
}

# 1. ANES 1996 respondents (statsmodels' anes96 extract, make_crosstabs.py).
anes <- read.csv("anes96_respondents.csv", stringsAsFactors = FALSE)
ans <- anes[anes$voted_clinton != "Don't know", ]

# 2. UCB admissions as long data with a count column.
ucb <- as.data.frame(UCBAdmissions)
write.csv(ucb, "ucb_long.csv", row.names = FALSE)
ucb <- read.csv("ucb_long.csv")

# 3. MASS::housing (Sat, Infl, Type, Cont, Freq): ordered factors Low < Medium < High.
write.csv(housing, "housing_long.csv", row.names = FALSE)
hous <- read.csv("housing_long.csv")
hous$Infl <- factor(hous$Infl, levels = c("High", "Medium", "Low"))
hous$Sat <- factor(hous$Sat, levels = c("Low", "Medium", "High"))

# 4. Numeric answer codes 1..12 with non-answers (-9, "DK", empty): R's table() of the numeric
#    codes orders them numerically (10 after 9, not after 1).
set.seed(20261203)
n <- 400
q1 <- sample(1:12, n, replace = TRUE)
q2 <- ifelse(runif(n) < 0.3 + 0.03 * q1, 2, 1)
codes <- data.frame(q1 = as.character(q1), q2 = as.character(q2), stringsAsFactors = FALSE)
codes$q1[sample(n, 9)] <- "-9"
codes$q2[sample(n, 6)] <- "DK"
codes$q1[sample(n, 5)] <- ""
write.csv(codes, "codes_respondents.csv", row.names = FALSE, quote = FALSE)
cr <- read.csv("codes_respondents.csv", colClasses = "character")
keep <- !(cr$q1 %in% c("-9", "DK", "")) & !(cr$q2 %in% c("-9", "DK", ""))
cr <- cr[keep, ]

cases <- c(
  case("anes party x selfLR", c("--rows", "party", "--cols", "selfLR"),
       table(anes$party, as.numeric(anes$selfLR))),
  case("anes party x voted_clinton without Don't know",
       c("--rows", "party", "--cols", "voted_clinton", "--missing", "Don't know"),
       table(ans$party, ans$voted_clinton), fisher = TRUE),
  case("UCB gender x admit, long data", c("--rows", "Gender", "--cols", "Admit",
       "--freq-weight", "Freq"), xtabs(Freq ~ Gender + Admit, data = ucb), fisher = TRUE),
  case("housing influence x satisfaction, declared orders",
       c("--rows", "Infl", "--cols", "Sat", "--freq-weight", "Freq",
         "--row-order", "High,Medium,Low", "--col-order", "Low,Medium,High"),
       xtabs(Freq ~ Infl + Sat, data = hous)),
  case("numeric codes with non-answers", c("--rows", "q1", "--cols", "q2", "--missing", "-9,DK"),
       table(as.numeric(cr$q1), as.numeric(cr$q2)))
)
writeLines(paste0("{\"generated_by\": \"Tests/Fixtures/contingency/crosstab/from_data.R\", ",
                  "\"r_version\": ", str(R.version.string), ", \"cases\": [\n  ",
                  paste(cases, collapse = ",\n  "), "\n]}"), "from_data.json")
