// Building blocks for Markdown output that stays safe when the text is hostile: prose that can
// open no HTML, link, heading or block, and code fences no content can close.
#pragma once

#include <string>
#include <string_view>

namespace casefile::render::markdown {

/// Makes invisible or reordering characters visible: Unicode bidi controls and C0/C1 control
/// characters (except tab and newline) become "[U+202E]"; invalid UTF-8 becomes U+FFFD.
[[nodiscard]] std::string neutralize_controls(std::string_view text);

/// Escapes text for Markdown prose: no raw HTML, no link or image syntax, no entity that
/// decodes to a control character, and no line that starts a heading, quote, list, fence or
/// setext underline. Newlines are kept, leading indentation is dropped; every other character
/// reads the same.
[[nodiscard]] std::string escape_prose(std::string_view text);

/// Escaped prose as the body of a "- " list item: continuation lines indented so the item
/// stays one item.
[[nodiscard]] std::string list_item(std::string_view text);

/// A fenced code block for verbatim text, with a fence longer than any backtick run inside.
[[nodiscard]] std::string code_block(std::string_view content, std::string_view language);

/// Text for inside an HTML element (<summary>): &, <, >, " escaped.
[[nodiscard]] std::string html_text(std::string_view text);

/// Escaped prose for one cell of a pipe table: on one line, with '|' escaped.
[[nodiscard]] std::string table_cell(std::string_view text);

/// `code` as an inline code span that no backtick inside can end.
[[nodiscard]] std::string inline_code(std::string_view code);

} // namespace casefile::render::markdown
