// Inputs that once crashed or hung fuzz/importer_fuzz, kept in tests/data/importer/regress.
#include <filesystem>

#include <gtest/gtest.h>

#include "analysis/analyze.hpp"
#include "core/file_io.hpp"
#include "importer/importer.hpp"
#include "model/case_yaml.hpp"

namespace casefile::importer {
namespace {
namespace fs = std::filesystem;

TEST(ImporterFuzzRegress, EveryKeptInputImportsCleanly) {
    static const ioc::Extractor e = *ioc::Extractor::create();
    const fs::path dir = fs::path(CASEFILE_SOURCE_DIR) / "tests/data/importer/regress";
    for (const auto& entry : fs::directory_iterator(dir)) {
        auto text = read_file(entry.path());
        ASSERT_TRUE(text) << entry.path();
        auto imported = import_report(*text, e, {});
        if (!imported) {
            continue;
        }
        (void)lint_markdown(*text, *imported, e, "r.md");
        (void)analysis::analyze(imported->value, e);
        auto back = model::parse_case_yaml(model::to_yaml(imported->value), "case.yaml");
        ASSERT_TRUE(back) << entry.path();
        EXPECT_TRUE(back->ok()) << entry.path();
    }
}

} // namespace
} // namespace casefile::importer
