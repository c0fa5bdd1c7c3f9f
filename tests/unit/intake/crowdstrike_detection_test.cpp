// CrowdStrike Falcon detections (Detects API): every mapped field of the samples.
#include <gtest/gtest.h>

#include "intake_samples.hpp"

namespace casefile::intake {
namespace {

using model::CaseStatus;
using model::IndicatorType;
using model::ScriptLanguage;
using model::Severity;
using namespace testing;

TEST(CrowdStrikeDetection, DetectsApiResponse) {
    auto in = read_sample("crowdstrike-detection/detection-powershell.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    EXPECT_EQ(count(*in, DiagnosticLevel::warning), 0U) << all_diagnostics(*in);
    EXPECT_EQ(in->format, "crowdstrike-detection");
    const model::Case& c = in->value;
    EXPECT_EQ(in->alert_id, "ldt:4f7dbd2a9c1e0b6d8e35a1c7f09b2e4d:38654742187");
    EXPECT_EQ(c.alert.source, "CrowdStrike Falcon");
    // The most severe behaviour names the detection.
    EXPECT_EQ(c.alert.title, "EncodedPowerShellNetworkConnection");
    EXPECT_EQ(c.alert.description, "A PowerShell process ran an encoded command and connected to a "
                                   "remote host. Review the command line and the destination.");
    EXPECT_EQ(c.alert.observed_at.original, "2025-11-11T13:42:18Z"); // first_behavior
    EXPECT_EQ(c.alert.severity, Severity::high);
    EXPECT_EQ(c.alert.status, CaseStatus::open);
    EXPECT_EQ(c.logs.at(0).kind, model::LogKind::edr);
    EXPECT_EQ(c.logs.at(0).title,
              "CrowdStrike Falcon detection ldt:4f7dbd2a9c1e0b6d8e35a1c7f09b2e4d:38654742187");

    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, "4f7dbd2a9c1e0b6d8e35a1c7f09b2e4d");
    EXPECT_EQ(c.entities.devices[0].hostname, "FIN-SRV02");
    EXPECT_EQ(c.entities.devices[0].ips, std::vector<std::string>{"10.0.5.22"});
    ASSERT_EQ(c.entities.users.size(), 1U);
    EXPECT_EQ(c.entities.users[0].sid, "S-1-5-21-214752146-1234567890-987654321-1180");
    EXPECT_EQ(c.entities.users[0].account, "j.smith");

    ASSERT_EQ(c.indicators.size(), 3U);
    const auto* image =
        indicator(c, IndicatorType::sha256,
                  "de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c");
    ASSERT_NE(image, nullptr);
    EXPECT_EQ(image->file, "powershell.exe");
    EXPECT_NE(indicator(c, IndicatorType::md5, "7353f60b1739074eb17c5f4dddefe239"), nullptr);
    const auto* domain = indicator(c, IndicatorType::domain, "cdn-dropbox.io"); // ioc_type/value
    ASSERT_NE(domain, nullptr);
    EXPECT_EQ(domain->note, "detected process powershell.exe (CrowdStrike Intelligence)");
    // The parent's hashes are context, not indicators.
    EXPECT_EQ(indicator(c, IndicatorType::sha256,
                        "0d9c5f2a7b1e3c4d6e8f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d"),
              nullptr);

    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1059.001", "T1105"}));
    ASSERT_EQ(c.commands.size(), 2U);
    EXPECT_EQ(c.commands[0].language, ScriptLanguage::powershell);
    EXPECT_EQ(c.commands[0].title, "powershell.exe");
    EXPECT_EQ(c.commands[1].text, "C:\\Windows\\Explorer.EXE");
    EXPECT_EQ(c.commands[1].title, "parent of powershell.exe");
}

TEST(CrowdStrikeDetection, EarliestBehaviourWhenFirstBehaviorIsMissing) {
    auto in = read_sample("crowdstrike-detection/detection-mimikatz.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    const model::Case& c = in->value;
    EXPECT_EQ(c.alert.observed_at.utc, utc("2025-11-14T15:15:02Z"));
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::info,
                               "observed_at: 2025-11-14T15:15:02Z from behaviors[1].timestamp"));
    EXPECT_EQ(c.alert.title, "CredentialDumpingLsass");
    EXPECT_EQ(c.alert.description, "A process attempted to read credentials from LSASS memory.");
    EXPECT_EQ(c.alert.severity, Severity::critical);
    EXPECT_EQ(c.alert.status, CaseStatus::resolved); // true_positive
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].hostname, "HR-WS-014");
    EXPECT_EQ(c.entities.devices[0].ips, std::vector<std::string>{"10.0.12.41"});
    ASSERT_EQ(c.entities.users.size(), 1U);
    EXPECT_EQ(c.entities.users[0].sid, "S-1-5-21-214752146-1234567890-987654321-2213");
    // "N/A" hashes are absent values, silently.
    ASSERT_EQ(c.indicators.size(), 3U);
    const auto* tool =
        indicator(c, IndicatorType::sha256,
                  "912018ab3c6b16b39ee84f17745ff0c80a33cee241013ec35d0281e40c0658d9");
    ASSERT_NE(tool, nullptr);
    EXPECT_EQ(tool->file, "mimi64.exe");
    EXPECT_NE(indicator(c, IndicatorType::md5, "bb8bdb3e8c92e97e2f63626bc3b254c4"), nullptr);
    EXPECT_NE(indicator(c, IndicatorType::sha256,
                        "b99d114b267ffd068c3289199b6df95c7a4f6ddf2b6a7c4e5f3d2a1b0c9d8e7f"),
              nullptr);
    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1003.001", "T1059.003"}));
    // The parent's command line is the second behaviour's: recorded once.
    ASSERT_EQ(c.commands.size(), 2U);
    EXPECT_EQ(c.commands[1].title, "parent of mimi64.exe");
    EXPECT_EQ(c.commands[1].language, ScriptLanguage::cmd);
}

TEST(CrowdStrikeDetection, MissingAndOddFields) {
    auto in = read_sample("crowdstrike-detection/missing-fields.json");
    ASSERT_TRUE(in) << in.error().to_string();
    const std::string all = all_diagnostics(*in);
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "has no behaviors")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning,
                               "'max_severity' is 60, but 'max_severity_displayname' is missing"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "'device.local_ip' is 'unknown'"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::error, "has no title")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::error, "looked for: first_behavior")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::error, "no usable severity")) << all;
    EXPECT_EQ(in->value.alert.status, CaseStatus::resolved); // ignored
    ASSERT_EQ(in->value.entities.devices.size(), 1U);
    EXPECT_EQ(in->value.entities.devices[0].id, "2c8e0f1a3b5d7c9e1f3a5b7d9c1e3f5a");
    EXPECT_TRUE(in->value.entities.devices[0].ips.empty());
}

} // namespace
} // namespace casefile::intake
