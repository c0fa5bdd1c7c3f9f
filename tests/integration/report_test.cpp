// `casefile report` on the example incident and on hostile input, through the real binary.
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "core/file_io.hpp"
#include "support/markdown_ast.hpp"
#include "support/run_command.hpp"

namespace casefile {
namespace {

using testing::parse_markdown;
using testing::run_casefile;
namespace fs = std::filesystem;

const fs::path kSource = CASEFILE_SOURCE_DIR;
const fs::path kExample = kSource / "examples/IR-2025-1142";
const fs::path kReference = fs::path(CASEFILE_SHARED_DIR) / "reference/IR-2025-1142.md";

std::string example_report() {
    auto r = run_casefile({"report", kExample.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

TEST(ExampleReport, MatchesGolden) {
    const std::string report = example_report();
    const fs::path golden = kSource / "tests/golden/IR-2025-1142/report.md";
    if (std::getenv("CASEFILE_UPDATE_GOLDEN") != nullptr) {
        fs::create_directories(golden.parent_path());
        ASSERT_TRUE(write_file_atomic(golden, report));
    }
    auto expected = read_file(golden);
    ASSERT_TRUE(expected) << "run with CASEFILE_UPDATE_GOLDEN=1 to create " << golden;
    EXPECT_EQ(report, *expected);
}

TEST(ExampleReport, HasTheReferenceHeadingsInOrder) {
    auto reference = read_file(kReference);
    ASSERT_TRUE(reference) << kReference;
    std::vector<std::pair<int, std::string>> want;
    for (const auto& h : parse_markdown(*reference).headings) {
        // casefile adds one section to the reference layout: the timeline after the evidence.
        if (h.text == "Analysis & Triage Steps") {
            want.emplace_back(2, "Incident Timeline");
        }
        want.emplace_back(h.level, h.text);
    }
    std::vector<std::pair<int, std::string>> got;
    for (const auto& h : parse_markdown(example_report()).headings) {
        got.emplace_back(h.level, h.text);
    }
    EXPECT_EQ(got, want);
}

TEST(ExampleReport, KeepsEveryFactOfTheReference) {
    const std::string report = example_report();
    for (const char* fact : {
             "**Ticket ID:** IR-2025-1142",
             "**Source:** Microsoft Defender for Endpoint",
             "**Alert Title:** Suspicious PowerShell activity initiating network connections",
             "**Observed At:** 2025-11-11T18:42:00Z",
             "**Severity:** Medium",
             "On Nov 11 at 13:42 UTC, Defender detected a PowerShell process on host FIN-SRV02",
             "originated from user j.smith[@]contoso[.]com via an RDP session",
             "**User ID:** S-1-5-21-214752146-1234567890-987654321-1180",
             "**User Name:** John Smith",
             "**Email:** j.smith[@]contoso[.]com",
             "**Title:** Finance Analyst",
             "**Device ID:** FIN-SRV02.contoso.local",
             "**Hostname:** FIN-SRV02",
             "- cdn-dropbox[.]io",
             "- 185[.]199[.]109[.]15",
             "- hxxps://cdn-dropbox[.]io/assets/finance_report_update.ps1",
             "- `6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123`",
             "hxxps://cdn-dropbox[.]io/assets/payload.exe",
             "- update.exe",
             "- UpdateService",
             "HTTPS POST beacon every 60s",
             "- Updated Finance Forecast Q4 2025",
             "**VirusTotal**:\n- cdn-dropbox[.]io/assets/payload.exe",
             "- 34 / 71 engines detected (e.g., Trojan.Agent, PowerShell/Loader.A)",
             "- First seen: 2025-11-10",
             "- Last seen: 2025-11-11",
             "Network Behavior: HTTPS C2 to 185[.]199[.]109[.]15",
             "- Classification: Downloader → RAT (AsyncRAT variant)",
             "**Hybrid Analysis**:",
             "- Creates update.exe in %TEMP%",
             "- Modifies registry for persistence",
             "- Spawns cmd.exe /c schtasks /create /tn UpdateService",
             "- Encoded PowerShell observed",
             "hxxps://sandbox-screenshot[.]com/FIN-SRV02_exec1.png (Caption: PowerShell window "
             "executing encoded command)",
             "- **[2025-11-11T18:50:00Z]** Analyst quarantined file update.exe via Defender portal",
             "- **[2025-11-11T18:53:00Z]** Disabled user account j.smith in Entra ID",
             "- **[2025-11-11T19:02:00Z]** Contained host FIN-SRV02 in Defender portal",
             "- **[2025-11-11T19:15:00Z]** Extracted forensic memory image for IR",
             "- **[2025-11-11T19:30:00Z]** Notified Finance IT manager of account compromise",
             "- **[2025-11-11T21:04:00Z]** Closed firewall egress rule temporarily for external "
             "IP 185[.]199[.]109[.]15",
             "- **[2025-11-13T18:20:04.216Z]** Escalated",
             "The incident was contained within 30 minutes.",
             "- Enforce MFA for all users, no exceptions for service migrations.",
             "- Run retrospective IOC sweep for related infrastructure (185[.]199[.]*).",
             "- Review firewall egress policies and block all unknown country IPs.",
         }) {
        EXPECT_NE(report.find(fact), std::string::npos) << fact;
    }
}

TEST(ExampleReport, HasNoneOfTheReferenceDefects) {
    const std::string report = example_report();
    const auto ast = parse_markdown(report);
    // Fences follow the content: kql for KQL, json only for the JSON EDR event.
    std::vector<std::string> infos;
    for (const auto& block : ast.code_blocks) {
        infos.push_back(block.info);
    }
    EXPECT_EQ(infos, (std::vector<std::string>{"spl", "kql", "json", "text", "text", "text",
                                               "powershell"}));
    // The command block holds only the script: no pasted table rows.
    EXPECT_EQ(ast.code_blocks.back().literal.find('|'), std::string::npos);
    EXPECT_EQ(report.find("****"), std::string::npos);
    EXPECT_EQ(report.find("- \n"), std::string::npos);
    EXPECT_EQ(report.find("\xE2\x80\xA2"), std::string::npos); // no "•" pseudo-bullets
    EXPECT_EQ(ast.text.find("[:]//"), std::string::npos);      // one defang style in prose...
    // ...and no live indicator anywhere outside code blocks.
    for (const char* live : {"https://", "http://", "cdn-dropbox.io", "185.199.109.15",
                             "j.smith@contoso.com", "sandbox-screenshot.com"}) {
        EXPECT_EQ(ast.text.find(live), std::string::npos) << live;
    }
    EXPECT_TRUE(ast.links.empty());
    EXPECT_TRUE(ast.inline_html.empty());
    // Each evidence block is the evidence file, byte for byte.
    for (const auto& [index, file] : std::vector<std::pair<size_t, const char*>>{
             {0, "splunk-1.spl"}, {2, "edr-1.json"}, {4, "auth-3.txt"}, {6, "command-1.ps1"}}) {
        EXPECT_EQ(ast.code_blocks[index].literal, *read_file(kExample / "evidence" / file));
    }
}

TEST(Report, HostileCaseStaysContained) {
    testing::TempDir tmp;
    fs::create_directories(tmp.path() / "evidence");
    std::ofstream(tmp.path() / "case.yaml")
        << "schema: casefile/1\nalert:\n  ticket_id: IR-X\n  title: \"<script>alert(1)</script>\"\n"
           "  observed_at: 2025-11-11T13:42:18Z\n  severity: high\n"
           "  description: \"# Heading\\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\"\n";
    std::ofstream(tmp.path() / "evidence/proxy.log")
        << "```\n</details>\n<script>alert(1)</script>\n# Not a heading\n"
           "GET http://evil-cdn.net/x \xE2\x80\xAE gnp.exe\n";
    auto r = run_casefile({"report", tmp.path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto ast = parse_markdown(r.out);
    EXPECT_EQ(ast.headings.size(), 16u);
    EXPECT_TRUE(ast.inline_html.empty());
    EXPECT_TRUE(ast.links.empty());
    ASSERT_EQ(ast.code_blocks.size(), 1u);
    EXPECT_NE(ast.code_blocks[0].literal.find("[U+202E]"), std::string::npos);
    EXPECT_NE(r.out.find("hxxp://evil-cdn[.]net/x"), std::string::npos);
}

TEST(Report, RefusesACaseWithErrors) {
    testing::TempDir tmp;
    std::ofstream(tmp.path() / "case.yaml") << "schema: casefile/1\nalert:\n  ticket_id: X\n";
    auto r = run_casefile({"report", tmp.path().string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find("is missing the required field 'title'"), std::string::npos);
}

TEST(Report, WritesTheFileAtomicallyWithDashO) {
    testing::TempDir tmp;
    const fs::path out = tmp.path() / "report.md";
    auto r = run_casefile({"report", kExample.string(), "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(*read_file(out), example_report());
}

} // namespace
} // namespace casefile
