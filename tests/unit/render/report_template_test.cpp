#include <gtest/gtest.h>

#include "render/html/html_report.hpp"
#include "render/markdown/markdown_report.hpp"
#include "render/template/report_template.hpp"
#include "unit/render/hostile_case.hpp"

namespace casefile::render {
namespace {

ReportDocument hostile_doc() {
    auto doc = build_document(testdata::hostile_case(), testdata::hostile_analysis(), {});
    EXPECT_TRUE(doc);
    return *doc;
}

TEST(ReportTemplate, BuiltInTemplatesAreEmbeddedAndValid) {
    for (TemplateFlavor f : {TemplateFlavor::markdown, TemplateFlavor::html}) {
        EXPECT_FALSE(builtin_template(f).empty());
        EXPECT_TRUE(check_template(builtin_template(f), f));
    }
    EXPECT_NE(builtin_css().find("@media print"), std::string_view::npos);
}

TEST(ReportTemplate, RejectsWhatCouldEscapeEscaping) {
    const auto error = [](std::string_view t, TemplateFlavor f) {
        auto r = check_template(t, f, "my.mustache");
        return r ? std::string() : r.error().to_string();
    };
    EXPECT_NE(error("a\n {{>title}}", TemplateFlavor::markdown).find("my.mustache:2:2"),
              std::string::npos);
    EXPECT_NE(error("{{>title}}", TemplateFlavor::html).find("partials"), std::string::npos);
    EXPECT_NE(error("{{=<% %>=}}", TemplateFlavor::html).find("delimiters"), std::string::npos);
    EXPECT_NE(error("<p>{{{alert_title}}}</p>", TemplateFlavor::html)
                  .find("unescaped variable "
                        "'alert_title'"),
              std::string::npos);
    EXPECT_NE(error("{{& description}}", TemplateFlavor::html).find("unescaped"),
              std::string::npos);
    EXPECT_NE(error("{{#sections}}", TemplateFlavor::markdown).find("my.mustache"),
              std::string::npos);
    EXPECT_NE(error("{{title", TemplateFlavor::markdown).find("unclosed"), std::string::npos);
    EXPECT_NE(error(std::string(40, '\xff'), TemplateFlavor::markdown).find("UTF-8"),
              std::string::npos);
    std::string deep;
    for (int i = 0; i < 40; ++i) {
        deep += "{{#sections}}";
    }
    EXPECT_NE(error(deep, TemplateFlavor::markdown).find("nested"), std::string::npos);
    EXPECT_EQ(error("<style>{{{css}}}</style>{{{timeline.svg}}}{{{tlp.css_label}}}",
                    TemplateFlavor::html),
              "");
}

TEST(ReportTemplate, HtmlVariablesAreEscaped) {
    auto html = render_html(hostile_doc(), "<h1>{{alert_title}}</h1>{{#sections}}<h2 "
                                           "title=\"{{title}}\">{{title}}</h2>{{/sections}}");
    ASSERT_TRUE(html) << html.error().to_string();
    EXPECT_EQ(html->find("<script"), std::string::npos);
    EXPECT_EQ(html->find("<img"), std::string::npos);
    EXPECT_NE(html->find("&lt;script&gt;"), std::string::npos);
    EXPECT_EQ(html->find("title=\"<"), std::string::npos);
}

TEST(ReportTemplate, MarkdownVariablesArePreEscaped) {
    auto md =
        render_markdown(hostile_doc(), "# {{ticket_id}}\n\n{{alert_title}}\n\n{{{alert_title}}}\n");
    ASSERT_TRUE(md) << md.error().to_string();
    EXPECT_EQ(md->find("<script"), std::string::npos);
    EXPECT_EQ(md->find("<img"), std::string::npos);
    EXPECT_EQ(md->find("](javascript"), std::string::npos);
    EXPECT_NE(md->find("&lt;script>"), std::string::npos);
}

TEST(ReportTemplate, UserTemplateSeesTheDocument) {
    model::Case c = testdata::hostile_case();
    c.alert.ticket_id = "IR-9";
    auto doc = build_document(c, {}, {});
    ASSERT_TRUE(doc);
    auto md = render_markdown(*doc, "Ticket {{ticket_id}} ({{severity}}, {{tlp.label}})\n"
                                    "{{#sections}}* {{title}}\n{{/sections}}");
    ASSERT_TRUE(md);
    EXPECT_TRUE(md->starts_with("Ticket IR-9 (Medium, TLP:AMBER)\n* Alert Overview\n"));
}

} // namespace
} // namespace casefile::render
