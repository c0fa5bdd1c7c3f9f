// The IoC list: indicators in groups, as list items or table rows.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"
#include "importer/entries.hpp"
#include "importer/markdown_doc.hpp"
#include "importer/prose.hpp"
#include "importer/report_importer.hpp"
#include "importer/sections.hpp"

namespace casefile::importer::detail {

namespace {

bool is_hash(IndicatorType t) {
    return t == IndicatorType::md5 || t == IndicatorType::sha1 || t == IndicatorType::sha256 ||
           t == IndicatorType::sha512;
}

/// A hash's type from its length; sha256 for lengths no hash has (lint says so).
IndicatorType hash_type_for(std::string_view value) {
    switch (value.size()) {
    case 32:
        return IndicatorType::md5;
    case 40:
        return IndicatorType::sha1;
    case 128:
        return IndicatorType::sha512;
    default:
        return value.size() > 90 ? IndicatorType::sha512 : IndicatorType::sha256;
    }
}

} // namespace

bool Importer::label_is_group(std::string_view label) const {
    return type_from_label(label).has_value() || normalize_heading(label).starts_with("command") ||
           normalize_heading(label).starts_with("script");
}

void Importer::read_iocs(const Block& b) {
    if (b.kind == Block::Kind::heading) {
        set_group(inline_plain(b.inlines), b.line);
        return;
    }
    for (const Entry& e : entries_of(b, false)) {
        if (e.label) {
            set_group(label_text(e.head), e.line);
            continue;
        }
        if (!e.columns.empty()) {
            indicator_row(e);
            continue;
        }
        if (e.plain && !e.pseudo && e.head.size() > 0 && !looks_like_indicator(e)) {
            keep(e);
            continue;
        }
        indicator_entry(e);
    }
}

void Importer::set_group(const std::string& label, int line) {
    const std::string l = normalize_heading(label);
    if (l.starts_with("command") || l.starts_with("script")) {
        commands_mode_ = true;
        hint_.reset();
        return;
    }
    hint_ = type_from_label(label);
    if (!hint_) {
        kept_.push_back({line, line, doc_.source(line, line)});
    }
}

bool Importer::looks_like_indicator(const Entry& e) const {
    bool found = false;
    extractor_.scan(e.text, scan_options(), [&](const ioc::Match&) { found = true; });
    return found;
}

ioc::ExtractOptions Importer::scan_options() {
    ioc::ExtractOptions o;
    o.include_private = true;
    return o;
}

void Importer::indicator_entry(const Entry& e) {
    std::vector<Inline> head = e.head;
    // casefile's own report lists what it found in the evidence as "found in"; those are
    // not the analyst's list and are found again from the imported evidence.
    if (!head.empty() && head.back().kind == Inline::Kind::emph &&
        inline_plain(head.back().children).starts_with("(found in:")) {
        event(ImportEvent::Kind::skipped,
              "an indicator casefile found in the evidence (it is found there again)", e.line);
        return;
    }
    // Drop what the renderer adds from the analysis: "_(seen in: ...)_", "_(private
    // address)_" and warninglist sub-items.
    while (!head.empty() &&
           (head.back().kind == Inline::Kind::emph ||
            (head.back().kind == Inline::Kind::text && trim(head.back().literal).empty()))) {
        const std::string t = inline_plain(head.back().children);
        if (head.back().kind == Inline::Kind::text || t.starts_with("(seen in:") ||
            t.starts_with("(found in:") || (t.starts_with("(") && t.ends_with(" address)"))) {
            head.pop_back();
            continue;
        }
        break;
    }
    for (const Entry& child : e.children) {
        const std::string t(trim(inline_plain(child.head)));
        if (t.find("On warninglist") != std::string::npos) {
            continue;
        }
        keep(child);
    }
    std::string value;
    std::string rest;
    if (!head.empty() && head.front().kind == Inline::Kind::code) {
        value = head.front().literal;
        rest = inline_markdown(std::vector<Inline>(head.begin() + 1, head.end()));
    } else {
        const std::string text = inline_markdown(head);
        split_value(text, value, rest);
    }
    add_indicator(value, rest, e.line, hint_);
}

void Importer::split_value(const std::string& text, std::string& value, std::string& rest) const {
    if (hint_ && is_hand_only(*hint_)) {
        const size_t dash = text.find(" \xE2\x80\x94 ");
        value = text.substr(0, dash);
        rest = dash == std::string::npos ? "" : text.substr(dash);
        return;
    }
    std::optional<ioc::Match> first;
    extractor_.scan(text, scan_options(), [&](const ioc::Match& m) {
        if (!first) {
            first = m;
        }
    });
    const size_t lead = text.find_first_not_of(" \t");
    if (first && first->offset <= lead + 1) {
        value = text.substr(first->offset, first->length);
        rest = text.substr(first->offset + first->length);
        return;
    }
    const size_t end = text.find_first_of(" \t", lead == std::string::npos ? 0 : lead);
    value = text.substr(0, end);
    rest = end == std::string::npos ? "" : text.substr(end);
}

void Importer::indicator_row(const Entry& e) {
    const auto col = [&](std::initializer_list<std::string_view> names) -> std::string {
        for (auto n : names) {
            if (auto it = e.columns.find(std::string(n)); it != e.columns.end()) {
                return it->second;
            }
        }
        return {};
    };
    std::string value = col({"value", "indicator", "ioc", "observable", "artifact"});
    std::string type = col({"type", "kind", "category", "ioc type", "indicator type"});
    std::string note = col({"note", "notes", "description", "context", "comment", "details"});
    const std::string file = col({"file", "file name", "filename"});
    if (value.empty() && !e.cells.empty()) {
        value = e.cells.back();
    }
    std::optional<IndicatorType> hint = hint_;
    if (auto t = type_from_label(type)) {
        hint = t;
    }
    std::string rest;
    if (!file.empty()) {
        rest += " (file: " + file + ")";
    }
    if (!note.empty()) {
        rest += " \xE2\x80\x94 " + note;
    }
    if (!value.empty() && value.front() == '`' && value.back() == '`' && value.size() > 1) {
        value = value.substr(1, value.size() - 2);
    }
    add_indicator(value, rest, e.line, hint);
}

void Importer::add_indicator(std::string value, std::string rest, int line,
                             std::optional<IndicatorType> hint) {
    value = strip_quotes(trim(value));
    if (value.empty()) {
        skip_empty(line);
        return;
    }
    model::ManualIndicator m;
    m.where = at(line);
    // "(file: update.exe)" and, after a hash, "(update.exe)".
    std::string_view r = trim(rest);
    if (r.starts_with("(file:") && r.find(')') != std::string_view::npos) {
        const size_t close = r.find(')');
        m.file = std::string(trim(r.substr(6, close - 6)));
        r = trim(r.substr(close + 1));
    }
    for (std::string_view sep : {"\xE2\x80\x94", "\xE2\x80\x93", "-", ":"}) {
        if (r.starts_with(sep)) {
            r = trim(r.substr(sep.size()));
            break;
        }
    }
    m.note = refang(std::string(r));

    const bool hand = hint && is_hand_only(*hint);
    if (hand) {
        m.type = *hint;
        m.value = value;
    } else {
        std::optional<ioc::Match> match;
        extractor_.scan(value, scan_options(), [&](const ioc::Match& x) {
            if (!match && x.offset == 0 && x.length == value.size()) {
                match = x;
            }
        });
        if (match && !(hint && is_hash(*hint) && !is_hash(match->type))) {
            m.type = match->type;
            m.value = match->value;
        } else if (hint && (is_hash(*hint) || std::all_of(value.begin(), value.end(), [](char c) {
                                return std::isxdigit(static_cast<unsigned char>(c)) != 0;
                            }))) {
            m.type = is_hash(*hint) ? hash_type_for(value) : hash_type_for(value);
            m.value = to_lower(value);
            event(ImportEvent::Kind::kept,
                  fmt::format("hash \"{}\" kept as written: it is not a valid {}", value,
                              model::to_string(m.type)),
                  line);
        } else if (hint) {
            m.type = *hint;
            auto canonical = extractor_.canonicalize(*hint, value);
            m.value = canonical ? *canonical : value;
            if (!canonical) {
                event(ImportEvent::Kind::kept,
                      fmt::format("indicator \"{}\" kept as written: {}", value,
                                  canonical.error().message),
                      line);
            }
        } else {
            m.type = IndicatorType::other;
            m.value = value;
        }
    }
    // A hash's note that is just a file name names its file.
    if (is_hash(m.type) && m.file.empty() && m.note.size() > 2 && m.note.front() == '(' &&
        m.note.back() == ')' && m.note.find(' ') == std::string::npos) {
        m.file = m.note.substr(1, m.note.size() - 2);
        m.note.clear();
    }
    event(ImportEvent::Kind::mapped,
          fmt::format("indicator {} {}", model::to_string(m.type), m.value), line);
    listed_.insert({m.type, m.value});
    result_.value.indicators.push_back(std::move(m));
}

} // namespace casefile::importer::detail
