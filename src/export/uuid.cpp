#include "export/uuid.hpp"

#include <openssl/evp.h>

#include "core/error.hpp"
#include "core/text.hpp"

namespace casefile::exporting {
std::optional<Uuid> parse_uuid(std::string_view text) {
    if (text.size() != 36) {
        return std::nullopt;
    }
    Uuid out;
    size_t byte = 0;
    for (size_t i = 0; i < text.size();) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-') {
                return std::nullopt;
            }
            ++i;
            continue;
        }
        const int hi = hex_digit_value(text[i]);
        const int lo = hex_digit_value(text[i + 1]);
        if (hi < 0 || lo < 0) {
            return std::nullopt;
        }
        out.bytes[byte++] = static_cast<uint8_t>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

std::string to_string(const Uuid& uuid) {
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (size_t i = 0; i < uuid.bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out += '-';
        }
        out += kHex[uuid.bytes[i] >> 4];
        out += kHex[uuid.bytes[i] & 0x0f];
    }
    return out;
}

std::array<uint8_t, 20> sha1(std::string_view data) {
    std::array<uint8_t, 20> digest{};
    unsigned int length = 0;
    const int ok =
        EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha1(), nullptr);
    CASEFILE_ASSERT(ok == 1 && length == digest.size(),
                    "OpenSSL SHA-1 cannot fail on memory input");
    return digest;
}

Uuid uuid5(const Uuid& name_space, std::string_view name) {
    std::string input(name_space.bytes.begin(), name_space.bytes.end());
    input.append(name);
    const auto digest = sha1(input);
    Uuid out;
    std::copy_n(digest.begin(), out.bytes.size(), out.bytes.begin());
    out.bytes[6] = static_cast<uint8_t>((out.bytes[6] & 0x0f) | 0x50); // version 5
    out.bytes[8] = static_cast<uint8_t>((out.bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return out;
}

std::string stable_uuid(std::string_view name) {
    static const Uuid name_space = *parse_uuid(kCasefileNamespace);
    return to_string(uuid5(name_space, name));
}

} // namespace casefile::exporting
