// analysis: everything casefile concludes from a case — the events parsed from its evidence,
// the indicators with their provenance and sightings, the incident timeline, its metrics, and
// the findings about the case's consistency. analyze() computes it once; renderers and
// exporters only read it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/time.hpp"
#include "logs/event.hpp"
#include "model/case.hpp"

namespace casefile::analysis {

/// What kind of place a Provenance names.
enum class SourceKind {
    ioc_list,  ///< the analyst's hand-entered indicator list
    log,       ///< a raw log excerpt (an observation)
    command,   ///< a command or script seen during the incident (an observation)
    query,     ///< a SIEM query the analyst ran
    osint,     ///< an OSINT or sandbox result
    narrative, ///< description, triage steps, actions, summaries and other prose
};

/// A place in the case where an indicator appears.
struct Provenance {
    std::string label;    ///< "IoC list", "EDR 1", "Command 1", "OSINT: VirusTotal", "Description"
    SourceLocation where; ///< file:line:column of the first occurrence there, when known
    SourceKind kind = SourceKind::narrative;
    /// When it was seen there: its earliest event in a raw log, an OSINT result's first_seen
    /// for its subject. Empty when the case does not say.
    std::optional<Time> time = std::nullopt;
    bool operator==(const Provenance&) const = default;
};

/// An evidence event an indicator appears in.
struct Sighting {
    std::optional<Timestamp> time; ///< the event's time, or the log's recorded time
    std::string host;
    std::string label;    ///< evidence block, e.g. "Firewall 2"
    SourceLocation where; ///< evidence file and the event's line
};

/// One indicator of the case: hand-entered, found in the case's text, or both.
struct CaseIndicator {
    model::IndicatorType type = model::IndicatorType::other;
    std::string value;                     ///< canonical (refanged, normalised)
    std::string defanged;                  ///< as people read it, in the report's one style
    bool listed = false;                   ///< entered by hand in case.yaml's indicators
    std::string note;                      ///< from the hand entry
    std::string file;                      ///< for hashes: the file it belongs to
    std::string classification;            ///< for IPs: "public", "private", ...; else empty
    std::vector<std::string> warninglists; ///< names of the lists it is on
    std::vector<Provenance> seen_in;       ///< where it appears, in case order
    std::vector<Sighting> sightings;       ///< evidence events it appears in, in case order
    /// The earliest Provenance::time of seen_in. Empty when the case records none.
    std::optional<Time> first_seen = std::nullopt;
};

/// Earliest and latest sighting time, when any sighting has a time.
struct SeenRange {
    Timestamp first;
    Timestamp last;
};
[[nodiscard]] std::optional<SeenRange> seen_range(const CaseIndicator& indicator);

/// The events parsed from one raw log of the case.
struct EvidenceEvents {
    std::string label;  ///< "EDR 1"
    std::string file;   ///< as in the case ("evidence/edr-1.json"), or "case.yaml" when inline
    std::string format; ///< parser used, "unknown" when none fit
    std::optional<Time> recorded_time; ///< the log's `time:` from case.yaml
    SourceLocation where;              ///< the log's entry in case.yaml (or its file)
    std::vector<logs::Event> events;
};

enum class TimelineKind { alert, evidence, triage, action, escalation };
[[nodiscard]] std::string_view to_string(TimelineKind kind);

/// One row of the incident timeline.
struct TimelineRow {
    Timestamp time;
    TimelineKind kind = TimelineKind::evidence;
    std::string origin;   ///< "Alert", "EDR 1", "Actions Taken"...
    SourceLocation where; ///< evidence file:line, or the case.yaml entry
    std::string text;     ///< what happened, one line
    std::string host;
    std::string user;
    const logs::Event* event = nullptr; ///< the evidence event, for evidence rows
};

/// Evidence the timeline cannot place, and why.
struct UntimedEvidence {
    std::string label;
    SourceLocation where;
    std::string reason;
};

/// Intervals between the incident's milestones; a milestone is absent when the case lacks it.
struct Metrics {
    std::optional<Timestamp> first_event;       ///< earliest timed evidence event
    std::optional<Timestamp> detection;         ///< the alert's observed-at
    std::optional<Timestamp> first_containment; ///< first action that contains or blocks
    std::optional<Timestamp> last_action;
    std::optional<Timestamp> first_escalation;

    [[nodiscard]] std::optional<std::chrono::nanoseconds> time_to_detect() const;
    [[nodiscard]] std::optional<std::chrono::nanoseconds> time_to_contain() const;
    [[nodiscard]] std::optional<std::chrono::nanoseconds> time_to_last_action() const;
    [[nodiscard]] std::optional<std::chrono::nanoseconds> time_to_escalate() const;
};

struct Analysis {
    /// Events of every raw log, in case order.
    std::vector<EvidenceEvents> evidence;
    /// Hand-entered indicators first, in case order; then those found in the case, in order of
    /// first appearance. Private and reserved IPs found in text are not indicators.
    std::vector<CaseIndicator> indicators;
    /// Evidence events, actions, escalations, triage steps and the alert, by time (stable).
    std::vector<TimelineRow> timeline;
    std::vector<UntimedEvidence> untimed;
    Metrics metrics;
    /// Problems found while analysing: unparsable values, bad log lines, inconsistent times.
    std::vector<Diagnostic> findings;

    Analysis() = default;
    // Timeline rows point into `evidence`; copying would leave them pointing at the original.
    Analysis(const Analysis&) = delete;
    Analysis& operator=(const Analysis&) = delete;
    Analysis(Analysis&&) = default;
    Analysis& operator=(Analysis&&) = default;
};

} // namespace casefile::analysis
