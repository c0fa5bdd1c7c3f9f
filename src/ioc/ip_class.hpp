#pragma once

#include <cstdint>

#include "ioc/indicator.hpp"
#include "ioc/ip_address.hpp"

namespace casefile::ioc {

/// The special-purpose block an IPv4 address falls in (IANA IPv4 Special-Purpose Address
/// Registry), or public_address.
[[nodiscard]] IpClass classify_ipv4(uint32_t address);

/// Same for IPv6 (IANA IPv6 Special-Purpose Address Registry); IPv4-mapped addresses are
/// classified by their IPv4 part.
[[nodiscard]] IpClass classify_ipv6(const Ipv6Address& address);

} // namespace casefile::ioc
