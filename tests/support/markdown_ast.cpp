#include "support/markdown_ast.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

namespace casefile::testing {
namespace {

/// Concatenated text of a node's inline descendants.
std::string inline_text(cmark_node* node) {
    std::string out;
    cmark_iter* iter = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(iter);
        if (ev != CMARK_EVENT_ENTER) {
            continue;
        }
        const auto type = cmark_node_get_type(n);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
            out += cmark_node_get_literal(n);
        } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
            out += ' ';
        }
    }
    cmark_iter_free(iter);
    return out;
}

} // namespace

MarkdownAst parse_markdown(std::string_view markdown) {
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (const char* name : {"autolink", "table", "strikethrough", "tagfilter", "tasklist"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
            cmark_parser_attach_syntax_extension(parser, ext);
        }
    }
    cmark_parser_feed(parser, markdown.data(), markdown.size());
    cmark_node* root = cmark_parser_finish(parser);

    MarkdownAst ast;
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) {
            continue;
        }
        cmark_node* n = cmark_iter_get_node(iter);
        const char* literal = cmark_node_get_literal(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HEADING:
            ast.headings.push_back({cmark_node_get_heading_level(n), inline_text(n)});
            break;
        case CMARK_NODE_HTML_BLOCK:
            ast.html_blocks.emplace_back(literal ? literal : "");
            break;
        case CMARK_NODE_HTML_INLINE:
            ast.inline_html.emplace_back(literal ? literal : "");
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            ast.links.emplace_back(cmark_node_get_url(n) ? cmark_node_get_url(n) : "");
            break;
        case CMARK_NODE_CODE_BLOCK:
            ast.code_blocks.push_back(
                {cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "",
                 literal ? literal : ""});
            break;
        case CMARK_NODE_ITEM:
            ast.list_items.push_back(inline_text(n));
            break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            ast.text += literal ? literal : "";
            ast.text += ' ';
            break;
        default:
            break;
        }
    }
    cmark_iter_free(iter);
    cmark_node_free(root);
    cmark_parser_free(parser);
    return ast;
}

} // namespace casefile::testing
