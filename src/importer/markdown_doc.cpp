#include "importer/markdown_doc.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "core/text.hpp"

namespace casefile::importer {
namespace {

/// Nesting deeper than this is flattened; real reports nest a handful of levels.
constexpr int kMaxDepth = 48;

struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

std::string_view type_name(cmark_node* n) {
    const char* name = cmark_node_get_type_string(n);
    return name != nullptr ? std::string_view(name) : std::string_view();
}

std::string literal_of(cmark_node* n) {
    const char* literal = cmark_node_get_literal(n);
    return literal != nullptr ? std::string(literal) : std::string();
}

/// All text under `n`, iteratively (for subtrees too deep to convert node by node).
std::string flat_text(cmark_node* n) {
    std::string out;
    cmark_iter* iter = cmark_iter_new(n);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) {
            continue;
        }
        cmark_node* c = cmark_iter_get_node(iter);
        const auto t = cmark_node_get_type(c);
        if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
            out += '\n';
        } else {
            out += literal_of(c);
        }
    }
    cmark_iter_free(iter);
    return out;
}

Inline convert_inline(cmark_node* n, int depth);

std::vector<Inline> convert_inlines(cmark_node* parent, int depth) {
    std::vector<Inline> out;
    for (cmark_node* c = cmark_node_first_child(parent); c != nullptr; c = cmark_node_next(c)) {
        out.push_back(convert_inline(c, depth + 1));
    }
    return out;
}

Inline convert_inline(cmark_node* n, int depth) {
    Inline in;
    if (depth > kMaxDepth) {
        in.kind = Inline::Kind::text;
        in.literal = flat_text(n);
        return in;
    }
    const std::string_view name = type_name(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
        in.kind = Inline::Kind::text;
        in.literal = literal_of(n);
        return in;
    case CMARK_NODE_CODE:
        in.kind = Inline::Kind::code;
        in.literal = literal_of(n);
        return in;
    case CMARK_NODE_HTML_INLINE:
        in.kind = Inline::Kind::html;
        in.literal = literal_of(n);
        return in;
    case CMARK_NODE_SOFTBREAK:
        in.kind = Inline::Kind::softbreak;
        return in;
    case CMARK_NODE_LINEBREAK:
        in.kind = Inline::Kind::linebreak;
        return in;
    case CMARK_NODE_EMPH:
        in.kind = Inline::Kind::emph;
        break;
    case CMARK_NODE_STRONG:
        in.kind = Inline::Kind::strong;
        break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE: {
        in.kind =
            cmark_node_get_type(n) == CMARK_NODE_LINK ? Inline::Kind::link : Inline::Kind::image;
        const char* url = cmark_node_get_url(n);
        in.url = url != nullptr ? url : "";
        break;
    }
    default:
        in.kind = name == "strikethrough" ? Inline::Kind::strike : Inline::Kind::text;
        if (in.kind == Inline::Kind::text) {
            in.literal = flat_text(n);
            return in;
        }
        break;
    }
    in.children = convert_inlines(n, depth);
    return in;
}

void set_position(Block& b, cmark_node* n, int offset) {
    b.line = cmark_node_get_start_line(n) + offset;
    b.column = cmark_node_get_start_column(n);
    b.end_line = std::max(cmark_node_get_end_line(n) + offset, b.line);
}

Block convert_block(cmark_node* n, int depth, int offset) {
    Block b;
    set_position(b, n, offset);
    if (depth > kMaxDepth) {
        b.kind = Block::Kind::other;
        b.literal = flat_text(n);
        return b;
    }
    const std::string_view name = type_name(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HEADING:
        b.kind = Block::Kind::heading;
        b.level = cmark_node_get_heading_level(n);
        b.inlines = convert_inlines(n, depth);
        return b;
    case CMARK_NODE_PARAGRAPH:
        b.kind = Block::Kind::paragraph;
        b.inlines = convert_inlines(n, depth);
        return b;
    case CMARK_NODE_CODE_BLOCK: {
        b.kind = Block::Kind::code;
        b.literal = literal_of(n);
        const char* info = cmark_node_get_fence_info(n);
        b.info = info != nullptr ? std::string(trim(info)) : "";
        int length = 0;
        int fence_offset = 0;
        char fence_char = 0;
        b.fenced = cmark_node_get_fenced(n, &length, &fence_offset, &fence_char) != 0;
        return b;
    }
    case CMARK_NODE_HTML_BLOCK:
        b.kind = Block::Kind::html;
        b.literal = literal_of(n);
        return b;
    case CMARK_NODE_THEMATIC_BREAK:
        b.kind = Block::Kind::thematic_break;
        return b;
    case CMARK_NODE_LIST:
        b.kind = Block::Kind::list;
        b.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        break;
    case CMARK_NODE_ITEM:
        b.kind = Block::Kind::item;
        break;
    case CMARK_NODE_BLOCK_QUOTE:
        b.kind = Block::Kind::quote;
        break;
    default:
        if (name == "table") {
            b.kind = Block::Kind::table;
            break;
        }
        if (name == "table_row" || name == "table_header") {
            b.kind = Block::Kind::table_row;
            b.header =
                name == "table_header" || cmark_gfm_extensions_get_table_row_is_header(n) != 0;
            for (cmark_node* cell = cmark_node_first_child(n); cell != nullptr;
                 cell = cmark_node_next(cell)) {
                b.cells.push_back(convert_inlines(cell, depth + 1));
            }
            return b;
        }
        b.kind = Block::Kind::other;
        b.literal = flat_text(n);
        return b;
    }
    for (cmark_node* c = cmark_node_first_child(n); c != nullptr; c = cmark_node_next(c)) {
        b.children.push_back(convert_block(c, depth + 1, offset));
    }
    return b;
}

void append_inline(std::string& out, const Inline& in, bool markup);

void append_all(std::string& out, const std::vector<Inline>& inlines, bool markup) {
    for (const Inline& in : inlines) {
        append_inline(out, in, markup);
    }
}

void append_inline(std::string& out, const Inline& in, bool markup) {
    switch (in.kind) {
    case Inline::Kind::text:
    case Inline::Kind::html:
        out += in.literal;
        return;
    case Inline::Kind::code:
        if (markup) {
            const std::string ticks = in.literal.find('`') == std::string::npos ? "`" : "``";
            out += ticks + in.literal + ticks;
        } else {
            out += in.literal;
        }
        return;
    case Inline::Kind::softbreak:
    case Inline::Kind::linebreak:
        out += '\n';
        return;
    case Inline::Kind::emph:
    case Inline::Kind::strong:
    case Inline::Kind::strike: {
        const std::string_view mark = !markup                           ? ""
                                      : in.kind == Inline::Kind::emph   ? "*"
                                      : in.kind == Inline::Kind::strong ? "**"
                                                                        : "~~";
        out += mark;
        append_all(out, in.children, markup);
        out += mark;
        return;
    }
    case Inline::Kind::link:
    case Inline::Kind::image: {
        std::string text;
        append_all(text, in.children, markup);
        out += text;
        if (!in.url.empty() && text != in.url && "mailto:" + text != in.url) {
            out += " (" + in.url + ")";
        }
        return;
    }
    }
}

} // namespace

std::string MarkdownDoc::source(int from, int to) const {
    from = std::max(from - line_offset, 1);
    to = std::min(to - line_offset, static_cast<int>(lines.size()));
    std::string out;
    for (int i = from; i <= to; ++i) {
        out += lines[static_cast<size_t>(i - 1)];
        if (i < to) {
            out += '\n';
        }
    }
    return out;
}

std::string_view MarkdownDoc::line(int number) const {
    const int i = number - line_offset;
    if (i < 1 || i > static_cast<int>(lines.size())) {
        return {};
    }
    return lines[static_cast<size_t>(i - 1)];
}

MarkdownDoc parse_markdown(std::string_view markdown, int line_offset) {
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
    for (const char* name : {"table", "autolink", "strikethrough", "tasklist"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
            cmark_parser_attach_syntax_extension(parser.get(), ext);
        }
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));

    MarkdownDoc doc;
    doc.line_offset = line_offset;
    for (const std::string_view l : split_lines(markdown)) {
        doc.lines.emplace_back(l);
    }
    for (cmark_node* c = cmark_node_first_child(root.get()); c != nullptr; c = cmark_node_next(c)) {
        doc.blocks.push_back(convert_block(c, 0, line_offset));
    }
    return doc;
}

std::string inline_markdown(const std::vector<Inline>& inlines) {
    std::string out;
    append_all(out, inlines, true);
    return out;
}

std::string inline_plain(const std::vector<Inline>& inlines) {
    std::string out;
    append_all(out, inlines, false);
    return out;
}

} // namespace casefile::importer
