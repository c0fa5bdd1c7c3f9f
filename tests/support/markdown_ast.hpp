// Test support: parses Markdown with cmark-gfm (GitHub's parser, with its extensions) and
// flattens what a reader would see, so tests can assert structure instead of substrings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casefile::testing {

struct MarkdownAst {
    struct Heading {
        int level = 0;
        std::string text;
    };
    struct CodeBlock {
        std::string info;
        std::string literal;
    };
    std::vector<Heading> headings;
    std::vector<std::string> html_blocks; ///< raw HTML blocks, as written
    std::vector<std::string> inline_html; ///< raw inline HTML
    std::vector<std::string> links;       ///< link and image destinations (incl. autolinks)
    std::vector<CodeBlock> code_blocks;
    std::vector<std::string> list_items; ///< text of every list item (nested ones too)
    std::string text;                    ///< all text outside code, as rendered
};

MarkdownAst parse_markdown(std::string_view markdown);

} // namespace casefile::testing
