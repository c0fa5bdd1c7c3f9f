#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(ZeekJson, ConnAndDnsWithEpochTimes) {
    const ParseResult r = parse_sample("zeek-json", "conn-dns.json");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(testing::utc(r.events[0]), "2025-11-11T13:42:18.120055Z");
    EXPECT_EQ(r.events[0].source_port, 49823);
    EXPECT_EQ(r.events[1].dns_question_name, "cdn-dropbox.io");
    ASSERT_NE(r.events[1].field("answers.0"), nullptr);
    EXPECT_EQ(*r.events[1].field("answers.0"), "185.199.109.15");
}

TEST(ZeekJson, HttpAndSslWithIsoTimes) {
    const ParseResult r = parse_sample("zeek-json", "http-ssl-iso.json");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].event_action, "http"); // inferred without _path
    EXPECT_EQ(r.events[0].url_full, "http://cdn-dropbox.io/payload.exe");
    EXPECT_EQ(r.events[0].user_agent_original, "Mozilla/5.0 WindowsPowerShell/5.1");
    EXPECT_EQ(r.events[1].event_action, "ssl");
    EXPECT_EQ(r.events[1].destination_domain, "cdn-dropbox.io");
}

TEST(ZeekJson, BrokenLineIsADiagnostic) {
    const ParseResult r = parse_sample("zeek-json", "malformed.json");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(testing::utc(r.events[1]), "2025-11-11T13:45:43.500Z");
}

} // namespace
} // namespace casefile::logs
