#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(W3c, IisLogIsUtc) {
    const ParseResult r = parse_sample("w3c", "iis.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(r.diagnostics.empty());
    const Event& e = r.events[1];
    EXPECT_EQ(e.line, 6u);
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:39:02Z");
    EXPECT_EQ(e.http_request_method, "GET");
    EXPECT_EQ(e.url_full, "/owa/?layout=mouse");
    EXPECT_EQ(e.source_ip, "172.16.5.13");
    EXPECT_EQ(e.destination_ip, "10.0.5.30");
    EXPECT_EQ(e.user_name, "j.smith");
    EXPECT_EQ(e.user_domain, "CONTOSO");
    EXPECT_EQ(e.http_response_status_code, "200");
    EXPECT_EQ(e.user_agent_original.substr(0, 26), "Mozilla/5.0 (Windows NT 10");
}

TEST(W3c, TabSeparatedZscalerFeed) {
    const ParseResult r = parse_sample("w3c", "zscaler-tsv.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].url_full, "http://cdn-dropbox.io/assets/finance_report_update.ps1");
    EXPECT_EQ(r.events[0].destination_bytes, 14820u);
    EXPECT_EQ(r.events[0].event_action, "Allowed");
    EXPECT_EQ(r.events[0].user_agent_original,
              "Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.20348; en-US) PowerShell/5.1");
    EXPECT_EQ(r.events[1].url_domain, "203.0.113.50");
    EXPECT_EQ(r.events[1].url_full, "http://203.0.113.50:8443/gate.php?id=7f3a");
}

TEST(W3c, ShortRowIsADiagnostic) {
    const ParseResult r = parse_sample("w3c", "malformed.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 4));
    EXPECT_EQ(r.events[1].url_full, "/about.html");
}

} // namespace
} // namespace casefile::logs
