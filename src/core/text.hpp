#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casefile {

/// Removes ASCII whitespace at both ends.
[[nodiscard]] std::string_view trim(std::string_view s);

/// ASCII lower-casing (indicator and key comparisons never need locale rules).
[[nodiscard]] std::string to_lower(std::string_view s);

/// Splits on '\n', dropping a '\r' before it; a trailing newline gives no empty last line.
[[nodiscard]] std::vector<std::string_view> split_lines(std::string_view s);

[[nodiscard]] bool starts_with_icase(std::string_view s, std::string_view prefix);
[[nodiscard]] bool equals_icase(std::string_view a, std::string_view b);

/// Levenshtein distance, for "did you mean" suggestions.
[[nodiscard]] size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely typo, else "".
[[nodiscard]] std::string closest_match(std::string_view word,
                                        const std::vector<std::string_view>& candidates);

/// True when `s` is valid UTF-8 (no overlongs, no surrogates, no code point above U+10FFFF).
[[nodiscard]] bool is_valid_utf8(std::string_view s);

/// Offset of the first byte that does not start a valid UTF-8 sequence; npos when `s` is valid.
[[nodiscard]] size_t invalid_utf8_offset(std::string_view s);

/// 1-based line and column (in bytes) of `offset` in `text`.
[[nodiscard]] std::pair<int, int> line_and_column(std::string_view text, size_t offset);

/// Replaces every invalid UTF-8 sequence with U+FFFD so the text can be shown safely.
[[nodiscard]] std::string sanitize_utf8(std::string_view s);

/// 0-15 for a hex digit of either case, -1 for anything else.
[[nodiscard]] constexpr int hex_digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/// Escapes & < > " ' for XML and HTML text and attribute values; other bytes pass through.
[[nodiscard]] std::string escape_markup(std::string_view s);

/// Appends `s` as a JSON string literal: quotes, backslashes and controls escaped (\b \f \n \r
/// \t, else \u00xx), everything else as is. `s` must be valid UTF-8.
void append_json_string(std::string& out, std::string_view s);

/// Joins with a separator.
[[nodiscard]] std::string join(const std::vector<std::string>& parts, std::string_view sep);

} // namespace casefile
