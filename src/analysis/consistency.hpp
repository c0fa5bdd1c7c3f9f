#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "analysis/analysis.hpp"
#include "model/case.hpp"

namespace casefile::analysis {

/// A clock time written in prose, such as "13:42 UTC".
struct WrittenClockTime {
    int minutes_of_day = 0;
    std::string_view text;
};

/// Clock times marked as UTC ("13:42 UTC", "13:42:18Z", "13:42 GMT") in free text.
[[nodiscard]] std::vector<WrittenClockTime> find_utc_clock_times(std::string_view text);

/// A claim such as "contained within 30 minutes", as a duration.
struct WithinClaim {
    std::chrono::minutes limit{0};
    std::string_view text;
};

/// "within / in under / in less than N minutes/hours" claims about stopping the incident (a
/// containment word earlier in the same sentence), with digits or the words one to twelve.
[[nodiscard]] std::vector<WithinClaim> find_within_claims(std::string_view text);

/// Appends findings about times that contradict each other: observed-at far from the
/// evidence (a whole-hour offset reads as local time taken as UTC), clock times in the prose
/// that disagree with observed-at, actions recorded before the alert, "within N minutes"
/// claims the recorded times contradict, and evidence the timeline cannot place.
void check_consistency(const model::Case& c, Analysis& a);

} // namespace casefile::analysis
