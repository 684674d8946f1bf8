# Crosstab CSV files as R writes them, and the expected chisq.test / fisher.test values for every
# fixture in this directory. Run after make_crosstabs.py:  Rscript generate.R
# R's write.csv writes an empty quoted corner ("") and quotes the labels ("1","2",...).
options(digits = 17)
tables <- list()

as_matrix <- function(t) { m <- unclass(as.matrix(t)); m }

# ANES 1996 party x selfLR from the pandas file, so both tools write the same table.
p <- read.csv("anes_party_selflr_pandas.csv", check.names = FALSE, row.names = 1)
anes <- as.matrix(p)
write.csv(anes, "anes_party_selflr_write_csv.csv")
# write.table's header is one cell short: the CSV reader refuses it as ragged (exit 64).
write.table(anes, "anes_party_selflr_write_table.csv", sep = ",")
write.csv(anes, "anes_party_selflr_write_csv_norownames.csv", row.names = FALSE)  # ambiguous
pid <- as.matrix(read.csv("anes_pid_selflr_pandas.csv", check.names = FALSE, row.names = 1))

hair_eye <- as_matrix(margin.table(HairEyeColor, c(1, 2)))
write.csv(hair_eye, "haireye_hair_eye_write_csv.csv")
ucb <- as_matrix(margin.table(UCBAdmissions, c(3, 1)))
write.csv(ucb, "ucb_dept_admit_write_csv.csv")
cyl_gear <- table(mtcars$cyl, mtcars$gear)
cg <- matrix(as.vector(cyl_gear), nrow = nrow(cyl_gear), dimnames = dimnames(cyl_gear))
write.csv(cg, "mtcars_cyl_gear_write_csv.csv")  # numeric labels on both margins, empty corner

entry <- function(file, m, fisher = FALSE) {
  ct <- suppressWarnings(chisq.test(m, correct = FALSE))
  e <- list(file = file, rows = nrow(m), cols = ncol(m), n = sum(m),
            row_labels = rownames(m), column_labels = colnames(m),
            statistic = unname(ct$statistic), df = unname(ct$parameter),
            p_value = ct$p.value)
  if (fisher) e$fisher_p_value <- fisher.test(m)$p.value
  e
}
out <- list(
  entry("anes_party_selflr_pandas.csv", anes),
  entry("anes_party_selflr_pandas_float.csv", anes),
  entry("anes_party_selflr_write_csv.csv", anes),
  entry("anes_pid_selflr_pandas.csv", pid),
  entry("haireye_hair_eye_write_csv.csv", hair_eye),
  entry("ucb_dept_admit_write_csv.csv", ucb),
  entry("mtcars_cyl_gear_write_csv.csv", cg, fisher = TRUE)
)
# The wrong answer of issue 13: the header row 1..7 read as a fourth row of counts.
wrong <- rbind(1:7, anes)
ctw <- chisq.test(wrong, correct = FALSE)
writeLines(jsonlite::toJSON(list(tables = out, header_as_counts = list(
  n = sum(wrong), statistic = unname(ctw$statistic), df = unname(ctw$parameter))),
  auto_unbox = TRUE, digits = NA, pretty = TRUE), "expected.json")
