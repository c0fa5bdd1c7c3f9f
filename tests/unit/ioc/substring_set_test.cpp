#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "ioc/substring_set.hpp"

namespace casefile::ioc::detail {
namespace {

std::vector<uint32_t> found(const SubstringSet& set, std::string_view text) {
    std::vector<uint32_t> ids;
    set.find_each(text, [&](uint32_t id) { ids.push_back(id); });
    std::sort(ids.begin(), ids.end());
    return ids;
}

TEST(SubstringSet, ReportsEachIdWhoseNeedleOccursOnce) {
    SubstringSet set;
    set.add("malwr", 1);
    set.add("sandbox", 2);
    set.add("analysis", 2); // a second needle of the same list
    set.add("", 3);         // would match everything: ignored
    set.build();
    EXPECT_EQ(found(set, "x.malwr.com"), std::vector<uint32_t>{1});
    EXPECT_EQ(found(set, "https://Sandbox.Example/ANALYSIS/sandbox?malwr"),
              (std::vector<uint32_t>{1, 2}))
        << "any letter case; an id once however often its needles occur";
    EXPECT_TRUE(found(set, "mal.wr sand box").empty());
    EXPECT_TRUE(found(set, "").empty());
}

TEST(SubstringSet, CompilesOnFirstUseAndAfterAnotherAdd) {
    SubstringSet set;
    EXPECT_TRUE(found(set, "anything").empty());
    set.add("evil", 7);
    EXPECT_EQ(found(set, "very-evil.example"), std::vector<uint32_t>{7});
    set.add("example", 8);
    EXPECT_EQ(found(set, "very-evil.example"), (std::vector<uint32_t>{7, 8}));
}

TEST(SubstringSet, ThreadsScanSeveralSetsAtOnce) {
    // Each thread's scratch space is fitted to whichever set it scans: a small and a larger
    // set alternate on every thread.
    SubstringSet small;
    small.add("needle", 1);
    small.build();
    SubstringSet large;
    for (uint32_t k = 0; k < 500; ++k) {
        large.add("pattern-" + std::to_string(k) + "-end", k);
    }
    large.build();
    std::vector<int> failures(4, 0);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < failures.size(); ++t) {
        threads.emplace_back([&, t] {
            for (uint32_t k = 0; k < 200; ++k) {
                const std::string text = "a pattern-" + std::to_string(k) + "-end and a needle";
                failures[t] += found(large, text) != std::vector<uint32_t>{k};
                failures[t] += found(small, text) != std::vector<uint32_t>{1};
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    EXPECT_EQ(failures, std::vector<int>(4, 0));
}

} // namespace
} // namespace casefile::ioc::detail
