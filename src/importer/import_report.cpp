// Markdown report -> Case. The report is cut into sections at its headings (any level); each
// section is read by the reader for the part of the layout its heading names. What a reader
// cannot map is kept verbatim in a "Kept from ..." custom section, so nothing is lost.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"
#include "importer/entries.hpp"
#include "importer/evidence_times.hpp"
#include "importer/importer.hpp"
#include "importer/loose_time.hpp"
#include "importer/markdown_doc.hpp"
#include "importer/report_importer.hpp"
#include "importer/sections.hpp"
#include "model/report_layout.hpp"

namespace casefile::importer::detail {

Importer::Importer(std::string_view markdown, const ioc::Extractor& extractor,
                   const ImportOptions& options)
    : doc_(parse_markdown(markdown)), extractor_(extractor), options_(options) {
    time_options_.assume_zone = options.assume_zone;
}

Result<ImportedReport> Importer::run() {
    const std::vector<Section> sections = split_sections();
    for (const Section& s : sections) {
        read_section(s);
    }
    move_pasted_rows();
    return finish();
}

void Importer::read_osint(const Block& b) {
    if (b.kind == Block::Kind::heading) {
        start_provider(inline_plain(b.inlines), b.line);
        return;
    }
    const Collected c = collect_entries(b, false);
    if (c.entries.empty()) {
        keep(b);
        return;
    }
    note_pseudo(c);
    for (const Entry& e : c.entries) {
        if (e.empty) {
            skip_empty(e.line);
            continue;
        }
        if (e.label) {
            start_provider(label_text(e.head), e.line);
            continue;
        }
        if (osint_mode_ == OsintMode::none) {
            // A list item "VirusTotal:" with sub-items, or text before any provider.
            const std::string t(trim(inline_plain(e.head)));
            if (!e.children.empty() && t.ends_with(":")) {
                start_provider(t.substr(0, t.size() - 1), e.line);
                for (const Entry& child : e.children) {
                    osint_item(child);
                }
                continue;
            }
            keep(e);
            continue;
        }
        osint_item(e);
    }
}

void Importer::start_provider(std::string name, int line) {
    name = std::string(trim(name));
    const std::string n = normalize_heading(name);
    if (n.starts_with("screenshot")) {
        osint_mode_ = OsintMode::screenshot;
        return;
    }
    model::OsintResult r;
    r.provider = name;
    r.where = at(line);
    result_.value.osint.push_back(std::move(r));
    osint_mode_ = OsintMode::provider;
    event(ImportEvent::Kind::mapped, fmt::format("OSINT result from {}", name), line);
}

void Importer::osint_item(const Entry& e) {
    if (osint_mode_ == OsintMode::screenshot) {
        screenshot(e.text, e.line);
        return;
    }
    model::OsintResult& r = result_.value.osint.back();
    const std::string text(trim(e.text));
    const size_t colon = text.find(':');
    const std::string key =
        colon == std::string::npos || colon > 30 ? "" : normalize_heading(text.substr(0, colon));
    const std::string value =
        colon == std::string::npos ? "" : std::string(trim(text.substr(colon + 1)));
    const auto is = [&](std::initializer_list<std::string_view> names) {
        return std::find(names.begin(), names.end(), key) != names.end();
    };
    LooseTimeOptions date_options = time_options_;
    date_options.allow_date_only = true;
    if (!key.empty() && value.empty() &&
        (key.find("behavio") != std::string::npos || key == "activity" ||
         key == "observed behaviour" || key == "indicators")) {
        osint_mode_ = OsintMode::behaviours;
        for (const Entry& child : e.children) {
            r.behaviours.push_back(refang(child.text));
        }
        return;
    }
    if (auto ratio = detection_ratio(text)) {
        r.detections = ratio->first;
        for (auto& name : ratio->second) {
            r.detection_names.push_back(name);
        }
    } else if (is({"detected as", "detections", "detection names", "names", "family"})) {
        for (auto& name : split_list(value)) {
            r.detection_names.push_back(name);
        }
    } else if (is({"verdict", "result", "score"})) {
        r.verdict = value;
    } else if (is({"first seen"}) && parse_loose_time(value, date_options) &&
               parse_loose_time(value, date_options)->length >= trim(value).size()) {
        r.first_seen = parse_loose_time(value, date_options)->time;
    } else if (is({"last seen"}) && parse_loose_time(value, date_options) &&
               parse_loose_time(value, date_options)->length >= trim(value).size()) {
        r.last_seen = parse_loose_time(value, date_options)->time;
    } else if (is({"classification", "category", "malware family", "threat"})) {
        r.classification = value;
    } else if (is({"reference", "link", "report", "permalink"})) {
        r.links.push_back(ioc::refang_text(value));
    } else if (is({"screenshot"})) {
        screenshot(value, e.line);
    } else if (is({"subject", "lookup", "sample", "url", "hash", "file", "domain", "ip"}) &&
               r.subject.empty()) {
        r.subject = refang(value);
    } else if (osint_mode_ == OsintMode::provider && key.empty() && r.subject.empty() &&
               r.behaviours.empty() && !r.detections) {
        r.subject = refang(text);
    } else {
        r.behaviours.push_back(refang(text));
    }
    for (const Entry& child : e.children) {
        r.behaviours.push_back(refang(child.text));
    }
}

std::vector<std::string> Importer::split_list(std::string_view s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find(',', start);
        end = end == std::string_view::npos ? s.size() : end;
        const std::string item(trim(s.substr(start, end - start)));
        if (!item.empty()) {
            out.push_back(item);
        }
        start = end + 1;
    }
    return out;
}

std::optional<std::pair<model::DetectionRatio, std::vector<std::string>>>
Importer::detection_ratio(std::string_view text) {
    size_t i = 0;
    const auto number = [&](int& out) {
        const size_t start = i;
        out = 0;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0 &&
               i - start < 6) {
            out = out * 10 + (text[i] - '0');
            ++i;
        }
        return i > start;
    };
    const auto blanks = [&] {
        while (i < text.size() && text[i] == ' ') {
            ++i;
        }
    };
    model::DetectionRatio ratio;
    if (!number(ratio.detected)) {
        return std::nullopt;
    }
    blanks();
    if (i >= text.size() || text[i] != '/') {
        return std::nullopt;
    }
    ++i;
    blanks();
    if (!number(ratio.total) || ratio.total == 0 || ratio.detected > ratio.total) {
        return std::nullopt;
    }
    std::vector<std::string> names;
    const size_t eg = text.find("(e.g.");
    if (eg != std::string_view::npos) {
        size_t start = eg + 5;
        if (start < text.size() && text[start] == ',') {
            ++start;
        }
        const size_t close = text.rfind(')');
        if (close != std::string_view::npos && close > start) {
            names = split_list(text.substr(start, close - start));
        }
    }
    return std::make_pair(ratio, names);
}

void Importer::screenshot(const std::string& raw, int line) {
    std::string text = raw;
    std::string provider;
    const size_t from = text.rfind(" \xE2\x80\x94 from ");
    if (from != std::string::npos) {
        provider = std::string(trim(text.substr(from + 9)));
        text = text.substr(0, from);
    }
    model::Screenshot s;
    const size_t cap = text.find("(Caption:");
    if (cap != std::string::npos) {
        const size_t close = text.rfind(')');
        s.caption = std::string(
            trim(text.substr(cap + 9, close > cap ? close - cap - 9 : std::string::npos)));
        text = text.substr(0, cap);
    }
    const std::string where(trim(text));
    std::optional<ioc::Match> url;
    extractor_.scan(where, scan_options(), [&](const ioc::Match& m) {
        if (!url && m.type == IndicatorType::url) {
            url = m;
        }
    });
    if (url) {
        s.url = url->value;
    } else {
        s.file = where;
    }
    std::vector<model::OsintResult>& osint = result_.value.osint;
    model::OsintResult* owner = nullptr;
    for (auto& r : osint) {
        if (!provider.empty() && r.provider == provider && !r.screenshot) {
            owner = &r;
        }
    }
    if (owner == nullptr && provider.empty() && !osint.empty() && !osint.back().screenshot) {
        owner = &osint.back();
    }
    if (owner == nullptr) {
        osint.push_back(model::OsintResult{});
        osint.back().provider = provider.empty() ? "Screenshot" : provider;
        osint.back().where = at(line);
        owner = &osint.back();
    }
    owner->screenshot = s;
    event(ImportEvent::Kind::mapped, fmt::format("screenshot of {}", owner->provider), line);
}

void Importer::read_timed(const Section& s, const Block& b) {
    const Collected c = collect_entries(b, true);
    if (c.entries.empty()) {
        keep(b);
        return;
    }
    note_pseudo(c);
    for (const Entry& e : c.entries) {
        if (e.empty) {
            skip_empty(e.line);
            continue;
        }
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
    const Collected c = collect_entries(b, false);
    if (c.entries.empty()) {
        keep(b);
        return;
    }
    note_pseudo(c);
    std::vector<std::string>& out =
        s.kind == SectionKind::lessons ? result_.value.lessons : result_.value.next_steps;
    for (const Entry& e : c.entries) {
        if (e.empty) {
            skip_empty(e.line);
            continue;
        }
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

Result<ImportedReport> Importer::finish() {
    model::Case& c = result_.value;
    std::stable_sort(c.indicators.begin(), c.indicators.end(),
                     [](const model::ManualIndicator& a, const model::ManualIndicator& b) {
                         return model::indicator_group_rank(a.type) <
                                model::indicator_group_rank(b.type);
                     });
    model::Alert& a = c.alert;
    if (!have_observed_) {
        std::optional<Time> earliest;
        if (auto e = earliest_evidence_time(c)) {
            earliest = *e;
        }
        for (const auto& act : c.actions) {
            if (act.time && (!earliest || act.time->utc < earliest->utc)) {
                earliest = act.time;
            }
        }
        if (!earliest) {
            return fail(ErrorCode::bad_input,
                        fmt::format("{}: the report gives no time for the alert (Observed "
                                    "At) and records no other time",
                                    options_.file),
                        "add a line such as '- **Observed At:** 2025-11-11T13:42:00Z' "
                        "under the alert overview, then import again");
        }
        a.observed_at = *earliest;
        event(ImportEvent::Kind::assumed,
              fmt::format("no Observed At: the earliest time in the report, {}",
                          format_time(*earliest)),
              0);
    }
    if (!have_severity_) {
        event(ImportEvent::Kind::assumed, "no severity: medium", 0);
    }
    if (a.ticket_id.empty()) {
        std::string stem = std::filesystem::path(options_.file).stem().string();
        a.ticket_id = stem.empty() ? "imported-report" : stem;
        event(ImportEvent::Kind::assumed,
              fmt::format("no ticket id: the file name, {}", a.ticket_id), 0);
    }
    const std::string generic = normalize_heading(title_text_);
    const bool generic_title = generic.empty() || generic == "soc investigation report" ||
                               generic == "investigation report" || generic == "incident report";
    if (a.title.empty()) {
        a.title = generic_title ? "Imported investigation report" : title_text_;
        event(ImportEvent::Kind::assumed, fmt::format("no alert title: \"{}\"", a.title), 0);
    } else if (!generic_title && title_text_.find(a.title) == std::string::npos &&
               title_text_.find(a.ticket_id) == std::string::npos) {
        c.sections.insert(c.sections.begin(),
                          model::CustomSection{std::string(kKeptPrefix) + "the report title",
                                               title_text_, at(1)});
        event(ImportEvent::Kind::kept, "the report's own title, as a custom section", 1);
    }
    if (!c.locations.contains("alert")) {
        c.locations["alert"] = at(1);
    }
    return std::move(result_);
}

} // namespace casefile::importer::detail

namespace casefile::importer {

std::string_view to_string(ImportEvent::Kind k) {
    switch (k) {
    case ImportEvent::Kind::mapped:
        return "mapped";
    case ImportEvent::Kind::kept:
        return "kept";
    case ImportEvent::Kind::moved:
        return "moved";
    case ImportEvent::Kind::skipped:
        return "skipped";
    case ImportEvent::Kind::assumed:
        return "assumed";
    }
    return "mapped";
}

Result<ImportedReport> import_report(std::string_view markdown, const ioc::Extractor& extractor,
                                     const ImportOptions& options) {
    return detail::Importer(markdown, extractor, options).run();
}

} // namespace casefile::importer
