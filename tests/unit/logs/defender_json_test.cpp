#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(DefenderJson, ReferenceEdrObjectPrettyPrinted) {
    const ParseResult r = parse_sample("defender-json", "reference-edr.json");
    ASSERT_EQ(r.events.size(), 1u);
    EXPECT_TRUE(r.diagnostics.empty());
    const Event& e = r.events[0];
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:42:18Z");
    EXPECT_EQ(e.time_original, "2025-11-11T13:42:18Z");
    EXPECT_EQ(e.line, 1u);
    EXPECT_EQ(e.format, "defender-json");
    EXPECT_EQ(e.host_name, "FIN-SRV02");
    EXPECT_EQ(e.user_name, "j.smith");
    EXPECT_EQ(e.user_domain, "CONTOSO");
    EXPECT_EQ(e.process_name, "powershell.exe");
    EXPECT_EQ(e.process_command_line, "powershell.exe -nop -w hidden -enc SQB...dA==");
    EXPECT_EQ(e.destination_ip, "185.199.109.15");
    EXPECT_EQ(e.event_action, "NetworkConnectionInitiated");
    EXPECT_EQ(e.event_category, "network");
    EXPECT_EQ(e.message, "powershell.exe connected to 185.199.109.15");
    EXPECT_TRUE(testing::contains(e.related_ip, "185.199.109.15"));
    EXPECT_TRUE(testing::contains(e.related_user, "j.smith"));
    ASSERT_NE(e.field("ReportId"), nullptr);
    EXPECT_EQ(*e.field("ReportId"), "125894"); // numbers are kept as written
    EXPECT_NE(e.raw.find("\"ReportId\": 125894"), std::string::npos);
}

TEST(DefenderJson, JsonLinesOfSeveralTables) {
    const ParseResult r = parse_sample("defender-json", "process-events.jsonl");
    ASSERT_EQ(r.events.size(), 4u);
    const Event& proc = r.events[0];
    EXPECT_EQ(proc.event_category, "process");
    EXPECT_EQ(proc.process_name, "powershell.exe");
    EXPECT_EQ(proc.process_parent_name, "cmd.exe");
    EXPECT_EQ(proc.process_pid, "7312");
    EXPECT_EQ(proc.user_id, "S-1-5-21-214752146-1234567890-987654321-1180");
    EXPECT_EQ(proc.file_hash_sha256,
              "de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c");
    EXPECT_EQ(testing::utc(proc), "2025-11-11T13:41:52.123456700Z");
    const Event& file = r.events[1];
    EXPECT_EQ(file.event_category, "file");
    EXPECT_EQ(file.file_name, "finance_report_update.ps1");
    EXPECT_EQ(file.url_full, "https://cdn-dropbox.io/assets/finance_report_update.ps1");
    EXPECT_EQ(file.url_domain, "cdn-dropbox.io");
    EXPECT_EQ(file.process_name, "powershell.exe");
    const Event& logon = r.events[2];
    EXPECT_EQ(logon.event_category, "authentication");
    EXPECT_EQ(logon.logon_type, "10");
    EXPECT_EQ(logon.logon_type_name, "RemoteInteractive");
    EXPECT_EQ(logon.source_ip, "172.16.5.13"); // RemoteIP of a logon is its source
    EXPECT_EQ(logon.event_outcome, "success");
    EXPECT_TRUE(logon.network_transport.empty());
    const Event& reg = r.events[3];
    EXPECT_EQ(reg.registry_path,
              "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
    EXPECT_EQ(reg.registry_value, "Updater");
    EXPECT_EQ(reg.line, 4u);
}

TEST(DefenderJson, ApiResultShape) {
    const ParseResult r = parse_sample("defender-json", "api-results.json");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].line, 12u);
    EXPECT_EQ(r.events[0].destination_port, 443);
    EXPECT_EQ(r.events[0].destination_domain, "cdn-dropbox.io");
    EXPECT_EQ(r.events[1].line, 21u);
    EXPECT_EQ(r.events[1].event_outcome, "failure");
    EXPECT_EQ(r.events[1].process_name, "update.exe");
}

TEST(DefenderJson, StreamingRecordsShape) {
    const ParseResult r = parse_sample("defender-json", "streaming-records.json");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].source_ip, "10.0.5.22");
    EXPECT_EQ(r.events[0].source_port, 49823);
    EXPECT_EQ(r.events[0].network_transport, "tcp");
    EXPECT_EQ(r.events[0].event_category, "network");
    ASSERT_NE(r.events[0].field("category"), nullptr);
    EXPECT_EQ(*r.events[0].field("category"), "AdvancedHunting-DeviceNetworkEvents");
    // An accepted inbound connection: the remote side is the source.
    EXPECT_EQ(r.events[1].source_ip, "172.16.5.13");
    EXPECT_EQ(r.events[1].destination_port, 3389);
}

TEST(DefenderJson, MalformedLineIsADiagnosticAndTheRestParses) {
    const ParseResult r = parse_sample("defender-json", "malformed.jsonl");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].line, 1u);
    EXPECT_EQ(r.events[1].line, 3u);
    EXPECT_EQ(r.events[1].destination_ip, "198.51.100.9");
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].where.file, "defender-json/malformed.jsonl");
    EXPECT_EQ(r.diagnostics[0].where.line, 2);
}

TEST(DefenderJson, ConcatenatedPrettyObjectsAndATruncatedOne) {
    const std::string text = "{\n  \"Timestamp\": \"2025-11-11T13:00:00Z\",\n  \"DeviceName\": "
                             "\"a\",\n  \"ActionType\": \"X\",\n"
                             "{\n  \"Timestamp\": \"2025-11-11T13:00:01Z\",\n  \"DeviceName\": "
                             "\"b\",\n  \"ActionType\": \"Y\"\n}\n";
    ParseOptions options;
    options.format = "defender-json";
    auto r = parse_log(text, "concat.json", options);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->events.size(), 1u);
    EXPECT_EQ(r->events[0].host_name, "b");
    EXPECT_EQ(r->events[0].line, 5u);
    ASSERT_EQ(r->diagnostics.size(), 1u);
    EXPECT_EQ(r->diagnostics[0].where.line, 1);
}

} // namespace
} // namespace casefile::logs
