# The JSON writers shared by the R scripts that print results (Benchmarks/peers/peers.R,
# Notebooks/data/r_reference.R): numbers at full precision (%.17g, so a reader gets the same
# double back), objects from name = already-formatted value pairs, and quoted strings.
# Use: source(file.path(<path to scripts>, "json.R"))

num <- function(x) {
  if (length(x) == 1) sprintf("%.17g", x)
  else paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
}
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(sprintf("\"%s\": %s", names(kv), unlist(kv)), collapse = ", "), "}")
}
str <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")
