# JSON writers shared by the generate.R scripts of chisq/, paired/, trend/ and cmh/: numbers in
# the fewest digits (15 to 17) that read back as the same double, NaN and infinities as the
# strings the Swift tests read ("nan", "inf", "-inf"), quoted strings and arrays of them.
# Use (from one of those folders): source("../json.R")

num <- function(x) {
  vapply(x, function(v) {
    if (is.na(v)) return('"nan"')
    if (is.infinite(v)) return(if (v > 0) '"inf"' else '"-inf"')
    for (d in 15:17) { s <- sprintf(paste0("%.", d, "g"), v); if (as.numeric(s) == v) return(s) }
    sprintf("%.17g", v)
  }, "")
}
arr <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
str <- function(x) paste0('"', x, '"')
strs <- function(x) paste0("[", paste(str(x), collapse = ", "), "]")
