#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casefile::ioc {

/// An IPv6 address in network byte order.
struct Ipv6Address {
    std::array<uint8_t, 16> bytes{};
    bool operator==(const Ipv6Address&) const = default;
    auto operator<=>(const Ipv6Address&) const = default;
};

/// Parses a whole dotted quad: four decimal octets of one to three digits, each at most 255
/// (leading zeros are read as decimal, never octal). nullopt for anything else.
[[nodiscard]] std::optional<uint32_t> parse_ipv4(std::string_view text);

/// "a.b.c.d" without leading zeros.
[[nodiscard]] std::string format_ipv4(uint32_t address);

/// Appends format_ipv4(address) to `out`.
void append_ipv4(std::string& out, uint32_t address);

/// Parses a whole IPv6 address in any RFC 4291 form (full, `::`-compressed, IPv4 tail). A zone
/// id (`%eth0`, or `%25eth0` as URLs write it) is accepted and dropped. nullopt otherwise.
[[nodiscard]] std::optional<Ipv6Address> parse_ipv6(std::string_view text);

/// RFC 5952 text form: lower-case, no leading zeros, the longest run of two or more zero groups
/// as `::` (the first on a tie), IPv4-mapped addresses with a dotted tail.
[[nodiscard]] std::string format_ipv6(const Ipv6Address& address);

/// An IPv4 CIDR block "a.b.c.d/n" (n <= 32); the address is kept as written.
struct Ipv4Cidr {
    uint32_t address = 0;
    int prefix = 32;
};
[[nodiscard]] std::optional<Ipv4Cidr> parse_ipv4_cidr(std::string_view text);

/// An IPv6 CIDR block "addr/n" (n <= 128).
struct Ipv6Cidr {
    Ipv6Address address;
    int prefix = 128;
};
[[nodiscard]] std::optional<Ipv6Cidr> parse_ipv6_cidr(std::string_view text);

/// True when the first `prefix` bits of `a` and `b` are equal.
[[nodiscard]] bool same_prefix(const Ipv6Address& a, const Ipv6Address& b, int prefix);
[[nodiscard]] bool same_prefix(uint32_t a, uint32_t b, int prefix);

} // namespace casefile::ioc
