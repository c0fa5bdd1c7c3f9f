// Internal to the lint module: the state every rule reads, and the rule groups lint_case()
// runs. Each group lives in its own lint_*.cpp file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/lint.hpp"

namespace casefile::analysis {

struct LintContext {
    const model::Case& c;
    const Analysis& a;
    const LintOptions& options;

    /// The file case locations belong to (case.yaml, or the Markdown report).
    [[nodiscard]] std::string case_file() const;
    /// Location of a top-level or alert field ("alert.observed_at"), else the case file.
    [[nodiscard]] SourceLocation location(const std::string& key) const;
    /// `near`, narrowed by LintOptions::refine to the line that holds `text`.
    [[nodiscard]] SourceLocation refined(std::string_view text, const SourceLocation& near) const;
};

[[nodiscard]] bool is_hash_type(model::IndicatorType t);

/// action-without-time, action-without-actor.
void action_rules(const LintContext& ctx, std::vector<LintFinding>& out);

/// missing-ioc, unbound-hash, invalid-hash, private-ip-ioc, warninglist-ioc.
void indicator_rules(const LintContext& ctx, std::vector<LintFinding>& out);

/// severity-wording.
void wording_rules(const LintContext& ctx, std::vector<LintFinding>& out);

} // namespace casefile::analysis
