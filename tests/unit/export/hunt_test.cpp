#include <cstdlib>
#include <regex>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "analysis/analyze.hpp"
#include "core/file_io.hpp"
#include "core/text.hpp"
#include "export/hunts/hunt.hpp"
#include "export/hunts/hunt_plan.hpp"
#include "export_fixtures.hpp"
#include "query_lint.hpp"
#include "support/json_schema.hpp"

namespace casefile::exporting {
namespace {

namespace fs = std::filesystem;
using testing::fixed_options;
using testing::QueryDialect;

std::string hunt(const model::Case& c, const analysis::Analysis& a, HuntLanguage l,
                 std::string_view lookback = "30d") {
    HuntOptions h;
    h.lookback = *parse_lookback(lookback);
    auto r = hunt_query(c, a, l, h, fixed_options());
    EXPECT_TRUE(r) << r.error().message;
    return r ? r->text : std::string();
}

std::string example(HuntLanguage l) {
    return hunt(testing::example_case(), testing::example_analysis(), l);
}
std::string all_types(HuntLanguage l) {
    return hunt(testing::all_types_case(), testing::all_types_analysis(), l);
}

TEST(Hunt, LookbackParses) {
    EXPECT_EQ(parse_lookback("30d")->to_string(), "30d");
    EXPECT_EQ(parse_lookback(" 12H ")->to_string(), "12h");
    EXPECT_EQ(parse_lookback("2w")->duration(), std::chrono::hours(24 * 14));
    for (const char* bad : {"", "d", "30", "-3d", "0d", "3y", "1.5d", "99999999999999d"}) {
        const auto r = parse_lookback(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().code, ErrorCode::bad_usage);
        EXPECT_FALSE(r.error().hint.empty());
    }
}

TEST(Hunt, MatchesGoldenFiles) {
    const fs::path dir = testing::kSource / "tests/golden/hunts";
    for (const auto& [lang, file] : {std::pair{HuntLanguage::kql, "IR-2025-1142.kql"},
                                     std::pair{HuntLanguage::spl, "IR-2025-1142.spl"},
                                     std::pair{HuntLanguage::esql, "IR-2025-1142.esql"},
                                     std::pair{HuntLanguage::sigma, "IR-2025-1142.sigma.yml"}}) {
        const std::string text = example(lang);
        if (std::getenv("CASEFILE_UPDATE_GOLDEN") != nullptr) {
            fs::create_directories(dir);
            ASSERT_TRUE(write_file_atomic(dir / file, text));
        }
        const auto expected = read_file(dir / file);
        ASSERT_TRUE(expected) << "run with CASEFILE_UPDATE_GOLDEN=1 to create " << file;
        EXPECT_EQ(text, *expected) << file;
    }
}

TEST(Hunt, KqlSplEsqlAreBalanced) {
    for (const auto& [lang, dialect] : {std::pair{HuntLanguage::kql, QueryDialect::kql},
                                        std::pair{HuntLanguage::spl, QueryDialect::spl},
                                        std::pair{HuntLanguage::esql, QueryDialect::esql}}) {
        for (const std::string& q : {example(lang), all_types(lang)}) {
            EXPECT_EQ(testing::lint_query(q, dialect), "") << q;
        }
    }
}

TEST(Hunt, QueryLintCatchesBrokenQueries) {
    EXPECT_NE(testing::lint_query("T | where a == \"x", QueryDialect::kql), "");
    EXPECT_NE(testing::lint_query("T | where a in (\"x\"", QueryDialect::kql), "");
    EXPECT_NE(testing::lint_query("T | where a == \"x\\\"", QueryDialect::kql), "");
    EXPECT_NE(testing::lint_query("| append [| tstats count", QueryDialect::spl), "");
    EXPECT_NE(testing::lint_query("```open comment", QueryDialect::spl), "");
    EXPECT_NE(testing::lint_query("FROM x | WHERE a IN (\"b\"))", QueryDialect::esql), "");
    EXPECT_EQ(testing::lint_query("// \"not a string\nT | where a == 'it\\'s'", QueryDialect::kql),
              "");
}

TEST(Hunt, KqlUsesDefenderTablesAndDefinesEveryList) {
    const std::string q = all_types(HuntLanguage::kql);
    for (const char* table :
         {"DeviceNetworkEvents", "DeviceFileEvents", "DeviceProcessEvents", "DeviceRegistryEvents",
          "DeviceEvents", "EmailEvents", "EmailUrlInfo", "UrlClickEvents", "DeviceLogonEvents"}) {
        EXPECT_NE(q.find(std::string("(") + table + "\n"), std::string::npos) << table;
    }
    std::set<std::string> defined;
    std::set<std::string> used;
    const std::regex let(R"(let (\w+) =)");
    for (auto it = std::sregex_iterator(q.begin(), q.end(), let); it != std::sregex_iterator();
         ++it) {
        defined.insert((*it)[1]);
    }
    const std::regex ref(R"(\b(ioc\w+)\b)");
    for (auto it = std::sregex_iterator(q.begin(), q.end(), ref); it != std::sregex_iterator();
         ++it) {
        used.insert((*it)[1]);
    }
    for (const auto& name : used) {
        EXPECT_TRUE(defined.count(name)) << name << " is used but never defined";
    }
    EXPECT_NE(q.find("let lookback = 30d;"), std::string::npos);
    EXPECT_NE(q.find("ipv4_is_in_any_range(RemoteIP, iocIpv4Ranges)"), std::string::npos);
    // String literal escaping: quote and backslash escaped, nothing else changed.
    EXPECT_NE(q.find(R"("Invoice \"Q4\" – it's due \\ now *urgent?*")"), std::string::npos);
    EXPECT_NE(q.find(R"("Software\\Microsoft\\Windows\\CurrentVersion\\Run\\updater")"),
              std::string::npos);
    // The title with quotes and backslashes sits in a comment, on one line.
    EXPECT_NE(q.find("// casefile hunt for IR-TEST-7: Every \"type\""), std::string::npos);
    EXPECT_NE(q.find("Not searched: CVE-2024-3400 (cve)"), std::string::npos);
}

TEST(Hunt, SplUsesCimDataModelsAndLeavesOutWildcardValues) {
    const std::string q = all_types(HuntLanguage::spl);
    for (const char* model : {"datamodel=Network_Traffic.All_Traffic", "datamodel=Web.Web",
                              "datamodel=Network_Resolution.DNS", "datamodel=Endpoint.Filesystem",
                              "datamodel=Endpoint.Processes", "datamodel=Endpoint.Registry",
                              "datamodel=Email.All_Email"}) {
        EXPECT_NE(q.find(model), std::string::npos) << model;
    }
    EXPECT_NE(q.find("earliest=-30d"), std::string::npos);
    EXPECT_NE(q.find(R"(All_Traffic.dest_ip="198.51.100.0/24")"), std::string::npos);
    // The subject holds * and ?: SPL cannot escape *, so it is named, not searched.
    for (const auto& line : split_lines(q)) {
        if (line.find("Invoice") != std::string_view::npos) {
            EXPECT_TRUE(line.starts_with("```Not searched: Invoice")) << line;
        }
    }
    EXPECT_NE(q.find(R"("C:\\Users\\Public\\Documents\\invoice.pdf.exe")"), std::string::npos);
    EXPECT_EQ(q.find("``` "), std::string::npos);
}

TEST(Hunt, EsqlIsOneQueryPerFamilyOverEcs) {
    const std::string q = all_types(HuntLanguage::esql);
    size_t queries = 0;
    for (size_t at = q.find("\nFROM logs-*\n"); at != std::string::npos;
         at = q.find("\nFROM logs-*\n", at + 1)) {
        ++queries;
    }
    EXPECT_EQ(queries, 10u);
    EXPECT_NE(q.find("WHERE @timestamp >= NOW() - 30 days"), std::string::npos);
    EXPECT_NE(q.find(R"(TO_IP("45.33.32.156"))"), std::string::npos);
    EXPECT_NE(q.find(R"(CIDR_MATCH(destination.ip, "198.51.100.0/24"))"), std::string::npos);
    EXPECT_NE(q.find(R"(email.subject IN ("Invoice \"Q4\" – it's due \\ now *urgent?*"))"),
              std::string::npos);
    // LIKE escapes its own wildcards before the string is escaped.
    EXPECT_NE(q.find(R"(process.command_line LIKE "*\\\\Microsoft\\\\Windows\\\\Up date*")"),
              std::string::npos);
    HuntOptions h;
    h.esql_index = "logs-*\n| DROP x";
    const auto bad = hunt_query(testing::all_types_case(), testing::all_types_analysis(),
                                HuntLanguage::esql, h, fixed_options());
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::bad_usage);
}

nlohmann::json to_json(const YAML::Node& n) {
    switch (n.Type()) {
    case YAML::NodeType::Map: {
        nlohmann::json o = nlohmann::json::object();
        for (const auto& kv : n) {
            o[kv.first.as<std::string>()] = to_json(kv.second);
        }
        return o;
    }
    case YAML::NodeType::Sequence: {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& item : n) {
            a.push_back(to_json(item));
        }
        return a;
    }
    case YAML::NodeType::Scalar:
        return n.as<std::string>();
    default:
        return nullptr;
    }
}

/// The rules of a Sigma file, checked for the structure the specification requires.
std::vector<YAML::Node> sigma_rules(const std::string& text) {
    std::vector<YAML::Node> rules;
    for (const auto& doc : YAML::LoadAll(text)) {
        if (doc.IsNull()) {
            continue; // the header comment document
        }
        EXPECT_TRUE(doc.IsMap());
        rules.push_back(doc);
    }
    return rules;
}

TEST(Hunt, SigmaRulesFollowTheSpecification) {
    const fs::path schema = testing::kSource / "tests/data/sigma/sigma-rule.schema.json";
    std::vector<std::string> documents;
    for (const std::string& text : {example(HuntLanguage::sigma), all_types(HuntLanguage::sigma)}) {
        const auto rules = sigma_rules(text);
        ASSERT_FALSE(rules.empty());
        std::set<std::string> ids;
        for (const auto& rule : rules) {
            documents.push_back(to_json(rule).dump());
            EXPECT_TRUE(ids.insert(rule["id"].as<std::string>()).second);
            // The condition names only selections that exist.
            const std::string condition = rule["detection"]["condition"].as<std::string>();
            std::vector<std::string> names;
            for (const auto& kv : rule["detection"]) {
                if (kv.first.as<std::string>() != "condition") {
                    names.push_back(kv.first.as<std::string>());
                }
            }
            if (condition == "1 of selection_*") {
                EXPECT_GE(names.size(), 2u);
                for (const auto& n : names) {
                    EXPECT_TRUE(n.starts_with("selection_")) << n;
                }
            } else {
                EXPECT_EQ(names, std::vector<std::string>{condition});
            }
        }
    }
    const auto check = casefile::testing::validate_json_documents(schema, documents);
    EXPECT_TRUE(check.ok) << check.output;
    EXPECT_NE(check.output.find("ok: " + std::to_string(documents.size()) + " documents valid"),
              std::string::npos);
}

TEST(Hunt, SigmaValuesEscapeWildcardsAndQuotes) {
    const auto rules = sigma_rules(all_types(HuntLanguage::sigma));
    std::map<std::string, std::vector<std::string>> values; // field -> values, all rules
    std::set<std::string> tags;
    for (const auto& rule : rules) {
        for (const auto& kv : rule["detection"]) {
            if (kv.second.IsMap()) {
                for (const auto& field : kv.second) {
                    for (const auto& v : field.second) {
                        values[field.first.as<std::string>()].push_back(v.as<std::string>());
                    }
                }
            }
        }
        for (const auto& t : rule["tags"]) {
            tags.insert(t.as<std::string>());
        }
    }
    const auto has = [&](const std::string& field, const std::string& v) {
        const auto& list = values[field];
        return std::find(list.begin(), list.end(), v) != list.end();
    };
    EXPECT_TRUE(has("CommandLine|contains", "\\Microsoft\\Windows\\Up date"));
    EXPECT_TRUE(has("TargetFilename", "C:\\Users\\Public\\Documents\\invoice.pdf.exe"));
    EXPECT_TRUE(has("TargetFilename|endswith", "\\update.exe"));
    EXPECT_TRUE(has("c-useragent", "Mozilla/5.0 (evil; 'x') \"y\""));
    EXPECT_TRUE(has("dst_ip|cidr", "198.51.100.0/24"));
    EXPECT_TRUE(has("query", "*.evil-cdn.net"));
    EXPECT_TRUE(has("Hashes|contains",
                    "SHA256=275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f"));
    EXPECT_EQ(tags, (std::set<std::string>{"attack.t1566.001", "attack.t1059.001", "tlp.amber"}));
    // A literal wildcard is escaped (the URL's query string has none; check the helper directly
    // through a case whose file name holds one).
    model::Case c = testing::all_types_case();
    c.indicators.push_back({model::IndicatorType::filename, "what?.exe", "", "", {}});
    c.indicators.push_back({model::IndicatorType::filename, "a*b\\.exe", "", "", {}});
    const analysis::Analysis a = analysis::analyze(c, testing::extractor());
    const std::string text = hunt(c, a, HuntLanguage::sigma);
    EXPECT_NE(text.find("'\\what\\?.exe'"), std::string::npos) << text;
}

TEST(Hunt, PathsWrittenWithVariablesAreHuntedByFileName) {
    // Logs record C:\Users\x\AppData\Local\Temp\update.exe, never $env:TEMP\update.exe.
    model::Case c = testing::all_types_case();
    c.indicators.clear();
    for (const char* path : {"$env:TEMP\\update.exe", "%APPDATA%\\run.ps1", "~/.cache/x.sh",
                             "C:\\ProgramData\\evil.dll"}) {
        c.indicators.push_back({model::IndicatorType::file_path, path, "", "", {}});
    }
    const hunts::HuntPlan p = hunts::make_plan(analysis::analyze(c, testing::extractor()));
    EXPECT_EQ(p.file_paths, (std::vector<std::string>{"C:\\ProgramData\\evil.dll"}));
    for (const char* name : {"update.exe", "run.ps1", "x.sh", "evil.dll"}) {
        EXPECT_NE(std::find(p.file_names.begin(), p.file_names.end(), name), p.file_names.end())
            << name;
    }
}

TEST(Hunt, EmptyPlanSaysSo) {
    model::Case c = testing::all_types_case();
    c.indicators.clear();
    c.logs.clear();
    c.osint.clear();
    const analysis::Analysis a = analysis::analyze(c, testing::extractor());
    for (const auto l :
         {HuntLanguage::kql, HuntLanguage::spl, HuntLanguage::esql, HuntLanguage::sigma}) {
        const std::string q = hunt(c, a, l);
        EXPECT_NE(q.find("no indicators"), std::string::npos) << q;
    }
}

} // namespace
} // namespace casefile::exporting
