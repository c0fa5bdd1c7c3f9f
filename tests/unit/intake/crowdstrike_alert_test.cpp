// CrowdStrike Falcon alerts (Alerts API v2): every mapped field of the samples.
#include <gtest/gtest.h>

#include "intake_samples.hpp"

namespace casefile::intake {
namespace {

using model::CaseStatus;
using model::IndicatorType;
using model::ScriptLanguage;
using model::Severity;
using namespace testing;

TEST(CrowdStrikeAlert, AlertsApiResponse) {
    auto in = read_sample("crowdstrike-alert/alert-powershell.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    EXPECT_EQ(in->format, "crowdstrike-alert");
    const model::Case& c = in->value;
    EXPECT_EQ(in->alert_id, "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d:ind:4f7dbd2a9c1e0b6d8e35a1c7f09b2e4d:"
                            "2298771554-10197-3407361");
    EXPECT_EQ(c.alert.source, "CrowdStrike Falcon");
    EXPECT_EQ(c.alert.title, "EncodedPowerShellNetworkConnection");
    EXPECT_EQ(c.alert.description, "A PowerShell process ran an encoded command and connected to a "
                                   "remote host. Review the command line and the destination.");
    EXPECT_EQ(c.alert.observed_at.original, "2025-11-11T13:42:18.113Z"); // timestamp
    EXPECT_EQ(c.alert.severity, Severity::high);
    EXPECT_EQ(c.alert.status, CaseStatus::open);
    EXPECT_EQ(c.logs.at(0).kind, model::LogKind::edr);

    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, "4f7dbd2a9c1e0b6d8e35a1c7f09b2e4d");
    EXPECT_EQ(c.entities.devices[0].hostname, "FIN-SRV02");
    EXPECT_EQ(c.entities.devices[0].ips, std::vector<std::string>{"10.0.5.22"});
    ASSERT_EQ(c.entities.users.size(), 1U);
    EXPECT_EQ(c.entities.users[0].sid, "S-1-5-21-214752146-1234567890-987654321-1180");
    EXPECT_EQ(c.entities.users[0].account, "CONTOSO\\j.smith"); // logon_domain + user_name
    EXPECT_EQ(c.entities.users[0].upn, "j.smith@contoso.com");  // user_principal

    // The all-zero SHA-1 is Falcon's "unknown" and is reported, not recorded.
    ASSERT_EQ(c.indicators.size(), 2U);
    EXPECT_NE(indicator(c, IndicatorType::sha256,
                        "de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c"),
              nullptr);
    EXPECT_NE(indicator(c, IndicatorType::md5, "7353f60b1739074eb17c5f4dddefe239"), nullptr);
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "'sha1' is all zeros"));

    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1059.001", "T1071.001"}));
    ASSERT_EQ(c.commands.size(), 2U);
    EXPECT_EQ(c.commands[0].language, ScriptLanguage::powershell);
    EXPECT_EQ(c.commands[1].text, "C:\\Windows\\Explorer.EXE");
    EXPECT_EQ(c.commands[1].title, "parent of powershell.exe");
}

TEST(CrowdStrikeAlert, BareAlertWithIocFilename) {
    auto in = read_sample("crowdstrike-alert/alert-lateral.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    const model::Case& c = in->value;
    EXPECT_EQ(c.alert.title, "PsExecServiceLateralMovement");
    EXPECT_EQ(c.alert.description, "A remote service was installed and started from another host "
                                   "with administrative credentials.");
    EXPECT_EQ(c.alert.observed_at.utc, utc("2025-11-14T19:02:44Z"));
    EXPECT_EQ(c.alert.severity, Severity::critical);
    EXPECT_EQ(c.alert.status, CaseStatus::closed);
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].hostname, "DB-07");
    EXPECT_EQ(c.entities.devices[0].ips, std::vector<std::string>{"10.0.20.7"});
    ASSERT_EQ(c.entities.users.size(), 1U);
    EXPECT_EQ(c.entities.users[0].account, "CONTOSO\\adm.jones");
    EXPECT_EQ(c.entities.users[0].sid, "S-1-5-21-214752146-1234567890-987654321-500");
    ASSERT_EQ(c.indicators.size(), 2U);
    const auto* service =
        indicator(c, IndicatorType::sha256,
                  "ae8c1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e");
    ASSERT_NE(service, nullptr);
    EXPECT_EQ(service->file, "PSEXESVC.exe");
    EXPECT_NE(indicator(c, IndicatorType::filename, "PSEXESVC.exe"), nullptr);
    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1021.002", "T1569.002"}));
    ASSERT_EQ(c.commands.size(), 2U);
    EXPECT_EQ(c.commands[1].title, "parent of PSEXESVC.exe");
}

TEST(CrowdStrikeAlert, MissingAndOddFields) {
    auto in = read_sample("crowdstrike-alert/missing-fields.json");
    ASSERT_TRUE(in) << in.error().to_string();
    const std::string all = all_diagnostics(*in);
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::error,
                               "no title (looked for: display_name, "
                               "name)"))
        << all;
    EXPECT_TRUE(
        has_diagnostic(*in, DiagnosticLevel::warning, "time '2025-11-21 10:00:00' has no zone"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::error, "looked for: timestamp")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "'severity_name' is 'Elevated'"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "holds 'Persistence'")) << all;
    // The device is known by its agent id only.
    ASSERT_EQ(in->value.entities.devices.size(), 1U);
    EXPECT_EQ(in->value.entities.devices[0].id, "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f");
    EXPECT_TRUE(in->value.indicators.empty());
}

} // namespace
} // namespace casefile::intake
