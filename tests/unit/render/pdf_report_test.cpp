#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "render/pdf/pdf_report.hpp"
#include "support/run_command.hpp"
#include "unit/render/hostile_case.hpp"

namespace casefile::render {
namespace {

using casefile::testing::have_program;
using casefile::testing::run_program;
using casefile::testing::TempDir;

std::string all_text(const std::vector<TextRun>& runs) {
    std::string text;
    for (const auto& r : runs) {
        text += r.text + "\n";
    }
    return text;
}

/// pdftotext of `pdf`, or "" when poppler-utils is not installed.
std::string pdf_text(const std::string& pdf, const TempDir& tmp) {
    if (!have_program("pdftotext")) {
        return {};
    }
    const auto file = tmp.path() / "report.pdf";
    std::ofstream(file, std::ios::binary) << pdf;
    auto r = run_program({"pdftotext", "-enc", "UTF-8", file.string(), "-"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

TEST(PdfReport, HostileTextIsDrawnAsText) {
    auto doc = build_document(testdata::hostile_case(), testdata::hostile_analysis(), {});
    ASSERT_TRUE(doc);
    std::vector<TextRun> runs;
    auto pdf = render_pdf(*doc, {}, &runs);
    ASSERT_TRUE(pdf) << pdf.error().to_string();
    EXPECT_TRUE(pdf->starts_with("%PDF-"));
    const std::string text = all_text(runs);
    EXPECT_NE(text.find("<script>document.title='PWNED'</script>"), std::string::npos);
    // pango gets the override made visible, never the control character itself.
    EXPECT_NE(text.find("[U+202E]"), std::string::npos);
    EXPECT_EQ(pdf->find("/JavaScript"), std::string::npos);
    EXPECT_EQ(pdf->find("/URI"), std::string::npos) << "no external links in the PDF";
}

TEST(PdfReport, PaperSizesOutlineMetadataAndMarking) {
    model::Case c = testdata::hostile_case();
    c.alert.ticket_id = "IR-7";
    c.alert.title = "Beacon";
    auto doc = build_document(c, {}, {});
    ASSERT_TRUE(doc);
    std::vector<TextRun> runs;
    auto a4 = render_pdf(*doc, {Paper::a4}, &runs);
    auto letter = render_pdf(*doc, {Paper::letter});
    ASSERT_TRUE(a4 && letter);
    EXPECT_NE(a4->find("/MediaBox [ 0 0 595.28 841.89 ]"), std::string::npos);
    EXPECT_NE(letter->find("/MediaBox [ 0 0 612 792 ]"), std::string::npos);
    EXPECT_NE(a4->find("/Outlines"), std::string::npos);
    EXPECT_NE(a4->find("/Title"), std::string::npos);
    EXPECT_NE(a4->find("/Subject"), std::string::npos);
    EXPECT_NE(a4->find("/Keywords"), std::string::npos);
    // Every page carries the marking in its header and footer, and "page n of m".
    int pages = 0;
    for (const auto& r : runs) {
        if (r.section == "page footer") {
            ++pages;
        }
    }
    ASSERT_GT(pages, 1);
    EXPECT_NE(all_text(runs).find(fmt::format("Page {} of {}", pages, pages)), std::string::npos);
    TempDir tmp;
    const std::string text = pdf_text(*a4, tmp);
    if (have_program("pdfinfo")) {
        const auto file = tmp.path() / "info.pdf";
        std::ofstream(file, std::ios::binary) << *a4;
        const auto info = run_program({"pdfinfo", file.string()});
        EXPECT_NE(info.out.find("IR-7 — Beacon"), std::string::npos) << info.out;
        EXPECT_NE(info.out.find("IR-7, TLP:AMBER, incident report"), std::string::npos);
    }
    if (!text.empty()) {
        EXPECT_NE(text.find(fmt::format("Page {} of {}", pages, pages)), std::string::npos);
        EXPECT_NE(text.find("TLP:AMBER"), std::string::npos);
        EXPECT_NE(text.find("Final Summary"), std::string::npos);
    }
}

TEST(PdfReport, RendersFiveThousandIndicatorsAndTwentyThousandTimelineRows) {
    model::Case c;
    c.alert.ticket_id = "IR-BIG";
    c.alert.title = "Large case";
    c.alert.observed_at = *parse_time("2025-11-11T00:00:00Z");
    analysis::Analysis a;
    const Timestamp start = parse_time("2025-11-11T00:00:00Z")->utc;
    for (int i = 0; i < 20000; ++i) {
        a.timeline.push_back(
            {start + std::chrono::seconds(37 * i),
             i % 3 == 0 ? analysis::TimelineKind::action : analysis::TimelineKind::evidence,
             i % 3 == 0 ? "Actions Taken" : fmt::format("EDR {}", i % 5 + 1),
             {},
             fmt::format("Action {} on host-{}", i, i % 97),
             fmt::format("host-{}", i % 97),
             "",
             nullptr});
    }
    for (int i = 0; i < 5000; ++i) {
        analysis::CaseIndicator ind;
        ind.type = model::IndicatorType::domain;
        ind.value = fmt::format("bad-{}.example.net", i);
        ind.defanged = fmt::format("bad-{}[.]example[.]net", i);
        ind.seen_in = {{fmt::format("EDR {}", i % 7 + 1), {}}};
        a.indicators.push_back(std::move(ind));
    }
    auto doc = build_document(c, a, {});
    ASSERT_TRUE(doc);
    std::vector<TextRun> runs;
    auto pdf = render_pdf(*doc, {}, &runs);
    ASSERT_TRUE(pdf) << pdf.error().to_string();
    int pages = 0;
    for (const auto& r : runs) {
        pages = std::max(pages, r.position);
    }
    EXPECT_GT(pages, 400);
    TempDir tmp;
    const std::string text = pdf_text(*pdf, tmp);
    if (text.empty()) {
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed: PDF text not checked";
    }
    for (int i : {0, 2500, 4999}) {
        EXPECT_NE(text.find(fmt::format("bad-{}[.]example[.]net", i)), std::string::npos) << i;
    }
    EXPECT_NE(text.find("Action 19999 on host-"), std::string::npos);
    // The table header repeats on the pages it spans.
    size_t headers = 0;
    for (size_t at = text.find("Indicator (defanged)"); at != std::string::npos;
         at = text.find("Indicator (defanged)", at + 1)) {
        ++headers;
    }
    EXPECT_GT(headers, 50u);
}

} // namespace
} // namespace casefile::render
