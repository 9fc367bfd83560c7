// The answer scales of docs/codebook.md, "Scales a draft recognises": one table.
#include "careerstat/codebook/scales.hpp"

#include "careerstat/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace careerstat::codebook {

namespace {

// Folded, with curly apostrophes as straight ones and runs of spaces as one.
std::string norm(std::string_view text) {
    std::string f = util::fold(util::trim(text));
    std::string out;
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (f.compare(i, 3, "\xE2\x80\x99") == 0) { // U+2019
            out += '\'';
            i += 2;
        } else if (f[i] == ' ' && !out.empty() && out.back() == ' ') {
            continue;
        } else {
            out += f[i];
        }
    }
    return out;
}

// A scale: its points low to high, each point its spellings ('|' between them).
struct Scale {
    const char* how;
    std::vector<const char*> points;
};

// Shorter scales first: the first scale that holds every answer is drafted, so a column
// answered with three points of a 5-point scale is not made a 7-point one.
const std::vector<Scale> k_scales = {
    // Dutch
    {"agreement (nl)", {"helemaal oneens|zeer oneens|helemaal niet mee eens|totaal oneens",
                        "oneens|niet mee eens|mee oneens",
                        "neutraal|niet eens, niet oneens|niet eens/niet oneens|noch eens, noch oneens|eens noch oneens|neutraal/geen mening",
                        "eens|mee eens", "helemaal eens|zeer eens|helemaal mee eens|totaal eens"}},
    {"satisfaction (nl)", {"zeer ontevreden|heel ontevreden", "ontevreden",
                           "neutraal|niet tevreden, niet ontevreden|niet tevreden/niet ontevreden",
                           "tevreden", "zeer tevreden|heel tevreden"}},
    {"importance (nl)", {"helemaal niet belangrijk|totaal niet belangrijk", "niet belangrijk",
                         "neutraal|enigszins belangrijk|een beetje belangrijk", "belangrijk",
                         "zeer belangrijk|heel belangrijk"}},
    {"frequency (nl)", {"nooit", "zelden", "soms", "vaak|regelmatig", "altijd|(bijna) altijd"}},
    {"likelihood (nl)", {"zeer onwaarschijnlijk|heel onwaarschijnlijk", "onwaarschijnlijk",
                         "neutraal", "waarschijnlijk", "zeer waarschijnlijk|heel waarschijnlijk"}},
    // English
    {"agreement (en)", {"strongly disagree|completely disagree|totally disagree", "disagree",
                        "neither agree nor disagree|neutral|neither agree or disagree|undecided",
                        "agree", "strongly agree|completely agree|totally agree"}},
    {"agreement (en)", {"strongly disagree|completely disagree", "disagree",
                        "somewhat disagree|slightly disagree|mostly disagree",
                        "neither agree nor disagree|neutral|neither agree or disagree",
                        "somewhat agree|slightly agree|mostly agree", "agree",
                        "strongly agree|completely agree"}},
    {"agreement (en)", {"completely disagree", "mostly disagree", "slightly disagree",
                        "neither agree nor disagree|neutral", "slightly agree", "mostly agree",
                        "completely agree"}},
    {"satisfaction (en)", {"very dissatisfied|extremely dissatisfied",
                           "dissatisfied|somewhat dissatisfied",
                           "neither satisfied nor dissatisfied|neutral|neither satisfied or dissatisfied",
                           "satisfied|somewhat satisfied", "very satisfied|extremely satisfied"}},
    {"importance (en)", {"not at all important", "slightly important|not very important|of little importance",
                         "moderately important|somewhat important|neutral",
                         "very important|important", "extremely important"}},
    {"importance (en)", {"not important", "somewhat important", "important", "very important"}},
    {"frequency (en)", {"never", "rarely|seldom", "sometimes|occasionally", "often|frequently|usually",
                        "always|very often"}},
    {"likelihood (en)", {"very unlikely|extremely unlikely|not at all likely",
                         "unlikely|somewhat unlikely|slightly likely",
                         "neither likely nor unlikely|neutral|moderately likely",
                         "likely|somewhat likely", "very likely|extremely likely"}},
    {"quality (en)", {"very poor", "poor", "fair|average", "good", "very good|excellent"}},
    {"quality (en)", {"poor", "fair", "good", "very good", "excellent"}},
    {"favourability (en)", {"very unfavorably|very unfavourably|very unfavorable",
                            "somewhat unfavorably|somewhat unfavourably|somewhat unfavorable",
                            "neither favorably nor unfavorably (neutral)|neither favorably nor unfavorably|neutral",
                            "somewhat favorably|somewhat favourably|somewhat favorable",
                            "very favorably|very favourably|very favorable"}},
    // German
    {"agreement (de)", {"stimme überhaupt nicht zu|stimme gar nicht zu|trifft überhaupt nicht zu|trifft gar nicht zu",
                        "stimme eher nicht zu|stimme nicht zu|trifft eher nicht zu|trifft nicht zu",
                        "teils/teils|teils, teils|weder noch|neutral|unentschieden",
                        "stimme eher zu|stimme zu|trifft eher zu|trifft zu",
                        "stimme voll und ganz zu|stimme voll zu|stimme völlig zu|trifft voll und ganz zu|trifft voll zu"}},
    {"satisfaction (de)", {"sehr unzufrieden", "unzufrieden|eher unzufrieden",
                           "weder zufrieden noch unzufrieden|teils/teils|neutral",
                           "zufrieden|eher zufrieden", "sehr zufrieden"}},
    {"importance (de)", {"überhaupt nicht wichtig|gar nicht wichtig", "nicht wichtig|wenig wichtig|eher unwichtig",
                         "teils/teils|mittelmäßig wichtig|neutral", "wichtig|eher wichtig", "sehr wichtig"}},
    {"frequency (de)", {"nie|niemals", "selten", "manchmal|gelegentlich", "oft|häufig", "immer|sehr oft"}},
    // French
    {"agreement (fr)", {"pas du tout d'accord|tout à fait en désaccord|fortement en désaccord",
                        "pas d'accord|plutôt pas d'accord|en désaccord|plutôt en désaccord",
                        "ni d'accord ni pas d'accord|ni d'accord ni en désaccord|neutre|sans avis",
                        "d'accord|plutôt d'accord", "tout à fait d'accord|entièrement d'accord|fortement d'accord"}},
    {"satisfaction (fr)", {"très insatisfait|pas du tout satisfait", "insatisfait|peu satisfait|plutôt insatisfait",
                           "ni satisfait ni insatisfait|neutre", "satisfait|plutôt satisfait", "très satisfait"}},
    {"importance (fr)", {"pas du tout important", "peu important", "moyennement important|neutre",
                         "important|assez important", "très important|extrêmement important"}},
    {"frequency (fr)", {"jamais", "rarement", "parfois|de temps en temps", "souvent", "toujours|très souvent"}},
    // Spanish
    {"agreement (es)", {"muy en desacuerdo|totalmente en desacuerdo|completamente en desacuerdo",
                        "en desacuerdo|algo en desacuerdo",
                        "ni de acuerdo ni en desacuerdo|neutral|indiferente",
                        "de acuerdo|algo de acuerdo", "muy de acuerdo|totalmente de acuerdo|completamente de acuerdo"}},
    {"satisfaction (es)", {"muy insatisfecho|nada satisfecho", "insatisfecho|poco satisfecho",
                           "ni satisfecho ni insatisfecho|neutral", "satisfecho|bastante satisfecho",
                           "muy satisfecho"}},
    {"importance (es)", {"nada importante|sin importancia", "poco importante",
                         "moderadamente importante|algo importante|neutral", "importante|bastante importante",
                         "muy importante|extremadamente importante"}},
    {"frequency (es)", {"nunca", "rara vez|casi nunca|raramente", "a veces|algunas veces|ocasionalmente",
                        "a menudo|frecuentemente|casi siempre|con frecuencia", "siempre"}},
};

const std::set<std::string> k_dont_know = {
    // nl
    "weet niet", "weet ik niet", "geen mening", "n.v.t.", "nvt", "n.v.t", "niet van toepassing",
    "geen antwoord", "wil ik niet zeggen", "zeg ik liever niet",
    // en
    "don't know", "dont know", "do not know", "not sure", "no opinion", "not applicable", "n/a",
    "na", "no answer", "prefer not to say", "prefer not to answer", "unfamiliar (n/a)",
    "i don't know", "dk",
    // de
    "weiß nicht", "weiss nicht", "keine angabe", "k.a.", "keine meinung", "nicht zutreffend",
    // fr
    "ne sais pas", "je ne sais pas", "sans opinion", "non applicable", "ne se prononce pas", "nsp",
    // es
    "no sé", "no se", "no sabe", "ns/nc", "no aplica", "no sabe/no contesta", "prefiero no decirlo",
    "sin opinión"};

bool spelled(const char* point, const std::string& f) {
    for (std::string_view alt : util::split(point, '|')) {
        if (alt == f) {
            return true;
        }
    }
    return false;
}

// The first spelling of a point, capitalised: the label of a point nobody chose.
std::string canonical(const char* point) {
    std::string s(util::split(point, '|').front());
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') {
        s[0] = static_cast<char>(s[0] - 32);
    }
    return s;
}

void add_missing(ScaleDraft& d, const std::map<std::string, std::string>& dont_know) {
    // Codes 9, 8, 7, 6 and then 10, 11, ...: never a point of a scale up to 5 (or 7).
    for (const auto& [folded, spelling] : dont_know) {
        const std::size_t i = d.missing.size();
        const int code = i < 4 ? 9 - static_cast<int>(i) : 6 + static_cast<int>(i);
        d.missing.push_back({std::to_string(code), spelling, static_cast<double>(code)});
    }
    // A scale of 9 points takes 9: its missing codes count from 99.
    std::set<std::string> taken;
    for (const Choice& c : d.choices) {
        taken.insert(c.code);
    }
    int next = 99;
    for (Choice& m : d.missing) {
        if (taken.count(m.code)) {
            m.code = std::to_string(next);
            m.value = next--;
        }
    }
}

// "1. Completely disagree", "1 - Strongly disagree", "1 = Zeer oneens": the number and the rest.
std::optional<std::pair<int, std::string>> numbered(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        ++i;
    }
    if (i == 0 || i > 2) {
        return std::nullopt;
    }
    const int n = std::stoi(std::string(s.substr(0, i)));
    std::size_t j = i;
    while (j < s.size() && s[j] == ' ') {
        ++j;
    }
    if (j >= s.size() || (s[j] != '.' && s[j] != '-' && s[j] != '=' && s[j] != ':' && s[j] != ')')) {
        return std::nullopt;
    }
    ++j;
    while (j < s.size() && s[j] == ' ') {
        ++j;
    }
    if (j >= s.size()) {
        return std::nullopt;
    }
    return std::make_pair(n, std::string(s.substr(j)));
}

// LimeSurvey's array codes: A1..A9, or D4..D1 N0 A1..A4 (disagree, neutral, agree).
std::optional<ScaleDraft> limesurvey_codes(const std::vector<std::string>& answers) {
    int a_max = 0;
    int d_max = 0;
    bool neutral = false;
    for (const std::string& v : answers) {
        if (v.size() != 2 || v[1] < '0' || v[1] > '9') {
            return std::nullopt;
        }
        const int k = v[1] - '0';
        if (v[0] == 'A' && k >= 1) {
            a_max = std::max(a_max, k);
        } else if (v[0] == 'D' && k >= 1) {
            d_max = std::max(d_max, k);
        } else if (v == "N0") {
            neutral = true;
        } else {
            return std::nullopt;
        }
    }
    ScaleDraft d;
    if (d_max == 0 && !neutral) {
        if (a_max < 2) {
            return std::nullopt;
        }
        for (int k = 1; k <= a_max; ++k) {
            d.choices.push_back({fmt::format("A{}", k), fmt::format("A{}", k), double(k)});
        }
        d.how = "LimeSurvey codes A1..An";
        return d;
    }
    const int m = std::max(a_max, d_max);
    for (int k = m; k >= 1; --k) {
        d.choices.push_back({fmt::format("D{}", k), fmt::format("D{}", k), std::nullopt});
    }
    d.choices.push_back({"N0", "N0", std::nullopt});
    for (int k = 1; k <= m; ++k) {
        d.choices.push_back({fmt::format("A{}", k), fmt::format("A{}", k), std::nullopt});
    }
    for (std::size_t k = 0; k < d.choices.size(); ++k) {
        d.choices[k].value = static_cast<double>(k + 1);
    }
    d.how = "LimeSurvey codes D..N0..A";
    return d;
}

} // namespace

bool is_dont_know_answer(std::string_view text) { return k_dont_know.count(norm(text)) > 0; }

std::optional<ScaleDraft> recognise_scale(const std::map<std::string, std::size_t>& distinct) {
    std::vector<std::string> answers;
    std::map<std::string, std::string> dont_know; // folded -> spelling
    for (const auto& [value, n] : distinct) {
        if (is_dont_know_answer(value)) {
            dont_know.emplace(norm(value), value);
        } else {
            answers.push_back(value);
        }
    }
    if (answers.size() < 2) {
        return std::nullopt;
    }
    if (auto d = limesurvey_codes(answers)) {
        add_missing(*d, dont_know);
        return d;
    }
    // The numbered form: every answer "k. label", numbers distinct.
    std::map<int, std::string> by_number;
    for (const std::string& v : answers) {
        const auto n = numbered(v);
        if (!n || !by_number.emplace(n->first, v).second) {
            by_number.clear();
            break;
        }
    }
    if (by_number.size() >= 2 && by_number.begin()->first >= 0 && by_number.rbegin()->first <= 11) {
        ScaleDraft d;
        d.how = "numbered labels";
        const int lo = std::min(1, by_number.begin()->first);
        int hi = by_number.rbegin()->first;
        // The labels may name a longer scale than was answered: "5. Neutral" of seven points.
        std::map<std::string, std::size_t> texts;
        for (const auto& [k, v] : by_number) {
            texts[numbered(v)->second] = 1;
        }
        if (const auto named = recognise_scale(texts)) {
            hi = std::max(hi, lo + static_cast<int>(named->choices.size()) - 1);
        }
        for (int k = lo; k <= hi; ++k) {
            const auto it = by_number.find(k);
            d.choices.push_back({std::to_string(k), it == by_number.end() ? std::to_string(k) : it->second,
                                 double(k)});
        }
        add_missing(d, dont_know);
        return d;
    }
    for (const Scale& scale : k_scales) {
        std::vector<std::string> spelling(scale.points.size());
        bool all = true;
        for (const std::string& v : answers) {
            const std::string f = norm(v);
            bool found = false;
            for (std::size_t k = 0; k < scale.points.size() && !found; ++k) {
                if (spelled(scale.points[k], f)) {
                    found = true;
                    if (spelling[k].empty()) {
                        spelling[k] = v; // keep the export's spelling
                    } else if (spelling[k] != v) {
                        all = false; // two answers for one point: not this scale
                    }
                }
            }
            all = all && found;
        }
        if (!all) {
            continue;
        }
        ScaleDraft d;
        d.how = scale.how;
        for (std::size_t k = 0; k < scale.points.size(); ++k) {
            d.choices.push_back({std::to_string(k + 1),
                                 spelling[k].empty() ? canonical(scale.points[k]) : spelling[k],
                                 static_cast<double>(k + 1)});
        }
        add_missing(d, dont_know);
        return d;
    }
    return std::nullopt;
}

} // namespace careerstat::codebook
