// A Markdown document as cmark-gfm parses it (tables, autolinks, strikethrough and task lists
// enabled), copied into plain structs so that no cmark handle leaves markdown_doc.cpp. Every
// block keeps its source lines, for verbatim copies and for lint locations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casefile::importer {

struct Inline {
    enum class Kind { text, code, emph, strong, strike, link, image, html, softbreak, linebreak };
    Kind kind = Kind::text;
    std::string literal; ///< text, code and html content
    std::string url;     ///< link and image destination
    std::vector<Inline> children;
};

struct Block {
    enum class Kind {
        heading,
        paragraph,
        list,
        item,
        code,
        html,
        table,
        table_row,
        quote,
        thematic_break,
        other,
    };
    Kind kind = Kind::other;
    int level = 0;                          ///< heading level
    bool ordered = false;                   ///< list
    bool fenced = false;                    ///< code: fenced (``` or ~~~) rather than indented
    bool header = false;                    ///< table_row: the header row
    std::string info;                       ///< code: the fence's info string
    std::string literal;                    ///< code and html content
    std::vector<Inline> inlines;            ///< heading, paragraph; for table_row: see cells
    std::vector<std::vector<Inline>> cells; ///< table_row
    std::vector<Block> children;
    int line = 0; ///< first source line (1-based)
    int column = 0;
    int end_line = 0; ///< last source line
};

struct MarkdownDoc {
    std::vector<Block> blocks;
    std::vector<std::string> lines; ///< the source, split on '\n' (no '\r')
    int line_offset = 0;            ///< added to every line (for documents parsed from a fragment)

    /// Source lines [from, to] (1-based, clamped), joined with '\n'.
    [[nodiscard]] std::string source(int from, int to) const;
    /// The source line `line` (1-based), or "" when out of range.
    [[nodiscard]] std::string_view line(int line) const;
};

/// Parses `markdown`; `line_offset` is added to every line number (0 for a whole file). Very
/// deep nesting is cut off (kept as "other" blocks with their source) so that no input can
/// exhaust the stack.
[[nodiscard]] MarkdownDoc parse_markdown(std::string_view markdown, int line_offset = 0);

/// The text a reader sees in `inlines`, with emphasis, strong and code spans written back as
/// Markdown (`*x*`, `**x**`, `` `x` ``) so that no mark is lost, breaks as '\n', links as
/// "text (url)" unless the text is the url.
[[nodiscard]] std::string inline_markdown(const std::vector<Inline>& inlines);

/// The same without any markup: only the characters a reader sees.
[[nodiscard]] std::string inline_plain(const std::vector<Inline>& inlines);

} // namespace casefile::importer
