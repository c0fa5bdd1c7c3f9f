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
    {"time-shift", DiagnosticLevel::error,
     "Observed At is a whole number of hours off the earliest evidence event (local time taken "
     "as UTC), or hours before it"},
    {"time-contradiction", DiagnosticLevel::warning,
     "a clock time marked UTC in the description or summaries that disagrees with Observed At"},
    {"claim-contradicted", DiagnosticLevel::error,
     "a \"contained within N minutes\" claim that the recorded times contradict"},
    {"action-before-alert", DiagnosticLevel::warning, "an action recorded before the alert"},
    {"untimed-evidence", DiagnosticLevel::warning,
     "a raw log with no timestamp, which no timeline can place"},
    {"action-without-time", DiagnosticLevel::warning, "an action with no time"},
    {"action-without-actor", DiagnosticLevel::info, "an action that does not say who took it"},
    {"missing-ioc", DiagnosticLevel::warning,
     "an indicator in the evidence, commands or OSINT that the IoC list leaves out"},
    {"unbound-hash", DiagnosticLevel::warning, "a hash on the IoC list tied to no file"},
    {"invalid-hash", DiagnosticLevel::error,
     "a hash that is not hexadecimal or has the wrong length for its type"},
    {"invalid-indicator", DiagnosticLevel::warning,
     "an IoC list entry that is not a valid value of its type"},
    {"private-ip-ioc", DiagnosticLevel::error,
     "a private, loopback or reserved address on the IoC list"},
    {"warninglist-ioc", DiagnosticLevel::warning,
     "an IoC on a warninglist (shared or known-benign infrastructure such as GitHub's "
     "185.199.108.0/22)"},
    {"missing-tlp", DiagnosticLevel::warning, "no TLP marking"},
    {"repeated-section", DiagnosticLevel::warning,
     "a section that repeats another word for word (executive summary = final summary, next "
     "steps = lessons learned)"},
    {"escalation-recipient", DiagnosticLevel::warning, "an escalation that names no recipient"},
    {"escalation-reason", DiagnosticLevel::warning, "an escalation that gives no reason"},
    {"severity-wording", DiagnosticLevel::info,
     "the severity does not match the impact the text describes"},
    {"unknown-rule", DiagnosticLevel::warning, "lint.disable names a rule that does not exist"},
});

DiagnosticLevel severity_of(std::string_view rule) {
    for (const LintRule& r : kRules) {
        if (r.id == rule) {
            return r.severity;
        }
    }
    return DiagnosticLevel::warning;
}

/// model::check_case's warnings, as lint findings.
void case_checks(const LintContext& ctx, std::vector<Diagnostic>& out) {
    const std::string file = ctx.case_file();
    for (const Diagnostic& d : model::check_case(ctx.c, file)) {
        Diagnostic finding = d;
        finding.level = severity_of(d.rule);
        out.push_back(std::move(finding));
    }
}

/// Analysis findings that no lint rule covers better (hashes have invalid-hash).
void analysis_findings(const LintContext& ctx, std::vector<Diagnostic>& out) {
    for (const Diagnostic& d : ctx.a.findings) {
        const bool hash_entry = std::any_of(ctx.c.indicators.begin(), ctx.c.indicators.end(),
                                            [&](const model::ManualIndicator& m) {
                                                return is_hash_type(m.type) && m.where == d.where;
                                            });
        if (d.rule == "invalid-indicator" && hash_entry) {
            continue;
        }
        Diagnostic finding = d;
        finding.level = severity_of(d.rule);
        if (!d.quote.empty()) {
            finding.where = ctx.refined(d.quote, d.where);
        }
        out.push_back(std::move(finding));
    }
}

void unknown_rules(const LintContext& ctx, const LintOptions& options,
                   std::vector<Diagnostic>& out) {
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
            out.push_back({DiagnosticLevel::warning,
                           fmt::format("lint.disable names '{}', which is not a lint rule", id),
                           guess.empty() ? "see docs/lint.md for the rule ids"
                                         : fmt::format("did you mean '{}'?", guess),
                           ctx.c.lint.where, "unknown-rule"});
        }
    }
}

} // namespace

std::span<const LintRule> case_lint_rules() {
    return kRules;
}

void sort_findings(std::vector<Diagnostic>& findings) {
    const auto key = [](const Diagnostic& f) {
        return std::tie(f.where.file, f.where.line, f.where.column, f.rule, f.message);
    };
    std::stable_sort(findings.begin(), findings.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
    findings.erase(
        std::unique(findings.begin(), findings.end(),
                    [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
        findings.end());
}

std::vector<Diagnostic> lint_case(const model::Case& c, const Analysis& a,
                                  const LintOptions& options) {
    const LintContext ctx{c, a, options};
    std::vector<Diagnostic> out;
    action_rules(ctx, out);
    indicator_rules(ctx, out);
    wording_rules(ctx, out);
    case_checks(ctx, out);
    analysis_findings(ctx, out);
    unknown_rules(ctx, options, out);

    std::set<std::string, std::less<>> disabled(options.disable.begin(), options.disable.end());
    disabled.insert(c.lint.disable.begin(), c.lint.disable.end());
    std::erase_if(out, [&](const Diagnostic& f) { return disabled.contains(f.rule); });
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
