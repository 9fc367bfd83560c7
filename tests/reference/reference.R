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
stopifnot(nrow(cl) == 54, nrow(em) == 27,
          identical(wd[setdiff(names(wd), "w")], cl))  # the weighted file is a copy + w

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

# ----------------------------------------------------- single-choice frequency table
# n, pct (of all respondents in the run), valid_pct (excluding missing codes and
# blanks), cum_pct and the interval for each valid proportion. `x` holds the raw cells.
freq_single <- function(case, x, cb, var, method = "wilson", level = 0.95,
                        counts = TRUE, ci = TRUE, w = NULL, fpc_N = NULL) {
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
      } else if (!all(w == 1)) {
        # Weights: Kish (1965) effective sample size (sum w)^2 / sum w^2 over the valid
        # answers; p is the weighted share (= survey::svymean's point estimate).
        wv <- w[valid]
        p <- sum(wv * yv) / sum(wv)
        pm <- as.numeric(coef(svymean(~y, svydesign(ids = ~1, weights = ~w,
                                      data = data.frame(y = yv, w = wv)))))
        stopifnot(abs(p - pm) < 1e-12)
        neff <- sum(wv)^2 / sum(wv^2)
        ref <- sprintf(paste0("p=%s=survey::svymean(~I(%s==%s),svydesign(ids=~1,weights=~w)); ",
                              "Kish (1965) n_eff=sum(w)^2/sum(w^2)=%s; then "),
                       f(p, 8), var, code, f(neff, 8))
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

# NPS: promoters 9-10, detractors 0-6; NPS = 100(p - d); Wald interval with the
# multinomial variance Var(p^-d^) = (p + d - (p-d)^2)/n (Var p^ = p(1-p)/n,
# Cov(p^,d^) = -pd/n: Agresti, Categorical Data Analysis, 3rd ed. 2013, ch. 1).
# The same variance is the population variance of the score s = +1/0/-1:
# mean(s^2) - mean(s)^2.
describe_nps <- function(case, r, level = 0.95, what = c("counts", "ci"), w = NULL) {
  keep <- !is.na(r); r <- r[keep]
  w <- if (is.null(w)) rep(1, length(r)) else w[keep]
  tab <- "describe.nps"; weighted <- !all(w == 1)
  s <- (r >= 9) - (r <= 6)
  p <- sum(w * (r >= 9)) / sum(w); d <- sum(w * (r <= 6)) / sum(w)
  n <- if (weighted) sum(w)^2 / sum(w^2) else length(r)
  mf <- function(e) if (weighted) sprintf("weighted.mean(%s,w)", e) else sprintf("mean(%s)", e)
  if ("counts" %in% what) {
    add(case, tab, "recommend", "n", sum(w),
        if (weighted) "sum(w[!is.na(recommend)])" else "sum(!is.na(recommend))",
        if (weighted) TOL else TOL_COUNT)
    add(case, tab, "recommend", "promoters_pct", 100 * p, paste0("100*", mf("recommend>=9")))
    add(case, tab, "recommend", "passives_pct", 100 * sum(w * (r %in% 7:8)) / sum(w),
        paste0("100*", mf("recommend %in% 7:8")))
    add(case, tab, "recommend", "detractors_pct", 100 * d, paste0("100*", mf("recommend<=6")))
    add(case, tab, "recommend", "nps", 100 * (p - d),
        sprintf("100*(%s-%s)", mf("recommend>=9"), mf("recommend<=6")))
  }
  if ("ci" %in% what) {
    v <- (p + d - (p - d)^2) / n
    stopifnot(abs(v - (sum(w * s^2) / sum(w) - (sum(w * s) / sum(w))^2) / n) < 1e-15)
    z <- qnorm(1 - (1 - level) / 2)
    ci <- 100 * ((p - d) + c(-1, 1) * z * sqrt(v))
    src <- sprintf(paste0("100*((p-d) -/+ qnorm(%s)*sqrt((p+d-(p-d)^2)/n)), p=%s, d=%s, n=%s",
                          " (multinomial Wald; Agresti CDA 2013 ch. 1%s)"),
                   1 - (1 - level) / 2, f(p), f(d), f(n),
                   if (weighted) "; n = Kish (1965) n_eff" else "")
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
# confint(..., df = degf(design)) = mean -/+ qt(.975, n-1)*SE. For the NPS the score
# s = +1/0/-1 and a z interval (confint's default df = Inf).
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

  r <- recommend[!is.na(recommend)]
  des <- svydesign(ids = ~1, fpc = ~N, data = data.frame(s = (r >= 9) - (r <= 6), N = N))
  ci <- 100 * as.numeric(confint(svymean(~s, des)))
  src <- paste0("100*confint(survey::svymean(~I((recommend>=9)-(recommend<=6)),des)), ",
                "des=svydesign(ids=~1,fpc=~N,data=valid), N=90 (z interval)")
  add(case, "describe.nps", "recommend", "ci_low", ci[1], src)
  add(case, "describe.nps", "recommend", "ci_high", ci[2], src)
}

# ----------------------------------------------------------------- 6. weighted (w)
ww <- num(wd$w)
freq_single("freq_weighted", wd$initiative, cl_cb, "initiative", w = ww)
{
  case <- "describe_weighted"
  keep <- !is.na(num(wd$grade)); x <- num(wd$grade)[keep]; w <- ww[keep]
  des <- svydesign(ids = ~1, weights = ~w, data = data.frame(x = x, w = w))
  m <- as.numeric(coef(svymean(~x, des)))
  stopifnot(abs(m - weighted.mean(x, w)) < 1e-12)
  # frequency-weighted SD (divisor sum(w) - 1, as SPSS/PSPP with WEIGHT BY), Kish n_eff,
  # Student t with n_eff - 1 df and SE = sd / sqrt(n_eff)
  sdw <- sqrt(sum(w * (x - m)^2) / (sum(w) - 1))
  neff <- sum(w)^2 / sum(w^2)
  ci <- m + c(-1, 1) * qt(0.975, neff - 1) * sdw / sqrt(neff)
  tab <- "describe.grades"
  add(case, tab, "grade", "n", sum(w), "sum(w[!is.na(grade)])")
  add(case, tab, "grade", "mean", m,
      "coef(survey::svymean(~grade,svydesign(ids=~1,weights=~w))) = weighted.mean(grade,w)")
  add(case, tab, "grade", "sd", sdw, "sqrt(sum(w*(grade-m)^2)/(sum(w)-1)) (frequency weights)")
  add(case, tab, "grade", "pass_pct", 100 * weighted.mean(x >= 6, w), "100*weighted.mean(grade>=6,w)")
  src <- sprintf(paste0("m -/+ qt(0.975,n_eff-1)*sd_w/sqrt(n_eff), Kish (1965) n_eff=",
                        "sum(w)^2/sum(w^2)=%s, sd_w=%s"), f(neff, 8), f(sdw, 8))
  add(case, tab, "grade", "ci_low", ci[1], src)
  add(case, tab, "grade", "ci_high", ci[2], src)

  for (v in outcome) {
    xv <- num(wd[[v]]); keep <- xv %in% 1:5; xv <- xv[keep]; w <- ww[keep]
    des <- svydesign(ids = ~1, weights = ~w, data = data.frame(x = xv, w = w))
    m <- as.numeric(coef(svymean(~x, des)))
    stopifnot(abs(m - weighted.mean(xv, w)) < 1e-12)
    add(case, "describe.outcome", v, "mean", m,
        sprintf("coef(survey::svymean(~%s,svydesign(ids=~1,weights=~w))), %s in 1:5", v, v))
    add(case, "describe.outcome", v, "top2_pct", 100 * weighted.mean(xv >= 4, w),
        sprintf("100*weighted.mean(%s %%in%% 4:5, w) over valid answers", v))
  }
  describe_nps(case, num(wd$recommend), w = ww)
}

# ------------------------------------------------------------------------- write
out <- do.call(rbind, rows)
stopifnot(!anyDuplicated(out[c("case", "table_id", "row_label", "column")]))
cases <- read.csv("tests/reference/cases.csv", colClasses = "character")
stopifnot(all(out$case %in% cases$case), all(cases$case %in% out$case))
write.csv(out, "tests/reference/expected.csv", row.names = FALSE, fileEncoding = "UTF-8",
          eol = "\n")
cat(sprintf("wrote tests/reference/expected.csv: %d values in %d cases\n",
            nrow(out), length(unique(out$case))))
print(table(factor(out$case, levels = cases$case)))
