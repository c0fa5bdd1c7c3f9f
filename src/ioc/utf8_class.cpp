#include "ioc/utf8_class.hpp"

#include <cstdint>

namespace casefile::ioc::detail {

namespace {

bool is_word_code_point(uint32_t cp) {
    if (cp < 0xC0) {
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA; // ª µ º; the rest is Latin-1 punctuation
    }
    if (cp == 0xD7 || cp == 0xF7) {
        return false; // × ÷
    }
    if (cp >= 0x2000 && cp <= 0x2BFF) {
        return false; // general punctuation, arrows, maths, box drawing, dingbats
    }
    if (cp >= 0x3000 && cp <= 0x303F) {
        return false; // CJK punctuation
    }
    if (cp >= 0xD800 && cp <= 0xF8FF) {
        return false; // surrogates, private use
    }
    if (cp >= 0xFE10 && cp <= 0xFE6F) {
        return false; // vertical and small forms
    }
    if ((cp >= 0xFF00 && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
        (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0xFFF0 && cp <= 0xFFFF)) {
        return false; // fullwidth punctuation ("https://example.com＞"), specials
    }
    return cp < 0x1F000; // emoji and pictographs end a name
}

} // namespace

size_t utf8_word_char(const char* p, const char* end) {
    const auto b0 = static_cast<unsigned char>(p[0]);
    size_t len = 0;
    uint32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0Fu;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07u;
    } else {
        return 0;
    }
    if (static_cast<size_t>(end - p) < len) {
        return 0;
    }
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(p[k]);
        if ((b & 0xC0u) != 0x80u) {
            return 0;
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
        return 0; // overlong or out of range
    }
    return is_word_code_point(cp) ? len : 0;
}

} // namespace casefile::ioc::detail
