// Lint rules about the response record: actions without a time or an actor. (Rules about
// contradicting times come from the analysis's consistency checks; see consistency.hpp.)
#include <fmt/format.h>

#include "analysis/lint_rules.hpp"
#include "core/text.hpp"

namespace casefile::analysis {

void action_rules(const LintContext& ctx, std::vector<LintFinding>& out) {
    for (const model::Action& a : ctx.c.actions) {
        const std::string what(trim(a.text).substr(0, 60));
        if (!a.time) {
            out.push_back({"action-without-time", LintSeverity::warning,
                           fmt::format("action \"{}\" has no time", what),
                           "add when it was done (RFC 3339 with a zone), so the response can "
                           "be measured",
                           a.where});
        }
        if (trim(a.actor).empty()) {
            out.push_back({"action-without-actor", LintSeverity::info,
                           fmt::format("action \"{}\" does not say who took it", what),
                           "add the analyst or team (actor:) for the audit trail", a.where});
        }
    }
}

} // namespace casefile::analysis
