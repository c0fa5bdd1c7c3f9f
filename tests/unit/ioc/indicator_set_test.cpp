#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ioc/indicator_set.hpp"

namespace casefile::ioc {
namespace {

using model::IndicatorType;

const Extractor& extractor() {
    static const Extractor ex = *Extractor::create();
    return ex;
}

TEST(IndicatorSet, ChunksAndSourcesKeepOffsetsAndLines) {
    IndicatorSet set(extractor(), {});
    EXPECT_EQ(set.add_source("a.log"), 0u);
    set.add_chunk("x 8.8.8.8\n");
    set.add_chunk("y\n  z 8.8.8.8 evil.com\n");
    EXPECT_EQ(set.add_source("b.log"), 1u);
    set.add_chunk("evil.com\n");
    EXPECT_EQ(set.bytes_scanned(), 10u + 23u + 9u);
    EXPECT_EQ(set.size(), 2u);
    std::vector<std::string> seen;
    set.visit([&](const IndicatorView& v) {
        seen.emplace_back(v.value);
        if (v.type == IndicatorType::ipv4) {
            ASSERT_EQ(v.occurrences.size(), 2u);
            EXPECT_EQ(v.occurrences[0].offset, 2u);
            EXPECT_EQ(v.occurrences[0].line, 1u);
            EXPECT_EQ(v.occurrences[0].column, 3u);
            EXPECT_EQ(v.occurrences[1].offset, 16u);
            EXPECT_EQ(v.occurrences[1].line, 3u);
            EXPECT_EQ(v.occurrences[1].column, 5u);
            EXPECT_EQ(v.ip_class, IpClass::public_address);
            EXPECT_EQ(v.defanged, "8[.]8[.]8[.]8");
        } else {
            ASSERT_EQ(v.occurrences.size(), 2u);
            EXPECT_EQ(v.occurrences[0].source, 0u);
            EXPECT_EQ(v.occurrences[1].source, 1u);
            EXPECT_EQ(v.occurrences[1].offset, 0u) << "offsets restart with each source";
            EXPECT_EQ(v.occurrences[1].line, 1u);
        }
    });
    EXPECT_EQ(seen, (std::vector<std::string>{"8.8.8.8", "evil.com"})) << "by type";
    EXPECT_EQ(set.sources(), (std::vector<std::string>{"a.log", "b.log"}));
}

TEST(IndicatorSet, OrdersByTypeThenFirstOccurrence) {
    IndicatorSet set(extractor(), {});
    set.add_chunk("zeta.com alpha.com 9.9.9.9 1.1.1.1 zeta.com\n");
    const auto all = set.take();
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].value, "9.9.9.9");
    EXPECT_EQ(all[1].value, "1.1.1.1");
    EXPECT_EQ(all[2].value, "zeta.com");
    EXPECT_EQ(all[2].occurrences.size(), 2u);
    EXPECT_EQ(all[3].value, "alpha.com");
    EXPECT_EQ(set.size(), 0u) << "take() empties the set";
}

TEST(IndicatorSet, ManyIndicatorsSurviveTableGrowth) {
    IndicatorSet set(extractor(), {});
    std::string text;
    for (int i = 0; i < 20000; ++i) {
        text += "host" + std::to_string(i) + ".example.org " + std::to_string(1 + i % 200) + "." +
                std::to_string(i / 200 % 250) + ".7.9\n";
    }
    set.add_chunk(text);
    set.add_chunk(text);
    size_t domains = 0;
    size_t ips = 0;
    set.visit([&](const IndicatorView& v) {
        EXPECT_EQ(v.occurrences.size(), 2u) << v.value;
        (v.type == IndicatorType::domain ? domains : ips)++;
    });
    EXPECT_EQ(domains, 20000u);
    EXPECT_GT(ips, 10000u);
}

// expect_input() only sizes the table: with a large hint, a hint too small to hold the set, or
// a hint given too late, the indicators and their occurrences are the same.
TEST(IndicatorSet, InputSizeHintChangesNoResult) {
    std::string text;
    for (int i = 0; i < 5000; ++i) {
        text += "c2 " + std::to_string(1 + i % 200) + "." + std::to_string(i / 200) + ".7.9 md5 " +
                std::string(27, 'a') + std::to_string(10000 + i) + " evil" + std::to_string(i % 7) +
                ".com\n";
    }
    auto collect = [&](uint64_t hint, bool hint_late) {
        IndicatorSet set(extractor(), {});
        if (!hint_late) {
            set.expect_input(hint);
        }
        set.add_chunk(text);
        if (hint_late) {
            set.expect_input(hint);
        }
        set.add_chunk(text);
        std::vector<std::string> seen;
        set.visit([&](const IndicatorView& v) {
            seen.push_back(std::string(v.value) + " x" + std::to_string(v.occurrences.size()) +
                           " @" + std::to_string(v.occurrences.back().offset));
        });
        return seen;
    };
    const std::vector<std::string> plain = collect(0, false);
    ASSERT_GT(plain.size(), 9000u); // public addresses, hashes and seven domains
    EXPECT_EQ(collect(uint64_t{1} << 40, false), plain);
    EXPECT_EQ(collect(1000, false), plain);
    EXPECT_EQ(collect(uint64_t{1} << 30, true), plain);
}

} // namespace
} // namespace casefile::ioc
