// `careerstat validate`: check an export against its codebook, listing every problem.
#include "commands.hpp"
#include "common.hpp"

#include "careerstat/data/validate.hpp"
#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"

#include <fmt/format.h>
#include <iostream>
#include <map>
#include <utility>
#include <vector>

namespace careerstat::cli {

namespace {

struct ValidateOptions {
    std::string export_path;
    std::string codebook;
    InputOptions input;
    bool all = false;
};

// The same problem in the same column (one wrong code on 83 rows) is listed three times,
// then once more as "and N more like this"; --all lists every one.
class ProblemList {
  public:
    explicit ProblemList(bool all) : m_all(all) {}
    void add(const data::Problem& p) {
        if (!m_all) {
            auto it = m_seen.find({p.column, p.message});
            if (it == m_seen.end() && m_seen.size() < k_max_kinds) {
                it = m_seen.emplace(std::pair{p.column, p.message}, Kind{p.file, 0}).first;
                m_order.push_back(it);
            }
            if (it != m_seen.end() && ++it->second.count > k_shown) {
                return;
            }
        }
        std::cout << p.to_string() << '\n';
    }
    void finish() {
        for (const auto& it : m_order) {
            const auto& [key, kind] = *it;
            if (kind.count > k_shown) {
                data::Problem summary{
                    kind.file, 0, key.first,
                    msgf("and {} more like this ({})", kind.count - k_shown, key.second)};
                std::cout << summary.to_string() << '\n';
            }
        }
    }

  private:
    static constexpr std::size_t k_shown = 3;
    static constexpr std::size_t k_max_kinds = 10000; // beyond, every problem is listed
    struct Kind {
        std::string file;
        std::size_t count = 0;
    };
    bool m_all;
    std::map<std::pair<std::string, std::string>, Kind> m_seen;
    std::vector<std::map<std::pair<std::string, std::string>, Kind>::iterator> m_order;
};

// Exit 0 when clean, 1 when problems were found.
void run_validate(const ValidateOptions& o) {
    Source src = open_source(o.export_path, o.codebook, o.input);
    ProblemList list(o.all);
    const data::ValidateSummary s = data::validate(
        *src.reader, src.codebook, [&list](const data::Problem& p) { list.add(p); });
    list.finish();
    std::cout.flush();
    if (const long skipped = src.reader->skipped_empty(); skipped > 0) {
        note(skipped == 1 ? msgf("1 row holding only delimiters (an empty row) skipped")
                          : msgf("{} rows holding only delimiters (empty rows) skipped", skipped));
    }
    if (s.problems > 0) {
        std::cerr << "careerstat: "
                  << (s.problems == 1
                          ? msgf("1 problem in {} rows of {}", s.rows, src.reader->name())
                          : msgf("{} problems in {} rows of {}", s.problems, s.rows,
                                 src.reader->name()))
                  << '\n';
        throw CLI::RuntimeError(k_exit_data);
    }
    std::cerr << "careerstat: "
              << msgf("{} rows of {} agree with {}", s.rows, src.reader->name(),
                      src.codebook.source)
              << '\n';
}

} // namespace

void setup_validate(CLI::App& app) {
    auto o = std::make_shared<ValidateOptions>();
    CLI::App* sub = app.add_subcommand(
        "validate", msgf("Check an export against its codebook; exit 1 when problems are found"));
    sub->footer(msgf("Example:") + "\n  careerstat validate data/clients.csv");
    sub->add_option(
           "export", o->export_path,
           msgf("The survey export: CSV (- for standard input), .xlsx, .sav, .zsav or .dta"))
        ->required();
    sub->add_option("--codebook", o->codebook, msgf("Codebook (default: <export>.codebook.csv)"));
    sub->add_flag("--all", o->all,
                  msgf("List every problem (without it, a problem repeated in a column is listed "
                       "three times, then counted)"));
    o->input.add_to(*sub);
    sub->callback([o] { run_validate(*o); });
}

} // namespace careerstat::cli
