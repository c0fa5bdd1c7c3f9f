#include "model/validate.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace casefile::model {
namespace {

/// Collapses runs of whitespace so re-wrapped copies of the same text compare equal.
std::string normalized(std::string_view s) {
    std::string out;
    bool space = false;
    for (const char c : trim(s)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) {
            out += ' ';
        }
        space = false;
        out += c;
    }
    return out;
}

std::string normalized(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += normalized(item);
        out += '\n';
    }
    return out;
}

SourceLocation location_of(const Case& c, const std::string& key, const std::string& file) {
    const auto it = c.locations.find(key);
    return it != c.locations.end() ? it->second : SourceLocation{file, 0, 0};
}

} // namespace

std::vector<Diagnostic> check_case(const Case& c, const std::string& file) {
    std::vector<Diagnostic> out;
    if (!c.alert.tlp) {
        out.push_back(Diagnostic{
            DiagnosticLevel::warning, "the case has no TLP marking",
            "add 'tlp: TLP:AMBER' (or the level the information owner chose) under 'alert'",
            location_of(c, "alert", file), "missing-tlp"});
    }
    if (!c.executive_summary.empty() && normalized(c.executive_summary) == normalized(c.summary)) {
        out.push_back(Diagnostic{
            DiagnosticLevel::warning,
            "the executive summary repeats the final summary word for word",
            "leaders need impact, status and decisions in plain words: rewrite it for them",
            location_of(c, "executive_summary", file), "repeated-section"});
    }
    if (!c.next_steps.empty() && normalized(c.next_steps) == normalized(c.lessons)) {
        out.push_back(Diagnostic{
            DiagnosticLevel::warning, "next steps repeat the lessons learned item for item",
            "list the concrete follow-up actions, each with an owner, under next_steps",
            location_of(c, "next_steps", file), "repeated-section"});
    }
    for (const Escalation& e : c.escalations) {
        if (trim(e.to).empty()) {
            out.push_back(Diagnostic{DiagnosticLevel::warning,
                                     "escalation does not say to whom it went",
                                     "add 'to:' (a person, team or role) and 'reason:'", e.where,
                                     "escalation-recipient"});
        } else if (trim(e.reason).empty()) {
            out.push_back(Diagnostic{DiagnosticLevel::warning,
                                     fmt::format("escalation to {} gives no reason", e.to),
                                     "add 'reason:' so the recipient knows what is asked", e.where,
                                     "escalation-reason"});
        }
    }
    return out;
}

} // namespace casefile::model
