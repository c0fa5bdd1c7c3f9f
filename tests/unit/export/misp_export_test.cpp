#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "export/misp/misp_event.hpp"
#include "export_fixtures.hpp"

namespace casefile::exporting {
namespace {

using Json = nlohmann::json;
using testing::all_types_analysis;
using testing::all_types_case;
using testing::fixed_options;

/// MISP describeTypes category_type_mappings for the categories the export uses (from
/// MISP/PyMISP pymisp/data/describeTypes.json, plus ja3-fingerprint-md5 of MISP core).
const std::map<std::string, std::set<std::string>>& valid_types() {
    static const std::map<std::string, std::set<std::string>> m = {
        {"Network activity",
         {"ip-src", "ip-dst", "domain", "hostname", "url", "user-agent", "AS", "mac-address",
          "email-dst", "ja3-fingerprint-md5", "text", "comment"}},
        {"Payload delivery",
         {"md5", "sha1", "sha256", "sha512", "ssdeep", "imphash", "filename", "filename|md5",
          "filename|sha1", "filename|sha256", "filename|sha512", "filename|ssdeep",
          "filename|imphash", "email-src", "email-subject", "url", "domain", "ip-dst", "text"}},
        {"External analysis", {"vulnerability", "text", "comment", "md5", "sha256", "url"}},
        {"Persistence mechanism", {"filename", "regkey", "regkey|value", "text"}},
        {"Artifacts dropped", {"filename", "windows-scheduled-task", "regkey", "md5", "text"}},
        {"Financial fraud", {"btc", "xmr", "text"}},
        {"Other", {"text", "comment", "other"}},
    };
    return m;
}

Json reference_event() {
    std::ifstream in(testing::kShared / "reference-data/examples/misp-minimal-event.json");
    return Json::parse(in);
}

std::set<std::string> keys(const Json& object) {
    std::set<std::string> out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        out.insert(it.key());
    }
    return out;
}

Json event_of(const model::Case& c, const analysis::Analysis& a, const ExportOptions& o) {
    auto r = export_misp(c, a, o);
    EXPECT_TRUE(r) << r.error().message;
    return Json::parse(r->text);
}

TEST(MispExport, HasTheShapeOfTheReferenceEvent) {
    const Json reference = reference_event();
    for (const auto* which : {"example", "all types"}) {
        const Json doc =
            std::string_view(which) == "example"
                ? event_of(testing::example_case(), testing::example_analysis(), fixed_options())
                : event_of(all_types_case(), all_types_analysis(), fixed_options());
        ASSERT_EQ(keys(doc), keys(reference)) << which;
        const Json& event = doc["Event"];
        EXPECT_EQ(keys(event), keys(reference["Event"])) << which;
        for (const auto& [key, value] : reference["Event"].items()) {
            EXPECT_EQ(event[key].type(), value.type()) << which << ": Event." << key;
        }
        EXPECT_EQ(keys(event["Orgc"]), keys(reference["Event"]["Orgc"]));
        std::set<std::string> allowed = keys(reference["Event"]["Attribute"][0]);
        allowed.insert("first_seen");
        ASSERT_FALSE(event["Attribute"].empty());
        std::set<std::string> uuids;
        for (const auto& attr : event["Attribute"]) {
            for (const auto& k : keys(attr)) {
                EXPECT_TRUE(allowed.count(k)) << "unexpected attribute key " << k;
            }
            for (const char* k : {"uuid", "type", "category", "to_ids", "value", "distribution",
                                  "timestamp", "deleted"}) {
                ASSERT_TRUE(attr.contains(k)) << k;
                EXPECT_EQ(attr[k].type(), reference["Event"]["Attribute"][0][k].type()) << k;
            }
            const std::string category = attr["category"];
            ASSERT_TRUE(valid_types().count(category)) << category;
            EXPECT_TRUE(valid_types().at(category).count(attr["type"]))
                << attr["type"] << " is not a valid type in category " << category;
            EXPECT_TRUE(uuids.insert(attr["uuid"]).second);
            EXPECT_EQ(std::string(attr["value"]).find('\n'), std::string::npos);
        }
        EXPECT_LE(std::string(event["info"]).size(), 256u);
        EXPECT_EQ(std::string(event["date"]).size(), 10u);
    }
}

TEST(MispExport, MapsEveryTypeAndSetsToIdsSensibly) {
    AttackCatalog catalog = *AttackCatalog::parse_tsv(
        "technique_id\tname\ttactics\nT1566.001\tSpearphishing Attachment\tinitial-access\n",
        "test.tsv");
    ExportOptions o = fixed_options(model::Tlp::amber_strict);
    o.attack = &catalog;
    const Json event = event_of(all_types_case(), all_types_analysis(), o)["Event"];
    std::map<std::string, Json> by_value;
    for (const auto& attr : event["Attribute"]) {
        by_value[attr["value"]] = attr;
    }
    const auto check = [&](const std::string& value, const char* type, const char* category,
                           bool to_ids) {
        ASSERT_TRUE(by_value.count(value)) << value;
        const Json& a = by_value[value];
        EXPECT_EQ(a["type"], type) << value;
        EXPECT_EQ(a["category"], category) << value;
        EXPECT_EQ(a["to_ids"], to_ids) << value;
    };
    check("45.33.32.156", "ip-dst", "Network activity", true);
    check("10.20.30.40", "ip-dst", "Network activity", false);     // private
    check("198.51.100.0/24", "ip-dst", "Network activity", false); // documentation range
    check("evil-cdn.net", "domain", "Network activity", true);
    check("phish@evil-cdn.net", "email-src", "Payload delivery", true);
    check("dropper.exe|275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f",
          "filename|sha256", "Payload delivery", true);
    check("44d88612fea8a8f36de82e1278abb02f", "md5", "Payload delivery", true);
    check("CVE-2024-3400", "vulnerability", "External analysis", false);
    check("TA0011", "text", "External analysis", false);
    check("T1059.001", "text", "External analysis", false); // no name known: an attribute
    check("HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\updater", "regkey",
          "Persistence mechanism", true);
    check("update.exe", "filename", "Artifacts dropped", false);
    check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "btc", "Financial fraud", true);
    check("AS13335", "AS", "Network activity", false);
    check("00:16:3e:12:34:56", "mac-address", "Network activity", false);
    check("\\Microsoft\\Windows\\Up date", "windows-scheduled-task", "Artifacts dropped", false);
    check("e7d705a3286e19ea42f587b344ee6865", "ja3-fingerprint-md5", "Network activity", true);
    check("an odd thing", "text", "Other", false);
    EXPECT_NE(std::string(by_value["45.33.32.156"]["comment"]).find("C2; beacons every 60s"),
              std::string::npos);
    // Tags: the TLP and the named technique as a galaxy cluster.
    std::set<std::string> tags;
    for (const auto& t : event["Tag"]) {
        tags.insert(t["name"]);
    }
    EXPECT_TRUE(tags.count("tlp:amber+strict"));
    EXPECT_TRUE(
        tags.count("misp-galaxy:mitre-attack-pattern=\"Spearphishing Attachment - T1566.001\""));
    EXPECT_EQ(event["threat_level_id"], "1"); // high
    EXPECT_EQ(event["analysis"], "1");        // contained: ongoing
    EXPECT_EQ(event["distribution"], "0");
}

TEST(MispExport, TlpSetsTagAndDistribution) {
    const std::vector<std::tuple<model::Tlp, const char*, const char*>> cases = {
        {model::Tlp::clear, "tlp:clear", "3"},
        {model::Tlp::green, "tlp:green", "1"},
        {model::Tlp::amber, "tlp:amber", "0"},
        {model::Tlp::red, "tlp:red", "0"}};
    for (const auto& [tlp, tag, distribution] : cases) {
        const Json event =
            event_of(all_types_case(), all_types_analysis(), fixed_options(tlp))["Event"];
        EXPECT_EQ(event["Tag"][0]["name"], tag);
        EXPECT_EQ(event["distribution"], distribution);
    }
    auto r = export_misp(all_types_case(), all_types_analysis(), fixed_options(std::nullopt));
    ASSERT_TRUE(r);
    EXPECT_TRUE(Json::parse(r->text)["Event"]["Tag"].empty());
    ASSERT_EQ(r->notes.size(), 1u);
    EXPECT_EQ(r->notes[0].rule, "missing-tlp");
}

TEST(MispExport, ExampleFlagsTheWarninglistedAddress) {
    const Json event =
        event_of(testing::example_case(), testing::example_analysis(), fixed_options())["Event"];
    bool found = false;
    for (const auto& attr : event["Attribute"]) {
        if (attr["value"] == "185.199.109.15") {
            found = true;
            EXPECT_EQ(attr["to_ids"], false);
            EXPECT_NE(std::string(attr["comment"]).find("warninglist"), std::string::npos);
        }
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(event["info"],
              "IR-2025-1142: Suspicious PowerShell activity initiating network connections");
    EXPECT_EQ(event["date"], "2025-11-11");
    EXPECT_EQ(event["timestamp"], "1764288000");
}

} // namespace
} // namespace casefile::exporting
