#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>
#include <sys/wait.h>

namespace {

struct CliRun {
    int exit_code = -1;
    std::string out;
};

/// Runs the casefile binary with `args` (stderr folded into the output).
CliRun casefile(const std::string& args) {
    CliRun run;
    const std::string command = std::string(CASEFILE_BINARY) + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return run;
    }
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) {
        run.out.append(buf.data(), n);
    }
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::string sample(const std::string& path) {
    return std::string(CASEFILE_SOURCE_DIR) + "/tests/data/logs/" + path;
}

TEST(EventsCommand, PrintsJsonLinesWithEcsNames) {
    const CliRun r = casefile("events " + sample("defender-json/reference-edr.json"));
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("\"@timestamp\":\"2025-11-11T13:42:18Z\""), std::string::npos);
    EXPECT_NE(r.out.find("\"destination.ip\":\"185.199.109.15\""), std::string::npos);
    EXPECT_NE(r.out.find("\"event.dataset\":\"defender-json\""), std::string::npos);
}

TEST(EventsCommand, CountsPerFormatAndReportsBadLines) {
    const CliRun r = casefile("events --output count " + sample("squid/access.log") + " " +
                              sample("squid/malformed.log"));
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("squid\t5"), std::string::npos);
    EXPECT_NE(r.out.find("total\t5"), std::string::npos);
    EXPECT_NE(r.out.find("squid/malformed.log:2: warning:"), std::string::npos);
}

TEST(EventsCommand, ZoneOptionTimesZonelessLogs) {
    const CliRun r =
        casefile("events --zone Europe/Berlin " + sample("panos-csv/traffic-syslog.log"));
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("\"@timestamp\":\"2025-11-11T13:42:33Z\""), std::string::npos);
}

TEST(EventsCommand, UnreadableFileExitsOneAndOtherFilesStillParse) {
    const CliRun r =
        casefile("events --output count /nonexistent/evidence.log " + sample("squid/access.log"));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find("/nonexistent/evidence.log"), std::string::npos);
    EXPECT_NE(r.out.find("squid\t3"), std::string::npos);
}

TEST(EventsCommand, UnknownFormatIsAUsageError) {
    const CliRun r = casefile("events --format squidd " + sample("squid/access.log"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("did you mean 'squid'"), std::string::npos);
}

TEST(EventsCommand, GzipFilesAreReadTransparently) {
    const std::string gz = ::testing::TempDir() + "access.log.gz";
    ASSERT_EQ(std::system(("gzip -c " + sample("squid/access.log") + " > " + gz).c_str()), 0);
    const CliRun r = casefile("events --output count " + gz);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("squid\t3"), std::string::npos);
}

TEST(EventsCommand, HelpHasAnExample) {
    const CliRun r = casefile("events --help");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("Example"), std::string::npos);
    EXPECT_NE(r.out.find("--zone"), std::string::npos);
}

} // namespace
