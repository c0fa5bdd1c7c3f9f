#include <gtest/gtest.h>

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

TEST(ReportDocument, FullKeepsTheReferenceSectionsAndAddsATimeline) {
    auto doc = build_document(sample_case(), {}, {});
    ASSERT_TRUE(doc);
    std::vector<std::string> titles;
    for (const auto& s : doc->sections) {
        titles.push_back(s.title);
        if (s.title == "Incident Timeline") {
            EXPECT_FALSE(s.reference) << "not part of the reference Markdown layout";
        }
    }
    EXPECT_EQ(titles.front(), "Alert Overview");
    EXPECT_NE(std::find(titles.begin(), titles.end(), "Incident Timeline"), titles.end());
    EXPECT_NE(std::find(titles.begin(), titles.end(), "Search Queries"), titles.end());
}

TEST(ReportDocument, TimelineSortsCaseEventsAndReadsEvidenceTimes) {
    const auto rows = case_timeline(sample_case());
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].time, "2025-11-11T13:42:20Z");
    EXPECT_EQ(rows[0].source, "Firewall 1");
    EXPECT_EQ(rows[1].source, "Alert");
    EXPECT_EQ(rows[2].source, "Action");
    EXPECT_EQ(rows[3].source, "Escalation");
}

TEST(ReportDocument, LeadershipIsOnePageOfDecisions) {
    DocumentOptions o;
    o.audience = Audience::leadership;
    auto doc = build_document(sample_case(), {}, o);
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
    EXPECT_NE(md.find("**First evidence to first action:** 27 min 40 s"), std::string::npos) << md;
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
