# R side of the peer workloads W1-W7 and W9 (see Benchmarks/peers/README.md).
#
# Usage: Rscript peers.R WORKLOAD        (one workload, one computation, one process)
#        Rscript peers.R --list
#
# Loads its data, runs the computation once, timed in-process (Sys.time, after start-up, library
# loading and data loading, as in perf-baseline.md), and prints one JSON object on stdout:
#   {"workload", "peer", "variant", "seconds", "peak_rss_mib", "result": {...}, "blas"}
# Seeds are fixed (set.seed(12345)).
suppressPackageStartupMessages(library(boot))

args <- commandArgs(trailingOnly = TRUE)
here <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
data_dir <- file.path(here, "data")

w4_table <- matrix(c(12, 5, 9, 14, 7, 14, 3, 10, 20, 25, 17, 20), nrow = 3, byrow = TRUE)
w3_pairs <- list(c(1, 2), c(1, 3), c(2, 3))

source(file.path(here, "..", "..", "scripts", "json.R"))  # num, obj, str

peak_rss_mib <- function() {
  st <- readLines("/proc/self/status")
  hwm <- grep("^VmHWM:", st, value = TRUE)
  as.numeric(gsub("[^0-9]", "", hwm)) / 1024
}

w1 <- function(replicates, type) {
  y <- c(rep(1, 31), rep(0, 19), rep(1, 21), rep(0, 28))
  g <- c(rep(1, 50), rep(2, 49))
  stat <- function(d, i) {
    yi <- y[i]
    gi <- g[i]
    mean(yi[gi == 1]) - mean(yi[gi == 2])
  }
  list(
    variant = sprintf("boot(strata = g, R = %g), statistic on index vectors; boot.ci(type = '%s')",
                      replicates, type),
    run = function() {
      set.seed(12345)
      b <- boot(y, stat, R = replicates, strata = g)
      ci <- boot.ci(b, type = type, conf = 0.95)
      iv <- if (type == "bca") ci$bca else ci$percent
      obj(lower = num(iv[4]), upper = num(iv[5]))
    })
}

w2 <- function(statistic, type) {
  x <- scan(file.path(data_dir, "w2.txt"), quiet = TRUE)
  fn <- if (statistic == "mean") function(d, i) mean(d[i]) else function(d, i) median(d[i])
  list(
    variant = if (type == "bca")
      "boot(R = 1e4), boot.ci(type = 'bca', L = empinf(b, type = 'jack'))"
    else sprintf("boot(%s, R = 1e4), boot.ci(type = 'perc')", statistic),
    run = function() {
      set.seed(12345)
      b <- boot(x, fn, R = 10000)
      if (type == "bca") {
        # boot.ci's default L (regression on the B x n frequency array) takes ~10 min and 5.9 GB
        # here (perf-baseline.md); the jackknife L is what a user has to know to pass.
        ci <- boot.ci(b, type = "bca", conf = 0.95, L = empinf(b, type = "jack"))
        iv <- ci$bca
      } else {
        ci <- boot.ci(b, type = "perc", conf = 0.95)
        iv <- ci$percent
      }
      obj(lower = num(iv[4]), upper = num(iv[5]))
    })
}

w3 <- function() {
  raw <- read.csv(file.path(data_dir, "w3.csv"))
  seg <- raw$segment
  x <- as.matrix(raw[, -1])
  stat <- function(d, i) {
    di <- d[i, , drop = FALSE]
    si <- seg[i]
    m <- rbind(colMeans(di[si == 1, , drop = FALSE]), colMeans(di[si == 2, , drop = FALSE]),
               colMeans(di[si == 3, , drop = FALSE]))
    c(m[1, ] - m[2, ], m[1, ] - m[3, ], m[2, ] - m[3, ])
  }
  list(
    variant = "boot(X, statistic -> 120 differences, strata = segment, R = 1e4) + 120 x boot.ci(type = 'perc')",
    run = function() {
      set.seed(12345)
      b <- boot(x, stat, R = 10000, strata = seg)
      lo <- numeric(120)
      hi <- numeric(120)
      for (k in 1:120) {
        iv <- boot.ci(b, type = "perc", conf = 0.95, index = k)$percent
        lo[k] <- iv[4]
        hi[k] <- iv[5]
      }
      # k = (pair - 1) * 40 + question
      obj(sum_lower = num(sum(lo)), sum_upper = num(sum(hi)),
          q01_1v2 = num(c(lo[1], hi[1])), q40_2v3 = num(c(lo[120], hi[120])))
    })
}

w4_montecarlo <- function() list(
  variant = "chisq.test(x, simulate.p.value = TRUE, B = 1e5) (r2dtable, fixed margins)",
  run = function() {
    set.seed(12345)
    r <- chisq.test(w4_table, simulate.p.value = TRUE, B = 100000)
    obj(statistic = num(unname(r$statistic)), p_value = num(r$p.value))
  })

w4_asymptotic <- function() list(
  variant = "chisq.test(x), asymptotic",
  run = function() {
    r <- chisq.test(w4_table)
    obj(statistic = num(unname(r$statistic)), p_value = num(r$p.value))
  })

w4_fisher <- function() list(
  variant = "fisher.test(x), exact network algorithm (workspace 200000)",
  run = function() {
    r <- fisher.test(w4_table)
    obj(p_value = num(r$p.value))
  })

w5 <- function() {
  z <- as.matrix(read.table(file.path(data_dir, "w5.txt")))
  x <- z[, 1]
  y <- z[, 2]
  list(
    variant = "vapply over 1e5 sample.int permutations, difference in means",
    run = function() {
      set.seed(12345)
      n1 <- length(x)
      n2 <- length(y)
      pooled <- c(x, y)
      big_n <- n1 + n2
      total <- sum(pooled)
      obs <- mean(x) - mean(y)
      replicates <- 100000
      d <- vapply(seq_len(replicates), function(k) {
        s1 <- sum(pooled[sample.int(big_n, n1)])
        s1 / n1 - (total - s1) / n2
      }, numeric(1))
      # p = (1 + k) / (B + 1) per side; two-sided = 2 min(one-sided), capped at 1 (SciPy's rule)
      greater <- (1 + sum(d >= obs)) / (replicates + 1)
      less <- (1 + sum(d <= obs)) / (replicates + 1)
      obj(statistic = num(obs), p_value = num(min(1, 2 * min(greater, less))))
    })
}

w6 <- function() list(
  variant = "rbinom vectorized over all 1e5 studies, pooled z-test",
  run = function() {
    set.seed(12345)
    ns <- seq(20, 200, by = 20)
    studies <- 10000
    n <- rep(ns, each = studies)
    x1 <- rbinom(length(n), n, 0.61)
    x2 <- rbinom(length(n), n, 0.43)
    pooled <- (x1 + x2) / (2 * n)
    se <- sqrt(pooled * (1 - pooled) * 2 / n)
    z <- ifelse(se > 0, (x1 / n - x2 / n) / se, 0)
    reject <- abs(z) > qnorm(0.975)
    power <- tapply(reject, n, mean)
    obj(power = num(unname(power)))
  })

# W7: 100,000 respondents, 40 binary questions, 6 segments, 50 strata x 8 PSUs, 200 bootstrap
# replicate weights (make_w7.py writes the data). The timed part builds the design from the
# loaded data frame and computes every segment proportion (svyby, covmat = TRUE), every pairwise
# difference (one svycontrast with 600 contrasts) and the Rao-Scott F test of each question
# (svychisq, its default second-order correction).
w7_data <- function() {
  path <- Sys.getenv("RESAMPLE_W7_DATA",
                     file.path(here, "..", ".build", "peers-data", "w7.csv"))
  if (!file.exists(path)) stop("W7 data ", path, " missing: run Benchmarks/peers/make_w7.py")
  read.csv(path, colClasses = c("character", "integer", "numeric", "factor",
                                rep("integer", 40), rep("numeric", 200)))
}

w7 <- function(replicate) {
  suppressPackageStartupMessages(library(survey))
  d <- w7_data()
  qs <- sprintf("q%02d", 1:40)
  levs <- levels(d$segment)
  list(
    variant = paste0(
      if (replicate)
        "svrepdesign(repweights = 'bw[0-9]+', type = 'bootstrap', weights = ~w, combined.weights = TRUE)"
      else "svydesign(id = ~psu, strata = ~stratum, weights = ~w)",
      "; svyby(~q01 + ... + q40, ~segment, svymean, covmat = TRUE); svycontrast(600 pairs); ",
      "40 x svychisq(~q + segment) (Rao-Scott F); survey ", packageVersion("survey")),
    run = function() {
      des <- if (replicate)
        svrepdesign(data = d, repweights = "bw[0-9]+", type = "bootstrap", weights = ~w,
                    combined.weights = TRUE)
      else svydesign(id = ~psu, strata = ~stratum, weights = ~w, data = d)
      by <- svyby(reformulate(qs), ~segment, des, svymean, covmat = TRUE)
      cf <- coef(by)
      contrasts <- list()
      for (q in qs) for (a in seq_along(levs)) for (b in seq_along(levs)) if (a < b) {
        v <- numeric(length(cf))
        v[match(paste0(levs[a], ":", q), names(cf))] <- 1
        v[match(paste0(levs[b], ":", q), names(cf))] <- -1
        contrasts[[length(contrasts) + 1]] <- v
      }
      con <- svycontrast(by, contrasts)
      df <- degf(des)
      diff <- as.numeric(coef(con))
      dse <- as.numeric(SE(con))
      p <- 2 * pt(-abs(diff / dse), df)
      chi <- lapply(qs, function(q) svychisq(as.formula(paste0("~", q, " + segment")), des))
      f <- vapply(chi, function(x) unname(x$statistic), numeric(1))
      fp <- vapply(chi, function(x) x$p.value, numeric(1))
      obj(proportion_sum = num(sum(cf)), se_sum = num(sum(SE(by))),
          difference_abs_sum = num(sum(abs(diff))), difference_se_sum = num(sum(dse)),
          pair_p_sum = num(sum(p)), rao_scott_f_sum = num(sum(f)),
          rao_scott_p_q01 = num(fp[1]), rao_scott_p_q40 = num(fp[40]), df = num(df))
    })
}

w9 <- function() {
  d <- read.csv(file.path(data_dir, "w9.csv"))
  y <- d$y
  x <- cbind(1, as.matrix(d[, c("x1", "x2", "x3", "x4", "x5")]))
  list(
    variant = "boot(R = 1e4) of lm.fit(X[i, ], y[i])$coefficients, n = 1e4, p = 6",
    run = function() {
      set.seed(12345)
      b <- boot(y, function(v, i) lm.fit(x[i, , drop = FALSE], v[i])$coefficients, R = 10000)
      q <- apply(b$t, 2, quantile, probs = c(0.025, 0.975), type = 7, names = FALSE)
      obj(estimate = num(unname(b$t0)), standard_error = num(apply(b$t, 2, sd)),
          percentile_lower = num(q[1, ]), percentile_upper = num(q[2, ]))
    })
}

workloads <- list(
  "W1-bca-1e4" = function() w1(10000, "bca"),
  "W1-bca-1e6" = function() w1(1e6, "bca"),
  "W1-percentile-1e4" = function() w1(10000, "perc"),
  "W2-mean-bca" = function() w2("mean", "bca"),
  "W2-mean-percentile" = function() w2("mean", "perc"),
  "W2-median-percentile" = function() w2("median", "perc"),
  "W3" = w3,
  "W4-montecarlo" = w4_montecarlo,
  "W4-asymptotic" = w4_asymptotic,
  "W4-fisher" = w4_fisher,
  "W5" = w5,
  "W6" = w6,
  "W7-linearization" = function() w7(FALSE),
  "W7-replicate" = function() w7(TRUE),
  "W9" = w9
)

if (length(args) != 1) {
  cat("usage: Rscript peers.R WORKLOAD | --list\n", file = stderr())
  quit(status = 64)
}
if (args[1] == "--list") {
  cat(names(workloads), sep = "\n")
  quit(status = 0)
}
if (!(args[1] %in% names(workloads))) {
  cat(sprintf("peers.R: unknown workload '%s'\n", args[1]), file = stderr())
  quit(status = 64)
}
w <- workloads[[args[1]]]()
t0 <- Sys.time()
result <- w$run()
seconds <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
blas <- paste0("R ", R.version$major, ".", R.version$minor, ", BLAS ",
               basename(extSoftVersion()[["BLAS"]]), " (", La_library(), ")")
cat(obj(workload = str(args[1]), peer = str("R"), variant = str(w$variant), seconds = num(seconds),
        peak_rss_mib = num(peak_rss_mib()), result = result, blas = str(blas)), "\n", sep = "")
