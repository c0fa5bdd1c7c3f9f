// Shared inputs of the export tests: the example case, a case with one indicator of every type
// and hostile text, and fixed export options so outputs are reproducible.
#pragma once

#include <filesystem>
#include <optional>

#include "analysis/analysis.hpp"
#include "export/export.hpp"
#include "ioc/extractor.hpp"
#include "model/case.hpp"

namespace casefile::exporting::testing {

const std::filesystem::path kSource = CASEFILE_SOURCE_DIR;
const std::filesystem::path kShared = CASEFILE_SHARED_DIR;

const ioc::Extractor& extractor();

/// examples/IR-2025-1142, loaded and analysed once.
const model::Case& example_case();
const analysis::Analysis& example_analysis();

/// A case listing one valid indicator of every IndicatorType (values with quotes, backslashes
/// and wildcards where the type allows them), techniques, a timed log, an OSINT classification.
const model::Case& all_types_case();
const analysis::Analysis& all_types_analysis();

/// now = 2025-11-28T00:00:00Z, the given TLP, no organisation.
ExportOptions fixed_options(std::optional<model::Tlp> tlp = model::Tlp::amber);

} // namespace casefile::exporting::testing
