// Custom sections, and the pieces of layout sections that no reader mapped: both are kept
// verbatim as custom sections, so nothing in the report is lost.
#include <algorithm>

#include <fmt/format.h>

#include "importer/entries.hpp"
#include "importer/markdown_doc.hpp"
#include "importer/report_importer.hpp"
#include "importer/sections.hpp"

namespace casefile::importer::detail {

void Importer::read_custom(const Section& s) {
    std::vector<const Block*> blocks;
    for (const Block* b : s.blocks) {
        if (b->kind == Block::Kind::html && is_layout_html(b->literal)) {
            continue;
        }
        if (is_empty_section_sentence(*b)) {
            continue;
        }
        check_placeholders(*b);
        blocks.push_back(b);
    }
    if (blocks.empty() && s.line == 0) {
        return; // nothing before the first heading
    }
    const bool paragraphs = std::all_of(blocks.begin(), blocks.end(), [](const Block* b) {
        return b->kind == Block::Kind::paragraph;
    });
    std::string body;
    for (const Block* b : blocks) {
        body += body.empty() ? "" : "\n\n";
        body += paragraphs ? inline_markdown(b->inlines) : doc_.source(b->line, b->end_line);
    }
    std::string title = s.title;
    if (s.line == 0) {
        title = std::string(kKeptPrefix) + "the report's beginning";
    } else if (title.empty()) {
        title = fmt::format("Untitled section (line {})", s.line); // "##" alone: a case needs one
    }
    result_.value.sections.push_back(
        model::CustomSection{title, refang(body), at(s.line == 0 ? blocks.front()->line : s.line)});
    event(ImportEvent::Kind::kept, fmt::format("section \"{}\" as a custom section", title),
          s.line == 0 ? blocks.front()->line : s.line);
}

void Importer::keep(const Block& b) {
    kept_.push_back({b.line, b.end_line, doc_.source(b.line, b.end_line)});
}

void Importer::keep(const Entry& e) {
    kept_.push_back({e.line, e.end_line, doc_.source(e.line, e.end_line)});
}

void Importer::flush_kept(const Section& s) {
    if (kept_.empty()) {
        return;
    }
    std::string body;
    int last = -1;
    for (const KeptPiece& k : kept_) {
        if (!body.empty()) {
            body += k.line == last + 1 ? "\n" : "\n\n";
        }
        body += k.text;
        last = k.end_line;
    }
    const std::string title = fmt::format("{}{}", kKeptPrefix, s.title);
    result_.value.sections.push_back(model::CustomSection{title, body, at(kept_.front().line)});
    for (const KeptPiece& k : kept_) {
        event(
            ImportEvent::Kind::kept,
            fmt::format("text in \"{}\" that maps to no field, in section \"{}\"", s.title, title),
            k.line);
    }
    kept_.clear();
}

} // namespace casefile::importer::detail
