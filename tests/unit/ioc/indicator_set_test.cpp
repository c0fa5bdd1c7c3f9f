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

/// Every indicator with all its occurrences, as one line each, in visit() order.
std::vector<std::string> describe(const IndicatorSet& set) {
    std::vector<std::string> out;
    set.visit([&](const IndicatorView& v) {
        std::string line = std::string(model::to_string(v.type)) + " " + std::string(v.value) +
                           " " + std::string(v.defanged);
        for (const Occurrence& o : v.occurrences) {
            line += " " + std::to_string(o.source) + ":" + std::to_string(o.offset) + "+" +
                    std::to_string(o.length) + "@" + std::to_string(o.line) + ":" +
                    std::to_string(o.column);
        }
        for (const std::string& list : v.warninglists) {
            line += " [" + list + "]";
        }
        out.push_back(std::move(line));
    });
    return out;
}

/// About 600 KiB of mixed log lines: many 64 KiB pieces per chunk, defanged indicators among
/// them, and a long line that crosses a piece boundary.
std::string many_pieces() {
    std::string text;
    for (int i = 0; i < 6000; ++i) {
        text += "2025-11-11T13:42:" + std::to_string(10 + i % 50) +
                "Z src=" + std::to_string(1 + i % 223) + "." + std::to_string(i % 250) +
                ".7.9 url=hxxps://c" + std::to_string(i % 97) + "[.]evil-cdn[.]io/p/" +
                std::to_string(i) + " md5 " + std::string(26, 'b') + std::to_string(100000 + i) +
                " 8.8.8.8\n";
        if (i == 3000) {
            text += std::string(70000, 'x') + " tail.example.org\n";
        }
    }
    return text;
}

// Pieces scanned on other threads are merged in input order: the offsets, lines and columns of
// every occurrence, and the order of the indicators, are those of a single thread.
TEST(IndicatorSet, ThreadsChangeNoResult) {
    const std::string text = many_pieces();
    const size_t half = text.find('\n', text.size() / 2) + 1;
    auto collect = [&](unsigned threads) {
        IndicatorSet set(extractor(), {});
        set.use_threads(threads);
        set.add_source("a.log");
        set.add_chunk(std::string_view(text).substr(0, half));
        set.add_chunk(std::string_view(text).substr(half));
        set.add_source("b.log");
        set.add_chunk("again 8.8.8.8 and tail.example.org\n");
        return describe(set);
    };
    const std::vector<std::string> one = collect(1);
    ASSERT_GT(one.size(), 6000u);
    EXPECT_EQ(collect(2), one);
    EXPECT_EQ(collect(5), one);
}

// A chunk that does not end with a newline continues its last line into the next chunk: the
// column of an indicator on that line counts from where the line began.
TEST(IndicatorSet, LineContinuedAcrossChunksKeepsItsColumns) {
    for (unsigned threads : {1U, 3U}) {
        IndicatorSet set(extractor(), {});
        set.use_threads(threads);
        set.add_chunk(std::string(70000, 'y') + "\nabc ");
        set.add_chunk("evil.com\n");
        const auto all = set.take();
        ASSERT_EQ(all.size(), 1u);
        EXPECT_EQ(all[0].occurrences[0].line, 2u);
        EXPECT_EQ(all[0].occurrences[0].column, 5u);
        EXPECT_EQ(all[0].occurrences[0].offset, 70005u);
    }
}

TEST(IndicatorSet, ListingRunsCoverTheSetInVisitOrder) {
    IndicatorSet set(extractor(), {});
    set.add_chunk(many_pieces());
    const IndicatorListing listing = set.listing();
    EXPECT_GT(listing.runs(), 3u) << "a large set is cut into several runs";
    std::vector<std::string> seen;
    for (size_t k = 0; k < listing.runs(); ++k) {
        listing.visit_run(k, [&](const IndicatorView& v) {
            seen.push_back(std::string(v.value) + " x" + std::to_string(v.occurrences.size()));
        });
    }
    std::vector<std::string> visited;
    set.visit([&](const IndicatorView& v) {
        visited.push_back(std::string(v.value) + " x" + std::to_string(v.occurrences.size()));
    });
    EXPECT_EQ(seen, visited);
}

// An indicator with more occurrences than a slice comes out in slices, each a run of its own,
// which together are exactly its occurrences; indicators with fewer stay whole.
TEST(IndicatorSet, ListingSlicesIndicatorsWithManyOccurrences) {
    IndicatorSet set(extractor(), {});
    std::string text = "once.example.org\n";
    for (int i = 0; i < 10; ++i) {
        text += "beacon 8.8.8.8\n";
    }
    text += "twice.example.org twice.example.org\n";
    set.add_chunk(text);
    std::vector<Occurrence> whole;
    set.visit([&](const IndicatorView& v) {
        EXPECT_EQ(v.count, v.occurrences.size());
        EXPECT_TRUE(v.first_slice() && v.last_slice());
        if (v.type == IndicatorType::ipv4) {
            whole.assign(v.occurrences.begin(), v.occurrences.end());
        }
    });
    ASSERT_EQ(whole.size(), 10u);

    const IndicatorListing listing = set.listing(3);
    std::vector<size_t> slice_begins;
    std::vector<Occurrence> sliced;
    std::vector<std::string> others;
    for (size_t k = 0; k < listing.runs(); ++k) {
        size_t views = 0;
        bool slice_run = false;
        listing.visit_run(k, [&](const IndicatorView& v) {
            ++views;
            if (v.type != IndicatorType::ipv4) {
                EXPECT_EQ(v.occurrences.size(), v.count) << v.value;
                others.emplace_back(v.value);
                return;
            }
            slice_run = true;
            EXPECT_EQ(v.count, 10u);
            EXPECT_EQ(v.first_slice(), v.slice_begin == 0);
            EXPECT_EQ(v.last_slice(), v.slice_begin == 9);
            slice_begins.push_back(v.slice_begin);
            sliced.insert(sliced.end(), v.occurrences.begin(), v.occurrences.end());
        });
        if (slice_run) {
            EXPECT_EQ(views, 1u) << "a slice is a run of its own";
        }
    }
    EXPECT_EQ(slice_begins, (std::vector<size_t>{0, 3, 6, 9}));
    ASSERT_EQ(sliced.size(), whole.size());
    for (size_t k = 0; k < whole.size(); ++k) {
        EXPECT_EQ(sliced[k].offset, whole[k].offset) << k;
        EXPECT_EQ(sliced[k].line, whole[k].line) << k;
    }
    EXPECT_EQ(others, (std::vector<std::string>{"once.example.org", "twice.example.org"}));
}

} // namespace
} // namespace casefile::ioc
