# Makes tests/data/weighted/clients_w.csv and its codebook: the 54 respondents of
# data/clients.csv, every column unchanged, plus
#   w          a case weight that depends on the bureau (Noord 1.0, Oost 1.5, Zuid 2.0,
#              West 2.5), as a post-stratification weight would; the codebook's first
#              weight column, so careerstat uses it unless --weight says otherwise
#   w_tenth    w * 0.1   } the same weights rescaled: every estimate, SE and interval of
#   w_hundred  w * 100   } the survey definitions is unchanged; only the weighted n moves
#   w_equal    0.5 for everyone: equal weights, so the estimates are the unweighted ones
# Run from the project root:  Rscript tests/reference/make_weighted.R
# The output is committed; run this again only to change it (and then rerun
# reference.R, whose expected values depend on it).
d <- read.csv("data/clients.csv", colClasses = "character", na.strings = character(0),
              check.names = FALSE, encoding = "UTF-8")
b <- as.integer(d$bureau)
stopifnot(all(b %in% 1:4))
# Written as exact decimal strings (never 0.15000000000000002).
d$w <- c("1.0", "1.5", "2.0", "2.5")[b]
d$w_tenth <- c("0.10", "0.15", "0.20", "0.25")[b]
d$w_hundred <- c("100", "150", "200", "250")[b]
d$w_equal <- "0.5"
stopifnot(all.equal(as.numeric(d$w_tenth), as.numeric(d$w) * 0.1),
          all.equal(as.numeric(d$w_hundred), as.numeric(d$w) * 100))
dir.create("tests/data/weighted", showWarnings = FALSE, recursive = TRUE)
write.csv(d, "tests/data/weighted/clients_w.csv", row.names = FALSE, na = "",
          fileEncoding = "UTF-8", eol = "\n")
cb <- readLines("data/clients.codebook.csv", encoding = "UTF-8")
cb <- c(cb,
        "w,Weegfactor (naar bureau),weight,,,,,",
        "w_tenth,\"Weegfactor x 0,1\",weight,,,,,",
        "w_hundred,Weegfactor x 100,weight,,,,,",
        "w_equal,\"Gelijke weegfactor (0,5)\",weight,,,,,")
writeLines(cb, "tests/data/weighted/clients_w.codebook.csv", useBytes = TRUE)
