#include "ioc/digest.hpp"

#include <cstring>

namespace casefile::ioc::detail {

namespace {

constexpr std::array<uint32_t, 64> kSha256K{
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr uint32_t rotr(uint32_t x, int n) {
    return (x >> n) | (x << (32 - n));
}

void sha256_block(std::array<uint32_t, 8>& h, const uint8_t* p) {
    std::array<uint32_t, 64> w{};
    for (size_t i = 0; i < 16; ++i) {
        w[i] = (uint32_t{p[4 * i]} << 24) | (uint32_t{p[4 * i + 1]} << 16) |
               (uint32_t{p[4 * i + 2]} << 8) | p[4 * i + 3];
    }
    for (int i = 16; i < 64; ++i) {
        const uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
        const uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        const uint32_t ch = (e & f) ^ (~e & g);
        const uint32_t t1 = hh + s1 + ch + kSha256K[i] + w[i];
        const uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        const uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        const uint32_t t2 = s0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

constexpr std::array<uint64_t, 24> kKeccakRc{
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};
constexpr std::array<int, 24> kKeccakRot{1,  3,  6,  10, 15, 21, 28, 36, 45, 55, 2,  14,
                                         27, 41, 56, 8,  25, 43, 62, 18, 39, 61, 20, 44};
constexpr std::array<int, 24> kKeccakPi{10, 7,  11, 17, 18, 3, 5,  16, 8,  21, 24, 4,
                                        15, 23, 19, 13, 12, 2, 20, 14, 22, 9,  6,  1};

constexpr uint64_t rotl64(uint64_t x, int n) {
    return (x << n) | (x >> (64 - n));
}

void keccak_f(std::array<uint64_t, 25>& st) {
    for (uint64_t rc : kKeccakRc) {
        std::array<uint64_t, 5> bc{};
        for (int i = 0; i < 5; ++i) {
            bc[i] = st[i] ^ st[i + 5] ^ st[i + 10] ^ st[i + 15] ^ st[i + 20];
        }
        for (int i = 0; i < 5; ++i) {
            const uint64_t t = bc[(i + 4) % 5] ^ rotl64(bc[(i + 1) % 5], 1);
            for (int j = 0; j < 25; j += 5) {
                st[j + i] ^= t;
            }
        }
        uint64_t t = st[1];
        for (int i = 0; i < 24; ++i) {
            const int j = kKeccakPi[i];
            const uint64_t tmp = st[j];
            st[j] = rotl64(t, kKeccakRot[i]);
            t = tmp;
        }
        for (int j = 0; j < 25; j += 5) {
            for (int i = 0; i < 5; ++i) {
                bc[i] = st[j + i];
            }
            for (int i = 0; i < 5; ++i) {
                st[j + i] ^= (~bc[(i + 1) % 5]) & bc[(i + 2) % 5];
            }
        }
        st[0] ^= rc;
    }
}

} // namespace

std::array<uint8_t, 32> sha256(std::span<const uint8_t> data) {
    std::array<uint32_t, 8> h{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                              0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    size_t i = 0;
    for (; i + 64 <= data.size(); i += 64) {
        sha256_block(h, data.data() + i);
    }
    std::array<uint8_t, 128> tail{};
    const size_t rem = data.size() - i;
    if (rem > 0) {
        std::memcpy(tail.data(), data.data() + i, rem);
    }
    tail[rem] = 0x80;
    const size_t blocks = rem + 9 <= 64 ? 1 : 2;
    const uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
    for (int k = 0; k < 8; ++k) {
        tail[blocks * 64 - 1 - k] = static_cast<uint8_t>(bits >> (8 * k));
    }
    for (size_t b = 0; b < blocks; ++b) {
        sha256_block(h, tail.data() + 64 * b);
    }
    std::array<uint8_t, 32> out{};
    for (size_t k = 0; k < 8; ++k) {
        out[4 * k] = static_cast<uint8_t>(h[k] >> 24);
        out[4 * k + 1] = static_cast<uint8_t>(h[k] >> 16);
        out[4 * k + 2] = static_cast<uint8_t>(h[k] >> 8);
        out[4 * k + 3] = static_cast<uint8_t>(h[k]);
    }
    return out;
}

std::array<uint8_t, 32> keccak256(std::span<const uint8_t> data) {
    constexpr size_t kRate = 136;
    std::array<uint64_t, 25> st{};
    auto absorb = [&st](const uint8_t* block) {
        for (size_t k = 0; k < kRate / 8; ++k) {
            uint64_t lane = 0;
            for (int b = 7; b >= 0; --b) {
                lane = (lane << 8) | block[8 * k + static_cast<size_t>(b)];
            }
            st[k] ^= lane;
        }
        keccak_f(st);
    };
    size_t i = 0;
    for (; i + kRate <= data.size(); i += kRate) {
        absorb(data.data() + i);
    }
    std::array<uint8_t, kRate> last{};
    const size_t rem = data.size() - i;
    if (rem > 0) {
        std::memcpy(last.data(), data.data() + i, rem);
    }
    last[rem] ^= 0x01;
    last[kRate - 1] ^= 0x80;
    absorb(last.data());
    std::array<uint8_t, 32> out{};
    for (size_t k = 0; k < 32; ++k) {
        out[k] = static_cast<uint8_t>(st[k / 8] >> (8 * (k % 8)));
    }
    return out;
}

} // namespace casefile::ioc::detail
