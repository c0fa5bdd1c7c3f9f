// Ticket schemes and the per-folder sequence: parsing, numbering after existing case folders,
// atomic state, roll-back and the lock.
#include <fstream>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/file_io.hpp"
#include "intake/ticket_sequence.hpp"
#include "support/run_command.hpp"

namespace casefile::intake {
namespace {

namespace fs = std::filesystem;
using casefile::testing::TempDir;

Timestamp at(std::string_view rfc3339) {
    return parse_time(rfc3339).value().utc;
}

TEST(TicketScheme, Parses) {
    auto scheme = parse_ticket_scheme("IR-{year}-{seq:04}");
    ASSERT_TRUE(scheme) << scheme.error().to_string();
    EXPECT_EQ(scheme->before, "IR-{year}-");
    EXPECT_EQ(scheme->after, "");
    EXPECT_EQ(scheme->width, 4);
    EXPECT_EQ(render_ticket(*scheme, at("2026-03-05T10:00:00Z"), 7), "IR-2026-0007");
    EXPECT_EQ(render_ticket(*scheme, at("2026-03-05T10:00:00Z"), 12345), "IR-2026-12345");

    auto dated = parse_ticket_scheme("SOC{year}{month}{day}-{seq}-X");
    ASSERT_TRUE(dated);
    EXPECT_EQ(render_ticket(*dated, at("2026-03-05T23:59:00Z"), 3), "SOC20260305-3-X");
}

TEST(TicketScheme, RejectsWhatCannotNumberCases) {
    for (const auto& [text, why] : std::vector<std::pair<const char*, const char*>>{
             {"IR-{year}", "it has no {seq}"},
             {"{seq}-{seq}", "more than one {seq}"},
             {"IR-{yr}-{seq}", "unknown placeholder '{yr}'"},
             {"IR-{seq:4}", "unknown placeholder '{seq:4}'"},
             {"IR-{seq", "a '{' is never closed"},
             {"IR}-{seq}", "a '}' closes no placeholder"},
             {"cases/IR-{seq}", "may not contain '/'"}}) {
        auto scheme = parse_ticket_scheme(text);
        ASSERT_FALSE(scheme) << text;
        EXPECT_EQ(scheme.error().code, ErrorCode::bad_usage);
        EXPECT_NE(scheme.error().message.find(why), std::string::npos)
            << text << ": " << scheme.error().message;
        EXPECT_NE(scheme.error().hint.find("IR-{year}-{seq:04}"), std::string::npos);
    }
}

TEST(TicketSequence, CountsPerKeyAndSavesAtomically) {
    TempDir tmp;
    const auto scheme = parse_ticket_scheme("IR-{year}-{seq:04}").value();
    {
        auto seq = TicketSequence::open(tmp.path());
        ASSERT_TRUE(seq) << seq.error().to_string();
        EXPECT_EQ(seq->saved_scheme(), "");
        EXPECT_EQ(seq->next(scheme, at("2026-01-02T00:00:00Z")), "IR-2026-0001");
        ASSERT_TRUE(seq->commit());
    }
    {
        auto seq = TicketSequence::open(tmp.path());
        ASSERT_TRUE(seq);
        EXPECT_EQ(seq->saved_scheme(), "IR-{year}-{seq:04}");
        EXPECT_EQ(seq->next(scheme, at("2026-06-01T00:00:00Z")), "IR-2026-0002");
        // A new year starts its own sequence.
        EXPECT_EQ(seq->next(scheme, at("2027-01-01T00:00:00Z")), "IR-2027-0001");
        ASSERT_TRUE(seq->commit());
    }
    const std::string state = read_file(tmp.path() / kTicketStateFile).value();
    EXPECT_NE(state.find("\"IR-2026-{seq}\": 1"), std::string::npos) << state;
    EXPECT_NE(state.find("\"IR-2027-{seq}\": 1"), std::string::npos) << state;
}

TEST(TicketSequence, ContinuesAfterTheHighestExistingCaseFolder) {
    TempDir tmp;
    fs::create_directories(tmp.path() / "IR-2025-1142");
    fs::create_directories(tmp.path() / "IR-2025-0007");
    fs::create_directories(tmp.path() / "IR-2025-notes");
    fs::create_directories(tmp.path() / "IR-2024-9999");
    const auto scheme = parse_ticket_scheme("IR-{year}-{seq:04}").value();
    auto seq = TicketSequence::open(tmp.path());
    ASSERT_TRUE(seq);
    EXPECT_EQ(seq->next(scheme, at("2025-11-28T00:00:00Z")), "IR-2025-1143");
}

TEST(TicketSequence, RollBackRestoresTheState) {
    TempDir tmp;
    const auto scheme = parse_ticket_scheme("C-{seq}").value();
    {
        // One sequence at a time: a second open() waits for the first one's lock.
        auto seq = TicketSequence::open(tmp.path());
        ASSERT_TRUE(seq);
        (void)seq->next(scheme, at("2026-01-01T00:00:00Z"));
        ASSERT_TRUE(seq->commit());
        ASSERT_TRUE(seq->roll_back());
        EXPECT_FALSE(fs::exists(tmp.path() / kTicketStateFile)); // there was none before
    }

    ASSERT_TRUE(write_file_atomic(tmp.path() / kTicketStateFile,
                                  "{\"scheme\": \"C-{seq}\", \"last\": {\"C-{seq}\": 4}}\n"));
    auto again = TicketSequence::open(tmp.path());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->next(scheme, at("2026-01-01T00:00:00Z")), "C-5");
    ASSERT_TRUE(again->commit());
    ASSERT_TRUE(again->roll_back());
    EXPECT_EQ(read_file(tmp.path() / kTicketStateFile).value(),
              "{\"scheme\": \"C-{seq}\", \"last\": {\"C-{seq}\": 4}}\n");
}

TEST(TicketSequence, BadStateFileIsReported) {
    TempDir tmp;
    std::ofstream(tmp.path() / kTicketStateFile) << R"({"last": {"C-{seq}": "four"}})";
    auto seq = TicketSequence::open(tmp.path());
    ASSERT_FALSE(seq);
    EXPECT_NE(seq.error().message.find("is not casefile's ticket state"), std::string::npos);
    EXPECT_NE(seq.error().hint.find("delete it"), std::string::npos);

    std::ofstream(tmp.path() / kTicketStateFile, std::ios::trunc) << "{\n  \"last\": \n";
    auto broken = TicketSequence::open(tmp.path());
    ASSERT_FALSE(broken);
    ASSERT_TRUE(broken.error().where);
    EXPECT_EQ(broken.error().where->line, 3);
}

TEST(TicketSequence, HoldsTheLockWhileOpen) {
    TempDir tmp;
    auto seq = TicketSequence::open(tmp.path());
    ASSERT_TRUE(seq);
    const std::string lock = (tmp.path() / ".casefile-tickets.lock").string();
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        const int fd = ::open(lock.c_str(), O_RDWR);
        const bool locked_out = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
        _exit(locked_out ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

} // namespace
} // namespace casefile::intake
