// Runs the real binary: new -> validate -> fmt, and the errors a user meets on the way.
#include <fstream>

#include <gtest/gtest.h>

#include "support/run_command.hpp"

namespace casefile {
namespace {

using testing::run_casefile;
using testing::TempDir;
namespace fs = std::filesystem;

std::string example() {
    return std::string(CASEFILE_SOURCE_DIR) + "/examples/IR-2025-1142";
}

TEST(CliNew, CreatesAValidCaseFolder) {
    TempDir tmp;
    const fs::path dir = tmp.path() / "IR-2026-0001";
    auto made = run_casefile({"new", dir.string(), "--title", "Odd login", "--severity", "high"});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    EXPECT_TRUE(fs::is_directory(dir / "evidence"));
    auto checked = run_casefile({"validate", dir.string()});
    EXPECT_EQ(checked.exit_code, 0) << checked.err;
    EXPECT_NE(checked.out.find("valid"), std::string::npos);
    std::ifstream yaml(dir / "case.yaml");
    const std::string text((std::istreambuf_iterator<char>(yaml)), {});
    EXPECT_NE(text.find("ticket_id: \"IR-2026-0001\""), std::string::npos);
    EXPECT_NE(text.find("title: \"Odd login\""), std::string::npos);
    EXPECT_NE(text.find("severity: high"), std::string::npos);
}

TEST(CliNew, RefusesToOverwrite) {
    TempDir tmp;
    std::ofstream(tmp.path() / "keep.txt") << "analyst notes";
    auto r = run_casefile({"new", tmp.path().string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(tmp.path() / "keep.txt"));
    EXPECT_FALSE(fs::exists(tmp.path() / "case.yaml"));
}

TEST(CliNew, RejectsUnknownSeverityAsUsageError) {
    TempDir tmp;
    auto r = run_casefile({"new", (tmp.path() / "x").string(), "--severity", "severe"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("unknown severity 'severe'"), std::string::npos) << r.err;
}

TEST(CliValidate, ExampleIsValidWithItsKnownWarnings) {
    auto r = run_casefile({"validate", example()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("warning: the executive summary repeats the final summary"),
              std::string::npos);
    EXPECT_NE(r.err.find("warning: next steps repeat the lessons learned"), std::string::npos);
    EXPECT_NE(r.err.find("warning: escalation does not say to whom it went"), std::string::npos);
    EXPECT_NE(r.err.find("warning: the case has no TLP marking"), std::string::npos);
}

TEST(CliValidate, ReportsLocatedErrorsAndExitsOne) {
    TempDir tmp;
    std::ofstream(tmp.path() / "case.yaml") << "schema: casefile/1\nalert:\n  ticket_id: X\n"
                                               "  title: T\n  obsreved_at: 2025-11-11T13:42:18Z\n"
                                               "  severity: medium\n";
    auto r = run_casefile({"validate", tmp.path().string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("case.yaml:5:3: error: unknown key 'obsreved_at' (did you mean "
                         "'observed_at'?)"),
              std::string::npos)
        << r.err;
}

TEST(CliValidate, MissingFolderAndMissingEvidenceFile) {
    auto missing = run_casefile({"validate", "/nonexistent/case"});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("is not a case folder"), std::string::npos);

    TempDir tmp;
    std::ofstream(tmp.path() / "case.yaml")
        << "schema: casefile/1\nalert:\n  ticket_id: X\n  title: T\n"
           "  observed_at: 2025-11-11T13:42:18Z\n  severity: medium\n"
           "evidence:\n  logs:\n    - kind: edr\n      file: evidence/gone.json\n";
    auto r = run_casefile({"validate", tmp.path().string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("case.yaml:9:7: error: cannot read evidence file 'evidence/gone.json'"),
              std::string::npos)
        << r.err;
}

TEST(CliFmt, KeepsCommentsUnlessToldAndIsIdempotent) {
    TempDir tmp;
    const fs::path dir = tmp.path() / "c";
    ASSERT_EQ(run_casefile({"new", dir.string()}).exit_code, 0);
    auto refused = run_casefile({"fmt", dir.string()});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("has comments"), std::string::npos);
    auto formatted = run_casefile({"fmt", dir.string(), "--drop-comments"});
    ASSERT_EQ(formatted.exit_code, 0) << formatted.err;
    EXPECT_EQ(run_casefile({"fmt", dir.string(), "--check"}).exit_code, 0);
    EXPECT_EQ(run_casefile({"validate", dir.string()}).exit_code, 0);
}

TEST(CliHelp, EveryCommandHasAnExample) {
    for (const char* cmd : {"new", "validate", "fmt"}) {
        auto r = run_casefile({cmd, "--help"});
        EXPECT_EQ(r.exit_code, 0) << cmd;
        EXPECT_NE(r.out.find("Example:"), std::string::npos) << cmd;
    }
}

} // namespace
} // namespace casefile
