# The exact permutation p-value of the Wilcoxon rank-sum statistic given the ties, by
# enumerating every split of the pooled mid-ranks (small samples only: N <= 20 in practice).
# Sourced by generate.R and generate_commands.R.
#
# Two-sided is P(|W - E W| >= |w - E W|); a 1e-9 tolerance absorbs rounding of mid-rank sums.
enumerate_ranksum_p <- function(x, y, alternative) {
  r <- rank(c(x, y))
  m <- length(x)
  N <- length(r)
  w <- sum(r[seq_len(m)]) - m * (m + 1) / 2
  sums <- combn(N, m, function(idx) sum(r[idx])) - m * (m + 1) / 2
  e <- m * (N + 1) / 2 - m * (m + 1) / 2
  eps <- 1e-9
  switch(alternative,
    less = mean(sums <= w + eps),
    greater = mean(sums >= w - eps),
    two.sided = mean(abs(sums - e) >= abs(w - e) - eps))
}
