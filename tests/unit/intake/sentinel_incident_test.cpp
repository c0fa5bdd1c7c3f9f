// Microsoft Sentinel incidents and their entities: every mapped field of the samples.
#include <gtest/gtest.h>

#include "intake_samples.hpp"

namespace casefile::intake {
namespace {

using model::CaseStatus;
using model::IndicatorType;
using model::Severity;
using namespace testing;

IntakeOptions with_entities(std::string_view file) {
    IntakeOptions options;
    options.entities = sample(file);
    return options;
}

TEST(SentinelIncident, RestResourceWithEntities) {
    auto in = read_sample("sentinel-incident/incident-1142.json",
                          with_entities("sentinel-incident/incident-1142-entities.json"));
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    EXPECT_EQ(count(*in, DiagnosticLevel::warning), 0U) << all_diagnostics(*in);
    EXPECT_EQ(in->format, "sentinel-incident");
    const model::Case& c = in->value;
    EXPECT_EQ(in->alert_id, "1142");
    EXPECT_EQ(c.alert.ticket_id, "1142");
    EXPECT_EQ(c.alert.source, "Microsoft Sentinel");
    EXPECT_EQ(c.alert.title,
              "Suspicious PowerShell activity initiating network connections on FIN-SRV02");
    EXPECT_EQ(c.alert.description, "Encoded PowerShell on FIN-SRV02 connected to 185.199.109.15 "
                                   "shortly after j.smith signed in over RDP.");
    EXPECT_EQ(c.alert.observed_at.original, "2025-11-11T13:42:18.0000000Z");
    EXPECT_EQ(c.alert.observed_at.utc, utc("2025-11-11T13:42:18Z"));
    EXPECT_EQ(c.alert.severity, Severity::medium);
    EXPECT_EQ(c.alert.status, CaseStatus::in_progress);
    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1059", "T1071"}));
    // Owner and labels have no case field; the analyst is told where they stay.
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::info,
                               "owner Maria Garcia; labels finance, rdp; alert products"));
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::info, "1 SecurityAlert entity kept"));
}

TEST(SentinelIncident, EntitiesBecomeUsersDevicesAndIndicators) {
    auto in = read_sample("sentinel-incident/incident-1142.json",
                          with_entities("sentinel-incident/incident-1142-entities.json"));
    ASSERT_TRUE(in) << in.error().to_string();
    const model::Case& c = in->value;
    ASSERT_EQ(c.entities.users.size(), 1U);
    const model::User& u = c.entities.users[0];
    EXPECT_EQ(u.sid, "S-1-5-21-214752146-1234567890-987654321-1180");
    EXPECT_EQ(u.name, "John Smith");
    EXPECT_EQ(u.account, "CONTOSO\\j.smith");
    EXPECT_EQ(u.upn, "j.smith@contoso.com"); // accountName@upnSuffix
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, "FIN-SRV02.contoso.local"); // hostName.dnsDomain
    EXPECT_EQ(c.entities.devices[0].hostname, "FIN-SRV02");

    ASSERT_EQ(c.indicators.size(), 6U);
    EXPECT_NE(indicator(c, IndicatorType::ipv4, "185.199.109.15"), nullptr);
    EXPECT_NE(indicator(c, IndicatorType::ipv4, "172.16.5.13"), nullptr);
    const auto* hash =
        indicator(c, IndicatorType::sha256,
                  "6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123");
    ASSERT_NE(hash, nullptr);
    EXPECT_EQ(hash->file, "update.exe"); // through the File entity's fileHashEntityIds
    EXPECT_EQ(hash->note, "incident entity: FileHash");
    EXPECT_NE(indicator(c, IndicatorType::file_path,
                        "C:\\Users\\j.smith\\AppData\\Local\\Temp\\update.exe"),
              nullptr);
    EXPECT_NE(
        indicator(c, IndicatorType::url, "https://cdn-dropbox.io/assets/finance_report_update.ps1"),
        nullptr);
    EXPECT_NE(indicator(c, IndicatorType::domain, "cdn-dropbox.io"), nullptr);
    ASSERT_EQ(c.commands.size(), 1U);
    EXPECT_EQ(c.commands[0].language, model::ScriptLanguage::powershell);
    EXPECT_EQ(c.commands[0].title, "process 7124");
}

TEST(SentinelIncident, IncidentAndEntitiesAreBothSaved) {
    auto in = read_sample("sentinel-incident/incident-1142.json",
                          with_entities("sentinel-incident/incident-1142-entities.json"));
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_EQ(in->files.size(), 2U);
    EXPECT_EQ(in->files[0].path, "evidence/alert-sentinel-incident.json");
    EXPECT_EQ(in->files[0].content, sample("sentinel-incident/incident-1142.json").text);
    EXPECT_EQ(in->files[1].path, "evidence/alert-sentinel-incident-entities.json");
    EXPECT_EQ(in->files[1].content, sample("sentinel-incident/incident-1142-entities.json").text);
    ASSERT_EQ(in->value.logs.size(), 2U);
    EXPECT_EQ(in->value.logs[0].kind, model::LogKind::cloud);
    EXPECT_TRUE(in->value.logs[0].format.empty());
    EXPECT_EQ(in->value.logs[0].time, in->value.alert.observed_at);
    EXPECT_EQ(in->value.logs[0].title, "Microsoft Sentinel incident 1142");
    EXPECT_EQ(in->value.logs[1].time, in->value.alert.observed_at);
    EXPECT_EQ(in->value.logs[1].title, "Microsoft Sentinel incident entities 1142");
}

TEST(SentinelIncident, CliPropertiesWithoutEntities) {
    auto in = read_sample("sentinel-incident/incident-2077-cli.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    const model::Case& c = in->value;
    EXPECT_EQ(in->alert_id, "2077");
    EXPECT_EQ(c.alert.title, "Atypical travel");
    EXPECT_EQ(c.alert.description, "Sign-ins from two countries within 40 minutes.");
    EXPECT_EQ(c.alert.observed_at.original, "2025-11-18T20:12:09+01:00");
    EXPECT_EQ(c.alert.observed_at.utc, utc("2025-11-18T19:12:09Z"));
    EXPECT_EQ(c.alert.severity, Severity::low);
    EXPECT_EQ(c.alert.status, CaseStatus::closed);
    EXPECT_EQ(c.techniques, std::vector<std::string>{"T1078.004"});
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "no entities file"));
    EXPECT_TRUE(c.entities.users.empty());
    EXPECT_TRUE(c.indicators.empty());
    // An owner with nothing filled in is not worth a note.
    EXPECT_FALSE(has_diagnostic(*in, DiagnosticLevel::info, "owner"));
}

TEST(SentinelIncident, OddEntities) {
    auto in = read_sample("sentinel-incident/incident-2077-cli.json",
                          with_entities("sentinel-incident/entities-odd.json"));
    ASSERT_TRUE(in) << in.error().to_string();
    const model::Case& c = in->value;
    ASSERT_EQ(c.entities.users.size(), 2U);
    EXPECT_EQ(c.entities.users[0].account, "CONTOSO\\svc-backup");
    EXPECT_EQ(c.entities.users[1].email, "svc-backup@contoso.com");
    EXPECT_EQ(c.entities.users[1].upn, "svc-backup@contoso.com");
    EXPECT_EQ(c.entities.users[1].name, "Backup Service");
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, "/subscriptions/6b1f0c2e/resourceGroups/prod/providers/"
                                        "Microsoft.Compute/virtualMachines/db-07");
    // An algorithm casefile does not know: the hash is typed by its length.
    EXPECT_NE(indicator(c, IndicatorType::md5, "44d88612fea8a8f36de82e1278abb02f"), nullptr);
    EXPECT_NE(indicator(c, IndicatorType::registry_key,
                        "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run"),
              nullptr);
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "is '10.20.30', not an IP address"));
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::info, "2 CloudApplication entities kept"));
}

TEST(SentinelIncident, MissingAndOddFields) {
    auto in = read_sample("sentinel-incident/missing-fields.json");
    ASSERT_TRUE(in) << in.error().to_string();
    const std::string all = all_diagnostics(*in);
    EXPECT_TRUE(
        has_diagnostic(*in, DiagnosticLevel::error, "has no title (looked for: properties.title)"))
        << all;
    EXPECT_TRUE(
        has_diagnostic(*in, DiagnosticLevel::error, "looked for: properties.firstActivityTimeUtc"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::error, "no usable severity")) << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "is 'Severe', which is not on"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "is 'Archived', which is not on"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "holds 'Persistence'")) << all;
    // createdTimeUtc is when the incident was made, never the observation time.
    EXPECT_EQ(all.find("createdTimeUtc"), std::string::npos) << all;
}

TEST(SentinelIncident, EntitiesOnlyGoWithSentinel) {
    auto in = read_sample("defender-endpoint/ir-2025-1142.json",
                          with_entities("sentinel-incident/incident-1142-entities.json"));
    ASSERT_FALSE(in);
    EXPECT_EQ(in.error().code, ErrorCode::bad_usage);
    EXPECT_NE(in.error().message.find("--entities is for Microsoft Sentinel incidents"),
              std::string::npos);
}

} // namespace
} // namespace casefile::intake
