#include "careerstat/io/sav_source.hpp"
#include "careerstat/messages.hpp"

#include "careerstat/errors.hpp"
#include "careerstat/io/encoding.hpp"
#include "careerstat/io/sav_records.hpp"
#include "careerstat/util/text.hpp"

#include <readstat.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <limits>
#include <thread>

namespace careerstat::io {

std::string_view format_cell_number(double x, std::span<char> buf) {
    // Integers (nearly every survey code) as integers; anything else as the shortest plain
    // (not exponent) text that reads back as the same double, so the coder gets exactly the
    // file's value.
    std::to_chars_result r{};
    if (std::abs(x) < 1e15 && x == std::trunc(x)) {
        r = std::to_chars(buf.data(), buf.data() + buf.size(), static_cast<long long>(x));
    } else {
        r = std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::fixed);
    }
    if (r.ec != std::errc{}) {
        return {};
    }
    return {buf.data(), static_cast<std::size_t>(r.ptr - buf.data())};
}

std::string format_cell_number(double x) {
    std::array<char, 400> buf{};
    return std::string(format_cell_number(x, buf));
}

void append_seconds_as_date(std::string& out, double seconds_since_epoch,
                            DictionaryVariable::Form form) {
    // Beyond some 300 million years no calendar applies (and the cast below would
    // overflow): such a "date" is shown as the number it is.
    if (!(std::abs(seconds_since_epoch) < 1e16)) {
        out += format_cell_number(seconds_since_epoch);
        return;
    }
    // Round to the second, as the files' own DATETIME formats print.
    const auto total = static_cast<long long>(std::floor(seconds_since_epoch + 0.5));
    long long days = total / 86400;
    long long secs = total % 86400;
    if (secs < 0) {
        secs += 86400;
        days -= 1;
    }
    using namespace std::chrono;
    const year_month_day ymd{sys_days{} + std::chrono::days{days}};
    const int year = static_cast<int>(ymd.year());
    // Written digit by digit: a million submit dates are printed per run of a 1,000,000-case
    // file, and fmt's formatting of each part cost more than the decoding.
    char buf[32];
    char* p = buf;
    auto two = [&p](long long n) {
        *p++ = static_cast<char>('0' + n / 10);
        *p++ = static_cast<char>('0' + n % 10);
    };
    if (form != DictionaryVariable::Form::Time) {
        if (year >= 0 && year <= 9999) {
            two(year / 100);
            two(year % 100);
        } else {
            const std::string y = fmt::format("{:04}", year);
            std::memcpy(p, y.data(), y.size());
            p += y.size();
        }
        *p++ = '-';
        two(static_cast<unsigned>(ymd.month()));
        *p++ = '-';
        two(static_cast<unsigned>(ymd.day()));
        if (form == DictionaryVariable::Form::Date) {
            out.append(buf, static_cast<std::size_t>(p - buf));
            return;
        }
        *p++ = ' ';
    }
    two(secs / 3600);
    *p++ = ':';
    two(secs / 60 % 60);
    *p++ = ':';
    two(secs % 60);
    out.append(buf, static_cast<std::size_t>(p - buf));
}

std::string format_seconds_as_date(double seconds_since_epoch, DictionaryVariable::Form form) {
    std::string out;
    append_seconds_as_date(out, seconds_since_epoch, form);
    return out;
}

namespace {

std::string_view rtrim(const char* text) { // SPSS pads strings with spaces
    std::string_view s(text);
    while (!s.empty() && s.back() == ' ') {
        s.remove_suffix(1);
    }
    return s;
}

using Form = DictionaryVariable::Form;
using Measure = DictionaryVariable::Measure;

// Seconds from an epoch to 1970-01-01: SPSS counts from 14 October 1582 (the Gregorian
// calendar's first day), Stata from 1 January 1960.
constexpr long long days_between(int y1, unsigned m1, unsigned d1, int y2, unsigned m2, unsigned d2) {
    using namespace std::chrono;
    return (sys_days{year{y2} / month{m2} / day{d2}} - sys_days{year{y1} / month{m1} / day{d1}})
        .count();
}
constexpr double k_spss_epoch = -static_cast<double>(days_between(1582, 10, 14, 1970, 1, 1)) * 86400;
constexpr double k_stata_epoch = -static_cast<double>(days_between(1960, 1, 1, 1970, 1, 1)) * 86400;

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
    for (std::string_view p : prefixes) {
        if (s.starts_with(p)) {
            return true;
        }
    }
    return false;
}

// How a numeric variable's values are printed, from its print format.
struct Printing {
    Form form = Form::Number;
    double epoch = 0; // seconds to add to reach 1970
    double unit = 1;  // seconds per stored unit
};

Printing printing_of(std::string_view format, bool stata) {
    Printing p;
    if (stata) {
        // Stata: %td days, %tc / %tC milliseconds since 1960 (%tw, %tm, ... are counts of
        // weeks, months: numbers to careerstat).
        if (format.starts_with("%td") || format.starts_with("%-td")) {
            p = {Form::Date, k_stata_epoch, 86400};
        } else if (format.starts_with("%tc") || format.starts_with("%tC") ||
                   format.starts_with("%-tc")) {
            p = {Form::DateTime, k_stata_epoch, 0.001};
        }
        return p;
    }
    // SPSS: seconds since 1582-10-14 for every date format; TIME and MTIME are seconds.
    if (starts_with_any(format, {"DATETIME", "YMDHMS"})) {
        p = {Form::DateTime, k_spss_epoch, 1};
    } else if (starts_with_any(format, {"DATE", "ADATE", "EDATE", "SDATE", "JDATE", "MOYR", "QYR",
                                        "WKYR"})) {
        p = {Form::Date, k_spss_epoch, 1};
    } else if (starts_with_any(format, {"TIME", "MTIME"})) {
        p = {Form::Time, 0, 1};
    }
    return p;
}

Measure measure_of(readstat_measure_t m) {
    switch (m) {
    case READSTAT_MEASURE_NOMINAL:
        return Measure::Nominal;
    case READSTAT_MEASURE_ORDINAL:
        return Measure::Ordinal;
    case READSTAT_MEASURE_SCALE:
        return Measure::Scale;
    default:
        return Measure::Unknown;
    }
}

// Cases go from ReadStat's callbacks (on the parsing thread) to next() in batches: numbers
// as numbers (printed only when a consumer asks for text), text in one buffer.
struct Cell {
    double number = 0;
    std::uint32_t begin = 0; // text: [begin, end) in Batch::text
    std::uint32_t end = 0;
    bool is_number = false;
};

struct Batch {
    std::string text;
    std::vector<Cell> cells; // width per case
    std::vector<char> content; // per case: some cell, kept or not, holds an answer
    long first_case = 0;
    std::size_t cases = 0;
};

constexpr std::size_t k_batch_cases = 1024;
constexpr std::size_t k_queue = 4;

class StatisticsSource final : public RecordSource {
  public:
    StatisticsSource(std::string path, bool stata, SavCases cases)
        : m_path(std::move(path)), m_stata(stata) {
        if (!m_stata) {
            // The multiple response sets: ReadStat 1.1.8 skips their records.
            SavRecords records = read_sav_records(m_path);
            m_layout = records;
            m_short_sets = std::move(records.sets);
            m_long_names = std::move(records.long_names);
            m_utf8 = util::fold(records.encoding) == "utf-8" || util::fold(records.encoding) == "utf8";
            for (std::string& n : records.notes) {
                m_dict.notes.push_back(std::move(n));
            }
        }
        if (m_stata) {
            // A .dta keeps its value labels after the data: a first parse of one case reads
            // the dictionary (ReadStat seeks past the rest), the second the cases.
            read_dictionary_first();
        } else if (m_utf8 && own_decoding_fits(cases)) {
            // The cases of an uncompressed or bytecode-compressed .sav are decoded here,
            // not by ReadStat, whose per-value callbacks took longer than reading the same
            // data as CSV (bench/formats.sh); ReadStat still reads the dictionary.
            read_dictionary_first();
            m_own_decoding = element_layout_matches();
        }
        m_thread = std::thread([this] { parse(); });
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_header_ready || m_done; });
        if (!m_header_ready) {
            lock.unlock();
            m_thread.join();
            throw DataError(place(m_path, 1) + m_error);
        }
    }

    ~StatisticsSource() override {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }

    std::string describe() const override { return m_stata ? "Stata .dta" : m_kind; }
    const Dictionary* dictionary() const override { return &m_dict; }

    bool next(std::vector<std::string_view>& fields, long& line) override {
        const std::size_t width = m_dict.variables.size();
        if (!m_header_given) {
            m_header_given = true;
            fields.clear();
            for (const auto& v : m_dict.variables) {
                fields.emplace_back(v.name);
            }
            line = 1;
            return true;
        }
        if (!next_case(line)) {
            fields.clear();
            return false;
        }
        // Numbers printed as a CSV export of the file would hold them.
        m_printed.clear();
        m_printed_end.resize(width);
        const Cell* cells = m_current.cells.data() + (m_pos - 1) * width;
        for (std::size_t k = 0; k < width; ++k) {
            if (cells[k].is_number) {
                std::array<char, 400> buf{};
                m_printed.append(print_cell_number(cells[k].number, buf));
            }
            m_printed_end[k] = m_printed.size();
        }
        fields.resize(width);
        for (std::size_t k = 0; k < width; ++k) {
            const Cell& c = cells[k];
            if (c.is_number) {
                const std::size_t begin = k == 0 ? 0 : m_printed_end[k - 1];
                fields[k] = std::string_view(m_printed.data() + begin, m_printed_end[k] - begin);
            } else {
                fields[k] = std::string_view(m_current.text.data() + c.begin, c.end - c.begin);
            }
        }
        return true;
    }

    bool has_typed() const override { return true; }

    void keep_only(std::span<const std::size_t> columns) override {
        std::vector<char> keep(m_dict.variables.size(), 0);
        for (std::size_t c : columns) {
            if (c < keep.size()) {
                keep[c] = 1;
            }
        }
        std::lock_guard lock(m_mutex);
        m_keep_next = std::move(keep);
        m_keep_changed = true;
    }

    std::optional<bool> typed_record_empty() const override {
        return m_pos == 0 || m_pos > m_current.content.size() ? std::nullopt
                                                               : std::optional<bool>(!m_current.content[m_pos - 1]);
    }

    bool next_typed(std::vector<TypedCell>& out, long& line) override {
        const std::size_t width = m_dict.variables.size();
        if (!next_case(line)) {
            out.clear();
            return false;
        }
        out.resize(width);
        const Cell* cells = m_current.cells.data() + (m_pos - 1) * width;
        for (std::size_t k = 0; k < width; ++k) {
            const Cell& c = cells[k];
            out[k].is_number = c.is_number;
            out[k].number = c.number;
            out[k].text = c.is_number ? std::string_view("")
                                      : std::string_view(m_current.text.data() + c.begin,
                                                         c.end - c.begin);
        }
        return true;
    }

  private:
    bool keep(std::size_t column) const { return m_keep.empty() || m_keep[column]; }

    // The parser reads the first case only once the consumer asks for one, so that
    // keep_only() before the first record applies to every record. False when stopped.
    bool wait_for_start() {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_start || m_stop; });
        m_started = true;
        if (m_keep_changed) {
            m_keep = m_keep_next;
            m_keep_changed = false;
        }
        return !m_stop;
    }

    // Moves to the next case (m_pos - 1 in m_current); false at the end.
    bool next_case(long& line) {
        if (m_pos >= m_current.cases) {
            std::unique_lock lock(m_mutex);
            if (!m_start) {
                m_start = true;
                m_cv.notify_all();
            }
            m_cv.wait(lock, [&] { return !m_queue.empty() || m_done; });
            if (m_queue.empty()) {
                if (!m_error.empty()) {
                    throw DataError(place(m_path, m_last_line + 1) + m_error);
                }
                return false;
            }
            // The batch read is handed back for the parser to fill again: its memory is
            // then allocated once, not once per 1,024 cases.
            m_free.push_back(std::move(m_current));
            m_current = std::move(m_queue.front());
            m_queue.pop_front();
            m_pos = 0;
            lock.unlock();
            m_cv.notify_all();
        }
        line = m_last_line = m_current.first_case + static_cast<long>(m_pos) + 2;
        ++m_pos;
        return true;
    }

    static std::string_view print_cell_number(double x, std::array<char, 400>& buf) {
        return format_cell_number(x, buf);
    }

    bool own_decoding_fits(SavCases cases) const {
        return cases == SavCases::Own && m_layout.complete && !m_layout.very_long_strings &&
               (m_layout.compression == 0 || m_layout.compression == 1) &&
               !m_layout.elements.empty();
    }

    // Each variable ReadStat reported is one element record (and its continuations) of
    // the same kind, in the same order.
    bool element_layout_matches() {
        std::size_t v = 0;
        for (std::size_t e = 0; e < m_layout.elements.size(); ++e) {
            const std::int32_t t = m_layout.elements[e];
            if (t == -1) {
                continue;
            }
            if (v >= m_is_string.size() || (t > 0) != m_is_string[v] || t < 0 || t > 255) {
                return false;
            }
            m_variable_of.push_back(v);
            m_first_element.push_back(e);
            ++v;
        }
        return v == m_is_string.size();
    }

    void read_dictionary_first() {
        readstat_parser_t* parser = readstat_parser_init();
        set_dictionary_handlers(parser);
        readstat_set_value_handler(parser, [](int, readstat_variable_t*, readstat_value_t, void*) {
            return static_cast<int>(READSTAT_HANDLER_OK);
        });
        readstat_set_error_handler(parser, &StatisticsSource::on_error);
        readstat_set_row_limit(parser, 1);
        if (m_utf8) {
            readstat_set_handler_character_encoding(parser, nullptr);
        }
        const readstat_error_t e = m_stata ? readstat_parse_dta(parser, m_path.c_str(), this)
                                           : readstat_parse_sav(parser, m_path.c_str(), this);
        readstat_parser_free(parser);
        if (e != READSTAT_OK) {
            throw DataError(place(m_path, 1) + msgf("not a {} file that ReadStat can read ({}{}{})",
                                                    m_stata ? "Stata" : "SPSS",
                                                    readstat_error_message(e),
                                                    m_message.empty() ? "" : ": ", m_message));
        }
        finish_dictionary();
    }

    void set_dictionary_handlers(readstat_parser_t* parser) {
        readstat_set_metadata_handler(parser, &StatisticsSource::on_metadata);
        readstat_set_note_handler(parser, &StatisticsSource::on_note);
        readstat_set_variable_handler(parser, &StatisticsSource::on_variable);
        readstat_set_fweight_handler(parser, &StatisticsSource::on_fweight);
        readstat_set_value_label_handler(parser, &StatisticsSource::on_value_label);
    }

    // --- the parsing thread ---
    void parse() {
        if (m_own_decoding) {
            try {
                decode_cases();
                end_case();
                flush();
            } catch (const DataError& e) {
                m_error = e.what();
            }
            {
                std::lock_guard lock(m_mutex);
                m_done = true;
            }
            m_cv.notify_all();
            return;
        }
        readstat_parser_t* parser = readstat_parser_init();
        if (!m_header_ready) {
            set_dictionary_handlers(parser);
        } else {
            // ReadStat needs a variable handler to hand values over (it crashes without).
            readstat_set_variable_handler(parser, [](int, readstat_variable_t*, const char*, void*) {
                return static_cast<int>(READSTAT_HANDLER_OK);
            });
        }
        readstat_set_value_handler(parser, &StatisticsSource::on_value);
        readstat_set_error_handler(parser, &StatisticsSource::on_error);
        if (m_utf8) {
            // Text already in UTF-8 needs no conversion, which would cost ReadStat 40% more.
            readstat_set_handler_character_encoding(parser, nullptr);
        }
        const readstat_error_t e = m_stata ? readstat_parse_dta(parser, m_path.c_str(), this)
                                           : readstat_parse_sav(parser, m_path.c_str(), this);
        readstat_parser_free(parser);
        if (e == READSTAT_OK || m_stop) {
            finish_dictionary(); // a file without cases
            end_case();
            flush();
        } else {
            m_error = msgf("ReadStat cannot read it ({}{}{})", readstat_error_message(e),
                                  m_message.empty() ? "" : ": ", m_message);
            if (!m_header_ready) {
                m_error = msgf("not a {} file that ReadStat can read ({}{}{})",
                                      m_stata ? "Stata" : "SPSS", readstat_error_message(e),
                                      m_message.empty() ? "" : ": ", m_message);
            }
        }
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_cv.notify_all();
    }

    // The cases of a .sav with no or bytecode compression (PSPP's format appendix, "Data
    // Record"): per case, one 8-byte element per variable record; compressed, each element
    // is a code in a block of eight: 0 padding, 1-251 the number code - bias, 252 the end,
    // 253 eight raw bytes follow the block, 254 eight spaces, 255 system-missing.
    void decode_cases() {
        std::FILE* f = std::fopen(m_path.c_str(), "rb");
        if (!f) {
            throw DataError(msgf("cannot open it again: {}", std::strerror(errno)));
        }
        struct Closer {
            std::FILE* f;
            ~Closer() { std::fclose(f); }
        } closer{f};
        if (std::fseek(f, static_cast<long>(m_layout.data_offset), SEEK_SET) != 0) {
            throw DataError(msgf("its cases cannot be reached"));
        }
        if (!wait_for_start()) {
            return;
        }
        std::vector<unsigned char> buf(std::size_t{1} << 20);
        std::size_t have = 0;
        std::size_t at = 0;
        auto next8 = [&](unsigned char* out) {
            if (at + 8 > have) {
                const std::size_t rest = have - at;
                std::memmove(buf.data(), buf.data() + at, rest);
                have = rest + std::fread(buf.data() + rest, 1, buf.size() - rest, f);
                at = 0;
                if (have < 8) {
                    return false;
                }
            }
            std::memcpy(out, buf.data() + at, 8);
            at += 8;
            return true;
        };
        const bool compressed = m_layout.compression == 1;
        const std::vector<std::int32_t>& elements = m_layout.elements;
        std::array<unsigned char, 8> block{};
        std::size_t in_block = 8;
        std::string text;
        std::size_t pending_spaces = 0;
        long case_number = 0;
        for (;;) {
            std::size_t v = 0; // the variable whose elements are being read
            for (std::size_t e = 0; e < elements.size(); ++e) {
                // The element: its 8 bytes, or a number, or system-missing.
                std::array<unsigned char, 8> raw{};
                enum { Raw, Number, Sysmis } kind = Raw;
                double number = 0;
                if (compressed) {
                    unsigned code = 0;
                    do {
                        if (in_block == 8) {
                            if (!next8(block.data())) {
                                if (e == 0) {
                                    return; // the end, between cases
                                }
                                throw DataError(msgf("case {} is cut short", case_number + 1));
                            }
                            in_block = 0;
                        }
                        code = block[in_block++];
                    } while (code == 0);
                    if (code == 252) {
                        if (e == 0) {
                            return;
                        }
                        throw DataError(msgf("case {} is cut short", case_number + 1));
                    }
                    if (code == 253) {
                        if (!next8(raw.data())) {
                            throw DataError(msgf("case {} is cut short", case_number + 1));
                        }
                    } else if (code == 254) {
                        raw.fill(' ');
                    } else if (code == 255) {
                        kind = Sysmis;
                    } else {
                        kind = Number;
                        number = static_cast<double>(code) - m_layout.bias;
                    }
                } else if (!next8(raw.data())) {
                    if (e == 0) {
                        return;
                    }
                    throw DataError(msgf("case {} is cut short", case_number + 1));
                }
                const bool last_of_variable = e + 1 == elements.size() || elements[e + 1] != -1;
                if (elements[e] == 0) { // a number
                    if (kind == Raw) {
                        if (m_layout.swap) {
                            std::reverse(raw.begin(), raw.end());
                        }
                        std::memcpy(&number, raw.data(), 8);
                        // SPSS's system-missing value is -DBL_MAX.
                        kind = number == -std::numeric_limits<double>::max() ? Sysmis : Number;
                    }
                    if (kind == Number && !std::isnan(number)) {
                        m_case_content = true;
                        if (keep(v)) {
                            append_number(v, number);
                        }
                    }
                    end_field();
                    ++v;
                    continue;
                }
                // A string's element: 8 bytes of text (a number code here is a damaged file).
                if (kind != Raw) {
                    throw DataError(
                        msgf("case {}: a text variable holds a number code", case_number + 1));
                }
                if (elements[e] > 0) {
                    text.clear();
                    pending_spaces = 0;
                }
                // A long text's blank tail is mostly eight-space elements: they are counted,
                // and written only when text follows, so the trimming below stays short.
                if (std::memcmp(raw.data(), "        ", 8) == 0) {
                    pending_spaces += 8;
                } else {
                    text.append(pending_spaces, ' ');
                    pending_spaces = 0;
                    text.append(reinterpret_cast<const char*>(raw.data()), 8);
                }
                if (last_of_variable) {
                    const std::size_t width = static_cast<std::size_t>(elements[m_first_element[v]]);
                    std::string_view t(text.data(), std::min(width, text.size()));
                    while (!t.empty() && (t.back() == ' ' || t.back() == '\0')) {
                        t.remove_suffix(1);
                    }
                    m_case_content = m_case_content || t.find_first_not_of(" \t") != std::string_view::npos;
                    if (keep(v)) {
                        if (!is_valid_utf8(t.data(), t.size())) {
                            throw DataError(msgf("case {}: column \"{}\": text that is not UTF-8",
                                                 case_number + 1, m_dict.variables[v].name));
                        }
                        m_batch.text.append(t);
                    }
                    end_field();
                    ++v;
                }
            }
            // The case is complete: hand it on as the callbacks do.
            m_case = case_number;
            end_case();
            if (m_batch.cases == k_batch_cases && !flush()) {
                return;
            }
            ++case_number;
            if (m_stop.load(std::memory_order_relaxed)) {
                return;
            }
        }
    }


    static StatisticsSource& self(void* ctx) { return *static_cast<StatisticsSource*>(ctx); }

    static int on_metadata(readstat_metadata_t* m, void* ctx) {
        StatisticsSource& s = self(ctx);
        if (const char* label = readstat_get_file_label(m)) {
            s.m_dict.file_label = util::trim(label);
        }
        if (!s.m_stata) {
            s.m_kind = readstat_get_compression(m) == READSTAT_COMPRESS_BINARY ? "SPSS .zsav"
                                                                               : "SPSS .sav";
        }
        return READSTAT_HANDLER_OK;
    }

    static int on_note(int, const char* note, void* ctx) {
        self(ctx).m_dict.documents.emplace_back(note ? note : "");
        return READSTAT_HANDLER_OK;
    }

    static int on_variable(int index, readstat_variable_t* v, const char* val_labels, void* ctx) {
        StatisticsSource& s = self(ctx);
        DictionaryVariable d;
        d.name = readstat_variable_get_name(v);
        if (const char* l = readstat_variable_get_label(v)) {
            d.label = util::trim(l);
        }
        if (const char* f = readstat_variable_get_format(v)) {
            d.format = f;
        }
        d.measure = measure_of(readstat_variable_get_measure(v));
        const bool is_string = readstat_variable_get_type_class(v) == READSTAT_TYPE_CLASS_STRING;
        Printing p;
        if (is_string) {
            d.form = Form::Text;
        } else {
            p = printing_of(d.format, s.m_stata);
            d.form = p.form;
        }
        for (int i = 0; i < readstat_variable_get_missing_ranges_count(v); ++i) {
            const readstat_value_t lo = readstat_variable_get_missing_range_lo(v, i);
            const readstat_value_t hi = readstat_variable_get_missing_range_hi(v, i);
            if (is_string) {
                if (const char* t = readstat_string_value(lo)) {
                    d.missing.emplace_back(rtrim(t));
                }
                continue;
            }
            const double a = readstat_double_value(lo);
            const double b = readstat_double_value(hi);
            if (a == b) {
                d.missing.push_back(s.printed(a, p));
            } else {
                d.missing_ranges.push_back({a, b});
            }
        }
        if (static_cast<std::size_t>(index) != s.m_dict.variables.size()) {
            s.m_message = "its variables are out of order";
            return READSTAT_HANDLER_ABORT;
        }
        s.m_dict.variables.push_back(std::move(d));
        s.m_printing.push_back(p);
        s.m_label_set.emplace_back(val_labels ? val_labels : "");
        s.m_is_string.push_back(is_string);
        return READSTAT_HANDLER_OK;
    }

    static int on_fweight(readstat_variable_t* v, void* ctx) {
        self(ctx).m_dict.weight = readstat_variable_get_name(v);
        return READSTAT_HANDLER_OK;
    }

    static int on_value_label(const char* set, readstat_value_t value, const char* label,
                              void* ctx) {
        StatisticsSource& s = self(ctx);
        SetLabel l;
        l.label = label ? util::trim(label) : "";
        if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING) {
            const char* t = readstat_string_value(value);
            l.code = t ? std::string(rtrim(t)) : "";
        } else if (readstat_value_is_tagged_missing(value)) {
            l.code = std::string(".") + readstat_value_tag(value);
            l.tag = readstat_value_tag(value);
        } else if (readstat_value_is_system_missing(value)) {
            return READSTAT_HANDLER_OK; // a label for "." says nothing careerstat can use
        } else {
            l.number = readstat_double_value(value);
        }
        s.m_sets[set ? set : ""].push_back(std::move(l));
        return READSTAT_HANDLER_OK;
    }

    static void on_error(const char* message, void* ctx) {
        StatisticsSource& s = self(ctx);
        if (s.m_message.empty() && message) {
            s.m_message = util::trim(message);
        }
    }

    static int on_value(int obs, readstat_variable_t* v, readstat_value_t value, void* ctx) {
        StatisticsSource& s = self(ctx);
        if (!s.m_header_ready) {
            s.finish_dictionary();
        }
        if (!s.m_started && !s.wait_for_start()) {
            return READSTAT_HANDLER_ABORT;
        }
        if (obs != s.m_case) {
            if (s.m_stop.load(std::memory_order_relaxed)) {
                return READSTAT_HANDLER_ABORT;
            }
            s.end_case();
            if (s.m_batch.cases == k_batch_cases && !s.flush()) {
                return READSTAT_HANDLER_ABORT;
            }
            s.m_case = obs;
        }
        const auto index = static_cast<std::size_t>(readstat_variable_get_index(v));
        while (s.m_column < index) {
            s.end_field(); // a variable ReadStat skipped
        }
        if (s.m_column > index || index >= s.m_dict.variables.size()) {
            s.m_message = msgf("case {}: its values are out of order", obs + 1);
            return READSTAT_HANDLER_ABORT;
        }
        s.append(index, value);
        s.end_field();
        return READSTAT_HANDLER_OK;
    }

    // The value as a cell: a number as it is, everything else as the text a CSV export of
    // the file would hold.
    void append(std::size_t index, readstat_value_t value) {
        std::string& out = m_batch.text;
        if (m_is_string[index]) {
            if (const char* t = readstat_string_value(value)) {
                const std::string_view text = rtrim(t);
                m_case_content = m_case_content || text.find_first_not_of(" \t") != std::string_view::npos;
                if (keep(index)) {
                    out.append(text);
                }
            }
            return;
        }
        // The value's fields are read directly (readstat.h declares them): ReadStat's
        // accessor functions cost a call each, for every cell of the file.
        if (value.is_tagged_missing) {
            // Stata's .a-.z: a missing code where the variable labels it, else no answer.
            const char tag = value.tag;
            if (m_tags[index].find(tag) != std::string::npos) {
                m_case_content = true;
                if (!keep(index)) {
                    return;
                }
                out.push_back('.');
                out.push_back(tag);
            }
            return;
        }
        if (value.is_system_missing) {
            return;
        }
        double x = 0;
        switch (value.type) {
        case READSTAT_TYPE_INT8:
            x = value.v.i8_value;
            break;
        case READSTAT_TYPE_INT16:
            x = value.v.i16_value;
            break;
        case READSTAT_TYPE_INT32:
            x = value.v.i32_value;
            break;
        case READSTAT_TYPE_FLOAT:
            x = static_cast<double>(value.v.float_value);
            break;
        case READSTAT_TYPE_DOUBLE:
            x = value.v.double_value;
            break;
        default:
            return;
        }
        if (!std::isnan(x)) {
            m_case_content = true;
            if (keep(index)) {
                append_number(index, x);
            }
        }
    }

    void append_number(std::size_t index, double x) {
        if (std::isnan(x)) {
            return;
        }
        if (m_printing[index].form == Form::Number && std::isfinite(x)) {
            m_number = x;
            m_is_number = true;
            return;
        }
        append_printed(m_batch.text, x, m_printing[index]);
    }

    std::string printed(double x, const Printing& p) const {
        std::string out;
        append_printed(out, x, p);
        return out;
    }

    void append_printed(std::string& out, double x, const Printing& p) const {
        if (p.form == Form::Number || !std::isfinite(x)) {
            std::array<char, 400> buf{};
            out += format_cell_number(x, buf);
        } else {
            append_seconds_as_date(out, x * p.unit + p.epoch, p.form);
        }
    }

    void end_field() {
        Cell c;
        if (m_is_number) {
            c.number = m_number;
            c.is_number = true;
            m_is_number = false;
        } else {
            c.begin = m_text_begin;
            c.end = static_cast<std::uint32_t>(m_batch.text.size());
        }
        m_batch.cells.push_back(c);
        m_text_begin = static_cast<std::uint32_t>(m_batch.text.size());
        ++m_column;
    }

    void end_case() {
        if (m_column == 0) {
            return; // no case begun
        }
        while (m_column < m_dict.variables.size()) {
            end_field();
        }
        if (m_batch.cases == 0) {
            m_batch.first_case = m_case;
        }
        ++m_batch.cases;
        m_batch.content.push_back(m_case_content);
        m_case_content = false;
        m_column = 0;
        if (m_batch.text.size() > (std::size_t{1} << 31)) {
            flush();
        }
    }

    // Hands the batch to next(); false when the reader has stopped.
    bool flush() {
        if (m_batch.cases == 0) {
            return !m_stop;
        }
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_queue.size() < k_queue || m_stop; });
        if (m_stop) {
            return false;
        }
        m_queue.push_back(std::move(m_batch));
        if (!m_free.empty()) {
            m_batch = std::move(m_free.back());
            m_free.pop_back();
            m_batch.text.clear();
            m_batch.cells.clear();
            m_batch.content.clear();
            m_batch.cases = 0;
            m_batch.first_case = 0;
        } else {
            m_batch = Batch{};
            m_batch.cells.reserve(k_batch_cases * m_dict.variables.size());
        }
        m_text_begin = 0;
        if (m_keep_changed) {
            m_keep = m_keep_next;
            m_keep_changed = false;
        }
        lock.unlock();
        m_cv.notify_all();
        return true;
    }

    struct SetLabel {
        std::string code;
        std::string label;
        double number = 0;
        char tag = 0;
    };

    // Value labels onto their variables, sets by long name; then the header is known.
    void finish_dictionary() {
        if (m_header_ready) {
            return;
        }
        for (std::size_t i = 0; i < m_dict.variables.size(); ++i) {
            DictionaryVariable& d = m_dict.variables[i];
            auto it = m_sets.find(m_label_set[i]);
            if (m_label_set[i].empty() || it == m_sets.end()) {
                m_tags.emplace_back();
                continue;
            }
            std::string tags;
            for (const SetLabel& l : it->second) {
                DictionaryLabel out;
                out.label = l.label;
                if (l.tag) {
                    out.code = l.code;
                    tags.push_back(l.tag);
                    if (std::find(d.missing.begin(), d.missing.end(), l.code) == d.missing.end()) {
                        d.missing.push_back(l.code);
                    }
                } else if (m_is_string[i]) {
                    out.code = l.code;
                } else {
                    // A label of a date variable names its number, not a date.
                    out.code = format_cell_number(l.number);
                    if (d.form != Form::Number) {
                        continue;
                    }
                }
                d.labels.push_back(std::move(out));
            }
            m_tags.push_back(std::move(tags));
        }
        // Multiple response sets name variables by their short (8-byte) names.
        std::map<std::string, std::string> by_short;
        for (const auto& [short_name, long_name] : m_long_names) {
            by_short[util::fold(short_name)] = long_name;
        }
        for (DictionarySet set : m_short_sets) {
            bool ok = true;
            for (std::string& v : set.variables) {
                auto it = by_short.find(util::fold(v));
                std::string name = it == by_short.end() ? v : it->second;
                const auto found =
                    std::find_if(m_dict.variables.begin(), m_dict.variables.end(),
                                 [&](const DictionaryVariable& d) {
                                     return util::fold(d.name) == util::fold(name);
                                 });
                if (found == m_dict.variables.end()) {
                    ok = false;
                    break;
                }
                v = found->name;
            }
            if (ok && set.variables.size() >= 2) {
                m_dict.sets.push_back(std::move(set));
            } else {
                m_dict.notes.push_back(
                    msgf("multiple response set ${} names a variable the file does not have; it is "
                         "read as separate variables",
                         set.name));
            }
        }
        m_batch.cells.reserve(k_batch_cases * m_dict.variables.size());
        {
            std::lock_guard lock(m_mutex);
            m_header_ready = true;
        }
        m_cv.notify_all();
    }

    std::string m_path;
    bool m_stata;
    std::string m_kind = "SPSS .sav";
    SavRecords m_layout;              // the dictionary's records, as careerstat reads them
    bool m_own_decoding = false;      // the cases are decoded by decode_cases()
    std::vector<std::size_t> m_variable_of;
    std::vector<std::size_t> m_first_element; // per variable
    bool m_utf8 = false; // the file says its text is UTF-8 (its encoding record)
    Dictionary m_dict;
    std::vector<DictionarySet> m_short_sets;
    std::vector<std::pair<std::string, std::string>> m_long_names;
    // Per variable, filled on the parsing thread before the header is ready.
    std::vector<Printing> m_printing;
    std::vector<std::string> m_label_set;
    std::vector<bool> m_is_string;
    // The columns the consumer reads (keep_only()); empty: all. The parser's copy changes
    // between batches, when flush() holds the lock.
    std::vector<char> m_keep;
    std::vector<char> m_keep_next;  // guarded by m_mutex
    bool m_keep_changed = false;    // guarded by m_mutex
    bool m_case_content = false;    // the case being read has an answer somewhere
    bool m_start = false;           // guarded by m_mutex: the consumer wants records
    bool m_started = false;         // the parser's: it has seen m_start
    std::vector<std::string> m_tags; // Stata missing tags with labels
    std::map<std::string, std::vector<SetLabel>> m_sets;
    std::string m_message; // ReadStat's own words

    // The parsing thread's case being built.
    Batch m_batch;
    std::uint32_t m_text_begin = 0; // where the current cell's text starts
    double m_number = 0;            // the current cell, when it is a number
    bool m_is_number = false;
    long m_case = 0;
    std::size_t m_column = 0;

    // Shared, under m_mutex.
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Batch> m_queue;
    std::vector<Batch> m_free; // batches read, to be filled again
    bool m_header_ready = false;
    bool m_done = false;
    std::atomic<bool> m_stop = false;
    std::string m_error;
    std::thread m_thread;

    // The reading side.
    bool m_header_given = false;
    Batch m_current;
    std::size_t m_pos = 0;
    long m_last_line = 1;
    std::string m_printed; // the current case's numbers as text
    std::vector<std::size_t> m_printed_end;
};

} // namespace

std::unique_ptr<RecordSource> open_statistics_file(const std::string& path, SavCases cases) {
    char head[4] = {};
    {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) {
            throw UsageError(msgf("{}: cannot open: {}", path, std::strerror(errno)));
        }
        const std::size_t got = std::fread(head, 1, sizeof head, f);
        std::fclose(f);
        if (got < sizeof head) {
            throw DataError(place(path, 1) +
                            msgf("the file is too short to be an SPSS or Stata file"));
        }
    }
    const bool sav = std::memcmp(head, "$FL2", 4) == 0 || std::memcmp(head, "$FL3", 4) == 0;
    return std::make_unique<StatisticsSource>(path, !sav, cases);
}

} // namespace careerstat::io
