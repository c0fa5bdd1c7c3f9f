// Microsoft Defender for Endpoint API alerts: every mapped field of the samples.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/file_io.hpp"
#include "intake_samples.hpp"

namespace casefile::intake {
namespace {

using model::CaseStatus;
using model::IndicatorType;
using model::ScriptLanguage;
using model::Severity;
using namespace testing;

constexpr const char* kReferenceDescription =
    "On Nov 11 at 13:42 UTC, Defender detected a PowerShell process on host FIN-SRV02 executing "
    "encoded commands to a remote IP address associated with a known C2 infrastructure. The "
    "activity originated from user j.smith@contoso.com via an RDP session. Initial indications "
    "suggest credential compromise through phishing earlier the same day.";

TEST(DefenderEndpoint, ReferenceIncidentAlertOverview) {
    auto in = read_sample("defender-endpoint/ir-2025-1142.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    EXPECT_EQ(in->format, "defender-endpoint");
    EXPECT_EQ(in->alert_id, "da638669313389761554_-1046457513");
    const model::Alert& a = in->value.alert;
    EXPECT_EQ(a.ticket_id, "da638669313389761554_-1046457513");
    EXPECT_EQ(a.source, "Microsoft Defender for Endpoint");
    EXPECT_EQ(a.title, "Suspicious PowerShell activity initiating network connections");
    EXPECT_EQ(a.observed_at.utc, utc("2025-11-11T13:42:18Z"));
    EXPECT_EQ(a.observed_at.original, "2025-11-11T13:42:18Z");
    EXPECT_EQ(a.severity, Severity::medium);
    EXPECT_EQ(a.status, CaseStatus::open);
    EXPECT_EQ(a.tlp, model::Tlp::amber);
    EXPECT_EQ(a.description, kReferenceDescription);
    EXPECT_EQ(count(*in, DiagnosticLevel::warning), 0U) << all_diagnostics(*in);
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::info,
                               "observed_at: 2025-11-11T13:42:18Z from firstEventTime"));
    EXPECT_TRUE(
        has_diagnostic(*in, DiagnosticLevel::info, "severity: medium from severity 'Medium'"));
}

TEST(DefenderEndpoint, ReferenceIncidentEntities) {
    auto in = read_sample("defender-endpoint/ir-2025-1142.json");
    ASSERT_TRUE(in) << in.error().to_string();
    const model::Entities& e = in->value.entities;
    ASSERT_EQ(e.users.size(), 1U);
    EXPECT_EQ(e.users[0].sid, "S-1-5-21-214752146-1234567890-987654321-1180");
    EXPECT_EQ(e.users[0].account, "CONTOSO\\j.smith");
    EXPECT_EQ(e.users[0].upn, "j.smith@contoso.com");
    // The API carries no display name, mailbox or job title: nothing is made up for them.
    EXPECT_EQ(e.users[0].name, "");
    EXPECT_EQ(e.users[0].email, "");
    EXPECT_EQ(e.users[0].title, "");
    ASSERT_EQ(e.devices.size(), 1U);
    EXPECT_EQ(e.devices[0].id, "FIN-SRV02.contoso.local");
    EXPECT_EQ(e.devices[0].hostname, "FIN-SRV02");
    EXPECT_TRUE(e.devices[0].ips.empty());
}

TEST(DefenderEndpoint, ReferenceIncidentIndicatorsTechniquesCommands) {
    auto in = read_sample("defender-endpoint/ir-2025-1142.json");
    ASSERT_TRUE(in) << in.error().to_string();
    const model::Case& c = in->value;
    ASSERT_EQ(c.indicators.size(), 8U);
    const auto* payload =
        indicator(c, IndicatorType::sha256,
                  "6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123");
    ASSERT_NE(payload, nullptr);
    EXPECT_EQ(payload->file, "update.exe");
    EXPECT_EQ(payload->note, "alert evidence: File update.exe");
    const auto* payload_sha1 =
        indicator(c, IndicatorType::sha1, "5e0c7d1b9a3f2e4d6c8b0a1f3e5d7c9b2a4f6e8d");
    ASSERT_NE(payload_sha1, nullptr);
    EXPECT_EQ(payload_sha1->file, "update.exe");
    EXPECT_NE(indicator(c, IndicatorType::file_path,
                        "C:\\Users\\j.smith\\AppData\\Local\\Temp\\update.exe"),
              nullptr);
    const auto* image =
        indicator(c, IndicatorType::sha256,
                  "de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c");
    ASSERT_NE(image, nullptr);
    EXPECT_EQ(image->file, "powershell.exe");
    EXPECT_NE(indicator(c, IndicatorType::sha1, "0b1c7e6f2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c"),
              nullptr);
    const auto* ip = indicator(c, IndicatorType::ipv4, "185.199.109.15");
    ASSERT_NE(ip, nullptr);
    EXPECT_EQ(ip->note, "alert evidence: Ip");
    EXPECT_NE(
        indicator(c, IndicatorType::url, "https://cdn-dropbox.io/assets/finance_report_update.ps1"),
        nullptr);
    EXPECT_NE(indicator(c, IndicatorType::domain, "cdn-dropbox.io"), nullptr);

    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1059.001", "T1071.001", "T1105"}));
    ASSERT_EQ(c.commands.size(), 1U);
    EXPECT_EQ(c.commands[0].language, ScriptLanguage::powershell);
    EXPECT_EQ(c.commands[0].title, "powershell.exe (process 7124)");
    EXPECT_EQ(c.commands[0].text, "powershell.exe -nop -w hidden -enc SQB...dA==");
}

TEST(DefenderEndpoint, SavesTheExportAsTheFirstEvidenceItem) {
    auto in = read_sample("defender-endpoint/ir-2025-1142.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_EQ(in->value.logs.size(), 1U);
    const model::RawLog& log = in->value.logs[0];
    EXPECT_EQ(log.kind, model::LogKind::edr);
    // The log parsers decide what they can read in the export; its time is the alert's.
    EXPECT_TRUE(log.format.empty());
    ASSERT_TRUE(log.time.has_value());
    EXPECT_EQ(format_time(*log.time), format_time(in->value.alert.observed_at));
    EXPECT_EQ(log.file, "evidence/alert-defender-endpoint.json");
    EXPECT_EQ(log.title, "Microsoft Defender for Endpoint alert da638669313389761554_-1046457513");
    ASSERT_EQ(in->files.size(), 1U);
    EXPECT_EQ(in->files[0].path, "evidence/alert-defender-endpoint.json");
    // A single alert is kept byte for byte.
    EXPECT_EQ(in->files[0].content, sample("defender-endpoint/ir-2025-1142.json").text);
}

TEST(DefenderEndpoint, AlertListWithOffsetTimesAndRegistryEvidence) {
    auto in = read_sample("defender-endpoint/credential-dumping.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    const model::Case& c = in->value;
    EXPECT_EQ(in->alert_id, "da638671902214471130_1529733014");
    EXPECT_EQ(c.alert.title, "Credential dumping tool detected");
    EXPECT_EQ(c.alert.description, "A known credential theft tool was detected on the device. The "
                                   "tool can read passwords and hashes from memory.");
    // The vendor's offset is kept as written and the instant is UTC.
    EXPECT_EQ(c.alert.observed_at.original, "2025-11-14T10:15:02.331-05:00");
    EXPECT_EQ(c.alert.observed_at.utc, utc("2025-11-14T15:15:02.331Z"));
    EXPECT_EQ(c.alert.severity, Severity::high);
    EXPECT_EQ(c.alert.status, CaseStatus::resolved);

    // relatedUser (NetBIOS domain) and the User evidence (DNS domain) are one person.
    ASSERT_EQ(c.entities.users.size(), 1U);
    EXPECT_EQ(c.entities.users[0].account, "CONTOSO\\a.jones");
    EXPECT_EQ(c.entities.users[0].sid, "S-1-5-21-214752146-1234567890-987654321-2213");
    EXPECT_EQ(c.entities.users[0].upn, "a.jones@contoso.com");
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, "hr-ws-014.contoso.local");
    EXPECT_EQ(c.entities.devices[0].hostname, "hr-ws-014");

    // The File and Process evidence share hashes: each is listed once.
    ASSERT_EQ(c.indicators.size(), 4U);
    EXPECT_EQ(c.indicators[0].type, IndicatorType::sha256);
    EXPECT_EQ(c.indicators[0].value,
              "912018ab3c6b16b39ee84f17745ff0c80a33cee241013ec35d0281e40c0658d9");
    EXPECT_EQ(c.indicators[0].file, "mimi64.exe");
    EXPECT_EQ(c.indicators[1].type, IndicatorType::sha1);
    EXPECT_NE(
        indicator(c, IndicatorType::file_path, "C:\\Users\\a.jones\\Downloads\\tools\\mimi64.exe"),
        nullptr);
    EXPECT_NE(indicator(c, IndicatorType::registry_key,
                        "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\"
                        "SecurityProviders\\WDigest"),
              nullptr);
    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1003.001", "T1003"}));
    ASSERT_EQ(c.commands.size(), 1U);
    EXPECT_EQ(c.commands[0].language, ScriptLanguage::other);
    EXPECT_EQ(c.commands[0].title, "mimi64.exe (process 9920)");
}

TEST(DefenderEndpoint, AlertTakenFromAListIsSavedOnItsOwn) {
    auto in = read_sample("defender-endpoint/credential-dumping.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_EQ(in->files.size(), 1U);
    const auto saved = nlohmann::json::parse(in->files[0].content);
    EXPECT_EQ(saved["id"], "da638671902214471130_1529733014");
    EXPECT_FALSE(saved.contains("value"));
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::info, "from the 'value' list"));
}

TEST(DefenderEndpoint, MissingAndOddFieldsAreListedNotInvented) {
    auto in = read_sample("defender-endpoint/missing-fields.json");
    ASSERT_TRUE(in) << in.error().to_string();
    EXPECT_FALSE(in->ok());
    const std::string all = all_diagnostics(*in);
    // Required fields: errors that name the field looked at and the flag that fixes them.
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::error,
                               "does not say when the activity began (looked for: firstEventTime)"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::error, "no usable severity")) << all;
    EXPECT_EQ(count(*in, DiagnosticLevel::error), 2U) << all;
    // alertCreationTime is when Defender made the alert, not when the activity happened.
    EXPECT_EQ(all.find("alertCreationTime"), std::string::npos) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning,
                               "'0001-01-01T00:00:00Z' is not a "
                               "real time"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "'severity' is 'UnSpecified'"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "'status' is 'Unknown'")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "holds 'T12'")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "holds 'Command and Control'"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "no 'computerDnsName'")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning,
                               "'evidence[0].ipAddress' is '203.0.113.300', not an IP address"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning,
                               "'evidence[2].sha256': '8e5f0c1d' is not a valid sha256 indicator"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning,
                               "'evidence[2].sha1': 'N/A' is not a valid sha1 indicator"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "'evidence[3].url' is an object"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "no description")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "names no user")) << all;

    const model::Case& c = in->value;
    EXPECT_EQ(c.alert.title, "Connection to rare external host");
    EXPECT_FALSE(c.alert.status.has_value());
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, "2c8e0f1a3b5d7c9e1f3a5b7d9c1e3f5a7b9d1c3e");
    EXPECT_EQ(c.entities.devices[0].hostname, "");
    EXPECT_TRUE(c.entities.users.empty());
    ASSERT_EQ(c.indicators.size(), 2U);
    EXPECT_NE(indicator(c, IndicatorType::ipv6, "2001:db8:4006:812::200e"), nullptr);
    EXPECT_NE(indicator(c, IndicatorType::filename, "beacon.dll"), nullptr);
    EXPECT_EQ(c.techniques, std::vector<std::string>{"T1071"});
}

TEST(DefenderEndpoint, CommandLineValuesCompleteACaseWithGaps) {
    IntakeOptions options;
    options.overrides.observed_at = parse_time("2025-11-15T02:05:00Z").value();
    options.overrides.severity = Severity::low;
    auto in = read_sample("defender-endpoint/missing-fields.json", options);
    ASSERT_TRUE(in) << in.error().to_string();
    EXPECT_TRUE(in->ok()) << all_diagnostics(*in);
    EXPECT_EQ(in->value.alert.observed_at.utc, utc("2025-11-15T02:05:00Z"));
    EXPECT_EQ(in->value.alert.severity, Severity::low);
}

TEST(DefenderEndpoint, TitleOverrideIsNoted) {
    IntakeOptions options;
    options.overrides.title = "PowerShell C2 on FIN-SRV02";
    auto in = read_sample("defender-endpoint/ir-2025-1142.json", options);
    ASSERT_TRUE(in) << in.error().to_string();
    EXPECT_EQ(in->value.alert.title, "PowerShell C2 on FIN-SRV02");
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::info,
                               "--title replaces the alert's \"Suspicious PowerShell activity"));
}

} // namespace
} // namespace casefile::intake
