#include "importer/loose_time.hpp"

#include <array>
#include <cctype>

#include <fmt/format.h>

#include "core/text.hpp"

namespace casefile::importer {
namespace {

class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}
    [[nodiscard]] size_t pos() const { return pos_; }
    void reset(size_t p) { pos_ = p; }
    [[nodiscard]] char peek(size_t ahead = 0) const {
        return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0';
    }
    bool take(char c) {
        if (peek() == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    void spaces() {
        while (peek() == ' ' || peek() == '\t') {
            ++pos_;
        }
    }
    /// Between `min` and `max` digits.
    bool number(int min, int max, int& out) {
        int n = 0;
        int value = 0;
        while (n < max && std::isdigit(static_cast<unsigned char>(peek())) != 0) {
            value = value * 10 + (peek() - '0');
            ++pos_;
            ++n;
        }
        if (n < min) {
            pos_ -= static_cast<size_t>(n);
            return false;
        }
        out = value;
        return true;
    }
    std::string word() {
        std::string out;
        while (std::isalpha(static_cast<unsigned char>(peek())) != 0) {
            out += peek();
            ++pos_;
        }
        return out;
    }
    [[nodiscard]] std::string_view rest() const { return s_.substr(pos_); }

private:
    std::string_view s_;
    size_t pos_ = 0;
};

int month_number(std::string_view name) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    const std::string lower = to_lower(name);
    if (lower.size() < 3) {
        return 0;
    }
    for (size_t i = 0; i < kMonths.size(); ++i) {
        if (lower.starts_with(kMonths[i])) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
};

/// 2025-11-11, 2025/11/11, 11/11/2025 (US order unless the first number exceeds 12),
/// Nov 11, 2025, 11 Nov 2025, November 11 2025.
bool read_date(Reader& r, Date& d) {
    const size_t start = r.pos();
    int a = 0;
    if (r.number(4, 4, a) && (r.peek() == '-' || r.peek() == '/')) {
        const char sep = r.peek();
        r.take(sep);
        if (r.number(1, 2, d.month) && r.take(sep) && r.number(1, 2, d.day)) {
            d.year = a;
            return true;
        }
    }
    r.reset(start);
    if (r.number(1, 2, a)) {
        int b = 0;
        if (r.take('/') && r.number(1, 2, b) && r.take('/') && r.number(4, 4, d.year)) {
            d.month = a > 12 ? b : a;
            d.day = a > 12 ? a : b;
            return true;
        }
        r.reset(start);
        r.number(1, 2, a);
        r.spaces();
        const int m = month_number(r.word());
        r.take('.');
        r.take(',');
        r.spaces();
        if (m != 0 && r.number(4, 4, d.year)) {
            d.month = m;
            d.day = a;
            return true;
        }
    }
    r.reset(start);
    const int m = month_number(r.word());
    r.take('.');
    r.spaces();
    if (m != 0 && r.number(1, 2, d.day)) {
        while (r.peek() == 's' || r.peek() == 't' || r.peek() == 'n' || r.peek() == 'd' ||
               r.peek() == 'r' || r.peek() == 'h') {
            r.take(r.peek()); // 1st, 2nd, 11th
        }
        r.take(',');
        r.spaces();
        if (r.number(4, 4, d.year)) {
            d.month = m;
            return true;
        }
    }
    r.reset(start);
    return false;
}

struct Clock {
    int hour = 0;
    int minute = 0;
    int second = 0;
    std::string fraction;
};

bool read_clock(Reader& r, Clock& c) {
    const size_t start = r.pos();
    if (!r.number(1, 2, c.hour) || !r.take(':') || !r.number(2, 2, c.minute)) {
        r.reset(start);
        return false;
    }
    if (r.peek() == ':' && std::isdigit(static_cast<unsigned char>(r.peek(1))) != 0) {
        r.take(':');
        r.number(2, 2, c.second);
        if (r.peek() == '.' && std::isdigit(static_cast<unsigned char>(r.peek(1))) != 0) {
            r.take('.');
            while (std::isdigit(static_cast<unsigned char>(r.peek())) != 0 &&
                   c.fraction.size() < 9) {
                c.fraction += r.peek();
                r.take(r.peek());
            }
        }
    }
    return c.hour < 24 && c.minute < 60 && c.second < 61;
}

/// Z, UTC, GMT, +01:00, -0500, an IANA zone, or a common abbreviation; "" when none.
std::string read_zone(Reader& r) {
    const size_t start = r.pos();
    if (r.take('Z')) {
        return "Z";
    }
    r.spaces();
    if (r.peek() == '+' || r.peek() == '-') {
        const char sign = r.peek();
        r.take(sign);
        int h = 0;
        int m = 0;
        if (r.number(2, 2, h)) {
            r.take(':');
            r.number(2, 2, m);
            return fmt::format("{}{:02}:{:02}", sign, h, m);
        }
        r.reset(start);
        return "";
    }
    std::string word = r.word();
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kAbbrev = {{
        {"UTC", "Z"},
        {"GMT", "Z"},
        {"EST", "-05:00"},
        {"EDT", "-04:00"},
        {"CST", "-06:00"},
        {"CDT", "-05:00"},
        {"MST", "-07:00"},
        {"MDT", "-06:00"},
        {"PST", "-08:00"},
        {"PDT", "-07:00"},
        {"CET", "+01:00"},
        {"CEST", "+02:00"},
    }};
    for (const auto& [abbrev, offset] : kAbbrev) {
        if (word == abbrev) {
            // "UTC+2" / "GMT-5".
            if (offset == "Z" && (r.peek() == '+' || r.peek() == '-')) {
                const char sign = r.peek();
                r.take(sign);
                int h = 0;
                if (r.number(1, 2, h)) {
                    return fmt::format("{}{:02}:00", sign, h);
                }
                r.reset(r.pos() - 1);
            }
            return std::string(offset);
        }
    }
    // An IANA name such as America/New_York.
    if (!word.empty() && r.peek() == '/') {
        std::string name = word;
        while (r.peek() == '/' || r.peek() == '_' ||
               std::isalpha(static_cast<unsigned char>(r.peek())) != 0) {
            name += r.peek();
            r.take(r.peek());
        }
        if (is_known_zone(name)) {
            return " " + name;
        }
    }
    r.reset(start);
    return "";
}

} // namespace

std::optional<LooseTime> parse_loose_time(std::string_view text, const LooseTimeOptions& options) {
    Reader r(text);
    r.spaces();
    Date date;
    bool have_date = read_date(r, date);
    bool date_assumed = false;
    Clock clock;
    bool have_clock = false;
    if (have_date) {
        const size_t after_date = r.pos();
        if (r.take('T') || r.take(' ') || r.take(',')) {
            r.spaces();
            if (r.peek() == 'a' && r.peek(1) == 't' && r.peek(2) == ' ') {
                r.take('a');
                r.take('t');
                r.spaces();
            }
        }
        have_clock = read_clock(r, clock);
        if (!have_clock) {
            r.reset(after_date);
        }
    } else {
        have_clock = read_clock(r, clock);
        if (!have_clock || options.default_date.empty()) {
            return std::nullopt;
        }
        Reader d(options.default_date);
        if (!read_date(d, date)) {
            return std::nullopt;
        }
        date_assumed = true;
    }
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) {
        return std::nullopt;
    }
    if (!have_clock) {
        if (!options.allow_date_only) {
            return std::nullopt;
        }
        auto t = parse_time(fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day),
                            TimeParseOptions{"", true});
        if (!t) {
            return std::nullopt;
        }
        t->original.clear();
        return LooseTime{*t, r.pos(), false, false};
    }
    const size_t before_zone = r.pos();
    std::string zone = read_zone(r);
    if (zone.empty()) {
        r.reset(before_zone);
    }
    const bool zone_assumed = zone.empty();
    std::string rfc = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", date.year, date.month,
                                  date.day, clock.hour, clock.minute, clock.second);
    if (!clock.fraction.empty()) {
        rfc += "." + clock.fraction;
    }
    rfc += zone;
    TimeParseOptions time_options;
    time_options.default_zone = options.assume_zone;
    auto t = parse_time(rfc, time_options);
    if (!t) {
        return std::nullopt;
    }
    t->original.clear();
    return LooseTime{*t, r.pos(), zone_assumed, date_assumed};
}

TimedText split_leading_time(std::string_view text, const LooseTimeOptions& options) {
    std::string_view s = trim(text);
    // Decoration before the time: "**", "[", "(", "`".
    size_t open = 0;
    while (open < s.size() && (s[open] == '*' || s[open] == '[' || s[open] == '(' ||
                               s[open] == '`' || s[open] == '_')) {
        ++open;
    }
    auto t = parse_loose_time(s.substr(open), options);
    if (!t) {
        return {std::nullopt, std::string(s)};
    }
    size_t at = open + t->length;
    while (at < s.size() && (s[at] == '*' || s[at] == ']' || s[at] == ')' || s[at] == '`' ||
                             s[at] == '_' || s[at] == ' ' || s[at] == '\t')) {
        ++at;
    }
    std::string_view rest = s.substr(at);
    for (std::string_view sep : {"\xE2\x80\x94", "\xE2\x80\x93", "-", ":", "|", "\xE2\x86\x92"}) {
        if (rest.starts_with(sep)) {
            rest.remove_prefix(sep.size());
            break;
        }
    }
    return {t, std::string(trim(rest))};
}

} // namespace casefile::importer
