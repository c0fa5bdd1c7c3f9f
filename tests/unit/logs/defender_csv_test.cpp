#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(DefenderCsv, DeviceNetworkEventsExport) {
    const ParseResult r = parse_sample("defender-csv", "device-network-events.csv");
    ASSERT_EQ(r.events.size(), 2u);
    const Event& e = r.events[0];
    EXPECT_EQ(e.line, 2u);
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:42:18Z");
    EXPECT_EQ(e.process_command_line, "powershell.exe -nop -w hidden -enc SQB...dA==");
    EXPECT_EQ(e.destination_ip, "185.199.109.15");
    EXPECT_EQ(e.destination_port, 443);
    EXPECT_EQ(e.source_port, 49823);
    EXPECT_EQ(e.user_name, "j.smith");
    EXPECT_EQ(e.user_domain, "contoso");
    EXPECT_EQ(e.fields.size(), 15u);
}

TEST(DefenderCsv, PortalExportWithUtcHeaderAndQuotedCommas) {
    const ParseResult r = parse_sample("defender-csv", "email-events-portal.csv");
    ASSERT_EQ(r.events.size(), 2u);
    const Event& e = r.events[0];
    // "Timestamp [UTC]" says the zone, so "Nov 11, 2025 1:05:44 PM" is exact.
    EXPECT_EQ(testing::utc(e), "2025-11-11T13:05:44Z");
    EXPECT_EQ(e.time_original, "Nov 11, 2025 1:05:44 PM");
    EXPECT_EQ(e.event_category, "email");
    EXPECT_EQ(e.email_from, "billing@cdn-dropbox.io");
    EXPECT_EQ(e.email_to, "j.smith@contoso.com");
    EXPECT_EQ(e.email_subject, "Invoice overdue, action required");
    EXPECT_EQ(e.source_ip, "203.0.113.25");
    EXPECT_EQ(r.events[1].event_action, "Junked");
}

TEST(DefenderCsv, UnclosedQuoteSkipsOnlyItsRow) {
    const ParseResult r = parse_sample("defender-csv", "malformed.csv");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].file_name, "update.exe");
    EXPECT_EQ(r.events[1].file_name, "notes.txt");
    EXPECT_EQ(r.events[1].line, 4u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 3));
    EXPECT_EQ(r.diagnostics.size(), 1u);
}

TEST(DefenderCsv, WrongColumnCountIsReported) {
    ParseOptions options;
    options.format = "defender-csv";
    auto r = parse_log("Timestamp,DeviceName,ActionType\n2025-11-11T13:00:00Z,a\n"
                       "2025-11-11T13:00:01Z,b,ProcessCreated\n",
                       "short.csv", options);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->events.size(), 1u);
    EXPECT_EQ(r->events[0].host_name, "b");
    ASSERT_EQ(r->diagnostics.size(), 1u);
    EXPECT_EQ(r->diagnostics[0].where.line, 2);
}

} // namespace
} // namespace casefile::logs
