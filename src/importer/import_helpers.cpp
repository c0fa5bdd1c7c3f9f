// Helpers shared by the importer's readers: times, events, findings and form checks, and the
// free functions more than one reader uses.
#include <optional>

#include <fmt/format.h>

#include "analysis/lint.hpp"
#include "core/text.hpp"
#include "importer/entries.hpp"
#include "importer/loose_time.hpp"
#include "importer/markdown_doc.hpp"
#include "importer/prose.hpp"
#include "importer/report_importer.hpp"
#include "importer/sections.hpp"

namespace casefile::importer::detail {

bool is_layout_html(std::string_view html) {
    const std::string_view h = trim(html);
    return (h.starts_with("<div class=\"section-") && h.ends_with(">") &&
            h.find('\n') == std::string_view::npos) ||
           h == "</div>";
}

std::optional<IndicatorType> type_from_label(std::string_view label) {
    const std::string l = normalize_heading(label);
    if (l.empty()) {
        return std::nullopt;
    }
    // Most specific first; a keyword matches at the start of a word ("File Hashes" -> hash).
    static const std::vector<std::pair<std::string_view, IndicatorType>> kLabels = {
        {"email subject", IndicatorType::email_subject},
        {"subject", IndicatorType::email_subject},
        {"sha256", IndicatorType::sha256},
        {"sha 256", IndicatorType::sha256},
        {"sha1", IndicatorType::sha1},
        {"sha 1", IndicatorType::sha1},
        {"sha512", IndicatorType::sha512},
        {"md5", IndicatorType::md5},
        {"hash", IndicatorType::sha256},
        {"file name", IndicatorType::filename},
        {"filename", IndicatorType::filename},
        {"file path", IndicatorType::file_path},
        {"path", IndicatorType::file_path},
        {"registry", IndicatorType::registry_key},
        {"scheduled task", IndicatorType::scheduled_task},
        {"task", IndicatorType::scheduled_task},
        {"user agent", IndicatorType::user_agent},
        {"url", IndicatorType::url},
        {"link", IndicatorType::url},
        {"domain", IndicatorType::domain},
        {"hostname", IndicatorType::domain},
        {"ip", IndicatorType::ipv4},
        {"email", IndicatorType::email},
        {"sender", IndicatorType::email},
        {"cve", IndicatorType::cve},
        {"ja3", IndicatorType::ja3},
        {"asn", IndicatorType::asn},
        {"mac", IndicatorType::mac},
        {"bitcoin", IndicatorType::btc},
        {"technique", IndicatorType::attack_technique},
        {"mutex", IndicatorType::other},
        {"other", IndicatorType::other},
    };
    for (const auto& [word, type] : kLabels) {
        for (size_t at = l.find(word); at != std::string::npos; at = l.find(word, at + 1)) {
            if (at == 0 || l[at - 1] == ' ') {
                return type;
            }
        }
    }
    return std::nullopt;
}

bool is_hand_only(IndicatorType t) {
    return t == IndicatorType::email_subject || t == IndicatorType::scheduled_task ||
           t == IndicatorType::user_agent || t == IndicatorType::other;
}

std::vector<Entry> Importer::entries_of(const Block& b, bool plain_lines) {
    Collected c = collect_entries(b, plain_lines);
    if (c.entries.empty()) {
        keep(b);
        return {};
    }
    note_pseudo(c);
    std::vector<Entry> out;
    out.reserve(c.entries.size());
    for (Entry& e : c.entries) {
        if (e.empty) {
            skip_empty(e.line);
        } else {
            out.push_back(std::move(e));
        }
    }
    return out;
}

void Importer::note_pseudo(const Collected& c) {
    if (c.pseudo_line != 0) {
        finding("pseudo-bullet", c.pseudo_line,
                "\"\xE2\x80\xA2\" pseudo-bullets instead of a Markdown list",
                "start each item with \"- \" so that it renders as a list");
    }
}

void Importer::check_placeholders(const Block& b) {
    if (b.kind == Block::Kind::list) {
        for (const Block& item : b.children) {
            if (item.children.empty()) {
                finding("empty-placeholder", item.line, "an empty list item",
                        "write the item, or remove it; an empty section may say so in words");
            }
            for (const Block& child : item.children) {
                check_placeholders(child);
            }
        }
        return;
    }
    if (b.kind != Block::Kind::paragraph) {
        return;
    }
    const auto lines = split_inline_lines(b.inlines);
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string text = inline_plain(lines[i]);
        const size_t at = text.find("****");
        if (at != std::string::npos) {
            const int line = b.line + static_cast<int>(i);
            const size_t column = doc_.line(line).find("****");
            finding("empty-placeholder", line,
                    "\"****\": an empty bold placeholder where a value belongs",
                    "write the value (a recipient, a reason), or remove the line",
                    column == std::string_view::npos ? 1 : static_cast<int>(column) + 1);
        }
    }
}

void Importer::skip_empty(int line) {
    event(ImportEvent::Kind::skipped, "an empty item", line);
}

std::optional<Time> Importer::parse_time_value(const std::string& value, int line,
                                               bool allow_clock) {
    LooseTimeOptions o = loose_options();
    if (!allow_clock) {
        o.default_date.clear();
    }
    auto t = parse_loose_time(value, o);
    if (!t) {
        return std::nullopt;
    }
    note_time(*t, line);
    return t->time;
}

void Importer::note_time(const LooseTime& t, int line) {
    if (t.zone_assumed) {
        event(ImportEvent::Kind::assumed,
              fmt::format("a time without a zone, read as {}", options_.assume_zone), line);
    }
    if (t.date_assumed) {
        event(ImportEvent::Kind::assumed,
              fmt::format("a clock time without a date, dated {}", last_date_), line);
    }
    if (!t.time.date_only) {
        last_date_ = format_rfc3339(t.time.utc).substr(0, 10);
    }
}

LooseTimeOptions Importer::loose_options() const {
    LooseTimeOptions o = time_options_;
    o.default_date = last_date_;
    return o;
}

std::string Importer::refang(const std::string& text) const {
    return refang_spans(text, extractor_);
}

SourceLocation Importer::at(int line, int column) const {
    return SourceLocation{options_.file, line, line > 0 ? column : 0};
}

void Importer::event(ImportEvent::Kind kind, std::string what, int line) {
    result_.events.push_back({kind, std::move(what), line});
}

void Importer::finding(std::string rule, int line, std::string message, std::string hint,
                       int column) {
    DiagnosticLevel severity = DiagnosticLevel::warning;
    for (const auto& r : markdown_lint_rules()) {
        if (r.id == rule) {
            severity = r.severity;
        }
    }
    for (const auto& r : analysis::case_lint_rules()) {
        if (r.id == rule) {
            severity = r.severity;
        }
    }
    result_.findings.push_back(
        {severity, std::move(message), std::move(hint), at(line, column), std::move(rule)});
}

} // namespace casefile::importer::detail
