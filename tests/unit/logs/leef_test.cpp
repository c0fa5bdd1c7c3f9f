#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(Leef, Leef1WithAndWithoutSyslogHeader) {
    const ParseResult r = parse_sample("leef", "qradar.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(r.diagnostics.empty());
    EXPECT_EQ(testing::utc(r.events[0]), "2025-11-11T13:38:12Z");
    EXPECT_EQ(r.events[0].user_name, "j.smith@contoso.com");
    EXPECT_EQ(r.events[0].source_ip, "203.0.113.77");
    const Event& fw = r.events[1];
    EXPECT_EQ(testing::utc(fw), "2025-11-11T13:45:41Z");
    EXPECT_EQ(fw.destination_port, 8443);
    EXPECT_EQ(fw.user_name, "j.smith");
    EXPECT_EQ(fw.user_domain, "contoso");
    EXPECT_EQ(fw.event_action, "deny");
    EXPECT_EQ(fw.host_name, "fw01");
}

TEST(Leef, Leef2CustomDelimiters) {
    const ParseResult r = parse_sample("leef", "leef2.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].destination_ip, "185.199.109.15");
    EXPECT_EQ(r.events[0].source_bytes, 10324u);
    EXPECT_EQ(r.events[1].file_name, "finance_report_update.ps1");
    EXPECT_EQ(r.events[1].host_name, "FIN-SRV02");
    EXPECT_EQ(r.events[1].event_action, "Quarantined");
}

TEST(Leef, TruncatedHeaderIsADiagnostic) {
    const ParseResult r = parse_sample("leef", "malformed.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(r.events[1].url_full, "https://mail.contoso.com/ecp/");
}

} // namespace
} // namespace casefile::logs
