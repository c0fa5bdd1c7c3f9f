#pragma once

#include "analysis/analysis.hpp"
#include "ioc/extractor.hpp"
#include "model/case.hpp"

namespace casefile::analysis {

/// Fills `a.indicators`: the hand-entered ones (canonicalised and classified; invalid values
/// become findings and are kept as written), then every indicator found in the case's text
/// with its provenance, and its sightings in `a.evidence`'s events. Values that belong to the
/// case's own entities and the names of common programs are not indicators.
void collect_indicators(const model::Case& c, const ioc::Extractor& extractor, Analysis& a);

} // namespace casefile::analysis
