#include <gtest/gtest.h>

#include "core/text.hpp"

namespace casefile {
namespace {

TEST(Text, TrimAndLower) {
    EXPECT_EQ(trim("  a b \r\n"), "a b");
    EXPECT_EQ(to_lower("HKLM\\Run"), "hklm\\run");
}

TEST(Text, SplitLinesHandlesCrLfAndTrailingNewline) {
    const auto lines = split_lines("a\r\nb\n\nc\n");
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "a");
    EXPECT_EQ(lines[2], "");
    EXPECT_EQ(lines[3], "c");
}

TEST(Text, ClosestMatchSuggestsTypos) {
    const std::vector<std::string_view> keys = {"observed_at", "severity", "title"};
    EXPECT_EQ(closest_match("obsreved_at", keys), "observed_at");
    EXPECT_EQ(closest_match("sevrity", keys), "severity");
    EXPECT_EQ(closest_match("banana", keys), "");
}

TEST(Text, Utf8Validation) {
    EXPECT_TRUE(is_valid_utf8("plain ascii"));
    EXPECT_TRUE(is_valid_utf8("Downloader \xE2\x86\x92 RAT"));
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));     // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80")); // surrogate
    EXPECT_FALSE(is_valid_utf8("cut \xE2\x86")); // truncated
    EXPECT_EQ(sanitize_utf8("a\xFF"
                            "b"),
              "a\xEF\xBF\xBD"
              "b");
}

} // namespace
} // namespace casefile
