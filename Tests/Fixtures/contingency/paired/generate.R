# Expected values for `mcnemar` on paired answers (issue 13 item 4): R's mcnemar.test and
# binom.test on table() of the same rows, Bowker's test for k x k, and Newcombe's square-and-add
# interval for the paired difference (method 10 of Newcombe 1998, with the N/2 correction of phi,
# as Fagerland, Lydersen & Laake 2014 and Altman et al., "Statistics with Confidence", 2000).
# R has no built-in Newcombe paired interval: newcombe_paired() (newcombe_paired.R) is written from the
# papers, and checked here against the one value published with 4 decimals (Fagerland et al.'s
# Cavo et al. 2012 table [[59, 6], [16, 80]]: -0.0621 (-0.1186 to -0.0046)).
# Run from this folder:  Rscript generate.R   (R 4.2.2)
source(file.path("..", "..", "..", "..", "scripts", "json.R"))
strs <- function(x) paste0("[", paste(vapply(x, str, ""), collapse = ", "), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, num), collapse = ", "), "]")

source("newcombe_paired.R")
cavo <- matrix(c(59, 6, 16, 80), 2, byrow = TRUE)
stopifnot(all(abs(round(newcombe_paired(cavo), 4) - c(-0.1186, -0.0046)) < 1e-12))

two <- function(name, args, m) {
  mc <- mcnemar.test(m)
  ex <- binom.test(m[1, 2], m[1, 2] + m[2, 1])
  nc <- newcombe_paired(m)
  obj(name = str(name), args = strs(args), categories = strs(rownames(m)), counts = mat(m),
      statistic = num(unname(mc$statistic)), p_value = num(mc$p.value),
      exact_p_value = num(ex$p.value), difference = num((m[1, 2] - m[2, 1]) / sum(m)),
      newcombe = num(nc))
}
many <- function(name, args, m) {
  off <- m[upper.tri(m)] + t(m)[upper.tri(m)]
  if (all(off > 0)) {
    mc <- mcnemar.test(m)
    stat <- unname(mc$statistic); df <- unname(mc$parameter); p <- mc$p.value
  } else {
    # R gives NaN; ours leaves the empty pairs out of the sum and the df.
    dd <- (m[upper.tri(m)] - t(m)[upper.tri(m)])[off > 0]
    stat <- sum(dd^2 / off[off > 0]); df <- sum(off > 0)
    p <- pchisq(stat, df, lower.tail = FALSE)
  }
  obj(name = str(name), args = strs(args), categories = strs(rownames(m)), counts = mat(m),
      statistic = num(stat), df = num(df), p_value = num(p), empty_pairs = num(sum(off == 0)))
}

# 1. R's help example: presidential approval, two surveys of the same 1600 people (long data).
perf <- matrix(c(794, 86, 150, 570), nrow = 2,
               dimnames = list(c("Approve", "Disapprove"), c("Approve", "Disapprove")))
long <- data.frame(first = rep(rownames(perf), 2), second = rep(colnames(perf), each = 2),
                   Freq = as.vector(perf))
write.csv(long, "approval_long.csv", row.names = FALSE)

# 2. Respondent rows: yes/no before and after, with "Don't know" and blanks; the first answer
#    in the file is "no" for one question and "yes" for the other.
set.seed(20261203)
n <- 300
before <- ifelse(runif(n) < 0.45, "yes", "no")
after <- ifelse(before == "yes", ifelse(runif(n) < 0.85, "yes", "no"),
                ifelse(runif(n) < 0.3, "yes", "no"))
before[1] <- "no"; after[1] <- "yes"
before[sample(2:n, 7)] <- "Don't know"
after[sample(2:n, 4)] <- ""
rows <- data.frame(id = seq_len(n), before = before, after = after)
write.csv(rows, "yesno_respondents.csv", row.names = FALSE, quote = FALSE)
back <- read.csv("yesno_respondents.csv", colClasses = "character")
keep <- !(back$before %in% c("", "Don't know")) & !(back$after %in% c("", "Don't know"))
yn <- table(factor(back$before[keep], levels = c("yes", "no")),
            factor(back$after[keep], levels = c("yes", "no")))

# 3. A 3-level item asked twice (Bowker), and a 4-level one with an empty pair of categories.
lev <- c("Low", "Medium", "High")
x1 <- sample(lev, 250, replace = TRUE, prob = c(0.3, 0.4, 0.3))
shift <- function(v) ifelse(runif(length(v)) < 0.7, v, sample(lev, length(v), replace = TRUE,
                                                               prob = c(0.15, 0.35, 0.5)))
x2 <- shift(x1)
lik <- data.frame(wave1 = x1, wave2 = x2)
write.csv(lik, "likert_waves.csv", row.names = FALSE, quote = FALSE)
lk <- read.csv("likert_waves.csv")
lt <- table(factor(lk$wave1, levels = lev), factor(lk$wave2, levels = lev))
four <- matrix(c(20, 5, 0, 3, 2, 30, 4, 1, 0, 6, 25, 2, 1, 0, 3, 15), 4, byrow = TRUE,
               dimnames = list(c("A", "B", "C", "D"), c("A", "B", "C", "D")))

cases <- c(
  two("approval, long data", c("--data", "approval_long.csv", "--first", "first", "--second",
      "second", "--freq-weight", "Freq", "--success", "Approve"), perf),
  two("yes/no respondents", c("--data", "yesno_respondents.csv", "--first", "before",
      "--second", "after", "--missing", "Don't know"), yn),
  two("Cavo et al. 2012 (Fagerland et al. 2014)", c("--table", "59,6;16,80"), cavo),
  many("likert waves, Bowker", c("--data", "likert_waves.csv", "--first", "wave1", "--second",
       "wave2", "--order", "Low,Medium,High"), lt),
  many("4 x 4 with an empty pair", c("--table", "20,5,0,3;2,30,4,1;0,6,25,2;1,0,3,15"), four)
)
writeLines(paste0("{\"generated_by\": \"Tests/Fixtures/contingency/paired/generate.R\", ",
                  "\"r_version\": ", str(R.version.string), ", \"cases\": [\n  ",
                  paste(cases, collapse = ",\n  "), "\n]}"), "expected.json")
