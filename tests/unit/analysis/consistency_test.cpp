#include <gtest/gtest.h>

#include "analysis/analyze.hpp"
#include "analysis/consistency.hpp"
#include "analysis/timeline.hpp"

namespace casefile::analysis {
namespace {

using namespace casefile::model;
using std::chrono::minutes;

TEST(FindUtcClockTimes, OnlyTimesMarkedUtc) {
    const auto found = find_utc_clock_times("At 13:42 UTC, then 14:05:09Z and 09:00 GMT; but 10:30 "
                                            "local, 1:5 UTC, 123:45 UTC, 12:34UTCx");
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].minutes_of_day, 13 * 60 + 42);
    EXPECT_EQ(found[0].text, "13:42 UTC");
    EXPECT_EQ(found[1].text, "14:05:09Z");
    EXPECT_EQ(found[2].minutes_of_day, 9 * 60);
}

TEST(FindWithinClaims, DigitsWordsAndUnits) {
    const auto found = find_within_claims(
        "Contained within 30 minutes, resolved within two hours and within an hour; within reach.");
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].limit, minutes(30));
    EXPECT_EQ(found[0].text, "within 30 minutes");
    EXPECT_EQ(found[1].limit, minutes(120));
    EXPECT_EQ(found[2].limit, minutes(60));
}

TEST(IsContainment, ContainmentVerbs) {
    EXPECT_TRUE(is_containment("Contained host FIN-SRV02 in Defender portal"));
    EXPECT_TRUE(is_containment("Analyst quarantined file update.exe"));
    EXPECT_TRUE(is_containment("Disabled user account j.smith"));
    EXPECT_TRUE(is_containment("Closed firewall egress rule"));
    EXPECT_FALSE(is_containment("Notified Finance IT manager"));
    EXPECT_FALSE(is_containment("Extracted forensic memory image"));
}

Time t(const char* text) {
    return *parse_time(text);
}

Case shifted_case() {
    Case c;
    c.alert.ticket_id = "IR-1";
    c.alert.title = "T";
    c.alert.observed_at = t("2025-11-11T18:42:00Z");
    c.alert.description = "At 13:42 UTC Defender saw it.";
    c.logs.push_back(
        RawLog{LogKind::firewall,
               "firewall-text",
               "",
               "2025-11-11T13:42:20Z ALLOW TCP 10.0.5.22:49823 -> 185.199.109.15:443\n",
               "",
               {},
               {},
               false});
    c.actions.push_back(Action{t("2025-11-11T18:50:00Z"), "Contained host", "", {}});
    c.actions.push_back(Action{t("2025-11-11T12:00:00Z"), "Opened ticket", "", {}});
    c.summary = "The incident was contained within 30 minutes.";
    return c;
}

std::vector<std::string> rules(const Analysis& a) {
    std::vector<std::string> out;
    for (const auto& d : a.findings) {
        out.push_back(d.rule);
    }
    return out;
}

TEST(CheckConsistency, FindsTheReferenceContradictions) {
    const Analysis a = analyze(shifted_case(), *ioc::Extractor::create());
    const auto found = rules(a);
    EXPECT_EQ(std::count(found.begin(), found.end(), "time-shift"), 1);
    EXPECT_EQ(std::count(found.begin(), found.end(), "time-contradiction"), 1);
    EXPECT_EQ(std::count(found.begin(), found.end(), "claim-contradicted"), 1);
    EXPECT_EQ(std::count(found.begin(), found.end(), "action-before-alert"), 1);
    for (const auto& d : a.findings) {
        if (d.rule == "time-shift") {
            EXPECT_NE(d.message.find("looks like local time taken as UTC"), std::string::npos);
            EXPECT_NE(d.hint.find("2025-11-11T13:42:00Z"), std::string::npos) << d.hint;
        }
    }
}

TEST(CheckConsistency, ConsistentCaseHasNoFindings) {
    Case c = shifted_case();
    c.alert.observed_at = t("2025-11-11T13:45:00Z");
    c.actions = {Action{t("2025-11-11T14:00:00Z"), "Contained host", "", {}}};
    c.summary = "Contained within 30 minutes.";
    const Analysis a = analyze(c, *ioc::Extractor::create());
    EXPECT_TRUE(a.findings.empty()) << a.findings.front().to_string();
    EXPECT_EQ(a.metrics.time_to_detect(), std::chrono::seconds(160));
    EXPECT_EQ(a.metrics.time_to_contain(), minutes(15));
}

TEST(Timeline, OrdersRowsAndListsUntimedEvidence) {
    Case c = shifted_case();
    c.logs.push_back(RawLog{LogKind::auth,
                            "windows-security-text",
                            "",
                            "Logon Type: 10 (RemoteInteractive)\nWorkstation Name: X\n",
                            "",
                            {},
                            {},
                            false});
    c.logs.push_back(RawLog{
        LogKind::other, "", "", "no idea what this is", "", t("2025-11-11T13:00:00Z"), {}, false});
    const Analysis a = analyze(c, *ioc::Extractor::create());
    ASSERT_GE(a.timeline.size(), 4u);
    EXPECT_TRUE(std::is_sorted(a.timeline.begin(), a.timeline.end(),
                               [](const auto& x, const auto& y) { return x.time < y.time; }));
    EXPECT_EQ(a.timeline[0].origin, "Actions Taken"); // 12:00, recorded before the alert
    EXPECT_EQ(a.timeline[1].origin, "Log 3");         // its recorded time, 13:00
    EXPECT_EQ(a.timeline[2].origin, "Firewall 1");
    ASSERT_EQ(a.untimed.size(), 1u);
    EXPECT_EQ(a.untimed[0].label, "Auth 2");
}

} // namespace
} // namespace casefile::analysis
