// Reading alert exports as JSON: located parse errors, the nesting limit, JSON Lines, and
// picking the one alert out of a vendor's list wrapper.
#include <gtest/gtest.h>

#include "intake/json_document.hpp"
#include "intake_samples.hpp"

namespace casefile::intake {
namespace {

using detail::parse_json;
using detail::select_alert;

Error parse_error(std::string_view text) {
    auto parsed = parse_json(text, "alert.json");
    EXPECT_FALSE(parsed) << "parsed";
    return parsed ? Error{} : parsed.error();
}

TEST(JsonDocument, SyntaxErrorsGiveFileLineAndColumn) {
    const Error comma = parse_error("{\n  \"title\": \"x\",\n}\n");
    EXPECT_EQ(comma.code, ErrorCode::bad_input);
    ASSERT_TRUE(comma.where);
    EXPECT_EQ(comma.where->to_string(), "alert.json:3:1");
    EXPECT_EQ(comma.message, "not valid JSON: syntax error while parsing object key - unexpected "
                             "'}'; expected string literal");
    EXPECT_NE(comma.hint.find("trailing comma"), std::string::npos);

    const Error value = parse_error("{\"severity\": Medium}");
    EXPECT_EQ(value.where->to_string(), "alert.json:1:14");

    const Error truncated = parse_error("{\n  \"evidence\": [\n    {\"ip\": \"1.2.3.4\"}\n");
    EXPECT_EQ(truncated.where->line, 4);
    EXPECT_NE(truncated.message.find("unexpected end of input"), std::string::npos);
}

TEST(JsonDocument, EmptyAndOddInput) {
    EXPECT_EQ(parse_error("  \n").message, "the file is empty");
    EXPECT_NE(parse_error("{\"t\": 1e999}").message.find("number overflow"), std::string::npos);
    EXPECT_NE(parse_error("{\"t\": \"\xff\"}").message.find("UTF-8"), std::string::npos);
}

TEST(JsonDocument, NestingIsLimited) {
    const std::string deep = std::string(200, '[') + std::string(200, ']');
    const Error error = parse_error(deep);
    EXPECT_NE(error.message.find("nested deeper than 128 levels"), std::string::npos);
    EXPECT_EQ(error.where->to_string(), "alert.json:1:129");
    // Brackets inside strings do not count.
    const std::string quoted = R"({"x": ")" + std::string(500, '[') + R"(\""})";
    EXPECT_TRUE(parse_json(quoted, "alert.json"));
}

TEST(JsonDocument, JsonLinesBecomeAList) {
    auto lines = parse_json("{\"a\": 1}\n\n{\"a\": 2}\r\n", "x.jsonl");
    ASSERT_TRUE(lines) << lines.error().to_string();
    ASSERT_TRUE(lines->is_array());
    EXPECT_EQ(lines->size(), 2U);
    // A bad later line is located in the file, not in the line.
    const Error bad = parse_error("{\"a\": 1}\n{\"a\": }\n");
    EXPECT_EQ(bad.where->to_string(), "alert.json:2:7");
}

TEST(JsonDocument, SelectsTheAlertInsideVendorWrappers) {
    const auto pick = [](std::string_view text, std::optional<size_t> index = std::nullopt) {
        static detail::Json doc;
        doc = parse_json(text, "a.json").value();
        return select_alert(doc, index, "a.json");
    };
    auto bare = pick(R"({"title": "t"})");
    ASSERT_TRUE(bare);
    EXPECT_EQ(bare->wrapper, "");
    EXPECT_EQ((*bare->alert)["title"], "t");

    for (const char* text :
         {R"({"value": [{"title": "t"}]})", R"({"results": [{"title": "t"}]})",
          R"({"resources": [{"title": "t"}], "errors": []})", R"([{"title": "t"}])",
          R"({"hits": {"hits": [{"_id": "1", "_source": {"title": "t"}}]}})",
          R"({"preview": false, "result": {"title": "t"}})"}) {
        auto selected = pick(text);
        ASSERT_TRUE(selected) << text << ": " << selected.error().to_string();
        EXPECT_EQ((*selected->alert)["title"], "t") << text;
    }
    auto hit = pick(R"({"hits": {"hits": [{"_id": "1", "_source": {"title": "t"}}]}})");
    EXPECT_EQ((*hit->element)["_id"], "1"); // the hit is what gets saved
}

TEST(JsonDocument, EmptyListsScalarsAndNonObjects) {
    detail::Json empty = parse_json(R"({"value": []})", "a.json").value();
    auto none = select_alert(empty, std::nullopt, "a.json");
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().message, "'a.json' holds no alerts: the 'value' list is empty");

    detail::Json scalar = parse_json("42", "a.json").value();
    auto number = select_alert(scalar, std::nullopt, "a.json");
    ASSERT_FALSE(number);
    EXPECT_NE(number.error().message.find("holds a single number"), std::string::npos);

    detail::Json strings = parse_json(R"(["a", "b"])", "a.json").value();
    auto text = select_alert(strings, 1, "a.json");
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().message, "alert 1 in 'a.json' is a string, not a JSON object");
}

TEST(JsonDocument, MalformedSamplesThroughReadAlert) {
    using testing::read_sample;
    auto truncated = read_sample("malformed/truncated.json");
    ASSERT_FALSE(truncated);
    EXPECT_EQ(truncated.error().where->line, 7);
    auto comma = read_sample("malformed/trailing-comma.json");
    ASSERT_FALSE(comma);
    EXPECT_EQ(comma.error().where->line, 4);
    EXPECT_EQ(comma.error().where->column, 1);
    EXPECT_FALSE(read_sample("malformed/empty.json"));
    EXPECT_FALSE(read_sample("malformed/scalar.json"));
    EXPECT_FALSE(read_sample("malformed/number-overflow.json"));
}

} // namespace
} // namespace casefile::intake
