#include <cstdint>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "ioc/normalize.hpp"
#include "ioc/pair_filter.hpp"

namespace casefile::ioc::detail {
namespace {

bool exact(const PairTables& t, unsigned char a, unsigned char b) {
    return ((*t.needs)[a] & (*t.next_classes)[b]) != 0;
}

// The vector filter may let through pairs the exact test rejects, never the other way round.
TEST(PairFilter, PassesEveryPairThatMayStartANotation) {
    const PairTables tables = pair_tables(RefangMode::extract);
    for (unsigned a = 0; a < 256; ++a) {
        for (unsigned b = 0; b < 256; ++b) {
            if (exact(tables, static_cast<unsigned char>(a), static_cast<unsigned char>(b))) {
                EXPECT_TRUE(
                    pair_may_start(static_cast<unsigned char>(a), static_cast<unsigned char>(b)))
                    << "pair " << a << ", " << b;
            }
        }
    }
}

TEST(PairFilter, RejectsPlainText) {
    EXPECT_FALSE(pair_may_start('a', 'b'));
    EXPECT_FALSE(pair_may_start('"', ':'));
    EXPECT_FALSE(pair_may_start('1', '0'));
}

// With and without the vector filter (extract mode only), every trigger pair is found, in order.
TEST(PairFilter, FindsTheSameTriggersAsThePairByPairTest) {
    std::mt19937 rng(7);
    const std::string alphabet = "abcdepxDAOT01 .:/\\_[](){}@,\t\n\"=";
    for (RefangMode mode : {RefangMode::extract, RefangMode::filter}) {
        const PairTables tables = pair_tables(mode);
        for (int round = 0; round < 200; ++round) {
            std::string text(1 + rng() % 300, 'x');
            for (char& c : text) {
                c = rng() % 4 == 0 ? alphabet[rng() % alphabet.size()] : 'q';
            }
            const size_t last = text.size() - 1;
            const auto* p = reinterpret_cast<const unsigned char*>(text.data());
            for (bool vector : {false, mode == RefangMode::extract}) {
                size_t i = 0;
                size_t want = 0;
                while (true) {
                    while (want < last && !exact(tables, p[want], p[want + 1])) {
                        ++want;
                    }
                    i = next_trigger_pair(text.data(), i, last, tables, vector);
                    ASSERT_EQ(i, want) << text;
                    if (i >= last) {
                        break;
                    }
                    ++i;
                    ++want;
                }
            }
        }
    }
}

} // namespace
} // namespace casefile::ioc::detail
