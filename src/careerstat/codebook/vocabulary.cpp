// The "not selected" words of option columns (docs/codebook.md, "Multi-select questions").
#include "careerstat/codebook/vocabulary.hpp"

#include "careerstat/util/text.hpp"

#include <array>

namespace careerstat::codebook {

namespace {

// Folded (util::fold) forms. Platforms write these in option columns or as the label of
// the unselected code: LimeSurvey and Qualtrics (0/1, "Not selected"), SPSS value labels
// ("Niet gekozen", "Nicht gewählt"), Dutch and other Excel sheets ("Nee", "Non").
constexpr std::array<std::string_view, 27> k_not_selected = {
    "0",          "n",          "no",         "false",       "not selected", "not chosen",
    "unselected", "not checked", "unchecked", "nee",         "niet gekozen", "niet geselecteerd",
    "niet aangevinkt", "niet aangekruist", "nein", "nicht gewählt", "nicht ausgewählt",
    "nicht angekreuzt", "non", "non sélectionné", "non coché", "non choisi", "pas choisi",
    "no seleccionado", "no marcado", "no elegido", "falso"};

} // namespace

bool means_not_selected(std::string_view text) {
    text = util::trim(text);
    if (text.size() == 1) { // the common cells: 1/0, Y/N
        return text[0] == '0' || text[0] == 'N' || text[0] == 'n';
    }
    const std::string f = util::fold(text);
    for (std::string_view w : k_not_selected) {
        if (f == w) {
            return true;
        }
    }
    return false;
}

} // namespace careerstat::codebook
