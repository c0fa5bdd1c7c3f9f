#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "analysis/analysis.hpp"
#include "cli/extractor_options.hpp"
#include "model/case.hpp"

namespace casefile::cli {

/// A loaded case and its one analysis, shared by the commands that export it.
struct AnalyzedCase {
    model::Case value;
    analysis::Analysis analysis;
};

/// Loads the case folder and analyses it, printing load errors and analysis findings to
/// stderr. On failure sets `exit_code` and returns nothing; `verb` names the command in messages.
[[nodiscard]] std::optional<AnalyzedCase> load_analyzed_case(const std::string& dir,
                                                             const ExtractorFlags& flags,
                                                             std::string_view verb, int& exit_code);

} // namespace casefile::cli
