#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(FirewallText, ReferenceSession) {
    const ParseResult r = parse_sample("firewall-text", "reference-firewall.log");
    ASSERT_EQ(r.events.size(), 1u);
    const Event& e = r.events[0];
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:42:20Z");
    EXPECT_EQ(e.event_action, "allow");
    EXPECT_EQ(e.network_transport, "tcp");
    EXPECT_EQ(e.source_ip, "10.0.5.22");
    EXPECT_EQ(e.source_port, 49823);
    EXPECT_EQ(e.destination_ip, "185.199.109.15");
    EXPECT_EQ(e.destination_port, 443);
    EXPECT_EQ(e.rule_name, "OUTBOUND-HTTPS-ALLOW");
    EXPECT_EQ(e.process_name, "powershell.exe");
    EXPECT_EQ(e.source_bytes, 10324u);
    EXPECT_EQ(e.destination_bytes, 12312u);
    ASSERT_NE(e.field("SessionDuration"), nullptr);
    EXPECT_EQ(*e.field("SessionDuration"), "12s");
    EXPECT_EQ(e.raw.substr(0, 20), "2025-11-11T13:42:20Z");
    EXPECT_NE(e.raw.find("SessionDuration: 12s"), std::string::npos);
}

TEST(FirewallText, SeveralSessionsIncludingIpv6AndOffsets) {
    const ParseResult r = parse_sample("firewall-text", "sessions.log");
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_EQ(r.events[1].event_action, "deny");
    EXPECT_EQ(r.events[1].event_outcome, "failure");
    EXPECT_EQ(r.events[1].line, 7u);
    EXPECT_EQ(r.events[2].source_ip, "2001:db8::22");
    EXPECT_EQ(r.events[2].destination_port, 443);
    EXPECT_EQ(testing::utc(r.events[2]), "2025-11-11T12:46:02Z");
    EXPECT_EQ(r.events[2].user_name, "j.smith");
}

TEST(FirewallText, BadHeaderAndBadTime) {
    const ParseResult r = parse_sample("firewall-text", "malformed.log");
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 3)); // "to" instead of "->"
    EXPECT_TRUE(testing::has_diagnostic_at(r, 5)); // month 13
    EXPECT_FALSE(r.events[1].time.has_value());
    EXPECT_EQ(r.events[1].time_original, "2025-13-11T13:42:22Z");
    EXPECT_EQ(r.events[2].line, 7u);
}

} // namespace
} // namespace casefile::logs
