#include <algorithm>
#include <cctype>
#include <set>

#include <gtest/gtest.h>

#include "render/html/html_report.hpp"
#include "render/template/report_template.hpp"
#include "unit/render/hostile_case.hpp"

namespace casefile::render {
namespace {

struct Tag {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
};

/// Every tag in `html` (the content of <style> is skipped). Text never holds a raw '<' in our
/// output, so each '<' starts a tag the renderer wrote.
std::vector<Tag> tags(std::string_view html) {
    std::vector<Tag> out;
    size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        const size_t end = html.find('>', i);
        std::string_view body = html.substr(i + 1, end - i - 1);
        i = end + 1;
        if (body.starts_with("/") || body.starts_with("!")) {
            continue;
        }
        Tag t;
        size_t n = 0;
        while (n < body.size() && std::isalnum(static_cast<unsigned char>(body[n])) != 0) {
            ++n;
        }
        t.name = std::string(body.substr(0, n));
        while (n < body.size()) {
            while (n < body.size() && (body[n] == ' ' || body[n] == '/' || body[n] == '\n')) {
                ++n;
            }
            const size_t start = n;
            while (n < body.size() && body[n] != '=' && body[n] != ' ') {
                ++n;
            }
            std::string name(body.substr(start, n - start));
            std::string value;
            if (n < body.size() && body[n] == '=') {
                const char q = body[n + 1];
                const size_t close = body.find(q, n + 2);
                value = std::string(body.substr(n + 2, close - n - 2));
                n = close + 1;
            }
            if (!name.empty()) {
                t.attributes.emplace_back(name, value);
            }
        }
        if (t.name == "style") {
            i = html.find("</style>", i);
        }
        out.push_back(std::move(t));
    }
    return out;
}

size_t count(std::string_view haystack, std::string_view needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string_view::npos;
         at = haystack.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

std::string hostile_html(Audience audience = Audience::full) {
    DocumentOptions o;
    o.audience = audience;
    auto doc = build_document(testdata::hostile_case(), testdata::hostile_analysis(), o);
    EXPECT_TRUE(doc) << doc.error().to_string();
    auto html = render_html(*doc);
    EXPECT_TRUE(html) << html.error().to_string();
    return *html;
}

TEST(HtmlReport, HostileEvidenceNeverBecomesMarkup) {
    for (Audience audience : {Audience::full, Audience::leadership, Audience::external}) {
        const std::string html = hostile_html(audience);
        const std::set<std::string> allowed = {
            "html", "head", "meta",  "title",   "style", "body",  "div",  "span",    "header",
            "h1",   "h2",   "h3",    "h4",      "dl",    "dt",    "dd",   "nav",     "ul",
            "li",   "a",    "main",  "section", "p",     "em",    "time", "details", "summary",
            "pre",  "code", "table", "thead",   "tbody", "tr",    "th",   "td",      "svg",
            "rect", "text", "line",  "circle",  "i",     "footer"};
        for (const Tag& t : tags(html)) {
            EXPECT_TRUE(allowed.count(t.name) == 1) << "unexpected element <" << t.name << ">";
            for (const auto& [name, value] : t.attributes) {
                EXPECT_FALSE(name.starts_with("on")) << "event handler " << name;
                EXPECT_EQ(value.find("javascript:"), std::string::npos) << value;
                if (name == "href") {
                    EXPECT_TRUE(value.starts_with("#")) << "link to " << value;
                }
                EXPECT_NE(name, "src") << value;
            }
        }
        std::string lower = html;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        EXPECT_EQ(count(lower, "<script"), 0u);
        EXPECT_EQ(count(lower, "<iframe"), 0u);
        EXPECT_EQ(count(lower, "<img"), 0u);
        EXPECT_EQ(count(lower, "</style"), 1u) << "one style element, never closed early";
        EXPECT_EQ(count(lower, "<!--"), 0u);
        EXPECT_EQ(count(html, "<details"), count(html, "</details>"));
        // The hostile text is there, as text, with its bidi override made visible.
        EXPECT_NE(html.find("&lt;script&gt;document.title=&apos;PWNED&apos;&lt;/script&gt;"),
                  std::string::npos);
        EXPECT_NE(html.find("[U+202E]"), std::string::npos);
        EXPECT_EQ(html.find("\xE2\x80\xAE"), std::string::npos);
        EXPECT_NE(html.find("{{title}} {{{css}}}"), std::string::npos)
            << "values are not templates";
        // Self-contained: nothing is fetched, and the policy forbids scripts outright.
        EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
        EXPECT_EQ(count(lower, "url("), 0u);
        EXPECT_EQ(count(lower, "@import"), 0u);
    }
}

TEST(HtmlReport, FullReportHasOneEvidenceBlockPerItem) {
    const std::string html = hostile_html();
    EXPECT_EQ(count(html, "<details class=\"evidence\" open>"), 3u);
}

TEST(HtmlReport, MarkingOnTopAndInThePrintMargins) {
    const std::string html = hostile_html();
    EXPECT_NE(html.find("<div class=\"tlp-banner tlp-amber\""), std::string::npos);
    EXPECT_NE(html.find("@top-right { content: \"TLP:AMBER\""), std::string::npos);
    EXPECT_NE(html.find("@bottom-right { content: \"TLP:AMBER\""), std::string::npos);
    EXPECT_NE(html.find("counter(page) \" of \" counter(pages)"), std::string::npos);
    // The ticket id is user text: in CSS it is a string with '<', '"' and '>' escaped.
    EXPECT_NE(html.find("@top-left { content: \"IR-\\3c b\\3e 1\\3c /b\\3e \\22 \""),
              std::string::npos);
}

TEST(HtmlReport, SeverityInColourAndWords) {
    const std::string html = hostile_html();
    EXPECT_NE(html.find("<span class=\"sev sev-medium\">Medium</span>"), std::string::npos);
}

TEST(HtmlReport, TimelineHasTableAndInlineSvg) {
    analysis::Analysis a;
    a.timeline.push_back({parse_time("2025-11-11T13:42:18Z")->utc,
                          analysis::TimelineKind::evidence,
                          "EDR 1",
                          {},
                          "<b>powershell</b>",
                          "HOST-1",
                          "",
                          nullptr});
    a.timeline.push_back({parse_time("2025-11-11T14:00:00Z")->utc,
                          analysis::TimelineKind::action,
                          "Actions Taken",
                          {},
                          "Isolated",
                          "",
                          "",
                          nullptr});
    auto doc = build_document(testdata::hostile_case(), a, {});
    ASSERT_TRUE(doc);
    const std::string html = *render_html(*doc);
    EXPECT_NE(html.find("<td>HOST-1</td><td class=\"prose\">&lt;b&gt;powershell&lt;/b&gt;</td>"),
              std::string::npos);
    EXPECT_NE(html.find("<svg class=\"timeline-chart\""), std::string::npos);
    EXPECT_NE(html.find("<table class=\"timeline\">"), std::string::npos);
    EXPECT_NE(html.find("<td class=\"time\">2025-11-11T13:42:18Z</td>"), std::string::npos);
}

} // namespace
} // namespace casefile::render
