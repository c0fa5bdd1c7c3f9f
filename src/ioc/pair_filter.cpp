#include "ioc/pair_filter.hpp"

#include <bit>
#include <string_view>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace casefile::ioc::detail {

namespace {

// The filter classifies each byte by its two nibbles: a pair may start a notation when, for some
// bit, both nibbles of the first byte and both nibbles of the second have it. A bit stands for a
// rule "a byte of `first`, then a byte of `second`"; splitting bytes into nibbles widens each
// set to all the bytes its nibbles combine into, so the filter lets through a superset of the
// pairs the rules name, which the exact test then settles.
struct Rule {
    std::string_view first;
    std::string_view second;
};
constexpr std::string_view kAfterBracket = ". dDaAeEpP\t@:,[({/";
constexpr std::array<Rule, 8> kRules{{
    {".", ")]}"},
    {":", "/\\_"},
    {"/\\", "./"},
    {"_]", "_."},
    {"(", kAfterBracket},
    {" \t", "dDaA"},
    {" \t@", "./ \t"},
    {"[{", kAfterBracket},
}};

struct NibbleTables {
    std::array<uint8_t, 16> first_low{};
    std::array<uint8_t, 16> first_high{};
    std::array<uint8_t, 16> second_low{};
    std::array<uint8_t, 16> second_high{};
};

constexpr NibbleTables make_tables() {
    NibbleTables t;
    for (size_t bit = 0; bit < kRules.size(); ++bit) {
        const auto mask = static_cast<uint8_t>(1u << bit);
        for (char c : kRules[bit].first) {
            const auto u = static_cast<unsigned char>(c);
            t.first_low[u & 15] |= mask;
            t.first_high[u >> 4] |= mask;
        }
        for (char c : kRules[bit].second) {
            const auto u = static_cast<unsigned char>(c);
            t.second_low[u & 15] |= mask;
            t.second_high[u >> 4] |= mask;
        }
    }
    return t;
}
constexpr NibbleTables kTables = make_tables();

bool exact(const unsigned char* p, size_t k, const PairTables& tables) {
    return ((*tables.needs)[p[k]] & (*tables.next_classes)[p[k + 1]]) != 0;
}

size_t next_scalar(const unsigned char* p, size_t i, size_t last, const PairTables& tables) {
    // Eight pairs a step without a branch each: trigger pairs are tens of bytes apart.
    while (i + 8 <= last) {
        uint16_t any = 0;
        for (size_t k = 0; k < 8; ++k) {
            any |= (*tables.needs)[p[i + k]] & (*tables.next_classes)[p[i + k + 1]];
        }
        if (any != 0) {
            break;
        }
        i += 8;
    }
    while (i < last && !exact(p, i, tables)) {
        ++i;
    }
    return i;
}

#if defined(__x86_64__)

__attribute__((target("avx2"))) __m256i table(const std::array<uint8_t, 16>& t) {
    return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data())));
}

__attribute__((target("avx2"))) size_t next_avx2(const unsigned char* p, size_t i, size_t last,
                                                 const PairTables& tables) {
    const __m256i first_low = table(kTables.first_low);
    const __m256i first_high = table(kTables.first_high);
    const __m256i second_low = table(kTables.second_low);
    const __m256i second_high = table(kTables.second_high);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    // Pairs i .. i+31 read bytes up to i+32, which must not pass `last`.
    while (i + 32 <= last) {
        const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
        const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 1));
        const __m256i a_class = _mm256_and_si256(
            _mm256_shuffle_epi8(first_low, _mm256_and_si256(a, nibble)),
            _mm256_shuffle_epi8(first_high, _mm256_and_si256(_mm256_srli_epi16(a, 4), nibble)));
        const __m256i b_class = _mm256_and_si256(
            _mm256_shuffle_epi8(second_low, _mm256_and_si256(b, nibble)),
            _mm256_shuffle_epi8(second_high, _mm256_and_si256(_mm256_srli_epi16(b, 4), nibble)));
        const __m256i quiet =
            _mm256_cmpeq_epi8(_mm256_and_si256(a_class, b_class), _mm256_setzero_si256());
        auto candidates = ~static_cast<uint32_t>(_mm256_movemask_epi8(quiet));
        while (candidates != 0) {
            const size_t k = i + static_cast<size_t>(std::countr_zero(candidates));
            if (exact(p, k, tables)) {
                return k;
            }
            candidates &= candidates - 1;
        }
        i += 32;
    }
    return next_scalar(p, i, last, tables);
}

#endif

} // namespace

size_t next_trigger_pair(const char* text, size_t i, size_t last, const PairTables& tables,
                         bool vector) {
    const auto* p = reinterpret_cast<const unsigned char*>(text);
#if defined(__x86_64__)
    static const bool avx2 = __builtin_cpu_supports("avx2") != 0;
    if (vector && avx2) {
        return next_avx2(p, i, last, tables);
    }
#endif
    (void)vector;
    return next_scalar(p, i, last, tables);
}

bool pair_may_start(unsigned char a, unsigned char b) {
    return (kTables.first_low[a & 15] & kTables.first_high[a >> 4] & kTables.second_low[b & 15] &
            kTables.second_high[b >> 4]) != 0;
}

} // namespace casefile::ioc::detail
