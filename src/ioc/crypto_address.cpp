#include "ioc/crypto_address.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "ioc/digest.hpp"

namespace casefile::ioc::detail {

namespace {

constexpr std::string_view kBase58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

int base58_value(char c) {
    const size_t pos = kBase58.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

/// Decodes `text` as a big-endian base58 number into exactly `size` bytes.
std::optional<std::vector<uint8_t>> base58_decode(std::string_view text, size_t size) {
    std::vector<uint8_t> out(size, 0);
    for (char c : text) {
        const int v = base58_value(c);
        if (v < 0) {
            return std::nullopt;
        }
        auto carry = static_cast<unsigned>(v);
        for (size_t k = size; k-- > 0;) {
            carry += 58u * out[k];
            out[k] = static_cast<uint8_t>(carry & 0xFFu);
            carry >>= 8;
        }
        if (carry != 0) {
            return std::nullopt;
        }
    }
    return out;
}

bool base58check_ok(std::string_view word) {
    auto bytes = base58_decode(word, 25);
    if (!bytes) {
        return false;
    }
    // Leading '1's stand for leading zero bytes; the number must not need more bytes than that.
    size_t ones = 0;
    while (ones < word.size() && word[ones] == '1') {
        ++ones;
    }
    size_t zeros = 0;
    while (zeros < bytes->size() && (*bytes)[zeros] == 0) {
        ++zeros;
    }
    if (zeros < ones) {
        return false;
    }
    const uint8_t version = (*bytes)[0];
    if (version != 0x00 && version != 0x05) {
        return false;
    }
    const auto first = sha256(std::span<const uint8_t>(bytes->data(), 21));
    const auto second = sha256(first);
    for (size_t k = 0; k < 4; ++k) {
        if (second[k] != (*bytes)[21 + k]) {
            return false;
        }
    }
    return true;
}

constexpr std::string_view kBech32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

uint32_t bech32_polymod(const std::vector<uint8_t>& values) {
    static constexpr std::array<uint32_t, 5> kGen{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                                  0x2a1462b3};
    uint32_t chk = 1;
    for (uint8_t v : values) {
        const uint32_t top = chk >> 25;
        chk = ((chk & 0x1ffffffu) << 5) ^ v;
        for (int i = 0; i < 5; ++i) {
            if (((top >> i) & 1u) != 0) {
                chk ^= kGen[i];
            }
        }
    }
    return chk;
}

bool bech32_ok(std::string_view word) {
    if (word.size() < 14 || word.size() > 74) {
        return false;
    }
    bool upper = false;
    bool lower = false;
    std::vector<uint8_t> values{3, 3, 0, 2, 3}; // hrp "bc" expanded
    for (size_t k = 3; k < word.size(); ++k) {
        char c = word[k];
        if (c >= 'A' && c <= 'Z') {
            upper = true;
            c = static_cast<char>(c - 'A' + 'a');
        } else if (c >= 'a' && c <= 'z') {
            lower = true;
        }
        const size_t pos = kBech32.find(c);
        if (pos == std::string_view::npos) {
            return false;
        }
        values.push_back(static_cast<uint8_t>(pos));
    }
    if (upper && lower) {
        return false;
    }
    const uint32_t check = bech32_polymod(values);
    return check == 1 || check == 0x2bc830a3; // bech32 (v0) or bech32m (v1+)
}

/// Monero's base58: 11-character blocks of 8 bytes, a shorter last block.
std::optional<std::vector<uint8_t>> monero_decode(std::string_view text) {
    static constexpr std::array<int, 12> kBlockBytes{0, -1, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8};
    std::vector<uint8_t> out;
    for (size_t pos = 0; pos < text.size(); pos += 11) {
        const std::string_view block = text.substr(pos, 11);
        const int bytes = kBlockBytes[block.size()];
        if (bytes <= 0) {
            return std::nullopt;
        }
        auto decoded = base58_decode(block, static_cast<size_t>(bytes));
        if (!decoded) {
            return std::nullopt;
        }
        out.insert(out.end(), decoded->begin(), decoded->end());
    }
    return out;
}

} // namespace

bool is_btc_address(std::string_view word) {
    if (word.size() >= 3 && (word.substr(0, 3) == "bc1" || word.substr(0, 3) == "BC1")) {
        return bech32_ok(word);
    }
    if (word.size() < 26 || word.size() > 35 || (word[0] != '1' && word[0] != '3')) {
        return false;
    }
    return base58check_ok(word);
}

bool is_xmr_address(std::string_view word) {
    if ((word.size() != 95 && word.size() != 106) || (word[0] != '4' && word[0] != '8')) {
        return false;
    }
    auto bytes = monero_decode(word);
    if (!bytes || bytes->size() < 5) {
        return false;
    }
    const size_t body = bytes->size() - 4;
    const auto hash = keccak256(std::span<const uint8_t>(bytes->data(), body));
    for (size_t k = 0; k < 4; ++k) {
        if (hash[k] != (*bytes)[body + k]) {
            return false;
        }
    }
    return true;
}

} // namespace casefile::ioc::detail
