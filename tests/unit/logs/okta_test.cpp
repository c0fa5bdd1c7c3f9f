#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(Okta, SystemLogArray) {
    const ParseResult r = parse_sample("okta", "system-log.json");
    ASSERT_EQ(r.events.size(), 2u);
    const Event& e = r.events[0];
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:37:55.312Z");
    EXPECT_EQ(e.event_action, "user.session.start");
    EXPECT_EQ(e.event_category, "authentication");
    EXPECT_EQ(e.user_name, "j.smith@contoso.com");
    EXPECT_EQ(e.user_id, "00u1a2b3c4d5e6f7g8h9");
    EXPECT_EQ(e.source_ip, "203.0.113.77");
    EXPECT_EQ(e.event_outcome, "success");
    ASSERT_NE(e.field("client.geographicalContext.city"), nullptr);
    EXPECT_NE(r.events[1].message.find("a.jones@contoso.com"), std::string::npos);
    EXPECT_EQ(r.events[1].event_category, "iam");
}

TEST(Okta, StreamedFailures) {
    const ParseResult r = parse_sample("okta", "stream.jsonl");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].event_outcome, "failure");
    EXPECT_EQ(r.events[0].user_agent_original, "Okta Verify/9.12");
    EXPECT_EQ(r.events[1].event_outcome, "failure"); // DENY
}

TEST(Okta, TruncatedLineIsADiagnostic) {
    const ParseResult r = parse_sample("okta", "malformed.jsonl");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(r.events[1].user_name, "a.jones@contoso.com");
}

} // namespace
} // namespace casefile::logs
