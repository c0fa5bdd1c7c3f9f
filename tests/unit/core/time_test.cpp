#include <gtest/gtest.h>

#include "core/time.hpp"

namespace casefile {
namespace {

std::string utc(std::string_view text, const TimeParseOptions& options = {}) {
    auto t = parse_time(text, options);
    return t ? format_time(*t) : "error: " + t.error().message;
}

TEST(ParseTime, Rfc3339Forms) {
    EXPECT_EQ(utc("2025-11-11T13:42:18Z"), "2025-11-11T13:42:18Z");
    EXPECT_EQ(utc("2025-11-11T18:42:00.000Z"), "2025-11-11T18:42:00Z");
    EXPECT_EQ(utc("2025-11-11T13:42:18.5Z"), "2025-11-11T13:42:18.500Z");
    EXPECT_EQ(utc("2026-02-28T23:10:05.1234567Z"), "2026-02-28T23:10:05.123456700Z");
    EXPECT_EQ(utc("2025-11-11t13:42:18z"), "2025-11-11T13:42:18Z");
    EXPECT_EQ(utc("2025-11-11 13:42Z"), "2025-11-11T13:42:00Z");
}

TEST(ParseTime, OffsetsConvertToUtc) {
    EXPECT_EQ(utc("2025-11-11T08:42:18-05:00"), "2025-11-11T13:42:18Z");
    EXPECT_EQ(utc("2025-11-11T14:42:18+0100"), "2025-11-11T13:42:18Z");
    EXPECT_EQ(utc("2025-11-11T00:30:00+02"), "2025-11-10T22:30:00Z");
}

TEST(ParseTime, NamedZones) {
    EXPECT_EQ(utc("2025-11-11 08:42 America/New_York"), "2025-11-11T13:42:00Z");
    EXPECT_EQ(utc("2025-07-01 08:42 America/New_York"), "2025-07-01T12:42:00Z");
    EXPECT_EQ(utc("2025-11-11 13:42 UTC"), "2025-11-11T13:42:00Z");
    EXPECT_EQ(utc("2025-11-11 13:42 Mars/Olympus"),
              "error: unknown time zone 'Mars/Olympus' in '2025-11-11 13:42 Mars/Olympus'");
}

TEST(ParseTime, ZoneRequiredUnlessDefault) {
    EXPECT_EQ(utc("2025-11-11T13:42:18"),
              "error: time '2025-11-11T13:42:18' has no zone, so it is ambiguous");
    TimeParseOptions berlin;
    berlin.default_zone = "Europe/Berlin";
    EXPECT_EQ(utc("2025-11-11T13:42:18", berlin), "2025-11-11T12:42:18Z");
}

TEST(ParseTime, DateOnlyWhenAllowed) {
    TimeParseOptions dates;
    dates.allow_date_only = true;
    EXPECT_EQ(utc("2025-11-10", dates), "2025-11-10");
    EXPECT_NE(utc("2025-11-10").find("error: malformed time"), std::string::npos);
}

TEST(ParseTime, RejectsMalformed) {
    for (const char* bad :
         {"", "yesterday", "2025-13-01T00:00:00Z", "2025-02-30T00:00:00Z", "2025-11-11T24:00:00Z",
          "2025-11-11T13:42:18Zjunk", "2025-11-11T13:42:18+25:00", "2025-11-11T13:4Z", "11/11/2025",
          "1012-11-11T13:42:18Z", "9999-01-01T00:00:00Z"}) {
        EXPECT_NE(utc(bad).find("error: malformed time"), std::string::npos) << bad;
    }
}

TEST(FormatDuration, HumanUnits) {
    using namespace std::chrono;
    EXPECT_EQ(format_duration(seconds(45)), "45 s");
    EXPECT_EQ(format_duration(minutes(8)), "8 min");
    EXPECT_EQ(format_duration(hours(5) + minutes(8)), "5 h 8 min");
    EXPECT_EQ(format_duration(hours(50)), "2 d 2 h");
    EXPECT_EQ(format_duration(-minutes(3)), "-3 min");
}

} // namespace
} // namespace casefile
