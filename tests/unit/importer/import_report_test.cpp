// The importer on small reports: each test feeds one deviation from the reference layout.
#include <gtest/gtest.h>

#include "importer/importer.hpp"
#include "model/case_yaml.hpp"

namespace casefile::importer {
namespace {

const ioc::Extractor& extractor() {
    static const ioc::Extractor e = *ioc::Extractor::create();
    return e;
}

ImportedReport import(std::string_view md) {
    auto r = import_report(md, extractor(), ImportOptions{"r.md", "UTC"});
    EXPECT_TRUE(r) << (r ? "" : r.error().to_string());
    return r ? *r : ImportedReport{};
}

bool has_rule(const ImportedReport& r, std::string_view rule, int line) {
    for (const auto& f : r.findings) {
        if (f.rule == rule && f.where.line == line) {
            return true;
        }
    }
    return false;
}

constexpr std::string_view kAlert = "## Alert Overview\n\n- **Ticket ID:** IR-1\n"
                                    "- **Alert Title:** T\n- **Observed At:** 2025-11-11T13:42Z\n"
                                    "- **Severity:** High\n\n";

TEST(ImportReport, RefusesTextThatIsNotUtf8AndSaysWhere) {
    // A Windows-1252 "é" on line 10: case.yaml is UTF-8, so nothing may carry the byte into it.
    const std::string md = std::string(kAlert) + "## Final Summary\n\nCaf\xE9 server.\n";
    auto r = import_report(md, extractor(), ImportOptions{"r.md", "UTC"});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, "the report is not valid UTF-8 (byte 0xE9)");
    ASSERT_TRUE(r.error().where);
    EXPECT_EQ(r.error().where->line, 10);
    EXPECT_EQ(r.error().where->column, 4);
    EXPECT_NE(r.error().hint.find("iconv"), std::string::npos);
}

TEST(ImportReport, NamesASectionWhoseHeadingIsEmpty) {
    const ImportedReport r =
        import(std::string(kAlert) + "## Lessons Learned\n\n- one\n\n##\n\nnote\n");
    ASSERT_EQ(r.value.sections.size(), 1U);
    EXPECT_EQ(r.value.sections[0].title, "Untitled section (line 12)");
    EXPECT_EQ(r.value.sections[0].body, "note");
    auto back = model::parse_case_yaml(model::to_yaml(r.value), "case.yaml");
    ASSERT_TRUE(back);
    EXPECT_TRUE(back->ok());
}

TEST(ImportReport, KeepsUsersAndDevicesThatNameNoOne) {
    // A second address line starts a device of its own, which has no name.
    const ImportedReport r =
        import(std::string(kAlert) + "## User/Entity Details\n\n- **Title:** Finance Analyst\n"
                                     "- **Hostname:** FIN-SRV02\n- **IP Address:** 10.0.5.22\n"
                                     "- **IP Address:** 10.0.5.23\n");
    EXPECT_TRUE(r.value.entities.users.empty());
    ASSERT_EQ(r.value.entities.devices.size(), 1U);
    EXPECT_EQ(r.value.entities.devices[0].hostname, "FIN-SRV02");
    EXPECT_EQ(r.value.entities.devices[0].ips, std::vector<std::string>{"10.0.5.22"});
    ASSERT_EQ(r.value.sections.size(), 1U);
    EXPECT_EQ(r.value.sections[0].title, "Kept from entities without a name");
    EXPECT_EQ(r.value.sections[0].body,
              "- **Title:** Finance Analyst\n- **IP Address:** 10.0.5.23");
    auto back = model::parse_case_yaml(model::to_yaml(r.value), "case.yaml");
    ASSERT_TRUE(back);
    EXPECT_TRUE(back->ok());
}

TEST(ImportReport, ReadsAlertFieldsAndRenamedSections) {
    const auto r = import(std::string(kAlert) +
                          "### IOCs\n\n- evil[.]com\n- 203[.]0[.]113[.]7 \xE2\x80\x94 C2\n\n"
                          "#### Timeline of Actions\n\n"
                          "- 2025-11-11 14:00 UTC - Isolated host \xE2\x80\x94 _j.doe_\n");
    const model::Case& c = r.value;
    EXPECT_EQ(c.alert.ticket_id, "IR-1");
    EXPECT_EQ(c.alert.severity, model::Severity::high);
    EXPECT_EQ(format_time(c.alert.observed_at), "2025-11-11T13:42:00Z");
    ASSERT_EQ(c.indicators.size(), 2u);
    EXPECT_EQ(c.indicators[0].value, "evil.com");
    EXPECT_EQ(c.indicators[1].value, "203.0.113.7");
    EXPECT_EQ(c.indicators[1].note, "C2");
    ASSERT_EQ(c.actions.size(), 1u);
    EXPECT_EQ(format_time(*c.actions[0].time), "2025-11-11T14:00:00Z");
    EXPECT_EQ(c.actions[0].text, "Isolated host");
    EXPECT_EQ(c.actions[0].actor, "j.doe");
    EXPECT_EQ(c.locations.at("alert.observed_at").line, 5);
}

TEST(ImportReport, ReadsPseudoBulletsAndTables) {
    const auto r = import(std::string(kAlert) +
                          "## Lessons Learned\n\n\t\xE2\x80\xA2\tOne\n\t\xE2\x80\xA2\tTwo\n\n"
                          "## Actions Taken\n\n| Time | Actor | Action |\n|---|---|---|\n"
                          "| 2025-11-11T14:00:00Z | a.b | Did it |\n");
    EXPECT_EQ(r.value.lessons, (std::vector<std::string>{"One", "Two"}));
    ASSERT_EQ(r.value.actions.size(), 1u);
    EXPECT_EQ(r.value.actions[0].actor, "a.b");
    EXPECT_EQ(r.value.actions[0].text, "Did it");
    EXPECT_TRUE(has_rule(r, "pseudo-bullet", 10));
}

TEST(ImportReport, KeepsWhatItCannotMap) {
    const auto r = import(std::string(kAlert) + "- **Analyst on call:** Jo\n\n"
                                                "## Appendix\n\n- a list\n- kept\n");
    ASSERT_EQ(r.value.sections.size(), 2u);
    EXPECT_EQ(r.value.sections[0].title, "Kept from Alert Overview");
    EXPECT_EQ(r.value.sections[0].body, "- **Analyst on call:** Jo");
    EXPECT_EQ(r.value.sections[1].title, "Appendix");
    EXPECT_EQ(r.value.sections[1].body, "- a list\n- kept");
}

TEST(ImportReport, MovesTableRowsOutOfCodeBlocks) {
    const auto r = import(std::string(kAlert) +
                          "## Indicators\n\n- 203[.]0[.]113[.]7\n\n**Commands/Scripts:**\n\n"
                          "```powershell\nStart-Process x.exe;\n"
                          "| Network Behavior | beacon to 203[.]0[.]113[.]7 |\n"
                          "| Email Subject (Phish) | \xE2\x80\x9CPay now\xE2\x80\x9D |\n```\n");
    const model::Case& c = r.value;
    ASSERT_EQ(c.commands.size(), 1u);
    EXPECT_EQ(c.commands[0].text, "Start-Process x.exe;\n");
    EXPECT_EQ(c.commands[0].language, model::ScriptLanguage::powershell);
    ASSERT_EQ(c.indicators.size(), 2u);
    EXPECT_EQ(c.indicators[0].note, "Network Behavior: beacon to 203.0.113.7");
    EXPECT_EQ(c.indicators[1].type, model::IndicatorType::email_subject);
    EXPECT_EQ(c.indicators[1].value, "Pay now");
    EXPECT_TRUE(has_rule(r, "pasted-table-row", 16));
    EXPECT_TRUE(has_rule(r, "missing-ioc", 17));
}

TEST(ImportReport, EvidenceWithAndWithoutDetails) {
    const auto r = import(std::string(kAlert) +
                          "## Evidence\n\n<details>\n<summary>Proxy 1: egress</summary>\n"
                          "```json\n2025-11-11T13:43:03Z GET hxxp://x[.]com/a\n```\n</details>\n\n"
                          "**EDR 2**\n\n```\n{\"Timestamp\": \"2025-11-11T13:42:18Z\"}\n```\n");
    ASSERT_EQ(r.value.logs.size(), 2u);
    EXPECT_EQ(r.value.logs[0].kind, model::LogKind::proxy);
    EXPECT_EQ(r.value.logs[0].title, "egress");
    EXPECT_EQ(r.value.logs[1].kind, model::LogKind::edr);
    EXPECT_TRUE(has_rule(r, "fence-language", 12)); // json fence on proxy text
}

TEST(ImportReport, FailsOnlyWithoutAnyTime) {
    auto r = import_report("# Report\n\nNothing here.\n", extractor(), {});
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().hint.find("Observed At"), std::string::npos);
}

TEST(ImportReport, ResultReadsBackAsCaseYaml) {
    const auto r = import(std::string(kAlert) + "## Escalations\n\n- Escalated to ****: \n");
    ASSERT_EQ(r.value.escalations.size(), 1u);
    EXPECT_EQ(r.value.escalations[0].to, "");
    auto back = model::parse_case_yaml(model::to_yaml(r.value), "case.yaml");
    ASSERT_TRUE(back);
    EXPECT_TRUE(back->ok());
}

} // namespace
} // namespace casefile::importer
