#include "core/time.hpp"

#include <cstdint>
#include <optional>

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

namespace casefile {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::nanoseconds;
using std::chrono::seconds;

constexpr const char* kTimeExample = "2025-11-11T13:42:18Z";
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;

/// A cursor over the time text; every reader returns false without consuming on mismatch.
class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}

    bool done() const { return pos_ >= text_.size(); }
    char peek() const { return done() ? '\0' : text_[pos_]; }
    std::string_view rest() const { return text_.substr(pos_); }

    bool take(char c) {
        if (peek() != c) {
            return false;
        }
        ++pos_;
        return true;
    }

    /// Reads exactly `n` decimal digits.
    bool digits(int n, int& out) {
        if (pos_ + static_cast<size_t>(n) > text_.size()) {
            return false;
        }
        int value = 0;
        for (int i = 0; i < n; ++i) {
            const char c = text_[pos_ + static_cast<size_t>(i)];
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        pos_ += static_cast<size_t>(n);
        out = value;
        return true;
    }

    /// Reads a decimal fraction after '.', keeping nanosecond precision.
    bool fraction(nanoseconds& out) {
        size_t start = pos_;
        int64_t value = 0;
        int used = 0;
        while (!done() && peek() >= '0' && peek() <= '9') {
            if (used < 9) {
                value = value * 10 + (peek() - '0');
                ++used;
            }
            ++pos_;
        }
        if (pos_ == start) {
            return false;
        }
        for (; used < 9; ++used) {
            value *= 10;
        }
        out = nanoseconds(value);
        return true;
    }

    void skip_spaces() {
        while (peek() == ' ') {
            ++pos_;
        }
    }

private:
    std::string_view text_;
    size_t pos_ = 0;
};

tl::unexpected<Error> malformed(std::string_view text, std::string_view what) {
    return fail(
        ErrorCode::bad_input, fmt::format("malformed time '{}': {}", text, what),
        fmt::format("write RFC 3339 UTC such as {} or add an offset (+01:00)", kTimeExample));
}

/// Parses "+HH:MM", "+HHMM" or "+HH" (after the sign) into an offset east of UTC.
std::optional<minutes> read_offset(Cursor& in) {
    const char sign = in.peek();
    if (sign != '+' && sign != '-') {
        return std::nullopt;
    }
    in.take(sign);
    int h = 0;
    int m = 0;
    if (!in.digits(2, h)) {
        return std::nullopt;
    }
    if (!in.done()) {
        in.take(':');
        if (!in.digits(2, m)) {
            return std::nullopt;
        }
    }
    if (h > 23 || m > 59) {
        return std::nullopt;
    }
    const minutes offset = hours(h) + minutes(m);
    return sign == '-' ? -offset : offset;
}

} // namespace

bool is_known_zone(std::string_view name) {
    if (name == "UTC" || name == "GMT" || name == "Z") {
        return true;
    }
    try {
        (void)date::locate_zone(name);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

Result<Time> parse_time(std::string_view text, const TimeParseOptions& options) {
    Cursor in(text);
    int year = 0;
    int month = 0;
    int day = 0;
    if (!in.digits(4, year) || !in.take('-') || !in.digits(2, month) || !in.take('-') ||
        !in.digits(2, day)) {
        return malformed(text, "expected a date as YYYY-MM-DD");
    }
    // Nanosecond timestamps span 1677-2262; anything outside this range is a typo anyway.
    if (year < kMinYear || year > kMaxYear) {
        return malformed(text, fmt::format("year {} is outside {}-{}", year, kMinYear, kMaxYear));
    }
    const date::year_month_day ymd{date::year(year), date::month(static_cast<unsigned>(month)),
                                   date::day(static_cast<unsigned>(day))};
    if (!ymd.ok()) {
        return malformed(text, "no such calendar date");
    }
    const date::sys_days days(ymd);
    if (in.done()) {
        if (!options.allow_date_only) {
            return malformed(text, "a clock time and zone are needed here, not only a date");
        }
        return Time{Timestamp(days), std::string(text), true};
    }
    if (!in.take('T') && !in.take('t') && !in.take(' ')) {
        return malformed(text, "expected 'T' between date and time");
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    nanoseconds fraction{0};
    if (!in.digits(2, hour) || !in.take(':') || !in.digits(2, minute)) {
        return malformed(text, "expected the clock time as HH:MM[:SS]");
    }
    if (in.take(':')) {
        if (!in.digits(2, second)) {
            return malformed(text, "expected two digits of seconds");
        }
        if (in.take('.') || in.take(',')) {
            if (!in.fraction(fraction)) {
                return malformed(text, "expected digits after the decimal point");
            }
        }
    }
    if (hour > 23 || minute > 59 || second > 59) {
        return malformed(text, "hour, minute or second out of range");
    }
    const nanoseconds clock = hours(hour) + minutes(minute) + seconds(second) + fraction;

    // Zone: 'Z', a numeric offset, or (after a space) UTC/GMT or an IANA zone name.
    if (in.take('Z') || in.take('z')) {
        if (!in.done()) {
            return malformed(text, "unexpected text after 'Z'");
        }
        return Time{Timestamp(days) + clock, std::string(text), false};
    }
    if (in.peek() == '+' || in.peek() == '-') {
        const auto offset = read_offset(in);
        if (!offset || !in.done()) {
            return malformed(text, "expected an offset such as +01:00 or -05:00");
        }
        return Time{Timestamp(days) + clock - *offset, std::string(text), false};
    }
    in.skip_spaces();
    std::string zone(in.rest());
    if (zone.empty()) {
        zone = options.default_zone;
        if (zone.empty()) {
            return fail(ErrorCode::bad_input,
                        fmt::format("time '{}' has no zone, so it is ambiguous", text),
                        "append 'Z' for UTC or an offset such as +01:00, or set 'timezone:' "
                        "in case.yaml to the zone your times are written in");
        }
    }
    if (zone == "UTC" || zone == "GMT" || zone == "Z") {
        return Time{Timestamp(days) + clock, std::string(text), false};
    }
    try {
        const date::time_zone* tz = date::locate_zone(zone);
        const auto local = date::local_days(ymd) + clock;
        const auto utc = tz->to_sys(local, date::choose::earliest);
        return Time{Timestamp(utc), std::string(text), false};
    } catch (const std::exception&) {
        return fail(ErrorCode::bad_input, fmt::format("unknown time zone '{}' in '{}'", zone, text),
                    "use an IANA zone name such as Europe/Berlin or America/New_York, or an "
                    "offset such as +01:00");
    }
}

std::string format_rfc3339(Timestamp t) {
    const auto day = std::chrono::floor<date::days>(t);
    const date::year_month_day ymd(day);
    const date::hh_mm_ss<nanoseconds> clock(t - day);
    const auto ns = clock.subseconds().count();
    std::string frac;
    if (ns % 1'000'000'000 != 0) {
        if (ns % 1'000'000 == 0) {
            frac = fmt::format(".{:03}", ns / 1'000'000);
        } else if (ns % 1'000 == 0) {
            frac = fmt::format(".{:06}", ns / 1'000);
        } else {
            frac = fmt::format(".{:09}", ns);
        }
    }
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}Z", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                       clock.hours().count(), clock.minutes().count(), clock.seconds().count(),
                       frac);
}

std::string format_time(const Time& t) {
    if (t.date_only) {
        const date::year_month_day ymd(std::chrono::floor<date::days>(t.utc));
        return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                           static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    }
    return format_rfc3339(t.utc);
}

std::string format_duration(nanoseconds d) {
    const bool negative = d < nanoseconds(0);
    auto total = std::chrono::duration_cast<seconds>(negative ? -d : d).count();
    const int64_t days = total / 86400;
    const int64_t h = total % 86400 / 3600;
    const int64_t m = total % 3600 / 60;
    const int64_t s = total % 60;
    std::string out;
    if (days > 0) {
        out = h > 0 ? fmt::format("{} d {} h", days, h) : fmt::format("{} d", days);
    } else if (h > 0) {
        out = m > 0 ? fmt::format("{} h {} min", h, m) : fmt::format("{} h", h);
    } else if (m > 0) {
        out = s > 0 ? fmt::format("{} min {} s", m, s) : fmt::format("{} min", m);
    } else {
        out = fmt::format("{} s", s);
    }
    return negative ? "-" + out : out;
}

} // namespace casefile
