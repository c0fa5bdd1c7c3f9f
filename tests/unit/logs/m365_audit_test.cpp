#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

using testing::parse_sample;

TEST(M365Audit, CreationTimeIsUtcWithoutSuffix) {
    const ParseResult r = parse_sample("m365-audit", "exchange-sharepoint.json");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(r.diagnostics.empty());
    const Event& rule = r.events[0];
    EXPECT_EQ(testing::utc(rule), "2025-11-11T13:40:02Z");
    EXPECT_EQ(rule.event_action, "New-InboxRule");
    EXPECT_EQ(rule.source_ip, "203.0.113.77"); // port stripped
    EXPECT_EQ(rule.user_name, "j.smith@contoso.com");
    ASSERT_NE(rule.field("Parameters.1.Value"), nullptr);
    EXPECT_EQ(*rule.field("Parameters.1.Value"), "billing@cdn-dropbox.io");
    const Event& download = r.events[1];
    EXPECT_EQ(download.file_name, "Q3-forecast.xlsx");
    EXPECT_EQ(download.url_domain, "contoso.sharepoint.com");
    EXPECT_EQ(download.event_category, "SharePoint");
}

TEST(M365Audit, AzureAdLogins) {
    const ParseResult r = parse_sample("m365-audit", "azure-ad-logins.jsonl");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].event_outcome, "failure");
    EXPECT_EQ(r.events[1].event_outcome, "success");
    EXPECT_EQ(r.events[1].source_ip, "2001:db8:85a3::8a2e:370:7334");
}

TEST(M365Audit, TruncatedRecordIsADiagnostic) {
    const ParseResult r = parse_sample("m365-audit", "malformed.jsonl");
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_TRUE(testing::has_diagnostic_at(r, 2));
    EXPECT_EQ(r.events[1].email_subject, "RE: Invoice overdue, action required");
}

} // namespace
} // namespace casefile::logs
