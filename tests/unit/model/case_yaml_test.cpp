#include <gtest/gtest.h>

#include "model/case_yaml.hpp"

namespace casefile::model {
namespace {

constexpr const char* kMinimal = R"(schema: casefile/1
alert:
  ticket_id: IR-1
  title: Test alert
  observed_at: 2025-11-11T13:42:18Z
  severity: high
)";

TEST(CaseYaml, ParsesMinimalCase) {
    auto loaded = parse_case_yaml(kMinimal, "case.yaml");
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(loaded->diagnostics.empty()) << loaded->diagnostics.front().to_string();
    const Case& c = loaded->value;
    EXPECT_EQ(c.alert.ticket_id, "IR-1");
    EXPECT_EQ(c.alert.severity, Severity::high);
    EXPECT_EQ(format_time(c.alert.observed_at), "2025-11-11T13:42:18Z");
    EXPECT_FALSE(c.alert.tlp.has_value());
    EXPECT_EQ(c.locations.at("alert.observed_at").line, 5);
    EXPECT_EQ(c.locations.at("alert.observed_at").column, 3);
}

TEST(CaseYaml, MinimalCaseIsAlreadyCanonical) {
    auto loaded = parse_case_yaml(kMinimal, "case.yaml");
    ASSERT_TRUE(loaded);
    EXPECT_EQ(to_yaml(loaded->value), kMinimal);
}

TEST(CaseYaml, RoundTripKeepsEveryField) {
    constexpr const char* full = R"(schema: casefile/1
timezone: Europe/Berlin
alert:
  ticket_id: IR-2
  source: Microsoft Defender for Endpoint
  title: "Quoted: title"
  observed_at: 2025-11-11 14:42
  severity: medium
  status: contained
  tlp: amber+strict
  description: |
    Line one.
    Line two with trailing spaces   
entities:
  users:
    - sid: S-1-5-21-1-2-3-1180
      name: John Smith
      account: CONTOSO\j.smith
      upn: j.smith@contoso.com
      email: j.smith@contoso.com
      title: Finance Analyst
  devices:
    - id: FIN-SRV02.contoso.local
      hostname: FIN-SRV02
      ips: [10.0.5.22, "fe80::1"]
evidence:
  queries:
    - language: kql
      title: Process hunt
      text: |-
        DeviceProcessEvents
        | where DeviceName == "FIN-SRV02"
  logs:
    - kind: firewall
      format: firewall-text
      time: 2025-11-11T13:42:20Z
      text: "  leading spaces\nand no final newline"
indicators:
  - type: sha256
    value: 6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123
    file: update.exe
    note: payload
techniques: [T1059.001, T1566]
commands:
  - language: powershell
    text: "$wc = New-Object System.Net.WebClient;\n"
osint:
  - provider: VirusTotal
    subject: cdn-dropbox.io/assets/payload.exe
    detections: 34 / 71
    detection_names: [Trojan.Agent, PowerShell/Loader.A]
    first_seen: 2025-11-10
    last_seen: 2025-11-11
    classification: Downloader → RAT (AsyncRAT variant)
    behaviours:
      - "Network Behavior: HTTPS C2 to 185.199.109.15"
    screenshot:
      url: https://sandbox-screenshot.com/a.png
      caption: PowerShell window
triage:
  - Reviewed the process tree
  - time: 2025-11-11T13:50:00Z
    actor: analyst
    text: Pulled proxy logs
actions:
  - time: 2025-11-11T18:50:00.000Z
    text: Quarantined update.exe
escalations:
  - time: 2025-11-13T18:20:04.216Z
summary: Done.
executive_summary: Done, for leaders.
lessons: [One, Two]
next_steps: [Three]
sections:
  - title: Appendix
    body: "# not a heading in YAML\n"
)";
    auto first = parse_case_yaml(full, "case.yaml");
    ASSERT_TRUE(first);
    ASSERT_TRUE(first->diagnostics.empty()) << first->diagnostics.front().to_string();
    const std::string saved = to_yaml(first->value);
    auto second = parse_case_yaml(saved, "case.yaml");
    ASSERT_TRUE(second);
    ASSERT_TRUE(second->diagnostics.empty()) << saved;
    // Saving the re-loaded case gives the same text, and every value survived.
    EXPECT_EQ(to_yaml(second->value), saved);
    const Case& a = first->value;
    const Case& b = second->value;
    EXPECT_EQ(b.timezone, "Europe/Berlin");
    EXPECT_EQ(format_time(b.alert.observed_at), "2025-11-11T13:42:00Z");
    EXPECT_EQ(b.alert.observed_at.original, "2025-11-11 14:42");
    EXPECT_EQ(b.alert.tlp, Tlp::amber_strict);
    EXPECT_EQ(b.alert.description, a.alert.description);
    EXPECT_EQ(b.alert.title, "Quoted: title");
    EXPECT_EQ(b.entities.devices.at(0).ips, a.entities.devices.at(0).ips);
    EXPECT_EQ(b.queries.at(0).text, a.queries.at(0).text);
    EXPECT_EQ(b.logs.at(0).text, "  leading spaces\nand no final newline");
    EXPECT_EQ(b.logs.at(0).time, a.logs.at(0).time);
    EXPECT_EQ(b.indicators.at(0).file, "update.exe");
    EXPECT_EQ(b.entities.users.at(0).account, "CONTOSO\\j.smith");
    EXPECT_EQ(b.entities.users.at(0).upn, "j.smith@contoso.com");
    EXPECT_EQ(b.techniques, (std::vector<std::string>{"T1059.001", "T1566"}));
    EXPECT_EQ(b.commands.at(0).text, a.commands.at(0).text);
    EXPECT_EQ(b.osint.at(0).detections, (DetectionRatio{34, 71}));
    EXPECT_TRUE(b.osint.at(0).first_seen->date_only);
    EXPECT_EQ(b.osint.at(0).behaviours, a.osint.at(0).behaviours);
    EXPECT_EQ(b.osint.at(0).screenshot, a.osint.at(0).screenshot);
    ASSERT_EQ(b.triage.size(), 2u);
    EXPECT_EQ(b.triage[1].actor, "analyst");
    EXPECT_EQ(b.escalations.at(0).time, a.escalations.at(0).time);
    EXPECT_EQ(b.lessons, a.lessons);
    EXPECT_EQ(b.sections.at(0).body, "# not a heading in YAML\n");
}

} // namespace
} // namespace casefile::model
