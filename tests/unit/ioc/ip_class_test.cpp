#include <gtest/gtest.h>

#include "ioc/ip_class.hpp"

namespace casefile::ioc {
namespace {

IpClass v4(const char* s) {
    return classify_ipv4(*parse_ipv4(s));
}
IpClass v6(const char* s) {
    return classify_ipv6(*parse_ipv6(s));
}

TEST(IpClass, EveryIpv4Class) {
    EXPECT_EQ(v4("185.199.109.15"), IpClass::public_address);
    EXPECT_EQ(v4("8.8.8.8"), IpClass::public_address);
    EXPECT_EQ(v4("10.0.5.22"), IpClass::private_address);
    EXPECT_EQ(v4("172.16.5.13"), IpClass::private_address);
    EXPECT_EQ(v4("172.31.255.255"), IpClass::private_address);
    EXPECT_EQ(v4("172.32.0.1"), IpClass::public_address);
    EXPECT_EQ(v4("192.168.1.1"), IpClass::private_address);
    EXPECT_EQ(v4("127.0.0.1"), IpClass::loopback);
    EXPECT_EQ(v4("169.254.10.1"), IpClass::link_local);
    EXPECT_EQ(v4("100.64.0.1"), IpClass::cgnat);
    EXPECT_EQ(v4("100.127.255.254"), IpClass::cgnat);
    EXPECT_EQ(v4("100.128.0.1"), IpClass::public_address);
    EXPECT_EQ(v4("192.0.2.10"), IpClass::documentation);
    EXPECT_EQ(v4("198.51.100.7"), IpClass::documentation);
    EXPECT_EQ(v4("203.0.113.10"), IpClass::documentation);
    EXPECT_EQ(v4("224.0.0.251"), IpClass::multicast);
    EXPECT_EQ(v4("239.255.255.250"), IpClass::multicast);
    EXPECT_EQ(v4("0.0.0.0"), IpClass::reserved);
    EXPECT_EQ(v4("240.0.0.1"), IpClass::reserved);
    EXPECT_EQ(v4("255.255.255.255"), IpClass::reserved);
    EXPECT_EQ(v4("198.18.0.1"), IpClass::reserved);
    EXPECT_EQ(v4("192.0.0.8"), IpClass::reserved);
}

// classify_ipv4 decides most addresses by their first octet alone: the octets either side of
// every special block must still come out right.
TEST(IpClass, FirstOctetNeighboursOfEveryBlock) {
    EXPECT_EQ(v4("1.0.0.1"), IpClass::public_address);
    EXPECT_EQ(v4("9.255.255.255"), IpClass::public_address);
    EXPECT_EQ(v4("11.0.0.0"), IpClass::public_address);
    EXPECT_EQ(v4("99.255.255.255"), IpClass::public_address);
    EXPECT_EQ(v4("100.63.255.255"), IpClass::public_address);
    EXPECT_EQ(v4("126.255.255.255"), IpClass::public_address);
    EXPECT_EQ(v4("128.0.0.1"), IpClass::public_address);
    EXPECT_EQ(v4("169.253.255.255"), IpClass::public_address);
    EXPECT_EQ(v4("172.15.255.255"), IpClass::public_address);
    EXPECT_EQ(v4("192.0.1.1"), IpClass::public_address);
    EXPECT_EQ(v4("198.17.255.255"), IpClass::public_address);
    EXPECT_EQ(v4("198.19.255.255"), IpClass::reserved);
    EXPECT_EQ(v4("198.20.0.0"), IpClass::public_address);
    EXPECT_EQ(v4("223.255.255.255"), IpClass::public_address);
    EXPECT_EQ(v4("224.0.0.0"), IpClass::multicast);
    EXPECT_EQ(v4("247.1.2.3"), IpClass::reserved);
}

TEST(IpClass, EveryIpv6Class) {
    EXPECT_EQ(v6("2606:4700:4700::1111"), IpClass::public_address);
    EXPECT_EQ(v6("fd12:3456:789a::1"), IpClass::private_address);
    EXPECT_EQ(v6("::1"), IpClass::loopback);
    EXPECT_EQ(v6("fe80::1"), IpClass::link_local);
    EXPECT_EQ(v6("2001:db8::1"), IpClass::documentation);
    EXPECT_EQ(v6("3fff::1"), IpClass::documentation);
    EXPECT_EQ(v6("ff02::1"), IpClass::multicast);
    EXPECT_EQ(v6("::"), IpClass::reserved);
    EXPECT_EQ(v6("100::1"), IpClass::reserved);
    EXPECT_EQ(v6("2001::1"), IpClass::reserved);
    EXPECT_EQ(v6("4000::1"), IpClass::reserved);
    EXPECT_EQ(v6("::ffff:10.0.0.1"), IpClass::private_address) << "IPv4-mapped";
    EXPECT_EQ(v6("::ffff:8.8.8.8"), IpClass::public_address);
    EXPECT_EQ(v6("64:ff9b::8.8.8.8"), IpClass::public_address) << "NAT64";
}

TEST(IpClass, NamesAreStable) {
    EXPECT_EQ(to_string(IpClass::public_address), "public");
    EXPECT_EQ(to_string(IpClass::private_address), "private");
    EXPECT_EQ(to_string(IpClass::loopback), "loopback");
    EXPECT_EQ(to_string(IpClass::link_local), "link-local");
    EXPECT_EQ(to_string(IpClass::cgnat), "cgnat");
    EXPECT_EQ(to_string(IpClass::documentation), "documentation");
    EXPECT_EQ(to_string(IpClass::multicast), "multicast");
    EXPECT_EQ(to_string(IpClass::reserved), "reserved");
}

} // namespace
} // namespace casefile::ioc
