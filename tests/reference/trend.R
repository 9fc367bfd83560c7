# Reference values for tests/unit/test_trend.cpp, from R 4.2 (stats::prop.test, t.test) on
# the trend fixture tests/data/trend/ (docs/trend.md). Run from the project root:
#   Rscript tests/reference/trend.R
# Shares: each wave's Wilson score interval is prop.test(x, n, correct = FALSE)$conf.int;
# the difference's interval is Newcombe's method 10 worked from those limits by hand
# (Newcombe 1998, Statistics in Medicine 17:873-890, eq. 10); its p the two-sample
# prop.test(correct = FALSE). Means: t.test(newer, older, var.equal = FALSE).
# test_trend.cpp also asserts help in 2021 without its 5s (recoded to ""): the last line.
options(digits = 10)
read_wave <- function(y) read.csv(sprintf("tests/data/trend/w%d/export.csv", y), na.strings = "")
w <- list(`2020` = read_wave(2020), `2021` = read_wave(2021), `2022` = read_wave(2022))
# 2022 reversed stage's codes; its study maps 2020 and 2021 onto them (1 <-> 4, 2 <-> 3).
for (y in c("2020", "2021")) w[[y]]$stage <- c(4, 3, 2, 1, 9)[match(w[[y]]$stage, c(1, 2, 3, 4, 9))]

wilson <- function(x, n) as.numeric(prop.test(x, n, correct = FALSE)$conf.int)
newcombe <- function(x1, n1, x2, n2) { # p1 - p2: the newer wave first
  p1 <- x1 / n1; p2 <- x2 / n2; l1 <- wilson(x1, n1); l2 <- wilson(x2, n2)
  d <- p1 - p2
  c(diff = 100 * d,
    low = 100 * (d - sqrt((p1 - l1[1])^2 + (l2[2] - p2)^2)),
    high = 100 * (d + sqrt((l1[2] - p1)^2 + (p2 - l2[1])^2)),
    p = prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value)
}
share <- function(label, x, n) {
  ci <- 100 * wilson(x, n)
  cat(sprintf("%-22s %d/%d pct %.10f ci %.10f %.10f\n", label, x, n, 100 * x / n, ci[1], ci[2]))
}
change <- function(label, x1, n1, x2, n2) {
  r <- newcombe(x1, n1, x2, n2)
  cat(sprintf("%-22s diff %.10f low %.10f high %.10f p %.10f\n", label, r[1], r[2], r[3], r[4]))
}

cat("-- stage = 1 (very late) among valid answers (9 = don't know left out)\n")
x <- sapply(w, function(d) sum(d$stage == 1)); n <- sapply(w, function(d) sum(d$stage != 9))
for (y in names(w)) share(paste("stage=1", y), x[[y]], n[[y]])
change("stage=1 2021-2020", x[["2021"]], n[["2021"]], x[["2020"]], n[["2020"]])
change("stage=1 2022-2021", x[["2022"]], n[["2022"]], x[["2021"]], n[["2021"]])
change("stage=1 2022-2020", x[["2022"]], n[["2022"]], x[["2020"]], n[["2020"]])
cat("-- stage = 3 (on time)\n")
x3 <- sapply(w, function(d) sum(d$stage == 3))
change("stage=3 2022-2021", x3[["2022"]], n[["2022"]], x3[["2021"]], n[["2021"]])

cat("-- reasons: reason_b among respondents who chose at least one reason\n")
opts <- c("reason_a", "reason_b", "reason_c")
base <- sapply(w, function(d) sum(rowSums(!is.na(d[, intersect(c(opts, "reason_d"), names(d))])) > 0))
xb <- sapply(w, function(d) sum(!is.na(d$reason_b)))
for (y in names(w)) share(paste("reason_b", y), xb[[y]], base[[y]])
change("reason_b 2022-2021", xb[["2022"]], base[["2022"]], xb[["2021"]], base[["2021"]])

cat("-- grade: t.test(newer, older, var.equal = FALSE)\n")
tt <- function(label, a, b) {
  r <- t.test(a, b, var.equal = FALSE)
  cat(sprintf("%-22s diff %.10f low %.10f high %.10f t %.10f df %.10f p %.10f\n", label,
              mean(a) - mean(b), r$conf.int[1], r$conf.int[2], r$statistic, r$parameter, r$p.value))
}
g <- lapply(w, function(d) d$grade)
for (y in names(g)) {
  ci <- t.test(g[[y]])$conf.int
  cat(sprintf("grade %s n %d mean %.10f sd %.10f ci %.10f %.10f\n", y, length(g[[y]]),
              mean(g[[y]]), sd(g[[y]]), ci[1], ci[2]))
}
tt("grade 2021-2020", g[["2021"]], g[["2020"]])
tt("grade 2022-2021", g[["2022"]], g[["2021"]])
tt("grade 2022-2020", g[["2022"]], g[["2020"]])
h <- lapply(w, function(d) d$help[!is.na(d$help) & d$help != 9])
tt("help 2022-2021", h[["2022"]], h[["2021"]])
h21 <- h[["2021"]][h[["2021"]] != 5]
cat(sprintf("help 2021 without 5: n %d mean %.10f\n", length(h21), mean(h21)))
