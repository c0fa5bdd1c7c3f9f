#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(SuricataEve, DnsTlsAlert) {
    const ParseResult r = parse_sample("suricata-eve", "eve.json");
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_EQ(testing::utc(r.events[0]), "2025-11-11T13:42:17.903412Z");
    EXPECT_EQ(r.events[0].dns_question_name, "cdn-dropbox.io");
    EXPECT_EQ(r.events[0].network_transport, "udp");
    EXPECT_EQ(r.events[1].destination_domain, "cdn-dropbox.io");
    EXPECT_EQ(r.events[1].event_action, "tls");
    const Event& alert = r.events[2];
    EXPECT_EQ(alert.event_category, "intrusion_detection");
    EXPECT_EQ(alert.rule_name, "ET POLICY PE EXE or DLL Windows file download HTTP");
    EXPECT_EQ(alert.event_code, "2018959");
    EXPECT_EQ(alert.url_full, "http://cdn-dropbox.io/payload.exe");
}

TEST(SuricataEve, HttpFlowFileinfo) {
    const ParseResult r = parse_sample("suricata-eve", "http-flow.json");
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_EQ(r.events[0].http_request_method, "GET");
    EXPECT_EQ(r.events[0].http_response_status_code, "200");
    EXPECT_EQ(r.events[1].source_bytes, 24310u);
    EXPECT_EQ(r.events[1].destination_bytes, 2398211u);
    EXPECT_EQ(r.events[2].file_name, "payload.exe");
    EXPECT_EQ(r.events[2].file_hash_sha256,
              "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8");
    EXPECT_EQ(r.events[2].url_full, "http://cdn-dropbox.io/payload.exe");
}

TEST(SuricataEve, DnsV3AndABrokenLine) {
    const ParseResult r = parse_sample("suricata-eve", "malformed.json");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(r.events[0].dns_question_name, "update.cdn-dropbox.io");
    EXPECT_EQ(r.events[1].event_outcome, "failure"); // blocked
}

} // namespace
} // namespace casefile::logs
