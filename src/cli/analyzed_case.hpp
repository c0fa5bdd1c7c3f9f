#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "analysis/analysis.hpp"
#include "cli/extractor_options.hpp"
#include "ioc/extractor.hpp"
#include "model/case.hpp"
#include "model/case_yaml.hpp"

namespace casefile::cli {

/// A loaded case, the IoC engine it was analysed with, and its one analysis: what every
/// command that reads a case folder works from.
struct AnalyzedCase {
    model::Case value;
    ioc::Extractor extractor;
    analysis::Analysis analysis;
    std::vector<Diagnostic> load_warnings; ///< case.yaml warnings (the case has no errors)

    /// Load warnings and analysis findings together, in that order.
    [[nodiscard]] std::vector<Diagnostic> all_findings() const;
};

/// Loads the case folder and analyses it. Load errors are printed with a pointer to
/// `casefile validate`; on failure sets `exit_code` and returns nothing. `verb` names the
/// command in messages.
[[nodiscard]] std::optional<AnalyzedCase> load_analyzed_case(const std::string& dir,
                                                             const ExtractorFlags& flags,
                                                             std::string_view verb, int& exit_code);

/// Analyses a case that loaded without errors; on failure (the IoC engine's data cannot be
/// read) sets `exit_code` and returns nothing.
[[nodiscard]] std::optional<AnalyzedCase>
analyze_loaded_case(model::LoadedCase loaded, const ExtractorFlags& flags, int& exit_code);

/// One line on stderr when the case has warnings, so a command that produces something else
/// (a report, an export) mentions them without burying its own output.
void mention_findings(const AnalyzedCase& c, const std::string& dir, std::string_view verb);

} // namespace casefile::cli
