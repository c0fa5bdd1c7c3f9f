#pragma once

#include <cstddef>

namespace casefile::ioc::detail {

/// Byte length of the UTF-8 sequence at `p` when it encodes a letter-like code point that can
/// be part of an internationalised host name or local part; 0 for punctuation, symbols, spaces,
/// emoji and invalid UTF-8. `p[0]` must be >= 0x80.
[[nodiscard]] size_t utf8_word_char(const char* p, const char* end);

} // namespace casefile::ioc::detail
