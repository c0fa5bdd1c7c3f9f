// `casefile report` in every format and audience, the safety gate and the outside tools that
// read our output (pdftotext, LibreOffice, Chromium), through the real binary.
#include <fstream>

#include <gtest/gtest.h>

#include "core/file_io.hpp"
#include "support/markdown_ast.hpp"
#include "support/run_command.hpp"

namespace casefile {
namespace {

using testing::have_program;
using testing::run_casefile;
using testing::run_program;
using testing::TempDir;
namespace fs = std::filesystem;

const fs::path kExample = fs::path(CASEFILE_SOURCE_DIR) / "examples/IR-2025-1142";

TEST(ReportFormats, EveryFormatAndAudienceRendersTheExample) {
    TempDir tmp;
    for (const char* audience : {"full", "leadership", "external"}) {
        for (const char* format : {"md", "html", "pdf", "docx"}) {
            const fs::path out = tmp.path() / (std::string(audience) + "." + format);
            auto r = run_casefile(
                {"report", kExample.string(), "--audience", audience, "-o", out.string()});
            ASSERT_EQ(r.exit_code, 0) << audience << " " << format << "\n" << r.err;
            EXPECT_NE(r.err.find("sha256 "), std::string::npos) << r.err;
            EXPECT_NE(r.err.find(out.string()), std::string::npos);
            EXPECT_GT(fs::file_size(out), 1000u);
        }
    }
}

TEST(ReportFormats, Sha256OnStderrMatchesTheBytes) {
    auto r = run_casefile({"report", kExample.string(), "--format", "html"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    TempDir tmp;
    const fs::path file = tmp.path() / "r.html";
    std::ofstream(file, std::ios::binary) << r.out;
    if (have_program("sha256sum")) {
        auto sum = run_program({"sha256sum", file.string()});
        EXPECT_NE(r.err.find("sha256 " + sum.out.substr(0, 64) + "  -"), std::string::npos)
            << r.err << sum.out;
    }
}

TEST(ReportFormats, PdfTextHasEverySectionAndIndicator) {
    if (!have_program("pdftotext")) {
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    }
    TempDir tmp;
    const fs::path pdf = tmp.path() / "r.pdf";
    auto r = run_casefile({"report", kExample.string(), "-o", pdf.string(), "--paper", "letter"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto text = run_program({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
    ASSERT_EQ(text.exit_code, 0);
    for (const char* s : {"Alert Overview",
                          "User/Entity Details",
                          "Incident Timeline",
                          "Evidence",
                          "Search Queries",
                          "Raw Logs",
                          "Indicators of Compromise (IoCs)",
                          "OSINT & Sandbox Analysis",
                          "Analysis & Triage Steps",
                          "Actions Taken",
                          "Escalations",
                          "Final Summary",
                          "Executive Summary for Leadership",
                          "Lessons Learned",
                          "Next Steps",
                          "cdn-dropbox[.]io",
                          "185[.]199[.]109[.]15",
                          "finance_report_update.ps1",
                          "payload.exe",
                          "update.exe",
                          "UpdateService",
                          "Updated Finance Forecast Q4 2025",
                          "Page 1 of",
                          "TLP: not set"}) {
        EXPECT_NE(text.out.find(s), std::string::npos) << s;
    }
    // A SHA-256 is wider than its table column, so it wraps; its characters are all there.
    std::string joined;
    for (const char c : text.out) {
        if (c != '\n') {
            joined += c;
        }
    }
    EXPECT_NE(joined.find("6f24d69d1c9151e379a7dc45686b8ea624a7f9dc13bfc2a45c9ee5e99bdfc123"),
              std::string::npos);
}

TEST(ReportFormats, DocxOpensInLibreOfficeAndKeepsTheFacts) {
    const std::string soffice = have_program("soffice") ? "soffice" : "";
    if (soffice.empty()) {
        GTEST_SKIP() << "LibreOffice (soffice) is not installed: DOCX round trip not checked";
    }
    TempDir tmp;
    const fs::path docx = tmp.path() / "report.docx";
    auto r = run_casefile({"report", kExample.string(), "-o", docx.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto convert = run_program(
        {soffice, "-env:UserInstallation=file://" + (tmp.path() / "lo").string(), "--headless",
         "--convert-to", "pdf", "--outdir", tmp.path().string(), docx.string()});
    ASSERT_EQ(convert.exit_code, 0) << convert.out << convert.err;
    ASSERT_TRUE(fs::exists(tmp.path() / "report.pdf")) << convert.out << convert.err;
    if (have_program("pdftotext")) {
        auto text =
            run_program({"pdftotext", "-enc", "UTF-8", (tmp.path() / "report.pdf").string(), "-"});
        for (const char* s : {"Alert Overview", "Actions Taken", "cdn-dropbox[.]io",
                              "185[.]199[.]109[.]15", "TLP: not set", "Page 1 of",
                              "ProcessCommandLine", "Escalated (recipient not recorded)"}) {
            EXPECT_NE(text.out.find(s), std::string::npos) << s;
        }
    }
}

/// A case folder whose every field is hostile.
void write_hostile_case(const fs::path& dir) {
    fs::create_directories(dir / "evidence");
    std::ofstream(dir / "case.yaml")
        << "schema: casefile/1\nalert:\n  ticket_id: IR-X\n"
           "  title: \"<script>document.title='PWNED'</script>\"\n"
           "  observed_at: 2025-11-11T13:42:18Z\n  severity: high\n  tlp: amber\n"
           "  description: \"<img src=x onerror=\\\"document.title='PWNED'\\\"> "
           "[x](javascript:alert(1)) </details></style><style>*{color:red}</style> "
           "x{width:expression(alert(1))} \\u202Egnp.exe\"\n"
           "summary: \"</summary></details><script>document.title='PWNED'</script>\"\n";
    std::ofstream(dir / "evidence/proxy.log")
        << "```\n</details></pre>\n<script>document.title='PWNED'</script>\n"
           "<img src=x onerror=\"document.title='PWNED'\">\n</style><svg onload=alert(1)>\n"
           "GET http://evil-cdn.net/x \xE2\x80\xAE gnp.exe\n";
}

TEST(ReportFormats, HostileCaseStaysContainedInEveryFormat) {
    TempDir tmp;
    write_hostile_case(tmp.path() / "case");
    for (const char* format : {"md", "html", "pdf", "docx"}) {
        const fs::path out = tmp.path() / (std::string("r.") + format);
        auto r = run_casefile({"report", (tmp.path() / "case").string(), "-o", out.string()});
        ASSERT_EQ(r.exit_code, 0) << format << "\n" << r.err;
    }
    const auto md = testing::parse_markdown(*read_file(tmp.path() / "r.md"));
    EXPECT_TRUE(md.inline_html.empty());
    EXPECT_TRUE(md.links.empty());
    for (const auto& block : md.html_blocks) {
        EXPECT_EQ(block.find("<script"), std::string::npos) << block;
    }
    const std::string html = *read_file(tmp.path() / "r.html");
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("<svg onload"), std::string::npos);
    if (have_program("pdftotext")) {
        auto text =
            run_program({"pdftotext", "-enc", "UTF-8", (tmp.path() / "r.pdf").string(), "-"});
        EXPECT_NE(text.out.find("<script>document.title='PWNED'</script>"), std::string::npos);
        EXPECT_NE(text.out.find("[U+202E]"), std::string::npos);
    }
    if (!have_program("chromium")) {
        GTEST_SKIP() << "chromium is not installed: the HTML was not loaded in a browser";
    }
    // Load it in a real browser: no script may run, so the title stays ours.
    auto dom = run_program(
        {"chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--user-data-dir=" + (tmp.path() / "chrome").string(),
         "--virtual-time-budget=2000", "--dump-dom", "file://" + (tmp.path() / "r.html").string()});
    ASSERT_EQ(dom.exit_code, 0) << dom.err;
    EXPECT_NE(dom.out.find("<title>IR-X — SOC Investigation Report</title>"), std::string::npos)
        << dom.out.substr(0, 2000);
    EXPECT_EQ(dom.out.find("<title>PWNED"), std::string::npos);
    EXPECT_EQ(dom.out.find("<script"), std::string::npos);
    EXPECT_EQ(dom.out.find("<img"), std::string::npos);
}

TEST(SafetyGate, RefusesALiveIndicatorInProse) {
    TempDir tmp;
    const fs::path tpl = tmp.path() / "note.md.mustache";
    std::ofstream(tpl) << "# {{title}}\n\n## Contact\n\nReport phishing to http://evil-cdn.net/"
                          "report now.\n";
    auto r = run_casefile({"report", kExample.string(), "--template", tpl.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find("line 5, section 'Contact': live indicator in prose: "
                         "http://evil-cdn.net/report"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("--allow-live-indicators"), std::string::npos);

    auto allowed = run_casefile(
        {"report", kExample.string(), "--template", tpl.string(), "--allow-live-indicators"});
    EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
    EXPECT_NE(allowed.out.find("http://evil-cdn.net/report"), std::string::npos);
    EXPECT_NE(allowed.err.find("warning:"), std::string::npos);
}

TEST(SafetyGate, RefusesAClickableLinkInAnHtmlTemplate) {
    TempDir tmp;
    const fs::path tpl = tmp.path() / "t.html.mustache";
    std::ofstream(tpl) << "<html><body><h1>{{title}}</h1>\n<a href=\"hxxps://cdn-dropbox[.]io/\">"
                          "site</a></body></html>\n";
    auto r =
        run_casefile({"report", kExample.string(), "--format", "html", "--template", tpl.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("line 2, section 'SOC Investigation Report': clickable link to an "
                         "indicator"),
              std::string::npos)
        << r.err;
}

TEST(ReportOptions, BadUsageSaysHowToFixIt) {
    struct Case {
        std::vector<std::string> args;
        const char* hint;
    };
    for (const auto& c : std::vector<Case>{
             {{"--format", "rtf"}, "use --format md, html, pdf or docx"},
             {{"--audience", "board"}, "use --audience full, leadership or external"},
             {{"--paper", "a3"}, "use --paper a4 or --paper letter"},
             {{"--format", "pdf", "--template", "x.mustache", "-o", "x.pdf"},
              "use --format md or html"},
         }) {
        std::vector<std::string> args = {"report", kExample.string()};
        args.insert(args.end(), c.args.begin(), c.args.end());
        auto r = run_casefile(args);
        EXPECT_EQ(r.exit_code, 2) << r.err;
        EXPECT_NE(r.err.find(c.hint), std::string::npos) << r.err;
    }
}

TEST(ReportOptions, UserTemplateErrorsNameTheLine) {
    TempDir tmp;
    const fs::path tpl = tmp.path() / "bad.html.mustache";
    std::ofstream(tpl) << "<h1>{{title}}</h1>\n<p>{{{alert_title}}}</p>\n";
    auto r =
        run_casefile({"report", kExample.string(), "--format", "html", "--template", tpl.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("template:2:4: error: unescaped variable 'alert_title'"),
              std::string::npos)
        << r.err;
}

TEST(ReportOptions, ExternalRefusesARedCase) {
    TempDir tmp;
    fs::create_directories(tmp.path() / "evidence");
    std::ofstream(tmp.path() / "case.yaml")
        << "schema: casefile/1\nalert:\n  ticket_id: IR-R\n  title: t\n"
           "  observed_at: 2025-11-11T13:42:18Z\n  severity: low\n  tlp: red\n";
    auto r = run_casefile({"report", tmp.path().string(), "--audience", "external"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("TLP:RED"), std::string::npos) << r.err;
}

TEST(ReportOptions, OutputExtensionPicksTheFormat) {
    TempDir tmp;
    auto r = run_casefile({"report", kExample.string(), "-o", (tmp.path() / "x.html").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(read_file(tmp.path() / "x.html")->starts_with("<!DOCTYPE html>"));
    r = run_casefile({"report", kExample.string(), "-o", (tmp.path() / "x.pdf").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(read_file(tmp.path() / "x.pdf")->starts_with("%PDF-"));
}

} // namespace
} // namespace casefile
