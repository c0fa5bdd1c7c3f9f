#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(PanosCsv, TrafficWithoutZoneIsUntimedWithOneDiagnostic) {
    const ParseResult r = parse_sample("panos-csv", "traffic-syslog.log");
    ASSERT_EQ(r.events.size(), 2u);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].rule, "log-time-without-zone");
    EXPECT_NE(r.diagnostics[0].hint.find("--zone"), std::string::npos);
    const Event& e = r.events[0];
    EXPECT_FALSE(e.time.has_value());
    EXPECT_EQ(e.time_original, "2025/11/11 14:42:33");
    EXPECT_EQ(e.source_ip, "10.0.5.22");
    EXPECT_EQ(e.destination_ip, "185.199.109.15");
    EXPECT_EQ(e.source_port, 49823);
    EXPECT_EQ(e.destination_port, 443);
    EXPECT_EQ(e.rule_name, "OUTBOUND-HTTPS-ALLOW");
    EXPECT_EQ(e.user_name, "j.smith");
    EXPECT_EQ(e.network_protocol, "ssl");
    EXPECT_EQ(e.network_transport, "tcp");
    EXPECT_EQ(e.source_bytes, 10324u);
    EXPECT_EQ(e.destination_bytes, 12312u);
    EXPECT_EQ(e.host_name, "PA-3220");
    EXPECT_EQ(r.events[1].event_action, "deny");
}

TEST(PanosCsv, ZoneSetByTheAnalyst) {
    ParseOptions options;
    options.default_zone = "Europe/Berlin";
    const ParseResult r = parse_sample("panos-csv", "traffic-syslog.log", options);
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(r.diagnostics.empty());
    EXPECT_EQ(testing::utc(r.events[0]), "2025-11-11T13:42:33Z");
}

TEST(PanosCsv, ExportWithHeaderAndHighResolutionTimestamp) {
    const ParseResult r = parse_sample("panos-csv", "web-export.csv");
    ASSERT_EQ(r.events.size(), 1u);
    EXPECT_TRUE(r.diagnostics.empty());
    EXPECT_EQ(testing::utc(r.events[0]), "2025-11-11T13:42:33.512Z");
    EXPECT_EQ(r.events[0].network_transport, "tcp");
    EXPECT_EQ(r.events[0].rule_name, "OUTBOUND-HTTPS-ALLOW");
}

TEST(PanosCsv, ShortLineIsADiagnostic) {
    ParseOptions options;
    options.default_zone = "UTC";
    const ParseResult r = parse_sample("panos-csv", "malformed.log", options);
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(r.events[1].source_port, 53012);
    EXPECT_EQ(testing::utc(r.events[1]), "2025-11-11T14:40:04Z");
}

} // namespace
} // namespace casefile::logs
