#pragma once

#include "analysis/analysis.hpp"
#include "ioc/extractor.hpp"
#include "model/case.hpp"

namespace casefile::analysis {

/// Analyses a loaded case, once, for every output: parses its raw logs into events, collects
/// the indicators (hand-entered and found) with provenance and sightings, builds the incident
/// timeline and its metrics, and checks the case's times for contradictions.
[[nodiscard]] Analysis analyze(const model::Case& c, const ioc::Extractor& extractor);

} // namespace casefile::analysis
