#include <algorithm>

#include <gtest/gtest.h>

#include "render/document/report_document.hpp"
#include "render/markdown/markdown_report.hpp"
#include "support/markdown_ast.hpp"

namespace casefile::render {
namespace {

using namespace casefile::model;
using casefile::testing::parse_markdown;

const std::vector<std::string> kReferenceHeadings = {"SOC Investigation Report",
                                                     "Alert Overview",
                                                     "User/Entity Details",
                                                     "Evidence",
                                                     "Search Queries",
                                                     "Raw Logs",
                                                     "Indicators of Compromise (IoCs)",
                                                     "OSINT & Sandbox Analysis",
                                                     "Incident Timeline",
                                                     "Analysis & Triage Steps",
                                                     "Actions Taken",
                                                     "Escalations",
                                                     "Final Summary",
                                                     "Executive Summary for Leadership",
                                                     "Lessons Learned",
                                                     "Next Steps"};

Case minimal_case() {
    Case c;
    c.alert.ticket_id = "IR-1";
    c.alert.title = "Test";
    c.alert.observed_at = *parse_time("2025-11-11T13:42:18Z");
    return c;
}

std::vector<std::string> heading_texts(const std::string& markdown) {
    std::vector<std::string> out;
    for (const auto& h : parse_markdown(markdown).headings) {
        out.push_back(h.text);
    }
    return out;
}

TEST(MarkdownReport, EmptyCaseHasEverySectionAndSaysWhatIsMissing) {
    const std::string md = render_markdown(minimal_case(), {});
    EXPECT_EQ(heading_texts(md), kReferenceHeadings);
    const auto ast = parse_markdown(md);
    for (const char* sentence :
         {"No search queries were recorded.", "No raw logs were recorded.",
          "No indicators were recorded or found in the evidence.",
          "No analysis or triage steps were recorded.", "No escalations were recorded.",
          "No executive summary has been written yet."}) {
        EXPECT_NE(ast.text.find(sentence), std::string::npos) << sentence;
    }
    // No empty bullets and no empty bold markers anywhere.
    EXPECT_EQ(md.find("- \n"), std::string::npos);
    EXPECT_EQ(md.find("****"), std::string::npos);
    for (const auto& item : ast.list_items) {
        EXPECT_FALSE(item.empty());
    }
}

TEST(MarkdownReport, EvidenceNumberedWithinGroupsAndFencedByContent) {
    Case c = minimal_case();
    c.queries.push_back(Query{QueryLanguage::spl, "", "index=edr", "", {}, false});
    c.queries.push_back(Query{QueryLanguage::kql, "", "DeviceProcessEvents", "", {}, false});
    c.logs.push_back(RawLog{LogKind::edr, "", "", "{\"a\": 1}", "", {}, {}, false});
    c.logs.push_back(RawLog{LogKind::firewall, "", "", "ALLOW TCP a -> b", "", {}, {}, false});
    c.logs.push_back(RawLog{LogKind::auth, "", "Logon", "Logon Type: 10", "", {}, {}, false});
    c.commands.push_back(Command{ScriptLanguage::powershell, "", "Start-Process x", "", {}, false});
    const std::string md = render_markdown(c, {});
    const auto ast = parse_markdown(md);
    ASSERT_EQ(ast.code_blocks.size(), 6u);
    EXPECT_EQ(ast.code_blocks[0].info, "spl");
    EXPECT_EQ(ast.code_blocks[1].info, "kql");
    EXPECT_EQ(ast.code_blocks[2].info, "json");
    EXPECT_EQ(ast.code_blocks[3].info, "text");
    EXPECT_EQ(ast.code_blocks[4].info, "text");
    EXPECT_EQ(ast.code_blocks[5].info, "powershell");
    for (const char* summary :
         {"<summary>Splunk 1</summary>", "<summary>KQL 2</summary>", "<summary>EDR 1</summary>",
          "<summary>Firewall 2</summary>", "<summary>Auth 3: Logon</summary>",
          "<summary>Command 1</summary>"}) {
        EXPECT_NE(md.find(summary), std::string::npos) << summary;
    }
}

TEST(MarkdownReport, HostileEvidenceStaysInsideItsBlock) {
    Case c = minimal_case();
    const std::string hostile = "```\n</details>\n<script>alert(1)</script>\n# Injected\n"
                                "`````\n<img src=x onerror=alert(1)>\n~~~\n</summary>";
    c.logs.push_back(
        RawLog{LogKind::proxy, "", "</summary><script>x</script>", hostile, "", {}, {}, false});
    c.commands.push_back(Command{ScriptLanguage::other, "", hostile, "", {}, false});
    c.alert.description = "Normal text\n# Injected heading\n<script>alert(1)</script>\n"
                          "[click](javascript:alert(1)) ![i](x.png)\n</details>\n```";
    c.summary = hostile;
    c.lessons.push_back("<img src=x onerror=alert(1)>");
    c.actions.push_back(Action{std::nullopt, "## not a heading", "<b>actor</b>", {}});

    const std::string md = render_markdown(c, {});
    const auto ast = parse_markdown(md);
    EXPECT_EQ(heading_texts(md), kReferenceHeadings);
    EXPECT_TRUE(ast.inline_html.empty()) << ast.inline_html.front();
    EXPECT_TRUE(ast.links.empty()) << ast.links.front();
    // The only raw HTML is the report's own details/summary/div scaffolding.
    for (const auto& block : ast.html_blocks) {
        EXPECT_TRUE(block.starts_with("<details>") || block.starts_with("</details>") ||
                    block.starts_with("<div class=\"section-") || block.starts_with("</div>"))
            << block;
        EXPECT_EQ(block.find("<script"), std::string::npos) << block;
    }
    // Evidence comes through byte for byte, each in one code block.
    ASSERT_EQ(ast.code_blocks.size(), 2u);
    EXPECT_EQ(ast.code_blocks[0].literal, hostile + "\n");
    EXPECT_EQ(ast.code_blocks[1].literal, hostile + "\n");
    EXPECT_NE(md.find("<summary>Proxy 1: &lt;/summary&gt;&lt;script&gt;x&lt;/script&gt;</summary>"),
              std::string::npos);
}

TEST(MarkdownReport, EscalationWithoutRecipientIsSaidInWords) {
    Case c = minimal_case();
    c.escalations.push_back(Escalation{parse_time("2025-11-13T18:20:04.216Z").value(), "", "", {}});
    const std::string md = render_markdown(c, {});
    EXPECT_NE(md.find("- **[2025-11-13T18:20:04.216Z]** Escalated (recipient not recorded); "
                      "reason not recorded."),
              std::string::npos);
    EXPECT_EQ(md.find("****"), std::string::npos);
}

TEST(MarkdownReport, ProseGoesThroughTheDefangFilter) {
    Case c = minimal_case();
    c.alert.description = "Beacon to evil.example";
    c.summary = "evil.example again";
    RenderOptions options;
    options.defang_prose = [](std::string_view s) {
        std::string out(s);
        for (size_t at = out.find("evil.example"); at != std::string::npos;
             at = out.find("evil.example", at)) {
            out.replace(at, 12, "evil[.]example");
        }
        return out;
    };
    const std::string md = render_markdown(c, {}, options);
    EXPECT_NE(md.find("Beacon to evil[.]example"), std::string::npos);
    EXPECT_NE(md.find("evil[.]example again"), std::string::npos);
    EXPECT_EQ(md.find("evil.example"), std::string::npos);
}

analysis::CaseIndicator listed(IndicatorType type, std::string value, std::string defanged) {
    analysis::CaseIndicator i;
    i.type = type;
    i.value = std::move(value);
    i.defanged = std::move(defanged);
    i.listed = true;
    i.seen_in.push_back({"IoC list", {}});
    return i;
}

TEST(MarkdownReport, IndicatorsGroupedWithWarnings) {
    Case c = minimal_case();
    analysis::Analysis a;
    a.indicators.push_back(listed(IndicatorType::domain, "cdn-dropbox.io", "cdn-dropbox[.]io"));
    auto ip = listed(IndicatorType::ipv4, "185.199.109.15", "185[.]199[.]109[.]15");
    ip.classification = "public";
    ip.warninglists.push_back("List of known GitHub IP ranges");
    ip.seen_in.push_back({"EDR 1", {}});
    a.indicators.push_back(ip);
    auto hash = listed(IndicatorType::sha256, std::string(64, 'a'), std::string(64, 'a'));
    hash.file = "update.exe";
    a.indicators.push_back(hash);
    const std::string md = render_markdown(c, a);
    EXPECT_NE(md.find("**Domains:**\n- cdn-dropbox[.]io\n"), std::string::npos);
    EXPECT_NE(md.find("**IP Addresses:**\n- 185[.]199[.]109[.]15 _(seen in: EDR 1)_\n  - ⚠ On "
                      "warninglist List of known GitHub IP ranges"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("**File Hashes:**\n- `" + std::string(64, 'a') + "` (file: update.exe)"),
              std::string::npos);
}

TEST(MarkdownReport, WarninglistNamesGoThroughTheDefangFilter) {
    // MISP's GitHub list is named "List of known GitHub IP ranges (https://api.github.com/meta)":
    // the name is printed in the indicator's warning and in the decision it asks for.
    Case c = minimal_case();
    analysis::Analysis a;
    auto ip = listed(IndicatorType::ipv4, "185.199.109.15", "185[.]199[.]109[.]15");
    ip.warninglists.push_back("Known ranges (https://api.example.com/meta)");
    a.indicators.push_back(ip);
    const auto defang = [](std::string_view s) {
        std::string out(s);
        const std::string live = "https://api.example.com";
        for (size_t at = out.find(live); at != std::string::npos; at = out.find(live, at)) {
            out.replace(at, live.size(), "hxxps://api[.]example[.]com");
        }
        return out;
    };
    const std::string md = render_markdown(c, a, RenderOptions{defang});
    EXPECT_NE(md.find("⚠ On warninglist Known ranges (hxxps://api[.]example[.]com/meta)"),
              std::string::npos)
        << md;
    EXPECT_EQ(md.find("https://api.example.com"), std::string::npos) << md;
    // The leadership brief asks to approve or refuse blocking it, naming the list.
    auto brief = build_document(c, a, DocumentOptions{Audience::leadership, defang, nullptr});
    ASSERT_TRUE(brief);
    const auto brief_md = render_markdown(*brief);
    ASSERT_TRUE(brief_md);
    EXPECT_NE(brief_md->find("it is on Known ranges (hxxps://api[.]example[.]com/meta)"),
              std::string::npos)
        << *brief_md;
    EXPECT_EQ(brief_md->find("https://api.example.com"), std::string::npos) << *brief_md;
}

} // namespace
} // namespace casefile::render
