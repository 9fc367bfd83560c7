// AAPOR final disposition codes and the outcome rates computed from their counts.
//
// Formulas: AAPOR, "Standard Definitions: Final Dispositions of Case Codes and Outcome
// Rates for Surveys". The header names the 10th edition (2023), whose text was not at hand;
// every formula below was checked against the 9th edition (2016) as quoted by AAPOR's own
// notes on its Response Rate Calculator 4.1 ("AAPOR 2016:63" for COOP1-COOP4) and by the
// rOpenSci package outcomerate (RR1-RR6, COOP1-COOP4, REF1-REF3, CON1-CON3).
#include "careerstat/stats/aapor.hpp"

#include <cctype>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace careerstat::stats {

namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
        text.remove_suffix(1);
    }
    return text;
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& ch : out) {
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    return out;
}

bool all_digits(std::string_view text) {
    for (const char ch : text) {
        if (std::isdigit(static_cast<unsigned char>(ch)) == 0) {
            return false;
        }
    }
    return true;
}

std::optional<DispositionClass> parse_letters(std::string_view code) {
    const std::string key = upper(code);
    if (key == "I") {
        return DispositionClass::I;
    }
    if (key == "P") {
        return DispositionClass::P;
    }
    if (key == "R") {
        return DispositionClass::R;
    }
    if (key == "NC") {
        return DispositionClass::NC;
    }
    if (key == "O") {
        return DispositionClass::O;
    }
    if (key == "UH") {
        return DispositionClass::UH;
    }
    if (key == "UO") {
        return DispositionClass::UO;
    }
    if (key == "NE") {
        return DispositionClass::NE;
    }
    return std::nullopt;
}

// The numeric codes are hierarchical: every sub-code (2.111, 2.112, 3.21, 4.70 ...) starts
// with the digits of its class, and a spreadsheet may write 2.10 as 2.1. So the class is
// read from the leading digit and the first digit after the point.
std::optional<DispositionClass> parse_number(std::string_view code) {
    if (code.empty() || std::isdigit(static_cast<unsigned char>(code.front())) == 0) {
        return std::nullopt;
    }
    const char group = code.front();
    std::string_view rest = code.substr(1);
    if (rest.empty()) {
        // A bare 4 is unambiguous (not eligible); a bare 1, 2 or 3 names several classes.
        if (group == '4') {
            return DispositionClass::NE;
        }
        return std::nullopt;
    }
    if (rest.front() != '.') {
        return std::nullopt;
    }
    rest.remove_prefix(1);
    if (rest.empty() || !all_digits(rest)) {
        return std::nullopt;
    }
    const char sub = rest.front();
    switch (group) {
    case '1': // 1.0 interview: 1.1 complete, 1.2 partial
        if (sub == '1') {
            return DispositionClass::I;
        }
        if (sub == '2') {
            return DispositionClass::P;
        }
        return std::nullopt;
    case '2': // 2.0 eligible, no interview: 2.1x refusal/break-off, 2.2x non-contact,
              // 2.3x other (and 2.9 miscellaneous, also "other")
        if (sub == '1') {
            return DispositionClass::R;
        }
        if (sub == '2') {
            return DispositionClass::NC;
        }
        if (sub == '3' || sub == '9') {
            return DispositionClass::O;
        }
        return std::nullopt;
    case '3': // 3.0 unknown eligibility: 3.1x unknown if household, 3.2-3.9 other
        if (sub == '1') {
            return DispositionClass::UH;
        }
        if (sub >= '2' && sub <= '9') {
            return DispositionClass::UO;
        }
        return std::nullopt;
    case '4': // 4.0 not eligible, whatever the sub-code
        return DispositionClass::NE;
    default:
        return std::nullopt;
    }
}

// A rate with nothing in its denominator is undefined, not 0 or 100%.
double ratio(double numerator, double denominator) {
    if (!(denominator > 0.0)) {
        return k_nan;
    }
    return numerator / denominator;
}

} // namespace

std::optional<DispositionClass> parse_disposition(std::string_view code) {
    code = trim(code);
    if (code.empty()) {
        return std::nullopt;
    }
    if (std::isdigit(static_cast<unsigned char>(code.front())) != 0) {
        return parse_number(code);
    }
    return parse_letters(code);
}

void add(Dispositions& d, DispositionClass c, double count) {
    switch (c) {
    case DispositionClass::I:
        d.I += count;
        return;
    case DispositionClass::P:
        d.P += count;
        return;
    case DispositionClass::R:
        d.R += count;
        return;
    case DispositionClass::NC:
        d.NC += count;
        return;
    case DispositionClass::O:
        d.O += count;
        return;
    case DispositionClass::UH:
        d.UH += count;
        return;
    case DispositionClass::UO:
        d.UO += count;
        return;
    case DispositionClass::NE:
        d.NE += count;
        return;
    }
}

OutcomeRates outcome_rates(const Dispositions& d, std::optional<double> e) {
    OutcomeRates r;
    const double interviews = d.I + d.P;          // (I+P)
    const double eligible_non = d.R + d.NC + d.O; // (R+NC+O)
    const double unknown = d.UH + d.UO;           // (UH+UO)

    if (e.has_value()) {
        if (!(*e >= 0.0 && *e <= 1.0)) {
            throw std::invalid_argument("AAPOR e must be a proportion between 0 and 1");
        }
        r.e = *e;
    } else {
        // The proportional ("CASRO") estimate: among cases whose eligibility was settled,
        // the share found eligible, assumed to hold for the unknown cases too.
        r.e = ratio(interviews + eligible_non, interviews + eligible_non + d.NE);
    }
    // With no unknown cases e plays no part; this keeps RR3 defined even when e is not.
    const double e_unknown = unknown > 0.0 ? r.e * unknown : 0.0;

    const double all_unknown = interviews + eligible_non + unknown;     // RR1, RR2, REF1
    const double estimated_unknown = interviews + eligible_non + e_unknown; // RR3, RR4, REF2
    const double known_eligible = interviews + eligible_non;            // RR5, RR6, REF3

    // Response rates: interviews over (estimated) eligible cases.
    r.rr1 = ratio(d.I, all_unknown);
    r.rr2 = ratio(interviews, all_unknown);
    r.rr3 = ratio(d.I, estimated_unknown);
    r.rr4 = ratio(interviews, estimated_unknown);
    r.rr5 = ratio(d.I, known_eligible);
    r.rr6 = ratio(interviews, known_eligible);

    // Cooperation rates: interviews over eligible cases that were contacted; COOP3/4 leave
    // out "other" (O), those unable rather than unwilling to take part.
    r.coop1 = ratio(d.I, interviews + d.R + d.O);
    r.coop2 = ratio(interviews, interviews + d.R + d.O);
    r.coop3 = ratio(d.I, interviews + d.R);
    r.coop4 = ratio(interviews, interviews + d.R);

    // Refusal rates: refusals and break-offs over the same bases as RR1, RR3 and RR5.
    r.ref1 = ratio(d.R, all_unknown);
    r.ref2 = ratio(d.R, estimated_unknown);
    r.ref3 = ratio(d.R, known_eligible);

    // Contact rates: every case that reached a respondent, (I+P)+R+O, over the same bases.
    const double contacted = interviews + d.R + d.O;
    r.con1 = ratio(contacted, contacted + d.NC + unknown);
    r.con2 = ratio(contacted, contacted + d.NC + e_unknown);
    r.con3 = ratio(contacted, contacted + d.NC);
    return r;
}

} // namespace careerstat::stats
