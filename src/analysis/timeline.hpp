#pragma once

#include "analysis/analysis.hpp"
#include "model/case.hpp"

namespace casefile::analysis {

/// Fills `a.timeline` and `a.untimed` from the alert, `a.evidence`'s events (an untimed log
/// with a recorded `time:` uses it), triage steps, actions and escalations. Evidence with no
/// time at all is listed in `a.untimed`, never guessed.
void build_timeline(const model::Case& c, Analysis& a);

/// True when an action's text says it contains, blocks or disables something.
[[nodiscard]] bool is_containment(std::string_view action_text);

/// Fills `a.metrics` from the timeline.
void compute_metrics(const model::Case& c, Analysis& a);

} // namespace casefile::analysis
