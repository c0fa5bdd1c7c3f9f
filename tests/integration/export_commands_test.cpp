// `casefile export`, `hunt` and `sweep` through the real binary, on the example incident.
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/file_io.hpp"
#include "support/json_schema.hpp"
#include "support/run_command.hpp"

namespace casefile {
namespace {

using testing::run_casefile;
namespace fs = std::filesystem;

const fs::path kSource = CASEFILE_SOURCE_DIR;
const std::string kExample = (kSource / "examples/IR-2025-1142").string();

class ExportCommands : public ::testing::Test {
protected:
    void SetUp() override { ::setenv("SOURCE_DATE_EPOCH", "1764288000", 1); }
    void TearDown() override { ::unsetenv("SOURCE_DATE_EPOCH"); }
};

TEST_F(ExportCommands, StixOfTheExampleValidates) {
    const auto r = run_casefile(
        {"export", kExample, "--format", "stix", "--tlp", "amber", "--org", "Example SOC"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto check = testing::validate_stix_bundle(r.out);
    EXPECT_TRUE(check.ok) << check.output;
    const auto bundle = nlohmann::json::parse(r.out);
    EXPECT_EQ(bundle["objects"][0]["name"], "Example SOC");
    // The same export twice is the same bytes.
    EXPECT_EQ(run_casefile({"export", kExample, "--format", "stix", "--tlp", "amber", "--org",
                            "Example SOC"})
                  .out,
              r.out);
}

TEST_F(ExportCommands, JsonOfTheExampleValidatesAgainstTheDocumentedSchema) {
    testing::TempDir dir;
    const fs::path out = dir.path() / "case.json";
    const auto r = run_casefile({"export", kExample, "-f", "json", "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("wrote " + out.string()), std::string::npos);
    EXPECT_NE(r.err.find("has no TLP"), std::string::npos) << "the example sets no TLP";
    const auto text = read_file(out);
    ASSERT_TRUE(text);
    const auto check = testing::validate_json(kSource / "docs/casefile-export.schema.json", *text);
    EXPECT_TRUE(check.ok) << check.output;
}

TEST_F(ExportCommands, CsvAndMispOfTheExample) {
    const auto csv = run_casefile({"export", kExample, "--format", "csv", "--tlp", "green"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(csv.out.rfind("type,value,defanged,first_seen,sources,warninglists,tlp,", 0), 0u);
    EXPECT_NE(csv.out.find("ipv4,185.199.109.15,185[.]199[.]109[.]15,"), std::string::npos);
    const auto misp = run_casefile({"export", kExample, "--format", "misp", "--tlp", "amber"});
    ASSERT_EQ(misp.exit_code, 0) << misp.err;
    const auto event = nlohmann::json::parse(misp.out)["Event"];
    EXPECT_EQ(event["Tag"][0]["name"], "tlp:amber");
    EXPECT_GE(event["Attribute"].size(), 8u);
}

TEST_F(ExportCommands, BadUsageSaysHowToFixIt) {
    auto r = run_casefile({"export", kExample, "--format", "stixx"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("unknown export format 'stixx'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("use --format json, csv, stix or misp"), std::string::npos) << r.err;
    r = run_casefile({"export", kExample, "--format", "stix", "--tlp", "purple"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("clear, green, amber, amber+strict or red"), std::string::npos);
    r = run_casefile({"hunt", kExample, "--lang", "kql", "--lookback", "30 days"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("30d, 12h, 90m"), std::string::npos) << r.err;
    r = run_casefile({"hunt", kExample, "--lang", "yara"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("kql, spl, esql or sigma"), std::string::npos);
    r = run_casefile({"export", (kSource / "no-such-case").string(), "--format", "csv"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("no-such-case"), std::string::npos) << r.err;
    ::setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
    r = run_casefile({"export", kExample, "--format", "csv"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("SOURCE_DATE_EPOCH"), std::string::npos);
}

TEST_F(ExportCommands, HuntWritesEachLanguageToStdout) {
    for (const char* lang : {"kql", "spl", "esql", "sigma"}) {
        const auto r = run_casefile({"hunt", kExample, "--lang", lang, "--lookback", "14d"});
        ASSERT_EQ(r.exit_code, 0) << lang << ": " << r.err;
        EXPECT_NE(r.out.find("185.199.109.15"), std::string::npos) << lang;
        EXPECT_NE(r.out.find("14d"), std::string::npos) << lang;
    }
}

TEST_F(ExportCommands, EveryCommandHasHelpWithAnExample) {
    for (const char* cmd : {"export", "hunt", "sweep"}) {
        const auto r = run_casefile({cmd, "--help"});
        EXPECT_EQ(r.exit_code, 0) << cmd;
        EXPECT_NE(r.out.find("Example"), std::string::npos) << cmd << ": " << r.out;
    }
}

TEST_F(ExportCommands, SweepFindsTheExampleIndicatorsInLogs) {
    testing::TempDir dir;
    fs::create_directories(dir.path() / "logs/sub");
    std::ofstream(dir.path() / "logs/fw.log")
        << "ALLOW 10.0.5.22 -> 185.199.109.15:443\n"
        << "noise 11.185.199.109.150 and 185.199.109.150\n"
        << "GET https://CDN-DROPBOX.IO/x and https://cdn-dropbox.io/assets/payload.exe\n";
    std::ofstream(dir.path() / "logs/sub/edr.json")
        << R"({"sha256":"6F24D69D1C9151E379A7DC45686B8EA624A7F9DC13BFC2A45C9EE5E99BDFC123"})"
        << "\n";
    auto r = run_casefile({"sweep", kExample, (dir.path() / "logs").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string fw = (dir.path() / "logs/fw.log").string();
    const std::string edr = (dir.path() / "logs/sub/edr.json").string();
    EXPECT_EQ(r.out, fw + ":1: ipv4 185.199.109.15\n" + fw + ":3: domain cdn-dropbox.io\n" + fw +
                         ":3: url https://cdn-dropbox.io/assets/payload.exe\n" + fw +
                         ":3: domain cdn-dropbox.io\n" + edr +
                         ":1: sha256 "
                         "6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123\n");
    EXPECT_NE(r.err.find("sweep: 5 hits on 3 lines in 2 files"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("\r"), std::string::npos) << "no progress bar when stderr is a file";

    r = run_casefile({"sweep", kExample, fw, "--format", "json", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto doc = nlohmann::json::parse(r.out);
    ASSERT_EQ(doc["hits"].size(), 4u);
    EXPECT_EQ(doc["hits"][0], (nlohmann::json{{"file", fw},
                                              {"line", 1},
                                              {"column", 20},
                                              {"type", "ipv4"},
                                              {"indicator", "185.199.109.15"}}));
    EXPECT_EQ(doc["files"], 1);
    EXPECT_GT(doc["bytes"].get<int>(), 100);

    r = run_casefile({"sweep", kExample, (dir.path() / "missing.log").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
}

} // namespace
} // namespace casefile
