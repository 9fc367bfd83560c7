// AAPOR Standard Definitions (10th edition, 2023): final disposition codes and the
// outcome rates RR1-RR6, COOP1-COOP4, REF1-REF3, CON1-CON3.
#pragma once

#include <optional>
#include <string_view>

namespace careerstat::stats {

// Counts per disposition class.
struct Dispositions {
    double I = 0;  // 1.1 complete
    double P = 0;  // 1.2 partial
    double R = 0;  // 2.1x refusal and break-off
    double NC = 0; // 2.2x non-contact
    double O = 0;  // 2.3x other
    double UH = 0; // 3.1x unknown if household/occupied
    double UO = 0; // 3.2-3.9 unknown, other
    double NE = 0; // 4.x not eligible
};

enum class DispositionClass { I, P, R, NC, O, UH, UO, NE };

// "1.1", "1.2", "2.11", "2.12", "2.2x", "3.x", "4.x" or the letters I, P, R, NC, O, UH,
// UO, NE (case-insensitive); nullopt when the text is not a disposition code.
std::optional<DispositionClass> parse_disposition(std::string_view code);
void add(Dispositions& d, DispositionClass c, double count = 1);

struct OutcomeRates {
    double e = 0; // the share of unknown-eligibility cases assumed eligible
    double rr1 = 0, rr2 = 0, rr3 = 0, rr4 = 0, rr5 = 0, rr6 = 0;
    double coop1 = 0, coop2 = 0, coop3 = 0, coop4 = 0;
    double ref1 = 0, ref2 = 0, ref3 = 0;
    double con1 = 0, con2 = 0, con3 = 0;
};

// e defaults to (I+P+R+NC+O)/(I+P+R+NC+O+NE). A rate whose denominator is 0 is NaN.
// A given e outside [0, 1] throws std::invalid_argument.
OutcomeRates outcome_rates(const Dispositions& d, std::optional<double> e = std::nullopt);

} // namespace careerstat::stats
