#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace casefile {

/// Every stored time is a UTC instant with nanosecond resolution (Windows event XML carries up
/// to nine decimals).
using Timestamp = std::chrono::sys_time<std::chrono::nanoseconds>;

/// A time as written in a case or a log: the UTC instant plus the text it came from, so a case
/// file can be saved back exactly as the analyst wrote it.
struct Time {
    Timestamp utc{};
    std::string original;   ///< as written; empty for times casefile computed
    bool date_only = false; ///< "2025-11-10": a whole UTC day, shown without a clock time

    bool operator==(const Time& other) const {
        return utc == other.utc && date_only == other.date_only;
    }
};

struct TimeParseOptions {
    /// Zone applied to a time written without one (IANA name such as "Europe/Berlin", or
    /// "UTC"); empty means such a time is an error.
    std::string default_zone;
    /// Accept a bare date ("2025-11-10") as a whole UTC day.
    bool allow_date_only = false;
};

/// Parses RFC 3339 ("2025-11-11T13:42:18.5Z", "2025-11-11T08:42:18-05:00"), the same with a
/// space instead of 'T' and optional seconds, and a named zone after the clock time
/// ("2025-11-11 13:42 America/New_York", "... UTC"). Errors say what was expected.
[[nodiscard]] Result<Time> parse_time(std::string_view text, const TimeParseOptions& options = {});

/// True when `name` is "UTC" or a zone in the system's IANA database.
[[nodiscard]] bool is_known_zone(std::string_view name);

/// RFC 3339 in UTC with 'Z': no fraction when the instant is on a whole second, else 3, 6 or 9
/// digits, whichever is exact.
[[nodiscard]] std::string format_rfc3339(Timestamp t);

/// format_rfc3339, or "YYYY-MM-DD" for a date-only time.
[[nodiscard]] std::string format_time(const Time& t);

/// A short human duration: "2 h 35 min", "45 s", "3 d 4 h"; negative durations get a '-'.
[[nodiscard]] std::string format_duration(std::chrono::nanoseconds d);

} // namespace casefile
