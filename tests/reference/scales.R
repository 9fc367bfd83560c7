# Reference values for tests/unit/test_scales.cpp and test_drivers.cpp, from R 4.2 and
# psych 2.2.9 on tests/data/scales/scales.csv (docs/scales.md). Run from the project root:
#   Rscript tests/reference/scales.R
# It prints every value the unit tests assert, with the call that gave it.
suppressMessages(library(psych))
options(digits = 10)
d <- read.csv("tests/data/scales/scales.csv", na.strings = "")
# 9 = "Weet niet" (the codebook's missing code) on the Likert items only.
for (v in c("s1", "s2", "s3", "s4", "s5", "s5r", "rel")) d[[v]][d[[v]] %in% 9] <- NA
items <- d[, c("s1", "s2", "s3", "s4", "s5")]
items$s5 <- 6 - items$s5                          # reverse = 1: min + max - x
complete <- items[complete.cases(items), ]
cat("listwise n", nrow(complete), "\n")
a <- psych::alpha(complete, warnings = FALSE)
print(a$total[, c("raw_alpha", "std.alpha", "G6(smc)", "average_r", "ase")], digits = 10)
print(a$alpha.drop[, c("raw_alpha", "std.alpha", "average_r")], digits = 10)
print(a$item.stats[, c("r.drop", "std.r", "mean", "sd")], digits = 10)
f <- psych::alpha.ci(a$total$raw_alpha, nrow(complete), 5)
cat("feldt", f$lower.ci, f$upper.ci, "\n")
cat("duhachek", a$total$raw_alpha - qnorm(0.975) * a$total$ase,
    a$total$raw_alpha + qnorm(0.975) * a$total$ase, "\n")
om <- suppressWarnings(psych::omega(cor(complete), nfactors = 1, plot = FALSE))
cat("omega.tot", om$omega.tot, "\n")
cat("average cov", (sum(cov(complete)) - sum(diag(cov(complete)))) / 20, "\n")

cat("\n-- pairwise (psych::alpha's default use = \"pairwise\"), n =", nrow(items), "\n")
p <- psych::alpha(items, warnings = FALSE)
print(p$total[, c("raw_alpha", "std.alpha", "G6(smc)", "average_r")], digits = 10)
print(p$item.stats[, c("r.drop", "mean", "sd")], digits = 10)
fp <- psych::alpha.ci(p$total$raw_alpha, nrow(items), 5)
cat("feldt", fp$lower.ci, fp$upper.ci, "\n")

cat("\n-- s3 reversed by mistake\n")
m <- complete
m$s3 <- 6 - m$s3
mm <- psych::alpha(m, warnings = FALSE)
print(mm$total[, c("raw_alpha")], digits = 10)
print(mm$item.stats[, "r.drop"], digits = 10)
cat("average cov", (sum(cov(m)) - sum(diag(cov(m)))) / 20, "\n")

cat("\n-- drivers: grade ~ rel + sat + sessions, listwise\n")
n_answered <- rowSums(!is.na(items))
d$sat <- ifelse(n_answered >= 3, rowMeans(items, na.rm = TRUE), NA)
x <- d[complete.cases(d[, c("grade", "rel", "sat", "sessions")]), c("grade", "rel", "sat", "sessions")]
n <- nrow(x)
cat("n", n, "mean sat", mean(x$sat), "sd sat", sd(x$sat), "mean grade", mean(x$grade), "\n")
for (v in c("rel", "sat", "sessions")) {
  ct <- cor.test(x$grade, x[[v]])
  rho <- cor(x$grade, x[[v]], method = "spearman")
  se <- sqrt((1 + rho^2 / 2) / (n - 3))             # Bonett & Wright (2000)
  cat(v, "pearson", ct$estimate, ct$conf.int, ct$p.value, "spearman", rho,
      tanh(atanh(rho) + c(-1, 1) * qnorm(0.975) * se), "\n")
}
fit <- lm(scale(grade) ~ scale(rel) + scale(sat) + scale(sessions), data = x)
print(coef(summary(fit)), digits = 10)
print(confint(fit), digits = 10)
cat("r2", summary(fit)$r.squared, "adj", summary(fit)$adj.r.squared, "\n")
# Johnson (2000): R_xx = V L V', Lambda = V L^(1/2) V', beta* = Lambda^-1 r_xy,
# raw weight_j = sum_k Lambda_jk^2 beta*_k^2.
R <- cor(x)
rxx <- R[-1, -1]; rxy <- R[-1, 1]
e <- eigen(rxx)
lambda <- e$vectors %*% diag(sqrt(e$values)) %*% t(e$vectors)
bstar <- solve(lambda) %*% rxy
raw <- as.vector(lambda^2 %*% bstar^2)
cat("relative weights raw", raw, "sum", sum(raw), "pct", 100 * raw / sum(raw), "\n")
# The bootstrap's percentile intervals, with many replicates to compare within tolerance.
set.seed(1)
rw <- function(xx) {
  R <- cor(xx); rxx <- R[-1, -1]; rxy <- R[-1, 1]
  e <- eigen(rxx); L <- e$vectors %*% diag(sqrt(e$values)) %*% t(e$vectors)
  b <- solve(L) %*% rxy; r <- as.vector(L^2 %*% b^2); c(r, 100 * r / sum(r))
}
B <- t(replicate(20000, rw(x[sample.int(n, n, replace = TRUE), ])))
cat("bootstrap raw 2.5%", apply(B[, 1:3], 2, quantile, 0.025), "\n")
cat("bootstrap raw 97.5%", apply(B[, 1:3], 2, quantile, 0.975), "\n")
cat("bootstrap pct 2.5%", apply(B[, 4:6], 2, quantile, 0.025), "\n")
cat("bootstrap pct 97.5%", apply(B[, 4:6], 2, quantile, 0.975), "\n")

cat("\n-- weighted by w (cov.wt)\n")
xw <- d[complete.cases(d[, c("grade", "rel", "sat", "sessions")]), c("grade", "rel", "sat", "sessions", "w")]
cw <- cov.wt(xw[, 1:4], wt = xw$w / sum(xw$w), cor = TRUE)
print(cw$cor[1, ], digits = 10)
Rw <- cw$cor
cat("weighted beta", solve(Rw[-1, -1], Rw[-1, 1]), "\n")
cat("kish n", sum(xw$w)^2 / sum(xw$w^2), "\n")
cw5 <- d[complete.cases(items), ]
ci <- cov.wt(complete, wt = cw5$w / sum(cw5$w))$cov
cat("weighted alpha", (1 - sum(diag(ci)) / sum(ci)) * 5 / 4, "\n")
