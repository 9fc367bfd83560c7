// The streaming XML reader of an .xlsx workbook's zip entries (expat, in chunks, with a
// fast scanner for sheet rows and an inflating thread ahead of it), for xlsx_source.cpp
// only: its parts (workbook, relationships, styles, shared strings, sheets) derive from
// XmlEntry. Split out of xlsx_source.cpp to keep each file readable; not a public header.
#pragma once

#include "careerstat/errors.hpp"
#include "careerstat/io/encoding.hpp"
#include "careerstat/messages.hpp"
#include "careerstat/util/text.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <fmt/format.h>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace careerstat::io::xlsx_detail {

// The element or attribute name without its namespace prefix ("x:c" -> "c", "r:id" -> "id").
inline std::string_view local(const char* name) {
    std::string_view n(name);
    const std::size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

inline const char* attribute(const char** attrs, std::string_view name) {
    for (const char** a = attrs; a && *a; a += 2) {
        if (local(a[0]) == name) {
            return a[1];
        }
    }
    return nullptr;
}

// One entry of the zip, fed to expat in chunks: memory is one chunk, whatever its size.
class XmlEntry {
  public:
    XmlEntry(zip_t* archive, std::string path, std::string entry)
        : m_path(std::move(path)), m_entry(std::move(entry)) {
        m_file = zip_fopen(archive, m_entry.c_str(), 0);
        if (!m_file) {
            throw DataError(place(m_path, 1) + msgf("the workbook has no readable {} ({})", m_entry,
                                                    zip_strerror(archive)));
        }
        m_parser = XML_ParserCreate("UTF-8");
        XML_SetUserData(m_parser, this);
        XML_SetElementHandler(m_parser, &XmlEntry::on_start, &XmlEntry::on_end);
        XML_SetCharacterDataHandler(m_parser, &XmlEntry::on_text);
    }
    virtual ~XmlEntry() {
        if (m_inflater.joinable()) {
            {
                std::lock_guard lock(m_mutex);
                m_inflater_stop = true;
            }
            m_cv.notify_all();
            m_inflater.join();
        }
        XML_ParserFree(m_parser);
        zip_fclose(m_file);
    }
    XmlEntry(const XmlEntry&) = delete;
    XmlEntry& operator=(const XmlEntry&) = delete;

    // Parses the next chunk; false at the end of the entry.
    bool feed() {
        if (m_done) {
            return false;
        }
        const char* data = m_chunk.data();
        zip_int64_t got = 0;
        if (m_inflater.joinable()) {
            got = static_cast<zip_int64_t>(take_inflated());
            data = m_inflated.data();
        } else {
            got = zip_fread(m_file, m_chunk.data(), m_chunk.size());
            if (got < 0) {
                throw DataError(place(m_path, 1) + msgf("{} cannot be read from the workbook ({})",
                                                        m_entry, zip_file_strerror(m_file)));
            }
        }
        m_done = got == 0;
        if (m_fast) {
            scan(std::string_view(data, static_cast<std::size_t>(got)));
            if (!m_error.empty()) {
                throw DataError(place(m_path, m_error_line) + m_error);
            }
            return !m_done;
        }
        const XML_Status status =
            XML_Parse(m_parser, data, static_cast<int>(got), m_done ? 1 : 0);
        if (!m_error.empty()) {
            throw DataError(place(m_path, m_error_line) + m_error);
        }
        if (status == XML_STATUS_ERROR) {
            throw DataError(place(m_path, 1) + msgf("{} is not well-formed XML at its line {}: {}",
                                                    m_entry, XML_GetCurrentLineNumber(m_parser),
                                                    XML_ErrorString(XML_GetErrorCode(m_parser))));
        }
        return !m_done;
    }
    void parse_all() {
        while (feed()) {
        }
    }

    // The sheet's data is read by scan(), not expat: its XML is machine-written and
    // regular, and expat's generality cost 60% of reading a million-row sheet
    // (bench/formats.sh). expat stays for the other parts, and the unit tests read every
    // test sheet both ways and compare.
    void use_fast_scanner(bool fast) { m_fast = fast; }

    // Inflates the entry on a thread of its own, a few chunks ahead of the parsing: for a
    // sheet, zlib's share of the reading (a fifth) then runs beside the XML scanning. The
    // archive must not be read otherwise until this entry is destroyed.
    void inflate_ahead() {
        m_inflater = std::thread([this] { inflate(); });
    }

  protected:
    virtual void start(std::string_view name, const char** attrs) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
    // A problem found in a handler, thrown after the chunk (never through expat).
    void fail(long line, std::string message) {
        if (m_error.empty()) {
            m_error = std::move(message);
            m_error_line = line;
            XML_StopParser(m_parser, XML_FALSE);
        }
    }
    const std::string& path() const { return m_path; }

  private:
    void inflate() {
        for (;;) {
            std::vector<char> buf;
            {
                std::unique_lock lock(m_mutex);
                m_cv.wait(lock, [&] { return m_full.size() < 4 || m_inflater_stop; });
                if (m_inflater_stop) {
                    return;
                }
                if (!m_spare.empty()) {
                    buf = std::move(m_spare.back());
                    m_spare.pop_back();
                }
            }
            buf.resize(256 * 1024);
            const zip_int64_t got = zip_fread(m_file, buf.data(), buf.size());
            std::lock_guard lock(m_mutex);
            if (got < 0) {
                m_inflate_error = zip_file_strerror(m_file);
                m_inflated_end = true;
                m_cv.notify_all();
                return;
            }
            buf.resize(static_cast<std::size_t>(got));
            m_full.push_back(std::move(buf));
            m_cv.notify_all();
            if (got == 0) {
                m_inflated_end = true;
                return;
            }
        }
    }

    // The next inflated chunk into m_inflated (0 bytes at the end).
    std::size_t take_inflated() {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return !m_full.empty() || m_inflated_end; });
        if (m_full.empty()) {
            if (!m_inflate_error.empty()) {
                throw DataError(place(m_path, 1) + msgf("{} cannot be read from the workbook ({})",
                                                        m_entry, m_inflate_error));
            }
            m_inflated.clear();
            return 0;
        }
        m_spare.push_back(std::move(m_inflated));
        m_inflated = std::move(m_full.front());
        m_full.pop_front();
        m_cv.notify_all();
        return m_inflated.size();
    }

    // A minimal XML scanner: elements with attributes (either quote), self-closing tags,
    // text with the five named entities and character references, CDATA, comments and
    // processing instructions. Bytes of a tag cut by a chunk's end wait in m_pending.
    void scan(std::string_view chunk) {
        m_pending.append(chunk);
        std::string_view b(m_pending);
        std::size_t at = 0;
        for (;;) {
            const std::size_t lt = b.find('<', at);
            if (lt == std::string_view::npos) {
                if (m_done) {
                    if (b.substr(at).find_first_not_of(" \t\r\n") != std::string_view::npos &&
                        m_depth > 0) {
                        text_with_entities(b.substr(at));
                    }
                    at = b.size();
                } else {
                    // Text runs to the next tag; keep it (entities may be cut).
                }
                break;
            }
            if (lt > at) {
                if (!text_with_entities(b.substr(at, lt - at))) {
                    return;
                }
            }
            at = lt;
            const std::size_t end = tag_end(b, lt);
            if (end == std::string_view::npos) {
                if (m_done) {
                    bad("a tag is not closed at the end of the part");
                }
                break; // wait for the rest of the tag
            }
            if (!tag(b.substr(lt, end + 1 - lt))) {
                return;
            }
            at = end + 1;
        }
        m_pending.erase(0, at);
        if (m_done && m_depth != 0 && m_error.empty()) {
            bad("the part ends inside an element");
        }
    }

    // The index of the '>' that ends the tag at `lt`, or npos when it is not in `b` yet.
    static std::size_t tag_end(std::string_view b, std::size_t lt) {
        if (lt + 1 < b.size() && b[lt + 1] != '!') {
            // An element's tag (the common case): the first '>' outside quotes, found in
            // one look at each byte of a tag that is a few dozen bytes long.
            char quote = 0;
            for (std::size_t i = lt + 1; i < b.size(); ++i) {
                const char c = b[i];
                if (quote) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '>') {
                    return i;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                }
            }
            return std::string_view::npos;
        }
        if (b.substr(lt).starts_with("<!--")) {
            const std::size_t e = b.find("-->", lt + 4);
            return e == std::string_view::npos ? e : e + 2;
        }
        if (b.substr(lt).starts_with("<![CDATA[")) {
            const std::size_t e = b.find("]]>", lt + 9);
            return e == std::string_view::npos ? e : e + 2;
        }
        char quote = 0;
        for (std::size_t i = lt + 1; i < b.size(); ++i) {
            const char c = b[i];
            if (quote) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return std::string_view::npos;
    }

    void bad(const std::string& what) {
        fail(1, msgf("{} is not well-formed XML: {}", m_entry, what));
    }

    bool tag(std::string_view t) {
        if (t[1] == '?' || (t[1] == '!' && !t.starts_with("<![CDATA["))) {
            return true; // a declaration, processing instruction, comment or DOCTYPE
        }
        if (t[1] == '!') {
            if (m_depth > 0) {
                text(t.substr(9, t.size() - 12));
            }
            return true;
        }
        if (t[1] == '/') {
            std::string_view name = t.substr(2, t.size() - 3);
            while (!name.empty() && is_space(name.back())) {
                name.remove_suffix(1);
            }
            if (m_depth == 0) {
                bad("a closing tag without its opening tag");
                return false;
            }
            --m_depth;
            end(strip_prefix(name));
            return m_error.empty();
        }
        const bool self_closing = t.size() >= 3 && t[t.size() - 2] == '/';
        std::string_view inner = t.substr(1, t.size() - (self_closing ? 3 : 2));
        std::size_t i = 0;
        while (i < inner.size() && !is_space(inner[i])) {
            ++i;
        }
        const std::string_view tag_name = inner.substr(0, i); // in the chunk, valid until start()
        if (tag_name.empty()) {
            bad("a tag without a name");
            return false;
        }
        // Attributes: name = "value", into one buffer of NUL-terminated strings.
        m_attr_text.clear();
        m_attr_offsets.clear();
        while (i < inner.size()) {
            while (i < inner.size() && is_space(inner[i])) {
                ++i;
            }
            if (i >= inner.size()) {
                break;
            }
            const std::size_t name_start = i;
            while (i < inner.size() && inner[i] != '=' && !is_space(inner[i])) {
                ++i;
            }
            const std::string_view aname = inner.substr(name_start, i - name_start);
            while (i < inner.size() && (is_space(inner[i]) || inner[i] == '=')) {
                ++i;
            }
            if (i >= inner.size() || (inner[i] != '"' && inner[i] != '\'')) {
                bad("an attribute without a quoted value");
                return false;
            }
            const char q = inner[i++];
            const std::size_t close = inner.find(q, i);
            if (close == std::string_view::npos) {
                bad("an attribute value is not closed");
                return false;
            }
            m_attr_offsets.push_back(m_attr_text.size());
            m_attr_text.append(aname);
            m_attr_text.push_back('\0');
            m_attr_offsets.push_back(m_attr_text.size());
            if (!decode(inner.substr(i, close - i), m_attr_text)) {
                return false;
            }
            m_attr_text.push_back('\0');
            i = close + 1;
        }
        m_attrs.clear();
        for (std::size_t o : m_attr_offsets) {
            m_attrs.push_back(m_attr_text.c_str() + o);
        }
        m_attrs.push_back(nullptr);
        const std::string_view name = strip_prefix(tag_name);
        start(name, m_attrs.data());
        if (self_closing) {
            end(name);
        } else {
            ++m_depth;
        }
        return m_error.empty();
    }

    static std::string_view strip_prefix(std::string_view n) {
        const std::size_t colon = n.rfind(':');
        return colon == std::string_view::npos ? n : n.substr(colon + 1);
    }

    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

    bool text_with_entities(std::string_view t) {
        if (m_depth == 0) {
            return true; // whitespace between the declaration and the root
        }
        if (plain_ascii(t)) {
            text(t); // digits, the common case: nothing to check or decode
            return true;
        }
        m_decoded.clear();
        if (!decode(t, m_decoded)) {
            return false;
        }
        text(m_decoded);
        return true;
    }

    // Entities and character references in `t`, appended to `out`.
    bool decode(std::string_view t, std::string& out) {
        if (plain_ascii(t)) {
            out.append(t);
            return true;
        }
        if (!is_valid_utf8(t.data(), t.size())) {
            bad("text that is not UTF-8");
            return false;
        }
        if (t.find('&') == std::string_view::npos) {
            out.append(t);
            return true;
        }
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] != '&') {
                out.push_back(t[i]);
                continue;
            }
            const std::size_t semi = t.find(';', i);
            if (semi == std::string_view::npos || semi - i > 12) {
                bad("an '&' that starts no entity");
                return false;
            }
            const std::string_view e = t.substr(i + 1, semi - i - 1);
            if (e == "amp") {
                out.push_back('&');
            } else if (e == "lt") {
                out.push_back('<');
            } else if (e == "gt") {
                out.push_back('>');
            } else if (e == "quot") {
                out.push_back('"');
            } else if (e == "apos") {
                out.push_back('\'');
            } else if (e.size() >= 2 && e[0] == '#') {
                unsigned long cp = 0;
                const bool hex = e[1] == 'x' || e[1] == 'X';
                const std::string_view digits = e.substr(hex ? 2 : 1);
                const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
                if (r.ec != std::errc{} || r.ptr != digits.data() + digits.size() || cp == 0 ||
                    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    bad("a character reference that is not a character");
                    return false;
                }
                append_utf8(cp, out);
            } else {
                bad(msgf("an unknown entity &{};", e));
                return false;
            }
            i = semi;
        }
        return true;
    }

    static void append_utf8(unsigned long cp, std::string& out) {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    // ASCII without '&': text that needs neither decoding nor a UTF-8 check.
    static bool plain_ascii(std::string_view t) {
        for (const char c : t) {
            if (c == '&' || static_cast<unsigned char>(c) >= 0x80) {
                return false;
            }
        }
        return true;
    }


    static void on_start(void* self, const char* name, const char** attrs) {
        static_cast<XmlEntry*>(self)->start(local(name), attrs);
    }
    static void on_end(void* self, const char* name) { static_cast<XmlEntry*>(self)->end(local(name)); }
    static void on_text(void* self, const char* s, int len) {
        static_cast<XmlEntry*>(self)->text(std::string_view(s, static_cast<std::size_t>(len)));
    }

    std::string m_path;
    std::string m_entry;
    zip_file_t* m_file = nullptr;
    XML_Parser m_parser = nullptr;
    std::array<char, 64 * 1024> m_chunk{};
    // inflate_ahead()'s thread and the chunks it hands over.
    std::thread m_inflater;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<std::vector<char>> m_full;   // guarded by m_mutex
    std::vector<std::vector<char>> m_spare; // guarded by m_mutex
    bool m_inflated_end = false;            // guarded by m_mutex
    bool m_inflater_stop = false;           // guarded by m_mutex
    std::string m_inflate_error;            // guarded by m_mutex
    std::vector<char> m_inflated;           // the chunk being parsed
    bool m_done = false;
    std::string m_error;
    long m_error_line = 1;
    // The fast scanner's state.
    bool m_fast = false;
    std::string m_pending;
    int m_depth = 0;
    std::string m_attr_text;
    std::vector<std::size_t> m_attr_offsets;
    std::vector<const char*> m_attrs;
    std::string m_decoded;
};

} // namespace careerstat::io::xlsx_detail
