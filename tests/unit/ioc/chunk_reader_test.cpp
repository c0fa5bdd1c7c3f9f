#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <zlib.h>

#include "ioc/chunk_reader.hpp"

namespace casefile::ioc {
namespace {
namespace fs = std::filesystem;

class ChunkReaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("casefile-chunks-" +
                std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    static std::string read_all(ChunkReader& r, std::vector<std::string>* chunks = nullptr) {
        std::string all;
        while (true) {
            auto c = r.next();
            EXPECT_TRUE(c) << (c ? "" : c.error().to_string());
            if (!c || c->empty()) {
                break;
            }
            all += *c;
            if (chunks != nullptr) {
                chunks->emplace_back(*c);
            }
        }
        return all;
    }
    fs::path dir_;
};

std::string numbered_lines(int n) {
    std::string text;
    for (int i = 0; i < n; ++i) {
        text += "line " + std::to_string(i) + " with 8.8.8.8 and evil.com\n";
    }
    return text;
}

TEST_F(ChunkReaderTest, ChunksEndAtLineBoundaries) {
    const std::string text = numbered_lines(5000) + "last line without newline";
    std::ofstream(dir_ / "a.log") << text;
    auto r = ChunkReader::open((dir_ / "a.log").string(), 4096);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->input_size(), text.size());
    std::vector<std::string> chunks;
    EXPECT_EQ(read_all(*r, &chunks), text);
    ASSERT_GT(chunks.size(), 10u);
    for (size_t k = 0; k + 1 < chunks.size(); ++k) {
        EXPECT_EQ(chunks[k].back(), '\n') << k;
    }
    EXPECT_EQ(r->input_position(), text.size());
}

// The chunk before the latest stays valid, plain or gzip: a caller scans it while the next one
// is read.
TEST_F(ChunkReaderTest, PreviousChunkStaysValidWhileTheNextIsRead) {
    const std::string text = numbered_lines(3000);
    std::ofstream(dir_ / "a.log") << text;
    gzFile g = gzopen((dir_ / "a.log.gz").c_str(), "wb");
    gzwrite(g, text.data(), static_cast<unsigned>(text.size()));
    gzclose(g);
    for (const char* name : {"a.log", "a.log.gz"}) {
        auto r = ChunkReader::open((dir_ / name).string(), 4096);
        ASSERT_TRUE(r);
        std::string all;
        auto previous = r->next();
        ASSERT_TRUE(previous);
        while (!previous->empty()) {
            const std::string copy(*previous);
            auto latest = r->next();
            ASSERT_TRUE(latest);
            ASSERT_EQ(*previous, copy) << name << ": the previous chunk was overwritten";
            all += *previous;
            previous = latest;
        }
        EXPECT_EQ(all, text) << name;
    }
}

TEST_F(ChunkReaderTest, GzipIsRecognisedByContentIncludingConcatenatedMembers) {
    const std::string one = numbered_lines(3000);
    const std::string two = "second member\n";
    const fs::path p = dir_ / "no-gz-extension.log";
    for (const std::string* part : {&one, &two}) {
        gzFile f = gzopen(p.c_str(), part == &one ? "wb" : "ab");
        gzwrite(f, part->data(), static_cast<unsigned>(part->size()));
        gzclose(f);
    }
    auto r = ChunkReader::open(p.string(), 8192);
    ASSERT_TRUE(r);
    EXPECT_EQ(read_all(*r), one + two);
    EXPECT_TRUE(r->compressed());
}

TEST_F(ChunkReaderTest, CorruptAndTruncatedGzipAreErrors) {
    const fs::path p = dir_ / "bad.gz";
    std::ofstream(p, std::ios::binary) << std::string("\x1f\x8b\x08\x00garbage", 12);
    auto r = ChunkReader::open(p.string());
    ASSERT_TRUE(r);
    bool failed = false;
    for (int i = 0; i < 4 && !failed; ++i) {
        auto c = r->next();
        if (!c) {
            failed = true;
            EXPECT_NE(c.error().message.find("bad.gz"), std::string::npos);
        } else if (c->empty()) {
            break;
        }
    }
    EXPECT_TRUE(failed);
}

TEST_F(ChunkReaderTest, MissingFileAndDirectoryAreErrors) {
    auto missing = ChunkReader::open((dir_ / "nope.log").string());
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::not_found);
    EXPECT_NE(missing.error().message.find("nope.log"), std::string::npos);
    auto dir = ChunkReader::open(dir_.string());
    ASSERT_FALSE(dir);
    EXPECT_NE(dir.error().hint.find("files inside"), std::string::npos);
}

TEST_F(ChunkReaderTest, EmptyFileGivesNoChunk) {
    std::ofstream(dir_ / "empty.log");
    auto r = ChunkReader::open((dir_ / "empty.log").string());
    ASSERT_TRUE(r);
    auto c = r->next();
    ASSERT_TRUE(c);
    EXPECT_TRUE(c->empty());
}

} // namespace
} // namespace casefile::ioc
