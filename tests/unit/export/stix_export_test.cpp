#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "export/stix/observables.hpp"
#include "export/stix/pattern_parser.hpp"
#include "export/stix/stix_bundle.hpp"
#include "export_fixtures.hpp"
#include "support/json_schema.hpp"

namespace casefile::exporting {
namespace {

using Json = nlohmann::json;
using testing::all_types_analysis;
using testing::all_types_case;
using testing::example_analysis;
using testing::example_case;
using testing::fixed_options;

Json bundle_of(const model::Case& c, const analysis::Analysis& a, const ExportOptions& o) {
    auto r = export_stix(c, a, o);
    EXPECT_TRUE(r) << r.error().message;
    return Json::parse(r->text);
}

std::vector<Json> of_type(const Json& bundle, std::string_view type) {
    std::vector<Json> out;
    for (const auto& o : bundle["objects"]) {
        if (o["type"] == type) {
            out.push_back(o);
        }
    }
    return out;
}

TEST(StixExport, ExampleBundleValidatesAgainstTheOfficialSchemas) {
    auto r = export_stix(example_case(), example_analysis(), fixed_options());
    ASSERT_TRUE(r);
    const auto check = casefile::testing::validate_stix_bundle(r->text);
    EXPECT_TRUE(check.ok) << check.output;
    EXPECT_NE(check.output.find("ok: "), std::string::npos) << check.output;
}

TEST(StixExport, EveryTypeAndTlpLevelValidates) {
    std::vector<std::string> bundles;
    for (const auto tlp : {model::Tlp::clear, model::Tlp::green, model::Tlp::amber,
                           model::Tlp::amber_strict, model::Tlp::red}) {
        auto r = export_stix(all_types_case(), all_types_analysis(), fixed_options(tlp));
        ASSERT_TRUE(r);
        bundles.push_back(r->text);
    }
    // Without any TLP: no marking, still valid.
    auto r = export_stix(all_types_case(), all_types_analysis(), fixed_options(std::nullopt));
    ASSERT_TRUE(r);
    bundles.push_back(r->text);
    const auto check = casefile::testing::validate_stix_bundles(bundles);
    EXPECT_TRUE(check.ok) << check.output;
    ASSERT_EQ(r->notes.size(), 2u); // no TLP; the `other` value has no pattern
    EXPECT_EQ(r->notes[0].rule, "missing-tlp");
    EXPECT_EQ(r->notes[1].rule, "stix-skipped");
}

TEST(StixExport, TlpMarkingsAreTheOfficialObjects) {
    std::ifstream in(testing::kShared / "reference-data/stix/tlp-markings.json");
    const Json reference = Json::parse(in);
    const std::vector<model::Tlp> levels = {model::Tlp::clear, model::Tlp::green, model::Tlp::amber,
                                            model::Tlp::amber_strict, model::Tlp::red};
    ASSERT_EQ(reference["tlp_2_0"].size(), levels.size());
    for (size_t k = 0; k < levels.size(); ++k) {
        EXPECT_EQ(Json::parse(stix::tlp_marking(levels[k]).dump()), reference["tlp_2_0"][k]);
        const Json bundle = bundle_of(example_case(), example_analysis(), fixed_options(levels[k]));
        const auto markings = of_type(bundle, "marking-definition");
        ASSERT_EQ(markings.size(), 1u);
        EXPECT_EQ(markings[0], reference["tlp_2_0"][k]);
        for (const auto& o : bundle["objects"]) {
            if (o["type"] == "marking-definition" || o["type"] == "identity") {
                EXPECT_FALSE(o.contains("object_marking_refs")) << o["id"];
            } else {
                EXPECT_EQ(o["object_marking_refs"], Json::array({markings[0]["id"]})) << o["id"];
            }
        }
    }
}

TEST(StixExport, ScoIdsFollowTheSpec) {
    // STIX 2.1 section 2.9 example and the reference bundle's SCOs.
    const auto domain =
        stix::sco_id(nlohmann::ordered_json{{"type", "domain-name"}, {"value", "example.com"}});
    EXPECT_EQ(*domain, "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7");
    EXPECT_EQ(
        *stix::sco_id(nlohmann::ordered_json{{"type", "ipv4-addr"}, {"value", "203.0.113.10"}}),
        "ipv4-addr--570130c0-7daf-5d1e-992f-58b53b447312");
    EXPECT_EQ(
        *stix::sco_id(nlohmann::ordered_json{
            {"type", "file"},
            {"hashes",
             {{"SHA-256", "4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796"}}},
            {"name", "a.exe"}}),
        "file--4663e5a4-b94e-5301-be5f-9c14040ba9b1");
    // Non-contributing properties do not change the id.
    EXPECT_EQ(*stix::sco_id(nlohmann::ordered_json{
                  {"type", "domain-name"}, {"spec_version", "2.1"}, {"value", "example.com"}}),
              *domain);
    // Every SCO in an export carries the id its properties define.
    const Json bundle = bundle_of(all_types_case(), all_types_analysis(), fixed_options());
    size_t scos = 0;
    for (const auto& o : bundle["objects"]) {
        const std::string id = o["id"];
        if (o.contains("created")) {
            continue; // SDO, SRO or marking
        }
        ++scos;
        EXPECT_EQ(*stix::sco_id(nlohmann::ordered_json::parse(o.dump())), id);
        EXPECT_EQ(id[id.find("--") + 2 + 14], '5') << id;
    }
    EXPECT_GE(scos, 15u);
}

TEST(StixExport, IndicatorsCarryValidPatternsForEveryType) {
    const Json bundle = bundle_of(all_types_case(), all_types_analysis(), fixed_options());
    std::map<std::string, std::string> by_name;
    for (const auto& i : of_type(bundle, "indicator")) {
        const std::string pattern = i["pattern"];
        EXPECT_TRUE(stix::parse_pattern(pattern)) << pattern;
        EXPECT_EQ(i["pattern_type"], "stix");
        EXPECT_EQ(i["pattern_version"], "2.1");
        by_name[i["name"]] = pattern;
    }
    EXPECT_EQ(by_name["IPv4 address: 45.33.32.156"], "[ipv4-addr:value = '45.33.32.156']");
    EXPECT_EQ(by_name["IPv4 address: 198.51.100.0/24"],
              "[ipv4-addr:value ISSUBSET '198.51.100.0/24']");
    EXPECT_EQ(by_name["IPv6 address: 2001:db8:abcd::/48"],
              "[ipv6-addr:value ISSUBSET '2001:db8:abcd::/48']");
    EXPECT_EQ(by_name["Domain: evil-cdn.net"], "[domain-name:value = 'evil-cdn.net']");
    EXPECT_EQ(by_name["MD5: 44d88612fea8a8f36de82e1278abb02f"],
              "[file:hashes.MD5 = '44d88612fea8a8f36de82e1278abb02f']");
    EXPECT_EQ(by_name["SHA-1: 3395856ce81f2b7382dee72602f798b642f14140"],
              "[file:hashes.'SHA-1' = '3395856ce81f2b7382dee72602f798b642f14140']");
    EXPECT_EQ(
        by_name["Registry key: HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\updater"],
        "[windows-registry-key:key = "
        "'HKEY_LOCAL_MACHINE\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\\\\"
        "updater']");
    EXPECT_EQ(by_name["File path: C:\\Users\\Public\\Documents\\invoice.pdf.exe"],
              "[file:name = 'invoice.pdf.exe' AND file:parent_directory_ref.path = "
              "'C:\\\\Users\\\\Public\\\\Documents']");
    EXPECT_EQ(by_name["Autonomous system: AS13335"], "[autonomous-system:number = 13335]");
    EXPECT_EQ(by_name["Email subject: Invoice \"Q4\" – it's due \\ now *urgent?*"],
              "[email-message:subject = 'Invoice \"Q4\" – it\\'s due \\\\ now *urgent?*']");
    EXPECT_EQ(by_name["User agent: Mozilla/5.0 (evil; 'x') \"y\""],
              "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = "
              "'Mozilla/5.0 (evil; \\'x\\') \"y\"']");
    EXPECT_EQ(by_name.count("Indicator: an odd thing"), 0u);
    // One indicator per value STIX can express: all 31 but the ATT&CK ids, the CVE and `other`.
    EXPECT_EQ(by_name.size(), 26u);
}

TEST(StixExport, CaseKnowledgeBecomesObjectsAndRelationships) {
    AttackCatalog catalog =
        *AttackCatalog::parse_tsv("technique_id\tname\ttactics\nT1059.001\tPowerShell\texecution\n"
                                  "T1566.001\tSpearphishing Attachment\tinitial-access\n",
                                  "test.tsv");
    ExportOptions o = fixed_options();
    o.attack = &catalog;
    o.organisation = "Example SOC";
    const Json bundle = bundle_of(all_types_case(), all_types_analysis(), o);
    const auto identity = of_type(bundle, "identity");
    ASSERT_EQ(identity.size(), 1u);
    EXPECT_EQ(identity[0]["name"], "Example SOC");
    EXPECT_EQ(identity[0]["identity_class"], "organization");
    const auto patterns = of_type(bundle, "attack-pattern");
    ASSERT_EQ(patterns.size(), 2u); // T1566.001 and T1059.001 (named twice, once as text)
    EXPECT_EQ(patterns[0]["name"], "Spearphishing Attachment");
    EXPECT_EQ(patterns[0]["external_references"][0]["external_id"], "T1566.001");
    EXPECT_EQ(patterns[0]["external_references"][0]["url"],
              "https://attack.mitre.org/techniques/T1566/001/");
    EXPECT_EQ(patterns[0]["kill_chain_phases"][0]["phase_name"], "initial-access");
    EXPECT_EQ(of_type(bundle, "course-of-action").size(), 1u);
    const auto vulns = of_type(bundle, "vulnerability");
    ASSERT_EQ(vulns.size(), 1u);
    EXPECT_EQ(vulns[0]["external_references"][0]["source_name"], "cve");
    const auto malware = of_type(bundle, "malware");
    ASSERT_EQ(malware.size(), 1u);
    EXPECT_EQ(malware[0]["malware_types"], Json::array({"dropper", "ransomware"}));
    EXPECT_EQ(malware[0]["first_seen"], "2026-01-10T00:00:00.000Z");
    const auto observed = of_type(bundle, "observed-data");
    ASSERT_EQ(observed.size(), 1u);
    EXPECT_EQ(observed[0]["first_observed"], "2026-01-15T09:12:00.000Z");
    const auto reports = of_type(bundle, "report");
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0]["external_references"][0]["external_id"], "TA0011");
    // The report names every object but itself, the identity and the marking.
    EXPECT_EQ(reports[0]["object_refs"].size(), bundle["objects"].size() - 3);
    std::set<std::string> kinds;
    for (const auto& r : of_type(bundle, "relationship")) {
        kinds.insert(r["relationship_type"]);
    }
    EXPECT_EQ(kinds, (std::set<std::string>{"based-on", "indicates", "related-to"}));
    for (const auto& i : of_type(bundle, "indicator")) {
        EXPECT_TRUE(i["indicator_types"] == Json::array({"malicious-activity"}));
        EXPECT_EQ(i["created"], "2026-01-15T09:30:00.000Z");
        EXPECT_EQ(i["modified"], "2026-01-15T09:30:00.000Z"); // export time is earlier
    }
}

TEST(StixExport, IsDeterministic) {
    auto a = export_stix(example_case(), example_analysis(), fixed_options());
    auto b = export_stix(example_case(), example_analysis(), fixed_options());
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->text, b->text);
    std::set<std::string> ids;
    const Json bundle = Json::parse(a->text);
    for (const auto& o : bundle["objects"]) {
        EXPECT_TRUE(ids.insert(o["id"]).second) << o["id"];
    }
}

} // namespace
} // namespace casefile::exporting
