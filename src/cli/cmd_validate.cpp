// `careerstat validate`: check an export against its codebook, listing every problem.
#include "commands.hpp"
#include "common.hpp"

#include "careerstat/data/validate.hpp"
#include "careerstat/errors.hpp"

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
                data::Problem summary{kind.file, 0, key.first,
                                      fmt::format("and {} more like this ({})", kind.count - k_shown,
                                                  key.second)};
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
        std::cerr << fmt::format("careerstat: {} row{} holding only delimiters (empty rows) "
                                 "skipped\n",
                                 skipped, skipped == 1 ? "" : "s");
    }
    if (s.problems > 0) {
        std::cerr << fmt::format("careerstat: {} problem{} in {} rows of {}\n", s.problems,
                                 s.problems == 1 ? "" : "s", s.rows, src.reader->name());
        throw CLI::RuntimeError(k_exit_data);
    }
    std::cerr << fmt::format("careerstat: {} rows of {} agree with {}\n", s.rows,
                             src.reader->name(), src.codebook.source);
}

} // namespace

void setup_validate(CLI::App& app) {
    auto o = std::make_shared<ValidateOptions>();
    CLI::App* sub = app.add_subcommand(
        "validate", "Check an export against its codebook; exit 1 when problems are found");
    sub->footer("Example:\n  careerstat validate data/clients.csv");
    sub->add_option("export", o->export_path, "The survey export: CSV (- for standard input), .xlsx, .sav, .zsav or .dta")
        ->required();
    sub->add_option("--codebook", o->codebook, "Codebook (default: <export>.codebook.csv)");
    sub->add_flag("--all", o->all,
                  "List every problem (without it, a problem repeated in a column is listed "
                  "three times, then counted)");
    o->input.add_to(*sub);
    sub->callback([o] { run_validate(*o); });
}

} // namespace careerstat::cli
