#include "render/markdown/markdown_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include <fmt/format.h>

#include "core/text.hpp"

namespace casefile::render::markdown {
namespace {

/// Decodes the UTF-8 sequence at s[i] (already validated); returns code point and length.
std::pair<uint32_t, size_t> decode(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return static_cast<uint8_t>(s[i + k]); };
    if (b(0) < 0x80) {
        return {b(0), 1};
    }
    if ((b(0) & 0xE0) == 0xC0) {
        return {((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu), 2};
    }
    if ((b(0) & 0xF0) == 0xE0) {
        return {((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu), 3};
    }
    return {((b(0) & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) |
                (b(3) & 0x3Fu),
            4};
}

bool must_show(uint32_t cp) {
    const bool c0 = cp < 0x20 && cp != '\t' && cp != '\n';
    const bool c1 = cp >= 0x7F && cp <= 0x9F;
    const bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
                      cp == 0x200E || cp == 0x200F || cp == 0x061C;
    return c0 || c1 || bidi;
}

size_t longest_backtick_run(std::string_view s) {
    size_t longest = 0;
    size_t run = 0;
    for (const char c : s) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

/// Characters that, first on a line, start a Markdown block.
bool starts_block(std::string_view line) {
    if (line.empty()) {
        return false;
    }
    const char c = line.front();
    if (c == '#' || c == '>' || c == '=' || c == '|' || c == '[') {
        return true;
    }
    if ((c == '-' || c == '+' || c == '*') &&
        (line.size() == 1 || line[1] == ' ' || line[1] == '\t' || line[1] == c)) {
        return true;
    }
    if (c == '`' || c == '~') {
        return line.starts_with("```") || line.starts_with("~~~");
    }
    // "1." or "1)" starts an ordered list.
    size_t digits = 0;
    while (digits < line.size() && digits < 10 && line[digits] >= '0' && line[digits] <= '9') {
        ++digits;
    }
    return digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')');
}

/// "&amp;", "&#x202E;", "&lrm;": would decode to a character, possibly an invisible one.
bool looks_like_entity(std::string_view s) {
    size_t i = 1;
    while (i < s.size() && i < 40 &&
           (std::isalnum(static_cast<unsigned char>(s[i])) != 0 || s[i] == '#')) {
        ++i;
    }
    return i > 1 && i < s.size() && s[i] == ';';
}

std::string escape_line(std::string_view line) {
    std::string out;
    out.reserve(line.size() + 8);
    // Leading spaces would make an indented code block or hide a block marker behind them.
    size_t start = 0;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) {
        ++start;
    }
    line.remove_prefix(start);
    if (starts_block(line)) {
        size_t digits = 0;
        while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') {
            ++digits;
        }
        out.append(line.substr(0, digits));
        out += '\\';
        line.remove_prefix(digits);
    }
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '<') {
            out += "&lt;";
        } else if (c == '&' && looks_like_entity(line.substr(i))) {
            out += "&amp;";
        } else if (c == ']' && i + 1 < line.size() && (line[i + 1] == '(' || line[i + 1] == '[')) {
            out += "]\\";
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

std::string neutralize_controls(std::string_view text) {
    const std::string valid = sanitize_utf8(text);
    std::string out;
    out.reserve(valid.size());
    for (size_t i = 0; i < valid.size();) {
        const auto [cp, len] = decode(valid, i);
        if (cp == '\r' && i + 1 < valid.size() && valid[i + 1] == '\n') {
            ++i; // CRLF line ends read as LF
            continue;
        }
        if (must_show(cp)) {
            out += fmt::format("[U+{:04X}]", cp);
        } else {
            out.append(valid, i, len);
        }
        i += len;
    }
    return out;
}

std::string escape_prose(std::string_view text) {
    const std::string clean = neutralize_controls(trim(text));
    std::string out;
    bool first = true;
    for (const std::string_view line : split_lines(clean)) {
        if (!first) {
            out += '\n';
        }
        first = false;
        out += escape_line(line);
    }
    return out;
}

std::string list_item(std::string_view text) {
    const std::string escaped = escape_prose(text);
    std::string out = "- ";
    for (const char c : escaped) {
        out += c;
        if (c == '\n') {
            out += "  ";
        }
    }
    // Blank continuation lines must not carry the indent spaces.
    std::string tidy;
    for (const std::string_view line : split_lines(out)) {
        tidy += trim(line).empty() ? std::string() : std::string(line);
        tidy += '\n';
    }
    return tidy;
}

std::string code_block(std::string_view content, std::string_view language) {
    std::string body = neutralize_controls(content);
    while (!body.empty() && body.back() == '\n') {
        body.pop_back();
    }
    const std::string fence(std::max<size_t>(3, longest_backtick_run(body) + 1), '`');
    return fmt::format("{}{}\n{}\n{}\n", fence, language, body, fence);
}

std::string html_text(std::string_view text) {
    std::string out = escape_markup(neutralize_controls(text));
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

std::string table_cell(std::string_view text) {
    std::string one_line(text);
    std::replace(one_line.begin(), one_line.end(), '\n', ' ');
    std::string out;
    for (const char c : escape_prose(one_line)) {
        if (c == '|') {
            out += '\\';
        }
        out += c;
    }
    return out;
}

std::string inline_code(std::string_view code) {
    std::string clean = neutralize_controls(code);
    std::replace(clean.begin(), clean.end(), '\n', ' ');
    const std::string ticks(longest_backtick_run(clean) + 1, '`');
    const bool pad = !clean.empty() && (clean.front() == '`' || clean.back() == '`');
    return pad ? fmt::format("{} {} {}", ticks, clean, ticks) : ticks + clean + ticks;
}

} // namespace casefile::render::markdown
