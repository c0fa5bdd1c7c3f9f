#include <gtest/gtest.h>
#include <zip.h>

#include "render/docx/docx_report.hpp"
#include "unit/render/hostile_case.hpp"

namespace casefile::render {
namespace {

/// The named part of a .docx held in memory.
std::string part(const std::string& docx, const char* name) {
    zip_error_t error;
    zip_source_t* src = zip_source_buffer_create(docx.data(), docx.size(), 0, &error);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (z == nullptr) {
        zip_source_free(src);
        return {};
    }
    std::string out;
    zip_stat_t st;
    if (zip_stat(z, name, 0, &st) == 0) {
        zip_file_t* f = zip_fopen(z, name, 0);
        out.resize(st.size);
        zip_fread(f, out.data(), st.size);
        zip_fclose(f);
    }
    zip_close(z);
    return out;
}

size_t count(const std::string& s, const std::string& needle) {
    size_t n = 0;
    for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

TEST(DocxReport, PackageHasTheWordParts) {
    auto doc = build_document(testdata::hostile_case(), {}, {});
    ASSERT_TRUE(doc);
    auto docx = render_docx(*doc);
    ASSERT_TRUE(docx) << docx.error().to_string();
    EXPECT_TRUE(docx->starts_with("PK"));
    for (const char* name :
         {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
          "word/numbering.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml",
          "word/_rels/document.xml.rels"}) {
        EXPECT_FALSE(part(*docx, name).empty()) << name;
    }
    const std::string body = part(*docx, "word/document.xml");
    EXPECT_NE(body.find("<w:pStyle w:val=\"Heading1\"/>"), std::string::npos);
    EXPECT_NE(body.find("<w:pStyle w:val=\"Heading2\"/>"), std::string::npos);
    EXPECT_NE(body.find("<w:numPr>"), std::string::npos) << "real lists";
    EXPECT_NE(body.find("<w:tblHeader/>"), std::string::npos) << "repeating table headers";
    EXPECT_NE(body.find("<w:pStyle w:val=\"Code\"/>"), std::string::npos);
    EXPECT_NE(part(*docx, "word/header1.xml").find("TLP:AMBER"), std::string::npos);
    EXPECT_NE(part(*docx, "word/footer1.xml").find("NUMPAGES"), std::string::npos);
    EXPECT_NE(part(*docx, "word/styles.xml").find("<w:outlineLvl w:val=\"0\"/>"),
              std::string::npos);
}

TEST(DocxReport, HostileTextIsEscapedXml) {
    auto doc = build_document(testdata::hostile_case(), testdata::hostile_analysis(), {});
    ASSERT_TRUE(doc);
    std::vector<TextRun> runs;
    auto docx = render_docx(*doc, &runs);
    ASSERT_TRUE(docx);
    const std::string body = part(*docx, "word/document.xml");
    EXPECT_EQ(body.find("<script"), std::string::npos);
    EXPECT_EQ(body.find("<img"), std::string::npos);
    EXPECT_EQ(body.find("]]>"), std::string::npos) << "']]>' may not appear in XML text";
    EXPECT_NE(body.find("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"),
              std::string::npos);
    EXPECT_NE(body.find("[U+202E]"), std::string::npos);
    // Balanced structure: every paragraph, run and table closes.
    EXPECT_EQ(count(body, "<w:p>"), count(body, "</w:p>"));
    EXPECT_EQ(count(body, "<w:tbl>"), count(body, "</w:tbl>"));
    EXPECT_EQ(count(body, "<w:r>"), count(body, "</w:r>"));
    // Every evidence line is a monospace paragraph, recorded for the safety gate.
    bool evidence = false;
    for (const auto& r : runs) {
        evidence = evidence || (r.evidence && r.text.find("PWNED") != std::string::npos);
    }
    EXPECT_TRUE(evidence);
}

} // namespace
} // namespace casefile::render
