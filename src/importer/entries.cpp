#include "importer/entries.hpp"

#include <array>

#include "core/text.hpp"
#include "importer/sections.hpp"

namespace casefile::importer {
namespace {

/// Length of a pseudo-bullet ("•", "◦", "▪", "‣", "●", "○", "■", "·", "–") and the blanks after
/// it at the start of `s`, or 0.
size_t bullet_length(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
        ++i;
    }
    static constexpr std::array<std::string_view, 10> kBullets = {
        "\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x80\xA3", "\xE2\x97\x8F",
        "\xE2\x97\x8B", "\xE2\x96\xA0", "\xC2\xB7",     "\xE2\x80\x93", "\xE2\x9E\xA2"};
    for (const std::string_view b : kBullets) {
        if (s.substr(i).starts_with(b)) {
            size_t end = i + b.size();
            if (end < s.size() && s[end] != ' ' && s[end] != '\t') {
                return 0;
            }
            while (end < s.size() && (s[end] == ' ' || s[end] == '\t')) {
                ++end;
            }
            return end;
        }
    }
    return 0;
}

/// Removes the pseudo-bullet from the first text inline of a line.
std::vector<Inline> without_bullet(std::vector<Inline> line) {
    if (!line.empty() && line.front().kind == Inline::Kind::text) {
        const size_t n = bullet_length(line.front().literal);
        line.front().literal.erase(0, n);
        if (line.front().literal.empty()) {
            line.erase(line.begin());
        }
    }
    return line;
}

std::string first_text(const std::vector<Inline>& line) {
    return line.empty() || line.front().kind != Inline::Kind::text ? std::string()
                                                                   : line.front().literal;
}

bool is_text_label(const std::vector<Inline>& line) {
    const std::string text(trim(inline_plain(line)));
    return !text.empty() && text.size() < 60 && text.back() == ':' &&
           text.find(": ") == std::string::npos;
}

Entry entry_from_item(const Block& item);

void add_list_items(const Block& list, std::vector<Entry>& out) {
    for (const Block& item : list.children) {
        out.push_back(entry_from_item(item));
    }
}

Entry entry_from_item(const Block& item) {
    Entry e;
    e.line = item.line;
    e.end_line = item.end_line;
    bool first = true;
    for (const Block& child : item.children) {
        if (first && child.kind == Block::Kind::paragraph) {
            e.head = child.inlines;
            e.text = inline_markdown(child.inlines);
            first = false;
            continue;
        }
        first = false;
        if (child.kind == Block::Kind::list) {
            add_list_items(child, e.children);
            continue;
        }
        const std::string more =
            child.kind == Block::Kind::paragraph ? inline_markdown(child.inlines) : child.literal;
        e.text += (e.text.empty() ? "" : "\n") + more;
    }
    e.empty = trim(e.text).empty() && e.children.empty();
    return e;
}

Collected bullets_from_lines(const std::vector<std::vector<Inline>>& lines, int first_line) {
    Collected out;
    Entry* open = nullptr;
    for (size_t i = 0; i < lines.size(); ++i) {
        const int line = first_line + static_cast<int>(i);
        if (trim(inline_plain(lines[i])).empty()) {
            continue;
        }
        if (open != nullptr && is_bold_label(lines[i])) {
            open = nullptr; // "**File Hashes:**" after bullets starts a new group
        }
        if (bullet_length(first_text(lines[i])) > 0) {
            if (out.pseudo_line == 0) {
                out.pseudo_line = line;
            }
            Entry e;
            e.head = without_bullet(lines[i]);
            e.text = inline_markdown(e.head);
            e.line = line;
            e.end_line = line;
            e.pseudo = true;
            e.empty = trim(e.text).empty();
            out.entries.push_back(std::move(e));
            open = &out.entries.back();
            continue;
        }
        if (open != nullptr) {
            open->text += '\n';
            open->text += inline_markdown(lines[i]);
            open->end_line = line;
            continue;
        }
        Entry e;
        e.head = lines[i];
        e.text = inline_markdown(lines[i]);
        e.line = line;
        e.end_line = line;
        e.label = is_bold_label(lines[i]) || is_text_label(lines[i]);
        e.plain = !e.label;
        out.entries.push_back(std::move(e));
    }
    return out;
}

} // namespace

std::vector<std::vector<Inline>> split_inline_lines(const std::vector<Inline>& in) {
    std::vector<std::vector<Inline>> lines(1);
    for (const Inline& i : in) {
        if (i.kind == Inline::Kind::softbreak || i.kind == Inline::Kind::linebreak) {
            lines.emplace_back();
            continue;
        }
        lines.back().push_back(i);
    }
    return lines;
}

bool is_bold_label(const std::vector<Inline>& in) {
    if (in.empty() || in.front().kind != Inline::Kind::strong) {
        return false;
    }
    std::string rest;
    for (size_t i = 1; i < in.size(); ++i) {
        if (in[i].kind != Inline::Kind::text) {
            return false;
        }
        rest += in[i].literal;
    }
    const std::string_view r = trim(rest);
    return r.empty() || r == ":";
}

std::string label_text(const std::vector<Inline>& in) {
    std::string text(trim(inline_plain(in)));
    while (!text.empty() && (text.back() == ':' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

bool is_empty_section_sentence(const Block& b) {
    if (b.kind != Block::Kind::paragraph || b.inlines.size() != 1 ||
        b.inlines.front().kind != Inline::Kind::emph) {
        return false;
    }
    const std::string text = inline_plain(b.inlines);
    return (text.starts_with("No ") && text.ends_with(" recorded.")) ||
           (text.starts_with("No ") && text.ends_with(" yet.")) ||
           text == "This section is empty." ||
           text == "No indicators were recorded or found in the evidence.";
}

Collected collect_entries(const Block& b, bool plain_lines) {
    Collected out;
    switch (b.kind) {
    case Block::Kind::list:
        add_list_items(b, out.entries);
        return out;
    case Block::Kind::table: {
        std::vector<std::string> headers;
        for (const Block& row : b.children) {
            if (row.header) {
                for (const auto& cell : row.cells) {
                    headers.push_back(normalize_heading(inline_plain(cell)));
                }
                continue;
            }
            Entry e;
            e.line = row.line;
            e.end_line = row.line;
            for (size_t i = 0; i < row.cells.size(); ++i) {
                const std::string cell(trim(inline_markdown(row.cells[i])));
                e.cells.push_back(cell);
                if (i < headers.size()) {
                    e.columns[headers[i]] = cell;
                }
            }
            if (!row.cells.empty()) {
                e.head = row.cells.front();
            }
            e.text = join(e.cells, " | ");
            e.empty = trim(e.text).empty() || trim(e.text) == "|";
            out.entries.push_back(std::move(e));
        }
        return out;
    }
    case Block::Kind::paragraph: {
        const auto lines = split_inline_lines(b.inlines);
        bool bullets = false;
        for (const auto& line : lines) {
            bullets = bullets || bullet_length(first_text(line)) > 0;
        }
        if (bullets || plain_lines) {
            return bullets_from_lines(lines, b.line);
        }
        Entry e;
        e.head = b.inlines;
        e.text = inline_markdown(b.inlines);
        e.line = b.line;
        e.end_line = b.end_line;
        e.label = is_bold_label(b.inlines);
        e.plain = !e.label;
        out.entries.push_back(std::move(e));
        return out;
    }
    case Block::Kind::code: {
        if (b.fenced) {
            return out;
        }
        // "\t•\tx" lines after a heading parse as an indented code block.
        std::vector<std::vector<Inline>> lines;
        bool bullets = false;
        for (const std::string_view l : split_lines(b.literal)) {
            Inline text;
            text.literal = std::string(l);
            bullets = bullets || bullet_length(l) > 0;
            lines.push_back({text});
        }
        if (!bullets) {
            return out;
        }
        return bullets_from_lines(lines, b.line);
    }
    default:
        return out;
    }
}

} // namespace casefile::importer
