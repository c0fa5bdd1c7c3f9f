#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(SysmonXml, ProcessCreate) {
    const ParseResult r = parse_sample("sysmon-xml", "process-create.xml");
    ASSERT_EQ(r.events.size(), 1u);
    const Event& e = r.events[0];
    EXPECT_EQ(e.event_code, "1");
    EXPECT_EQ(e.event_category, "process");
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:41:52.312Z");
    EXPECT_EQ(e.process_name, "powershell.exe");
    EXPECT_EQ(e.process_pid, "7312");
    EXPECT_EQ(e.process_parent_name, "cmd.exe");
    EXPECT_EQ(e.process_parent_command_line, "cmd.exe /c start /min powershell.exe");
    EXPECT_EQ(e.user_name, "j.smith");
    EXPECT_EQ(e.user_domain, "CONTOSO");
    EXPECT_EQ(e.file_hash_sha256,
              "de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c");
    EXPECT_EQ(e.file_hash_md5, "7353f60b1739074eb17c5f4dddefe239");
    EXPECT_EQ(e.file_hash_sha1, "6cbce4a295c163791b60fc23d285e6d84f28ee4c");
    EXPECT_EQ(e.related_hash.size(), 3u);
}

TEST(SysmonXml, DnsNetworkRegistryAndProcessAccess) {
    const ParseResult r = parse_sample("sysmon-xml", "network-dns-registry.xml");
    ASSERT_EQ(r.events.size(), 4u);
    EXPECT_EQ(r.events[0].dns_question_name, "cdn-dropbox.io");
    EXPECT_EQ(r.events[0].event_code, "22");
    const Event& net = r.events[1];
    EXPECT_EQ(net.source_ip, "10.0.5.22");
    EXPECT_EQ(net.destination_ip, "185.199.109.15");
    EXPECT_EQ(net.destination_port, 443);
    EXPECT_EQ(net.destination_domain, "cdn-dropbox.io");
    EXPECT_EQ(net.network_transport, "tcp");
    EXPECT_EQ(net.message, "powershell.exe connected to 185.199.109.15:443");
    const Event& reg = r.events[2];
    EXPECT_EQ(reg.event_category, "registry");
    EXPECT_EQ(reg.event_action, "SetValue");
    EXPECT_EQ(reg.registry_value, "Updater");
    EXPECT_NE(reg.message.find("update.exe"), std::string::npos);
    const Event& access = r.events[3];
    EXPECT_EQ(access.event_code, "10");
    EXPECT_EQ(access.process_name, "update.exe");
    EXPECT_NE(access.message.find("lsass.exe"), std::string::npos);
}

TEST(SysmonXml, UnclosedEventIsADiagnostic) {
    const ParseResult r = parse_sample("sysmon-xml", "malformed.xml");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].event_code, "11");
    EXPECT_EQ(r.events[0].file_name, "finance_report_update.ps1");
    EXPECT_EQ(r.events[1].event_code, "8");
    EXPECT_EQ(r.events[1].line, 3u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
}

} // namespace
} // namespace casefile::logs
