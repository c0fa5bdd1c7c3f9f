#pragma once

#include "analysis/analysis.hpp"
#include "ioc/extractor.hpp"
#include "model/case.hpp"

namespace casefile::analysis {

/// Analyses a loaded case: canonicalises and classifies the hand-entered indicators, extracts
/// indicators from every evidence item, command, OSINT entry and narrative section, and
/// records where each was seen. Values that belong to the case's own entities (the user's
/// email, the device's addresses) are not indicators.
[[nodiscard]] Analysis analyze(const model::Case& c, const ioc::Extractor& extractor);

} // namespace casefile::analysis
