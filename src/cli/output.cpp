// Writing a run's output: --format, -o, --force, --locale, --bom, --lang, --codes, and the
// file safety rules of output.hpp, in write_output() alone.
#include "output.hpp"

#include "defaults.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/messages.hpp"

#include <array>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <optional>
#include <pthread.h>
#include <set>
#include <sstream>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace careerstat::cli {

namespace fs = std::filesystem;

void OutputOptions::add_to(CLI::App& app, bool with_codes) {
    // careerstat.toml's values stand until the command line says otherwise.
    locale = defaults().locale;
    lang = defaults().lang;
    bom = defaults().bom;
    app.add_option("--format", format,
                   msgf("Output format: text|csv|tsv|md|json|html|xlsx (default: from -o's "
                        "extension, else text)"))
        ->check(CLI::IsMember({"text", "csv", "tsv", "md", "json", "html", "xlsx"}));
    app.add_option("-o,--output", output,
                   msgf("Write to FILE (atomically) instead of standard output; DIR/ for one CSV "
                        "per table"));
    add_force_flag(app, force);
    app.add_option("--locale", locale,
                   msgf("Number format: en, or nl (decimal comma, ';' in CSV, Dutch words)"))
        ->check(CLI::IsMember({"en", "nl"}));
    app.add_option("--lang", lang, msgf("Language of careerstat's own words: en or nl"))
        ->check(CLI::IsMember({"en", "nl"}));
    app.add_flag("--bom", bom,
                 msgf("Start the output with a UTF-8 BOM, which Excel needs to read "
                      "UTF-8 CSV (every text format but JSON)"));
    if (with_codes) {
        app.add_flag("--codes", codes, msgf("Show raw answer codes next to the labels"));
    }
    app.add_flag("--long", long_form,
                 msgf("CSV or TSV with one row per statistic (table, row, row_kind, variable, "
                      "code, label, column, value, mark), for scripts; CSV unless --format tsv"));
}

void add_force_flag(CLI::App& app, bool& force) {
    app.add_flag("--force", force,
                 msgf("Let -o replace a file that exists (without it, careerstat refuses)"));
}

Lang OutputOptions::language() const {
    if (!lang.empty()) {
        return *parse_lang(lang);
    }
    if (locale == "nl") {
        return Lang::Nl;
    }
    return lang_from_environment().value_or(Lang::En);
}

namespace {

using Render = std::function<void(std::ostream&)>;

// --- the inputs of this run ---

struct Input {
    std::string path;
    std::string role;
};
std::vector<Input> g_inputs;

// The input that `path` is (by device and inode, after symlinks), as "the export" or, when
// the user named it otherwise, "the export data/clients.csv".
std::optional<std::string> input_at(const std::string& path, const struct stat& target) {
    for (const Input& in : g_inputs) {
        struct stat s {};
        const int rc = in.path == "-" ? ::fstat(STDIN_FILENO, &s) : ::stat(in.path.c_str(), &s);
        if (rc == 0 && s.st_dev == target.st_dev && s.st_ino == target.st_ino) {
            if (in.path == path) {
                return in.role;
            }
            return in.path == "-" ? in.role + " read from standard input"
                                  : fmt::format("{} {}", in.role, in.path);
        }
    }
    return std::nullopt;
}

// --- temporary files, removed by the signal handler too ---

// The handler may only touch memory that is ready before it runs: fixed buffers, no
// allocation. One temporary file exists at a time; the spare slots cost nothing.
constexpr std::size_t k_max_temps = 4;
constexpr std::size_t k_temp_path_max = 4096;
char g_temp_paths[k_max_temps][k_temp_path_max];
volatile std::sig_atomic_t g_temp_used[k_max_temps];
constexpr std::array<int, 3> k_signals = {SIGINT, SIGTERM, SIGHUP};

void remove_temps_and_reraise(int sig) {
    for (std::size_t i = 0; i < k_max_temps; ++i) {
        if (g_temp_used[i] != 0) {
            ::unlink(g_temp_paths[i]);
        }
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig); // delivered when the handler returns: the exit status still says signal
}

void install_handlers() {
    static bool installed = false;
    if (installed) {
        return;
    }
    installed = true;
    for (int sig : k_signals) {
        struct sigaction old {};
        ::sigaction(sig, nullptr, &old);
        if (old.sa_handler == SIG_IGN) {
            continue; // a background job's ignored SIGINT stays ignored
        }
        struct sigaction sa {};
        sa.sa_handler = remove_temps_and_reraise;
        sigemptyset(&sa.sa_mask);
        ::sigaction(sig, &sa, nullptr);
    }
}

// Holds off the signals while a slot and the file system disagree (made but not
// registered, renamed but still registered).
class SignalBlock {
  public:
    SignalBlock() {
        sigset_t set;
        sigemptyset(&set);
        for (int sig : k_signals) {
            sigaddset(&set, sig);
        }
        pthread_sigmask(SIG_BLOCK, &set, &m_old);
    }
    ~SignalBlock() { pthread_sigmask(SIG_SETMASK, &m_old, nullptr); }

  private:
    sigset_t m_old{};
};

// `.NAME.XXXXXX` beside the target (so the rename stays on one file system), made by
// mkstemp, removed unless commit() renamed it.
class TempFile {
  public:
    TempFile(const fs::path& target, const std::string& shown) {
        const fs::path dir = target.parent_path();
        const std::string pattern =
            (dir / ("." + target.filename().string() + ".XXXXXX")).string();
        if (pattern.size() >= k_temp_path_max) {
            throw UsageError(msgf("{}: the path is too long", shown));
        }
        install_handlers();
        SignalBlock block;
        while (m_slot < k_max_temps && g_temp_used[m_slot] != 0) {
            ++m_slot;
        }
        if (m_slot == k_max_temps) {
            throw UsageError(msgf("{}: too many files open for writing", shown));
        }
        char* buf = g_temp_paths[m_slot];
        std::memcpy(buf, pattern.c_str(), pattern.size() + 1);
        m_fd = ::mkstemp(buf);
        if (m_fd < 0) {
            const int err = errno;
            throw UsageError(err == ENOENT || err == ENOTDIR
                                 ? msgf("{}: the folder {} does not exist", shown, dir.string())
                                 : msgf("{}: cannot write here: {}", shown, std::strerror(err)));
        }
        g_temp_used[m_slot] = 1;
    }
    ~TempFile() {
        if (m_fd < 0 && g_temp_used[m_slot] == 0) {
            return;
        }
        SignalBlock block;
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        ::unlink(g_temp_paths[m_slot]);
        g_temp_used[m_slot] = 0;
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    int fd() const { return m_fd; }

    // Durable, then in place in one step. With `replace` false a file that appeared since
    // the check is kept (link fails with EEXIST) and the run is refused.
    void commit(const fs::path& target, const std::string& shown, bool replace) {
        if (::fsync(m_fd) != 0 || ::close(m_fd) != 0) {
            m_fd = -1;
            throw UsageError(msgf("{}: writing failed: {}", shown, std::strerror(errno)));
        }
        m_fd = -1;
        SignalBlock block;
        const char* tmp = g_temp_paths[m_slot];
        if (!replace && ::link(tmp, target.c_str()) == 0) {
            ::unlink(tmp);
            g_temp_used[m_slot] = 0;
            return;
        }
        if (!replace && errno == EEXIST) {
            throw UsageError(msgf("-o {}: the file exists; add --force to replace it", shown));
        }
        // Replacing, or a file system without hard links: rename.
        if (::rename(tmp, target.c_str()) != 0) {
            throw UsageError(msgf("{}: cannot write: {}", shown, std::strerror(errno)));
        }
        g_temp_used[m_slot] = 0;
    }

  private:
    std::size_t m_slot = 0;
    int m_fd = -1;
};

// Renders, then writes all of it to `fd`: the errno of the write that failed, or 0.
// Rendering first costs the output's size in memory (tables, a few MB at most) and keeps
// one place where a write can fail.
int render_to(int fd, const Render& render) {
    std::ostringstream text;
    render(text);
    const std::string s = std::move(text).str();
    for (std::size_t done = 0; done < s.size();) {
        const ssize_t n = ::write(fd, s.data() + done, s.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return n < 0 ? errno : EIO;
        }
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

// --- where one output goes ---

enum class TargetKind { Stdout, Fresh, Existing, Special };

struct Target {
    std::string shown; // as the user gave it, for messages
    fs::path where;    // the file to create or replace: symlinks followed, so a link stays
    TargetKind kind = TargetKind::Fresh;
    mode_t mode = 0; // a replaced file keeps its permissions
};

// What writing `path` would do; throws when it is an input. `option` is -o's argument,
// which for -o DIR/ is not `path` itself.
Target plan_target(const std::string& option, const std::string& path) {
    Target t{path, path};
    if (path.empty() || path == "-") {
        t.kind = TargetKind::Stdout;
        return t;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (auto input = input_at(path, st)) {
            throw UsageError(msgf("-o {}: {} {} (an input); inputs are never written to", option,
                                  option == path ? msgf("that is") : path + msgf(" is"), *input));
        }
        if (S_ISDIR(st.st_mode)) {
            throw UsageError(msgf("-o {}: {} is a folder", option, path));
        }
        if (!S_ISREG(st.st_mode)) {
            t.kind = TargetKind::Special; // /dev/null, a FIFO: a rename would replace it
            return t;
        }
        t.kind = TargetKind::Existing;
        t.mode = st.st_mode & 07777;
        std::error_code ec;
        if (fs::path real = fs::canonical(path, ec); !ec) {
            t.where = real;
        }
    } else if (::lstat(path.c_str(), &st) == 0) {
        t.kind = TargetKind::Existing; // a dangling symlink is still a file of the user's
    }
    return t;
}

mode_t new_file_mode() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

void write_target(const Target& t, bool force, const Render& render) {
    if (t.kind == TargetKind::Stdout) {
        std::cout.flush();
        struct stat st {};
        if (::fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode)) {
            if (auto input = input_at("", st)) {
                throw UsageError(msgf("standard output is {} (an input); inputs are "
                                      "never written to",
                                      *input));
            }
        }
        if (const int err = render_to(STDOUT_FILENO, render); err != 0) {
            throw UsageError(msgf("cannot write to standard output: {}", std::strerror(err)));
        }
        return;
    }
    if (t.kind == TargetKind::Special) {
        const int fd = ::open(t.where.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) {
            throw UsageError(msgf("{}: cannot open: {}", t.shown, std::strerror(errno)));
        }
        int err = render_to(fd, render);
        if (::close(fd) != 0 && err == 0) {
            err = errno;
        }
        if (err != 0) {
            throw UsageError(msgf("{}: writing failed: {}", t.shown, std::strerror(err)));
        }
        return;
    }
    // Atomic: a reader never sees half a file, and a failed run leaves the old one.
    TempFile tmp(t.where, t.shown);
    ::fchmod(tmp.fd(), t.kind == TargetKind::Existing ? t.mode : new_file_mode());
    if (const int err = render_to(tmp.fd(), render); err != 0) {
        throw UsageError(msgf("{}: writing failed: {}", t.shown, std::strerror(err)));
    }
    tmp.commit(t.where, t.shown, force || t.kind == TargetKind::Existing);
}

// A table id as a file name that every system takes: letters, digits, '.', '-', '_'.
std::string file_name_of(const std::string& id) {
    std::string out;
    for (unsigned char c : id) {
        out += (std::isalnum(c) != 0 || c == '.' || c == '-' || c == '_') ? static_cast<char>(c)
                                                                           : '_';
    }
    return out;
}

// Distinct names, even for ids that file_name_of() maps to one name or that differ only
// in case (one file on macOS and Windows): a -2, -3 suffix, in table order.
std::string unique_file_name(const std::string& id, std::set<std::string>& taken) {
    const std::string base = file_name_of(id);
    for (int k = 1;; ++k) {
        std::string name = k == 1 ? base : fmt::format("{}-{}", base, k);
        std::string folded = name;
        for (char& c : folded) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        if (taken.insert(folded).second) {
            return name;
        }
    }
}

} // namespace

void register_input(const std::string& path, const std::string& role) {
    if (!path.empty()) {
        g_inputs.push_back({path, std::string(msg(role))}); // for the message that names it
    }
}

void write_output(const std::string& path, bool force, const Render& render) {
    const Target t = plan_target(path, path);
    if (t.kind == TargetKind::Existing && !force) {
        throw UsageError(msgf("-o {}: the file exists; add --force to replace it", path));
    }
    write_target(t, force, render);
}

// -o DIR/: one CSV (or TSV) file per table, named after the table's id. Every file is
// checked before any is written, so a refused run changes nothing.
void OutputOptions::write_directory(const std::vector<table::Table>& tables,
                                    render::RenderOptions base, bool format_unset) const {
    if (format_unset) {
        base.format = render::Format::Csv;
    }
    if (base.format != render::Format::Csv && base.format != render::Format::Tsv) {
        throw UsageError(msgf("-o {}: a directory takes one CSV or TSV file per table; "
                              "use --format csv or tsv",
                              output));
    }
    const char* ext = base.format == render::Format::Csv ? ".csv" : ".tsv";
    std::set<std::string> taken;
    std::vector<Target> targets;
    std::vector<std::string> existing;
    for (const table::Table& t : tables) {
        const std::string name = unique_file_name(t.id, taken) + ext;
        targets.push_back(plan_target(output, (fs::path(output) / name).string()));
        if (targets.back().kind == TargetKind::Existing) {
            existing.push_back(targets.back().shown);
        }
    }
    if (!existing.empty() && !force) {
        throw UsageError(
            existing.size() == 1
                ? msgf("-o {}: {} exists; add --force to replace it", output, existing[0])
                : msgf("-o {}: {} and {} more of its files exist; add --force to replace "
                       "them",
                       output, existing[0], existing.size() - 1));
    }
    std::error_code ec;
    fs::create_directories(output, ec);
    if (ec) {
        throw UsageError(msgf("{}: cannot make the directory: {}", output, ec.message()));
    }
    for (std::size_t i = 0; i < tables.size(); ++i) {
        write_target(targets[i], force,
                     [&](std::ostream& out) { render::render({tables[i]}, out, base); });
    }
}

namespace {

// The width text tables fit: COLUMNS when set, else the terminal's, else 100 (a file, a
// pipe).
std::size_t text_width(bool to_terminal) {
    if (const char* env = std::getenv("COLUMNS")) {
        char* end = nullptr;
        const long n = std::strtol(env, &end, 10);
        if (end != env && *end == '\0' && n >= 20 && n <= 10000) {
            return static_cast<std::size_t>(n);
        }
    }
    winsize ws{};
    if (to_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) {
        return ws.ws_col;
    }
    return 100;
}

} // namespace

void OutputOptions::write(const std::vector<table::Table>& tables,
                          render::RenderOptions base) const {
    const bool to_directory =
        !output.empty() && (output.back() == '/' || fs::is_directory(output));
    render::Format fmt_ = render::Format::Text;
    if (!format.empty()) {
        fmt_ = *render::parse_format(format);
    } else if (!output.empty() && output != "-" && !to_directory) {
        auto f = render::format_from_path(output);
        if (!f) {
            throw UsageError(msgf("-o {}: cannot tell the format from the extension; "
                                  "add --format",
                                  output));
        }
        fmt_ = *f;
    }
    if (long_form) {
        if (format.empty() && fmt_ == render::Format::Text) {
            fmt_ = render::Format::Csv;
        } else if (fmt_ != render::Format::Csv && fmt_ != render::Format::Tsv) {
            throw UsageError(msgf("--long writes CSV or TSV, not {}: drop --long, or use "
                                  "--format csv or tsv",
                                  format.empty() ? msgf("the format of -o ") + output : format));
        }
    }
    base.long_form = long_form;
    base.format = fmt_;
    base.decimal_comma = locale == "nl";
    // A byte order mark is for Excel reading a file; on a terminal it is three stray bytes
    // (bom = true in careerstat.toml applies to every command, also to what is only shown).
    base.bom = bom && !((output.empty() || output == "-") && isatty(STDOUT_FILENO) != 0);
    base.lang = language();
    base.color = (output.empty() || output == "-") && fmt_ == render::Format::Text &&
                 isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
    base.width = text_width((output.empty() || output == "-") && isatty(STDOUT_FILENO) != 0);
    if (to_directory) {
        write_directory(tables, base, format.empty());
        return;
    }
    if (render::is_binary(fmt_) && (output.empty() || output == "-") && isatty(STDOUT_FILENO) != 0) {
        throw UsageError(msgf("--format xlsx writes a workbook, not text: give -o FILE.xlsx (or "
                              "redirect standard output to a file)"));
    }
    write_output(output, force, [&](std::ostream& out) { render::render(tables, out, base); });
}

} // namespace careerstat::cli
