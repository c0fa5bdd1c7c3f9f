#include <gtest/gtest.h>

#include "render/markdown/markdown_text.hpp"

namespace casefile::render::markdown {
namespace {

TEST(EscapeProse, LineStartsCannotOpenBlocks) {
    EXPECT_EQ(escape_prose("# Injected heading"), "\\# Injected heading");
    EXPECT_EQ(escape_prose("ok\n## two\n> quote\n- item\n1. first\n```\n==="),
              "ok\n\\## two\n\\> quote\n\\- item\n1\\. first\n\\```\n\\===");
    EXPECT_EQ(escape_prose("    indented code"), "indented code");
}

TEST(EscapeProse, NoHtmlLinksOrEntities) {
    EXPECT_EQ(escape_prose("a <script>alert(1)</script>"), "a &lt;script>alert(1)&lt;/script>");
    EXPECT_EQ(escape_prose("click [here](javascript:alert(1))"),
              "click [here]\\(javascript:alert(1))");
    EXPECT_EQ(escape_prose("x &#x202E; y &lrm; R&D"), "x &amp;#x202E; y &amp;lrm; R&D");
    EXPECT_EQ(escape_prose("</details>"), "&lt;/details>");
}

TEST(EscapeProse, DefangedNotationSurvives) {
    EXPECT_EQ(escape_prose("hxxps://evil[.]com/a and j.smith[@]contoso[.]com"),
              "hxxps://evil[.]com/a and j.smith[@]contoso[.]com");
}

TEST(NeutralizeControls, BidiAndControlsBecomeVisible) {
    EXPECT_EQ(neutralize_controls("a\xE2\x80\xAE"
                                  "b"),
              "a[U+202E]b");
    EXPECT_EQ(neutralize_controls("bell\x07"), "bell[U+0007]");
    EXPECT_EQ(neutralize_controls("crlf\r\nline"), "crlf\nline");
    EXPECT_EQ(neutralize_controls("bad\xFF"), "bad\xEF\xBF\xBD");
    EXPECT_EQ(neutralize_controls("tab\tok"), "tab\tok");
}

TEST(CodeBlock, FenceOutlastsAnyBacktickRun) {
    EXPECT_EQ(code_block("x = 1\n", "text"), "```text\nx = 1\n```\n");
    EXPECT_EQ(code_block("a ``` b\n````", "json"), "`````json\na ``` b\n````\n`````\n");
}

TEST(ListItem, ContinuationLinesStayInTheItem) {
    EXPECT_EQ(list_item("one\ntwo\n\n# three"), "- one\n  two\n\n  \\# three\n");
}

TEST(HtmlText, EscapesMarkup) {
    EXPECT_EQ(html_text("EDR 1: <b>\"x\" & y</b>"),
              "EDR 1: &lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;");
}

TEST(InlineCode, BackticksInsideCannotEndTheSpan) {
    EXPECT_EQ(inline_code("abc"), "`abc`");
    EXPECT_EQ(inline_code("a`b"), "``a`b``");
    EXPECT_EQ(inline_code("`x"), "`` `x ``");
}

} // namespace
} // namespace casefile::render::markdown
