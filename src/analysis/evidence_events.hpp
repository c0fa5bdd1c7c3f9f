#pragma once

#include <string>
#include <vector>

#include "analysis/analysis.hpp"
#include "model/case.hpp"

namespace casefile::analysis {

/// The label a raw log has in the report: "EDR 1", "Firewall 2"... numbered in case order.
[[nodiscard]] std::string log_label(const model::Case& c, size_t index);

/// Parses every raw log of the case with its declared format (or detection when the format is
/// empty or not a parser name) and the case's time zone. Bad lines and unknown formats become
/// findings; nothing stops the analysis.
[[nodiscard]] std::vector<EvidenceEvents> parse_evidence(const model::Case& c,
                                                         std::vector<Diagnostic>& findings);

} // namespace casefile::analysis
