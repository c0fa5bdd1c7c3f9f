#include "support/reference_report.hpp"

#include <gtest/gtest.h>

#include "support/markdown_ast.hpp"

namespace casefile::testing {

const std::vector<std::string_view>& reference_facts() {
    static const std::vector<std::string_view> facts = {
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
        "index=edr sourcetype=defender:events",
        "| where Timestamp > datetime(2025-11-11T12:30:00Z)",
        "\"Timestamp\": \"2025-11-11T13:42:18Z\"",
        "2025-11-11T13:42:20Z ALLOW TCP 10.0.5.22:49823 -> 185.199.109.15:443",
        "Logon Type: 10 (RemoteInteractive)",
        "2025-11-11T13:43:03Z GET hxxps[:]//cdn-dropbox[.]io/assets/finance_report_update.ps1",
        "$url = 'hxxps[:]//cdn-dropbox[.]io/assets/payload.exe';",
        "- cdn-dropbox[.]io",
        "- 185[.]199[.]109[.]15",
        "- hxxps://cdn-dropbox[.]io/assets/finance_report_update.ps1",
        "- `6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123`",
        "hxxps://cdn-dropbox[.]io/assets/payload.exe",
        "- update.exe",
        "- UpdateService",
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
        "- **[2025-11-13T18:20:04.216Z]** Escalated (recipient not recorded)",
        "At 13:42 UTC on Nov 11, suspicious PowerShell activity was detected",
        "The incident was contained within 30 minutes.",
        "- Enforce MFA for all users, no exceptions for service migrations.",
        "- Implement application allowlisting to prevent PowerShell web downloads.",
        "- Update Defender attack surface rules to block encoded commands.",
        "- Run retrospective IOC sweep for related infrastructure (185[.]199[.]*).",
        "- Conduct phishing awareness training for Finance users.",
        "- Review firewall egress policies and block all unknown country IPs.",
    };
    return facts;
}

void expect_no_reference_defects(const std::string& report) {
    const auto ast = parse_markdown(report);
    std::vector<std::string> infos;
    for (const auto& block : ast.code_blocks) {
        infos.push_back(block.info);
    }
    // Fences follow the content: kql for KQL, json only for the JSON EDR event.
    EXPECT_EQ(infos, (std::vector<std::string>{"spl", "kql", "json", "text", "text", "text",
                                               "powershell"}));
    ASSERT_FALSE(ast.code_blocks.empty());
    EXPECT_EQ(ast.code_blocks.back().literal.find('|'), std::string::npos)
        << "table rows pasted into the command block";
    EXPECT_EQ(report.find("****"), std::string::npos);
    EXPECT_EQ(report.find("- \n"), std::string::npos);
    EXPECT_EQ(report.find("\xE2\x80\xA2"), std::string::npos) << "a '•' pseudo-bullet";
    EXPECT_EQ(ast.text.find("[:]//"), std::string::npos) << "a second defang style";
    for (const char* live : {"https://", "http://", "cdn-dropbox.io", "185.199.109.15",
                             "j.smith@contoso.com", "sandbox-screenshot.com"}) {
        EXPECT_EQ(ast.text.find(live), std::string::npos) << live;
    }
    EXPECT_TRUE(ast.links.empty());
    EXPECT_TRUE(ast.inline_html.empty());
}

} // namespace casefile::testing
