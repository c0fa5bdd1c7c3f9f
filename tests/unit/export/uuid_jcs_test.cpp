#include <gtest/gtest.h>

#include "export/jcs.hpp"
#include "export/uuid.hpp"

namespace casefile::exporting {
namespace {

using Json = nlohmann::ordered_json;

TEST(Uuid, ParseAndPrintRoundTrip) {
    const auto u = parse_uuid("00ABEDB4-aa42-466c-9c01-fed23315a9b7");
    ASSERT_TRUE(u);
    EXPECT_EQ(to_string(*u), "00abedb4-aa42-466c-9c01-fed23315a9b7");
    EXPECT_FALSE(parse_uuid("00abedb4aa42-466c-9c01-fed23315a9b7-"));
    EXPECT_FALSE(parse_uuid("00abedb4-aa42-466c-9c01-fed23315a9bg"));
    EXPECT_FALSE(parse_uuid(""));
}

TEST(Uuid, Version5MatchesRfc4122) {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
    const auto dns = *parse_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    EXPECT_EQ(to_string(uuid5(dns, "python.org")), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
}

TEST(Uuid, StableIdsAreVersion5InTheCasefileNamespace) {
    const std::string a = stable_uuid("stix|IR-1|indicator|x");
    EXPECT_EQ(a, stable_uuid("stix|IR-1|indicator|x"));
    EXPECT_NE(a, stable_uuid("stix|IR-2|indicator|x"));
    EXPECT_EQ(a[14], '5');
    EXPECT_NE(std::string("89ab").find(a[19]), std::string::npos);
}

TEST(Jcs, SortsMembersByUtf16CodeUnits) {
    // RFC 8785 section 3.2.3.
    const Json j = Json::parse(R"({"\u20ac": "Euro Sign", "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", "\ud83d\ude00": "Emoji: Grinning Face",
        "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"})");
    const auto out = canonical_json(j);
    ASSERT_TRUE(out);
    EXPECT_EQ(*out,
              "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xc2\x80\":\"Control\","
              "\"\xc3\xb6\":\"Latin Small Letter O With Diaeresis\",\"\xe2\x82\xac\":\"Euro "
              "Sign\",\"\xf0\x9f\x98\x80\":\"Emoji: Grinning Face\",\"\xef\xac\xb3\":\"Hebrew "
              "Letter Dalet With Dagesh\"}");
}

TEST(Jcs, NumbersUseEcmaScriptForm) {
    EXPECT_EQ(ecmascript_number(333333333.33333329), "333333333.3333333");
    EXPECT_EQ(ecmascript_number(1e30), "1e+30");
    EXPECT_EQ(ecmascript_number(4.50), "4.5");
    EXPECT_EQ(ecmascript_number(2e-3), "0.002");
    EXPECT_EQ(ecmascript_number(0.000000000000000000000000001), "1e-27");
    EXPECT_EQ(ecmascript_number(-0.0), "0");
    EXPECT_EQ(ecmascript_number(1e21), "1e+21");
    EXPECT_EQ(ecmascript_number(1e20), "100000000000000000000");
    EXPECT_EQ(ecmascript_number(1e-7), "1e-7");
    EXPECT_EQ(ecmascript_number(-1.5), "-1.5");
}

TEST(Jcs, EscapesOnlyWhatJsonRequires) {
    const auto out =
        canonical_json(Json{{"s", "a\"b\\c\n\x01/\xc3\xa9\x7f"}, {"n", 12}, {"t", true}});
    ASSERT_TRUE(out);
    EXPECT_EQ(*out, "{\"n\":12,\"s\":\"a\\\"b\\\\c\\n\\u0001/\xc3\xa9\x7f\",\"t\":true}");
    EXPECT_FALSE(canonical_json(Json("\xff")));
}

} // namespace
} // namespace casefile::exporting
