// `casefile report` on the example incident and on hostile input, through the real binary.
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "core/file_io.hpp"
#include "support/markdown_ast.hpp"
#include "support/reference_report.hpp"
#include "support/run_command.hpp"

namespace casefile {
namespace {

using testing::expect_no_reference_defects;
using testing::parse_markdown;
using testing::reference_facts;
using testing::run_casefile;
namespace fs = std::filesystem;

const fs::path kSource = CASEFILE_SOURCE_DIR;
const fs::path kExample = kSource / "examples/IR-2025-1142";
const fs::path kReference = fs::path(CASEFILE_SHARED_DIR) / "reference/IR-2025-1142.md";

std::string example_report() {
    auto r = run_casefile({"report", kExample.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

TEST(ExampleReport, MatchesGolden) {
    const std::string report = example_report();
    const fs::path golden = kSource / "tests/golden/IR-2025-1142/report.md";
    if (std::getenv("CASEFILE_UPDATE_GOLDEN") != nullptr) {
        fs::create_directories(golden.parent_path());
        ASSERT_TRUE(write_file_atomic(golden, report));
    }
    auto expected = read_file(golden);
    ASSERT_TRUE(expected) << "run with CASEFILE_UPDATE_GOLDEN=1 to create " << golden;
    EXPECT_EQ(report, *expected);
}

TEST(ExampleReport, HasTheReferenceHeadingsInOrder) {
    auto reference = read_file(kReference);
    ASSERT_TRUE(reference) << kReference;
    std::vector<std::pair<int, std::string>> want;
    for (const auto& h : parse_markdown(*reference).headings) {
        // casefile adds one section to the reference layout: the timeline after the evidence.
        if (h.text == "Analysis & Triage Steps") {
            want.emplace_back(2, "Incident Timeline");
        }
        want.emplace_back(h.level, h.text);
    }
    std::vector<std::pair<int, std::string>> got;
    for (const auto& h : parse_markdown(example_report()).headings) {
        got.emplace_back(h.level, h.text);
    }
    EXPECT_EQ(got, want);
}

TEST(ExampleReport, KeepsEveryFactOfTheReference) {
    const std::string report = example_report();
    for (const std::string_view fact : reference_facts()) {
        EXPECT_NE(report.find(fact), std::string::npos) << fact;
    }
    // The example words the sandbox's network behaviour without the address.
    EXPECT_NE(report.find("HTTPS POST beacon every 60s"), std::string::npos);
}

TEST(ExampleReport, HasNoneOfTheReferenceDefects) {
    const std::string report = example_report();
    expect_no_reference_defects(report);
    const auto ast = parse_markdown(report);
    // Each evidence block is the evidence file, byte for byte.
    for (const auto& [index, file] : std::vector<std::pair<size_t, const char*>>{
             {0, "splunk-1.spl"}, {2, "edr-1.json"}, {4, "auth-3.txt"}, {6, "command-1.ps1"}}) {
        EXPECT_EQ(ast.code_blocks[index].literal, *read_file(kExample / "evidence" / file));
    }
}

TEST(Report, HostileCaseStaysContained) {
    testing::TempDir tmp;
    fs::create_directories(tmp.path() / "evidence");
    std::ofstream(tmp.path() / "case.yaml")
        << "schema: casefile/1\nalert:\n  ticket_id: IR-X\n  title: \"<script>alert(1)</script>\"\n"
           "  observed_at: 2025-11-11T13:42:18Z\n  severity: high\n"
           "  description: \"# Heading\\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\"\n";
    std::ofstream(tmp.path() / "evidence/proxy.log")
        << "```\n</details>\n<script>alert(1)</script>\n# Not a heading\n"
           "GET http://evil-cdn.net/x \xE2\x80\xAE gnp.exe\n";
    auto r = run_casefile({"report", tmp.path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto ast = parse_markdown(r.out);
    EXPECT_EQ(ast.headings.size(), 16u);
    EXPECT_TRUE(ast.inline_html.empty());
    EXPECT_TRUE(ast.links.empty());
    ASSERT_EQ(ast.code_blocks.size(), 1u);
    EXPECT_NE(ast.code_blocks[0].literal.find("[U+202E]"), std::string::npos);
    EXPECT_NE(r.out.find("hxxp://evil-cdn[.]net/x"), std::string::npos);
}

TEST(Report, RefusesACaseWithErrors) {
    testing::TempDir tmp;
    std::ofstream(tmp.path() / "case.yaml") << "schema: casefile/1\nalert:\n  ticket_id: X\n";
    auto r = run_casefile({"report", tmp.path().string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find("is missing the required field 'title'"), std::string::npos);
}

TEST(Report, WritesTheFileAtomicallyWithDashO) {
    testing::TempDir tmp;
    const fs::path out = tmp.path() / "report.md";
    auto r = run_casefile({"report", kExample.string(), "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(*read_file(out), example_report());
}

} // namespace
} // namespace casefile
