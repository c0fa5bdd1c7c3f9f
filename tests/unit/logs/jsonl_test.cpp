#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(GenericJsonl, EcsNames) {
    const ParseResult r = parse_sample("jsonl", "ecs.jsonl");
    ASSERT_EQ(r.events.size(), 2u);
    const Event& e = r.events[0];
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:42:18Z");
    EXPECT_EQ(e.host_name, "FIN-SRV02");
    EXPECT_EQ(e.user_name, "j.smith");
    EXPECT_EQ(e.user_domain, "CONTOSO");
    EXPECT_EQ(e.process_pid, "7312");
    EXPECT_EQ(e.destination_ip, "185.199.109.15");
    EXPECT_EQ(e.destination_port, 443);
    EXPECT_EQ(e.network_transport, "tcp");
    EXPECT_EQ(e.event_outcome, "success");
    EXPECT_EQ(r.events[1].url_full, "https://cdn-dropbox.io/assets/finance_report_update.ps1");
    EXPECT_EQ(r.events[1].http_response_status_code, "200");
    EXPECT_EQ(r.events[1].user_agent_original, "PowerShell/5.1");
}

TEST(GenericJsonl, OcsfAndSplunkCimNames) {
    const ParseResult r = parse_sample("jsonl", "ocsf-and-cim.jsonl");
    ASSERT_EQ(r.events.size(), 3u);
    const Event& ocsf = r.events[0];
    EXPECT_EQ(testing::utc(ocsf), "2025-11-11T13:42:18Z"); // epoch milliseconds
    EXPECT_EQ(ocsf.source_ip, "10.0.5.22");
    EXPECT_EQ(ocsf.destination_domain, "cdn-dropbox.io");
    EXPECT_EQ(ocsf.user_name, "j.smith");
    EXPECT_EQ(ocsf.host_name, "FIN-SRV02");
    const Event& cim = r.events[1];
    EXPECT_EQ(cim.destination_ip, "203.0.113.50");
    EXPECT_EQ(cim.host_name, "fw01");
    EXPECT_EQ(cim.rule_name, "BLOCK-UNKNOWN-EGRESS");
    EXPECT_EQ(cim.url_full, "http://203.0.113.50:8443/gate.php");
    EXPECT_EQ(cim.url_original, "hxxp://203.0.113[.]50:8443/gate.php");
    const Event& file = r.events[2];
    EXPECT_FALSE(file.time.has_value()); // "2025-11-11 13:44:00" has no zone
    EXPECT_EQ(file.file_hash_sha256,
              "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8");
    EXPECT_TRUE(testing::has_diagnostic_at(r, 3));
}

TEST(GenericJsonl, BadLinesAreDiagnostics) {
    const ParseResult r = parse_sample("jsonl", "malformed.jsonl");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_TRUE(testing::has_diagnostic_at(r, 3));
    EXPECT_EQ(r.events[1].line, 4u);
    EXPECT_EQ(r.events[1].message, "third");
}

} // namespace
} // namespace casefile::logs
