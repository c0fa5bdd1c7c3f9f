// Typing of generic vendor fields by the shape of their values, and vendor times.
#include <gtest/gtest.h>

#include "intake/value_shapes.hpp"
#include "intake/vendor_time.hpp"
#include "intake_samples.hpp"

namespace casefile::intake {
namespace {

using namespace detail;
using model::IndicatorType;

TEST(ValueShapes, IpAddresses) {
    EXPECT_TRUE(is_ipv4("185.199.109.15"));
    EXPECT_TRUE(is_ipv4("0.0.0.0"));
    EXPECT_FALSE(is_ipv4("203.0.113.300"));
    EXPECT_FALSE(is_ipv4("10.20.30"));
    EXPECT_FALSE(is_ipv4("1.2.3.4.5"));
    EXPECT_FALSE(is_ipv4("1..2.3"));
    EXPECT_FALSE(is_ipv4("1.2.3.4 "));
    EXPECT_TRUE(is_ipv6("2001:db8:4006:812::200e"));
    EXPECT_TRUE(is_ipv6("::1"));
    EXPECT_TRUE(is_ipv6("::"));
    EXPECT_TRUE(is_ipv6("fe80::4c1d:9a2f:3b7e:1c05%12"));
    EXPECT_TRUE(is_ipv6("::ffff:192.0.2.1"));
    EXPECT_TRUE(is_ipv6("2001:db8:0:0:0:0:0:1"));
    EXPECT_FALSE(is_ipv6("2001:db8::1::2"));
    EXPECT_FALSE(is_ipv6("2001:db8:0:0:0:0:0:0:1"));
    EXPECT_FALSE(is_ipv6("12345::1"));
    EXPECT_FALSE(is_ipv6("fin-srv02"));
    EXPECT_FALSE(is_ipv6(":"));
    EXPECT_EQ(ip_type("10.0.5.22"), IndicatorType::ipv4);
    EXPECT_EQ(ip_type("::1"), IndicatorType::ipv6);
    EXPECT_EQ(ip_type("host"), std::nullopt);
}

TEST(ValueShapes, HashesByLength) {
    EXPECT_EQ(hash_type("7353f60b1739074eb17c5f4dddefe239"), IndicatorType::md5);
    EXPECT_EQ(hash_type("0B1C7E6F2D3A4B5C6D7E8F9A0B1C2D3E4F5A6B7C"), IndicatorType::sha1);
    EXPECT_EQ(hash_type(std::string(64, 'a')), IndicatorType::sha256);
    EXPECT_EQ(hash_type(std::string(128, 'f')), IndicatorType::sha512);
    EXPECT_EQ(hash_type(std::string(63, 'a')), std::nullopt);
    EXPECT_EQ(hash_type(std::string(64, 'g')), std::nullopt);
    EXPECT_TRUE(is_hash_of(IndicatorType::sha1, std::string(40, '0')));
    EXPECT_FALSE(is_hash_of(IndicatorType::sha256, std::string(40, '0')));
}

TEST(ValueShapes, TechniqueIds) {
    EXPECT_TRUE(is_technique_id("T1059"));
    EXPECT_TRUE(is_technique_id("T1059.001"));
    EXPECT_FALSE(is_technique_id("t1059"));
    EXPECT_FALSE(is_technique_id("T12"));
    EXPECT_FALSE(is_technique_id("TA0002"));
    EXPECT_FALSE(is_technique_id("T1059.1"));
    EXPECT_FALSE(is_technique_id("T1059-001"));
}

TEST(ValueShapes, HostAccountAndPathNames) {
    EXPECT_EQ(short_host_name("FIN-SRV02.contoso.local"), "FIN-SRV02");
    EXPECT_EQ(short_host_name("FIN-SRV02"), "FIN-SRV02");
    EXPECT_EQ(short_host_name("10.0.5.22"), "10.0.5.22");
    EXPECT_TRUE(is_qualified_host_name("a.b"));
    EXPECT_FALSE(is_qualified_host_name(".b"));
    EXPECT_FALSE(is_qualified_host_name("10.0.5.22"));
    EXPECT_EQ(account_name("CONTOSO", "j.smith"), "CONTOSO\\j.smith");
    EXPECT_EQ(account_name("", "j.smith"), "j.smith");
    EXPECT_EQ(account_name("CONTOSO", "CONTOSO\\j.smith"), "CONTOSO\\j.smith");
    EXPECT_EQ(join_path("C:\\Temp", "a.exe"), "C:\\Temp\\a.exe");
    EXPECT_EQ(join_path("C:\\Temp\\", "a.exe"), "C:\\Temp\\a.exe");
    EXPECT_EQ(join_path("C:\\Temp\\a.exe", "a.exe"), "C:\\Temp\\a.exe");
    EXPECT_EQ(join_path("/tmp", "x.sh"), "/tmp/x.sh");
    EXPECT_EQ(join_path("", "x.sh"), "x.sh");
}

Result<Time> time_of(const char* json) {
    return vendor_time(Json::parse(json));
}

TEST(VendorTime, TextKeepsItsSpelling) {
    auto t = time_of(R"("2025-11-11T08:42:18.000-05:00")");
    ASSERT_TRUE(t) << t.error().to_string();
    EXPECT_EQ(t->utc, testing::utc("2025-11-11T13:42:18Z"));
    EXPECT_EQ(t->original, "2025-11-11T08:42:18.000-05:00");
    auto seven = time_of(R"("2021-01-26T20:31:32.9562661Z")");
    ASSERT_TRUE(seven);
    EXPECT_EQ(seven->original, "2021-01-26T20:31:32.9562661Z");
}

TEST(VendorTime, EpochSecondsAndMilliseconds) {
    for (const char* json : {"1762868538", "\"1762868538\"", "\"1762868538.000\"", "1762868538000",
                             "\"1762868538000\""}) {
        auto t = time_of(json);
        ASSERT_TRUE(t) << json << ": " << t.error().to_string();
        EXPECT_EQ(t->utc, testing::utc("2025-11-11T13:42:18Z")) << json;
        EXPECT_EQ(t->original, "") << json;
    }
    auto fraction = time_of("1762868538.25");
    ASSERT_TRUE(fraction);
    EXPECT_EQ(fraction->utc, testing::utc("2025-11-11T13:42:18.25Z"));
    EXPECT_TRUE(is_epoch_value(Json::parse("\"1762868538.5\"")));
    EXPECT_FALSE(is_epoch_value(Json::parse("\"2025-11-11\"")));
}

TEST(VendorTime, PlaceholdersAndZonelessTimesAreRefused) {
    EXPECT_FALSE(time_of(R"("0001-01-01T00:00:00Z")"));
    EXPECT_FALSE(time_of(R"("9999-12-31T23:59:59Z")"));
    EXPECT_FALSE(time_of("0"));
    EXPECT_FALSE(time_of("99999999999999"));
    EXPECT_FALSE(time_of("999999999999999"));
    EXPECT_FALSE(time_of(R"("2025-11-21 10:00:00")"));
    EXPECT_FALSE(time_of(R"("11/19/2025 04:15:33")"));
    EXPECT_FALSE(time_of("true"));
    EXPECT_FALSE(time_of("-5"));
    EXPECT_NE(time_of("{}").error().message.find("found an object"), std::string::npos);
}

} // namespace
} // namespace casefile::intake
