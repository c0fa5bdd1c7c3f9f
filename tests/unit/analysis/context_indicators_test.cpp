#include <gtest/gtest.h>

#include "analysis/context_indicators.hpp"

namespace casefile::analysis {
namespace {

std::vector<std::string> task_names(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& found : find_context_indicators(text)) {
        EXPECT_EQ(found.type, model::IndicatorType::scheduled_task);
        out.push_back(found.value);
    }
    return out;
}

TEST(ContextIndicators, SchtasksTaskNames) {
    EXPECT_EQ(task_names("Spawns cmd.exe /c schtasks /create /tn UpdateService"),
              std::vector<std::string>{"UpdateService"});
    EXPECT_EQ(task_names("SCHTASKS /Create /SC ONLOGON /TN \"Adobe Updater\" /TR c:\\a.exe"),
              std::vector<std::string>{"Adobe Updater"});
    EXPECT_EQ(task_names("Register-ScheduledTask -TaskName 'Sync Task' -Action $a"),
              std::vector<std::string>{"Sync Task"});
}

TEST(ContextIndicators, NothingWithoutTheCommand) {
    EXPECT_TRUE(task_names("the /tn flag names a task").empty());
    EXPECT_TRUE(task_names("schtasks /query\n/tn next-line-does-not-count").empty());
}

TEST(ContextIndicators, CommonProgramNames) {
    EXPECT_TRUE(is_common_program_name("powershell.exe"));
    EXPECT_TRUE(is_common_program_name("CMD.EXE"));
    EXPECT_FALSE(is_common_program_name("update.exe"));
}

} // namespace
} // namespace casefile::analysis
