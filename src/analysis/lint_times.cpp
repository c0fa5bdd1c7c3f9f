// Lint rules about time: the alert on the wrong clock, claims the recorded times contradict,
// evidence and actions that cannot be placed.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>

#include <fmt/format.h>

#include "analysis/lint_rules.hpp"
#include "core/text.hpp"

namespace casefile::analysis {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::nanoseconds;

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

std::string log_label(const model::Case& c, size_t index) {
    return fmt::format("{} {}", model::display_name(c.logs[index].kind), index + 1);
}

/// Words that say the incident was stopped.
bool mentions_containment(std::string_view text) {
    const std::string lower = to_lower(text);
    static constexpr std::array<std::string_view, 8> kWords = {
        "contain", "isolat", "quarantin", "disabl", "block", "revok", "reset", "remediat"};
    return std::any_of(kWords.begin(), kWords.end(),
                       [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

/// "within 30 minutes" / "in under 2 hours": the claimed duration, its text and its sentence.
struct DurationClaim {
    nanoseconds duration{};
    std::string phrase;
};

std::vector<DurationClaim> duration_claims(std::string_view text) {
    std::vector<DurationClaim> out;
    const std::string lower = to_lower(text);
    for (std::string_view lead : {"within ", "in under ", "in less than "}) {
        for (size_t at = lower.find(lead); at != std::string::npos; at = lower.find(lead, at + 1)) {
            size_t p = at + lead.size();
            size_t digits = p;
            while (digits < lower.size() && is_digit(lower[digits])) {
                ++digits;
            }
            if (digits == p || digits - p > 4) {
                continue;
            }
            const long amount = std::strtol(lower.substr(p, digits - p).c_str(), nullptr, 10);
            size_t unit = digits;
            while (unit < lower.size() && lower[unit] == ' ') {
                ++unit;
            }
            nanoseconds d{};
            std::string_view rest = std::string_view(lower).substr(unit);
            size_t unit_len = 0;
            for (std::string_view u : {"minutes", "minute", "mins", "min"}) {
                if (rest.starts_with(u)) {
                    d = minutes(amount);
                    unit_len = u.size();
                    break;
                }
            }
            for (std::string_view u : {"hours", "hour", "hrs", "h "}) {
                if (unit_len == 0 && rest.starts_with(u)) {
                    d = hours(amount);
                    unit_len = u.size();
                    break;
                }
            }
            if (unit_len == 0) {
                continue;
            }
            // The claim must be about stopping the incident, in the same sentence.
            const size_t sentence = lower.find_last_of(".!?\n", at);
            const std::string_view before = std::string_view(lower).substr(
                sentence == std::string::npos ? 0 : sentence + 1,
                at - (sentence == std::string::npos ? 0 : sentence + 1));
            if (!mentions_containment(before)) {
                continue;
            }
            out.push_back({d, std::string(trim(text.substr(at, unit + unit_len - at)))});
        }
    }
    return out;
}

void time_shift(const LintContext& ctx, std::vector<LintFinding>& out) {
    if (!ctx.earliest || ctx.c.alert.observed_at.date_only) {
        return;
    }
    const Timestamp observed = ctx.c.alert.observed_at.utc;
    const Timestamp evidence = ctx.earliest->time.utc;
    const nanoseconds diff = observed - evidence;
    const nanoseconds magnitude = diff < nanoseconds::zero() ? -diff : diff;
    const auto whole = std::chrono::round<hours>(magnitude);
    const nanoseconds off = magnitude > whole ? magnitude - whole : whole - magnitude;
    // Zones are at most 14 h from UTC; an alert a few minutes after its evidence is normal.
    if (whole < hours(1) || whole > hours(14) || off > minutes(5)) {
        return;
    }
    const Timestamp corrected = diff > nanoseconds::zero() ? observed - whole : observed + whole;
    out.push_back(
        {"time-shift", LintSeverity::error,
         fmt::format("Observed At {} is {} h {} the earliest evidence ({} in {}): looks like "
                     "local time taken as UTC",
                     format_time(ctx.c.alert.observed_at), whole.count(),
                     diff > nanoseconds::zero() ? "after" : "before",
                     format_time(ctx.earliest->time), ctx.earliest->label),
         fmt::format("if the alert fired at {}, correct Observed At, and check the action and "
                     "escalation times, which are often on the same wrong clock",
                     format_rfc3339(corrected)),
         ctx.location("alert.observed_at")});
}

void claims(const LintContext& ctx, std::vector<LintFinding>& out) {
    const model::Case& c = ctx.c;
    const model::Action* first = nullptr;
    for (const model::Action& a : c.actions) {
        if (a.time && mentions_containment(a.text) &&
            (first == nullptr || a.time->utc < first->time->utc)) {
            first = &a;
        }
    }
    if (first == nullptr) {
        return;
    }
    const Timestamp start = ctx.earliest ? ctx.earliest->time.utc : c.alert.observed_at.utc;
    const std::string start_text =
        ctx.earliest ? fmt::format("the earliest evidence ({} in {})",
                                   format_time(ctx.earliest->time), ctx.earliest->label)
                     : fmt::format("the alert ({})", format_time(c.alert.observed_at));
    const nanoseconds took = first->time->utc - start;
    const std::array<std::pair<const char*, const std::string*>, 3> fields = {{
        {"summary", &c.summary},
        {"executive_summary", &c.executive_summary},
        {"alert.description", &c.alert.description},
    }};
    for (const auto& [key, text] : fields) {
        for (const DurationClaim& claim : duration_claims(*text)) {
            if (took <= claim.duration) {
                continue;
            }
            out.push_back(
                {"duration-claim", LintSeverity::error,
                 fmt::format("the text says \"{}\", but the first containment action ({}) comes "
                             "{} after {}",
                             claim.phrase, format_time(*first->time), format_duration(took),
                             start_text),
                 "correct the times (a clock shift makes actions look late or early) or the "
                 "claim",
                 ctx.refined(claim.phrase, ctx.location(key))});
        }
    }
}

void untimed_evidence(const LintContext& ctx, std::vector<LintFinding>& out) {
    for (size_t i = 0; i < ctx.c.logs.size(); ++i) {
        const model::RawLog& log = ctx.c.logs[i];
        if (log.time || !find_timestamps(log.text).empty()) {
            continue;
        }
        out.push_back(
            {"untimed-evidence", LintSeverity::warning,
             fmt::format("{} has no timestamp: no timeline can place it", log_label(ctx.c, i)),
             "export the event with its time, or record when it happened (with a "
             "zone) as the log's 'time:'",
             log.where});
    }
}

void action_rules(const LintContext& ctx, std::vector<LintFinding>& out) {
    for (const model::Action& a : ctx.c.actions) {
        const std::string what(trim(a.text).substr(0, 60));
        if (!a.time) {
            out.push_back({"action-without-time", LintSeverity::warning,
                           fmt::format("action \"{}\" has no time", what),
                           "add when it was done (RFC 3339 with a zone), so the response can "
                           "be measured",
                           a.where});
        } else if (ctx.earliest && a.time->utc < ctx.earliest->time.utc) {
            out.push_back({"action-before-evidence", LintSeverity::warning,
                           fmt::format("action \"{}\" at {} comes before the earliest evidence "
                                       "({} in {})",
                                       what, format_time(*a.time), format_time(ctx.earliest->time),
                                       ctx.earliest->label),
                           "check the action's time and zone", a.where});
        }
        if (trim(a.actor).empty()) {
            out.push_back({"action-without-actor", LintSeverity::info,
                           fmt::format("action \"{}\" does not say who took it", what),
                           "add the analyst or team (actor:) for the audit trail", a.where});
        }
    }
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

std::optional<EvidenceTime> earliest_evidence_time(const model::Case& c) {
    std::optional<EvidenceTime> best;
    for (size_t i = 0; i < c.logs.size(); ++i) {
        std::vector<Time> times;
        if (c.logs[i].time) {
            times.push_back(*c.logs[i].time);
        } else {
            times = find_timestamps(c.logs[i].text);
        }
        for (const Time& t : times) {
            if (!best || t.utc < best->time.utc) {
                best = EvidenceTime{t, log_label(c, i), i};
            }
        }
    }
    return best;
}

void time_rules(const LintContext& ctx, std::vector<LintFinding>& out) {
    time_shift(ctx, out);
    claims(ctx, out);
    untimed_evidence(ctx, out);
    action_rules(ctx, out);
}

} // namespace casefile::analysis
