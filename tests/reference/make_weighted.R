# Makes tests/data/weighted/clients_w.csv and its codebook: the 54 respondents of
# data/clients.csv, every column unchanged, plus a case weight `w` that depends on the
# bureau (Noord 1.0, Oost 1.5, Zuid 2.0, West 2.5), as a post-stratification weight
# would. Run from the project root:  Rscript tests/reference/make_weighted.R
# The output is committed; run this again only to change it (and then rerun
# reference.R, whose expected values depend on it).
d <- read.csv("data/clients.csv", colClasses = "character", na.strings = character(0),
              check.names = FALSE, encoding = "UTF-8")
d$w <- format(c(1.0, 1.5, 2.0, 2.5)[as.integer(d$bureau)], nsmall = 1)
dir.create("tests/data/weighted", showWarnings = FALSE, recursive = TRUE)
write.csv(d, "tests/data/weighted/clients_w.csv", row.names = FALSE, na = "",
          fileEncoding = "UTF-8", eol = "\n")
cb <- readLines("data/clients.codebook.csv", encoding = "UTF-8")
cb <- c(cb, "w,Weegfactor (naar bureau),weight,,,,,")
writeLines(cb, "tests/data/weighted/clients_w.codebook.csv", useBytes = TRUE)
