// Microsoft Graph security alerts (alerts_v2): every mapped field of the samples.
#include <gtest/gtest.h>

#include "intake_samples.hpp"

namespace casefile::intake {
namespace {

using model::CaseStatus;
using model::IndicatorType;
using model::Severity;
using namespace testing;

TEST(GraphAlert, ReferenceIncidentFromDefenderXdr) {
    auto in = read_sample("graph-alert/ir-2025-1142.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    EXPECT_EQ(count(*in, DiagnosticLevel::warning), 0U) << all_diagnostics(*in);
    EXPECT_EQ(in->format, "graph-alert");
    const model::Case& c = in->value;
    EXPECT_EQ(in->alert_id, "da638669313389761554_-1046457513");
    EXPECT_EQ(c.alert.source, "Microsoft Defender for Endpoint"); // productName
    EXPECT_EQ(c.alert.title, "Suspicious PowerShell activity initiating network connections");
    EXPECT_EQ(c.alert.observed_at.utc, utc("2025-11-11T13:42:18Z"));
    EXPECT_EQ(c.alert.severity, Severity::medium);
    EXPECT_EQ(c.alert.status, CaseStatus::open);
    EXPECT_TRUE(c.alert.description.starts_with("On Nov 11 at 13:42 UTC, Defender detected"));
    EXPECT_EQ(c.logs.at(0).kind, model::LogKind::edr);
    EXPECT_EQ(c.logs.at(0).file, "evidence/alert-graph-alert.json");

    // userEvidence, mailboxEvidence and the process's account are one person; the display
    // name and the mailbox give what the Defender for Endpoint API lacks.
    ASSERT_EQ(c.entities.users.size(), 1U);
    const model::User& u = c.entities.users[0];
    EXPECT_EQ(u.sid, "S-1-5-21-214752146-1234567890-987654321-1180");
    EXPECT_EQ(u.name, "John Smith");
    EXPECT_EQ(u.account, "CONTOSO\\j.smith");
    EXPECT_EQ(u.upn, "j.smith@contoso.com");
    EXPECT_EQ(u.email, "j.smith@contoso.com");
    EXPECT_EQ(u.title, "");
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, "FIN-SRV02.contoso.local");
    EXPECT_EQ(c.entities.devices[0].hostname, "FIN-SRV02");
    EXPECT_EQ(c.entities.devices[0].ips,
              (std::vector<std::string>{"10.0.5.22", "fe80::4c1d:9a2f:3b7e:1c05"}));
}

TEST(GraphAlert, EvidenceTypesBecomeTypedIndicators) {
    auto in = read_sample("graph-alert/ir-2025-1142.json");
    ASSERT_TRUE(in) << in.error().to_string();
    const model::Case& c = in->value;
    ASSERT_EQ(c.indicators.size(), 9U);
    for (const auto& [type, value] :
         {std::pair{IndicatorType::sha256,
                    "6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123"},
          std::pair{IndicatorType::sha1, "5e0c7d1b9a3f2e4d6c8b0a1f3e5d7c9b2a4f6e8d"},
          std::pair{IndicatorType::md5, "3c1f5d7a9b2e4c6d8f0a1b3c5d7e9f2a"}}) {
        const auto* hash = indicator(c, type, value);
        ASSERT_NE(hash, nullptr) << value;
        EXPECT_EQ(hash->file, "update.exe");
        EXPECT_EQ(hash->note, "alert evidence: fileEvidence");
    }
    const auto* image =
        indicator(c, IndicatorType::sha256,
                  "de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c");
    ASSERT_NE(image, nullptr);
    EXPECT_EQ(image->file, "powershell.exe");
    EXPECT_NE(indicator(c, IndicatorType::sha1, "0b1c7e6f2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c"),
              nullptr);
    EXPECT_NE(indicator(c, IndicatorType::file_path,
                        "C:\\Users\\j.smith\\AppData\\Local\\Temp\\update.exe"),
              nullptr);
    EXPECT_NE(indicator(c, IndicatorType::ipv4, "185.199.109.15"), nullptr);
    EXPECT_NE(
        indicator(c, IndicatorType::url, "https://cdn-dropbox.io/assets/finance_report_update.ps1"),
        nullptr);
    EXPECT_NE(indicator(c, IndicatorType::registry_key,
                        "HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run"),
              nullptr);
    // The parent process (explorer.exe) is context, not evidence of the attack.
    EXPECT_EQ(indicator(c, IndicatorType::sha256,
                        "0d9c5f2a7b1e3c4d6e8f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d"),
              nullptr);
    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1059.001", "T1071.001", "T1105"}));
    ASSERT_EQ(c.commands.size(), 1U);
    EXPECT_EQ(c.commands[0].title, "powershell.exe (process 7124)");
    EXPECT_EQ(c.commands[0].language, model::ScriptLanguage::powershell);
}

TEST(GraphAlert, OfficePhishingAlert) {
    auto in = read_sample("graph-alert/phishing-mdo.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    const model::Case& c = in->value;
    EXPECT_EQ(c.alert.source, "Microsoft Defender for Office 365"); // from serviceSource
    EXPECT_EQ(c.logs.at(0).kind, model::LogKind::email);
    EXPECT_EQ(c.alert.title, "Email messages containing malicious URL removed after delivery");
    EXPECT_EQ(c.alert.description,
              "Emails with a malicious URL that were delivered and later removed.");
    EXPECT_EQ(c.alert.observed_at.original, "2025-11-11T09:26:40.05Z");
    EXPECT_EQ(c.alert.observed_at.utc, utc("2025-11-11T09:26:40.050Z"));
    EXPECT_EQ(c.alert.severity, Severity::high);
    EXPECT_EQ(c.alert.status, CaseStatus::resolved);
    EXPECT_EQ(c.techniques, std::vector<std::string>{"T1566.002"});

    // The recipient and the mailbox are the same person.
    ASSERT_EQ(c.entities.users.size(), 1U);
    EXPECT_EQ(c.entities.users[0].email, "j.smith@contoso.com");
    EXPECT_EQ(c.entities.users[0].name, "John Smith");
    EXPECT_EQ(c.entities.users[0].sid, "S-1-5-21-214752146-1234567890-987654321-1180");
    EXPECT_EQ(c.entities.users[0].account, "contoso.com\\j.smith");
    EXPECT_TRUE(c.entities.devices.empty());

    ASSERT_EQ(c.indicators.size(), 6U);
    EXPECT_NE(indicator(c, IndicatorType::ipv4, "198.51.100.23"), nullptr);
    EXPECT_NE(indicator(c, IndicatorType::email_subject, "Updated Finance Forecast Q4 2025"),
              nullptr);
    EXPECT_NE(indicator(c, IndicatorType::email, "notify@finance-notify.net"), nullptr);
    EXPECT_NE(indicator(c, IndicatorType::email, "forecast@contoso-finance.net"), nullptr);
    EXPECT_NE(
        indicator(c, IndicatorType::url, "https://cdn-dropbox.io/assets/finance_report_update.ps1"),
        nullptr);
    const auto* login = indicator(c, IndicatorType::url, "https://cdn-dropbox.io/login");
    ASSERT_NE(login, nullptr);
    EXPECT_EQ(login->note, "alert evidence: analyzed message"); // first seen there
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::info,
                               "1 mailClusterEvidence item kept in "
                               "the saved alert only"));
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "names no device"));
}

TEST(GraphAlert, ListExportNeedsAnIndex) {
    auto many = read_sample("graph-alert/list-two-alerts.json");
    ASSERT_FALSE(many);
    EXPECT_EQ(many.error().code, ErrorCode::bad_input);
    EXPECT_NE(many.error().message.find("holds 2 alerts in the 'value' list"), std::string::npos)
        << many.error().message;
    EXPECT_NE(many.error().hint.find("--alert-index N (0 to 1)"), std::string::npos);

    IntakeOptions second;
    second.alert_index = 1;
    auto in = read_sample("graph-alert/list-two-alerts.json", second);
    ASSERT_TRUE(in) << in.error().to_string();
    EXPECT_EQ(in->value.alert.title,
              "Suspicious PowerShell activity initiating network connections");
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::info, "alert 1 (counting from 0) of 2"));

    IntakeOptions out_of_range;
    out_of_range.alert_index = 2;
    auto bad = read_sample("graph-alert/list-two-alerts.json", out_of_range);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::bad_usage);
}

TEST(GraphAlert, MissingAndOddFields) {
    auto in = read_sample("graph-alert/missing-fields.json");
    ASSERT_TRUE(in) << in.error().to_string();
    const std::string all = all_diagnostics(*in);
    EXPECT_FALSE(in->ok());
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::error, "looked for: firstActivityDateTime"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::error, "no usable severity")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "'severity' is 'unknown'")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "'status' is 'unknownFutureValue'"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning,
                               "'evidence[1].ipAddress' is 'not-an-address'"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::info, "cloudApplicationEvidence")) << all;
    const model::Case& c = in->value;
    EXPECT_EQ(c.alert.source, "Microsoft Defender for Cloud Apps");
    EXPECT_EQ(c.logs.at(0).kind, model::LogKind::cloud);
    EXPECT_EQ(c.techniques, std::vector<std::string>{"T1078"}); // a lone string is accepted
    ASSERT_EQ(c.entities.users.size(), 1U);
    EXPECT_EQ(c.entities.users[0].upn, "b.lee@contoso.com");
    EXPECT_EQ(c.entities.users[0].account, "b.lee");
    EXPECT_TRUE(c.indicators.empty());
}

} // namespace
} // namespace casefile::intake
