// Internal to the importer: the "entries" of a section — list items, pseudo-bulleted lines
// ("•\tx"), table rows and plain lines — in one shape, so every section reads lists, tables and
// hand-made bullets alike.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "importer/markdown_doc.hpp"

namespace casefile::importer {

struct Entry {
    std::vector<Inline> head;    ///< inlines of the first line (bullet removed)
    std::string text;            ///< the whole entry as Markdown text (continuation lines too)
    std::vector<Entry> children; ///< nested list items
    std::map<std::string, std::string> columns; ///< table row: normalized header -> cell text
    std::vector<std::string> cells;             ///< table row cells, in order
    int line = 0;
    int end_line = 0;
    bool label = false;  ///< a standalone bold label ("**Domains:**") or a "Label:" line
    bool pseudo = false; ///< came from a "•" pseudo-bullet
    bool plain = false;  ///< a line of a plain paragraph (not a list, bullet or table)
    bool empty = false;  ///< a list item with nothing in it
};

struct Collected {
    std::vector<Entry> entries;
    int pseudo_line = 0; ///< first pseudo-bullet line, 0 when none
};

/// The entries of one block. Lists give one entry per item; tables one per body row; a
/// paragraph or an indented code block whose lines start with "•", "◦", "▪"... one per bullet
/// (other lines continue the previous bullet or, before the first, are labels). A plain
/// paragraph gives one entry per line when `plain_lines`, else a single entry.
[[nodiscard]] Collected collect_entries(const Block& b, bool plain_lines);

/// The paragraph's text a line at a time (soft and hard breaks split lines).
[[nodiscard]] std::vector<std::vector<Inline>> split_inline_lines(const std::vector<Inline>& in);

/// True when the inlines are only a bold label: "**Domains:**", "**VirusTotal**:".
[[nodiscard]] bool is_bold_label(const std::vector<Inline>& in);

/// The text of a bold label without its colon.
[[nodiscard]] std::string label_text(const std::vector<Inline>& in);

/// True for a paragraph that is one italic sentence the report renderer writes for an empty
/// section ("_No escalations were recorded._").
[[nodiscard]] bool is_empty_section_sentence(const Block& b);

} // namespace casefile::importer
