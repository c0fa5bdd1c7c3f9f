#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(CiscoAsa, BuiltAndTeardown) {
    ParseOptions options;
    options.default_zone = "Europe/Berlin";
    const ParseResult r = parse_sample("cisco-asa", "connections.log", options);
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_TRUE(r.diagnostics.empty());
    const Event& built = r.events[0];
    EXPECT_EQ(built.event_code, "302013");
    EXPECT_EQ(testing::utc(built), "2025-11-11T13:42:20Z");
    EXPECT_EQ(built.source_ip, "10.0.5.22"); // outbound: the inside host started it
    EXPECT_EQ(built.source_port, 49823);
    EXPECT_EQ(built.destination_ip, "185.199.109.15");
    EXPECT_EQ(built.destination_port, 443);
    EXPECT_EQ(built.network_transport, "tcp");
    const Event& teardown = r.events[1];
    EXPECT_EQ(teardown.event_action, "connection-ended");
    ASSERT_NE(teardown.field("asa.bytes"), nullptr);
    EXPECT_EQ(*teardown.field("asa.bytes"), "22636");
    EXPECT_EQ(*teardown.field("asa.duration"), "0:00:12");
    EXPECT_EQ(r.events[2].network_transport, "udp");
}

TEST(CiscoAsa, AccessListDecisionsAndInbound) {
    ParseOptions options;
    options.default_zone = "UTC";
    options.default_year = 2025;
    const ParseResult r = parse_sample("cisco-asa", "acl-decisions.log", options);
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_EQ(r.events[0].event_action, "deny");
    EXPECT_EQ(r.events[0].rule_name, "INSIDE_OUT");
    EXPECT_EQ(r.events[0].destination_ip, "203.0.113.50");
    EXPECT_EQ(r.events[0].host_name, "fw01");
    EXPECT_EQ(r.events[1].event_action, "allow");
    EXPECT_EQ(r.events[1].source_ip, "172.16.5.13");
    EXPECT_EQ(r.events[1].destination_port, 3389);
    EXPECT_EQ(r.events[2].source_ip, "203.0.113.77"); // inbound: the outside host started it
    EXPECT_EQ(testing::utc(r.events[2]), "2025-11-11T14:47:00Z");
}

TEST(CiscoAsa, LineWithoutMessageIdIsADiagnostic) {
    ParseOptions options;
    options.default_zone = "UTC";
    const ParseResult r = parse_sample("cisco-asa", "malformed.log", options);
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(r.events[1].line, 3u);
}

} // namespace
} // namespace casefile::logs
