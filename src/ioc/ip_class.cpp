#include "ioc/ip_class.hpp"

#include <array>

namespace casefile::ioc {

namespace {

struct V4Block {
    uint32_t network;
    int prefix;
    IpClass cls;
};

constexpr uint32_t v4(unsigned a, unsigned b, unsigned c, unsigned d) {
    return (a << 24) | (b << 16) | (c << 8) | d;
}

// Most specific first: 192.0.0.0/24 sits inside nothing else, but order keeps it obvious.
constexpr std::array kV4Blocks{
    V4Block{v4(0, 0, 0, 0), 8, IpClass::reserved},         // "this network"
    V4Block{v4(10, 0, 0, 0), 8, IpClass::private_address}, // RFC 1918
    V4Block{v4(100, 64, 0, 0), 10, IpClass::cgnat},        // RFC 6598
    V4Block{v4(127, 0, 0, 0), 8, IpClass::loopback},       // RFC 1122
    V4Block{v4(169, 254, 0, 0), 16, IpClass::link_local},  // RFC 3927
    V4Block{v4(172, 16, 0, 0), 12, IpClass::private_address},
    V4Block{v4(192, 0, 0, 0), 24, IpClass::reserved},      // IETF protocol assignments
    V4Block{v4(192, 0, 2, 0), 24, IpClass::documentation}, // TEST-NET-1
    V4Block{v4(192, 88, 99, 0), 24, IpClass::reserved},    // 6to4 relay anycast (deprecated)
    V4Block{v4(192, 168, 0, 0), 16, IpClass::private_address},
    V4Block{v4(198, 18, 0, 0), 15, IpClass::reserved},        // benchmarking, RFC 2544
    V4Block{v4(198, 51, 100, 0), 24, IpClass::documentation}, // TEST-NET-2
    V4Block{v4(203, 0, 113, 0), 24, IpClass::documentation},  // TEST-NET-3
    V4Block{v4(224, 0, 0, 0), 4, IpClass::multicast},
    V4Block{v4(240, 0, 0, 0), 4, IpClass::reserved}, // includes 255.255.255.255
};

constexpr bool in_block(uint32_t address, const V4Block& b) {
    const uint32_t mask = b.prefix == 0 ? 0 : ~(0xFFFFFFFFu >> b.prefix);
    return (address & mask) == (b.network & mask);
}

/// First octets that fall in none of the blocks: most addresses are decided by one lookup.
constexpr std::array<bool, 256> make_public_first_octet() {
    std::array<bool, 256> t{};
    for (uint32_t first = 0; first < 256; ++first) {
        t[first] = true;
        for (const V4Block& b : kV4Blocks) {
            const uint32_t span = b.prefix >= 8 ? 1 : 1u << (8 - b.prefix);
            const uint32_t block_first = b.network >> 24;
            if (first >= block_first && first < block_first + span) {
                t[first] = false;
            }
        }
    }
    return t;
}
constexpr auto kPublicFirstOctet = make_public_first_octet();

bool in_v6(const Ipv6Address& a, std::array<uint8_t, 16> network, int prefix) {
    return same_prefix(a, Ipv6Address{network}, prefix);
}

} // namespace

IpClass classify_ipv4(uint32_t address) {
    if (kPublicFirstOctet[address >> 24]) {
        return IpClass::public_address;
    }
    for (const V4Block& b : kV4Blocks) {
        if (in_block(address, b)) {
            return b.cls;
        }
    }
    return IpClass::public_address;
}

IpClass classify_ipv6(const Ipv6Address& a) {
    const auto& b = a.bytes;
    if (in_v6(a, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, 96)) {
        return classify_ipv4((uint32_t{b[12]} << 24) | (uint32_t{b[13]} << 16) |
                             (uint32_t{b[14]} << 8) | b[15]);
    }
    if (in_v6(a, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 128)) {
        return IpClass::loopback;
    }
    if (in_v6(a, {}, 128)) {
        return IpClass::reserved; // unspecified
    }
    if (b[0] == 0xFF) {
        return IpClass::multicast;
    }
    if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) {
        return IpClass::link_local;
    }
    if ((b[0] & 0xFE) == 0xFC) {
        return IpClass::private_address; // unique local, RFC 4193
    }
    if (in_v6(a, {0x20, 0x01, 0x0D, 0xB8}, 32) || in_v6(a, {0x3F, 0xFF}, 20)) {
        return IpClass::documentation; // RFC 3849, RFC 9637
    }
    if (in_v6(a, {0x00, 0x64, 0xFF, 0x9B}, 96)) {
        // NAT64 well-known prefix: the embedded IPv4 address is the real peer.
        return classify_ipv4((uint32_t{b[12]} << 24) | (uint32_t{b[13]} << 16) |
                             (uint32_t{b[14]} << 8) | b[15]);
    }
    if (in_v6(a, {0x01, 0x00}, 64) || in_v6(a, {0x20, 0x01}, 23)) {
        return IpClass::reserved; // discard-only, IETF protocol assignments (Teredo, ORCHID...)
    }
    if ((b[0] & 0xE0) != 0x20) {
        return IpClass::reserved; // outside 2000::/3, the only global unicast space allocated
    }
    return IpClass::public_address;
}

} // namespace casefile::ioc
