// Splunk Enterprise Security notable events: every mapped field of the samples.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "intake_samples.hpp"

namespace casefile::intake {
namespace {

using model::CaseStatus;
using model::IndicatorType;
using model::Severity;
using namespace testing;

TEST(SplunkNotable, RestSearchResult) {
    auto in = read_sample("splunk-notable/notable-results.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    EXPECT_EQ(count(*in, DiagnosticLevel::warning), 0U) << all_diagnostics(*in);
    EXPECT_EQ(in->format, "splunk-notable");
    const model::Case& c = in->value;
    EXPECT_EQ(in->alert_id,
              "4B1E7C2D-9A3F-4E5D-8C6B-1A2F3E4D5C6B@@notable@@7f3e9a1c2b4d6e8f0a1b3c5d7e9f1a2b");
    EXPECT_EQ(c.alert.source, "Splunk Enterprise Security");
    EXPECT_EQ(c.alert.title, "Encoded PowerShell on FIN-SRV02 connected to 185.199.109.15");
    EXPECT_EQ(c.alert.description,
              "A PowerShell process started with an encoded command and opened an outbound "
              "connection to an address outside the organisation.");
    // _time in the searcher's zone: kept as written, stored as UTC.
    EXPECT_EQ(c.alert.observed_at.original, "2025-11-11T08:42:18.000-05:00");
    EXPECT_EQ(c.alert.observed_at.utc, utc("2025-11-11T13:42:18Z"));
    EXPECT_EQ(c.alert.severity, Severity::high); // urgency, not the rule's severity
    EXPECT_EQ(c.alert.status, CaseStatus::open);
    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1059.001", "T1071.001"}));
    EXPECT_EQ(c.logs.at(0).kind, model::LogKind::other);

    // The source host keeps its own address; the destination address is the indicator.
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, "FIN-SRV02.contoso.local");
    EXPECT_EQ(c.entities.devices[0].hostname, "FIN-SRV02");
    EXPECT_EQ(c.entities.devices[0].ips, std::vector<std::string>{"10.0.5.22"});
    ASSERT_EQ(c.entities.users.size(), 1U);
    EXPECT_EQ(c.entities.users[0].account, "CONTOSO\\j.smith");
    ASSERT_EQ(c.indicators.size(), 2U);
    const auto* ip = indicator(c, IndicatorType::ipv4, "185.199.109.15");
    ASSERT_NE(ip, nullptr);
    EXPECT_EQ(ip->note, "notable dest_ip");
    EXPECT_NE(
        indicator(c, IndicatorType::url, "https://cdn-dropbox.io/assets/finance_report_update.ps1"),
        nullptr);
    ASSERT_EQ(c.commands.size(), 1U);
    EXPECT_EQ(c.commands[0].language, model::ScriptLanguage::powershell);
    EXPECT_EQ(c.commands[0].text, "powershell.exe -nop -w hidden -enc SQB...dA==");
}

TEST(SplunkNotable, ExportLinesWithEpochTimes) {
    IntakeOptions first;
    first.alert_index = 0;
    auto in = read_sample("splunk-notable/notable-export.jsonl", first);
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    const model::Case& c = in->value;
    EXPECT_EQ(c.alert.title, "Brute Force Access Behavior Detected");
    // firstTime (the first contributing event) wins over _time (when the search ran).
    EXPECT_EQ(c.alert.observed_at.utc, utc("2025-11-11T13:52:00Z"));
    EXPECT_EQ(c.alert.observed_at.original, ""); // epoch text cannot be stored in case.yaml
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::info,
                               "observed_at: 2025-11-11T13:52:00Z from firstTime (1762869120, "
                               "Unix time)"));
    EXPECT_EQ(c.alert.severity, Severity::medium);
    EXPECT_EQ(c.alert.status, CaseStatus::in_progress); // status 2
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "no description"));
    ASSERT_EQ(c.entities.users.size(), 2U); // a multi-value field
    EXPECT_EQ(c.entities.users[0].account, "j.smith");
    EXPECT_EQ(c.entities.users[1].account, "a.jones");
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].hostname, "vpn-gw01");
    EXPECT_EQ(c.entities.devices[0].id, "");
    ASSERT_EQ(c.indicators.size(), 1U);
    EXPECT_EQ(c.indicators[0].value, "203.0.113.77");
    EXPECT_EQ(c.indicators[0].note, "notable src");
    EXPECT_EQ(c.techniques, std::vector<std::string>{"T1110.001"});
    // The export line's wrapper is dropped; the notable itself is saved.
    const auto saved = nlohmann::json::parse(in->files.at(0).content);
    EXPECT_EQ(saved["result"]["rule_name"], "Brute Force Access Behavior Detected");

    IntakeOptions second;
    second.alert_index = 1;
    auto other = read_sample("splunk-notable/notable-export.jsonl", second);
    ASSERT_TRUE(other) << other.error().to_string();
    EXPECT_EQ(other->value.alert.title, "Excessive Failed Logins");
    EXPECT_EQ(other->value.alert.observed_at.utc, utc("2025-11-11T14:23:21Z"));
    EXPECT_EQ(other->value.alert.severity, Severity::low);
}

TEST(SplunkNotable, OriginalEventFields) {
    auto in = read_sample("splunk-notable/notable-orig-fields.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    const model::Case& c = in->value;
    EXPECT_EQ(c.alert.title, "Malware - Detected file hash on endpoint");
    EXPECT_EQ(c.alert.observed_at.original, "2025-11-13T13:40:17Z"); // orig_time
    EXPECT_EQ(c.alert.severity, Severity::critical);
    EXPECT_EQ(c.alert.status, CaseStatus::closed);
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, "hr-ws-014.contoso.local");
    EXPECT_EQ(c.entities.devices[0].hostname, "hr-ws-014");
    ASSERT_EQ(c.entities.users.size(), 1U);
    EXPECT_EQ(c.entities.users[0].account, "a.jones");
    ASSERT_EQ(c.indicators.size(), 3U);
    const auto* hash =
        indicator(c, IndicatorType::sha256,
                  "912018ab3c6b16b39ee84f17745ff0c80a33cee241013ec35d0281e40c0658d9");
    ASSERT_NE(hash, nullptr);
    EXPECT_EQ(hash->file, "mimi64.exe");
    EXPECT_EQ(hash->note, "notable orig_file_hash");
    EXPECT_NE(indicator(c, IndicatorType::filename, "mimi64.exe"), nullptr);
    EXPECT_NE(
        indicator(c, IndicatorType::file_path, "C:\\Users\\a.jones\\Downloads\\tools\\mimi64.exe"),
        nullptr);
    EXPECT_EQ(c.techniques, std::vector<std::string>{"T1003.001"}); // nested annotations
}

TEST(SplunkNotable, MissingAndOddFields) {
    auto in = read_sample("splunk-notable/missing-fields.json");
    ASSERT_TRUE(in) << in.error().to_string();
    const std::string all = all_diagnostics(*in);
    EXPECT_TRUE(
        has_diagnostic(*in, DiagnosticLevel::error, "looked for: firstTime, orig_time, _time"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::error,
                               "no usable severity (looked for: urgency, severity)"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning,
                               "'firstTime' cannot be used as the observation time: malformed time "
                               "'11/19/2025 04:15:33'"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "'urgency' is 'unknown'")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "'status' is '9'")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "holds 'TA0011'")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "'dest_ip' is '192.0.2.999'")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "'file_hash' is 'abc123'")) << all;
    EXPECT_EQ(in->value.alert.title, "Network - Unroutable Host Activity - Rule"); // search_name
    EXPECT_EQ(in->value.techniques, std::vector<std::string>{"T1571"});
    EXPECT_TRUE(in->value.indicators.empty());
}

} // namespace
} // namespace casefile::intake
