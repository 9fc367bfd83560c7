// The study report: every population's export read once, then response, the sections'
// tables (side by side where populations share a question), item nonresponse, and key
// findings in plain sentences.
#pragma once

#include "careerstat/io/dialect.hpp"
#include "careerstat/report/study.hpp"
#include "careerstat/stats/proportion_ci.hpp"
#include "careerstat/table/table.hpp"

#include <optional>
#include <string>
#include <vector>

namespace careerstat::report {

struct ReportOptions {
    std::optional<Lang> lang; // overrides the study's language
    stats::CiMethod ci = stats::CiMethod::Wilson;
    double level = 0.95;
    bool codes = false;
    io::ReaderOptions reader;
};

struct Report {
    std::string title; // "<study title> <year>"
    Lang lang = Lang::En;
    std::vector<table::Finding> findings;
    std::vector<table::Table> tables;
};

// Reads each population's export once (and its sample file, if any). Throws DataError for
// bad data or a study that names a question no population has.
Report build_report(const Study& study, const ReportOptions& options);

} // namespace careerstat::report
