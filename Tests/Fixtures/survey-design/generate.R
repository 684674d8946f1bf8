# Reference values for design-based survey inference, from R's `survey` package.
#
# Run from this folder:  cd Tests/Fixtures/survey-design && Rscript generate.R
# Needs R with the `survey` package (written against R 4.2.2, survey 4.1.1).
#
# Writes the data CSVs (apiclus1, apistrat, apiclus2, apisrs, the two replicate-weight
# versions of apiclus1, titanic) and expected.json. Every design is built from the CSV
# that was just written and read back, so the expected values are reproducible from the
# CSV columns alone (plus the scale/rscales/mse recorded for the replicate designs).
#
# Numbers are written with the shortest of %.15g/%.16g/%.17g that reads back to the same
# double, so every value is exact. NaN/NA is written as the string "nan", +-Inf as "inf"/"-inf".
# (jsonlite's digits = NA prints only 15 significant digits, which does not round-trip, and
# digits = I(17) prints 33.847 as 33.847000000000001, so a small writer is used instead.)
#
# Conventions of R worth knowing when comparing (checked against survey 4.1.1 sources):
# - svychisq: N = number of rows of the data; nu = (#PSUs - #strata) for Taylor designs,
#   degf(design) for replicate designs. Delta = generalized design-effect matrix of the
#   (r-1)(c-1) interaction contrasts. statistic = "F": F = X2 / tr(Delta),
#   ndf = d0 = tr(Delta)^2 / tr(Delta^2), ddf = d0 * nu (second-order Rao-Scott).
#   statistic = "Chisq": the reported statistic is the UNADJUSTED weighted Pearson X2;
#   only the p-value uses X2 / mean(diag(Delta)) on (r-1)(c-1) df (first-order Rao-Scott).
#   We also record that adjusted statistic as `adjusted_statistic` (= F * df).
#   X2 = chisq.test(svytable(~q + stype, design, Ntotal = N), correct = FALSE): the weighted
#   table rescaled to sum to the sample size.
#   "Wald": F = W / ((r-1)(c-1)), ndf = (r-1)(c-1), ddf = nu.
#   "adjWald": F = W * (nu - ndf + 1) / (ndf * nu), ndf = (r-1)(c-1), ddf = nu - ndf + 1.
# - svymean(..., deff = TRUE) reports Kish's deff against simple random sampling WITHOUT
#   replacement of the same size from a population of size N^ = sum of weights:
#   deff = V_design / (s2_w * (N^ - n) / (N^ * n)), s2_w = svyvar (weighted variance with
#   n/(n-1)). For a domain (svyby(..., deff = TRUE)) n and N^ are the domain's count and
#   weight sum. For replicate designs the same formula with n = rows, N^ = sum(pweights).
# - svyciprop(method = "logit"): Wald interval for the intercept of a quasibinomial svyglm
#   on the logit scale with t quantile on degf(design) df, back-transformed.
#   method = "beta": Korn-Graubard; n_eff = p(1-p)/V * (qt(.025, n-1)/qt(.025, degf))^2,
#   interval = (qbeta(.025, n_eff p, n_eff (1-p) + 1), qbeta(.975, n_eff p + 1, n_eff (1-p))).
# - degf: Taylor: #PSUs - #strata (among rows with non-zero weight); replicate: rank of the
#   replicate-weight matrix - 1 (so the 50 bootstrap replicates of 15 clusters give 14).

suppressPackageStartupMessages(library(survey))

questions <- c("sch.wide", "comp.imp", "both", "awards", "yr.rnd")
base_columns <- c("snum", "dnum", "stype", "pw", "fpc", questions)
answer <- "Yes"

# ---------------------------------------------------------------------------------------
# Number formatting and a minimal JSON writer
# ---------------------------------------------------------------------------------------

# Shortest decimal (15, 16 or 17 significant digits) that reads back to the same double.
num_str <- function(x) {
  out <- character(length(x))
  for (i in seq_along(x)) {
    v <- as.numeric(x[i])
    if (is.na(v)) {
      out[i] <- NA_character_
    } else if (is.infinite(v)) {
      out[i] <- if (v > 0) "inf" else "-inf"
    } else {
      for (d in 15:17) {
        s <- sprintf(paste0("%.", d, "g"), v)
        if (as.numeric(s) == v) break
      }
      out[i] <- s
    }
  }
  out
}

json_string <- function(s) {
  s <- gsub("\\", "\\\\", s, fixed = TRUE)
  s <- gsub("\"", "\\\"", s, fixed = TRUE)
  paste0("\"", s, "\"")
}

json_scalar <- function(v) {
  if (is.logical(v) && !is.na(v)) return(if (v) "true" else "false")
  if (is.character(v)) return(json_string(v))
  if (is.na(v)) return("\"nan\"")
  if (is.infinite(v)) return(json_string(num_str(v)))
  num_str(v)
}

# Named list -> object; unnamed list or I(vector) -> array; length-1 atomic -> scalar.
to_json <- function(x, indent = 0) {
  pad <- strrep(" ", indent + 1)
  close_pad <- strrep(" ", indent)
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    items <- vapply(x, to_json, character(1), indent = indent + 1)
    if (!is.null(names(x))) {
      items <- paste0(json_string(names(x)), ": ", items)
      return(paste0("{\n", pad, paste(items, collapse = paste0(",\n", pad)), "\n", close_pad, "}"))
    }
    return(paste0("[\n", pad, paste(items, collapse = paste0(",\n", pad)), "\n", close_pad, "]"))
  }
  if (inherits(x, "AsIs") || length(x) != 1) {
    x <- unclass(x)
    return(paste0("[", paste(vapply(x, json_scalar, character(1)), collapse = ", "), "]"))
  }
  json_scalar(unname(x))
}

# Plain numbers without names or attributes.
num <- function(x) as.numeric(unname(x))

# ---------------------------------------------------------------------------------------
# Data CSVs (written with full precision, no quoting: no value contains a comma)
# ---------------------------------------------------------------------------------------

write_table <- function(df, file) {
  out <- df
  for (nm in names(out)) {
    col <- out[[nm]]
    if (is.factor(col)) col <- as.character(col)
    if (is.numeric(col)) col <- num_str(col)
    col[is.na(col)] <- "NA"
    out[[nm]] <- col
  }
  write.csv(out, file, row.names = FALSE, quote = FALSE)
}

read_table <- function(file) {
  df <- read.csv(file, stringsAsFactors = FALSE, na.strings = "NA")
  df$stype <- factor(df$stype) # levels sorted: E, H, M (as R's factor does)
  for (q in intersect(questions, names(df))) df[[q]] <- factor(df[[q]], levels = c("No", "Yes"))
  df
}

data(api)

api_subset <- function(d) {
  cols <- base_columns
  if (!"fpc" %in% names(d)) cols <- c(setdiff(cols, "fpc"), "fpc1", "fpc2")
  out <- d[, cols]
  out$sch.wide01 <- as.integer(d$sch.wide == "Yes") # numeric 0/1 copy of sch.wide
  out
}

sources <- list(apiclus1 = apiclus1, apistrat = apistrat, apiclus2 = apiclus2, apisrs = apisrs)
for (nm in names(sources)) write_table(api_subset(sources[[nm]]), paste0(nm, ".csv"))

# Check that the CSVs read back to exactly the columns of data(api).
tables <- lapply(setNames(names(sources), names(sources)), function(nm) read_table(paste0(nm, ".csv")))
for (nm in names(sources)) {
  a <- api_subset(sources[[nm]])
  b <- tables[[nm]]
  for (col in names(a)) {
    x <- a[[col]]
    y <- b[[col]]
    if (is.factor(x)) { x <- as.character(x); y <- as.character(y) }
    stopifnot(identical(as.vector(x), as.vector(y)) || isTRUE(all(x == y | (is.na(x) & is.na(y)))))
  }
}

# Replicate-weight versions of apiclus1 (analysis weights = pw x replicate factor).
clus1_nofpc <- svydesign(id = ~dnum, weights = ~pw, data = tables$apiclus1)
rep_source <- list()
rep_source$jk1 <- as.svrepdesign(clus1_nofpc, type = "JK1")
set.seed(20261203) # RNGkind: Mersenne-Twister / Inversion / Rejection (R >= 3.6 default)
rep_source$boot <- as.svrepdesign(clus1_nofpc, type = "bootstrap", replicates = 50)
# Stratified jackknife (JKn): districts within school types (a district with several types is a
# PSU in each stratum, nest = TRUE); rscales = (n_h - 1)/n_h per replicate.
rep_source$jkn <- as.svrepdesign(
  svydesign(id = ~dnum, strata = ~stype, weights = ~pw, data = tables$apiclus1, nest = TRUE),
  type = "JKn")
rep_prefix <- c(jk1 = "rw", boot = "bw", jkn = "jw")
for (k in names(rep_source)) {
  rw <- weights(rep_source[[k]], "analysis")
  colnames(rw) <- paste0(rep_prefix[[k]], seq_len(ncol(rw)))
  write_table(cbind(api_subset(apiclus1), as.data.frame(rw)), paste0("apiclus1_", k, ".csv"))
}
rep_tables <- lapply(
  c(jk1 = "apiclus1_jk1.csv", boot = "apiclus1_boot.csv", jkn = "apiclus1_jkn.csv"), read_table)

# Titanic: frequency weights aggregated over Sex and Age.
titanic <- aggregate(Freq ~ Class + Survived, data = as.data.frame(Titanic), FUN = sum)
write_table(titanic, "titanic.csv")
titanic_back <- read.csv("titanic.csv", stringsAsFactors = TRUE)
titanic_test <- chisq.test(xtabs(Freq ~ Class + Survived, data = titanic_back), correct = FALSE)

# ---------------------------------------------------------------------------------------
# Designs (all built from the CSVs read back)
# ---------------------------------------------------------------------------------------

taylor <- function(weight, cluster, strata, fpc) {
  list(weight = weight, cluster = cluster, strata = strata, fpc = fpc,
       replicate_columns_prefix = NULL, type = "taylor", scale = NULL, rscales = NULL, mse = NULL)
}

designs <- list(
  list(name = "apiclus1", data = "apiclus1.csv",
       r_call = "svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1)",
       object = svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = tables$apiclus1),
       spec = taylor("pw", "dnum", NULL, "fpc"),
       note = "fpc = 757 is the population number of districts (R reads fpc > 1 as a population size)"),
  list(name = "apiclus1_nofpc", data = "apiclus1.csv",
       r_call = "svydesign(id = ~dnum, weights = ~pw, data = apiclus1)",
       object = svydesign(id = ~dnum, weights = ~pw, data = tables$apiclus1),
       spec = taylor("pw", "dnum", NULL, NULL)),
  list(name = "apistrat", data = "apistrat.csv",
       r_call = "svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat)",
       object = svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = tables$apistrat),
       spec = taylor("pw", NULL, "stype", "fpc"),
       note = "the segment (stype) equals the strata; fpc is the stratum population size"),
  list(name = "apiclus2_ultimate_cluster", data = "apiclus2.csv",
       r_call = "svydesign(id = ~dnum, weights = ~pw, data = apiclus2)",
       object = svydesign(id = ~dnum, weights = ~pw, data = tables$apiclus2),
       spec = taylor("pw", "dnum", NULL, NULL),
       note = "two-stage sample analysed with first-stage clusters only (ultimate-cluster, with replacement); fpc1/fpc2 unused"),
  list(name = "apisrs", data = "apisrs.csv",
       r_call = "svydesign(id = ~1, weights = ~pw, data = apisrs)",
       object = svydesign(id = ~1, weights = ~pw, data = tables$apisrs),
       spec = taylor("pw", NULL, NULL, NULL),
       note = "weighted, no fpc (with-replacement variance); each row is its own PSU"),
  list(name = "apiclus1_jk1", data = "apiclus1_jk1.csv",
       r_call = paste0("svrepdesign(data = apiclus1_jk1, repweights = \"rw[0-9]+\", type = \"JK1\", ",
                       "weights = ~pw, combined.weights = TRUE, scale = <scale>, rscales = <rscales>, mse = <mse>)"),
       rep_kind = "jk1",
       source_call = "as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, data = apiclus1), type = \"JK1\")"),
  list(name = "apiclus1_boot", data = "apiclus1_boot.csv",
       r_call = paste0("svrepdesign(data = apiclus1_boot, repweights = \"bw[0-9]+\", type = \"bootstrap\", ",
                       "weights = ~pw, combined.weights = TRUE, scale = <scale>, rscales = <rscales>, mse = <mse>)"),
       rep_kind = "boot",
       source_call = paste0("set.seed(20261203); as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, ",
                            "data = apiclus1), type = \"bootstrap\", replicates = 50)")),
  list(name = "apiclus1_jkn", data = "apiclus1_jkn.csv",
       r_call = paste0("svrepdesign(data = apiclus1_jkn, repweights = \"jw[0-9]+\", type = \"JKn\", ",
                       "weights = ~pw, combined.weights = TRUE, scale = <scale>, rscales = <rscales>, mse = <mse>)"),
       rep_kind = "jkn",
       source_call = paste0("as.svrepdesign(svydesign(id = ~dnum, strata = ~stype, weights = ~pw, ",
                            "data = apiclus1, nest = TRUE), type = \"JKn\")"))
)

for (i in seq_along(designs)) {
  k <- designs[[i]]$rep_kind
  if (is.null(k)) next
  src <- rep_source[[k]]
  type <- c(jk1 = "JK1", boot = "bootstrap", jkn = "JKn")[[k]]
  obj <- svrepdesign(data = rep_tables[[k]], repweights = paste0(rep_prefix[[k]], "[0-9]+"),
                     type = type, weights = ~pw, combined.weights = TRUE,
                     scale = src$scale, rscales = src$rscales, mse = src$mse)
  # The CSV-built design must reproduce the as.svrepdesign object.
  a <- svymean(~sch.wide, src)
  b <- svymean(~sch.wide, obj)
  stopifnot(isTRUE(all.equal(coef(a), coef(b), tolerance = 1e-13)),
            isTRUE(all.equal(SE(a), SE(b), tolerance = 1e-12)),
            degf(src) == degf(obj))
  designs[[i]]$object <- obj
  designs[[i]]$spec <- list(weight = "pw", cluster = NULL, strata = NULL, fpc = NULL,
                            replicate_columns_prefix = rep_prefix[[k]], type = type,
                            scale = num(src$scale), rscales = I(num(src$rscales)), mse = src$mse,
                            replicates = ncol(weights(obj, "analysis")),
                            combined_weights = TRUE, built_from = "csv",
                            source_call = designs[[i]]$source_call)
}

# ---------------------------------------------------------------------------------------
# Per-question results
# ---------------------------------------------------------------------------------------

nan_if_error <- function(expr) tryCatch(expr, error = function(e) NULL)

question_results <- function(des, q) {
  yes <- bquote(I(.(as.name(q)) == .(answer)))
  f_yes <- eval(bquote(~.(yes)))
  vars <- des$variables
  w <- weights(des, "sampling")
  levs <- levels(vars$stype)

  # Segments: svyby(~I(q == "Yes"), ~stype, design, svymean, covmat = TRUE), TRUE column.
  by <- svyby(f_yes, ~stype, des, svymean, covmat = TRUE)
  cf <- coef(by)
  true_cols <- grep("TRUE$", names(cf))
  stopifnot(length(true_cols) == length(levs),
            identical(sub(":.*$", "", names(cf)[true_cols]), levs))
  p <- num(cf[true_cols])
  V <- unname(vcov(by)[true_cols, true_cols, drop = FALSE])
  se <- sqrt(diag(V))
  # Domain deffs: svyby(..., svymean, deff = TRUE) (see the deff note at the top).
  by_deff <- svyby(f_yes, ~stype, des, svymean, deff = TRUE)
  dd_frame <- deff(by_deff)
  stopifnot(identical(rownames(dd_frame), levs))
  dd <- num(dd_frame[[grep("TRUE$", names(dd_frame))]])
  answered <- !is.na(vars[[q]])
  segments <- lapply(seq_along(levs), function(j) {
    in_seg <- vars$stype == levs[j] & answered
    list(name = levs[j], proportion = p[j], standard_error = se[j],
         n = sum(in_seg), weighted_n = sum(w[in_seg]), deff = dd[j])
  })

  # Pairs a < b in level order: svycontrast on the svyby object (uses vcov(by)).
  df <- degf(des)
  pairs <- list()
  for (a in seq_along(levs)) for (b in seq_along(levs)) if (a < b) {
    cvec <- numeric(length(cf))
    cvec[true_cols[a]] <- 1
    cvec[true_cols[b]] <- -1
    con <- svycontrast(by, cvec)
    diff <- num(coef(con))
    s <- num(SE(con))
    t <- diff / s
    half <- qt(0.975, df) * s
    pairs[[length(pairs) + 1]] <- list(
      a = levs[a], b = levs[b], difference = diff, standard_error = s, t_statistic = t,
      df = df, p_value = 2 * pt(-abs(t), df), ci = I(c(diff - half, diff + half)),
      # Same contrast with a normal reference (infinite df), for tools that use z.
      p_value_normal = 2 * pnorm(-abs(t)),
      ci_normal = I(c(diff - qnorm(0.975) * s, diff + qnorm(0.975) * s)))
  }

  # Omnibus on the q x stype table.
  f_tab <- eval(bquote(~.(as.name(q)) + stype))
  chi <- function(stat) nan_if_error(suppressWarnings(svychisq(f_tab, des, statistic = stat)))
  rs_f <- chi("F")
  rs_c <- chi("Chisq")
  wald <- chi("Wald")
  adjw <- chi("adjWald")
  ftest <- function(x) {
    if (is.null(x)) return(list(statistic = NaN, ndf = NaN, ddf = NaN, p_value = NaN))
    list(statistic = num(x$statistic), ndf = num(x$parameter["ndf"]),
         ddf = num(x$parameter["ddf"]), p_value = num(x$p.value))
  }
  pearson <- suppressWarnings(chisq.test(svytable(f_tab, des, Ntotal = nrow(des)), correct = FALSE))
  omnibus <- list(
    rao_scott_f = ftest(rs_f),
    rao_scott_chisq = if (is.null(rs_c)) list(statistic = NaN, df = NaN, p_value = NaN,
                                               adjusted_statistic = NaN) else
      list(statistic = num(rs_c$statistic), df = num(rs_c$parameter["df"]),
           p_value = num(rs_c$p.value),
           adjusted_statistic = if (is.null(rs_f)) NaN else num(rs_f$statistic) * num(rs_c$parameter["df"])),
    delta_trace = if (is.null(rs_f)) NaN else num(pearson$statistic) / num(rs_f$statistic),
    wald = ftest(wald),
    adj_wald = ftest(adjw),
    pearson_weighted = num(pearson$statistic),
    pearson_weighted_df = num(pearson$parameter),
    weighted_table_ntotal = nrow(des))

  # Overall proportion.
  m <- svymean(f_yes, des, deff = TRUE)
  mt <- grep("TRUE$", names(coef(m)))
  ci_logit <- svyciprop(f_yes, des, method = "logit")
  ci_beta <- svyciprop(f_yes, des, method = "beta")
  overall <- list(proportion = num(coef(m)[mt]), standard_error = num(SE(m)[mt]),
                  deff = num(deff(m)[mt]),
                  logit = I(num(attr(ci_logit, "ci"))), beta = I(num(attr(ci_beta, "ci"))))

  list(column = q, answer = answer, segments = segments, pairs = pairs,
       covariance = lapply(seq_len(nrow(V)), function(r) I(V[r, ])),
       omnibus = omnibus, overall = overall)
}

out_designs <- lapply(designs, function(d) {
  des <- d$object
  qs <- questions
  skipped <- list()
  for (q in questions) {
    if (anyNA(des$variables[[q]])) {
      skipped[[length(skipped) + 1]] <- list(
        column = q,
        reason = sprintf(paste0("%d of %d values are NA in R's data(api) %s (only %d answers, all in ",
                                "segment(s) %s); not analysed"),
                         sum(is.na(des$variables[[q]])), nrow(des$variables), d$data,
                         sum(!is.na(des$variables[[q]])),
                         paste(unique(as.character(des$variables$stype[!is.na(des$variables[[q]])])),
                               collapse = ", ")))
      qs <- setdiff(qs, q)
    }
  }
  res <- list(name = d$name, data = d$data, r_call = d$r_call, design = d$spec,
              degf = degf(des), nobs = nrow(des), segment = "stype",
              questions = lapply(qs, function(q) question_results(des, q)))
  if (length(skipped)) res$skipped_questions <- skipped
  if (!is.null(d$note)) res$note <- d$note
  res
})

titanic_out <- list(
  data = "titanic.csv",
  r_call = "chisq.test(xtabs(Freq ~ Class + Survived, data = titanic), correct = FALSE)",
  statistic = num(titanic_test$statistic), df = num(titanic_test$parameter),
  p_value = num(titanic_test$p.value))

result <- list(
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  survey_version = as.character(packageVersion("survey")),
  generated_by = "generate.R (Rscript generate.R in Tests/Fixtures/survey-design)",
  rng_kind = I(RNGkind()[1:3]),
  conventions = list(
    proportion = "svyby(~I(q == \"Yes\"), ~stype, design, svymean, covmat = TRUE), TRUE column",
    covariance = "vcov of that svyby object restricted to the TRUE columns, segments in order E, H, M",
    pair = "svycontrast(byobj, c(1, -1, 0)-style contrast); p = 2 * pt(-|t|, degf); ci = diff -/+ qt(0.975, degf) * se",
    pair_normal = "p_value_normal = 2 * pnorm(-|t|); ci_normal = diff -/+ qnorm(0.975) * se",
    segment_deff = "svyby(..., svymean, deff = TRUE): domain variance / SRSWOR variance with domain n and domain weight sum",
    overall_deff = "svymean(..., deff = TRUE): Kish deff vs SRS without replacement, N^ = sum of weights",
    rao_scott_f = "svychisq(statistic = \"F\"): F = X2 / tr(Delta), ndf = tr(Delta)^2 / tr(Delta^2), ddf = ndf * nu",
    rao_scott_chisq = "svychisq(statistic = \"Chisq\"): statistic is the unadjusted X2; p uses X2 / mean(diag(Delta)) (adjusted_statistic) on (r-1)(c-1) df",
    wald = "svychisq(statistic = \"Wald\"): F = W / ndf, ddf = nu",
    adj_wald = "svychisq(statistic = \"adjWald\"): F = W (nu - ndf + 1) / (ndf nu), ddf = nu - ndf + 1",
    pearson_weighted = "chisq.test(svytable(~q + stype, design, Ntotal = nrow(design)), correct = FALSE)$statistic",
    nu = "Taylor: #PSUs - #strata; replicate: degf(design) = rank(replicate weights) - 1",
    logit = "svyciprop(method = \"logit\")$ci (2.5%, 97.5%)",
    beta = "svyciprop(method = \"beta\")$ci (Korn-Graubard)",
    missing = "\"nan\" marks NaN/NA from R"),
  designs = out_designs,
  titanic = titanic_out)

writeLines(to_json(result), "expected.json")
cat("wrote expected.json and", length(sources) + 1 + length(rep_source), "CSV files\n")
