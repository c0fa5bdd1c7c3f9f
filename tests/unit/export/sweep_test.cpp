#include <fstream>
#include <random>

#include <gtest/gtest.h>
#include <zlib.h>

#include "export/sweep/sweep.hpp"
#include "export_fixtures.hpp"
#include "support/run_command.hpp"

namespace casefile::exporting {
namespace {

namespace fs = std::filesystem;
using model::IndicatorType;

struct Hit {
    std::string file;
    uint64_t line;
    uint64_t column;
    std::string indicator;
    bool operator==(const Hit&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Hit& h) {
    return os << h.file << ":" << h.line << ":" << h.column << " " << h.indicator;
}

SweepEngine engine(std::vector<SweepPattern> patterns) {
    auto e = SweepEngine::compile(std::move(patterns));
    EXPECT_TRUE(e) << e.error().message;
    return std::move(*e);
}

SweepPattern pattern(IndicatorType t, std::string v, bool caseless = false) {
    return SweepPattern{t, v, v, caseless};
}

std::vector<Hit> scan(const SweepEngine& e, std::string_view text) {
    std::vector<Hit> hits;
    const SweepSummary summary = e.scan_text(text, "t", [&](const SweepHit& h) {
        hits.push_back({std::string(h.file), h.line, h.column, std::string(h.indicator)});
    });
    EXPECT_EQ(summary.hits, hits.size());
    return hits;
}

TEST(Sweep, AnAddressDoesNotHitInsideALongerNumber) {
    const auto e = engine({pattern(IndicatorType::ipv4, "1.2.3.4")});
    EXPECT_TRUE(scan(e, "x 11.2.3.45 y").empty());
    EXPECT_TRUE(scan(e, "1.2.3.45").empty());
    EXPECT_TRUE(scan(e, "version 9.1.2.3.4").empty());
    EXPECT_TRUE(scan(e, "1.2.3.4.5").empty());
    EXPECT_TRUE(scan(e, "a1.2.3.4").empty());
    EXPECT_EQ(scan(e, "src=1.2.3.4, dst=1.2.3.4:443 (1.2.3.4).").size(), 3u);
    EXPECT_EQ(scan(e, "\"1.2.3.4\"").size(), 1u);
}

TEST(Sweep, DomainsHitSubdomainsButNotOtherNames) {
    const auto e = engine({pattern(IndicatorType::domain, "evil.com", true)});
    EXPECT_EQ(scan(e, "GET http://EVIL.com/x").size(), 1u);
    EXPECT_EQ(scan(e, "cdn.evil.com:443").size(), 1u);
    EXPECT_TRUE(scan(e, "notevil.com").empty());
    EXPECT_TRUE(scan(e, "not-evil.com").empty());
    EXPECT_TRUE(scan(e, "evil.com-cdn.net").empty());
    EXPECT_TRUE(scan(e, "evil.com.attacker.net").empty());
    EXPECT_EQ(scan(e, "see evil.com.").size(), 1u);
}

TEST(Sweep, UrlsHashesAndFileNamesStandAlone) {
    const auto e = engine({
        pattern(IndicatorType::url, "https://x.io/a.ps1"),
        pattern(IndicatorType::sha256, std::string(64, 'a'), true),
        pattern(IndicatorType::filename, "update.exe", true),
    });
    EXPECT_EQ(scan(e, "IEX('https://x.io/a.ps1')").size(), 1u);
    EXPECT_TRUE(scan(e, "https://x.io/a.ps1/more").empty());
    EXPECT_TRUE(scan(e, "https://x.io/a.ps1?q=1").empty());
    EXPECT_TRUE(scan(e, "https://x.io/a.ps1x").empty());
    EXPECT_EQ(scan(e, "see https://x.io/a.ps1.").size(), 1u);
    EXPECT_EQ(scan(e, "sha256=" + std::string(64, 'A')).size(), 1u);
    EXPECT_TRUE(scan(e, std::string(65, 'a')).empty());
    EXPECT_EQ(scan(e, "C:\\Temp\\UPDATE.EXE").size(), 1u);
    EXPECT_TRUE(scan(e, "myupdate.exe").empty());
    EXPECT_TRUE(scan(e, "update.exe.bak").empty());
    EXPECT_TRUE(scan(e, "old-update.exe").empty());
}

TEST(Sweep, ReportsLinesColumnsAndEveryOccurrence) {
    const auto e = engine({pattern(IndicatorType::ipv4, "10.1.1.1"),
                           pattern(IndicatorType::domain, "bad.net", true)});
    const auto hits = scan(e, "first line\r\nx 10.1.1.1 y 10.1.1.1\n\nBAD.NET\nend");
    const std::vector<Hit> want = {
        {"t", 2, 3, "10.1.1.1"}, {"t", 2, 14, "10.1.1.1"}, {"t", 4, 1, "bad.net"}};
    EXPECT_EQ(hits, want);
}

TEST(Sweep, PatternsComeFromTheAnalysis) {
    std::vector<Diagnostic> notes;
    const auto patterns = sweep_patterns(testing::all_types_analysis(), &notes);
    std::map<std::string, SweepPattern> by_value;
    for (const auto& p : patterns) {
        by_value[p.value] = p;
    }
    EXPECT_TRUE(by_value.at("evil-cdn.net").caseless);
    EXPECT_FALSE(by_value.at("45.33.32.156").caseless);
    EXPECT_FALSE(by_value.at("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").caseless); // base58
    EXPECT_TRUE(by_value.count("http://evil-cdn.net")) << "root URL also without its slash";
    EXPECT_EQ(by_value.at("http://evil-cdn.net").indicator, "http://evil-cdn.net/");
    EXPECT_FALSE(by_value.count("T1059.001"));
    EXPECT_FALSE(by_value.count("TA0011"));
}

/// Writes `text` to `path`, gzip-compressed when the name ends in .gz.
void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    if (path.extension() == ".gz") {
        gzFile f = gzopen(path.c_str(), "wb");
        ASSERT_NE(f, nullptr);
        ASSERT_EQ(gzwrite(f, text.data(), static_cast<unsigned>(text.size())),
                  static_cast<int>(text.size()));
        gzclose(f);
    } else {
        std::ofstream(path, std::ios::binary) << text;
    }
}

std::vector<Hit> sweep_files(const SweepEngine& e, const std::vector<fs::path>& inputs,
                             SweepOptions options, SweepSummary* summary = nullptr) {
    std::vector<Hit> hits;
    auto s = e.sweep(inputs, options, [&](const SweepHit& h) {
        hits.push_back({std::string(h.file), h.line, h.column, std::string(h.indicator)});
    });
    EXPECT_TRUE(s) << s.error().message;
    if (summary != nullptr && s) {
        *summary = *s;
    }
    return hits;
}

TEST(Sweep, FilesFoldersAndGzipGiveTheSameHits) {
    casefile::testing::TempDir dir;
    std::string text;
    for (int i = 0; i < 5000; ++i) {
        text += "line " + std::to_string(i) +
                (i % 97 == 0 ? " to 203.0.113.77 via evil.com\n" : " nothing 203.0.113.7 here\n");
    }
    write(dir.path() / "a/plain.log", text);
    write(dir.path() / "b/nested/zipped.log.gz", text);
    const auto e = engine({pattern(IndicatorType::ipv4, "203.0.113.77"),
                           pattern(IndicatorType::domain, "evil.com", true)});
    SweepOptions options;
    options.block_bytes = 4096; // many blocks, several rounds
    options.threads = 3;
    uint64_t last_progress = 0;
    options.progress = [&](uint64_t done, uint64_t total) {
        EXPECT_LE(done, total);
        last_progress = done;
    };
    SweepSummary summary;
    const auto hits = sweep_files(e, {dir.path()}, options, &summary);
    EXPECT_EQ(summary.files, 2u);
    EXPECT_EQ(summary.bytes, 2 * text.size());
    EXPECT_EQ(summary.hits, hits.size());
    EXPECT_EQ(hits.size(), 2u * 2u * 52u);
    EXPECT_EQ(summary.lines, 2u * 52u);
    EXPECT_GT(last_progress, 0u);
    // Same hits, in the same order, as one in-memory scan of each file.
    const auto whole = scan(e, text);
    ASSERT_EQ(hits.size(), 2 * whole.size());
    for (size_t k = 0; k < whole.size(); ++k) {
        EXPECT_EQ(hits[k].line, whole[k].line);
        EXPECT_EQ(hits[k].column, whole[k].column);
        EXPECT_EQ(hits[whole.size() + k].line, whole[k].line);
    }
    EXPECT_EQ(hits.front().file, (dir.path() / "a/plain.log").string());
    EXPECT_EQ(hits.back().file, (dir.path() / "b/nested/zipped.log.gz").string());
}

TEST(Sweep, LinesLongerThanABlockAreSplitSafely) {
    // Random text with the needle at every offset around block edges, and no newline at all.
    std::mt19937 rng(7);
    std::string text;
    std::vector<uint64_t> columns;
    while (text.size() < 200000) {
        text += std::string(1 + rng() % 300, ' ');
        columns.push_back(text.size() + 1);
        text += "needle.example.org";
    }
    casefile::testing::TempDir dir;
    write(dir.path() / "long.log", text);
    const auto e = engine({pattern(IndicatorType::domain, "needle.example.org", true)});
    for (const size_t block : {72u, 100u, 4096u}) {
        for (const unsigned threads : {1u, 4u}) {
            SweepOptions options;
            options.block_bytes = block;
            options.threads = threads;
            SweepSummary summary;
            const auto hits = sweep_files(e, {dir.path() / "long.log"}, options, &summary);
            ASSERT_EQ(hits.size(), columns.size()) << "block " << block;
            for (size_t k = 0; k < hits.size(); ++k) {
                EXPECT_EQ(hits[k].line, 1u);
                ASSERT_EQ(hits[k].column, columns[k]) << "block " << block << " hit " << k;
            }
            EXPECT_EQ(summary.bytes, text.size());
        }
    }
}

TEST(Sweep, UnreadableFilesAreReportedAndTheRestScanned) {
    casefile::testing::TempDir dir;
    write(dir.path() / "good.log", "hit 198.51.100.9\n");
    write(dir.path() / "bad.log.gz", "");
    { std::ofstream(dir.path() / "bad.log.gz", std::ios::binary) << "\x1f\x8bnot gzip at all"; }
    const auto e = engine({pattern(IndicatorType::ipv4, "198.51.100.9")});
    SweepSummary summary;
    const auto hits = sweep_files(e, {dir.path()}, {}, &summary);
    EXPECT_EQ(hits.size(), 1u);
    ASSERT_EQ(summary.errors.size(), 1u);
    EXPECT_NE(summary.errors[0].message.find("bad.log.gz"), std::string::npos);
    const auto missing = e.sweep({dir.path() / "nope"}, {}, [](const SweepHit&) {});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

TEST(Sweep, ScalesToAHundredThousandIndicators) {
    std::mt19937_64 rng(42);
    std::vector<SweepPattern> patterns;
    const auto hex = [&](size_t n) {
        static constexpr std::string_view kHex = "0123456789abcdef";
        std::string s;
        for (size_t k = 0; k < n; ++k) {
            s += kHex[rng() % 16];
        }
        return s;
    };
    for (int i = 0; i < 100000; ++i) {
        patterns.push_back(pattern(i % 2 == 0 ? IndicatorType::sha256 : IndicatorType::md5,
                                   hex(i % 2 == 0 ? 64 : 32), true));
    }
    const std::string needle = patterns[31337].value;
    const auto e = engine(patterns);
    EXPECT_EQ(e.pattern_count(), 100000u);
    std::string text = "noise " + hex(200) + "\nmd5=" + needle + " end\n" + hex(64) + "\n";
    const auto hits = scan(e, text);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].line, 2u);
    EXPECT_EQ(hits[0].column, 5u);
}

TEST(Sweep, NoPatternsIsAnError) {
    const auto e = SweepEngine::compile({});
    ASSERT_FALSE(e);
    EXPECT_FALSE(e.error().hint.empty());
}

} // namespace
} // namespace casefile::exporting
