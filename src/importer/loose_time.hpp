// Times as analysts write them in reports: RFC 3339 and its relatives, "Nov 11, 2025 13:42
// UTC", "11 Nov 2025 13:42", "2025/11/11 13:42", bracketed or bold, or a bare clock time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace casefile::importer {

struct LooseTime {
    Time time;
    size_t length = 0;         ///< characters of the input the time took
    bool zone_assumed = false; ///< no zone was written; `assume_zone` was applied
    bool date_assumed = false; ///< only a clock time was written; `default_date` was used
};

struct LooseTimeOptions {
    std::string assume_zone = "UTC"; ///< zone for times written without one
    std::string default_date;        ///< "YYYY-MM-DD" for a bare clock time; empty: no date
    bool allow_date_only = false;    ///< accept "2025-11-10" alone
};

/// Reads a time at the start of `text` (after leading spaces). The result's Time has an empty
/// `original`: the importer stores canonical UTC times.
[[nodiscard]] std::optional<LooseTime> parse_loose_time(std::string_view text,
                                                        const LooseTimeOptions& options);

/// A time at the start of a list item, with the decoration around it removed:
/// "**[2025-11-11T18:50:00Z]** text", "[...] text", "2025-11-11 18:50 UTC — text",
/// "(18:50 UTC) text", "18:50Z: text". Returns the time and the rest of the text.
struct TimedText {
    std::optional<LooseTime> time;
    std::string rest;
};
[[nodiscard]] TimedText split_leading_time(std::string_view text, const LooseTimeOptions& options);

} // namespace casefile::importer
