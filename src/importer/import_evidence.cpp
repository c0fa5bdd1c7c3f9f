// Evidence: queries, logs and commands in code blocks, with the labels that name them, and
// tables pasted into code blocks, moved to the IoC list.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"
#include "importer/evidence_kind.hpp"
#include "importer/prose.hpp"
#include "importer/report_importer.hpp"
#include "importer/sections.hpp"

namespace casefile::importer::detail {

namespace {

/// "Email Subject (Phish)" -> true when `key` (normalized) has any of the words.
bool key_has(std::string_view key, std::initializer_list<std::string_view> words) {
    const std::string k = normalize_heading(key);
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return k.find(w) != std::string::npos; });
}

/// A "| a | b |" line of a table pasted into a code block: its cells, or nothing.
std::optional<std::vector<std::string>> table_row_cells(std::string_view line) {
    const std::string_view l = trim(line);
    if (l.size() < 3 || l.front() != '|' || l.back() != '|') {
        return std::nullopt;
    }
    std::vector<std::string> cells;
    std::string cell;
    for (size_t i = 1; i + 1 < l.size(); ++i) {
        if (l[i] == '|' && l[i - 1] != '\\') {
            cells.emplace_back(trim(cell));
            cell.clear();
            continue;
        }
        cell += l[i];
    }
    cells.emplace_back(trim(cell));
    if (cells.size() < 2) {
        return std::nullopt;
    }
    return cells;
}

bool is_separator_row(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
        return !c.empty() && c.find_first_not_of("-: ") == std::string::npos;
    });
}

} // namespace

void Importer::read_evidence(const Section& s, const Block& b) {
    std::string label = std::move(pending_label_);
    pending_label_.clear();
    std::string text = b.literal;
    std::optional<EvidenceRole> role;
    switch (s.kind) {
    case SectionKind::queries:
        role = EvidenceRole::query;
        break;
    case SectionKind::logs:
        role = EvidenceRole::log;
        break;
    case SectionKind::commands:
        role = EvidenceRole::command;
        break;
    case SectionKind::iocs:
        if (commands_mode_) {
            role = EvidenceRole::command;
        } else if (label.empty() && indicator_lines(b)) {
            return;
        }
        break;
    default:
        break;
    }
    const EvidenceLabel parsed = parse_label(label);
    // Table rows pasted into the block are data, not evidence.
    std::vector<PastedRow> rows;
    std::string kept_text;
    int line = b.line;
    for (const std::string_view l : split_lines(text)) {
        ++line;
        if (auto cells = table_row_cells(l)) {
            rows.push_back({*cells, line, {}});
            continue;
        }
        kept_text += std::string(l) + "\n";
    }
    const bool all_rows = !rows.empty() && trim(kept_text).empty();
    if (!all_rows) {
        text = kept_text;
    }
    const EvidenceKind kind = classify_evidence(parsed, role, b.info, text);
    std::string block_label;
    model::Case& c = result_.value;
    const SourceLocation where = at(b.line);
    switch (kind.role) {
    case EvidenceRole::query:
        c.queries.push_back({kind.query, parsed.title, text, {}, where, false});
        block_label = fmt::format("{} {}", model::display_name(kind.query), c.queries.size());
        break;
    case EvidenceRole::log:
        c.logs.push_back({kind.log, {}, parsed.title, text, {}, std::nullopt, where, false});
        block_label = fmt::format("{} {}", model::display_name(kind.log), c.logs.size());
        break;
    case EvidenceRole::command:
        c.commands.push_back({kind.script, parsed.title, text, {}, where, false});
        block_label = fmt::format("Command {}", c.commands.size());
        break;
    }
    event(ImportEvent::Kind::mapped,
          fmt::format("code block{} as {}", label.empty() ? "" : " \"" + label + "\"", block_label),
          b.line);
    if (auto conflict = fence_conflict(b.info, kind, text)) {
        finding("fence-language", b.line,
                fmt::format("{} is fenced as `{}` but {}", block_label, b.info, *conflict),
                fmt::format("fence it as `{}`", expected_fence(kind, text)));
    }
    if (all_rows) {
        return; // a table kept as its evidence, rows and all
    }
    for (PastedRow& r : rows) {
        r.block_label = block_label;
        if (is_separator_row(r.cells)) {
            event(ImportEvent::Kind::skipped, "a table separator row inside a code block", r.line);
        }
        finding("pasted-table-row", r.line,
                fmt::format("a table row is pasted inside the code block of {}", block_label),
                "move the row out of the code block, into the IoC list or the text");
        if (!is_separator_row(r.cells)) {
            pasted_.push_back(std::move(r));
        }
    }
}

bool Importer::indicator_lines(const Block& b) {
    std::vector<std::pair<std::string, int>> values;
    int line = b.line;
    for (const std::string_view l : split_lines(b.literal)) {
        ++line;
        const std::string v(trim(l));
        if (v.empty()) {
            continue;
        }
        bool whole = false;
        extractor_.scan(v, scan_options(), [&](const ioc::Match& m) {
            whole = whole || (m.offset == 0 && m.length == v.size());
        });
        if (!whole) {
            return false;
        }
        values.emplace_back(v, line);
    }
    if (values.empty()) {
        return false;
    }
    finding("pasted-table-row", b.line,
            "the IoC list is written as a code block, which hides it from readers",
            "write the indicators as a Markdown list");
    for (const auto& [v, l] : values) {
        add_indicator(v, "", l, hint_);
    }
    return true;
}

void Importer::move_pasted_rows() {
    model::Case& c = result_.value;
    std::string moved;
    for (const PastedRow& r : pasted_) {
        const std::string key = r.cells.front();
        std::vector<std::string> rest(r.cells.begin() + 1, r.cells.end());
        const std::string value = refang(join(rest, " | "));
        const auto type = type_from_label(key);
        if (key_has(key, {"subject"}) ||
            (type && is_hand_only(*type) && *type != IndicatorType::other)) {
            model::ManualIndicator m;
            m.type = key_has(key, {"subject"}) ? IndicatorType::email_subject : *type;
            m.value = strip_quotes(value);
            m.note = key;
            m.where = at(r.line);
            finding("missing-ioc", r.line,
                    fmt::format("{} \"{}\" sits in a table row pasted into {}, not in the "
                                "IoC list",
                                model::to_string(m.type), m.value, r.block_label),
                    "list it under Indicators of Compromise");
            event(ImportEvent::Kind::moved,
                  fmt::format("table row \"{}\" from {} to the indicators ({})", key, r.block_label,
                              model::to_string(m.type)),
                  r.line);
            c.indicators.push_back(std::move(m));
            continue;
        }
        // A row about a listed indicator becomes its note.
        model::ManualIndicator* target = nullptr;
        extractor_.scan(value, scan_options(), [&](const ioc::Match& m) {
            for (auto& i : c.indicators) {
                if (target == nullptr && i.type == m.type && i.value == m.value) {
                    target = &i;
                }
            }
        });
        if (target != nullptr) {
            target->note += (target->note.empty() ? "" : "; ") + key + ": " + value;
            event(ImportEvent::Kind::moved,
                  fmt::format("table row \"{}\" from {} to the note of {}", key, r.block_label,
                              target->value),
                  r.line);
            continue;
        }
        moved += fmt::format("- {}: {} (from {})\n", key, value, r.block_label);
        event(ImportEvent::Kind::moved,
              fmt::format("table row \"{}\" from {} to section \"{}table rows in code "
                          "blocks\"",
                          key, r.block_label, kKeptPrefix),
              r.line);
    }
    if (!moved.empty()) {
        moved.pop_back();
        c.sections.push_back(
            model::CustomSection{std::string(kKeptPrefix) + "table rows in code blocks", moved,
                                 at(pasted_.front().line)});
    }
}

} // namespace casefile::importer::detail
