#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(SysmonJson, FlatNxlogRecordsUseUtcTime) {
    const ParseResult r = parse_sample("sysmon-json", "nxlog-flat.jsonl");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(r.diagnostics.empty()); // UtcTime wins over the shipper's local EventTime
    EXPECT_EQ(testing::utc(r.events[0]), "2025-11-11T13:41:52.310Z");
    EXPECT_EQ(r.events[0].host_name, "FIN-SRV02.contoso.local");
    EXPECT_EQ(r.events[0].process_command_line, "powershell.exe -nop -w hidden -enc SQB...dA==");
    EXPECT_EQ(r.events[1].dns_question_name, "cdn-dropbox.io");
}

TEST(SysmonJson, WinlogbeatArray) {
    const ParseResult r = parse_sample("sysmon-json", "winlogbeat.json");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].event_code, "3");
    EXPECT_EQ(r.events[0].destination_ip, "185.199.109.15");
    EXPECT_EQ(r.events[0].source_port, 49823);
    EXPECT_EQ(testing::utc(r.events[0]), "2025-11-11T13:42:18.120Z");
    EXPECT_EQ(r.events[1].event_code, "11");
    EXPECT_EQ(r.events[1].file_name, "finance_report_update.ps1");
    EXPECT_EQ(r.events[1].line, 24u);
}

TEST(SysmonJson, XmlShapedJsonAndABadLine) {
    const ParseResult r = parse_sample("sysmon-json", "malformed.jsonl");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].event_code, "12");
    EXPECT_EQ(r.events[0].event_action, "CreateKey");
    EXPECT_EQ(r.events[0].host_name, "FIN-SRV02.contoso.local");
    EXPECT_EQ(r.events[1].event_code, "7");
    EXPECT_EQ(r.events[1].file_name, "vaultcli.dll");
    EXPECT_EQ(r.events[1].file_hash_md5, "0c9b6e7e0d6b0e5f0b1a3c2d4e5f6a7b");
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
}

} // namespace
} // namespace casefile::logs
