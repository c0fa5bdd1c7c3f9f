// Each file in tests/golden/loader-errors/*.yaml is a bad case.yaml; the .out beside it holds
// the diagnostics casefile must print. CASEFILE_UPDATE_GOLDEN=1 rewrites the .out files.
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "core/file_io.hpp"
#include "model/case_yaml.hpp"

namespace casefile::model {
namespace {
namespace fs = std::filesystem;

const fs::path kDir = fs::path(CASEFILE_SOURCE_DIR) / "tests/golden/loader-errors";

std::string diagnostics_text(const fs::path& input) {
    auto text = read_file(input);
    if (!text) {
        return "cannot read input";
    }
    auto loaded = parse_case_yaml(*text, input.filename().string());
    if (!loaded) {
        return loaded.error().to_string() + "\n";
    }
    std::string out;
    for (const Diagnostic& d : loaded->diagnostics) {
        out += d.to_string() + "\n";
    }
    return out;
}

std::vector<fs::path> inputs() {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(kDir)) {
        if (entry.path().extension() == ".yaml") {
            out.push_back(entry.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

class LoaderErrors : public ::testing::TestWithParam<fs::path> {};

TEST_P(LoaderErrors, MatchesGolden) {
    const fs::path input = GetParam();
    fs::path expected_file = input;
    expected_file.replace_extension(".out");
    const std::string actual = diagnostics_text(input);
    if (std::getenv("CASEFILE_UPDATE_GOLDEN") != nullptr) {
        ASSERT_TRUE(write_file_atomic(expected_file, actual));
    }
    auto expected = read_file(expected_file);
    ASSERT_TRUE(expected) << "missing " << expected_file << "; run with CASEFILE_UPDATE_GOLDEN=1";
    EXPECT_EQ(actual, *expected);
    // Every case here is broken: it must produce at least one located error.
    EXPECT_NE(actual.find(input.filename().string() + ":"), std::string::npos);
    EXPECT_NE(actual.find(": error: "), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Golden, LoaderErrors, ::testing::ValuesIn(inputs()), [](const auto& info) {
    std::string name = info.param.stem().string();
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            c = '_';
        }
    }
    return name;
});

} // namespace
} // namespace casefile::model
