#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(WindowsSecurityXml, Logon4624) {
    const ParseResult r = parse_sample("windows-security-xml", "logon-4624.xml");
    ASSERT_EQ(r.events.size(), 1u);
    const Event& e = r.events[0];
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:39:00.123456700Z");
    EXPECT_EQ(e.time_original, "2025-11-11T13:39:00.1234567Z");
    EXPECT_EQ(e.event_code, "4624");
    EXPECT_EQ(e.host_name, "FIN-SRV02.contoso.local");
    EXPECT_EQ(e.user_name, "j.smith");
    EXPECT_EQ(e.user_domain, "CONTOSO");
    EXPECT_EQ(e.user_id, "S-1-5-21-214752146-1234567890-987654321-1180");
    EXPECT_EQ(e.logon_type, "10");
    EXPECT_EQ(e.source_ip, "172.16.5.13");
    EXPECT_EQ(e.source_domain, "WKS-0457");
    EXPECT_EQ(e.event_outcome, "success");
    ASSERT_NE(e.field("ElevatedToken"), nullptr);
    EXPECT_EQ(*e.field("ElevatedToken"), "%%1842");
}

TEST(WindowsSecurityXml, WevtutilEventsOfSeveralIds) {
    const ParseResult r = parse_sample("windows-security-xml", "wevtutil-mixed.xml");
    ASSERT_EQ(r.events.size(), 4u);
    const Event& proc = r.events[0];
    EXPECT_EQ(proc.event_code, "4688");
    EXPECT_EQ(proc.line, 2u);
    EXPECT_EQ(proc.process_executable,
              "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
    EXPECT_EQ(proc.process_parent_name, "cmd.exe");
    EXPECT_EQ(proc.user_name, "j.smith"); // TargetUserName "-": the subject ran it
    const Event& group = r.events[1];
    EXPECT_EQ(group.event_code, "4732");
    EXPECT_EQ(group.event_category, "iam");
    EXPECT_EQ(group.user_id, "S-1-5-21-214752146-1234567890-987654321-1190");
    EXPECT_NE(group.message.find("Builtin\\Administrators"), std::string::npos);
    const Event& tgs = r.events[2];
    EXPECT_EQ(tgs.event_code, "4769");
    EXPECT_EQ(tgs.source_ip, "10.0.5.22"); // ::ffff: prefix dropped
    EXPECT_EQ(tgs.event_outcome, "success");
    const Event& cleared = r.events[3];
    EXPECT_EQ(cleared.event_code, "1102");
    EXPECT_EQ(cleared.user_name, "j.smith");
    EXPECT_EQ(testing::utc(cleared), "2025-11-11T13:50:00Z");
}

TEST(WindowsSecurityXml, BrokenEventIsADiagnosticAndNeighboursParse) {
    const ParseResult r = parse_sample("windows-security-xml", "malformed.xml");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].event_code, "4776");
    EXPECT_EQ(r.events[0].event_outcome, "failure");
    EXPECT_EQ(r.events[0].source_domain, "WKS-0457");
    EXPECT_EQ(r.events[1].event_code, "4768");
    EXPECT_EQ(r.events[1].source_ip, "172.16.5.13");
    EXPECT_TRUE(testing::has_diagnostic_at(r, 3));
}

} // namespace
} // namespace casefile::logs
