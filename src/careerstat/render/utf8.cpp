#include "careerstat/render/utf8.hpp"

namespace careerstat::render::utf8 {

namespace {

constexpr char32_t k_invalid = 0xFFFFFFFF;
constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD
constexpr std::string_view k_ellipsis = "\xE2\x80\xA6";    // U+2026

struct Decoded {
    char32_t code_point; // k_invalid for a byte that starts no valid sequence
    std::size_t length;
};

// One code point at text[at]; overlong forms, surrogates and values past U+10FFFF are
// invalid, so each of their bytes is replaced on its own.
Decoded decode(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) {
        return {lead, 1};
    }
    std::size_t length = 0;
    char32_t code_point = 0;
    char32_t smallest = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        code_point = lead & 0x1F;
        smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        code_point = lead & 0x0F;
        smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        code_point = lead & 0x07;
        smallest = 0x10000;
    } else {
        return {k_invalid, 1};
    }
    if (at + length > text.size()) {
        return {k_invalid, 1};
    }
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[at + i]);
        if ((next & 0xC0) != 0x80) {
            return {k_invalid, 1};
        }
        code_point = (code_point << 6) | (next & 0x3F);
    }
    if (code_point < smallest || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
        return {k_invalid, 1};
    }
    return {code_point, length};
}

bool is_zero_width(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || // combining diacritics, as in e + U+0301
           (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x200B && c <= 0x200F) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0xFEFF;
}

bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

std::size_t width_of(char32_t c) {
    if (c == k_invalid) {
        return 1;
    }
    if (is_zero_width(c)) {
        return 0;
    }
    return is_wide(c) ? 2 : 1;
}

bool is_control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

} // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t at = 0; at < text.size();) {
        const Decoded d = decode(text, at);
        width += width_of(d.code_point);
        at += d.length;
    }
    return width;
}

namespace {

// Copies text, with U+FFFD for invalid bytes and, when asked, a space for controls.
std::string clean(std::string_view text, bool controls_to_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const Decoded d = decode(text, at);
        if (d.code_point == k_invalid) {
            out += k_replacement;
        } else if (controls_to_space && is_control(d.code_point)) {
            out += ' ';
        } else {
            out += text.substr(at, d.length);
        }
        at += d.length;
    }
    return out;
}

} // namespace

std::string repair(std::string_view text) { return clean(text, false); }

std::string printable(std::string_view text) { return clean(text, true); }

std::string truncate(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) {
        return std::string(text);
    }
    if (width == 0) {
        return {};
    }
    std::string out;
    std::size_t used = 0;
    for (std::size_t at = 0; at < text.size();) {
        const Decoded d = decode(text, at);
        const std::size_t w = width_of(d.code_point);
        if (used + w > width - 1) {
            break;
        }
        out += d.code_point == k_invalid ? k_replacement : text.substr(at, d.length);
        used += w;
        at += d.length;
    }
    out += k_ellipsis;
    return out;
}

} // namespace careerstat::render::utf8
