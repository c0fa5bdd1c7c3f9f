// Lint: the checks that find the mistakes of hand-made reports in a case — times on the wrong
// clock, indicators left off the IoC list, hashes tied to no file, addresses that must not be
// blocked, evidence nobody can place in time. They read a Case and its Analysis only, so the
// same rules serve a case folder (locations in case.yaml) and an imported Markdown report
// (locations in the Markdown). Rules about Markdown form live in importer/.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "model/case.hpp"

namespace casefile::analysis {

enum class LintSeverity { error, warning, info };

/// "error", "warning", "info".
[[nodiscard]] std::string_view to_string(LintSeverity s);

/// One problem found, with the rule that found it and how to fix it.
struct LintFinding {
    std::string rule; ///< stable id such as "time-shift"
    LintSeverity severity = LintSeverity::warning;
    std::string message;
    std::string hint;
    SourceLocation where;

    /// "FILE:LINE:COL: severity: message [rule]".
    [[nodiscard]] std::string to_string() const;
};

/// A rule as documented in docs/lint.md.
struct LintRule {
    std::string_view id;
    LintSeverity severity;
    std::string_view what;
};

/// The rules lint_case() applies, in documentation order.
[[nodiscard]] std::span<const LintRule> case_lint_rules();

struct LintOptions {
    /// Rule ids to skip (from --disable and case.yaml's lint.disable).
    std::vector<std::string> disable;
    /// Every rule id that exists, for reporting unknown ids in lint.disable; empty: the case
    /// rules only.
    std::vector<std::string> known_rules;
    /// Narrows a location to the line that holds `text` at or after `near` (for a Markdown
    /// report, whose sections span many lines); unset: locations stay as the case gives them.
    std::function<std::optional<SourceLocation>(std::string_view text, const SourceLocation& near)>
        refine;
};

/// Runs every case rule not disabled (by `options` or by the case's lint.disable), plus the
/// case checks of model::check_case and the analysis findings, each once. Sorted by location.
[[nodiscard]] std::vector<LintFinding> lint_case(const model::Case& c, const Analysis& a,
                                                 const LintOptions& options = {});

/// Sorts findings by file, line, column, then rule, and removes exact duplicates.
void sort_findings(std::vector<LintFinding>& findings);

} // namespace casefile::analysis
