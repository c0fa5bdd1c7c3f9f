// Runs the real `casefile` binary: iocs, refang and defang, their formats, options, exit codes
// and error messages.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <zlib.h>

namespace {
namespace fs = std::filesystem;

struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

class IocCli : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("casefile-ioc-cli-" +
                std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    CliRun run(const std::string& args, const std::string& stdin_text = "") {
        const fs::path in = dir_ / "stdin.txt";
        const fs::path err = dir_ / "stderr.txt";
        std::ofstream(in, std::ios::binary) << stdin_text;
        const std::string cmd =
            std::string(CASEFILE_BINARY) + " " + args + " < " + in.string() + " 2> " + err.string();
        CliRun r;
        FILE* p = popen(cmd.c_str(), "r");
        std::array<char, 65536> buf{};
        size_t n = 0;
        while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) {
            r.out.append(buf.data(), n);
        }
        const int status = pclose(p);
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        std::stringstream ss;
        ss << std::ifstream(err).rdbuf();
        r.err = ss.str();
        return r;
    }

    fs::path write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name, std::ios::binary) << text;
        return dir_ / name;
    }

    fs::path dir_;
};

const std::string kEvidence =
    "2025-11-11T13:42:18Z DeviceName=FIN-SRV02 RemoteIP=185.199.109.15 local 10.0.5.22\n"
    "GET hxxps[:]//cdn-dropbox[.]io/assets/finance_report_update.ps1 by j.smith@contoso.com\n"
    "sha256 6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123 -> update.exe\n";

TEST_F(IocCli, JsonOutputHasTheDocumentedShape) {
    const fs::path f = write("evidence.log", kEvidence);
    const CliRun r = run("iocs --format json " + f.string());
    ASSERT_EQ(r.code, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    const auto& list = doc.at("indicators");
    std::map<std::string, nlohmann::json> by_value;
    for (const auto& ind : list) {
        by_value[ind.at("value").get<std::string>()] = ind;
    }
    ASSERT_TRUE(by_value.count("185.199.109.15"));
    const auto& ip = by_value["185.199.109.15"];
    EXPECT_EQ(ip["type"], "ipv4");
    EXPECT_EQ(ip["defanged"], "185[.]199[.]109[.]15");
    EXPECT_EQ(ip["count"], 1);
    EXPECT_EQ(ip["classification"], "public");
    EXPECT_EQ(ip["occurrences"][0]["file"], f.string());
    EXPECT_EQ(ip["occurrences"][0]["line"], 1);
    EXPECT_EQ(ip["occurrences"][0]["column"], kEvidence.find("185") + 1);
    EXPECT_EQ(ip["occurrences"][0]["offset"], kEvidence.find("185"));
    EXPECT_NE(ip["warninglists"][0].get<std::string>().find("GitHub"), std::string::npos);
    EXPECT_FALSE(by_value.count("10.0.5.22")) << "private addresses need --include-private";
    ASSERT_TRUE(by_value.count("https://cdn-dropbox.io/assets/finance_report_update.ps1"));
    EXPECT_EQ(by_value["https://cdn-dropbox.io/assets/finance_report_update.ps1"]["defanged"],
              "hxxps://cdn-dropbox[.]io/assets/finance_report_update.ps1");
    EXPECT_EQ(by_value["j.smith@contoso.com"]["type"], "email");
    EXPECT_EQ(by_value["update.exe"]["type"], "filename");
    EXPECT_EQ(by_value["update.exe"]["classification"], nullptr);
    EXPECT_EQ(by_value["6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123"]["type"],
              "sha256");
}

TEST_F(IocCli, OptionsSelectTypesAndPrivateAddresses) {
    const fs::path f = write("evidence.log", kEvidence);
    const CliRun r = run("iocs --format csv --types ipv4 --include-private " + f.string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("type,value,defanged,count,classification,warninglists,", 0), 0u);
    EXPECT_NE(r.out.find("ipv4,10.0.5.22,10[.]0[.]5[.]22,1,private,"), std::string::npos);
    EXPECT_NE(r.out.find("ipv4,185.199.109.15,"), std::string::npos);
    EXPECT_EQ(r.out.find("sha256"), std::string::npos);
    const CliRun hosts = run("iocs --format text --types domain --url-hosts " + f.string());
    EXPECT_NE(hosts.out.find("cdn-dropbox[.]io"), std::string::npos);
    EXPECT_NE(hosts.out.find("contoso[.]com"), std::string::npos);
}

TEST_F(IocCli, ReadsStdinAndGzip) {
    const CliRun r = run("iocs --format text -", "beacon to evil[.]com\n");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("domain"), std::string::npos);
    EXPECT_NE(r.out.find("evil[.]com"), std::string::npos);
    EXPECT_NE(r.out.find("<stdin>:1:11"), std::string::npos);
    const fs::path gz = dir_ / "evidence.log.gz";
    gzFile g = gzopen(gz.c_str(), "wb");
    gzwrite(g, kEvidence.data(), static_cast<unsigned>(kEvidence.size()));
    gzclose(g);
    const CliRun z = run("iocs --format json " + gz.string());
    ASSERT_EQ(z.code, 0) << z.err;
    EXPECT_NE(z.out.find("\"185.199.109.15\""), std::string::npos);
}

// A file of about 4.6 MiB (two read chunks, the second read while the first is scanned, and
// many pieces and runs) and a smaller one: every format is byte for byte the same on one thread
// and on three.
TEST_F(IocCli, ThreadsChangeNoOutput) {
    std::string text;
    for (int i = 0; i < 16000; ++i) {
        text += kEvidence;
        text += "seen " + std::to_string(1 + i % 223) + "." + std::to_string(i % 250) +
                ".1.2 hxxp://c" + std::to_string(i) + "[.]example[.]net/x\n";
    }
    const fs::path a = write("a.log", text);
    ASSERT_GT(text.size(), size_t{4} << 20);
    const fs::path b = write("b.log", text.substr(text.size() / 3 * 2));
    for (const char* format : {"json", "csv", "text"}) {
        const std::string args =
            std::string(" --format ") + format + " " + a.string() + " " + b.string();
        const CliRun one = run("iocs -j 1" + args);
        const CliRun three = run("iocs --threads 3" + args);
        ASSERT_EQ(one.code, 0) << one.err;
        ASSERT_EQ(three.code, 0) << three.err;
        EXPECT_GT(one.out.size(), 100000u) << format;
        EXPECT_TRUE(one.out == three.out) << format;
    }
    // JSON writes an indicator seen thousands of times in slices: it is still one object, with
    // every occurrence, in input order.
    const auto doc = nlohmann::json::parse(run("iocs --format json -j 2 " + a.string()).out);
    size_t most = 0;
    for (const auto& ind : doc["indicators"]) {
        const auto& occurrences = ind["occurrences"];
        ASSERT_EQ(ind["count"].get<size_t>(), occurrences.size()) << ind["value"];
        for (size_t k = 1; k < occurrences.size(); ++k) {
            ASSERT_LT(occurrences[k - 1]["offset"].get<uint64_t>(),
                      occurrences[k]["offset"].get<uint64_t>())
                << ind["value"];
        }
        most = std::max(most, occurrences.size());
    }
    EXPECT_GE(most, 16000u) << "an indicator of every kEvidence copy";
    const CliRun bad = run("iocs -j -1 -", "");
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("--threads"), std::string::npos) << bad.err;
}

TEST_F(IocCli, WarninglistDirectoryAndPslFile) {
    const fs::path f = write("evidence.log", kEvidence);
    const CliRun r = run("iocs --format json --warninglists " CASEFILE_SHARED_DIR
                         "/reference-data/misp-warninglists " +
                         f.string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("List of known GitHub"), std::string::npos);
    const CliRun psl = run("iocs --psl /nonexistent.dat " + f.string());
    EXPECT_EQ(psl.code, 1);
    EXPECT_NE(psl.err.find("/nonexistent.dat"), std::string::npos);
}

TEST_F(IocCli, ErrorsNameTheProblemAndTheFix) {
    const CliRun missing = run("iocs " + (dir_ / "nope.log").string());
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.err.find("nope.log"), std::string::npos);
    EXPECT_TRUE(missing.out.empty());
    const CliRun type = run("iocs --types ipv5 -", "");
    EXPECT_EQ(type.code, 2);
    EXPECT_NE(type.err.find("unknown indicator type 'ipv5'"), std::string::npos);
    EXPECT_NE(type.err.find("did you mean 'ipv4'"), std::string::npos);
    const CliRun format = run("iocs --format xml -", "");
    EXPECT_EQ(format.code, 2);
    EXPECT_NE(format.err.find("text, json or csv"), std::string::npos);
    const CliRun dir = run("iocs --warninglists /nonexistent -", "");
    EXPECT_EQ(dir.code, 1);
    EXPECT_NE(dir.err.find("/nonexistent"), std::string::npos);
}

TEST_F(IocCli, RefangAndDefangAreLineFilters) {
    const CliRun refang = run("refang", "hxxps[:]//evil[.]com/x\nuser[at]evil[.]org\nplain\n");
    ASSERT_EQ(refang.code, 0) << refang.err;
    EXPECT_EQ(refang.out, "https://evil.com/x\nuser@evil.org\nplain\n");
    const CliRun defang = run("defang", "go https://evil.com/x or 8.8.8.8\nkeep 10.0.0.1\n");
    ASSERT_EQ(defang.code, 0) << defang.err;
    EXPECT_EQ(defang.out, "go hxxps://evil[.]com/x or 8[.]8[.]8[.]8\nkeep 10.0.0.1\n");
    const CliRun talos = run("defang --talos", "https://evil.com/x\n");
    EXPECT_EQ(talos.out, "hxxps[://]evil[.]com/x\n");
    const CliRun round = run("refang", defang.out);
    EXPECT_EQ(round.out, "go https://evil.com/x or 8.8.8.8\nkeep 10.0.0.1\n");
}

TEST_F(IocCli, EveryCommandHasHelpWithAnExample) {
    for (const char* cmd : {"iocs", "refang", "defang"}) {
        const CliRun r = run(std::string(cmd) + " --help");
        EXPECT_EQ(r.code, 0) << cmd;
        EXPECT_NE(r.out.find("Example"), std::string::npos) << cmd;
    }
}

} // namespace
