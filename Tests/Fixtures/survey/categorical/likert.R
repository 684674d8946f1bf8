# R's figures for `compare --distribution`, `--scores` and `--numeric` (issue 13 item 3) on real
# files already in the repository: ANES 1996 (selfLR 1-7 by party; pandas wrote the codes as 7.0),
# MASS::housing (Sat Low/Medium/High by Infl, one row per cell with its frequency) and apistrat
# (api00 by school type). Also writes two edge files derived from them. Run from this folder:
#   Rscript likert.R        (R 4.2.2; jsonlite, boot)
suppressMessages({ library(jsonlite); library(boot) })
anes <- read.csv("../../contingency/crosstab/anes96_respondents.csv", check.names = FALSE)
hous <- read.csv("../../contingency/crosstab/housing_long.csv")
api <- read.csv("apistrat.csv")

wilson <- function(x, n, level = 0.95) {
  if (n == 0) return(NULL)
  unname(prop.test(x, n, correct = FALSE, conf.level = level)$conf.int[1:2])
}
# compare's rule: Pearson's chi-squared (no correction) when every expected count is >= 5, else
# Fisher's exact test; rows and columns without respondents are left out first.
rule <- function(t) {
  t <- t[rowSums(t) > 0, colSums(t) > 0, drop = FALSE]
  ct <- suppressWarnings(chisq.test(t, correct = FALSE))
  res <- list(test = "pearson-chi-squared", statistic = unname(ct$statistic),
              df = unname(ct$parameter), p_value = ct$p.value)
  if (min(ct$expected) >= 5) return(res)
  # Fisher's exact test; when FEXACT runs out of workspace (the 3 x 7 ANES table), its Monte
  # Carlo estimate over 9999 tables, as compare falls back to.
  f <- tryCatch(fisher.test(t, workspace = 2e7)$p.value, error = function(e) NULL)
  if (!is.null(f)) return(modifyList(res, list(test = "fisher-exact-rxc", p_value = f)))
  set.seed(1)
  modifyList(res, list(test = "fisher-exact-monte-carlo",
                       p_value = fisher.test(t, simulate.p.value = TRUE, B = 9999)$p.value))
}
welch <- function(x, y, level = 0.95) {
  w <- t.test(x, y, var.equal = FALSE, conf.level = level)
  list(difference = mean(x) - mean(y), statistic = unname(w$statistic),
       df = unname(w$parameter), p_value = w$p.value, interval = unname(w$conf.int[1:2]))
}
summ <- function(x, level = 0.95) list(n = length(x), mean = mean(x), sd = sd(x),
                         t_interval = unname(t.test(x, conf.level = level)$conf.int[1:2]))

# seg, ans: factors (levels = the order compare uses); freq: respondents per row.
distribution <- function(seg, ans, freq = rep(1, length(seg)), scores = NULL, level = 0.95) {
  t <- unclass(xtabs(freq ~ seg + ans))
  n <- rowSums(t)
  segs <- levels(seg)
  used <- which(n > 0)
  pairs <- combn(used, 2)
  pt <- apply(pairs, 2, function(ij) rule(t[ij, , drop = FALSE]))
  p <- sapply(pt, `[[`, "p_value")
  out <- list(
    segments = segs, answers = levels(ans), n = unname(n),
    counts = unname(lapply(seq_along(segs), function(i) unname(t[i, ]))),
    wilson = unname(lapply(seq_along(segs), function(i)
      lapply(seq_along(levels(ans)), function(j) wilson(t[i, j], n[i], level)))),
    omnibus = rule(t[used, , drop = FALSE]),
    pairs = unname(lapply(seq_along(pt), function(k)
      c(list(a = segs[pairs[1, k]], b = segs[pairs[2, k]]), pt[[k]]))),
    p_holm = I(p.adjust(p, "holm")))
  if (!is.null(scores)) {
    x <- lapply(segs, function(s) rep(scores[as.integer(ans[seg == s])], freq[seg == s]))
    out$mean_score <- lapply(x[used], summ, level = level)
    mp <- apply(pairs, 2, function(ij) welch(x[[ij[1]]], x[[ij[2]]], level))
    out$mean_pairs <- mp
    out$mean_p_holm <- I(p.adjust(sapply(mp, `[[`, "p_value"), "holm"))
  }
  out
}
first <- function(x) factor(x, levels = unique(x))

# Edge files. A segment with no answers: the Independents' selfLR written as "Don't know".
edge <- anes[, c("party", "selfLR")]
edge$selfLR <- ifelse(edge$party == "Independent", "Don't know", format(edge$selfLR, nsmall = 1))
write.csv(edge, "anes_no_answers.csv", row.names = FALSE)
# api00 with empty, NA and NaN cells (rows 1-3, 10-12, 20-22 of apistrat).
am <- api[, c("stype", "api00")]
am$api00 <- as.character(am$api00)
am$api00[1:3] <- ""; am$api00[10:12] <- "NA"; am$api00[20:22] <- "NaN"
write.csv(am, "api_missing.csv", row.names = FALSE)
amv <- suppressWarnings(as.numeric(am$api00))  # "", "NA", "NaN" -> NA/NaN, left out

numeric <- function(seg, y, seed) {
  keep <- !is.na(y); seg <- droplevels(seg[keep]); y <- y[keep]
  segs <- levels(seg)
  pairs <- combn(seq_along(segs), 2)
  mp <- apply(pairs, 2, function(ij) {
    a <- y[seg == segs[ij[1]]]; b <- y[seg == segs[ij[2]]]
    w <- welch(a, b)
    d <- data.frame(y = c(a, b), g = rep(1:2, c(length(a), length(b))))
    set.seed(seed)
    bt <- boot(d, function(d, i) mean(d$y[i][d$g[i] == 1]) - mean(d$y[i][d$g[i] == 2]),
               R = 9999, strata = d$g)
    ci <- boot.ci(bt, type = c("perc", "bca"))
    c(list(a = segs[ij[1]], b = segs[ij[2]]), w,
      list(boot_percentile = unname(ci$percent[4:5]), boot_bca = unname(ci$bca[4:5]),
           boot_sd = sd(bt$t)))
  })
  list(segments = segs, summary = lapply(segs, function(s) summ(y[seg == s])), pairs = mp,
       p_holm = I(p.adjust(sapply(mp, `[[`, "p_value"), "holm")), missing = sum(!keep))
}

out <- list(
  anes_selflr = distribution(first(anes$party), factor(anes$selfLR, levels = 1:7), scores = 1:7),
  housing = distribution(first(hous$Infl), factor(hous$Sat, levels = c("Low", "Medium", "High")),
                         hous$Freq, scores = 1:3),
  # --level 0.9: Wilson, t and Welch intervals at 90 %
  housing_90 = distribution(first(hous$Infl), factor(hous$Sat, levels = c("Low", "Medium", "High")),
                            hous$Freq, scores = 1:3, level = 0.9),
  # --order Low,Medium,High,Very high: an answer nobody gave (share 0, left out of the tests)
  housing_unused = distribution(first(hous$Infl),
                                factor(hous$Sat, levels = c("Low", "Medium", "High", "Very high")),
                                hous$Freq),
  # --missing "Don't know": the Independents have no answers, left out of the tests
  no_answers = distribution(first(edge$party),
                            factor(as.numeric(ifelse(edge$selfLR == "Don't know", NA, edge$selfLR)),
                                   levels = 1:7)),
  api_numeric = numeric(first(api$stype), api$api00, 20261203),
  api_missing = numeric(first(am$stype), amv, 20261203)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"),
           "likert_expected.json")
