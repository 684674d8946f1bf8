# Newcombe's square-and-add interval for a paired difference of proportions (method 10 of
# Newcombe 1998, with the N/2 correction of phi, as Fagerland, Lydersen & Laake 2014), written
# from the papers (R has none built in); generate.R checks it against Fagerland et al.'s
# published Cavo et al. 2012 value. Sourced by generate.R and compare_paired.R.
wilson <- function(x, n, z) {
  p <- x / n
  c((2 * n * p + z^2 - z * sqrt(z^2 + 4 * n * p * (1 - p))) / (2 * (n + z^2)),
    (2 * n * p + z^2 + z * sqrt(z^2 + 4 * n * p * (1 - p))) / (2 * (n + z^2)))
}
newcombe_paired <- function(m, level = 0.95) {
  a <- m[1, 1]; b <- m[1, 2]; c <- m[2, 1]; d <- m[2, 2]; n <- a + b + c + d
  z <- qnorm((1 + level) / 2)
  p1 <- (a + b) / n; p2 <- (a + c) / n
  w1 <- wilson(a + b, n, z); w2 <- wilson(a + c, n, z)
  prod <- (a + b) * (c + d) * (a + c) * (b + d)
  A <- a * d - b * c
  phi <- if (prod == 0) 0 else if (A > n / 2) (A - n / 2) / sqrt(prod) else if (A < 0) A / sqrt(prod) else 0
  dl1 <- p1 - w1[1]; du2 <- w2[2] - p2; dl2 <- p2 - w2[1]; du1 <- w1[2] - p1
  c(p1 - p2 - sqrt(dl1^2 - 2 * phi * dl1 * du2 + du2^2),
    p1 - p2 + sqrt(dl2^2 - 2 * phi * dl2 * du1 + du1^2))
}
