#include <set>

#include "unit/logs/sample.hpp"

namespace casefile::logs {
namespace {

TEST(ParseLog, UnknownExplicitFormatFailsWithSuggestion) {
    ParseOptions options;
    options.format = "defender-jsn";
    auto r = parse_log("{}", "x.json", options);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::bad_usage);
    EXPECT_NE(r.error().message.find("defender-json"), std::string::npos);
}

TEST(ParseLog, UnknownZoneFails) {
    ParseOptions options;
    options.default_zone = "Mars/Olympus";
    auto r = parse_log("{\"a\":1}\n", "x.json", options);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::bad_usage);
}

TEST(ParseLog, UndetectableInputGivesUnknownAndADiagnostic) {
    auto r = parse_log("just some words\nand more words\n", "notes.txt");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->format, "unknown");
    EXPECT_TRUE(r->events.empty());
    ASSERT_EQ(r->diagnostics.size(), 1u);
    EXPECT_EQ(r->diagnostics[0].where.file, "notes.txt");
    EXPECT_EQ(detect_format("just some words"), "unknown");
}

TEST(ParseLog, EmptyInput) {
    auto r = parse_log("", "empty.log");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->format, "unknown");
    EXPECT_TRUE(r->events.empty());
}

TEST(ParseLog, ExplicitFormatOverridesDetection) {
    ParseOptions options;
    options.format = "jsonl";
    auto r = parse_log("{\"Timestamp\":\"2025-11-11T13:42:18Z\",\"DeviceName\":\"a\","
                       "\"ActionType\":\"b\"}\n",
                       "x.json", options);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->format, "jsonl");
    ASSERT_EQ(r->events.size(), 1u);
    EXPECT_EQ(r->events[0].format, "jsonl");
}

TEST(ParseLog, ByteOrderMarkIsIgnored) {
    auto r = parse_log("\xEF\xBB\xBF{\"Timestamp\":\"2025-11-11T13:42:18Z\",\"DeviceName\":\"a\","
                       "\"ActionType\":\"b\"}\n",
                       "bom.json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->format, "defender-json");
    EXPECT_EQ(r->events.size(), 1u);
}

TEST(ParseLog, DiagnosticsAreCapped) {
    std::string text;
    for (int i = 0; i < 50; ++i) {
        text += "{\"a\":\n";
    }
    ParseOptions options;
    options.format = "jsonl";
    options.max_diagnostics = 10;
    auto r = parse_log("{\"a\":1}\n" + text, "many.jsonl", options);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->diagnostics.size(), 11u); // ten, then one note
    EXPECT_EQ(r->diagnostics.back().level, DiagnosticLevel::note);
}

TEST(ParseLog, StreamingGivesTheSameEventsInOrder) {
    const std::string text = "{\"ts\":1,\"msg\":\"a\"}\n{\"ts\":2,\"msg\":\"b\"}\n";
    std::vector<std::string> seen;
    ParseOptions options;
    auto summary = parse_log_stream(text, "s.jsonl", options,
                                    [&seen](Event& e) { seen.push_back(e.message); });
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->events, 2u);
    EXPECT_EQ(seen, (std::vector<std::string>{"a", "b"}));
}

TEST(KnownFormats, NamesAreUniqueAndDescribed) {
    const auto names = known_formats();
    EXPECT_GE(names.size(), 25u);
    std::set<std::string_view> unique(names.begin(), names.end());
    EXPECT_EQ(unique.size(), names.size());
    for (const std::string_view n : names) {
        EXPECT_FALSE(format_description(n).empty()) << n;
    }
}

TEST(EventJson, DottedNamesUtcTimeAndOnlyNonEmptyFields) {
    ParseOptions options;
    auto r = parse_log("2025-11-11T13:42:20+01:00 ALLOW TCP 10.0.5.22:49823 -> "
                       "185.199.109.15:443\nRule: A \"quoted\" rule\n",
                       "fw.log", options);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->events.size(), 1u);
    const std::string json = to_json_line(r->events[0]);
    EXPECT_NE(json.find("\"@timestamp\":\"2025-11-11T12:42:20Z\""), std::string::npos);
    EXPECT_NE(json.find("\"destination.port\":443"), std::string::npos);
    EXPECT_NE(json.find("\"rule.name\":\"A \\\"quoted\\\" rule\""), std::string::npos);
    EXPECT_NE(json.find("\"related.ip\":[\"10.0.5.22\",\"185.199.109.15\"]"), std::string::npos);
    EXPECT_EQ(json.find("\"url.full\""), std::string::npos);
    EXPECT_EQ(json.find('\n'), std::string::npos);
}

} // namespace
} // namespace casefile::logs
