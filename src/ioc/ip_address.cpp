#include "ioc/ip_address.hpp"

#include <charconv>

#include "core/text.hpp"

namespace casefile::ioc {

namespace {

std::optional<int> parse_prefix(std::string_view digits, int max) {
    if (digits.empty() || digits.size() > 3) {
        return std::nullopt;
    }
    int value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    if (value > max) {
        return std::nullopt;
    }
    return value;
}

} // namespace

std::optional<uint32_t> parse_ipv4(std::string_view text) {
    uint32_t address = 0;
    size_t i = 0;
    for (int octet = 0; octet < 4; ++octet) {
        if (octet > 0) {
            if (i >= text.size() || text[i] != '.') {
                return std::nullopt;
            }
            ++i;
        }
        size_t digits = 0;
        unsigned value = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (++digits > 3) {
                return std::nullopt;
            }
            value = value * 10 + static_cast<unsigned>(text[i] - '0');
            ++i;
        }
        if (digits == 0 || value > 255) {
            return std::nullopt;
        }
        address = (address << 8) | value;
    }
    if (i != text.size()) {
        return std::nullopt;
    }
    return address;
}

void append_ipv4(std::string& out, uint32_t address) {
    std::array<char, 16> buf{};
    size_t n = 0;
    for (int shift = 24; shift >= 0; shift -= 8) {
        const unsigned octet = (address >> shift) & 0xFFu;
        if (octet >= 100) {
            buf[n++] = static_cast<char>('0' + octet / 100);
        }
        if (octet >= 10) {
            buf[n++] = static_cast<char>('0' + octet / 10 % 10);
        }
        buf[n++] = static_cast<char>('0' + octet % 10);
        if (shift > 0) {
            buf[n++] = '.';
        }
    }
    out.append(buf.data(), n);
}

std::string format_ipv4(uint32_t address) {
    std::string out;
    append_ipv4(out, address);
    return out;
}

std::optional<Ipv6Address> parse_ipv6(std::string_view text) {
    // A zone id names an interface on the host that wrote it; it is not part of the address.
    if (size_t pct = text.find('%'); pct != std::string_view::npos) {
        std::string_view zone = text.substr(pct + 1);
        if (zone.size() >= 2 && zone[0] == '2' && zone[1] == '5') {
            zone.remove_prefix(2);
        }
        if (zone.empty()) {
            return std::nullopt;
        }
        for (char c : zone) {
            const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                            (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '.';
            if (!ok) {
                return std::nullopt;
            }
        }
        text = text.substr(0, pct);
    }
    if (text.size() < 2 || text.size() > 45) {
        return std::nullopt;
    }
    std::array<uint16_t, 8> groups{};
    int count = 0;
    int gap = -1; // index of the group where "::" stands
    size_t i = 0;
    if (text[0] == ':') {
        if (text[1] != ':') {
            return std::nullopt;
        }
        gap = 0;
        i = 2;
        if (i == text.size()) {
            return Ipv6Address{};
        }
    }
    while (i < text.size()) {
        if (count == 8) {
            return std::nullopt;
        }
        size_t start = i;
        unsigned value = 0;
        while (i < text.size() && i - start < 5 && hex_digit_value(text[i]) >= 0) {
            value = value * 16 + static_cast<unsigned>(hex_digit_value(text[i]));
            ++i;
        }
        const size_t len = i - start;
        if (i < text.size() && text[i] == '.') {
            // IPv4 tail: only as the last 32 bits.
            if (count > 6 || (gap < 0 && count != 6)) {
                return std::nullopt;
            }
            auto v4 = parse_ipv4(text.substr(start));
            if (!v4) {
                return std::nullopt;
            }
            groups[count++] = static_cast<uint16_t>(*v4 >> 16);
            groups[count++] = static_cast<uint16_t>(*v4 & 0xFFFFu);
            i = text.size();
            break;
        }
        if (len == 0 || len > 4) {
            return std::nullopt;
        }
        groups[count++] = static_cast<uint16_t>(value);
        if (i == text.size()) {
            break;
        }
        if (text[i] != ':') {
            return std::nullopt;
        }
        ++i;
        if (i < text.size() && text[i] == ':') {
            if (gap >= 0) {
                return std::nullopt;
            }
            gap = count;
            ++i;
            if (i == text.size()) {
                break;
            }
        } else if (i == text.size()) {
            return std::nullopt; // a single trailing colon
        }
    }
    if (gap < 0 && count != 8) {
        return std::nullopt;
    }
    if (gap >= 0 && count > 7) {
        return std::nullopt;
    }
    Ipv6Address out;
    std::array<uint16_t, 8> full{};
    if (gap < 0) {
        full = groups;
    } else {
        const int tail = count - gap;
        for (int k = 0; k < gap; ++k) {
            full[k] = groups[k];
        }
        for (int k = 0; k < tail; ++k) {
            full[8 - tail + k] = groups[gap + k];
        }
    }
    for (size_t k = 0; k < 8; ++k) {
        out.bytes[2 * k] = static_cast<uint8_t>(full[k] >> 8);
        out.bytes[2 * k + 1] = static_cast<uint8_t>(full[k] & 0xFFu);
    }
    return out;
}

std::string format_ipv6(const Ipv6Address& address) {
    std::array<unsigned, 8> g{};
    for (size_t k = 0; k < 8; ++k) {
        g[k] = (unsigned{address.bytes[2 * k]} << 8) | address.bytes[2 * k + 1];
    }
    int best_start = -1;
    int best_len = 0;
    for (int k = 0; k < 8;) {
        if (g[k] != 0) {
            ++k;
            continue;
        }
        int run = k;
        while (run < 8 && g[run] == 0) {
            ++run;
        }
        if (run - k > best_len) {
            best_start = k;
            best_len = run - k;
        }
        k = run;
    }
    if (best_len < 2) {
        best_start = -1;
    }
    // ::ffff:a.b.c.d (RFC 4291 IPv4-mapped) keeps its dotted tail, as RFC 5952 section 5 asks.
    const bool mapped =
        g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xFFFF;
    std::string out;
    out.reserve(41);
    std::array<char, 8> buf{};
    const int hex_groups = mapped ? 6 : 8;
    for (int k = 0; k < hex_groups; ++k) {
        if (k == best_start) {
            out += "::";
            k += best_len - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') {
            out += ':';
        }
        auto res = std::to_chars(buf.data(), buf.data() + buf.size(), g[k], 16);
        out.append(buf.data(), res.ptr);
    }
    if (mapped) {
        if (out.back() != ':') {
            out += ':';
        }
        out +=
            format_ipv4((uint32_t{address.bytes[12]} << 24) | (uint32_t{address.bytes[13]} << 16) |
                        (uint32_t{address.bytes[14]} << 8) | address.bytes[15]);
    }
    return out;
}

std::optional<Ipv4Cidr> parse_ipv4_cidr(std::string_view text) {
    const size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        return std::nullopt;
    }
    auto address = parse_ipv4(text.substr(0, slash));
    auto prefix = parse_prefix(text.substr(slash + 1), 32);
    if (!address || !prefix) {
        return std::nullopt;
    }
    return Ipv4Cidr{*address, *prefix};
}

std::optional<Ipv6Cidr> parse_ipv6_cidr(std::string_view text) {
    const size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        return std::nullopt;
    }
    auto address = parse_ipv6(text.substr(0, slash));
    auto prefix = parse_prefix(text.substr(slash + 1), 128);
    if (!address || !prefix) {
        return std::nullopt;
    }
    return Ipv6Cidr{*address, *prefix};
}

bool same_prefix(uint32_t a, uint32_t b, int prefix) {
    if (prefix <= 0) {
        return true;
    }
    const uint32_t mask = prefix >= 32 ? 0xFFFFFFFFu : ~(0xFFFFFFFFu >> prefix);
    return (a & mask) == (b & mask);
}

bool same_prefix(const Ipv6Address& a, const Ipv6Address& b, int prefix) {
    int bits = prefix;
    for (size_t k = 0; k < 16 && bits > 0; ++k, bits -= 8) {
        const unsigned mask = bits >= 8 ? 0xFFu : (0xFFu << (8 - bits)) & 0xFFu;
        if ((a.bytes[k] & mask) != (b.bytes[k] & mask)) {
            return false;
        }
    }
    return true;
}

} // namespace casefile::ioc
