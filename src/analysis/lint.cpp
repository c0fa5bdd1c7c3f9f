// The lint driver: the rule table, per-case and per-run disabling, and the case checks that
// model::check_case already makes (TLP, repeated sections, escalations), reused as rules.
#include "analysis/lint.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "analysis/lint_rules.hpp"
#include "core/text.hpp"
#include "model/validate.hpp"

namespace casefile::analysis {
namespace {

constexpr auto kRules = std::to_array<LintRule>({
    {"time-shift", LintSeverity::error,
     "Observed At is a whole number of hours off the earliest evidence event (local time taken "
     "as UTC), or hours before it"},
    {"time-contradiction", LintSeverity::warning,
     "a clock time marked UTC in the description or summaries that disagrees with Observed At"},
    {"claim-contradicted", LintSeverity::error,
     "a \"contained within N minutes\" claim that the recorded times contradict"},
    {"action-before-alert", LintSeverity::warning, "an action recorded before the alert"},
    {"untimed-evidence", LintSeverity::warning,
     "a raw log with no timestamp, which no timeline can place"},
    {"action-without-time", LintSeverity::warning, "an action with no time"},
    {"action-without-actor", LintSeverity::info, "an action that does not say who took it"},
    {"missing-ioc", LintSeverity::warning,
     "an indicator in the evidence, commands or OSINT that the IoC list leaves out"},
    {"unbound-hash", LintSeverity::warning, "a hash on the IoC list tied to no file"},
    {"invalid-hash", LintSeverity::error,
     "a hash that is not hexadecimal or has the wrong length for its type"},
    {"invalid-indicator", LintSeverity::warning,
     "an IoC list entry that is not a valid value of its type"},
    {"private-ip-ioc", LintSeverity::error,
     "a private, loopback or reserved address on the IoC list"},
    {"warninglist-ioc", LintSeverity::warning,
     "an IoC on a warninglist (shared or known-benign infrastructure such as GitHub's "
     "185.199.108.0/22)"},
    {"missing-tlp", LintSeverity::warning, "no TLP marking"},
    {"repeated-section", LintSeverity::warning,
     "a section that repeats another word for word (executive summary = final summary, next "
     "steps = lessons learned)"},
    {"escalation-recipient", LintSeverity::warning, "an escalation that names no recipient"},
    {"escalation-reason", LintSeverity::warning, "an escalation that gives no reason"},
    {"severity-wording", LintSeverity::info,
     "the severity does not match the impact the text describes"},
    {"unknown-rule", LintSeverity::warning, "lint.disable names a rule that does not exist"},
});

LintSeverity severity_of(std::string_view rule) {
    for (const LintRule& r : kRules) {
        if (r.id == rule) {
            return r.severity;
        }
    }
    return LintSeverity::warning;
}

/// model::check_case's warnings, as lint findings.
void case_checks(const LintContext& ctx, std::vector<LintFinding>& out) {
    const std::string file = ctx.case_file();
    for (const Diagnostic& d : model::check_case(ctx.c, file)) {
        out.push_back({d.rule, severity_of(d.rule), d.message, d.hint, d.where});
    }
}

/// Analysis findings that no lint rule covers better (hashes have invalid-hash).
void analysis_findings(const LintContext& ctx, std::vector<LintFinding>& out) {
    for (const Diagnostic& d : ctx.a.findings) {
        const bool hash_entry = std::any_of(ctx.c.indicators.begin(), ctx.c.indicators.end(),
                                            [&](const model::ManualIndicator& m) {
                                                return is_hash_type(m.type) && m.where == d.where;
                                            });
        if (d.rule == "invalid-indicator" && hash_entry) {
            continue;
        }
        out.push_back({d.rule.empty() ? "invalid-indicator" : d.rule, severity_of(d.rule),
                       d.message, d.hint,
                       d.quote.empty() ? d.where : ctx.refined(d.quote, d.where)});
    }
}

void unknown_rules(const LintContext& ctx, const LintOptions& options,
                   std::vector<LintFinding>& out) {
    std::vector<std::string_view> known;
    for (const auto& id : options.known_rules) {
        known.emplace_back(id);
    }
    if (known.empty()) {
        for (const LintRule& r : kRules) {
            known.push_back(r.id);
        }
    }
    for (const auto& id : ctx.c.lint.disable) {
        if (std::find(known.begin(), known.end(), id) == known.end()) {
            const std::string guess = closest_match(id, known);
            out.push_back({"unknown-rule", LintSeverity::warning,
                           fmt::format("lint.disable names '{}', which is not a lint rule", id),
                           guess.empty() ? "see docs/lint.md for the rule ids"
                                         : fmt::format("did you mean '{}'?", guess),
                           ctx.c.lint.where});
        }
    }
}

} // namespace

std::string_view to_string(LintSeverity s) {
    switch (s) {
    case LintSeverity::error:
        return "error";
    case LintSeverity::warning:
        return "warning";
    case LintSeverity::info:
        return "info";
    }
    return "warning";
}

std::string LintFinding::to_string() const {
    const std::string place = where.to_string();
    return fmt::format("{}{}{}: {} [{}]", place, place.empty() ? "" : ": ",
                       analysis::to_string(severity), message, rule);
}

std::span<const LintRule> case_lint_rules() {
    return kRules;
}

void sort_findings(std::vector<LintFinding>& findings) {
    const auto key = [](const LintFinding& f) {
        return std::tie(f.where.file, f.where.line, f.where.column, f.rule, f.message);
    };
    std::stable_sort(findings.begin(), findings.end(),
                     [&](const LintFinding& a, const LintFinding& b) { return key(a) < key(b); });
    findings.erase(
        std::unique(findings.begin(), findings.end(),
                    [&](const LintFinding& a, const LintFinding& b) { return key(a) == key(b); }),
        findings.end());
}

std::vector<LintFinding> lint_case(const model::Case& c, const Analysis& a,
                                   const LintOptions& options) {
    const LintContext ctx{c, a, options};
    std::vector<LintFinding> out;
    action_rules(ctx, out);
    indicator_rules(ctx, out);
    wording_rules(ctx, out);
    case_checks(ctx, out);
    analysis_findings(ctx, out);
    unknown_rules(ctx, options, out);

    std::set<std::string, std::less<>> disabled(options.disable.begin(), options.disable.end());
    disabled.insert(c.lint.disable.begin(), c.lint.disable.end());
    std::erase_if(out, [&](const LintFinding& f) { return disabled.contains(f.rule); });
    sort_findings(out);
    return out;
}

std::string LintContext::case_file() const {
    const auto it = c.locations.find("alert");
    if (it != c.locations.end() && !it->second.file.empty()) {
        return it->second.file;
    }
    return c.folder.empty() ? std::string("case.yaml") : (c.folder / "case.yaml").string();
}

SourceLocation LintContext::location(const std::string& key) const {
    const auto it = c.locations.find(key);
    return it != c.locations.end() ? it->second : SourceLocation{case_file(), 0, 0};
}

SourceLocation LintContext::refined(std::string_view text, const SourceLocation& near) const {
    if (options.refine) {
        if (auto better = options.refine(text, near)) {
            return *better;
        }
    }
    return near;
}

} // namespace casefile::analysis
