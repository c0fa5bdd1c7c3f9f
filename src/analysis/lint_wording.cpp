// Lint rules about wording: a severity the described impact does not support.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "analysis/lint_rules.hpp"
#include "core/text.hpp"

namespace casefile::analysis {
namespace {

/// True when the sentence around `at` negates what is found there ("no evidence of ...").
bool negated(std::string_view lower, size_t at) {
    const size_t start = lower.find_last_of(".!?;\n", at);
    const std::string_view before =
        lower.substr(start == std::string_view::npos ? 0 : start + 1,
                     at - (start == std::string_view::npos ? 0 : start + 1));
    for (std::string_view n : {"no ", "not ", "without ", "nor ", "never ", "ruled out "}) {
        if (before.starts_with(n) || before.find(fmt::format(" {}", n)) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

/// Terms from `terms` that `text` states (not negated), in list order.
std::vector<std::string_view> stated(std::string_view text,
                                     std::span<const std::string_view> terms) {
    const std::string lower = to_lower(text);
    std::vector<std::string_view> found;
    for (std::string_view term : terms) {
        for (size_t at = lower.find(term); at != std::string::npos; at = lower.find(term, at + 1)) {
            const bool word_start =
                at == 0 || !std::isalnum(static_cast<unsigned char>(lower[at - 1]));
            if (word_start && !negated(lower, at)) {
                found.push_back(term);
                break;
            }
        }
    }
    return found;
}

constexpr auto kHighImpact = std::to_array<std::string_view>({
    "ransomware",
    "exfiltrat",
    "data theft",
    "domain admin",
    "domain controller",
    "credential compromise",
    "compromised credentials",
    "account compromise",
    "c2 ",
    "command and control",
    "command-and-control",
    "lateral movement",
    "privilege escalation",
    "backdoor",
    "remote access trojan",
    "encrypted files",
    "wiper",
});

constexpr auto kLowImpact = std::to_array<std::string_view>({
    "false positive",
    "benign",
    "no impact",
    "authorized testing",
    "authorised testing",
    "expected behavio",
    "penetration test",
});

} // namespace

void wording_rules(const LintContext& ctx, std::vector<Diagnostic>& out) {
    const model::Case& c = ctx.c;
    const std::string text = c.alert.description + "\n" + c.summary + "\n" + c.executive_summary;
    const model::Severity s = c.alert.severity;
    if (s <= model::Severity::medium) {
        const auto terms = stated(text, kHighImpact);
        if (!terms.empty()) {
            std::vector<std::string> words;
            for (auto t : terms) {
                words.emplace_back(trim(t));
            }
            out.push_back({DiagnosticLevel::info,
                           fmt::format("severity is {} but the report describes {}",
                                       model::display_name(s), join(words, ", ")),
                           "raise the severity, or say in the summary why the impact is limited",
                           ctx.location("alert.severity"), "severity-wording"});
        }
    } else {
        const auto terms = stated(text, kLowImpact);
        if (!terms.empty()) {
            out.push_back({DiagnosticLevel::info,
                           fmt::format("severity is {} but the report calls the activity {}",
                                       model::display_name(s), terms.front()),
                           "lower the severity, or say what makes it serious",
                           ctx.location("alert.severity"), "severity-wording"});
        }
    }
}

} // namespace casefile::analysis
