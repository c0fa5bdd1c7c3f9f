// The report's structure: cutting it into sections at its headings and handing each block of a
// section to the reader for the part of the layout the section's heading names.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/text.hpp"
#include "importer/entries.hpp"
#include "importer/evidence_kind.hpp"
#include "importer/markdown_doc.hpp"
#include "importer/report_importer.hpp"
#include "importer/sections.hpp"

namespace casefile::importer::detail {

namespace {

std::string html_unescape(std::string_view s) {
    std::string out(s);
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
        for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + 1)) {
            out.replace(at, from.size(), to);
        }
    }
    return out;
}

} // namespace

std::vector<Section> Importer::split_sections() {
    std::vector<Section> sections(1);
    sections.front().kind = SectionKind::custom;
    sections.front().title = "the report's beginning";
    bool past_layout = false; // custom sections follow the closing </div> of Next Steps
    for (const Block& b : doc_.blocks) {
        if (b.kind == Block::Kind::html && trim(b.literal) == "</div>" &&
            sections.back().kind == SectionKind::next_steps) {
            past_layout = true;
        }
        if (b.kind != Block::Kind::heading) {
            sections.back().blocks.push_back(&b);
            continue;
        }
        const std::string title(trim(inline_plain(b.inlines)));
        SectionKind kind = classify_heading(title, b.level);
        const Section& current = sections.back();
        // A deeper heading that names nothing the layout knows is a part of its section
        // (a provider under OSINT, an indicator group under IoCs).
        if (kind == SectionKind::custom && b.level > current.level && current.level > 0 &&
            current.kind != SectionKind::custom && current.kind != SectionKind::title &&
            !title.starts_with(kKeptPrefix)) {
            sections.back().blocks.push_back(&b);
            continue;
        }
        if (past_layout && kind != SectionKind::title) {
            kind = SectionKind::custom;
        }
        sections.push_back(Section{kind, title, b.level, b.line, {}});
    }
    return sections;
}

void Importer::read_section(const Section& s) {
    if (s.kind != SectionKind::custom && s.kind != SectionKind::title) {
        if (auto it = seen_.find(s.kind); it != seen_.end()) {
            finding("duplicate-heading", s.line,
                    fmt::format("a second \"{}\" section (the first is at line {}); both are "
                                "imported as one",
                                s.title, it->second),
                    "merge the two sections into one");
        } else {
            seen_[s.kind] = s.line;
        }
    }
    kept_.clear();
    hint_.reset();
    commands_mode_ = s.kind == SectionKind::commands;
    osint_mode_ = OsintMode::none;
    pending_label_.clear();
    set_location(s);
    if (s.kind == SectionKind::title) {
        title_text_ = s.title;
        event(ImportEvent::Kind::mapped, "report title", s.line);
    }
    if (s.kind == SectionKind::custom) {
        read_custom(s);
        return;
    }
    if (is_generated_timeline(s)) {
        event(ImportEvent::Kind::skipped,
              fmt::format("section \"{}\": casefile computes it from the case, and "
                          "'casefile report' writes it again",
                          s.title),
              s.line);
        return;
    }
    if (s.kind != SectionKind::title) {
        event(ImportEvent::Kind::mapped,
              fmt::format("section \"{}\" as {}", s.title, layout_name(s.kind)), s.line);
    }
    for (size_t i = 0; i < s.blocks.size(); ++i) {
        const Block* next = i + 1 < s.blocks.size() ? s.blocks[i + 1] : nullptr;
        read_block(s, *s.blocks[i], next);
    }
    flush_kept(s);
}

bool Importer::is_generated_timeline(const Section& s) {
    if (normalize_heading(s.title) != "incident timeline" || s.blocks.empty()) {
        return false;
    }
    const Block& first = *s.blocks.front();
    if (first.kind == Block::Kind::paragraph &&
        inline_plain(first.inlines) == "Nothing in the case has a time yet.") {
        return true;
    }
    if (first.kind != Block::Kind::table || first.children.empty()) {
        return false;
    }
    std::vector<std::string> header;
    for (const auto& cell : first.children.front().cells) {
        header.push_back(inline_plain(cell));
    }
    return header == std::vector<std::string>{"Time (UTC)", "Source", "Host", "What happened"};
}

void Importer::set_location(const Section& s) {
    static const std::map<SectionKind, std::string> kKeys = {
        {SectionKind::alert, "alert"},
        {SectionKind::entities, "entities"},
        {SectionKind::evidence, "evidence"},
        {SectionKind::queries, "evidence"},
        {SectionKind::logs, "evidence"},
        {SectionKind::iocs, "indicators"},
        {SectionKind::commands, "commands"},
        {SectionKind::osint, "osint"},
        {SectionKind::triage, "triage"},
        {SectionKind::actions, "actions"},
        {SectionKind::escalations, "escalations"},
        {SectionKind::summary, "summary"},
        {SectionKind::executive, "executive_summary"},
        {SectionKind::lessons, "lessons"},
        {SectionKind::next_steps, "next_steps"},
    };
    if (auto it = kKeys.find(s.kind); it != kKeys.end()) {
        result_.value.locations.try_emplace(it->second, at(s.line));
    }
}

bool Importer::evidence_section(SectionKind k) const {
    return k == SectionKind::evidence || k == SectionKind::queries || k == SectionKind::logs ||
           k == SectionKind::iocs || k == SectionKind::commands;
}

void Importer::read_block(const Section& s, const Block& b, const Block* next) {
    if (b.kind == Block::Kind::html) {
        read_html(s, b);
        return;
    }
    if (is_empty_section_sentence(b)) {
        event(ImportEvent::Kind::skipped, "a sentence saying the section is empty", b.line);
        return;
    }
    check_placeholders(b);
    if (b.kind == Block::Kind::code && b.fenced && evidence_section(s.kind)) {
        read_evidence(s, b);
        return;
    }
    if (b.kind == Block::Kind::paragraph && is_evidence_label(b) && next != nullptr &&
        next->kind == Block::Kind::code && next->fenced && evidence_section(s.kind) &&
        !(s.kind == SectionKind::iocs && label_is_group(label_text(b.inlines)))) {
        pending_label_ = label_text(b.inlines);
        event(ImportEvent::Kind::mapped, fmt::format("label \"{}\"", pending_label_), b.line);
        return;
    }
    switch (s.kind) {
    case SectionKind::alert:
    case SectionKind::entities:
        read_fields(s, b);
        return;
    case SectionKind::iocs:
        read_iocs(b);
        return;
    case SectionKind::osint:
        read_osint(b);
        return;
    case SectionKind::triage:
    case SectionKind::actions:
    case SectionKind::escalations:
        read_timed(s, b);
        return;
    case SectionKind::lessons:
    case SectionKind::next_steps:
        read_items(s, b);
        return;
    case SectionKind::summary:
    case SectionKind::executive:
        read_summary(s, b);
        return;
    default:
        keep(b);
        return;
    }
}

bool Importer::is_evidence_label(const Block& b) {
    if (is_bold_label(b.inlines)) {
        return true;
    }
    const std::string text(trim(inline_plain(b.inlines)));
    return text.size() < 80 && text.find('\n') == std::string::npos &&
           parse_label(text).kind.has_value();
}

void Importer::read_html(const Section& s, const Block& b) {
    const std::string_view h = trim(b.literal);
    if (is_layout_html(h) || h == "</details>") {
        return;
    }
    const size_t open = h.find("<summary>");
    const size_t close = h.find("</summary>");
    if (h.starts_with("<details") && open != std::string_view::npos &&
        close != std::string_view::npos && close > open) {
        pending_label_ = html_unescape(trim(h.substr(open + 9, close - open - 9)));
        // A fence right after the summary, without a blank line, is swallowed by the HTML
        // block: read what follows </summary> as Markdown of its own.
        std::string_view rest = h.substr(close + 10);
        const size_t end = rest.rfind("</details>");
        if (end != std::string_view::npos) {
            rest = rest.substr(0, end);
        }
        // Nested <details> in one HTML block nest the re-parse; real reports nest one.
        if (!trim(rest).empty() && html_depth_ < 4) {
            ++html_depth_;
            const int offset =
                b.line - 1 +
                static_cast<int>(std::count(h.begin(), h.begin() + static_cast<long>(close), '\n'));
            sub_docs_.push_back(std::make_unique<MarkdownDoc>(parse_markdown(rest, offset)));
            const MarkdownDoc& sub = *sub_docs_.back();
            for (size_t i = 0; i < sub.blocks.size(); ++i) {
                read_block(s, sub.blocks[i],
                           i + 1 < sub.blocks.size() ? &sub.blocks[i + 1] : nullptr);
            }
            --html_depth_;
        } else if (!trim(rest).empty()) {
            keep(b);
        }
        return;
    }
    if (h.starts_with("<summary>") && close != std::string_view::npos) {
        pending_label_ = html_unescape(trim(h.substr(9, close - 9)));
        return;
    }
    keep(b);
}

} // namespace casefile::importer::detail
