#include "intake/vendor_time.hpp"

#include <algorithm>
#include <cstdint>

#include <date/date.h>
#include <fmt/format.h>

#include "core/text.hpp"
#include "intake/json_fields.hpp"

namespace casefile::intake::detail {
namespace {

using std::chrono::nanoseconds;
using std::chrono::seconds;

/// Unix seconds below this are seconds; at or above it, milliseconds (1e11 s is year 5138,
/// 1e11 ms is 1973), the split every log tool uses.
constexpr int64_t kMillisecondsFrom = 100'000'000'000;
/// Year 2200 and beyond is no alert time; refusing it also keeps nanosecond counts in range.
constexpr int64_t kLatestSeconds = 7'258'118'400;
constexpr int64_t kLatestMilliseconds = kLatestSeconds * 1000;
constexpr int kEarliestYear = 1990;
constexpr int kLatestYear = 2199;

/// The year of RFC 3339 text, read before parse_time() so that years it cannot hold in
/// nanoseconds (beyond 2262) never reach it.
std::optional<int> leading_year(std::string_view text) {
    if (text.size() < 4 ||
        !std::all_of(text.begin(), text.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    return (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
}

bool is_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> epoch_text(const Json& value) {
    if (value.is_number()) {
        return scalar_text(&value);
    }
    if (!value.is_string()) {
        return std::nullopt;
    }
    const std::string_view text = trim(value.get_ref<const std::string&>());
    const size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    if (!is_digits(whole) || (dot != std::string_view::npos && !is_digits(text.substr(dot + 1)))) {
        return std::nullopt;
    }
    return std::string(text);
}

Result<Timestamp> parse_epoch(std::string_view text) {
    const size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
    if (!is_digits(whole) || whole.size() > 15 || (!fraction.empty() && !is_digits(fraction))) {
        return fail(ErrorCode::bad_input, fmt::format("'{}' is not a Unix time", text));
    }
    int64_t units = 0;
    for (const char c : whole) {
        units = units * 10 + (c - '0');
    }
    // Nanoseconds per unit, and the fraction's digits that still matter at that unit.
    const bool milliseconds = units >= kMillisecondsFrom;
    if (units > (milliseconds ? kLatestMilliseconds : kLatestSeconds)) {
        return fail(ErrorCode::bad_input, fmt::format("Unix time '{}' is centuries ahead", text));
    }
    const int64_t unit_ns = milliseconds ? 1'000'000 : 1'000'000'000;
    const size_t useful_digits = milliseconds ? 6 : 9;
    fraction = fraction.substr(0, std::min(fraction.size(), useful_digits));
    int64_t fraction_ns = 0;
    int64_t scale = unit_ns;
    for (const char c : fraction) {
        scale /= 10;
        fraction_ns += (c - '0') * scale;
    }
    return Timestamp(nanoseconds(units * unit_ns + fraction_ns));
}

bool plausible_year(int year) {
    return year >= kEarliestYear && year <= kLatestYear;
}

tl::unexpected<Error> placeholder(std::string_view text) {
    return fail(
        ErrorCode::bad_input,
        fmt::format("'{}' is not a real time (vendors write such dates for \"none\")", text));
}

} // namespace

bool is_epoch_value(const Json& value) {
    return epoch_text(value).has_value();
}

Result<Time> vendor_time(const Json& value) {
    Time time;
    if (const auto epoch = epoch_text(value)) {
        auto utc = parse_epoch(*epoch);
        if (!utc) {
            return tl::unexpected(utc.error());
        }
        time.utc = *utc;
    } else if (value.is_string()) {
        const std::string_view text = trim(value.get_ref<const std::string&>());
        if (const auto year = leading_year(text); year && !plausible_year(*year)) {
            return placeholder(text);
        }
        auto parsed = parse_time(text);
        if (!parsed) {
            return tl::unexpected(parsed.error());
        }
        time = *parsed;
    } else {
        return fail(ErrorCode::bad_input,
                    fmt::format("expected a time, found {}", describe(value)));
    }
    const auto year =
        static_cast<int>(date::year_month_day(std::chrono::floor<date::days>(time.utc)).year());
    if (!plausible_year(year)) {
        return placeholder(format_rfc3339(time.utc));
    }
    return time;
}

} // namespace casefile::intake::detail
