#include <gtest/gtest.h>

#include "importer/loose_time.hpp"

namespace casefile::importer {
namespace {

std::string parsed(std::string_view text, std::string default_date = "") {
    LooseTimeOptions o;
    o.default_date = std::move(default_date);
    auto t = parse_loose_time(text, o);
    return t ? format_time(t->time) : "none";
}

TEST(LooseTime, ReadsTheStylesReportsUse) {
    EXPECT_EQ(parsed("2025-11-11T18:50:00.000Z"), "2025-11-11T18:50:00Z");
    EXPECT_EQ(parsed("2025-11-11 18:50 UTC"), "2025-11-11T18:50:00Z");
    EXPECT_EQ(parsed("2025-11-11T13:50:00-05:00"), "2025-11-11T18:50:00Z");
    EXPECT_EQ(parsed("Nov 11, 2025 18:50 UTC"), "2025-11-11T18:50:00Z");
    EXPECT_EQ(parsed("11 Nov 2025 18:50"), "2025-11-11T18:50:00Z");
    EXPECT_EQ(parsed("2025/11/11 18:50:30 GMT"), "2025-11-11T18:50:30Z");
    EXPECT_EQ(parsed("2025-11-11 13:50 America/New_York"), "2025-11-11T18:50:00Z");
    EXPECT_EQ(parsed("18:50", "2025-11-11"), "2025-11-11T18:50:00Z");
    EXPECT_EQ(parsed("18:50"), "none"); // no date to go with it
    EXPECT_EQ(parsed("Analyst quarantined"), "none");
    EXPECT_EQ(parsed("2025-13-40 10:00Z"), "none");
}

TEST(LooseTime, SplitsTheTimeOffAListItem) {
    LooseTimeOptions o;
    auto t = split_leading_time("**[2025-11-11T18:50:00.000Z]** Analyst quarantined update.exe", o);
    ASSERT_TRUE(t.time);
    EXPECT_EQ(format_time(t.time->time), "2025-11-11T18:50:00Z");
    EXPECT_EQ(t.rest, "Analyst quarantined update.exe");
    t = split_leading_time("2025-11-11 18:50 UTC \xE2\x80\x94 Contained host", o);
    ASSERT_TRUE(t.time);
    EXPECT_EQ(t.rest, "Contained host");
    EXPECT_FALSE(t.time->zone_assumed);
    t = split_leading_time("(2025-11-11 18:50) - Contained host", o);
    ASSERT_TRUE(t.time);
    EXPECT_TRUE(t.time->zone_assumed);
    EXPECT_EQ(t.rest, "Contained host");
    t = split_leading_time("No time here", o);
    EXPECT_FALSE(t.time);
    EXPECT_EQ(t.rest, "No time here");
}

} // namespace
} // namespace casefile::importer
