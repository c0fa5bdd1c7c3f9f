// `casefile import` and `casefile lint` through the real binary: the reference report, the
// sample reports in tests/data/reports, round trips and the command-line contract.
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
using testing::TempDir;
namespace fs = std::filesystem;

const fs::path kSource = CASEFILE_SOURCE_DIR;
const fs::path kExample = kSource / "examples/IR-2025-1142";
const fs::path kReference = fs::path(CASEFILE_SHARED_DIR) / "reference/IR-2025-1142.md";
const fs::path kReports = kSource / "tests/data/reports";

std::string import_and_report(const fs::path& report, const fs::path& dir) {
    auto imported = run_casefile({"import", report.string(), "-o", dir.string()});
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    auto rendered = run_casefile({"report", dir.string()});
    EXPECT_EQ(rendered.exit_code, 0) << rendered.err;
    return rendered.out;
}

std::string folder_text(const fs::path& dir) {
    std::string out;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) {
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        out += "== " + fs::relative(f, dir).generic_string() + "\n" + *read_file(f);
    }
    return out;
}

TEST(ImportReference, ReportKeepsEveryFact) {
    TempDir tmp;
    const std::string report = import_and_report(kReference, tmp.path() / "case");
    for (const std::string_view fact : reference_facts()) {
        EXPECT_NE(report.find(fact), std::string::npos) << fact;
    }
    // The reference's own wording of the sandbox's network behaviour.
    EXPECT_NE(report.find("HTTPS POST beacon to 185[.]199[.]109[.]15 every 60s"),
              std::string::npos);
}

TEST(ImportReference, ReportHasNoneOfTheFormDefects) {
    TempDir tmp;
    const std::string report = import_and_report(kReference, tmp.path() / "case");
    expect_no_reference_defects(report);
    // 9: the indicators the IoC list left out are listed.
    for (const char* listed :
         {"- hxxps://cdn-dropbox[.]io/assets/payload.exe _(found in", "- update.exe _(found in",
          "- UpdateService _(found in", "- Updated Finance Forecast Q4 2025"}) {
        EXPECT_NE(report.find(listed), std::string::npos) << listed;
    }
    // 10: the GitHub range is called out.
    EXPECT_NE(report.find("On warninglist casefile: GitHub"), std::string::npos);
    // The lint of the imported case: no form defect is left, only the ones that need the
    // analyst (the clock shift, repeated sections, the hash's file, the untimed auth event).
    auto lint = run_casefile({"lint", (tmp.path() / "case").string(), "--format", "json"});
    std::set<std::string> rules;
    const auto lint_json = nlohmann::json::parse(lint.out);
    for (const auto& f : lint_json["findings"]) {
        rules.insert(f["rule"].get<std::string>());
    }
    for (const char* rule : {"fence-language", "pseudo-bullet", "pasted-table-row",
                             "empty-placeholder", "live-indicator", "inconsistent-defang"}) {
        EXPECT_FALSE(rules.contains(rule)) << rule;
    }
    for (const char* rule : {"time-shift", "repeated-section", "unbound-hash", "untimed-evidence",
                             "warninglist-ioc", "missing-ioc"}) {
        EXPECT_TRUE(rules.contains(rule)) << rule;
    }
}

/// rule + line of every finding casefile lint reports for the reference report.
std::set<std::pair<std::string, int>> reference_findings() {
    auto r = run_casefile({"lint", kReference.string(), "--format", "json"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    std::set<std::pair<std::string, int>> out;
    const auto json = nlohmann::json::parse(r.out);
    for (const auto& f : json["findings"]) {
        out.emplace(f["rule"].get<std::string>(), f["location"]["line"].get<int>());
        EXPECT_EQ(f["location"]["file"], kReference.string());
        EXPECT_FALSE(f["hint"].get<std::string>().empty());
    }
    return out;
}

TEST(LintReference, FindsEveryDesignDefectOnItsLine) {
    const auto found = reference_findings();
    const std::vector<std::pair<std::string, int>> expected = {
        {"time-shift", 8},           // 1: Observed At 18:42Z vs evidence 13:42:18Z
        {"claim-contradicted", 189}, // 1: "contained within 30 minutes"
        {"claim-contradicted", 196},
        {"fence-language", 41}, // 2: KQL fenced as spl
        {"fence-language", 75}, //    firewall, auth, proxy text fenced as json
        {"fence-language", 88},
        {"fence-language", 103},
        {"empty-placeholder", 184}, // 3: "Escalated to ****: "
        {"escalation-recipient", 184},
        {"empty-placeholder", 165}, // 4: a single empty bullet
        {"repeated-section", 193},  // 5: executive summary = final summary
        {"repeated-section", 215},  //    next steps = lessons learned
        {"pseudo-bullet", 144},     // 6
        {"pseudo-bullet", 153},
        {"pseudo-bullet", 160},
        {"pseudo-bullet", 204},
        {"pseudo-bullet", 217},
        {"pasted-table-row", 135}, // 7
        {"pasted-table-row", 136},
        {"live-indicator", 10}, // 8: email raw in the description
        {"live-indicator", 179},
        {"inconsistent-defang", 119}, //   hxxps:// vs hxxps[:]//
        {"inconsistent-defang", 160}, //   https://sandbox-screenshot[.]com
        {"missing-ioc", 131},         // 9: payload.exe URL
        {"missing-ioc", 132},         //    update.exe in %TEMP%
        {"missing-ioc", 154},         //    update.exe
        {"missing-ioc", 156},         //    the scheduled task
        {"missing-ioc", 136},         //    the phishing subject
        {"unbound-hash", 122},        //    the hash is tied to no file
        {"warninglist-ioc", 116},     // 10: 185.199.108.0/22
        {"untimed-evidence", 88},     // 11: the auth event
        {"missing-tlp", 3},
        {"severity-wording", 9},
    };
    for (const auto& e : expected) {
        EXPECT_TRUE(found.contains(e)) << e.first << " at line " << e.second;
    }
}

TEST(LintReference, TextOutputAndDisable) {
    auto r = run_casefile({"lint", kReference.string(), "--disable", "time-shift", "--disable",
                           "claim-contradicted", "--disable", "live-indicator"});
    EXPECT_EQ(r.exit_code, 0) << r.out; // no error-severity rule left
    EXPECT_NE(r.out.find(kReference.string() + ":41:1: warning: KQL 2 is fenced as `spl` but "
                                               "the content is KQL [fence-language]"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("[time-shift]"), std::string::npos);
    auto bad = run_casefile({"lint", kReference.string(), "--disable", "time-shfit"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("did you mean 'time-shift'?"), std::string::npos) << bad.err;
}

TEST(LintFolder, ExampleCaseFindsTheShiftInCaseYaml) {
    auto r = run_casefile({"lint", kExample.string(), "--format", "json"});
    EXPECT_EQ(r.exit_code, 1);
    bool shift = false;
    const auto json = nlohmann::json::parse(r.out);
    for (const auto& f : json["findings"]) {
        if (f["rule"] == "time-shift") {
            shift = true;
            EXPECT_EQ(f["location"]["file"], (kExample / "case.yaml").string());
            EXPECT_EQ(f["location"]["line"], 11); // observed_at, under the header comment
        }
    }
    EXPECT_TRUE(shift) << r.out;
}

TEST(LintFolder, CaseYamlCanDisableRules) {
    TempDir tmp;
    fs::copy(kExample, tmp.path() / "case", fs::copy_options::recursive);
    std::ofstream(tmp.path() / "case/case.yaml", std::ios::app)
        << "lint:\n  disable: [time-shift, claim-contradicted, no-such-rule]\n";
    auto r = run_casefile({"lint", (tmp.path() / "case").string()});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(r.out.find("[time-shift]"), std::string::npos);
    EXPECT_NE(r.out.find("'no-such-rule', which is not a lint rule [unknown-rule]"),
              std::string::npos)
        << r.out;
}

TEST(RoundTrip, ExampleReportImportReport) {
    TempDir tmp;
    auto r0 = run_casefile({"report", kExample.string()});
    ASSERT_EQ(r0.exit_code, 0);
    std::ofstream(tmp.path() / "r0.md") << r0.out;
    const std::string r1 = import_and_report(tmp.path() / "r0.md", tmp.path() / "c1");
    EXPECT_EQ(r1, r0.out);
    std::ofstream(tmp.path() / "r1.md") << r1;
    import_and_report(tmp.path() / "r1.md", tmp.path() / "c2");
    EXPECT_EQ(folder_text(tmp.path() / "c1"), folder_text(tmp.path() / "c2"));
}

class SampleReport : public ::testing::TestWithParam<std::string> {};

TEST_P(SampleReport, RoundTripsBothWays) {
    TempDir tmp;
    const std::string r1 = import_and_report(kReports / GetParam(), tmp.path() / "c1");
    std::ofstream(tmp.path() / "r1.md") << r1;
    const std::string r2 = import_and_report(tmp.path() / "r1.md", tmp.path() / "c2");
    EXPECT_EQ(r2, r1);
    EXPECT_EQ(folder_text(tmp.path() / "c1"), folder_text(tmp.path() / "c2"));
}

/// Lower-cased, refanged: what a reader sees, for word comparisons.
std::string reader_text(std::string s) {
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"[.]", "."}, {"[@]", "@"}, {"hxxp", "http"}, {"[:]", ":"}}) {
        for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at)) {
            s.replace(at, from.size(), to);
        }
    }
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

TEST_P(SampleReport, LosesNoLine) {
    // Every word of every content line of the report is in the imported case's report, as a
    // reader sees it. Headings, table headers, fences and times are reformatted, so they are
    // not compared word for word (times are checked by the mapped-field tests).
    TempDir tmp;
    const std::string report = import_and_report(kReports / GetParam(), tmp.path() / "c");
    const auto ast = parse_markdown(report);
    std::string seen = ast.text;
    for (const auto& block : ast.code_blocks) {
        seen += "\n" + block.literal;
    }
    for (const auto& html : ast.html_blocks) {
        seen += "\n" + html;
    }
    seen = reader_text(seen);
    auto text = read_file(kReports / GetParam());
    ASSERT_TRUE(text);
    std::vector<std::string> lines;
    for (size_t start = 0; start < text->size();) {
        size_t end = text->find('\n', start);
        end = end == std::string::npos ? text->size() : end;
        lines.push_back(text->substr(start, end - start));
        start = end + 1;
    }
    size_t checked = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        const std::string next = i + 1 < lines.size() ? lines[i + 1] : "";
        const bool structure =
            line.empty() || line[0] == '#' || line[0] == '<' || line.starts_with("```") ||
            line.starts_with("|-") || line.starts_with("===") || line.starts_with("---") ||
            next.starts_with("|-") || next.starts_with("===") || next.starts_with("---");
        if (structure) {
            continue;
        }
        // A field's label may be renamed ("Detected At" is "Observed At"): compare its value.
        std::string content = line;
        const size_t label_end = content.find(":**");
        const size_t colon = content.find(": ");
        if (label_end != std::string::npos && label_end < 40) {
            content = content.substr(label_end + 3);
        } else if (colon != std::string::npos && colon < 25 && content[0] != '-' &&
                   content[0] != '|') {
            content = content.substr(colon + 2);
        }
        std::string token;
        const auto check = [&](std::string t) {
            const std::string punct = "|*_`[]()\u2022:,.;-\"'";
            while (!t.empty() && punct.find(t.back()) != std::string::npos) {
                t.pop_back();
            }
            while (!t.empty() && punct.find(t.front()) != std::string::npos) {
                t.erase(0, 1);
            }
            const bool time_like =
                t.find(':') != std::string::npos && std::any_of(t.begin(), t.end(), ::isdigit);
            const bool date_like =
                t.size() >= 10 && std::isdigit(static_cast<unsigned char>(t[0])) && t[4] == '-';
            if (t.size() < 4 || time_like || date_like || (t.front() & 0x80) != 0) {
                return;
            }
            ++checked;
            EXPECT_NE(seen.find(reader_text(t)), std::string::npos)
                << GetParam() << ":" << i + 1 << ": '" << t << "' was lost";
        };
        for (const char c : content) {
            if (c == ' ' || c == '\t' || c == '|') {
                check(token);
                token.clear();
            } else {
                token += c;
            }
        }
        check(token);
    }
    EXPECT_GT(checked, 40u);
}

INSTANTIATE_TEST_SUITE_P(Reports, SampleReport,
                         ::testing::Values("bec-phishing.md", "ransomware-precursor.md",
                                           "impossible-travel.md", "cloud-key-leak.md",
                                           "insider-data-theft.md", "dns-tunnel.md"),
                         [](const auto& info) {
                             std::string name = info.param.substr(0, info.param.size() - 3);
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(ImportCommand, RefusesANonEmptyFolderWithoutForce) {
    TempDir tmp;
    const fs::path dir = tmp.path() / "case";
    fs::create_directories(dir);
    std::ofstream(dir / "keep.txt") << "mine";
    auto r = run_casefile({"import", kReference.string(), "-o", dir.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("already exists and is not empty"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--force"), std::string::npos);
    EXPECT_EQ(*read_file(dir / "keep.txt"), "mine");
    auto forced = run_casefile({"import", kReference.string(), "-o", dir.string(), "--force"});
    EXPECT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_FALSE(fs::exists(dir / "keep.txt"));
    EXPECT_TRUE(fs::exists(dir / "evidence/kql-2.kql"));
    for (const auto& e : fs::directory_iterator(tmp.path())) {
        EXPECT_EQ(e.path().filename(), "case") << "left behind: " << e.path();
    }
}

TEST(ImportCommand, JsonSummaryAndUsageErrors) {
    TempDir tmp;
    auto r = run_casefile(
        {"import", kReference.string(), "-o", (tmp.path() / "c").string(), "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto summary = nlohmann::json::parse(r.out);
    size_t moved = 0;
    for (const auto& e : summary["events"]) {
        moved += e["kind"] == "moved" ? 1 : 0;
    }
    EXPECT_EQ(moved, 2u);
    EXPECT_EQ(run_casefile({"import", kReference.string(), "-o", (tmp.path() / "d").string(),
                            "--format", "xml"})
                  .exit_code,
              2);
    auto missing = run_casefile(
        {"import", (tmp.path() / "nope.md").string(), "-o", (tmp.path() / "e").string()});
    EXPECT_EQ(missing.exit_code, 1);
    auto help = run_casefile({"import", "--help"});
    EXPECT_NE(help.out.find("Example:"), std::string::npos);
    auto lint_help = run_casefile({"lint", "--help"});
    EXPECT_NE(lint_help.out.find("Example"), std::string::npos);
}

} // namespace
} // namespace casefile
