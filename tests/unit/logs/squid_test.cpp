#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(Squid, NativeAccessLog) {
    const ParseResult r = parse_sample("squid", "access.log");
    ASSERT_EQ(r.events.size(), 3u);
    const Event& e = r.events[0];
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:43:03.412Z");
    EXPECT_EQ(e.time_original, "1762868583.412");
    EXPECT_EQ(e.source_ip, "10.0.5.22");
    EXPECT_EQ(e.event_action, "TCP_MISS");
    EXPECT_EQ(e.http_response_status_code, "200");
    EXPECT_EQ(e.destination_bytes, 14820u);
    EXPECT_EQ(e.url_full, "https://cdn-dropbox.io/assets/finance_report_update.ps1");
    EXPECT_EQ(e.user_name, "j.smith");
    EXPECT_EQ(e.destination_ip, "185.199.109.15");
    const Event& tunnel = r.events[1];
    EXPECT_EQ(tunnel.http_request_method, "CONNECT");
    EXPECT_EQ(tunnel.destination_domain, "cdn-dropbox.io");
    EXPECT_EQ(tunnel.destination_port, 443);
    EXPECT_EQ(r.events[2].event_outcome, "failure");
    EXPECT_TRUE(r.events[2].user_name.empty());
}

TEST(Squid, CacheHitsAndParents) {
    const ParseResult r = parse_sample("squid", "cache-hits.log");
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_TRUE(r.events[0].destination_ip.empty()); // HIER_NONE/-
    EXPECT_EQ(r.events[1].destination_ip, "192.0.2.80");
    EXPECT_EQ(r.events[2].user_name, "a.jones");
    EXPECT_EQ(r.events[2].event_outcome, "failure");
}

TEST(Squid, CacheLogLineIsADiagnostic) {
    const ParseResult r = parse_sample("squid", "malformed.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(r.events[1].line, 3u);
}

} // namespace
} // namespace casefile::logs
