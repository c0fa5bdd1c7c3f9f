#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(Iptables, UfwKernelLog) {
    ParseOptions options;
    options.default_zone = "UTC";
    options.default_year = 2025;
    const ParseResult r = parse_sample("iptables", "ufw-kern.log", options);
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(r.diagnostics.empty());
    const Event& e = r.events[0];
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:45:41Z");
    EXPECT_EQ(e.rule_name, "[UFW BLOCK]");
    EXPECT_EQ(e.event_action, "deny");
    EXPECT_EQ(e.source_ip, "203.0.113.77");
    EXPECT_EQ(e.destination_ip, "10.0.5.1");
    EXPECT_EQ(e.destination_port, 22);
    EXPECT_EQ(e.network_transport, "tcp");
    EXPECT_EQ(e.host_name, "gw01");
    ASSERT_NE(e.field("TTL"), nullptr);
    EXPECT_EQ(r.events[1].event_action, "allow");
}

TEST(Iptables, WithoutYearTheEventsAreUntimed) {
    ParseOptions options;
    options.default_zone = "UTC";
    const ParseResult r = parse_sample("iptables", "ufw-kern.log", options);
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_FALSE(r.events[0].time.has_value());
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].rule, "log-time-without-year");
}

TEST(Iptables, RawPrefixesAndIpv6) {
    const ParseResult r = parse_sample("iptables", "netfilter-raw.log");
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_EQ(r.events[0].rule_name, "DROP-OUT");
    EXPECT_EQ(r.events[0].destination_port, 8443);
    EXPECT_EQ(r.events[1].event_action, "allow");
    EXPECT_EQ(r.events[2].source_ip, "2001:db8::77");
    EXPECT_EQ(testing::utc(r.events[2]), "2025-11-11T13:46:00Z");
}

TEST(Iptables, NonNetfilterLineAndBadPort) {
    ParseOptions options;
    options.default_zone = "UTC";
    options.default_year = 2025;
    const ParseResult r = parse_sample("iptables", "malformed.log", options);
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_FALSE(r.events[1].destination_port.has_value()); // 99999 is no port
    ASSERT_NE(r.events[1].field("DPT"), nullptr);
    EXPECT_EQ(*r.events[1].field("DPT"), "99999");
}

} // namespace
} // namespace casefile::logs
