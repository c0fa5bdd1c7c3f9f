// Writing a new case folder: all or nothing, never over an existing case without --force, and
// the ticket id chosen in the documented order.
#include <fstream>

#include <gtest/gtest.h>

#include "core/file_io.hpp"
#include "intake/new_case.hpp"
#include "intake/ticket_sequence.hpp"
#include "model/case_yaml.hpp"
#include "support/run_command.hpp"

namespace casefile::intake {
namespace {

namespace fs = std::filesystem;
using casefile::testing::TempDir;

constexpr const char* kCase = "schema: casefile/1\nalert:\n  ticket_id: \"{}\"\n  title: T\n"
                              "  observed_at: 2025-11-11T13:42:18Z\n  severity: medium\n"
                              "  tlp: TLP:AMBER\n";

CaseDraft draft(std::string alert_ticket = {}) {
    CaseDraft d;
    d.case_yaml = [](const std::string& ticket) {
        std::string yaml = kCase;
        yaml.replace(yaml.find("{}"), 2, ticket);
        return yaml;
    };
    d.files.push_back(EvidenceFile{"evidence/alert-x.json", "{\"id\": 1}\n"});
    d.alert_ticket = std::move(alert_ticket);
    return d;
}

CreateOptions options(std::string ticket = {}, std::string scheme = {}, bool force = false) {
    return CreateOptions{std::move(ticket), std::move(scheme), force,
                         parse_time("2026-02-03T04:05:06Z").value().utc};
}

/// Hidden ".name.new-..." or ".name.old-..." folders left behind.
size_t leftovers(const fs::path& dir) {
    size_t n = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        n += name.find(".new-") != std::string::npos || name.find(".old-") != std::string::npos;
    }
    return n;
}

std::string ticket_in(const fs::path& dir) {
    auto loaded = model::load_case_folder(dir);
    return loaded ? loaded->value.alert.ticket_id : std::string("(unreadable)");
}

TEST(NewCase, WritesTheWholeFolder) {
    TempDir tmp;
    const fs::path dir = tmp.path() / "cases" / "IR-1";
    auto created = create_case(dir, draft(), options());
    ASSERT_TRUE(created) << created.error().to_string();
    EXPECT_EQ(created->ticket_id, "IR-1");
    EXPECT_EQ(created->ticket_origin, "the folder name");
    EXPECT_FALSE(created->replaced);
    EXPECT_EQ(read_file(dir / "evidence/alert-x.json").value(), "{\"id\": 1}\n");
    EXPECT_EQ(ticket_in(dir), "IR-1");
    EXPECT_EQ(leftovers(dir.parent_path()), 0U);
}

TEST(NewCase, NeverOverwritesWithoutForce) {
    TempDir tmp;
    const fs::path dir = tmp.path() / "IR-1";
    fs::create_directories(dir);
    std::ofstream(dir / "notes.txt") << "analyst notes";
    auto refused = create_case(dir, draft(), options());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::conflict);
    EXPECT_NE(refused.error().message.find("already exists and is not an empty folder"),
              std::string::npos);
    EXPECT_NE(refused.error().hint.find("--force"), std::string::npos);
    EXPECT_EQ(read_file(dir / "notes.txt").value(), "analyst notes");
    EXPECT_FALSE(fs::exists(dir / "case.yaml"));
    EXPECT_EQ(leftovers(tmp.path()), 0U);

    std::ofstream(tmp.path() / "plain-file") << "x";
    auto file = create_case(tmp.path() / "plain-file", draft(), options("T", {}, true));
    ASSERT_FALSE(file);
    EXPECT_NE(file.error().message.find("exists and is not a folder"), std::string::npos);
}

TEST(NewCase, FillsAnEmptyFolder) {
    TempDir tmp;
    const fs::path dir = tmp.path() / "IR-1";
    fs::create_directories(dir);
    auto created = create_case(dir, draft(), options());
    ASSERT_TRUE(created) << created.error().to_string();
    EXPECT_TRUE(fs::exists(dir / "case.yaml"));
}

TEST(NewCase, ForceReplacesOnlyOnceTheNewFolderIsComplete) {
    TempDir tmp;
    const fs::path dir = tmp.path() / "IR-1";
    fs::create_directories(dir / "evidence");
    std::ofstream(dir / "notes.txt") << "old";
    auto created = create_case(dir, draft(), options("IR-1", {}, true));
    ASSERT_TRUE(created) << created.error().to_string();
    EXPECT_TRUE(created->replaced);
    EXPECT_FALSE(fs::exists(dir / "notes.txt"));
    EXPECT_TRUE(fs::exists(dir / "evidence/alert-x.json"));
    EXPECT_EQ(leftovers(tmp.path()), 0U);
}

TEST(NewCase, FailureLeavesNothingBehind) {
    TempDir tmp;
    const fs::path dir = tmp.path() / "IR-1";
    fs::create_directories(dir);
    std::ofstream(dir / "notes.txt") << "old";
    CaseDraft broken = draft();
    broken.case_yaml = [](const std::string&) { return std::string("schema: casefile/1\n"); };
    auto bad_yaml = create_case(dir, broken, options({}, "IR-{seq}", true));
    ASSERT_FALSE(bad_yaml);
    EXPECT_EQ(bad_yaml.error().code, ErrorCode::internal);
    EXPECT_NE(bad_yaml.error().message.find("does not load"), std::string::npos);
    EXPECT_EQ(read_file(dir / "notes.txt").value(), "old");
    EXPECT_FALSE(fs::exists(tmp.path() / kTicketStateFile)); // no number was used up

    CaseDraft escaping = draft();
    escaping.files.push_back(EvidenceFile{"../outside.txt", "x"});
    auto bad_path = create_case(tmp.path() / "IR-2", escaping, options());
    ASSERT_FALSE(bad_path);
    EXPECT_FALSE(fs::exists(tmp.path() / "IR-2"));
    EXPECT_FALSE(fs::exists(tmp.path() / "outside.txt"));
    EXPECT_EQ(leftovers(tmp.path()), 0U);
}

TEST(NewCase, TicketOrder) {
    TempDir tmp;
    // The alert's id when nothing else is given.
    auto alert = create_case(tmp.path() / "a", draft("DA-99"), options());
    ASSERT_TRUE(alert) << alert.error().to_string();
    EXPECT_EQ(alert->ticket_id, "DA-99");
    EXPECT_EQ(alert->ticket_origin, "the alert's id");

    // A scheme wins over the alert's id, and is remembered for the folder of cases.
    auto first = create_case(tmp.path() / "b", draft("DA-100"), options({}, "IR-{year}-{seq:04}"));
    ASSERT_TRUE(first) << first.error().to_string();
    EXPECT_EQ(first->ticket_id, "IR-2026-0001");
    EXPECT_EQ(first->ticket_origin, "ticket scheme IR-{year}-{seq:04}");
    EXPECT_EQ(ticket_in(tmp.path() / "b"), "IR-2026-0001");
    auto second = create_case(tmp.path() / "c", draft("DA-101"), options());
    ASSERT_TRUE(second) << second.error().to_string();
    EXPECT_EQ(second->ticket_id, "IR-2026-0002");

    // An explicit ticket wins over everything and does not use a number.
    auto given = create_case(tmp.path() / "d", draft("DA-102"), options("IR-2025-1142"));
    ASSERT_TRUE(given) << given.error().to_string();
    EXPECT_EQ(given->ticket_id, "IR-2025-1142");
    auto third = create_case(tmp.path() / "e", draft(), options());
    ASSERT_TRUE(third);
    EXPECT_EQ(third->ticket_id, "IR-2026-0003");

    // A refused folder does not use a number either.
    fs::create_directories(tmp.path() / "f");
    std::ofstream(tmp.path() / "f" / "x") << "x";
    ASSERT_FALSE(create_case(tmp.path() / "f", draft(), options()));
    auto fourth = create_case(tmp.path() / "g", draft(), options());
    ASSERT_TRUE(fourth);
    EXPECT_EQ(fourth->ticket_id, "IR-2026-0004");
}

TEST(NewCase, BadSchemeIsAUsageError) {
    TempDir tmp;
    auto bad = create_case(tmp.path() / "a", draft(), options({}, "IR-{year}"));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::bad_usage);
    EXPECT_FALSE(fs::exists(tmp.path() / "a"));
}

} // namespace
} // namespace casefile::intake
