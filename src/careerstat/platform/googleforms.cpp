// Google Forms: a Timestamp column (in the form's language) written when a response is
// submitted, question texts as column names, checkbox answers joined with ", ".
#include "careerstat/platform/adapters.hpp"

#include "careerstat/util/text.hpp"

namespace careerstat::platform::detail {

namespace {

bool is_timestamp(std::string_view name) {
    return is_one_of(name, {"timestamp", "marca temporal", "tijdstempel", "zeitstempel",
                            "horodateur", "carimbo de data/hora", "informazioni cronologiche"});
}

} // namespace

int detect_googleforms(const Sample& s) {
    if (s.names.empty() || !is_timestamp(s.names[0])) {
        return 0;
    }
    const std::string_view v = util::trim(s.cell(0, 0));
    const bool date_like = v.find_first_of("/-.") != std::string_view::npos &&
                           v.find(':') != std::string_view::npos;
    return date_like || s.rows.empty() ? 80 : 40;
}

void draft_googleforms(const Sample&, Layout& layout) {
    layout.variant = "one header row of question texts";
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
        Column& col = layout.columns[c];
        if (is_timestamp(col.name)) {
            col.role = Role::Meta;
        } else if (is_one_of(col.name, {"email address", "dirección de correo electrónico",
                                        "e-mailadres", "e-mail-adresse", "adresse e-mail",
                                        "endereço de e-mail", "indirizzo email", "score",
                                        "puntuación", "punkte", "score total", "pontuação"})) {
            col.role = Role::Meta;
        }
    }
    layout.completion = Completion::EveryRow;
    number_questions(layout);
}

} // namespace careerstat::platform::detail
