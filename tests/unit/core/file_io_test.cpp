#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <zlib.h>

#include "core/file_io.hpp"

namespace casefile {
namespace {
namespace fs = std::filesystem;

class FileIo : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("casefile-fileio-" +
                std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(FileIo, AtomicWriteReplacesAndLeavesNoTempFile) {
    const fs::path p = dir_ / "case.yaml";
    ASSERT_TRUE(write_file_atomic(p, "first"));
    ASSERT_TRUE(write_file_atomic(p, "second"));
    EXPECT_EQ(*read_file(p), "second");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(FileIo, AtomicWriteIntoMissingFolderFails) {
    auto r = write_file_atomic(dir_ / "nope" / "x", "data");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::io);
}

TEST_F(FileIo, ReadsGzipTransparently) {
    const fs::path p = dir_ / "log.txt.gz";
    gzFile f = gzopen(p.c_str(), "wb");
    gzputs(f, "line one\nline two\n");
    gzclose(f);
    EXPECT_EQ(*read_file(p), "line one\nline two\n");
}

TEST_F(FileIo, CorruptGzipIsAnError) {
    const fs::path p = dir_ / "bad.gz";
    std::ofstream(p) << "\x1f\x8b\x08 not really gzip";
    auto r = read_file(p);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("not a readable gzip file"), std::string::npos);
}

TEST_F(FileIo, MissingFileIsNotFound) {
    auto r = read_file(dir_ / "missing.log");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::not_found);
}

} // namespace
} // namespace casefile
