#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(Cef, ProxyAndIdsRecords) {
    const ParseResult r = parse_sample("cef", "proxy-and-ids.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(r.diagnostics.empty()); // rt wins over the relay's year-less header
    const Event& web = r.events[0];
    EXPECT_EQ(testing::utc(web), "2025-11-11T13:43:03Z");
    EXPECT_EQ(web.url_full, "https://cdn-dropbox.io/assets/finance_report_update.ps1");
    EXPECT_EQ(web.user_agent_original, "Mozilla/5.0 (Windows NT 10.0) PowerShell/5.1");
    EXPECT_EQ(web.event_category, "Cloud Storage"); // a value with spaces
    EXPECT_EQ(web.http_response_status_code, "200");
    EXPECT_EQ(web.destination_bytes, 14820u);
    const Event& ids = r.events[1];
    EXPECT_EQ(testing::utc(ids), "2025-11-11T13:45:40.500Z");
    EXPECT_EQ(ids.rule_name, "BLOCK-C2");
    EXPECT_EQ(ids.destination_port, 8443);
    EXPECT_EQ(ids.host_name, "sensor01");
    ASSERT_NE(ids.field("cef.name"), nullptr);
    EXPECT_EQ(*ids.field("cef.name"), "Suspicious C2 beacon | blocked"); // escaped pipe
    EXPECT_EQ(*ids.field("msg"), "Connection to known C2 endpoint=blocked");
}

TEST(Cef, EndpointRecords) {
    ParseOptions options;
    options.default_zone = "UTC";
    const ParseResult r = parse_sample("cef", "endpoint.log", options);
    ASSERT_EQ(r.events.size(), 2u);
    const Event& proc = r.events[0];
    EXPECT_EQ(proc.process_name, "powershell.exe");
    EXPECT_EQ(proc.process_parent_name, "cmd.exe");
    EXPECT_EQ(proc.process_command_line, "powershell.exe -nop -w hidden -enc SQB...dA==");
    EXPECT_EQ(proc.user_name, "j.smith");
    EXPECT_EQ(proc.user_domain, "CONTOSO");
    EXPECT_EQ(proc.file_hash_sha256,
              "de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c");
    EXPECT_EQ(testing::utc(r.events[1]), "2025-11-11T13:39:00Z");
    EXPECT_EQ(r.events[1].event_code, "4624");
}

TEST(Cef, TruncatedHeaderIsADiagnostic) {
    const ParseResult r = parse_sample("cef", "malformed.log");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(r.events[1].rule_name, "BLOCK-UNKNOWN-EGRESS");
    EXPECT_EQ(r.events[1].event_action, "deny");
}

} // namespace
} // namespace casefile::logs
