#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(ProxyText, ReferenceDefangedRequest) {
    const ParseResult r = parse_sample("proxy-text", "reference-proxy.log");
    ASSERT_EQ(r.events.size(), 1u);
    const Event& e = r.events[0];
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:43:03Z");
    EXPECT_EQ(e.http_request_method, "GET");
    EXPECT_EQ(e.url_original, "hxxps[:]//cdn-dropbox[.]io/assets/finance_report_update.ps1");
    EXPECT_EQ(e.url_full, "https://cdn-dropbox.io/assets/finance_report_update.ps1");
    EXPECT_EQ(e.url_domain, "cdn-dropbox.io");
    EXPECT_EQ(e.http_response_status_code, "200");
    EXPECT_EQ(e.destination_bytes, 14820u);
    ASSERT_NE(e.field("url"), nullptr);
    EXPECT_EQ(*e.field("url"), "hxxps[:]//cdn-dropbox[.]io/assets/finance_report_update.ps1");
    EXPECT_TRUE(testing::contains(e.related_hosts, "cdn-dropbox.io"));
}

TEST(ProxyText, OtherDefangNotationsAndExtraLines) {
    const ParseResult r = parse_sample("proxy-text", "requests.log");
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_EQ(r.events[0].source_ip, "10.0.5.22");
    EXPECT_EQ(r.events[0].user_name, "j.smith");
    EXPECT_TRUE(r.events[0].url_original.empty()); // written plainly: nothing to keep
    EXPECT_NE(r.events[0].user_agent_original.find("PowerShell/5.1"), std::string::npos);
    EXPECT_EQ(r.events[1].url_full, "http://cdn-dropbox.io/payload.exe");
    EXPECT_EQ(r.events[1].destination_bytes, 2310144u);
    EXPECT_EQ(r.events[2].url_full, "https://203.0.113.50:8443/gate.php");
    EXPECT_EQ(r.events[2].http_response_status_code, "403");
    EXPECT_EQ(r.events[2].event_outcome, "failure");
}

TEST(ProxyText, UnknownMethodIsADiagnostic) {
    const ParseResult r = parse_sample("proxy-text", "malformed.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 3));
    EXPECT_EQ(r.events[1].url_full, "https://cdn-dropbox.io/assets/c.ps1");
    EXPECT_EQ(r.events[1].http_response_status_code, "404");
}

} // namespace
} // namespace casefile::logs
