// Column letters and the letters a cell gets from its pairwise tests (SPSS's convention).
#include "careerstat/table/banner.hpp"

#include <cmath>

namespace careerstat::table {

std::string column_letter(std::size_t k) {
    std::string out;
    ++k;
    while (k > 0) {
        out.insert(out.begin(), static_cast<char>('A' + (k - 1) % 26));
        k = (k - 1) / 26;
    }
    return out;
}

std::string significance_letters(const std::vector<double>& p, const std::vector<bool>& higher,
                                 const std::vector<double>& sig) {
    std::string out;
    for (std::size_t j = 0; j < p.size(); ++j) {
        if (std::isnan(p[j]) || !higher[j]) {
            continue;
        }
        const std::string letter = column_letter(j);
        if (!sig.empty() && p[j] < sig[0]) {
            out += letter;
        } else if (sig.size() > 1 && p[j] < sig[1]) {
            for (char c : letter) {
                out += static_cast<char>(c - 'A' + 'a');
            }
        }
    }
    return out;
}

} // namespace careerstat::table
