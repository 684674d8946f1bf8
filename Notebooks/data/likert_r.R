# R's figures for Notebooks/likert.ipynb on MASS::housing (1681 tenants: satisfaction Low/Medium/
# High by influence on management, housing type). Run from the repository root:
#   Rscript Notebooks/data/likert_r.R > Notebooks/data/likert-r.json     (R 4.2.2; MASS, jsonlite)
suppressMessages({ library(MASS); library(jsonlite) })
t <- xtabs(Freq ~ Infl + Sat, housing)
chi <- chisq.test(t, correct = FALSE)
t3 <- xtabs(Freq ~ Infl + Sat + Type, housing)
cmh <- mantelhaen.test(t3)                       # generalized CMH, general association
# Linear-by-linear association with scores 1, 2, 3 (Agresti): M2 = (N - 1) r^2.
x <- rep(as.integer(housing$Infl), housing$Freq)
y <- rep(as.integer(housing$Sat), housing$Freq)
m2 <- (length(x) - 1) * cor(x, y)^2
pair <- function(a, b) chisq.test(t[c(a, b), ], correct = FALSE)$p.value
p <- c(pair("Low", "Medium"), pair("Low", "High"), pair("Medium", "High"))
score <- function(s) y[x == match(s, levels(housing$Infl))]
welch <- t.test(score("High"), score("Low"), var.equal = FALSE)
cat(toJSON(list(
  chisq = list(statistic = unname(chi$statistic), df = unname(chi$parameter), p = chi$p.value),
  cmh = list(statistic = unname(cmh$statistic), df = unname(cmh$parameter), p = cmh$p.value),
  linear_by_linear = list(statistic = m2, p = pchisq(m2, 1, lower.tail = FALSE)),
  pairs_p = p, pairs_holm = p.adjust(p, "holm"),
  high_share_wilson = lapply(levels(housing$Infl), function(s)
    unname(prop.test(t[s, "High"], sum(t[s, ]), correct = FALSE)$conf.int[1:2])),
  welch_high_minus_low = list(difference = unname(diff(rev(welch$estimate))),
                              interval = unname(welch$conf.int[1:2]), p = welch$p.value)
), auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
