#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(ZeekTsv, ConnLog) {
    const ParseResult r = parse_sample("zeek-tsv", "conn.log");
    ASSERT_EQ(r.events.size(), 2u);
    const Event& e = r.events[0];
    EXPECT_EQ(e.line, 9u);
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:42:18.120055Z");
    EXPECT_EQ(e.source_ip, "10.0.5.22");
    EXPECT_EQ(e.destination_ip, "185.199.109.15");
    EXPECT_EQ(e.destination_port, 443);
    EXPECT_EQ(e.network_protocol, "ssl");
    EXPECT_EQ(e.source_bytes, 10324u);
    EXPECT_EQ(e.destination_bytes, 12312u);
    ASSERT_NE(e.field("tunnel_parents"), nullptr);
    EXPECT_EQ(*e.field("tunnel_parents"), ""); // (empty)
    EXPECT_EQ(r.events[1].event_outcome, "failure");
    EXPECT_EQ(*r.events[1].field("service"), ""); // unset "-"
}

TEST(ZeekTsv, DnsLog) {
    const ParseResult r = parse_sample("zeek-tsv", "dns.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].dns_question_name, "cdn-dropbox.io");
    EXPECT_EQ(*r.events[1].field("answers"), "20.190.160.20,20.190.160.22");
}

TEST(ZeekTsv, ShortRowInHttpLog) {
    const ParseResult r = parse_sample("zeek-tsv", "malformed-http.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 5));
    EXPECT_EQ(r.events[0].url_full, "http://cdn-dropbox.io/payload.exe");
    EXPECT_EQ(r.events[1].destination_domain, "intranet.contoso.local");
}

} // namespace
} // namespace casefile::logs
