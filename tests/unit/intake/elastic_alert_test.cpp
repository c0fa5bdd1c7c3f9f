// Elastic Security alerts: every mapped field of the samples.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "intake_samples.hpp"

namespace casefile::intake {
namespace {

using model::CaseStatus;
using model::IndicatorType;
using model::Severity;
using namespace testing;

TEST(ElasticAlert, AlertDocumentWithFlatKibanaFields) {
    auto in = read_sample("elastic-alert/alert-source.json");
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    EXPECT_EQ(count(*in, DiagnosticLevel::warning), 0U) << all_diagnostics(*in);
    EXPECT_EQ(in->format, "elastic-alert");
    const model::Case& c = in->value;
    EXPECT_EQ(in->alert_id, "5c9f3e1a7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e");
    EXPECT_EQ(c.alert.source, "Elastic Security");
    EXPECT_EQ(c.alert.title, "Suspicious PowerShell Encoded Command with Network Connection");
    EXPECT_TRUE(c.alert.description.starts_with("process event with process powershell.exe"));
    // original_time is the source event's time; @timestamp is when the rule ran.
    EXPECT_EQ(c.alert.observed_at.original, "2025-11-11T13:42:18.004Z");
    EXPECT_EQ(c.alert.severity, Severity::high);
    EXPECT_EQ(c.alert.status, CaseStatus::open);
    EXPECT_EQ(c.logs.at(0).kind, model::LogKind::edr); // agent.type endpoint
    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1059", "T1059.001", "T1105"}));

    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, "FIN-SRV02.contoso.local");
    EXPECT_EQ(c.entities.devices[0].hostname, "FIN-SRV02");
    EXPECT_EQ(c.entities.devices[0].ips,
              (std::vector<std::string>{"10.0.5.22", "fe80::4c1d:9a2f:3b7e:1c05"}));
    ASSERT_EQ(c.entities.users.size(), 1U);
    const model::User& u = c.entities.users[0];
    EXPECT_EQ(u.sid, "S-1-5-21-214752146-1234567890-987654321-1180");
    EXPECT_EQ(u.name, "John Smith");
    EXPECT_EQ(u.account, "CONTOSO\\j.smith");
    EXPECT_EQ(u.email, "j.smith@contoso.com");

    // source.ip is the host's own address, so it is no indicator.
    ASSERT_EQ(c.indicators.size(), 6U);
    const auto* image =
        indicator(c, IndicatorType::sha256,
                  "de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c");
    ASSERT_NE(image, nullptr);
    EXPECT_EQ(image->file, "powershell.exe");
    EXPECT_NE(indicator(c, IndicatorType::sha1, "0b1c7e6f2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c"),
              nullptr);
    EXPECT_NE(indicator(c, IndicatorType::md5, "7353f60b1739074eb17c5f4dddefe239"), nullptr);
    EXPECT_NE(indicator(c, IndicatorType::ipv4, "185.199.109.15"), nullptr);
    EXPECT_NE(indicator(c, IndicatorType::domain, "cdn-dropbox.io"), nullptr);
    EXPECT_NE(
        indicator(c, IndicatorType::url, "https://cdn-dropbox.io/assets/finance_report_update.ps1"),
        nullptr);
    EXPECT_EQ(indicator(c, IndicatorType::ipv4, "10.0.5.22"), nullptr);
    ASSERT_EQ(c.commands.size(), 2U);
    EXPECT_EQ(c.commands[0].title, "alert process powershell.exe");
    EXPECT_EQ(c.commands[1].title, "parent process explorer.exe");
}

TEST(ElasticAlert, SearchResponseWithNestedFields) {
    IntakeOptions first;
    first.alert_index = 0;
    auto in = read_sample("elastic-alert/alert-search-response.json", first);
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    const model::Case& c = in->value;
    EXPECT_EQ(in->alert_id, "77aa88bb99cc00dd11ee22ff33aa44bb55cc66dd77ee88ff99aa00bb11cc22dd");
    EXPECT_EQ(c.alert.title, "Connection to Known Tor Exit Node");
    EXPECT_EQ(c.alert.observed_at.utc, utc("2025-11-17T22:05:31Z"));
    EXPECT_EQ(c.alert.severity, Severity::medium);
    EXPECT_EQ(c.alert.status, CaseStatus::in_progress); // acknowledged
    EXPECT_EQ(c.logs.at(0).kind, model::LogKind::other);
    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1090", "T1090.003"}));
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].hostname, "web-proxy-02");
    EXPECT_EQ(c.entities.devices[0].id, "0f1e2d3c4b5a69788796a5b4c3d2e1f0"); // host.id
    ASSERT_EQ(c.indicators.size(), 2U);
    EXPECT_NE(indicator(c, IndicatorType::ipv4, "10.0.30.15"), nullptr);
    EXPECT_NE(indicator(c, IndicatorType::ipv4, "203.0.113.50"), nullptr);
    // The search hit is saved, with its index and id.
    const auto saved = nlohmann::json::parse(in->files.at(0).content);
    EXPECT_EQ(saved["_id"], "77aa88bb99cc00dd11ee22ff33aa44bb55cc66dd77ee88ff99aa00bb11cc22dd");

    IntakeOptions second;
    second.alert_index = 1;
    auto dns = read_sample("elastic-alert/alert-search-response.json", second);
    ASSERT_TRUE(dns) << dns.error().to_string();
    EXPECT_EQ(dns->value.alert.title, "Unusual DNS Query Volume");
    EXPECT_EQ(dns->value.alert.status, CaseStatus::closed);
    EXPECT_EQ(dns->value.alert.severity, Severity::low);
    EXPECT_NE(indicator(dns->value, IndicatorType::domain, "x7f3.tunnel-example.net"), nullptr);
    ASSERT_EQ(dns->value.entities.devices.size(), 1U);
    EXPECT_EQ(dns->value.entities.devices[0].id, "hr-ws-014.contoso.local");
    EXPECT_EQ(dns->value.entities.devices[0].hostname, "hr-ws-014");
}

TEST(ElasticAlert, MissingAndOddFields) {
    auto in = read_sample("elastic-alert/missing-fields.json");
    ASSERT_TRUE(in) << in.error().to_string();
    const std::string all = all_diagnostics(*in);
    EXPECT_TRUE(
        has_diagnostic(*in, DiagnosticLevel::error, "looked for: kibana.alert.original_time"))
        << all;
    // @timestamp is when the rule ran: never taken as the observation time.
    EXPECT_EQ(all.find("@timestamp"), std::string::npos) << all;
    EXPECT_TRUE(
        has_diagnostic(*in, DiagnosticLevel::warning, "'kibana.alert.severity' is 'urgent'"))
        << all;
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning, "holds '1110'")) << all;
    EXPECT_EQ(in->value.techniques, std::vector<std::string>{"T1110"});
    ASSERT_EQ(in->value.indicators.size(), 2U);
    EXPECT_NE(indicator(in->value, IndicatorType::ipv4, "198.51.100.201"), nullptr);
}

} // namespace
} // namespace casefile::intake
