#include <fstream>

#include <gtest/gtest.h>

#include "core/text.hpp"
#include "export/stix/observables.hpp"
#include "export/stix/pattern_parser.hpp"
#include "export_fixtures.hpp"

namespace casefile::exporting::stix {
namespace {

using testing::kShared;

std::vector<std::string> spec_examples() {
    std::ifstream in(kShared / "reference-data/stix/pattern-spec-examples-v21.txt");
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) {
        if (!trim(line).empty()) {
            out.emplace_back(trim(line));
        }
    }
    return out;
}

TEST(PatternParser, ParsesEverySpecExample) {
    const auto examples = spec_examples();
    ASSERT_EQ(examples.size(), 23u) << "pattern-spec-examples-v21.txt not found or changed";
    for (const auto& p : examples) {
        const auto parsed = parse_pattern(p);
        EXPECT_TRUE(parsed) << p << "\n  " << parsed.error().message;
    }
}

TEST(PatternParser, AcceptsTheValidForms) {
    for (const char* p : {
             "[file:size = 1280]",
             "[file:size != 1280]",
             "[file:size <= 1024]",
             "[file:size >= 1024]",
             "[file:size < 1024] AND [file:size > 10]",
             "[file:extended_properties.'ntfs-ext'.sid = '234']",
             "[ipv4-addr:value NOT ISSUBSET '192.168.0.1/24']",
             "[file:file_name IN ('test.txt', 'test2.exe', 'README')]",
             "[file:size IN (1024, 2048, 4096)]",
             "[file:size IN ()]",
             "[network-connection:extended_properties[0].source_payload MATCHES 'dGVzdA==']",
             "[x:a[-1] = 1]",
             "[x_whatever:detected == t'2018-03-22T12:11:14.1Z']",
             "[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
             "[artifact:payload_bin = b'dGVzdA']" /* not base64-padded: lexes as b + string? */,
             "[foo:bar=1] REPEATS 9 TIMES",
             "[foo:bar = true] AND [foo:baz = false]",
             "[foo:bar = -5 OR foo:bar = +5 OR foo:bar = -0.5 OR foo:bar = .5]",
             "( [(network-traffic:dst_port IN(443,6443,8443) AND network-traffic:src_packets != 0) "
             "])",
             "([a:b = 1]) WITHIN 5 SECONDS WITHIN 6 SECONDS",
             "([a:b = 1] REPEATS 2 TIMES) REPEATS 2 TIMES",
             "[a:b = 1] WITHIN 2.5 SECONDS",
             "[a:b = 1] START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00Z'",
             "[a:b = 1] REPEATS 2 TIMES WITHIN 10 SECONDS START t'2016-06-01T01:30:00Z' STOP "
             "t'2016-06-01T02:20:00Z'",
             "NOT EXISTS a:b",
             "[NOT EXISTS a:b]",
             "[EXISTS a:b.c]",
             "[a:b = 'it\\'s \\\\ fine']",
             "/* comment */ [a:b = 1] // trailing\n",
             "[a:b\xc2\xa0=\xe3\x80\x80 1]",
             "[a:b = h'ffd8' AND a:c = h'']",
             "[file:hashes.'SHA-256' = "
             "'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
             "[file:hashes.SSDEEP = '96:ukILJhn54Rew:uk0Jx54u']",
             "[a:ANDROID = 1]",
         }) {
        const auto parsed = parse_pattern(p);
        if (std::string_view(p) == "NOT EXISTS a:b") {
            EXPECT_FALSE(parsed) << "an observation needs brackets";
            continue;
        }
        if (std::string_view(p) == "[artifact:payload_bin = b'dGVzdA']") {
            EXPECT_FALSE(parsed) << "b'...' must be padded base64";
            continue;
        }
        EXPECT_TRUE(parsed) << p << "\n  " << parsed.error().message;
    }
}

TEST(PatternParser, RejectsInvalidPatternsWithAColumn) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"file:size = 1280", "column 1"},
        {"[file:size = ]", "column 14"},
        {"[file:hashes.MD5 = cead3f77f6cda6ec00f57d76c9a6879f]", "column 20"},
        {"[file.size = 1280]", "column 6"},
        {"[file:name MATCHES /.*\\.dll/]", "unexpected character"},
        {"[win-registry-key:key = 'a'] WITHIN ]", "column 37"},
        {"[win-registry-key:key = 'a'] WITHIN 5 HOURS", "SECONDS"},
        {"[win-registry-key:key = 'a'] WITHIN -5 SECONDS", "positive"},
        {"[network-traffic:dst_ref.value ISSUBSET ]", "quoted string"},
        {"[file:hashes.MD5 =? 'cead3f77f6cda6ec00f57d76c9a6879f']", "column 19"},
        {"[x_whatever:detected == t'2457-73-22T32:81:84.1Z']", "column 25"},
        {"[artifact:payload_bin = b'====']", "column 25"},
        {"[foo:bar=1] within 2 seconds", "column 13"},
        {"[file:hashes.'SHA-256' = 'f00']", "not a valid SHA-256 hash"},
        {"[file:hashes.MD5 = 'zz5d3f77f6cda6ec00f57d76c9a6879f']", "not a valid MD5 hash"},
        {"[file:hashes.'SHA-1' = '']", "not a valid SHA-1 hash"},
        {"[a:b = 'x'] WITHIN 5 SECONDS WITHIN 6 SECONDS", "duplicate qualifier WITHIN"},
        {"([a:b = 'x'] REPEATS 2 TIMES REPEATS 3 TIMES)", "duplicate qualifier REPEATS"},
        {"[a:b = 'x'] START t'2016-06-01T01:30:00Z' STOP t'2016-06-01T02:20:00Z' START "
         "t'2016-06-01T01:30:00Z' STOP t'2016-06-01T02:20:00Z'",
         "duplicate qualifier START"},
        {"[file:hashes.SHA-256 = 'x']", "column 14"},
        {"[a:b = 'unterminated]", "never closed"},
        {"[a:b = 'bad \\x escape']", "never closed"},
        {"[a:b = 1", "column 9"},
        {"[a:b = 1]]", "column 10"},
        {"[]", "column 2"},
        {"", "column 1"},
        {"[a:b = 1] AND", "column 14"},
        {"[a:b = 1] FOLLOWEDBY", "column 21"},
        {"[a:b IN ('x',)]", "column 14"},
        {"[a:b > true]", "column 8"},
        {"[a:b = 1] /* open", "never closed"},
        {"[a:b = 1] \x01", "control character"},
        {"[a:AND = 1]", "column 4"},
        {"[NOT a:b = 1]", "EXISTS"},
        {"[a:b LIKE 5]", "quoted string"},
        {"[a:b = 1] REPEATS 0.5 TIMES", "positive integer"},
    };
    for (const auto& [pattern, expected] : cases) {
        const auto parsed = parse_pattern(pattern);
        ASSERT_FALSE(parsed) << pattern;
        EXPECT_NE(parsed.error().message.find(expected), std::string::npos)
            << pattern << "\n  got: " << parsed.error().message;
    }
}

TEST(PatternParser, ReportsWhatItParsed) {
    const auto s =
        parse_pattern("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc3372"
                      "47c978add178b6ccdfb0019f' AND file:sections[*].entropy > 7.0] "
                      "FOLLOWEDBY [NOT EXISTS x-y:z]");
    ASSERT_TRUE(s) << s.error().message;
    EXPECT_EQ(s->observations, 2u);
    ASSERT_EQ(s->comparisons.size(), 3u);
    EXPECT_EQ(s->comparisons[0].object_type, "file");
    EXPECT_EQ(s->comparisons[0].path, (std::vector<std::string>{"hashes", "SHA-256"}));
    EXPECT_EQ(s->comparisons[1].path, (std::vector<std::string>{"sections", "[*]", "entropy"}));
    EXPECT_EQ(s->comparisons[1].op, ">");
    EXPECT_EQ(s->comparisons[1].value, "7.0");
    EXPECT_EQ(s->comparisons[2].op, "NOT EXISTS");
    EXPECT_EQ(s->comparisons[2].object_type, "x-y");
}

TEST(PatternParser, DeepNestingIsAnErrorNotACrash) {
    std::string deep(100000, '(');
    EXPECT_FALSE(parse_pattern(deep));
    std::string nested = std::string(kMaxPatternDepth - 1, '(') + "[a:b = 1]" +
                         std::string(kMaxPatternDepth - 1, ')');
    EXPECT_TRUE(parse_pattern(nested)) << "nesting within the limit parses";
    std::string inner = "[" + std::string(kMaxPatternDepth + 5, '(') + "a:b = 1" +
                        std::string(kMaxPatternDepth + 5, ')') + "]";
    const auto r = parse_pattern(inner);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("deeper"), std::string::npos);
}

TEST(PatternParser, StringLiteralsRoundTrip) {
    for (const std::string v : {"plain", "it's", "back\\slash", "\\'", "new\nline", ""}) {
        const auto s = parse_pattern("[x:y = " + pattern_string(v) + "]");
        ASSERT_TRUE(s) << v;
        EXPECT_EQ(s->comparisons[0].value, pattern_string(v));
    }
}

TEST(PatternParser, EveryGeneratedPatternParses) {
    size_t parsed = 0;
    for (const auto* a : {&testing::example_analysis(), &testing::all_types_analysis()}) {
        for (const auto& i : a->indicators) {
            const auto m = map_indicator(i);
            ASSERT_TRUE(m) << i.value;
            if (m->pattern.empty()) {
                continue;
            }
            const auto s = parse_pattern(m->pattern);
            EXPECT_TRUE(s) << m->pattern << "\n  " << s.error().message;
            ++parsed;
        }
    }
    EXPECT_GE(parsed, 35u);
}

} // namespace
} // namespace casefile::exporting::stix
