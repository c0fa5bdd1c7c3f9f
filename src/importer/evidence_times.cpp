#include "importer/evidence_times.hpp"

namespace casefile::importer {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// True when text[pos..] has `pattern`, where '9' stands for any digit.
bool matches(std::string_view text, size_t pos, std::string_view pattern) {
    if (pos + pattern.size() > text.size()) {
        return false;
    }
    for (size_t i = 0; i < pattern.size(); ++i) {
        const char c = text[pos + i];
        if (pattern[i] == '9' ? !is_digit(c) : c != pattern[i]) {
            return false;
        }
    }
    return true;
}

/// Length of the timestamp starting at `pos` ("2025-11-11T13:42:18.5Z", "... 13:42 UTC"), or 0.
size_t timestamp_length(std::string_view text, size_t pos) {
    if (!matches(text, pos, "9999-99-99") || pos + 10 >= text.size() ||
        (text[pos + 10] != 'T' && text[pos + 10] != ' ') || !matches(text, pos + 11, "99:99")) {
        return 0;
    }
    size_t end = pos + 16;
    if (matches(text, end, ":99")) {
        end += 3;
        if (end < text.size() && text[end] == '.') {
            size_t digits = end + 1;
            while (digits < text.size() && is_digit(text[digits])) {
                ++digits;
            }
            end = digits > end + 1 ? digits : end;
        }
    }
    if (end < text.size() && text[end] == 'Z') {
        return end + 1 - pos;
    }
    if (end < text.size() && (text[end] == '+' || text[end] == '-')) {
        if (matches(text, end + 1, "99:99")) {
            return end + 6 - pos;
        }
        if (matches(text, end + 1, "9999")) {
            return end + 5 - pos;
        }
        return 0;
    }
    if (matches(text, end, " UTC")) {
        return end + 4 - pos;
    }
    return 0;
}

} // namespace

std::vector<Time> find_timestamps(std::string_view text) {
    std::vector<Time> out;
    for (size_t i = 0; i + 16 <= text.size(); ++i) {
        if (i > 0 && is_digit(text[i - 1])) {
            continue;
        }
        const size_t length = timestamp_length(text, i);
        if (length == 0) {
            continue;
        }
        if (auto t = parse_time(text.substr(i, length))) {
            out.push_back(*t);
        }
        i += length - 1;
    }
    return out;
}

std::optional<Time> earliest_evidence_time(const model::Case& c) {
    std::optional<Time> best;
    for (size_t i = 0; i < c.logs.size(); ++i) {
        std::vector<Time> times;
        if (c.logs[i].time) {
            times.push_back(*c.logs[i].time);
        } else {
            times = find_timestamps(c.logs[i].text);
        }
        for (const Time& t : times) {
            if (!best || t.utc < best->utc) {
                best = t;
            }
        }
    }
    return best;
}

} // namespace casefile::importer
