// Timed entries (triage, actions, escalations), plain lists and summaries.
#include <algorithm>
#include <optional>

#include "core/text.hpp"
#include "importer/entries.hpp"
#include "importer/loose_time.hpp"
#include "importer/markdown_doc.hpp"
#include "importer/report_importer.hpp"

namespace casefile::importer::detail {

void Importer::read_timed(const Section& s, const Block& b) {
    for (const Entry& e : entries_of(b, true)) {
        if (e.label) {
            keep(e);
            continue;
        }
        timed_entry(s, e);
    }
}

void Importer::timed_entry(const Section& s, const Entry& e) {
    std::string text;
    std::string actor;
    std::optional<Time> time;
    std::string to;
    std::string reason;
    if (!e.columns.empty()) {
        const auto col = [&](std::initializer_list<std::string_view> names) -> std::string {
            for (auto n : names) {
                if (auto it = e.columns.find(std::string(n)); it != e.columns.end()) {
                    return it->second;
                }
            }
            return {};
        };
        const std::string when =
            col({"time", "date", "when", "timestamp", "time utc", "date time", "datetime"});
        if (!when.empty()) {
            time = parse_time_value(when, e.line, true);
            if (!time) {
                text = when + " ";
            }
        }
        actor = col({"actor", "analyst", "who", "by", "owner", "performed by", "team"});
        text += col({"action", "description", "step", "activity", "details", "what", "text",
                     "event", "finding", "note"});
        to = col({"to", "recipient", "escalated to", "team escalated"});
        reason = col({"reason", "why", "notes"});
    } else {
        std::vector<Inline> head = e.head;
        // "text — _actor_" as the renderer writes it.
        if (head.size() >= 2 && head.back().kind == Inline::Kind::emph &&
            head[head.size() - 2].kind == Inline::Kind::text &&
            head[head.size() - 2].literal.ends_with(" \xE2\x80\x94 ")) {
            actor = refang(inline_plain(head.back().children));
            head.pop_back();
            std::string& t = head.back().literal;
            t.erase(t.size() - 5);
        }
        std::string full =
            s.kind == SectionKind::escalations ? inline_plain(head) : inline_markdown(head);
        const size_t newline = e.text.find('\n');
        if (newline != std::string::npos) {
            full += e.text.substr(newline);
        }
        TimedText t = split_leading_time(full, loose_options());
        if (t.time) {
            note_time(*t.time, e.line);
            time = t.time->time;
            text = t.rest;
        } else {
            text = full;
        }
    }
    if (e.plain && !time && s.kind != SectionKind::triage) {
        keep(e); // prose between the entries
        return;
    }
    model::Case& c = result_.value;
    const SourceLocation where = at(e.line);
    if (s.kind == SectionKind::escalations) {
        if (to.empty() && reason.empty()) {
            split_escalation(text, to, reason);
        }
        c.escalations.push_back({time, refang(to), refang(reason), where});
        return;
    }
    if (trim(text).empty()) {
        skip_empty(e.line);
        return;
    }
    if (s.kind == SectionKind::triage) {
        c.triage.push_back({time, refang(text), actor, where});
    } else {
        c.actions.push_back({time, refang(text), actor, where});
    }
}

void Importer::split_escalation(const std::string& text, std::string& to, std::string& reason) {
    std::string_view t = trim(text);
    const std::string lower = to_lower(t);
    if (lower.starts_with("escalated to ")) {
        t.remove_prefix(13);
    } else if (lower.starts_with("escalated (recipient not recorded)")) {
        t.remove_prefix(34);
    } else if (lower.starts_with("escalated")) {
        t.remove_prefix(9);
    } else if (lower.starts_with("to ")) {
        t.remove_prefix(3);
    }
    const size_t colon = t.find(':');
    const size_t semicolon = t.find(';');
    size_t cut = std::min(colon, semicolon);
    to = std::string(trim(t.substr(0, cut)));
    reason = cut == std::string_view::npos ? "" : std::string(trim(t.substr(cut + 1)));
    if (to.find_first_not_of("* ") == std::string::npos) {
        to.clear(); // "Escalated to ****:" (check_placeholders reports it)
    }
    if (reason == "reason not recorded.") {
        reason.clear();
    }
}

void Importer::read_items(const Section& s, const Block& b) {
    std::vector<std::string>& out =
        s.kind == SectionKind::lessons ? result_.value.lessons : result_.value.next_steps;
    for (const Entry& e : entries_of(b, false)) {
        if (e.label) {
            keep(e);
            continue;
        }
        std::string text = e.text;
        for (const Entry& child : e.children) {
            text += "\n- " + child.text;
        }
        out.push_back(refang(text));
    }
}

void Importer::read_summary(const Section& s, const Block& b) {
    std::string& out =
        s.kind == SectionKind::summary ? result_.value.summary : result_.value.executive_summary;
    std::string piece;
    switch (b.kind) {
    case Block::Kind::paragraph: {
        const Collected c = collect_entries(b, false);
        note_pseudo(c);
        piece = inline_markdown(b.inlines);
        break;
    }
    case Block::Kind::list:
        for (const Entry& e : collect_entries(b, false).entries) {
            piece += (piece.empty() ? "- " : "\n- ") + e.text;
        }
        break;
    default:
        keep(b);
        return;
    }
    out += (out.empty() ? "" : "\n\n") + refang(piece);
}

} // namespace casefile::importer::detail
