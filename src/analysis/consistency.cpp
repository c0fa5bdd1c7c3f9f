#include "analysis/consistency.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "analysis/timeline.hpp"
#include "core/text.hpp"

namespace casefile::analysis {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::nanoseconds;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// Whole hours in `d` when it is within five minutes of a whole number of hours from 1 to 14.
std::optional<long> whole_hours(nanoseconds d) {
    const double h = std::chrono::duration<double, std::ratio<3600>>(d).count();
    const double rounded = std::round(h);
    // Zones lie at most 14 h from UTC.
    if (std::abs(rounded) < 1 || std::abs(rounded) > 14 || std::abs(h - rounded) * 60 > 5) {
        return std::nullopt;
    }
    return static_cast<long>(rounded);
}

SourceLocation location(const model::Case& c, const std::string& key) {
    const auto it = c.locations.find(key);
    return it != c.locations.end() ? it->second : SourceLocation{};
}

void warn(Analysis& a, std::string message, std::string hint, SourceLocation where,
          std::string rule, std::string_view quote = {}) {
    a.findings.push_back(Diagnostic{DiagnosticLevel::warning, std::move(message), std::move(hint),
                                    std::move(where), std::move(rule), std::string(quote)});
}

void check_observed_at(const model::Case& c, Analysis& a) {
    const Metrics& m = a.metrics;
    const auto gap = m.time_to_detect();
    if (!gap || std::chrono::abs(*gap) < hours(1)) {
        return;
    }
    const TimelineRow* first = nullptr;
    for (const TimelineRow& row : a.timeline) {
        if (row.kind == TimelineKind::evidence) {
            first = &row;
            break;
        }
    }
    const auto h = whole_hours(*gap);
    // An alert some hours after the activity is an ordinary detection delay; only a whole-hour
    // offset (a zone mistake) or an alert before the activity is suspicious.
    if (!h && *gap > nanoseconds(0)) {
        return;
    }
    const std::string direction = *gap > nanoseconds(0) ? "after" : "before";
    std::string message = fmt::format(
        "observed_at {} is {} {} the earliest evidence ({}, {})",
        format_rfc3339(c.alert.observed_at.utc), format_duration(std::chrono::abs(*gap)), direction,
        first != nullptr ? first->origin : "evidence", format_rfc3339(*m.first_event));
    std::string hint = "check that observed_at is in UTC and matches the evidence";
    if (h) {
        message += fmt::format(": a whole {}-hour offset looks like local time taken as UTC",
                               std::labs(*h));
        hint = fmt::format("if the alert fired at {}, write observed_at as that time in UTC",
                           format_rfc3339(c.alert.observed_at.utc - hours(*h)));
    }
    warn(a, std::move(message), std::move(hint), location(c, "alert.observed_at"), "time-shift");
}

void check_prose_times(const model::Case& c, Analysis& a) {
    const auto since_midnight = [](Timestamp t) {
        const auto day = std::chrono::floor<std::chrono::days>(t);
        return std::chrono::duration_cast<minutes>(t - day).count();
    };
    const long observed = since_midnight(c.alert.observed_at.utc);
    const std::array<std::pair<const char*, const std::string*>, 3> texts = {
        std::pair{"alert.description", &c.alert.description}, std::pair{"summary", &c.summary},
        std::pair{"executive_summary", &c.executive_summary}};
    for (const auto& [key, text] : texts) {
        for (const WrittenClockTime& written : find_utc_clock_times(*text)) {
            long diff = std::labs(written.minutes_of_day - observed);
            diff = std::min(diff, 24 * 60 - diff);
            if (diff <= 15) {
                continue;
            }
            std::string message =
                fmt::format("{} says '{}' but observed_at is {}", key, written.text,
                            format_rfc3339(c.alert.observed_at.utc));
            if (diff % 60 <= 5 || diff % 60 >= 55) {
                message += fmt::format(" ({} h apart: one of them is probably local time)",
                                       (diff + 5) / 60);
            }
            warn(a, std::move(message), "make the prose and observed_at agree, both in UTC",
                 location(c, key), "time-contradiction", written.text);
        }
    }
}

void check_actions_before_alert(const model::Case& c, Analysis& a) {
    for (const model::Action& action : c.actions) {
        if (action.time && action.time->utc < c.alert.observed_at.utc) {
            warn(a,
                 fmt::format("action '{}' at {} is recorded before the alert was observed ({})",
                             action.text, format_time(*action.time),
                             format_rfc3339(c.alert.observed_at.utc)),
                 "check the action's time and zone, or the alert's observed_at", action.where,
                 "action-before-alert");
        }
    }
}

void check_within_claims(const model::Case& c, Analysis& a) {
    const Metrics& m = a.metrics;
    if (!m.first_containment) {
        return;
    }
    // "Contained within N minutes" is measured from the start of the incident: the first
    // malicious event when the evidence has one, else the detection.
    const bool from_evidence = m.first_event.has_value();
    const Timestamp start = from_evidence ? *m.first_event : *m.detection;
    const nanoseconds took = *m.first_containment - start;
    const std::array<std::pair<const char*, const std::string*>, 3> texts = {
        std::pair{"summary", &c.summary}, std::pair{"executive_summary", &c.executive_summary},
        std::pair{"alert.description", &c.alert.description}};
    for (const auto& [key, text] : texts) {
        for (const WithinClaim& claim : find_within_claims(*text)) {
            if (took <= claim.limit + minutes(1)) {
                continue;
            }
            warn(a,
                 fmt::format(
                     "{} claims '{}', but the first containment action ({}) came {} after "
                     "the {} ({})",
                     key, claim.text, format_rfc3339(*m.first_containment), format_duration(took),
                     from_evidence ? "first malicious event" : "detection", format_rfc3339(start)),
                 "correct the claim or the recorded times (check their zones)", location(c, key),
                 "claim-contradicted", claim.text);
        }
    }
}

void report_untimed(Analysis& a) {
    for (const UntimedEvidence& u : a.untimed) {
        warn(a,
             fmt::format("{} has no timestamp: {}; the timeline lists it separately", u.label,
                         u.reason),
             "add 'time:' to its entry in case.yaml if you know when it happened", u.where,
             "untimed-evidence");
    }
}

} // namespace

std::vector<WrittenClockTime> find_utc_clock_times(std::string_view text) {
    std::vector<WrittenClockTime> out;
    for (size_t i = 0; i + 5 <= text.size(); ++i) {
        if (!(is_digit(text[i]) && is_digit(text[i + 1]) && text[i + 2] == ':' &&
              is_digit(text[i + 3]) && is_digit(text[i + 4]))) {
            continue;
        }
        if (i > 0 && (is_digit(text[i - 1]) || text[i - 1] == ':')) {
            continue;
        }
        size_t end = i + 5;
        if (end + 3 <= text.size() && text[end] == ':' && is_digit(text[end + 1]) &&
            is_digit(text[end + 2])) {
            end += 3;
        }
        size_t zone = end;
        while (zone < text.size() && text[zone] == ' ') {
            ++zone;
        }
        const std::string_view rest = text.substr(zone);
        size_t zone_len = 0;
        if (rest.starts_with("UTC") || rest.starts_with("GMT")) {
            zone_len = 3;
        } else if (zone == end && rest.starts_with("Z")) {
            zone_len = 1;
        }
        const bool word_ends = zone + zone_len >= text.size() ||
                               std::isalnum(static_cast<unsigned char>(text[zone + zone_len])) == 0;
        if (zone_len == 0 || !word_ends) {
            continue;
        }
        const int h = (text[i] - '0') * 10 + (text[i + 1] - '0');
        const int m = (text[i + 3] - '0') * 10 + (text[i + 4] - '0');
        if (h < 24 && m < 60) {
            out.push_back({h * 60 + m, text.substr(i, zone + zone_len - i)});
        }
        i = zone + zone_len;
    }
    return out;
}

namespace {

/// Words that say the incident was stopped.
bool mentions_containment(std::string_view text) {
    static constexpr std::array<std::string_view, 9> kWords = {
        "contain", "isolat", "quarantin", "disabl", "block", "revok", "reset", "remediat", "stopp"};
    return std::any_of(kWords.begin(), kWords.end(),
                       [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

/// The number at `pos` (digits, or "one".."twelve", "a", "an"); advances `pos` past it.
std::optional<long> read_amount(std::string_view lower, size_t& pos) {
    static constexpr std::array<std::string_view, 13> kNumbers = {
        "zero",  "one",   "two",  "three", "four",   "five",  "six",
        "seven", "eight", "nine", "ten",   "eleven", "twelve"};
    size_t digits = pos;
    while (digits < lower.size() && is_digit(lower[digits])) {
        ++digits;
    }
    if (digits > pos) {
        if (digits - pos > 5) {
            return std::nullopt;
        }
        const long n =
            std::strtol(std::string(lower.substr(pos, digits - pos)).c_str(), nullptr, 10);
        pos = digits;
        return n;
    }
    for (size_t n = 0; n < kNumbers.size(); ++n) {
        if (lower.substr(pos).starts_with(kNumbers[n])) {
            pos += kNumbers[n].size();
            return static_cast<long>(n);
        }
    }
    for (const std::string_view article : {"an ", "a "}) {
        if (lower.substr(pos).starts_with(article)) {
            pos += article.size() - 1;
            return 1;
        }
    }
    return std::nullopt;
}

/// The unit at `pos` in minutes per unit; advances `pos` past it.
std::optional<long> read_unit(std::string_view lower, size_t& pos) {
    while (pos < lower.size() && (lower[pos] == ' ' || lower[pos] == '-')) {
        ++pos;
    }
    static constexpr std::array<std::pair<std::string_view, long>, 8> kUnits = {{{"minutes", 1},
                                                                                 {"minute", 1},
                                                                                 {"mins", 1},
                                                                                 {"min", 1},
                                                                                 {"hours", 60},
                                                                                 {"hour", 60},
                                                                                 {"hrs", 60},
                                                                                 {"hr", 60}}};
    for (const auto& [name, scale] : kUnits) {
        if (lower.substr(pos).starts_with(name)) {
            pos += name.size();
            return scale;
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<WithinClaim> find_within_claims(std::string_view text) {
    std::vector<WithinClaim> out;
    const std::string lower = to_lower(text);
    for (const std::string_view lead : {"within ", "in under ", "in less than "}) {
        for (size_t at = lower.find(lead); at != std::string::npos; at = lower.find(lead, at + 1)) {
            // Only claims about stopping the incident count: containment words in the same
            // sentence, before the claim.
            const size_t stop = lower.find_last_of(".!?\n", at);
            const size_t sentence = stop == std::string::npos ? 0 : stop + 1;
            if (!mentions_containment(std::string_view(lower).substr(sentence, at - sentence))) {
                continue;
            }
            size_t pos = at + lead.size();
            const auto amount = read_amount(lower, pos);
            const auto scale = amount ? read_unit(lower, pos) : std::nullopt;
            if (scale) {
                out.push_back({minutes(*amount * *scale), text.substr(at, pos - at)});
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const WithinClaim& a, const WithinClaim& b) {
        return a.text.data() < b.text.data();
    });
    return out;
}

void check_consistency(const model::Case& c, Analysis& a) {
    check_observed_at(c, a);
    check_prose_times(c, a);
    check_actions_before_alert(c, a);
    check_within_claims(c, a);
    report_untimed(a);
}

} // namespace casefile::analysis
