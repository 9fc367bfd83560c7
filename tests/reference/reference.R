# Reference values for careerstat's statistics, computed independently in R.
#
# Run from the project root:   Rscript tests/reference/reference.R
# Needs: R (>= 4.1) with the survey package; PSPP (`pspp`) is optional and, when
# installed, confirms the quartiles (FREQUENCIES /PERCENTILES in compatible mode).
# Writes tests/reference/expected.csv: case,table_id,row_label,column,expected,tolerance,source
#
# Every value here comes from the raw CSV files (read with read.csv) and base R or the
# survey package -- never from careerstat's output. The case names refer to
# tests/reference/cases.csv, which holds the careerstat command line of each case.
# check.sh compares careerstat's JSON output against this file (R is not needed there).
#
# row_label identifies a row within a table: a frequency row by its answer label (from
# the codebook) or careerstat's total row label; a describe row by its variable name.

suppressPackageStartupMessages(library(survey))
stopifnot(file.exists("data/clients.csv"))  # must run from the project root
options(survey.lonely.psu = "fail")

rows <- list()
add <- function(case, table, row, column, value, source, tol = TOL) {
  stopifnot(length(value) == 1, is.finite(value))
  rows[[length(rows) + 1]] <<- data.frame(
    case = case, table_id = table, row_label = row, column = column,
    expected = format(round(as.numeric(value), 10), digits = 15, scientific = FALSE,
                      trim = TRUE),
    tolerance = format(tol, scientific = FALSE, trim = TRUE),
    source = source, stringsAsFactors = FALSE)
}
# careerstat's machine output is rounded to 6 decimals; 1e-4 leaves room for that and
# for differences in the last digits of quantile functions, and is still far below any
# difference in method (z vs t, n vs n-1, with or without fpc: all >= 1e-3 here).
TOL <- 1e-4
TOL_COUNT <- 1e-9
f <- function(x, d = 6) format(signif(x, d), trim = TRUE)  # numbers inside source text

# ---------------------------------------------------------------------------- data
read_export <- function(path, sep = ",") {
  read.csv(path, sep = sep, colClasses = "character", na.strings = character(0),
           check.names = FALSE, encoding = "UTF-8", strip.white = TRUE)
}
num <- function(s) suppressWarnings(as.numeric(ifelse(trimws(s) == "", NA, s)))
read_codebook <- function(path) {
  cb <- read.csv(path, colClasses = "character", na.strings = character(0),
                 encoding = "UTF-8")
  rownames(cb) <- cb$variable
  cb
}
choices <- function(cb, var) {  # named vector code -> label, from "1=a|2=b"
  parts <- strsplit(cb[var, "choices"], "|", fixed = TRUE)[[1]]
  codes <- sub("=.*$", "", parts)
  setNames(sub("^[^=]*=", "", parts), codes)
}

cl <- read_export("data/clients.csv")
cl_cb <- read_codebook("data/clients.codebook.csv")
em <- read_export("data/employers.csv", sep = ";")
em_cb <- read_codebook("data/employers.codebook.csv")
wd <- read_export("tests/data/weighted/clients_w.csv")
wd_cb <- read_codebook("tests/data/weighted/clients_w.codebook.csv")
weight_cols <- c("w", "w_tenth", "w_hundred", "w_equal")  # w first: the default weight
stopifnot(identical(wd_cb$variable[wd_cb$type == "weight"], weight_cols),
          identical(tail(names(wd), 4), weight_cols),
          identical(wd_cb[setdiff(wd_cb$variable, weight_cols), ],
                    cl_cb[setdiff(wd_cb$variable, weight_cols), ]))
stopifnot(nrow(cl) == 54, nrow(em) == 27,
          identical(wd[setdiff(names(wd), weight_cols)], cl))  # a copy + the weights

# ------------------------------------------------------ interval formulas (proportions)
# Wilson score (Wilson 1927) = prop.test without continuity correction.
wilson <- function(x, n, level = 0.95)
  as.numeric(suppressWarnings(prop.test(x, n, correct = FALSE, conf.level = level))$conf.int)
# Clopper-Pearson (1934): binom.test for whole counts; the same beta quantiles otherwise.
clopper <- function(x, n, level = 0.95) {
  a <- 1 - level
  if (x == round(x) && n == round(n))
    return(as.numeric(binom.test(x, n, conf.level = level)$conf.int))
  c(if (x > 0) qbeta(a / 2, x, n - x + 1) else 0,
    if (x < n) qbeta(1 - a / 2, x + 1, n - x) else 1)
}
# Jeffreys (Brown, Cai & DasGupta 2001, Statist. Sci. 16:101): Beta(x+1/2, n-x+1/2)
# quantiles, 0 / 1 at x = 0 / x = n.
jeffreys <- function(x, n, level = 0.95) {
  a <- 1 - level
  c(if (x > 0) qbeta(a / 2, x + 0.5, n - x + 0.5) else 0,
    if (x < n) qbeta(1 - a / 2, x + 0.5, n - x + 0.5) else 1)
}
# Agresti & Coull (1998, Am. Stat. 52:119): Wald interval around (x+z^2/2)/(n+z^2),
# clipped to [0, 1].
agresti_coull <- function(x, n, level = 0.95) {
  z <- qnorm(1 - (1 - level) / 2)
  nt <- n + z^2; pt <- (x + z^2 / 2) / nt
  pmin(1, pmax(0, pt + c(-1, 1) * z * sqrt(pt * (1 - pt) / nt)))
}
ci_fun <- list(wilson = wilson, "clopper-pearson" = clopper, jeffreys = jeffreys,
               "agresti-coull" = agresti_coull)
ci_src <- function(method, x, n, level = 0.95) {
  lv <- if (level != 0.95) sprintf(",conf.level=%s", level) else ""
  switch(method,
    wilson = sprintf("prop.test(%s,%s,correct=FALSE%s)$conf.int", f(x, 8), f(n, 8), lv),
    "clopper-pearson" = if (x == round(x) && n == round(n))
      sprintf("binom.test(%s,%s%s)$conf.int", f(x), f(n), lv) else
      sprintf("qbeta(%s,x,n-x+1), qbeta(%s,x+1,n-x) with x=%s, n=%s (Clopper-Pearson 1934)",
              (1 - level) / 2, 1 - (1 - level) / 2, f(x, 8), f(n, 8)),
    jeffreys = sprintf("qbeta(c(%s,%s),%s+0.5,%s-%s+0.5)%s (Jeffreys; Brown, Cai & DasGupta 2001)",
                       (1 - level) / 2, 1 - (1 - level) / 2, f(x), f(n), f(x),
                       if (x == 0) ", lower=0 at x=0" else if (x == n) ", upper=1 at x=n" else ""),
    "agresti-coull" = sprintf(paste0("Agresti & Coull 1998: z=qnorm(%s); nt=%s+z^2; ",
                              "pt=(%s+z^2/2)/nt; pt -/+ z*sqrt(pt*(1-pt)/nt), clipped to [0,1]"),
                              1 - (1 - level) / 2, f(n), f(x)))
}

# ------------------------------------ survey designs for weights and --population N
# Convention (careerstat's and the fpc cases'): the design of each variable is built on
# the respondents with a valid answer to it (missing codes and blanks dropped), as
#   svydesign(ids=~1, weights=~w, data=valid)            weights
#   svydesign(ids=~1, weights=~w, fpc=~N, data=valid)    weights and --population N
#   svydesign(ids=~1, fpc=~N, data=valid)                --population N alone
# with the fpc column N for every row; n = number of valid answers, f = n/N (0 without N).
design_of <- function(df, w = NULL, N = NULL) {
  stopifnot(!is.null(w) || !is.null(N))
  if (!is.null(w)) df$w <- w
  if (!is.null(N)) df$N <- N
  if (is.null(w)) svydesign(ids = ~1, fpc = ~N, data = df)
  else if (is.null(N)) svydesign(ids = ~1, weights = ~w, data = df)
  else svydesign(ids = ~1, weights = ~w, fpc = ~N, data = df)
}
des_src <- function(wname = NULL, N = NULL)
  sprintf("svydesign(ids=~1,%s%sdata=valid)%s",
          if (is.null(wname)) "" else sprintf("weights=~%s,", wname),
          if (is.null(N)) "" else "fpc=~N,", if (is.null(N)) "" else sprintf(", N=%s", f(N)))
kish <- function(w) sum(w)^2 / sum(w^2)
# Effective n where the design variance is degenerate (a share of 0 or 1, an NPS with
# p + d - (p-d)^2 = 0): Kish's n less one, over 1 - f.
neff_fallback <- function(w, N = NULL) {
  fr <- if (is.null(N)) 0 else length(w) / N
  (kish(w) - 1) / (1 - fr)
}

# Wilson score interval written out, so that it takes a fractional x and n (x = p*n_eff,
# n = n_eff); checked against prop.test(correct=FALSE), which computes the same.
wilson_score <- function(x, n, level = 0.95) {
  z <- qnorm(1 - (1 - level) / 2); p <- x / n
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half <- z / (1 + z^2 / n) * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
  lims <- c(if (x > 0) max(0, centre - half) else 0, if (x < n) min(1, centre + half) else 1)
  stopifnot(max(abs(lims - wilson(x, n, level))) < 1e-12)
  lims
}
cp_vs_svyciprop <- 0  # largest |svyciprop(method="beta") - qbeta formula| seen (0-1 scale)

# The interval for the share of y == 1 among the valid answers (or the multi-select
# base) under the design: p and SE from svymean, n_eff = p(1-p)/SE^2 (the fallback at
# p = 0 or 1), then the named interval on (p*n_eff, n_eff). `what` names the indicator
# in the source text.
prop_ci_design <- function(y, w, N, method, level, what, wname) {
  des <- design_of(data.frame(y = y), w, N)
  m <- svymean(~y, des)
  p <- as.numeric(coef(m)); se <- as.numeric(SE(m))
  stopifnot(abs(p - sum(w * y) / sum(w)) < 1e-12)
  inner <- any(y == 1) && any(y == 0)
  neff <- if (inner) p * (1 - p) / se^2 else neff_fallback(w, N)
  xx <- p * neff
  lims <- if (method == "wilson") wilson_score(xx, neff, level) else
    ci_fun[[method]](xx, neff, level)
  ref <- if (inner)
    sprintf("p=%s, SE=%s from survey::svymean(~I(%s),%s); n_eff=p(1-p)/SE^2=%s; then ",
            f(p, 8), f(se, 8), what, des_src(wname, N), f(neff, 8)) else
    sprintf("p=%s from survey::svymean(~I(%s),%s); SE=0, so n_eff=(kish-1)/(1-f)=%s with kish=sum(w)^2/sum(w^2)=%s; then ",
            f(p, 8), what, des_src(wname, N), f(neff, 8), f(kish(w), 8))
  src <- if (method == "wilson")
    sprintf(paste0("%sWilson score on x=p*n_eff=%s, n=n_eff: (p+z^2/(2n) -/+ z*sqrt(p(1-p)/n+z^2/(4n^2)))/(1+z^2/n), ",
                   "z=qnorm(%s) (= prop.test(x,n,correct=FALSE)$conf.int)"),
            ref, f(xx, 8), 1 - (1 - level) / 2) else paste0(ref, ci_src(method, xx, neff, level))
  if (method == "clopper-pearson" && inner) {
    sv <- as.numeric(attr(svyciprop(~y, des, method = "beta", level = level), "ci"))
    gap <- max(abs(sv - lims))
    cp_vs_svyciprop <<- max(cp_vs_svyciprop, gap)
    stopifnot(gap < 1e-9)
    src <- sprintf("%s; = survey::svyciprop(~I(%s),des,method=\"beta\")", src, what)
  }
  list(lims = lims, src = src, p = p, neff = neff)
}

# ----------------------------------------------------- single-choice frequency table
# n, pct (of all respondents in the run), valid_pct (excluding missing codes and
# blanks), cum_pct and the interval for each valid proportion. `x` holds the raw cells.
freq_single <- function(case, x, cb, var, method = "wilson", level = 0.95,
                        counts = TRUE, ci = TRUE, w = NULL, fpc_N = NULL, wname = "w") {
  tab <- paste0("freq.", var)
  ch <- choices(cb, var)
  miss_codes <- if (cb[var, "missing"] != "")
    sub("=.*$", "", strsplit(cb[var, "missing"], "|", fixed = TRUE)[[1]]) else character(0)
  if (is.null(w)) w <- rep(1, length(x))
  wsrc <- if (all(w == 1)) "" else " (weighted: sums of w)"
  tot <- sum(w)
  valid <- x %in% names(ch)
  vtot <- sum(w[valid])
  cum <- 0
  for (code in names(ch)) {
    k <- sum(w[x == code]); cum <- cum + k
    lab <- ch[[code]]
    if (counts) {
      add(case, tab, lab, "n", k, if (wsrc == "") sprintf("sum(%s==%s)", var, code) else
          sprintf("sum(w[%s==%s]) (weighted count)", var, code), if (wsrc == "") TOL_COUNT else TOL)
      add(case, tab, lab, "pct", 100 * k / tot,
          sprintf("100*%s/%s: %s==%s over all %s respondents%s", f(k), f(tot), var, code,
                  length(x), wsrc))
      add(case, tab, lab, "valid_pct", 100 * k / vtot,
          sprintf("100*%s/%s: over valid answers (codes %s)%s", f(k), f(vtot),
                  paste(names(ch), collapse = ","), wsrc))
      add(case, tab, lab, "cum_pct", 100 * cum / vtot,
          sprintf("100*cumsum(table(%s))/%s, code %s%s", var, f(vtot), code, wsrc))
    }
    if (ci) {
      yv <- as.numeric(x[valid] == code)
      if (!all(w == 1)) {
        # Weights (with or without --population N): the design on the valid answers.
        r <- prop_ci_design(yv, w[valid], fpc_N, method, level,
                            sprintf("%s==%s", var, code), wname)
        add(case, tab, lab, "ci_low", 100 * r$lims[1], r$src)
        add(case, tab, lab, "ci_high", 100 * r$lims[2], r$src)
        next
      }
      if (!is.null(fpc_N)) {
        # Finite population correction: survey's SE for the proportion among the valid
        # answers as an SRS of N; effective n = p(1-p)/SE^2 must be (n-1)/(1-n/N).
        n <- sum(valid)
        des <- svydesign(ids = ~1, fpc = ~N, data = data.frame(y = yv, N = fpc_N))
        m <- svymean(~y, des)
        p <- as.numeric(coef(m)); se <- as.numeric(SE(m))
        neff <- p * (1 - p) / se^2
        stopifnot(abs(neff - (n - 1) / (1 - n / fpc_N)) < 1e-9)
        ref <- sprintf(paste0("n_eff=p(1-p)/SE^2=%s=(n-1)/(1-n/N) from survey::svymean(~I(%s==%s),",
                              "svydesign(ids=~1,fpc=~N,data=valid)) with n=%d, N=%s; then "),
                       f(neff, 8), var, code, n, f(fpc_N))
        xx <- p * neff; nn <- neff
      } else {
        xx <- sum(yv); nn <- length(yv); ref <- ""
      }
      lims <- 100 * ci_fun[[method]](xx, nn, level)
      src <- paste0(ref, ci_src(method, xx, nn, level))
      add(case, tab, lab, "ci_low", lims[1], src)
      add(case, tab, lab, "ci_high", lims[2], src)
    }
  }
  if (counts) {
    for (code in miss_codes) {
      lab <- sub("^[^=]*=", "", grep(paste0("^", code, "="),
                 strsplit(cb[var, "missing"], "|", fixed = TRUE)[[1]], value = TRUE))
      k <- sum(w[x == code])
      add(case, tab, lab, "n", k, if (wsrc == "") sprintf("sum(%s==%s)", var, code) else
          sprintf("sum(w[%s==%s]) (weighted count)", var, code), if (wsrc == "") TOL_COUNT else TOL)
      add(case, tab, lab, "pct", 100 * k / tot, sprintf("100*%s/%s%s", f(k), f(tot), wsrc))
    }
    k <- sum(w[trimws(x) == ""])
    add(case, tab, "Blank", "n", k, if (wsrc == "") sprintf("sum(%s==\"\")", var) else
        sprintf("sum(w[%s==\"\"]) (weighted count)", var),
        if (wsrc == "") TOL_COUNT else TOL)
    add(case, tab, "Total", "n", tot, if (wsrc == "") sprintf("nrow(data)=%s", f(tot)) else
        sprintf("sum(w)=%s over all %d respondents (weighted count)", f(tot), length(x)),
        if (wsrc == "") TOL_COUNT else TOL)
  }
}

# ------------------------------------------------------------------- 1. initiative
ini <- cl$initiative
for (m in names(ci_fun)) {
  case <- paste0("freq_initiative_", gsub("-", "_", m))
  freq_single(case, ini, cl_cb, "initiative", method = m, counts = (m == "wilson"))
}
freq_single("freq_initiative_level90", ini, cl_cb, "initiative", level = 0.90,
            counts = FALSE)
freq_single("freq_initiative_fpc", ini, cl_cb, "initiative", fpc_N = 90, counts = FALSE)
complete <- cl$lastpage == "5"
freq_single("freq_initiative_complete", ini[complete], cl_cb, "initiative")
freq_single("freq_initiative_complete_fpc", ini[complete], cl_cb, "initiative",
            fpc_N = 90, counts = FALSE)

# Clopper-Pearson with the fpc: survey's own Korn-Graubard interval, svyciprop(method =
# "beta"), is Clopper-Pearson on n_eff = p(1-p)/SE^2 (its df factor is 1 for an SRS).
{
  case <- "freq_initiative_fpc_cp"; var <- "initiative"; ch <- choices(cl_cb, var)
  valid <- ini %in% names(ch)
  for (code in names(ch)) {
    dv <- data.frame(y = as.numeric(ini[valid] == code), N = 90)
    des <- svydesign(ids = ~1, fpc = ~N, data = dv)
    ci <- 100 * as.numeric(attr(svyciprop(~y, des, method = "beta"), "ci"))
    # the same by formula on the effective n
    m <- svymean(~y, des); p <- as.numeric(coef(m)); neff <- p * (1 - p) / as.numeric(SE(m))^2
    stopifnot(max(abs(ci - 100 * clopper(p * neff, neff))) < 1e-9)
    src <- sprintf(paste0("survey::svyciprop(~I(%s==%s),svydesign(ids=~1,fpc=~N,data=valid),",
                          "method=\"beta\") (Korn & Graubard 1998; N=%d, n=%d)"),
                   var, code, 90, sum(valid))
    add(case, "freq.initiative", ch[[code]], "ci_low", ci[1], src)
    add(case, "freq.initiative", ch[[code]], "ci_high", ci[2], src)
  }
}

# ----------------------------------------------------------- 2. barrier multi-select
# pct = n / base, base = respondents with >= 1 option selected; pct_mentions = n / all
# mentions; Wilson interval for pct with n = base.
{
  case <- "freq_barrier"; tab <- "freq.barrier"
  opts <- cl_cb$variable[cl_cb$group == "barrier"]
  sel <- sapply(opts, function(v) cl[[v]] != "" & !(toupper(cl[[v]]) %in%
                  c("0", "N", "NEE", "NO", "FALSE", "NOT SELECTED")))
  answered <- rowSums(sel) > 0
  base <- sum(answered); mentions <- sum(sel)
  for (v in opts) {
    k <- sum(sel[, v]); lab <- cl_cb[v, "label"]
    add(case, tab, lab, "n", k, sprintf("sum(%s==\"Y\")", v), TOL_COUNT)
    add(case, tab, lab, "pct", 100 * k / base,
        sprintf("100*%d/%d: base = rowSums(barrier_* selected)>0", k, base))
    add(case, tab, lab, "pct_mentions", 100 * k / mentions,
        sprintf("100*%d/%d: all mentions = sum(barrier_* selected)", k, mentions))
    ci <- 100 * wilson(k, base)
    add(case, tab, lab, "ci_low", ci[1], ci_src("wilson", k, base))
    add(case, tab, lab, "ci_high", ci[2], ci_src("wilson", k, base))
  }
  add(case, tab, "No option selected", "n", sum(!answered),
      "sum(rowSums(barrier_* selected)==0)", TOL_COUNT)
  add(case, tab, "Respondents who answered (base)", "n", base,
      "sum(rowSums(barrier_* selected)>0)", TOL_COUNT)
}

# The same with --population 90: the base respondents as an SRS of N (as for initiative).
{
  case <- "freq_barrier_fpc"; tab <- "freq.barrier"; N <- 90
  for (v in opts) {
    dv <- data.frame(y = as.numeric(sel[answered, v]), N = N)
    m <- svymean(~y, svydesign(ids = ~1, fpc = ~N, data = dv))
    p <- as.numeric(coef(m)); neff <- p * (1 - p) / as.numeric(SE(m))^2
    stopifnot(abs(neff - (base - 1) / (1 - base / N)) < 1e-9)
    ci <- 100 * wilson(p * neff, neff)
    src <- sprintf(paste0("n_eff=p(1-p)/SE^2=%s=(n-1)/(1-n/N) from survey::svymean(~I(%s==\"Y\"),",
                          "svydesign(ids=~1,fpc=~N,data=base)) with n=%d, N=%d; then %s"),
                   f(neff, 8), v, base, N, ci_src("wilson", p * neff, neff))
    add(case, tab, cl_cb[v, "label"], "ci_low", ci[1], src)
    add(case, tab, cl_cb[v, "label"], "ci_high", ci[2], src)
  }
}

# ------------------------------------------------- 3. employers: 1 in 5 (5 of 25)
freq_single("freq_mgmt_adviser", em$mgmt_adviser, em_cb, "mgmt_adviser")
freq_single("freq_mgmt_adviser_cp", em$mgmt_adviser, em_cb, "mgmt_adviser",
            method = "clopper-pearson", counts = FALSE)

# Boundary conventions (x = 0 and x = n) for all four intervals: employers in sector 2
# (Zorg en welzijn) are all in orgsize 3, so the counts are 0, 0 and 2 of 2.
for (m in names(ci_fun))
  freq_single(paste0("freq_orgsize_sector2_", gsub("-", "_", m)), em$orgsize[em$sector == "2"],
              em_cb, "orgsize", method = m, counts = (m == "wilson"))

# ---------------------------------------------------------------- 4. describe
likert_valid <- function(x, cb, var) {
  v <- num(x); codes <- as.numeric(names(choices(cb, var)))
  v[v %in% codes]
}
t_ci <- function(x, level = 0.95) as.numeric(t.test(x, conf.level = level)$conf.int)
t_src <- function(var, level = 0.95)
  sprintf("t.test(%s%s)$conf.int", var, if (level != 0.95) sprintf(",conf.level=%s", level) else "")

describe_likert <- function(case, tab, d, cb, vars) {
  for (v in vars) {
    x <- likert_valid(d[[v]], cb, v)
    codes <- sort(as.numeric(names(choices(cb, v))))
    hi <- tail(codes, 2); lo <- head(codes, 2)
    add(case, tab, v, "n", length(x), sprintf("sum(%s in 1:5)", v), TOL_COUNT)
    add(case, tab, v, "mean", mean(x), sprintf("mean(%s[%s!=9])", v, v))
    add(case, tab, v, "sd", sd(x), sprintf("sd(%s[%s!=9])", v, v))
    add(case, tab, v, "median", quantile(x, 0.5, type = 6),
        sprintf("quantile(%s[%s!=9],0.5,type=6)", v, v))
    add(case, tab, v, "top2_pct", 100 * mean(x %in% hi),
        sprintf("100*mean(%s %%in%% c(%s)) over valid answers", v, paste(hi, collapse = ",")))
    add(case, tab, v, "bottom2_pct", 100 * mean(x %in% lo),
        sprintf("100*mean(%s %%in%% c(%s)) over valid answers", v, paste(lo, collapse = ",")))
    ci <- t_ci(x)
    add(case, tab, v, "ci_low", ci[1], t_src(sprintf("%s[%s!=9]", v, v)))
    add(case, tab, v, "ci_high", ci[2], t_src(sprintf("%s[%s!=9]", v, v)))
  }
}
outcome <- cl_cb$variable[cl_cb$group == "outcome"]
describe_likert("describe_outcome", "describe.outcome", cl, cl_cb, outcome)
describe_likert("describe_outcome", "describe.likert", cl, cl_cb, "relation")

describe_grade <- function(case, x, level = 0.95, what = c("n", "mean", "sd", "median", "pass_pct", "ci")) {
  x <- x[!is.na(x)]; tab <- "describe.grades"
  if ("n" %in% what) add(case, tab, "grade", "n", length(x), "sum(!is.na(grade))", TOL_COUNT)
  if ("mean" %in% what) add(case, tab, "grade", "mean", mean(x), "mean(grade)")
  if ("sd" %in% what) add(case, tab, "grade", "sd", sd(x), "sd(grade)")
  if ("median" %in% what) add(case, tab, "grade", "median", quantile(x, 0.5, type = 6),
                              "quantile(grade,0.5,type=6)")
  if ("pass_pct" %in% what) add(case, tab, "grade", "pass_pct", 100 * mean(x >= 6),
                                "100*mean(grade>=6)")
  if ("ci" %in% what) {
    ci <- t_ci(x, level)
    add(case, tab, "grade", "ci_low", ci[1], t_src("grade", level))
    add(case, tab, "grade", "ci_high", ci[2], t_src("grade", level))
  }
}
grade <- num(cl$grade)
describe_grade("describe_grade", grade)
describe_grade("describe_level90", grade, level = 0.90, what = "ci")

# NPS: promoters 9-10, detractors 0-6; NPS = 100(p - d) with p, d the (weighted) shares.
# Interval: the adjusted Wald interval of Rocks (2016, The American Statistician 70(4),
# "Interval estimation for the Net Promoter Score"): with an effective sample size
# n_eff, n' = n_eff + 3, p' = (p*n_eff + 3/4)/n', d' = (d*n_eff + 3/4)/n' and
#   100 * clip((p'-d') -/+ z*sqrt((p' + d' - (p'-d')^2)/n'), -1, 1),
# the multinomial variance (Var p^ = p(1-p)/n, Cov(p^,d^) = -pd/n) at the adjusted shares.
# n_eff = n (valid answers) when unweighted without --population; otherwise, from the
# design on the valid answers, n_eff = (p + d - (p-d)^2)/SE^2 with SE = SE(svymean(~s))
# of the score s = +1/0/-1 (whose population variance is p + d - (p-d)^2); when that is
# 0, n_eff = (kish - 1)/(1 - f).
rocks_nps <- function(p, d, neff, level) {
  z <- qnorm(1 - (1 - level) / 2)
  n1 <- neff + 3
  p1 <- (p * neff + 3 / 4) / n1; d1 <- (d * neff + 3 / 4) / n1
  half <- z * sqrt((p1 + d1 - (p1 - d1)^2) / n1)
  100 * pmin(1, pmax(-1, (p1 - d1) + c(-1, 1) * half))
}
describe_nps <- function(case, r, level = 0.95, what = c("counts", "ci"), w = NULL,
                         N = NULL, wname = "w") {
  keep <- !is.na(r); r <- r[keep]
  weighted <- !is.null(w)
  w <- if (weighted) w[keep] else rep(1, length(r))
  tab <- "describe.nps"
  s <- (r >= 9) - (r <= 6)
  p <- sum(w * (r >= 9)) / sum(w); d <- sum(w * (r <= 6)) / sum(w)
  mf <- function(e) if (weighted) sprintf("weighted.mean(%s,%s)", e, wname) else sprintf("mean(%s)", e)
  if ("counts" %in% what) {
    add(case, tab, "recommend", "n", sum(w),
        if (weighted) sprintf("sum(%s[!is.na(recommend)])", wname) else "sum(!is.na(recommend))",
        if (weighted) TOL else TOL_COUNT)
    add(case, tab, "recommend", "promoters_pct", 100 * p, paste0("100*", mf("recommend>=9")))
    add(case, tab, "recommend", "passives_pct", 100 * sum(w * (r %in% 7:8)) / sum(w),
        paste0("100*", mf("recommend %in% 7:8")))
    add(case, tab, "recommend", "detractors_pct", 100 * d, paste0("100*", mf("recommend<=6")))
    add(case, tab, "recommend", "nps", 100 * (p - d),
        sprintf("100*(%s-%s)", mf("recommend>=9"), mf("recommend<=6")))
  }
  if ("ci" %in% what) {
    v1 <- p + d - (p - d)^2
    stopifnot(abs(v1 - (sum(w * s^2) / sum(w) - (sum(w * s) / sum(w))^2)) < 1e-12)
    n <- length(r)
    if (!weighted && is.null(N)) {
      neff <- n
      nsrc <- sprintf("n_eff=n=%d", n)
    } else {
      des <- design_of(data.frame(s = s), if (weighted) w, N)
      m <- svymean(~s, des)
      stopifnot(abs(as.numeric(coef(m)) - (p - d)) < 1e-12)
      se <- as.numeric(SE(m))
      if (v1 > 0) {
        neff <- v1 / se^2
        nsrc <- sprintf(paste0("n_eff=(p+d-(p-d)^2)/SE^2=%s, SE=%s from survey::svymean(",
                               "~I((recommend>=9)-(recommend<=6)),%s)"),
                       f(neff, 8), f(se, 8), des_src(if (weighted) wname, N))
      } else {
        neff <- neff_fallback(w, N)
        nsrc <- sprintf("p+d-(p-d)^2=0, so n_eff=(kish-1)/(1-f)=%s", f(neff, 8))
      }
      # what the design gives in the simple cases: an SRS from N, and equal weights
      if (!weighted) stopifnot(abs(neff - (n - 1) / (1 - n / N)) < 1e-9)
      if (weighted && length(unique(w)) == 1 && is.null(N)) stopifnot(abs(neff - (n - 1)) < 1e-9)
    }
    ci <- rocks_nps(p, d, neff, level)
    src <- sprintf(paste0("Rocks (2016) adjusted Wald: n'=n_eff+3, p'=(p*n_eff+3/4)/n', d'=(d*n_eff+3/4)/n', ",
                          "100*clip((p'-d') -/+ qnorm(%s)*sqrt((p'+d'-(p'-d')^2)/n'),-1,1); ",
                          "p=%s, d=%s, %s"),
                   1 - (1 - level) / 2, f(p, 8), f(d, 8), nsrc)
    add(case, tab, "recommend", "ci_low", ci[1], src)
    add(case, tab, "recommend", "ci_high", ci[2], src)
  }
}
recommend <- num(cl$recommend)
describe_nps("describe_recommend", recommend)
describe_nps("describe_level90", recommend, level = 0.90, what = "ci")

# Numeric: quartiles by R's type 6 (= SPSS/PSPP HAVERAGE); confirmed with PSPP.
pspp_quartiles <- function(d, vars) {
  if (Sys.which("pspp") == "") return(NULL)
  tmp <- tempfile(); dir.create(tmp)
  csv <- file.path(tmp, "num.csv"); sps <- file.path(tmp, "q.sps")
  write.csv(d[vars], csv, row.names = FALSE, quote = FALSE, na = "")
  writeLines(c(sprintf("GET DATA /TYPE=TXT /FILE='%s' /DELIMITERS=',' /ARRANGEMENT=DELIMITED /FIRSTCASE=2", csv),
               sprintf("  /VARIABLES= %s.", paste(vars, "F10.4", collapse = " ")),
               sprintf("FREQUENCIES /VARIABLES=%s /FORMAT=NOTABLE /PERCENTILES=25 50 75.",
                       paste(vars, collapse = " "))), sps)
  out <- system2("pspp", c("-a", "compatible", "-O", "format=csv", "-o",
                           file.path(tmp, "out.csv"), sps), stdout = TRUE, stderr = TRUE)
  lines <- readLines(file.path(tmp, "out.csv"))
  pct <- grep("^(Percentiles)?,(25|50|75),", lines, value = TRUE)
  stopifnot(length(pct) == 3)
  vals <- t(sapply(strsplit(pct, ","), function(z) as.numeric(z[-(1:2)])))
  dimnames(vals) <- list(c("q1", "median", "q3"), vars)
  list(vals = vals, version = sub("^pspp \\(GNU PSPP\\) ", "",
                                  system2("pspp", "--version", stdout = TRUE)[1]))
}
numeric_vars <- c("age", "sessions")
nd <- data.frame(age = num(cl$age), sessions = num(cl$sessions))
ps <- pspp_quartiles(nd, numeric_vars)
for (v in numeric_vars) {
  x <- nd[[v]]; x <- x[!is.na(x)]; case <- "describe_numeric"; tab <- "describe.numeric"
  add(case, tab, v, "n", length(x), sprintf("sum(!is.na(%s))", v), TOL_COUNT)
  add(case, tab, v, "mean", mean(x), sprintf("mean(%s)", v))
  add(case, tab, v, "sd", sd(x), sprintf("sd(%s)", v))
  add(case, tab, v, "min", min(x), sprintf("min(%s)", v))
  add(case, tab, v, "max", max(x), sprintf("max(%s)", v))
  q <- quantile(x, c(0.25, 0.5, 0.75), type = 6)
  names(q) <- c("q1", "median", "q3")
  for (k in names(q)) {
    src <- sprintf("quantile(%s,%s,type=6)", v, c(q1 = 0.25, median = 0.5, q3 = 0.75)[[k]])
    if (!is.null(ps)) {
      stopifnot(abs(ps$vals[k, v] - q[[k]]) < 1e-4)
      src <- sprintf("%s; = PSPP %s -a compatible FREQUENCIES /PERCENTILES=25 50 75 (HAVERAGE)",
                     src, ps$version)
    }
    add(case, tab, v, k, q[[k]], src)
  }
  ci <- t_ci(x)
  add(case, tab, v, "ci_low", ci[1], t_src(v))
  add(case, tab, v, "ci_high", ci[2], t_src(v))
}
if (is.null(ps)) message("PSPP not found: quartiles checked against R only")

# --------------------------------------------------- 5. describe with --population 90
# survey::svymean on an SRS of N = 90 (fpc): SE = sd*sqrt((1-n/N)/n); interval
# confint(..., df = degf(design)) = mean -/+ qt(.975, n-1)*SE. For the NPS, Rocks'
# adjusted Wald interval on n_eff = (p+d-(p-d)^2)/SE^2 = (n-1)/(1-n/N) (describe_nps).
{
  case <- "describe_fpc"; N <- 90
  g <- grade[!is.na(grade)]
  des <- svydesign(ids = ~1, fpc = ~N, data = data.frame(g = g, N = N))
  m <- svymean(~g, des)
  stopifnot(abs(as.numeric(SE(m)) - sd(g) * sqrt((1 - length(g) / N) / length(g))) < 1e-12)
  ci <- as.numeric(confint(m, df = degf(des)))
  src <- "confint(survey::svymean(~grade,des),df=degf(des)), des=svydesign(ids=~1,fpc=~N,data=valid), N=90"
  add(case, "describe.grades", "grade", "ci_low", ci[1], src)
  add(case, "describe.grades", "grade", "ci_high", ci[2], src)

  se <- nd$sessions[!is.na(nd$sessions)]
  des <- svydesign(ids = ~1, fpc = ~N, data = data.frame(x = se, N = N))
  ci <- as.numeric(confint(svymean(~x, des), df = degf(des)))
  src <- "confint(survey::svymean(~sessions,des),df=degf(des)), des=svydesign(ids=~1,fpc=~N,data=valid), N=90"
  add(case, "describe.numeric", "sessions", "ci_low", ci[1], src)
  add(case, "describe.numeric", "sessions", "ci_high", ci[2], src)

  describe_nps(case, recommend, what = "ci", N = N)
}

# ------------------------------------------------- 6. weights (the survey package)
# tests/data/weighted/clients_w.csv: w by bureau (the codebook's default weight),
# w_tenth = w*0.1, w_hundred = w*100 (rescaled: every estimate and interval equals w's,
# only the weighted n differs) and w_equal = 0.5 (equal weights: the unweighted values).
# On the design of each variable (design_of, on its valid answers):
#   mean       coef(svymean(~x, des))
#   interval   confint(svymean(~x, des), level=L, df=degf(des))      degf(des) = n - 1
#   sd         sqrt(coef(svyvar(~x, des))) = sqrt(n/(n-1)*sum(w*(x-m)^2)/sum(w))
#   quartiles  coef(svyquantile(~x, des, c(0.25,0.5,0.75), qrule="hf6", ci=FALSE))
#   shares     sums of the weights (n, pct, top2_pct, pass_pct, ...)
# svyquantile (survey >= 4.1) returns a "newsvyquantile" list of one matrix per variable;
# coef() flattens it to c(x.0.25=, x.0.5=, x.0.75=). Its hf6 rule for weights is
# approx(cumsum(w)/(sum(w)+w[last]), sort(x), p, rule=2) with w[last] the weight of the
# largest value (the last of its ties in file order): 1/(n+1) steps when unweighted,
# so quantile(x, type=6).
svy_stats <- function(x, w, N = NULL, level = 0.95) {
  n <- length(x)
  des <- design_of(data.frame(x = x), w, N)
  m <- svymean(~x, des)
  mu <- as.numeric(coef(m))
  stopifnot(abs(mu - sum(w * x) / sum(w)) < 1e-12, degf(des) == n - 1)
  ci <- as.numeric(confint(m, level = level, df = degf(des)))
  v <- as.numeric(coef(svyvar(~x, des)))
  stopifnot(abs(v - n / (n - 1) * sum(w * (x - mu)^2) / sum(w)) < 1e-9)
  q <- svyquantile(~x, des, c(0.25, 0.5, 0.75), qrule = "hf6", ci = FALSE)
  stopifnot(inherits(q, "newsvyquantile"), identical(names(coef(q)), c("x.0.25", "x.0.5", "x.0.75")))
  ext <- as.numeric(coef(svyquantile(~x, des, c(0, 1), qrule = "hf6", ci = FALSE)))
  stopifnot(ext == range(x))
  list(n = n, mean = mu, sd = sqrt(v), ci = ci, df = degf(des),
       q = setNames(as.numeric(coef(q)), c("q1", "median", "q3")), min = min(x), max = max(x))
}
# Sanity: with equal weights (and unweighted) the survey definitions are R's unweighted
# ones: mean, sd (n-1), quantile(type=6), t.test on n-1 df.
local({
  for (v in c("age", "sessions", "grade")) {
    x <- num(cl[[v]]); x <- x[!is.na(x)]
    for (wt in c(1, 0.5, 3)) {
      st <- svy_stats(x, rep(wt, length(x)))
      stopifnot(abs(st$mean - mean(x)) < 1e-12, abs(st$sd - sd(x)) < 1e-12,
                max(abs(st$q - quantile(x, c(0.25, 0.5, 0.75), type = 6))) < 1e-12,
                max(abs(st$ci - t_ci(x))) < 1e-9)
    }
  }
})

# One describe case on the weighted file. grades / numeric: variable names; likert: a
# named list table_id -> variables; nps: the NPS variable. equal = TRUE: weights all
# equal, expected values are R's unweighted formulas (checked equal to the survey ones).
describe_design <- function(case, d, cb, wname, N = NULL, grades = NULL, likert = list(),
                            numeric = NULL, nps = NULL, equal = FALSE) {
  wall <- num(d[[wname]])
  stopifnot(all(is.finite(wall) & wall > 0))
  if (equal) stopifnot(length(unique(wall)) == 1)
  ds <- des_src(wname, N)
  moments <- function(tab, v, x, w, cols, validtxt) {
    st <- svy_stats(x, w, N)
    u <- if (equal) list(mean = mean(x), sd = sd(x), ci = t_ci(x),
                         q = setNames(as.numeric(quantile(x, c(0.25, 0.5, 0.75), type = 6)),
                                      c("q1", "median", "q3")))
    if (equal) stopifnot(abs(u$mean - st$mean) < 1e-12, abs(u$sd - st$sd) < 1e-12,
                         max(abs(u$q - st$q)) < 1e-12, max(abs(u$ci - st$ci)) < 1e-9)
    eq <- function(unw, svy) if (equal) sprintf("%s = %s (equal weights)", unw, svy) else svy
    add(case, tab, v, "n", sum(w), sprintf("sum(%s[%s]) (weighted count)", wname, validtxt))
    add(case, tab, v, "mean", if (equal) u$mean else st$mean,
        eq(sprintf("mean(%s)", v), sprintf("coef(survey::svymean(~%s,des)), des=%s", v, ds)))
    add(case, tab, v, "sd", if (equal) u$sd else st$sd,
        eq(sprintf("sd(%s)", v),
           sprintf("sqrt(coef(survey::svyvar(~%s,des))) = sqrt(n/(n-1)*sum(w*(x-m)^2)/sum(w)), n=%d, des=%s",
                   v, st$n, ds)))
    for (k in intersect(c("q1", "median", "q3"), cols)) {
      pr <- c(q1 = 0.25, median = 0.5, q3 = 0.75)[[k]]
      add(case, tab, v, k, if (equal) u$q[[k]] else st$q[[k]],
          eq(sprintf("quantile(%s,%s,type=6)", v, pr),
             sprintf("coef(survey::svyquantile(~%s,des,%s,qrule=\"hf6\",ci=FALSE)), des=%s", v, pr, ds)))
    }
    if ("min" %in% cols) {
      add(case, tab, v, "min", st$min, sprintf("min(%s) over valid answers", v))
      add(case, tab, v, "max", st$max, sprintf("max(%s) over valid answers", v))
    }
    cisrc <- eq(sprintf("t.test(%s)$conf.int", v),
                sprintf("confint(survey::svymean(~%s,des),df=degf(des)), degf(des)=%d, des=%s",
                        v, st$df, ds))
    ci <- if (equal) u$ci else st$ci
    add(case, tab, v, "ci_low", ci[1], cisrc)
    add(case, tab, v, "ci_high", ci[2], cisrc)
  }
  wmean <- function(e) if (equal) sprintf("mean(%s)", e) else sprintf("weighted.mean(%s,%s)", e, wname)
  for (v in grades) {
    x <- num(d[[v]]); keep <- !is.na(x)
    moments("describe.grades", v, x[keep], wall[keep], c("median"), sprintf("!is.na(%s)", v))
    add(case, "describe.grades", v, "pass_pct", 100 * sum(wall[keep] * (x[keep] >= 6)) / sum(wall[keep]),
        paste0("100*", wmean(sprintf("%s>=6", v))))
  }
  for (tab in names(likert)) for (v in likert[[tab]]) {
    codes <- sort(as.numeric(names(choices(cb, v))))
    hi <- tail(codes, 2); lo <- head(codes, 2)
    x <- num(d[[v]]); keep <- x %in% codes; x <- x[keep]; w <- wall[keep]
    moments(tab, v, x, w, c("median"), sprintf("%s %%in%% %d:%d", v, min(codes), max(codes)))
    add(case, tab, v, "top2_pct", 100 * sum(w * (x %in% hi)) / sum(w),
        sprintf("100*%s over valid answers", wmean(sprintf("%s %%in%% c(%s)", v, paste(hi, collapse = ",")))))
    add(case, tab, v, "bottom2_pct", 100 * sum(w * (x %in% lo)) / sum(w),
        sprintf("100*%s over valid answers", wmean(sprintf("%s %%in%% c(%s)", v, paste(lo, collapse = ",")))))
  }
  for (v in numeric) {
    x <- num(d[[v]]); keep <- !is.na(x)
    moments("describe.numeric", v, x[keep], wall[keep], c("min", "q1", "median", "q3"),
            sprintf("!is.na(%s)", v))
  }
  if (!is.null(nps)) {
    stopifnot(nps == "recommend")
    describe_nps(case, num(d[[nps]]), w = wall, N = N, wname = wname)
  }
}

ww <- num(wd$w)
for (wn in c("w", "w_tenth", "w_hundred"))
  describe_design(c(w = "describe_weighted", w_tenth = "describe_weighted_tenth",
                    w_hundred = "describe_weighted_hundred")[[wn]],
                  wd, cl_cb, wn, grades = "grade", likert = list(describe.outcome = outcome),
                  nps = "recommend")
describe_design("describe_weighted_fpc", wd, cl_cb, "w", N = 150, grades = "grade",
                nps = "recommend", numeric = "age")
describe_design("describe_equal", wd, cl_cb, "w_equal", grades = "grade", nps = "recommend",
                numeric = c("age", "sessions"), equal = TRUE)

freq_single("freq_weighted", wd$initiative, cl_cb, "initiative", w = ww)
freq_single("freq_weighted_cp", wd$initiative, cl_cb, "initiative", w = ww,
            method = "clopper-pearson", counts = FALSE)
freq_single("freq_weighted_fpc", wd$initiative, cl_cb, "initiative", w = ww, fpc_N = 150,
            counts = FALSE)

# Multi-select with weights: base = respondents with at least one option selected; n =
# sums of w, pct = share of the base's weight, pct_mentions = share of all weighted
# mentions; the interval from the design on the base respondents (prop_ci_design).
{
  case <- "freq_weighted_barrier"; tab <- "freq.barrier"
  selw <- sapply(opts, function(v) wd[[v]] != "" & !(toupper(wd[[v]]) %in%
                   c("0", "N", "NEE", "NO", "FALSE", "NOT SELECTED")))
  stopifnot(identical(selw, sel))
  inbase <- rowSums(selw) > 0; wb <- ww[inbase]
  wbase <- sum(wb); wment <- sum(ww * selw)
  for (v in opts) {
    k <- sum(wb * selw[inbase, v]); lab <- cl_cb[v, "label"]
    add(case, tab, lab, "n", k, sprintf("sum(w[%s==\"Y\"]) (weighted count)", v))
    add(case, tab, lab, "pct", 100 * k / wbase,
        sprintf("100*%s/%s: base = sum(w[rowSums(barrier_* selected)>0]) (weighted)", f(k), f(wbase)))
    add(case, tab, lab, "pct_mentions", 100 * k / wment,
        sprintf("100*%s/%s: all mentions = sum(w*(barrier_* selected)) (weighted)", f(k), f(wment)))
    r <- prop_ci_design(as.numeric(selw[inbase, v]), wb, NULL, "wilson", 0.95,
                        sprintf("%s==\"Y\"", v), "w")
    r$src <- sub("data=valid", "data=base", r$src, fixed = TRUE)
    add(case, tab, lab, "ci_low", 100 * r$lims[1], r$src)
    add(case, tab, lab, "ci_high", 100 * r$lims[2], r$src)
  }
  add(case, tab, "No option selected", "n", sum(ww[!inbase]),
      "sum(w[rowSums(barrier_* selected)==0]) (weighted count)")
  add(case, tab, "Respondents who answered (base)", "n", wbase,
      "sum(w[rowSums(barrier_* selected)>0]) (weighted count)")
}

# ------------------------------------------------------------------------- write
out <- do.call(rbind, rows)
stopifnot(!anyDuplicated(out[c("case", "table_id", "row_label", "column")]))
# Rescaled weights: every expected value but the weighted n is w's, to the digit.
for (cs in c("describe_weighted_tenth", "describe_weighted_hundred")) {
  a <- out[out$case == "describe_weighted", ]; b <- out[out$case == cs, ]
  rownames(a) <- rownames(b) <- NULL
  keep <- a$column != "n"
  stopifnot(identical(a[c("table_id", "row_label", "column")], b[c("table_id", "row_label", "column")]),
            identical(a$expected[keep], b$expected[keep]))
}
if (cp_vs_svyciprop > 0)
  message(sprintf("largest |svyciprop(method=\"beta\") - qbeta formula|: %.3g", cp_vs_svyciprop))
cases <- read.csv("tests/reference/cases.csv", colClasses = "character")
stopifnot(all(out$case %in% cases$case), all(cases$case %in% out$case))
write.csv(out, "tests/reference/expected.csv", row.names = FALSE, fileEncoding = "UTF-8",
          eol = "\n")
cat(sprintf("wrote tests/reference/expected.csv: %d values in %d cases\n",
            nrow(out), length(unique(out$case))))
print(table(factor(out$case, levels = cases$case)))
