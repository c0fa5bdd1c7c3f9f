// analysis: everything casefile concludes from a case — the indicators with their provenance,
// and the findings about the case's consistency. analyze() computes it once; renderers and
// exporters only read it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/time.hpp"
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
    /// When what that place records was seen: a log's time, an OSINT result's first_seen for its
    /// subject. Empty when the case does not say.
    std::optional<Time> time = std::nullopt;
    bool operator==(const Provenance&) const = default;
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
    /// The earliest Provenance::time of seen_in. Empty when the case records none.
    std::optional<Time> first_seen = std::nullopt;
};

struct Analysis {
    /// Hand-entered indicators first, in case order; then those found in the case, in order of
    /// first appearance. Private and reserved IPs found in text are not indicators.
    std::vector<CaseIndicator> indicators;
    /// Problems found while analysing (unparsable hand-entered values, inconsistencies).
    std::vector<Diagnostic> findings;
};

} // namespace casefile::analysis
