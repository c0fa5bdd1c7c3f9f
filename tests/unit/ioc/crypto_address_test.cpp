#include <string>

#include <gtest/gtest.h>

#include "ioc/crypto_address.hpp"
#include "ioc/digest.hpp"

namespace casefile::ioc::detail {
namespace {

std::string hex(const std::array<uint8_t, 32>& d) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (uint8_t b : d) {
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
    }
    return out;
}

std::span<const uint8_t> bytes(std::string_view s) {
    return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

TEST(Digest, KnownVectors) {
    EXPECT_EQ(hex(sha256(bytes(""))),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(hex(sha256(bytes("abc"))),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(hex(sha256(bytes(std::string(1000, 'a')))),
              "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
    EXPECT_EQ(hex(keccak256(bytes(""))),
              "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    EXPECT_EQ(hex(keccak256(bytes("abc"))),
              "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
}

TEST(CryptoAddress, BitcoinChecksumsAreVerified) {
    EXPECT_TRUE(is_btc_address("1HB5XMLmzFVj8ALj6mfBsbifRoD4miY36v"));
    EXPECT_TRUE(is_btc_address("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"));
    EXPECT_TRUE(is_btc_address("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"));
    EXPECT_TRUE(is_btc_address("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"));
    EXPECT_FALSE(is_btc_address("1HB5XMLmzFVj8ALj6mfBsbifRoD4miY36w")) << "one character off";
    EXPECT_FALSE(is_btc_address("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz"));
    EXPECT_FALSE(is_btc_address("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp"));
    EXPECT_FALSE(is_btc_address("bc1qAr0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")) << "mixed case";
    EXPECT_FALSE(is_btc_address("1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d")) << "an md5 shape";
    EXPECT_FALSE(is_btc_address("10000000000000000000000000000000"));
}

TEST(CryptoAddress, MoneroChecksumsAreVerified) {
    const std::string xmr =
        "48Fki6gnEN1QaiWNcsm8dVfX2JMg8xmjiQvuKpcdUD9rQH8WU4AXj9HKAF5AdnhKPSPLzTV7CX1Ks25BWrDeL"
        "nHuEFmhRxV";
    EXPECT_TRUE(is_xmr_address(xmr));
    std::string broken = xmr;
    broken[40] = broken[40] == 'a' ? 'b' : 'a';
    EXPECT_FALSE(is_xmr_address(broken));
    EXPECT_FALSE(is_xmr_address(xmr.substr(0, 94)));
    EXPECT_FALSE(is_xmr_address("5" + xmr.substr(1)));
}

} // namespace
} // namespace casefile::ioc::detail
