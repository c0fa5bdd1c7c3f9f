#include <gtest/gtest.h>

#include "ioc/extractor.hpp"
#include "render/gate/safety_gate.hpp"

namespace casefile::render {
namespace {

const ioc::Extractor& extractor() {
    static const ioc::Extractor x = *ioc::Extractor::create();
    return x;
}

TEST(SafetyGate, MarkdownLiveIndicatorInProseNamesLineAndSection) {
    const std::string md = "# Report\n\n## Summary\n\nBeacon to evil-cdn.net every 60s.\n";
    const auto v = check_markdown(md, extractor());
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].where, "line 5, section 'Summary'");
    EXPECT_EQ(v[0].indicator, "evil-cdn.net");
    EXPECT_EQ(v[0].what, "live indicator in prose");
}

TEST(SafetyGate, MarkdownDefangedProseAndRawEvidencePass) {
    const std::string md = "## Summary\n\nBeacon to evil-cdn[.]net and 185[.]199[.]109[.]15.\n\n"
                           "````text\nGET http://evil-cdn.net/x 185.199.109.15\n```\n````\n";
    EXPECT_TRUE(check_markdown(md, extractor()).empty());
    GateOptions strict;
    strict.evidence_exempt = false;
    EXPECT_EQ(check_markdown(md, extractor(), strict).size(), 2u);
}

TEST(SafetyGate, MarkdownLinksToIndicatorsAreRefused) {
    const auto v = check_markdown("see [the site](hxxp://evil-cdn[.]net/x)\n", extractor());
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].what, "clickable link to an indicator");
}

TEST(SafetyGate, PrivateAddressesAreNotIndicators) {
    EXPECT_TRUE(check_markdown("host 10.0.5.22 and 172.16.5.13\n", extractor()).empty());
}

TEST(SafetyGate, HtmlTextIsDecodedAndPreIsEvidence) {
    const std::string html = "<html><body><h2>Actions</h2><p>blocked 185&#46;199.109.15</p>"
                             "<pre><code>185.199.109.15</code></pre>"
                             "<a href=\"#actions\">top</a></body></html>";
    const auto v = check_html(html, extractor());
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].indicator, "185.199.109.15");
    EXPECT_EQ(v[0].where, "line 1, section 'Actions'");
}

TEST(SafetyGate, HtmlLinksOutAreRefused) {
    for (const char* html :
         {"<p><a href=\"https://evil-cdn[.]net/\">x</a></p>",
          "<p><a href='javascript:alert(1)'>x</a></p>", "<img src=http://evil-cdn.net/p.png>"}) {
        const auto v = check_html(html, extractor());
        ASSERT_FALSE(v.empty()) << html;
        EXPECT_EQ(v[0].what, "clickable link to an indicator") << html;
    }
}

TEST(SafetyGate, RunsNamePageAndSection) {
    const std::vector<TextRun> runs = {{"Summary", 3, "calls home to evil-cdn.net", false},
                                       {"Raw Logs", 4, "evil-cdn.net", true}};
    const auto v = check_runs(runs, "page", extractor());
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].to_string(), "page 3, section 'Summary': live indicator in prose: evil-cdn.net");
}

} // namespace
} // namespace casefile::render
