#include "analysis/timeline.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/text.hpp"

namespace casefile::analysis {

std::string_view to_string(TimelineKind kind) {
    switch (kind) {
    case TimelineKind::alert:
        return "alert";
    case TimelineKind::evidence:
        return "evidence";
    case TimelineKind::triage:
        return "triage";
    case TimelineKind::action:
        return "action";
    case TimelineKind::escalation:
        return "escalation";
    }
    return "evidence";
}

namespace {

/// A one-line description of an event for the timeline, from the parser's summary or its
/// most telling fields.
std::string describe(const logs::Event& e) {
    if (!e.message.empty()) {
        return e.message;
    }
    std::vector<std::string> parts;
    for (const std::string* s : {&e.event_action, &e.process_command_line, &e.url_full,
                                 &e.destination_ip, &e.dns_question_name}) {
        if (!s->empty()) {
            parts.push_back(*s);
        }
    }
    return parts.empty() ? std::string(trim(e.raw.substr(0, 120))) : join(parts, " ");
}

void add_evidence_rows(const EvidenceEvents& ev, Analysis& a) {
    bool placed = false;
    for (const logs::Event& e : ev.events) {
        std::optional<Timestamp> time = e.time;
        if (!time && ev.recorded_time) {
            time = ev.recorded_time->utc;
        }
        if (!time) {
            continue;
        }
        placed = true;
        a.timeline.push_back(TimelineRow{*time, TimelineKind::evidence, ev.label,
                                         SourceLocation{ev.file, static_cast<int>(e.line), 0},
                                         describe(e), e.host_name, e.user_name, &e});
    }
    if (placed) {
        return;
    }
    if (ev.events.empty() && ev.recorded_time) {
        a.timeline.push_back(TimelineRow{
            ev.recorded_time->utc, TimelineKind::evidence, ev.label, SourceLocation{ev.file, 0, 0},
            fmt::format("{} (format not recognised)", ev.label), "", "", nullptr});
        return;
    }
    const std::string reason =
        ev.events.empty() ? "its format was not recognised and case.yaml gives it no 'time:'"
                          : "its events carry no timestamp and case.yaml gives it no 'time:'";
    a.untimed.push_back(UntimedEvidence{ev.label, ev.where, reason});
}

template <class T>
void add_case_rows(const std::vector<T>& entries, TimelineKind kind, std::string_view origin,
                   Analysis& a) {
    for (const T& entry : entries) {
        if (entry.time) {
            a.timeline.push_back(TimelineRow{entry.time->utc, kind, std::string(origin),
                                             entry.where, entry.text, "", entry.actor, nullptr});
        }
    }
}

} // namespace

void build_timeline(const model::Case& c, Analysis& a) {
    a.timeline.push_back(
        TimelineRow{c.alert.observed_at.utc, TimelineKind::alert, "Alert",
                    c.locations.count("alert.observed_at") ? c.locations.at("alert.observed_at")
                                                           : SourceLocation{},
                    fmt::format("Alert observed: {}", c.alert.title), "", "", nullptr});
    for (const EvidenceEvents& ev : a.evidence) {
        add_evidence_rows(ev, a);
    }
    add_case_rows(c.triage, TimelineKind::triage, "Analysis & Triage Steps", a);
    add_case_rows(c.actions, TimelineKind::action, "Actions Taken", a);
    for (const model::Escalation& e : c.escalations) {
        if (!e.time) {
            continue;
        }
        std::string text = e.to.empty() ? "Escalated (recipient not recorded)"
                                        : fmt::format("Escalated to {}", e.to);
        if (!e.reason.empty()) {
            text += ": " + e.reason;
        }
        a.timeline.push_back(TimelineRow{e.time->utc, TimelineKind::escalation, "Escalations",
                                         e.where, std::move(text), "", "", nullptr});
    }
    std::stable_sort(a.timeline.begin(), a.timeline.end(),
                     [](const TimelineRow& x, const TimelineRow& y) { return x.time < y.time; });
}

bool is_containment(std::string_view action_text) {
    static constexpr std::array<std::string_view, 14> kVerbs = {
        "contain", "isolat", "quarantin", "disabl",   "block",   "closed", "close ",
        "reset",   "revok",  "kill",      "terminat", "suspend", "lock",   "sinkhol"};
    const std::string lower = to_lower(action_text);
    return std::any_of(kVerbs.begin(), kVerbs.end(),
                       [&](std::string_view v) { return lower.find(v) != std::string::npos; });
}

void compute_metrics(const model::Case& c, Analysis& a) {
    Metrics& m = a.metrics;
    m.detection = c.alert.observed_at.utc;
    for (const TimelineRow& row : a.timeline) {
        switch (row.kind) {
        case TimelineKind::evidence:
            if (!m.first_event) {
                m.first_event = row.time;
            }
            break;
        case TimelineKind::action:
            if (!m.first_containment && is_containment(row.text)) {
                m.first_containment = row.time;
            }
            m.last_action = row.time;
            break;
        case TimelineKind::escalation:
            if (!m.first_escalation) {
                m.first_escalation = row.time;
            }
            break;
        default:
            break;
        }
    }
}

namespace {
std::optional<std::chrono::nanoseconds> between(const std::optional<Timestamp>& from,
                                                const std::optional<Timestamp>& to) {
    if (!from || !to) {
        return std::nullopt;
    }
    return *to - *from;
}
} // namespace

std::optional<std::chrono::nanoseconds> Metrics::time_to_detect() const {
    return between(first_event, detection);
}
std::optional<std::chrono::nanoseconds> Metrics::time_to_contain() const {
    return between(detection, first_containment);
}
std::optional<std::chrono::nanoseconds> Metrics::time_to_last_action() const {
    return between(detection, last_action);
}
std::optional<std::chrono::nanoseconds> Metrics::time_to_escalate() const {
    return between(detection, first_escalation);
}

} // namespace casefile::analysis
