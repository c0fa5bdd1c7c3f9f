// Runs the real binary: `casefile new --from-alert` for every format, then `casefile
// validate`; the reference incident's alert overview and entity details; and the errors a user
// meets on the way.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>

#include <date/date.h>
#include <gtest/gtest.h>

#include "model/case_yaml.hpp"
#include "support/run_command.hpp"

namespace casefile {
namespace {

using testing::run_casefile;
using testing::TempDir;
namespace fs = std::filesystem;

std::string alert(std::string_view relative) {
    return std::string(CASEFILE_SOURCE_DIR) + "/tests/data/alerts/" + std::string(relative);
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// "- **Label:** value" lines of one "## Section" of a Markdown report.
std::map<std::string, std::string> report_fields(const std::string& report,
                                                 const std::string& section) {
    std::map<std::string, std::string> fields;
    const size_t start = report.find("## " + section);
    const size_t end = report.find("\n## ", start + 3);
    std::istringstream lines(report.substr(start, end - start));
    std::string line;
    while (std::getline(lines, line)) {
        const size_t close = line.find(":** ");
        if (line.starts_with("- **") && close != std::string::npos) {
            fields[line.substr(4, close - 4)] = line.substr(close + 4);
        }
    }
    return fields;
}

std::string refang(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c != '[' && c != ']') {
            out += c;
        }
    }
    return out;
}

class ReferenceIncident : public ::testing::Test {
protected:
    void SetUp() override {
        reference_ = slurp(std::string(CASEFILE_SHARED_DIR) + "/reference/IR-2025-1142.md");
        ASSERT_FALSE(reference_.empty()) << "the reference report is missing";
        overview_ = report_fields(reference_, "Alert Overview");
        entities_ = report_fields(reference_, "User/Entity Details");
    }

    /// Opens the reference incident from `sample`, validates it and loads it back.
    model::Case open_case(const std::string& sample) {
        const fs::path dir = tmp_.path() / "IR-2025-1142";
        auto made = run_casefile(
            {"new", dir.string(), "--from-alert", alert(sample), "--ticket", "IR-2025-1142"});
        EXPECT_EQ(made.exit_code, 0) << made.err;
        auto checked = run_casefile({"validate", dir.string()});
        EXPECT_EQ(checked.exit_code, 0) << checked.err;
        EXPECT_NE(checked.out.find("valid (0 errors, 0 warnings)"), std::string::npos)
            << checked.err;
        auto loaded = model::load_case_folder(dir);
        EXPECT_TRUE(loaded && loaded->ok());
        return loaded ? loaded->value : model::Case{};
    }

    TempDir tmp_;
    std::string reference_;
    std::map<std::string, std::string> overview_;
    std::map<std::string, std::string> entities_;
};

TEST_F(ReferenceIncident, DefenderForEndpointAlertGivesTheAlertOverview) {
    const model::Case c = open_case("defender-endpoint/ir-2025-1142.json");
    EXPECT_EQ(c.alert.ticket_id, overview_.at("Ticket ID"));
    EXPECT_EQ(c.alert.source, overview_.at("Source"));
    EXPECT_EQ(c.alert.title, overview_.at("Alert Title"));
    EXPECT_EQ(model::display_name(c.alert.severity), overview_.at("Severity"));
    EXPECT_EQ(c.alert.description, overview_.at("Description"));
    // The reference's Observed At (18:42Z) is its documented defect: the alert's first event,
    // which its description and the evidence confirm, is 13:42:18Z.
    EXPECT_EQ(overview_.at("Observed At"), "2025-11-11T18:42:00.000Z");
    EXPECT_EQ(format_time(c.alert.observed_at), "2025-11-11T13:42:18Z");
    EXPECT_EQ(c.alert.status, model::CaseStatus::open);
    EXPECT_EQ(c.alert.tlp, model::Tlp::amber);
    ASSERT_FALSE(c.logs.empty());
    EXPECT_EQ(c.logs[0].file, "evidence/alert-defender-endpoint.json");
    EXPECT_EQ(c.logs[0].kind, model::LogKind::edr);
    EXPECT_NE(c.logs[0].text.find("\"firstEventTime\": \"2025-11-11T13:42:18Z\""),
              std::string::npos);
}

TEST_F(ReferenceIncident, DefenderForEndpointAlertGivesTheEntityDetailsItCarries) {
    const model::Case c = open_case("defender-endpoint/ir-2025-1142.json");
    ASSERT_EQ(c.entities.users.size(), 1U);
    const model::User& u = c.entities.users[0];
    EXPECT_EQ(u.sid, entities_.at("User ID"));
    EXPECT_EQ(u.upn, refang(entities_.at("Email")));
    EXPECT_EQ(u.account, "CONTOSO\\j.smith");
    // The Defender for Endpoint API has no display name, mailbox or job title: none is made up.
    EXPECT_EQ(u.name, "");
    EXPECT_EQ(u.email, "");
    EXPECT_EQ(u.title, "");
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, entities_.at("Device ID"));
    EXPECT_EQ(c.entities.devices[0].hostname, entities_.at("Hostname"));
    const auto ip = std::find_if(c.indicators.begin(), c.indicators.end(),
                                 [](const auto& i) { return i.value == "185.199.109.15"; });
    ASSERT_NE(ip, c.indicators.end());
    EXPECT_EQ(ip->type, model::IndicatorType::ipv4);
}

TEST_F(ReferenceIncident, DefenderXdrAlertAlsoGivesNameAndEmail) {
    const model::Case c = open_case("graph-alert/ir-2025-1142.json");
    EXPECT_EQ(c.alert.ticket_id, overview_.at("Ticket ID"));
    EXPECT_EQ(c.alert.source, overview_.at("Source"));
    EXPECT_EQ(c.alert.title, overview_.at("Alert Title"));
    EXPECT_EQ(model::display_name(c.alert.severity), overview_.at("Severity"));
    EXPECT_EQ(c.alert.description, overview_.at("Description"));
    ASSERT_EQ(c.entities.users.size(), 1U);
    const model::User& u = c.entities.users[0];
    EXPECT_EQ(u.sid, entities_.at("User ID"));
    EXPECT_EQ(u.name, entities_.at("User Name"));
    EXPECT_EQ(u.email, refang(entities_.at("Email")));
    // No export carries the job title ("Finance Analyst"); the analyst adds it.
    EXPECT_EQ(entities_.at("Title"), "Finance Analyst");
    EXPECT_EQ(u.title, "");
    ASSERT_EQ(c.entities.devices.size(), 1U);
    EXPECT_EQ(c.entities.devices[0].id, entities_.at("Device ID"));
    EXPECT_EQ(c.entities.devices[0].hostname, entities_.at("Hostname"));
}

TEST(CliAlertIntake, EverySampleMakesAValidCase) {
    TempDir tmp;
    const std::vector<std::vector<std::string>> runs = {
        {"defender-endpoint/credential-dumping.json"},
        {"graph-alert/phishing-mdo.json"},
        {"graph-alert/list-two-alerts.json", "--alert-index", "0"},
        {"sentinel-incident/incident-1142.json", "--entities",
         alert("sentinel-incident/incident-1142-entities.json")},
        {"sentinel-incident/incident-2077-cli.json", "--entities",
         alert("sentinel-incident/entities-odd.json")},
        {"splunk-notable/notable-results.json"},
        {"splunk-notable/notable-export.jsonl", "--alert-index", "1"},
        {"splunk-notable/notable-orig-fields.json"},
        {"crowdstrike-detection/detection-powershell.json"},
        {"crowdstrike-detection/detection-mimikatz.json"},
        {"crowdstrike-alert/alert-powershell.json"},
        {"crowdstrike-alert/alert-lateral.json"},
        {"elastic-alert/alert-source.json"},
        {"elastic-alert/alert-search-response.json", "--alert-index", "1"},
        {"mapping/wazuh-alert.json", "--mapping", alert("mapping/wazuh.mapping.yaml")},
        {"mapping/acme-soar-case.json", "--mapping", alert("mapping/acme-soar.mapping.yaml")},
    };
    int n = 0;
    for (const auto& run : runs) {
        const fs::path dir = tmp.path() / ("case-" + std::to_string(++n));
        std::vector<std::string> args = {"new", dir.string(), "--from-alert", alert(run[0])};
        args.insert(args.end(), run.begin() + 1, run.end());
        auto made = run_casefile(args);
        ASSERT_EQ(made.exit_code, 0) << run[0] << "\n" << made.err;
        EXPECT_NE(made.out.find("created " + dir.string()), std::string::npos) << made.out;
        auto checked = run_casefile({"validate", dir.string()});
        EXPECT_EQ(checked.exit_code, 0) << run[0] << "\n" << checked.err;
    }
}

TEST(CliAlertIntake, SummaryAndNotes) {
    TempDir tmp;
    const fs::path dir = tmp.path() / "c";
    auto made = run_casefile({"new", dir.string(), "--from-alert",
                              alert("splunk-notable/notable-export.jsonl"), "--alert-index", "0"});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    EXPECT_NE(made.out.find("(splunk-notable, Splunk Enterprise Security)"), std::string::npos)
        << made.out;
    EXPECT_NE(made.out.find("observed  2025-11-11T13:52:00Z"), std::string::npos) << made.out;
    EXPECT_NE(made.out.find("entities  2 users, 1 device"), std::string::npos) << made.out;
    EXPECT_NE(made.out.find("evidence  evidence/alert-splunk-notable.json"), std::string::npos);
    EXPECT_NE(made.err.find("info: observed_at: 2025-11-11T13:52:00Z from firstTime (1762869120, "
                            "Unix time)"),
              std::string::npos)
        << made.err;
    EXPECT_NE(made.err.find("warning: the alert has no description"), std::string::npos);
}

TEST(CliAlertIntake, MissingRequiredFieldsWriteNothing) {
    TempDir tmp;
    const fs::path dir = tmp.path() / "c";
    auto refused = run_casefile(
        {"new", dir.string(), "--from-alert", alert("defender-endpoint/missing-fields.json")});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("error: the alert does not say when the activity began (looked for: "
                               "firstEventTime)"),
              std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("hint: pass --observed-at"), std::string::npos);
    EXPECT_NE(refused.err.find("nothing was written"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir));

    auto given = run_casefile({"new", dir.string(), "--from-alert",
                               alert("defender-endpoint/missing-fields.json"), "--observed-at",
                               "2025-11-15T02:05:00Z", "--severity", "low"});
    EXPECT_EQ(given.exit_code, 0) << given.err;
    EXPECT_EQ(run_casefile({"validate", dir.string()}).exit_code, 0);
}

TEST(CliAlertIntake, BadInputIsLocatedAndExplained) {
    TempDir tmp;
    auto json = run_casefile({"new", (tmp.path() / "a").string(), "--from-alert",
                              alert("malformed/trailing-comma.json")});
    EXPECT_EQ(json.exit_code, 1);
    EXPECT_NE(json.err.find("trailing-comma.json:4:1: error: not valid JSON"), std::string::npos)
        << json.err;

    auto unknown = run_casefile({"new", (tmp.path() / "b").string(), "--from-alert",
                                 alert("malformed/unknown-product.json")});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("cannot tell which product"), std::string::npos);
    EXPECT_NE(unknown.err.find("crowdstrike-detection"), std::string::npos);
    EXPECT_NE(unknown.err.find("--mapping FILE"), std::string::npos);

    auto missing = run_casefile(
        {"new", (tmp.path() / "c").string(), "--from-alert", (tmp.path() / "nope.json").string()});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("cannot read"), std::string::npos) << missing.err;

    auto mapping = run_casefile({"new", (tmp.path() / "d").string(), "--from-alert",
                                 alert("mapping/wazuh-alert.json"), "--mapping",
                                 alert("mapping/wazuh-alert.json")});
    EXPECT_EQ(mapping.exit_code, 1);
    EXPECT_NE(mapping.err.find("wazuh-alert.json:1:2: error: unknown key 'timestamp'"),
              std::string::npos)
        << mapping.err;

    for (const char* name : {"a", "b", "c", "d"}) {
        EXPECT_FALSE(fs::exists(tmp.path() / name)) << name;
    }
}

TEST(CliAlertIntake, UsageErrorsExitTwo) {
    TempDir tmp;
    const std::string dir = (tmp.path() / "c").string();
    const std::string defender = alert("defender-endpoint/ir-2025-1142.json");
    auto source = run_casefile({"new", dir, "--from-alert", defender, "--source", "qradar"});
    EXPECT_EQ(source.exit_code, 2);
    EXPECT_NE(source.err.find("unknown alert format 'qradar'"), std::string::npos);
    auto entities = run_casefile({"new", dir, "--entities", defender});
    EXPECT_EQ(entities.exit_code, 2);
    auto tlp = run_casefile({"new", dir, "--from-alert", defender, "--tlp", "orange"});
    EXPECT_EQ(tlp.exit_code, 2);
    EXPECT_NE(tlp.err.find("unknown TLP label 'orange'"), std::string::npos);
    auto time = run_casefile({"new", dir, "--from-alert", defender, "--observed-at", "13:42"});
    EXPECT_EQ(time.exit_code, 2);
    EXPECT_NE(time.err.find("--observed-at: malformed time"), std::string::npos);
    auto index = run_casefile({"new", dir, "--from-alert", defender, "--alert-index", "3"});
    EXPECT_EQ(index.exit_code, 2);
    auto scheme = run_casefile({"new", dir, "--from-alert", defender, "--ticket-scheme", "IR-1"});
    EXPECT_EQ(scheme.exit_code, 2);
    EXPECT_NE(scheme.err.find("it has no {seq}"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir));
}

TEST(CliAlertIntake, ForceReplacesAnExistingCase) {
    TempDir tmp;
    const std::string dir = (tmp.path() / "c").string();
    const std::string defender = alert("defender-endpoint/ir-2025-1142.json");
    ASSERT_EQ(run_casefile({"new", dir, "--from-alert", defender}).exit_code, 0);
    std::ofstream(tmp.path() / "c" / "notes.txt") << "keep me";
    auto refused = run_casefile({"new", dir, "--from-alert", defender});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("already exists"), std::string::npos);
    EXPECT_TRUE(fs::exists(tmp.path() / "c" / "notes.txt"));
    auto forced = run_casefile({"new", dir, "--from-alert", defender, "--force"});
    EXPECT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_NE(forced.out.find("replaced " + dir), std::string::npos);
    EXPECT_FALSE(fs::exists(tmp.path() / "c" / "notes.txt"));
    EXPECT_EQ(run_casefile({"validate", dir}).exit_code, 0);
}

TEST(CliAlertIntake, TicketSchemeNumbersCasesPerFolder) {
    TempDir tmp;
    const std::string year = [] {
        const auto today = std::chrono::floor<date::days>(std::chrono::system_clock::now());
        return std::to_string(static_cast<int>(date::year_month_day(today).year()));
    }();
    fs::create_directories(tmp.path() / ("IR-" + year + "-0041"));
    auto first = run_casefile({"new", (tmp.path() / "next").string(), "--from-alert",
                               alert("elastic-alert/alert-source.json"), "--ticket-scheme",
                               "IR-{year}-{seq:04}"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_NE(first.out.find("ticket    IR-" + year + "-0042 (ticket scheme IR-{year}-{seq:04})"),
              std::string::npos)
        << first.out;
    // The scheme is remembered for this folder of cases, also for cases opened by hand.
    auto second = run_casefile({"new", (tmp.path() / "by-hand").string(), "--title", "Odd login"});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_NE(second.out.find("(ticket IR-" + year + "-0043)"), std::string::npos) << second.out;
    EXPECT_NE(slurp(tmp.path() / "by-hand" / "case.yaml").find("IR-" + year + "-0043"),
              std::string::npos);
}

TEST(CliAlertIntake, HelpExplainsFormatsAndShowsExamples) {
    auto help = run_casefile({"new", "--help"});
    EXPECT_EQ(help.exit_code, 0);
    for (const char* text : {"--from-alert", "--entities", "--mapping", "--ticket-scheme",
                             "--force", "defender-endpoint", "sentinel-incident", "Example:"}) {
        EXPECT_NE(help.out.find(text), std::string::npos) << text;
    }
}

} // namespace
} // namespace casefile
