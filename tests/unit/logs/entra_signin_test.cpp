#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(EntraSignin, GraphApiValueArray) {
    const ParseResult r = parse_sample("entra-signin", "graph-signins.json");
    ASSERT_EQ(r.events.size(), 2u);
    const Event& ok = r.events[0];
    EXPECT_EQ(ok.line, 4u);
    EXPECT_EQ(testing::utc(ok), "2025-11-11T13:38:12Z");
    EXPECT_EQ(ok.user_name, "j.smith@contoso.com");
    EXPECT_EQ(ok.user_id, "d7a1c3b2-8e4f-4a5b-9c6d-0e1f2a3b4c5d");
    EXPECT_EQ(ok.source_ip, "203.0.113.77");
    EXPECT_EQ(ok.event_outcome, "success");
    EXPECT_EQ(ok.event_category, "authentication");
    EXPECT_NE(ok.message.find("Lagos, NG"), std::string::npos);
    ASSERT_NE(ok.field("deviceDetail.browser"), nullptr);
    EXPECT_EQ(*ok.field("deviceDetail.browser"), "Edge 130.0.0");
    const Event& failed = r.events[1];
    EXPECT_EQ(failed.event_code, "50126");
    EXPECT_EQ(failed.event_outcome, "failure");
}

TEST(EntraSignin, DiagnosticSettingsRecords) {
    const ParseResult r = parse_sample("entra-signin", "diagnostic-records.json");
    ASSERT_EQ(r.events.size(), 1u);
    const Event& e = r.events[0];
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:39:05.221Z");
    EXPECT_EQ(e.host_name, "FIN-SRV02");
    EXPECT_EQ(e.source_ip, "172.16.5.13");
    EXPECT_EQ(e.user_agent_original, "Windows-AzureAD-Authentication-Provider/1.0");
}

TEST(EntraSignin, SentinelRowsWithABrokenLine) {
    const ParseResult r = parse_sample("entra-signin", "malformed.jsonl");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(r.events[1].event_code, "50074");
    EXPECT_EQ(r.events[1].event_outcome, "failure");
    EXPECT_EQ(r.events[1].source_ip, "203.0.113.77");
}

} // namespace
} // namespace casefile::logs
