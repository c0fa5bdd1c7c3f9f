#include <gtest/gtest.h>

#include "ioc/ip_address.hpp"

namespace casefile::ioc {
namespace {

TEST(Ipv4, ParsesDottedQuadsAndRejectsTheRest) {
    EXPECT_EQ(parse_ipv4("192.168.0.1"), 0xC0A80001u);
    EXPECT_EQ(parse_ipv4("255.255.255.255"), 0xFFFFFFFFu);
    EXPECT_EQ(parse_ipv4("010.001.000.001"), 0x0A010001u) << "leading zeros are decimal";
    for (const char* bad : {"256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.", "a.b.c.d",
                            "1.2.3.1000", "", "0378.01.01.01", " 1.2.3.4"}) {
        EXPECT_FALSE(parse_ipv4(bad)) << bad;
    }
}

TEST(Ipv4, FormatsWithoutLeadingZeros) {
    EXPECT_EQ(format_ipv4(0x0A010001u), "10.1.0.1");
    EXPECT_EQ(format_ipv4(0), "0.0.0.0");
    std::string s = "x=";
    append_ipv4(s, 0xFFFFFFFFu);
    EXPECT_EQ(s, "x=255.255.255.255");
}

TEST(Ipv6, ParsesEveryRfc4291Form) {
    const auto expect_same = [](const char* a, const char* b) {
        auto x = parse_ipv6(a);
        auto y = parse_ipv6(b);
        ASSERT_TRUE(x) << a;
        ASSERT_TRUE(y) << b;
        EXPECT_EQ(*x, *y) << a << " vs " << b;
    };
    expect_same("2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:db8::ff00:42:8329");
    expect_same("2001:DB8:0:0:0:FF00:42:8329", "2001:db8::ff00:42:8329");
    expect_same("::1", "0:0:0:0:0:0:0:1");
    expect_same("::", "0:0:0:0:0:0:0:0");
    expect_same("fe80::", "fe80:0:0:0:0:0:0:0");
    expect_same("::ffff:192.0.2.1", "0:0:0:0:0:ffff:c000:201");
    expect_same("64:ff9b::10.0.0.1", "64:ff9b::a00:1");
    expect_same("fe80::1%eth0", "fe80::1");
    expect_same("fe80::1%25eth0", "fe80::1");
    for (const char* bad : {"1:1", "12:34:56", "1:2:3:4:5:6:7:8:9", "1::2::3", ":1:2:3:4:5:6:7",
                            "1:2:3:4:5:6:7:", "12345::1", "::ffff:1.2.3", "g::1", "fe80::1%",
                            "1:2:3:4:5:6:1.2.3.4:5"}) {
        EXPECT_FALSE(parse_ipv6(bad)) << bad;
    }
}

TEST(Ipv6, FormatsInRfc5952Form) {
    const auto fmt = [](const char* s) { return format_ipv6(*parse_ipv6(s)); };
    EXPECT_EQ(fmt("2001:0db8:0000:0000:0000:ff00:0042:8329"), "2001:db8::ff00:42:8329");
    EXPECT_EQ(fmt("2001:db8:0:0:1:0:0:1"), "2001:db8::1:0:0:1") << "first of equal runs";
    EXPECT_EQ(fmt("2001:db8:0:1:1:1:1:1"), "2001:db8:0:1:1:1:1:1") << "no :: for one group";
    EXPECT_EQ(fmt("2001:DB8::A"), "2001:db8::a");
    EXPECT_EQ(fmt("0:0:0:0:0:0:0:0"), "::");
    EXPECT_EQ(fmt("0:0:0:0:0:0:0:1"), "::1");
    EXPECT_EQ(fmt("1:0:0:0:0:0:0:0"), "1::");
    EXPECT_EQ(fmt("::ffff:c000:201"), "::ffff:192.0.2.1");
    EXPECT_EQ(fmt("2001:db8:0:0:0:0:2:1"), "2001:db8::2:1");
}

TEST(Cidr, ParsesPrefixesWithinRange) {
    auto v4 = parse_ipv4_cidr("185.199.108.0/22");
    ASSERT_TRUE(v4);
    EXPECT_EQ(v4->prefix, 22);
    EXPECT_FALSE(parse_ipv4_cidr("1.2.3.4/33"));
    EXPECT_FALSE(parse_ipv4_cidr("1.2.3.4"));
    auto v6 = parse_ipv6_cidr("2001:db8::/32");
    ASSERT_TRUE(v6);
    EXPECT_EQ(v6->prefix, 32);
    EXPECT_FALSE(parse_ipv6_cidr("2001:db8::/129"));
    EXPECT_TRUE(same_prefix(*parse_ipv4("185.199.109.15"), v4->address, 22));
    EXPECT_FALSE(same_prefix(*parse_ipv4("185.199.112.1"), v4->address, 22));
    EXPECT_TRUE(same_prefix(*parse_ipv6("2001:db8:1::1"), v6->address, 32));
    EXPECT_TRUE(same_prefix(0u, 0xFFFFFFFFu, 0));
}

} // namespace
} // namespace casefile::ioc
