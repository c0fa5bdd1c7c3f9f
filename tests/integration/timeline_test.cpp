// `casefile timeline` and the consistency checks of `casefile validate` on the example.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "support/run_command.hpp"

namespace casefile {
namespace {

using testing::run_casefile;

const std::string kExample = std::string(CASEFILE_SOURCE_DIR) + "/examples/IR-2025-1142";

TEST(Timeline, ExampleOrdersEvidenceAndListsTheAuthEventAsUntimed) {
    auto r = run_casefile({"timeline", kExample, "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::pair<std::string, std::string>> evidence;
    std::vector<std::string> untimed;
    for (const std::string_view line : split_lines(r.out)) {
        const auto row = nlohmann::json::parse(line);
        if (row["time"].is_null()) {
            untimed.push_back(row["origin"]);
        } else if (row["kind"] == "evidence") {
            evidence.emplace_back(row["time"], row["origin"]);
            EXPECT_TRUE(row.contains("event"));
        }
    }
    EXPECT_EQ(evidence, (std::vector<std::pair<std::string, std::string>>{
                            {"2025-11-11T13:42:18Z", "EDR 1"},
                            {"2025-11-11T13:42:20Z", "Firewall 2"},
                            {"2025-11-11T13:43:03Z", "Proxy 4"}}));
    EXPECT_EQ(untimed, std::vector<std::string>{"Auth 3"});
}

TEST(Timeline, CsvAndTextForms) {
    auto csv = run_casefile({"timeline", kExample, "--format", "csv"});
    ASSERT_EQ(csv.exit_code, 0);
    EXPECT_TRUE(csv.out.starts_with("time,kind,origin,location,host,user,text\r\n"));
    EXPECT_NE(csv.out.find("2025-11-11T18:42:00Z,alert,Alert,"), std::string::npos);
    auto text = run_casefile({"timeline", kExample});
    ASSERT_EQ(text.exit_code, 0);
    // A person reads the text form: indicators in it are defanged.
    EXPECT_NE(text.out.find("185[.]199[.]109[.]15"), std::string::npos);
    EXPECT_NE(text.out.find("without a time:\n  Auth 3"), std::string::npos);
    EXPECT_EQ(run_casefile({"timeline", kExample, "--format", "xml"}).exit_code, 2);
}

TEST(Validate, ExampleReportsTheTimeShiftAndTheContainmentClaim) {
    auto r = run_casefile({"validate", kExample});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("case.yaml:11:3: warning: observed_at 2025-11-11T18:42:00Z is 4 h 59 min "
                         "after the earliest evidence (EDR 1, 2025-11-11T13:42:18Z): a whole "
                         "5-hour offset looks like local time taken as UTC [time-shift]"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("summary claims 'within 30 minutes', but the first containment action "
                         "(2025-11-11T18:50:00Z) came 5 h 7 min after the first malicious event"),
              std::string::npos);
    EXPECT_NE(r.err.find("alert.description says '13:42 UTC'"), std::string::npos);
    EXPECT_NE(r.err.find("case.yaml:36:7: warning: Auth 3 has no timestamp"), std::string::npos);
}

} // namespace
} // namespace casefile
