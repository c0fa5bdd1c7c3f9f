#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(WindowsSecurityText, ReferenceUntimed4624) {
    const ParseResult r = parse_sample("windows-security-text", "reference-auth.txt");
    ASSERT_EQ(r.events.size(), 1u);
    EXPECT_TRUE(r.diagnostics.empty());
    const Event& e = r.events[0];
    EXPECT_FALSE(e.time.has_value()); // no time in the text: untimed, never guessed
    EXPECT_TRUE(e.time_original.empty());
    EXPECT_EQ(e.user_name, "j.smith");
    EXPECT_EQ(e.user_id, "S-1-5-21-214752146-1234567890-987654321-1180");
    EXPECT_EQ(e.logon_type, "10");
    EXPECT_EQ(e.logon_type_name, "RemoteInteractive");
    EXPECT_EQ(e.source_ip, "172.16.5.13");
    EXPECT_EQ(e.source_domain, "FIN-SRV02"); // WorkstationName is the client's name
    EXPECT_EQ(e.event_code, "4624");
    EXPECT_EQ(e.event_outcome, "success");
    EXPECT_EQ(e.event_category, "authentication");
    EXPECT_TRUE(testing::contains(e.related_hosts, "FIN-SRV02"));
    ASSERT_NE(e.field("Subject.Security ID"), nullptr);
    ASSERT_NE(e.field("Logon Process"), nullptr);
    EXPECT_EQ(*e.field("Logon Process"), "User32");
    EXPECT_EQ(*e.field("Authentication Package"), "Negotiate");
}

TEST(WindowsSecurityText, OneLinePasteSplitsAtLabels) {
    ParseOptions options;
    options.format = "windows-security-text";
    auto r = parse_log("Subject:  Security ID:  S-1-5-21-1-2-3-1180  Account Name: j.smith  "
                       "Logon Type: 10 (RemoteInteractive)  Workstation Name: FIN-SRV02  "
                       "Source Network Address: 172.16.5.13",
                       "paste.txt", options);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->events.size(), 1u);
    EXPECT_EQ(r->events[0].user_name, "j.smith");
    EXPECT_EQ(r->events[0].user_id, "S-1-5-21-1-2-3-1180");
    EXPECT_EQ(r->events[0].logon_type, "10");
    EXPECT_EQ(r->events[0].source_ip, "172.16.5.13");
}

TEST(WindowsSecurityText, EventViewerCopyWithLocalTimes) {
    ParseOptions options;
    options.default_zone = "America/New_York";
    const ParseResult r = parse_sample("windows-security-text", "event-viewer-copy.txt", options);
    ASSERT_EQ(r.events.size(), 2u);
    const Event& failed = r.events[0];
    EXPECT_EQ(failed.event_code, "4625");
    EXPECT_EQ(failed.event_outcome, "failure");
    EXPECT_EQ(failed.user_name, "administrator"); // the account that failed, not the subject
    EXPECT_EQ(failed.user_domain, "CONTOSO");
    EXPECT_TRUE(failed.user_id.empty()); // "NULL SID" is no identifier
    EXPECT_EQ(failed.source_ip, "203.0.113.77");
    EXPECT_EQ(failed.source_port, 50122);
    EXPECT_EQ(failed.host_name, "FIN-SRV02.contoso.local");
    EXPECT_EQ(testing::utc(failed), "2025-11-11T13:39:02Z"); // 8:39 AM EST
    const Event& proc = r.events[1];
    EXPECT_EQ(proc.event_code, "4688");
    EXPECT_EQ(proc.line, 40u);
    EXPECT_EQ(proc.process_name, "powershell.exe");
    EXPECT_EQ(proc.process_parent_name, "cmd.exe");
    EXPECT_EQ(proc.process_command_line, "powershell.exe -nop -w hidden -enc SQB...dA==");
    EXPECT_EQ(proc.user_name, "j.smith");
}

TEST(WindowsSecurityText, SplunkClassicWithoutZoneIsUntimedWithOneDiagnostic) {
    const ParseResult r = parse_sample("windows-security-text", "splunk-wineventlog.txt");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_FALSE(r.events[0].time.has_value());
    EXPECT_FALSE(r.events[1].time.has_value());
    EXPECT_EQ(r.events[0].time_original, "11/11/2025 01:39:00 PM");
    ASSERT_EQ(r.diagnostics.size(), 1u); // one per file, not one per event
    EXPECT_EQ(r.diagnostics[0].rule, "log-time-without-zone");
    const Event& logon = r.events[0];
    EXPECT_EQ(logon.event_code, "4624");
    EXPECT_EQ(logon.user_name, "j.smith"); // New Logon, not the machine account in Subject
    EXPECT_EQ(logon.source_domain, "WKS-0457");
    EXPECT_FALSE(logon.source_port.has_value()); // port 0 means none
    EXPECT_EQ(r.events[1].event_code, "4672");
    EXPECT_EQ(r.events[1].line, 34u);
}

TEST(WindowsSecurityText, BadDateIsADiagnosticAndEventsStillParse) {
    ParseOptions options;
    options.default_zone = "UTC";
    const ParseResult r = parse_sample("windows-security-text", "malformed.txt", options);
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_EQ(r.events[0].event_code, "4634");
    EXPECT_EQ(testing::utc(r.events[0]), "2025-11-11T13:45:00Z");
    EXPECT_FALSE(r.events[1].time.has_value());
    EXPECT_EQ(r.events[1].user_name, "svc_backup");
    EXPECT_EQ(r.events[2].event_code, "1102");
    EXPECT_EQ(r.events[2].event_action, "audit-log-cleared");
    EXPECT_TRUE(testing::has_diagnostic_at(r, 16));
}

} // namespace
} // namespace casefile::logs
