#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/analyze.hpp"
#include "core/text.hpp"
#include "export/csv_export.hpp"
#include "export/json_export.hpp"
#include "export_fixtures.hpp"
#include "support/json_schema.hpp"

namespace casefile::exporting {
namespace {

using Json = nlohmann::json;
using testing::fixed_options;

const std::filesystem::path kSchema = testing::kSource / "docs/casefile-export.schema.json";

TEST(JsonExport, ExampleValidatesAgainstTheSchemaInDocs) {
    auto r = export_json(testing::example_case(), testing::example_analysis(), fixed_options());
    ASSERT_TRUE(r);
    const auto check = casefile::testing::validate_json(kSchema, r->text);
    EXPECT_TRUE(check.ok) << check.output;
}

TEST(JsonExport, AllTypesCaseValidatesToo) {
    for (const auto& tlp :
         {std::optional<model::Tlp>(model::Tlp::red), std::optional<model::Tlp>()}) {
        auto r = export_json(testing::all_types_case(), testing::all_types_analysis(),
                             fixed_options(tlp));
        ASSERT_TRUE(r);
        const auto check = casefile::testing::validate_json(kSchema, r->text);
        EXPECT_TRUE(check.ok) << check.output;
    }
}

TEST(JsonExport, CarriesTheCaseAndTheAnalysis) {
    auto r = export_json(testing::example_case(), testing::example_analysis(), fixed_options());
    ASSERT_TRUE(r);
    const Json doc = Json::parse(r->text);
    EXPECT_EQ(doc["format"], "casefile-export");
    EXPECT_EQ(doc["tlp"], "TLP:AMBER");
    EXPECT_EQ(doc["generated_at"], "2025-11-28T00:00:00.000Z");
    EXPECT_EQ(doc["case"]["alert"]["ticket_id"], "IR-2025-1142");
    EXPECT_EQ(doc["case"]["evidence"]["logs"].size(), 4u);
    EXPECT_EQ(doc["case"]["evidence"]["logs"][0]["file"], "evidence/edr-1.json");
    ASSERT_EQ(doc["analysis"]["indicators"].size(), testing::example_analysis().indicators.size());
    const Json& ip = doc["analysis"]["indicators"][1];
    EXPECT_EQ(ip["value"], "185.199.109.15");
    EXPECT_EQ(ip["seen_in"][0]["kind"], "ioc_list");
    EXPECT_EQ(ip["seen_in"][0]["file"], "case.yaml") << "paths are relative to the case folder";
    EXPECT_TRUE(ip["seen_in"][0]["line"].is_number());
    // No absolute path of the machine that made the export.
    EXPECT_EQ(r->text.find(testing::kSource.string()), std::string::npos);
}

TEST(JsonExport, InvalidUtf8InEvidenceIsReplacedNotFatal) {
    model::Case c = testing::all_types_case();
    model::RawLog bad;
    bad.text = "bytes \xff\xfe here";
    c.logs.push_back(bad);
    auto r = export_json(c, testing::all_types_analysis(), fixed_options());
    ASSERT_TRUE(r);
    EXPECT_TRUE(is_valid_utf8(r->text));
    EXPECT_NE(r->text.find("bytes \xef\xbf\xbd\xef\xbf\xbd here"), std::string::npos);
}

TEST(Csv, QuotesPerRfc4180) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_field("cr\rhere"), "\"cr\rhere\"");
    EXPECT_EQ(csv_record({"a", "b,c", ""}), "a,\"b,c\",\r\n");
}

TEST(Csv, NeutralisesFormulas) {
    EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
    EXPECT_EQ(csv_field("+1"), "\"'+1\"");
    EXPECT_EQ(csv_field("-2+3"), "\"'-2+3\"");
    EXPECT_EQ(csv_field("@SUM(A1)"), "\"'@SUM(A1)\"");
    EXPECT_EQ(csv_field("\tx"), "\"'\tx\"");
    EXPECT_EQ(csv_field("a=b"), "a=b");
}

TEST(Csv, OneRowPerIndicatorWithTheColumnsTheBriefNames) {
    model::Case c = testing::all_types_case();
    c.indicators.back().value = "=cmd|' /C calc'!A0";
    c.indicators.back().note = "-formula";
    const analysis::Analysis a = analysis::analyze(c, testing::extractor());
    auto r = export_csv(c, a, fixed_options(model::Tlp::green));
    ASSERT_TRUE(r);
    const auto lines = split_lines(r->text);
    EXPECT_EQ(lines[0], "type,value,defanged,first_seen,sources,warninglists,tlp,listed,"
                        "classification,note");
    EXPECT_EQ(lines.size(), a.indicators.size() + 1);
    EXPECT_NE(r->text.find("\r\n"), std::string::npos);
    EXPECT_NE(r->text.find("ipv4,45.33.32.156,45[.]33[.]32[.]156,2026-01-15T09:12:00Z,"
                           "IoC list; Firewall 1,,TLP:GREEN,yes,public,C2; beacons every 60s"),
              std::string::npos)
        << r->text;
    EXPECT_NE(r->text.find("other,\"'=cmd|' /C calc'!A0\",\"'=cmd|' /C calc'!A0\""),
              std::string::npos);
    EXPECT_NE(r->text.find("\"'-formula\""), std::string::npos);
    for (size_t k = 1; k < lines.size(); ++k) {
        EXPECT_NE(lines[k].find("TLP:GREEN"), std::string::npos) << lines[k];
    }
}

} // namespace
} // namespace casefile::exporting
