#include <gtest/gtest.h>

#include "analysis/analyze.hpp"
#include "ioc/extractor.hpp"
#include "render/document/redaction.hpp"
#include "render/document/report_document.hpp"
#include "render/markdown/markdown_report.hpp"

namespace casefile::render {
namespace {

using namespace casefile::model;

Case sample_case() {
    Case c;
    c.alert.ticket_id = "IR-5";
    c.alert.title = "Beacon from WS-7";
    c.alert.observed_at = *parse_time("2025-11-11T13:50:00Z");
    c.alert.description = "User eve.adams@corp.example on WS-7 (10.1.2.3) beaconed to evil-cdn.net";
    c.entities.users.push_back(User{"S-1-5-21-10-20-30-1001",
                                    "Eve Adams",
                                    "CORP\\eve.adams",
                                    "",
                                    "eve.adams@corp.example",
                                    "Accountant",
                                    {}});
    c.entities.devices.push_back(Device{"ws-7.corp.local", "WS-7", {"10.1.2.3"}, {}});
    c.queries.push_back(
        Query{QueryLanguage::kql, "", "DeviceNetworkEvents | where x", "", {}, false});
    c.logs.push_back(
        RawLog{LogKind::firewall,
               "",
               "",
               "2025-11-11T13:42:20Z ALLOW 10.1.2.3:5000 -> 185.199.109.15:443 user=eve.adams "
               "host=WS-7 sid=S-1-5-21-10-20-30-1001 peer=192.168.7.7",
               "",
               std::nullopt,
               {},
               false});
    c.actions.push_back(Action{*parse_time("2025-11-11T14:10:00Z"), "Isolated WS-7", "Bob", {}});
    c.escalations.push_back(Escalation{*parse_time("2025-11-11T14:20:00Z"), "", "", {}});
    c.next_steps = {"Reset the password of eve.adams"};
    c.executive_summary = "Eve Adams' workstation WS-7 was compromised.";
    return c;
}

TEST(ReportDocument, FullShowsTheAnalysisTimelineAfterOsint) {
    analysis::Analysis a;
    a.timeline.push_back({parse_time("2025-11-11T13:42:20Z")->utc,
                          analysis::TimelineKind::evidence,
                          "Firewall 1",
                          {},
                          "allow to evil-cdn.net",
                          "WS-7",
                          "",
                          nullptr});
    a.untimed.push_back({"Auth 2", {}, "no timestamp"});
    auto doc = build_document(sample_case(), a, {});
    ASSERT_TRUE(doc);
    std::vector<std::string> titles;
    const Section* timeline = nullptr;
    for (const auto& s : doc->sections) {
        titles.push_back(s.title);
        if (s.title == "Incident Timeline") {
            timeline = &s;
        }
    }
    const auto at = [&](const char* t) {
        return std::find(titles.begin(), titles.end(), t) - titles.begin();
    };
    EXPECT_EQ(at("Incident Timeline"), at("OSINT & Sandbox Analysis") + 1);
    EXPECT_EQ(at("Analysis & Triage Steps"), at("Incident Timeline") + 1);
    ASSERT_NE(timeline, nullptr);
    ASSERT_EQ(timeline->blocks.front().kind, BlockKind::timeline);
    const TimelineRow& row = timeline->blocks.front().timeline.front();
    EXPECT_EQ(row.time, "2025-11-11T13:42:20Z");
    EXPECT_EQ(row.source, "Firewall 1");
    EXPECT_EQ(row.host, "WS-7");
    EXPECT_EQ(timeline->blocks[1].text, "Evidence without a time (not placed above):");
    EXPECT_EQ(timeline->blocks[2].items.front().text, "Auth 2: no timestamp");
}

TEST(ReportDocument, LeadershipIsOnePageOfDecisions) {
    DocumentOptions o;
    o.audience = Audience::leadership;
    auto extractor = ioc::Extractor::create();
    ASSERT_TRUE(extractor);
    const analysis::Analysis a = analysis::analyze(sample_case(), *extractor);
    auto doc = build_document(sample_case(), a, o);
    ASSERT_TRUE(doc);
    std::vector<std::string> titles;
    for (const auto& s : doc->sections) {
        titles.push_back(s.title);
        for (const auto& b : s.blocks) {
            EXPECT_NE(b.kind, BlockKind::evidence) << "no raw logs for leadership";
        }
    }
    EXPECT_EQ(titles, (std::vector<std::string>{"What Happened", "Impact and Status",
                                                "Key Times and Metrics", "Decisions Needed",
                                                "Next Steps"}));
    const std::string md = *render_markdown(*doc);
    EXPECT_NE(md.find("**Alert observed:** 2025-11-11T13:50:00Z"), std::string::npos) << md;
    EXPECT_NE(md.find("**Time to last action:** 20 min"), std::string::npos) << md;
    EXPECT_NE(md.find("Name an owner for the escalation"), std::string::npos);
}

TEST(ReportDocument, ExternalRedactsConsistentlyAndDropsQueries) {
    auto extractor = ioc::Extractor::create();
    ASSERT_TRUE(extractor);
    DocumentOptions o;
    o.audience = Audience::external;
    o.extractor = &*extractor;
    o.defang_prose = [&](std::string_view s) { return ioc::defang_text(s, *extractor); };
    auto doc = build_document(sample_case(), {}, o);
    ASSERT_TRUE(doc);
    const std::string md = *render_markdown(*doc);
    for (const char* personal : {"eve.adams", "Eve Adams", "WS-7", "ws-7.corp.local", "10.1.2.3",
                                 "192.168.7.7", "S-1-5-21-10-20-30-1001", "corp.example"}) {
        EXPECT_EQ(md.find(personal), std::string::npos) << personal << "\n" << md;
    }
    EXPECT_NE(md.find("User User-1 on Host-1 (Private-IP-1)"), std::string::npos) << md;
    EXPECT_NE(md.find("Private-IP-1:5000 -> 185[.]199[.]109[.]15:443 user=User-1 host=Host-1 "
                      "sid=User-1 peer=Private-IP-2"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("evil-cdn[.]net"), std::string::npos);
    EXPECT_EQ(md.find("DeviceNetworkEvents"), std::string::npos) << "internal queries left out";
    EXPECT_EQ(md.find("Bob"), std::string::npos) << "who acted is internal";
    EXPECT_NE(md.find("**TLP:AMBER**"), std::string::npos) << "unset TLP defaults to AMBER";
}

TEST(ReportDocument, ExternalRefusesRedAndAmberStrict) {
    for (Tlp tlp : {Tlp::red, Tlp::amber_strict}) {
        Case c = sample_case();
        c.alert.tlp = tlp;
        DocumentOptions o;
        o.audience = Audience::external;
        auto doc = build_document(c, {}, o);
        ASSERT_FALSE(doc);
        EXPECT_EQ(doc.error().code, ErrorCode::bad_usage);
        EXPECT_NE(doc.error().hint.find("--audience full"), std::string::npos);
    }
}

TEST(Redactor, SameValueSamePseudonym) {
    Redactor r;
    EXPECT_EQ(r.add("Host", "db-1"), "Host-1");
    EXPECT_EQ(r.add("Host", "web-2"), "Host-2");
    EXPECT_EQ(r.add("Host", "DB-1"), "Host-1");
    EXPECT_EQ(r.apply("db-1 talks to web-2 and db-10; DB-1."),
              "Host-1 talks to Host-2 and db-10; Host-1.");
}

TEST(Audience, ParsesNames) {
    EXPECT_EQ(parse_audience("Leadership"), Audience::leadership);
    EXPECT_FALSE(parse_audience("board"));
}

} // namespace
} // namespace casefile::render
