// Mapping files: parsing (with located errors), JSON pointers with "*", and every mapped field
// of the two sample mappings.
#include <gtest/gtest.h>

#include "intake/formats/mapping_file.hpp"
#include "intake_samples.hpp"

namespace casefile::intake {
namespace {

using detail::parse_mapping;
using detail::resolve_pointer;
using model::CaseStatus;
using model::IndicatorType;
using model::Severity;
using namespace testing;

IntakeOptions with_mapping(std::string_view file) {
    IntakeOptions options;
    options.mapping = sample(file);
    return options;
}

Error mapping_error(const std::string& yaml) {
    auto parsed = parse_mapping(InputFile{"m.yaml", yaml});
    EXPECT_FALSE(parsed) << "the mapping parsed";
    return parsed ? Error{} : parsed.error();
}

constexpr const char* kHeader = "schema: casefile-mapping/1\nformat: acme\nsource: Acme\n";

TEST(MappingFile, WazuhAlert) {
    auto in = read_sample("mapping/wazuh-alert.json", with_mapping("mapping/wazuh.mapping.yaml"));
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    EXPECT_EQ(in->format, "wazuh-alert");
    const model::Case& c = in->value;
    EXPECT_EQ(in->alert_id, "1762868538.4471123");
    EXPECT_EQ(c.alert.source, "Wazuh");
    EXPECT_EQ(c.alert.title, "Powershell process with encoded command connecting out");
    EXPECT_EQ(c.alert.observed_at.original, "2025-11-11T13:42:18.000+0000");
    EXPECT_EQ(c.alert.observed_at.utc, utc("2025-11-11T13:42:18Z"));
    EXPECT_EQ(c.alert.severity, Severity::high); // level 12 through the severity table
    EXPECT_FALSE(c.alert.status.has_value());
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning,
                               "no description (looked for: "
                               "/full_log)"));
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, "003");
    EXPECT_EQ(c.entities.devices[0].hostname, "FIN-SRV02");
    EXPECT_EQ(c.entities.devices[0].ips, std::vector<std::string>{"10.0.5.22"});
    ASSERT_EQ(c.entities.users.size(), 1U);
    EXPECT_EQ(c.entities.users[0].account, "CONTOSO\\j.smith");
    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1059.001", "T1071.001"}));
    ASSERT_EQ(c.commands.size(), 1U);
    EXPECT_EQ(c.commands[0].language, model::ScriptLanguage::powershell);
    ASSERT_EQ(c.indicators.size(), 1U);
    EXPECT_EQ(c.indicators[0].type, IndicatorType::ipv4);
    EXPECT_EQ(c.indicators[0].value, "185.199.109.15");
    EXPECT_EQ(c.indicators[0].note, "mapped from /data/win/eventdata/destinationIp");
    ASSERT_EQ(c.logs.size(), 1U);
    EXPECT_EQ(c.logs[0].kind, model::LogKind::edr);
    EXPECT_TRUE(c.logs[0].format.empty()); // the log parsers detect what they can read
    EXPECT_EQ(c.logs[0].file, "evidence/alert-wazuh-alert.json");
    EXPECT_EQ(c.logs[0].title, "Wazuh alert 1762868538.4471123");
}

TEST(MappingFile, WildcardsBuildOneUserAndDevicePerListElement) {
    auto in =
        read_sample("mapping/acme-soar-case.json", with_mapping("mapping/acme-soar.mapping.yaml"));
    ASSERT_TRUE(in) << in.error().to_string();
    ASSERT_TRUE(in->ok()) << all_diagnostics(*in);
    // The case link points at an internal host (.local), which the IoC engine does not take
    // as an indicator.
    EXPECT_EQ(count(*in, DiagnosticLevel::warning), 1U) << all_diagnostics(*in);
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::warning,
                               "'https://soar.contoso.local/cases/88213' is not a valid url"));
    const model::Case& c = in->value;
    EXPECT_EQ(in->alert_id, "SOAR-88213");
    EXPECT_EQ(c.alert.title, "Possible data exfiltration over DNS");
    EXPECT_EQ(c.alert.description,
              "Large volume of TXT queries from HR-WS-014 to a newly registered domain.");
    EXPECT_EQ(c.alert.observed_at.utc, utc("2025-11-18T13:00:00Z")); // Unix seconds
    EXPECT_EQ(c.alert.severity, Severity::high);                     // P2
    EXPECT_EQ(c.alert.status, CaseStatus::in_progress);              // triage
    EXPECT_EQ(c.techniques, (std::vector<std::string>{"T1048.003", "T1071.004"}));

    ASSERT_EQ(c.entities.users.size(), 2U);
    const model::User& ana = c.entities.users[0];
    EXPECT_EQ(ana.sid, "S-1-5-21-214752146-1234567890-987654321-2213");
    EXPECT_EQ(ana.name, "Ana Jones");
    EXPECT_EQ(ana.account, "CONTOSO\\a.jones");
    EXPECT_EQ(ana.email, "a.jones@contoso.com");
    EXPECT_EQ(ana.title, "HR Specialist"); // a job title, when the product carries one
    EXPECT_EQ(c.entities.users[1].name, "Sync Service");
    EXPECT_EQ(c.entities.users[1].account, "CONTOSO\\svc-sync");
    EXPECT_EQ(c.entities.users[1].sid, "");

    ASSERT_EQ(c.entities.devices.size(), 2U);
    EXPECT_EQ(c.entities.devices[0].id, "hr-ws-014.contoso.local");
    EXPECT_EQ(c.entities.devices[0].hostname, "HR-WS-014");
    EXPECT_EQ(c.entities.devices[0].ips, std::vector<std::string>{"10.0.12.41"});
    EXPECT_EQ(c.entities.devices[1].id, "dns-01.contoso.local");
    EXPECT_EQ(c.entities.devices[1].ips, (std::vector<std::string>{"10.0.0.53", "10.0.0.54"}));

    ASSERT_EQ(c.indicators.size(), 3U);
    EXPECT_NE(indicator(c, IndicatorType::ipv4, "203.0.113.80"), nullptr);
    EXPECT_NE(indicator(c, IndicatorType::domain, "x7f3.tunnel-example.net"), nullptr);
    EXPECT_NE(indicator(c, IndicatorType::sha256,
                        "c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4"),
              nullptr);
}

TEST(MappingFile, SourceMustAgreeWithTheMapping) {
    IntakeOptions options = with_mapping("mapping/wazuh.mapping.yaml");
    options.format = "elastic-alert";
    auto in = read_sample("mapping/wazuh-alert.json", options);
    ASSERT_FALSE(in);
    EXPECT_EQ(in.error().code, ErrorCode::bad_usage);
}

TEST(MappingFile, ErrorsAreLocatedAndSuggestAFix) {
    Error typo = mapping_error(std::string(kHeader) + "feilds:\n  alert.title: /name\n");
    // The misspelt section also leaves 'fields' missing: both are counted.
    EXPECT_EQ(typo.message, "unknown key 'feilds' (did you mean 'fields'?) (and 1 more problem in "
                            "the mapping file)");
    ASSERT_TRUE(typo.where);
    EXPECT_EQ(typo.where->to_string(), "m.yaml:4:1");

    Error field = mapping_error(std::string(kHeader) + "fields:\n  alert.titel: /name\n");
    EXPECT_EQ(field.message, "unknown key 'alert.titel' (did you mean 'alert.title'?)");
    EXPECT_EQ(field.where->to_string(), "m.yaml:5:3");

    Error pointer = mapping_error(std::string(kHeader) + "fields:\n  alert.title: rule/name\n");
    EXPECT_EQ(pointer.message,
              "'alert.title' must be a JSON pointer such as /rule/name, found 'rule/name'");
    EXPECT_EQ(pointer.where->to_string(), "m.yaml:5:16");

    Error type = mapping_error(std::string(kHeader) +
                               "fields:\n  alert.title: /name\nindicators:\n  sha265: /h\n");
    EXPECT_EQ(type.message, "unknown key 'sha265' (did you mean 'sha256'?)");

    Error severity = mapping_error(std::string(kHeader) +
                                   "fields:\n  alert.title: /name\nseverity:\n  P1: urgent\n");
    EXPECT_EQ(severity.message, "unknown severity 'urgent'");
    EXPECT_NE(severity.hint.find("informational, low, medium, high, critical"), std::string::npos);

    Error schema = mapping_error("format: acme\nsource: Acme\nfields:\n  alert.title: /name\n");
    EXPECT_EQ(schema.message, "the mapping file does not say its schema");

    Error builtin = mapping_error(
        "schema: casefile-mapping/1\nformat: splunk-notable\nsource: S\nfields: {}\n");
    EXPECT_EQ(builtin.message, "'splunk-notable' is a built-in format");

    Error name = mapping_error("schema: casefile-mapping/1\nformat: My Product\nsource: S\n"
                               "fields: {alert.title: /t}\n");
    EXPECT_NE(name.message.find("not a short lower-case name"), std::string::npos);

    Error several = mapping_error("schema: casefile-mapping/2\nformat: x\nsource: S\n"
                                  "fields: {alert.titel: /t}\n");
    EXPECT_NE(several.message.find("(and 1 more problem in the mapping file)"), std::string::npos)
        << several.message;

    Error yaml = mapping_error("schema: [unclosed\n");
    EXPECT_NE(yaml.message.find("not valid YAML"), std::string::npos);
    ASSERT_TRUE(yaml.where);
    EXPECT_GT(yaml.where->line, 0);
}

TEST(JsonPointer, ResolvesKeysIndicesEscapesAndWildcards) {
    const auto doc = detail::Json::parse(R"({
        "a": [{"b": 1}, {"b": 2}, {"c": 3}],
        "x/y": {"m~n": "escaped"},
        "n": null,
        "nested": [{"items": [{"v": "p"}, {"v": "q"}]}, {"items": [{"v": "r"}]}]
    })");
    EXPECT_EQ(resolve_pointer(doc, "").size(), 1U);
    ASSERT_EQ(resolve_pointer(doc, "/a/1/b").size(), 1U);
    EXPECT_EQ(*resolve_pointer(doc, "/a/1/b")[0].value, 2);
    EXPECT_EQ(*resolve_pointer(doc, "/x~1y/m~0n")[0].value, "escaped");
    const auto bs = resolve_pointer(doc, "/a/*/b");
    ASSERT_EQ(bs.size(), 2U);
    EXPECT_EQ(bs[0].element, 0U);
    EXPECT_EQ(bs[1].element, 1U);
    // The element number is the first "*"'s, so fields of one list item stay together.
    const auto vs = resolve_pointer(doc, "/nested/*/items/*/v");
    ASSERT_EQ(vs.size(), 3U);
    EXPECT_EQ(vs[0].element, 0U);
    EXPECT_EQ(vs[1].element, 0U);
    EXPECT_EQ(vs[2].element, 1U);
    EXPECT_TRUE(resolve_pointer(doc, "/n").empty());
    EXPECT_TRUE(resolve_pointer(doc, "/a/01").empty());
    EXPECT_TRUE(resolve_pointer(doc, "/a/9").empty());
    EXPECT_TRUE(resolve_pointer(doc, "/x~1y/*").empty()); // "*" spans lists, not objects
    EXPECT_TRUE(resolve_pointer(doc, "a").empty());
}

TEST(MappingFile, SeveralValuesForOneFieldUseTheFirst) {
    const std::string yaml = std::string(kHeader) +
                             "fields:\n  alert.title: /rules/*/name\n"
                             "  alert.observed_at: /t\n  alert.severity: /s\n";
    auto mapping = parse_mapping(InputFile{"m.yaml", yaml});
    ASSERT_TRUE(mapping) << mapping.error().to_string();
    IntakeOptions options;
    options.mapping = InputFile{"m.yaml", yaml};
    auto in = read_alert(InputFile{"a.json", R"({"rules": [{"name": "First"}, {"name": "Second"}],
                                                  "t": "2025-11-11T13:42:18Z", "s": "HIGH"})"},
                         options, *ioc::Extractor::create());
    ASSERT_TRUE(in) << in.error().to_string();
    EXPECT_EQ(in->value.alert.title, "First");
    EXPECT_EQ(in->value.alert.severity, Severity::high); // casefile's own words need no table
    EXPECT_TRUE(has_diagnostic(*in, DiagnosticLevel::info, "reaches 2 values; the first is used"));
}

} // namespace
} // namespace casefile::intake
