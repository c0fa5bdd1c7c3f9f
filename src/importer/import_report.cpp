// Markdown report -> Case. The report is cut into sections at its headings (any level); each
// section is read by the reader for the part of the layout its heading names. What a reader
// cannot map is kept verbatim in a "Kept from ..." custom section, so nothing is lost.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"
#include "importer/entries.hpp"
#include "importer/evidence_kind.hpp"
#include "importer/evidence_times.hpp"
#include "importer/importer.hpp"
#include "importer/loose_time.hpp"
#include "importer/markdown_doc.hpp"
#include "importer/prose.hpp"
#include "importer/report_importer.hpp"
#include "importer/sections.hpp"
#include "model/report_layout.hpp"

namespace casefile::importer::detail {

namespace {

/// "Email Subject (Phish)" -> true when `key` (normalized) has any of the words.
bool key_has(std::string_view key, std::initializer_list<std::string_view> words) {
    const std::string k = normalize_heading(key);
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return k.find(w) != std::string::npos; });
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

bool is_hand_only(IndicatorType t) {
    return t == IndicatorType::email_subject || t == IndicatorType::scheduled_task ||
           t == IndicatorType::user_agent || t == IndicatorType::other;
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

std::optional<Importer::Field> Importer::field_of(const Entry& e) {
    if (!e.columns.empty()) {
        return std::nullopt;
    }
    std::vector<Inline> head = e.head;
    std::string label;
    if (!head.empty() && head.front().kind == Inline::Kind::strong) {
        label = std::string(trim(inline_plain(head.front().children)));
        head.erase(head.begin());
        if (!label.empty() && label.back() == ':') {
            label.pop_back();
        } else if (!head.empty() && head.front().kind == Inline::Kind::text &&
                   trim(head.front().literal).starts_with(":")) {
            std::string& t = head.front().literal;
            t.erase(0, t.find(':') + 1);
        } else {
            return std::nullopt;
        }
        std::string value(trim(inline_markdown(head)));
        const size_t newline = e.text.find('\n');
        if (newline != std::string::npos) {
            value += e.text.substr(newline);
        }
        return Field{std::string(trim(label)), std::string(trim(value)), e.line};
    }
    const std::string text = e.text;
    const size_t colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 40) {
        return std::nullopt;
    }
    label = text.substr(0, colon);
    if (!std::all_of(label.begin(), label.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '/' ||
                   c == '-' || c == '(' || c == ')' || c == '&' || c == '_';
        })) {
        return std::nullopt;
    }
    return Field{std::string(trim(label)), std::string(trim(text.substr(colon + 1))), e.line};
}

std::vector<Importer::Field> Importer::fields_of_row(const Entry& e) const {
    std::vector<Field> out;
    const auto find = [&](std::initializer_list<std::string_view> names) -> std::string {
        for (auto n : names) {
            if (auto it = e.columns.find(std::string(n)); it != e.columns.end()) {
                return it->second;
            }
        }
        return {};
    };
    const std::string key = find({"field", "key", "name", "attribute", "property", "item"});
    const std::string value = find({"value", "details", "detail", "data"});
    if (!key.empty()) {
        out.push_back({key, value, e.line});
        return out;
    }
    if (e.cells.size() == 2 && e.columns.empty()) {
        out.push_back({e.cells[0], e.cells[1], e.line});
        return out;
    }
    for (const auto& [header, cell] : e.columns) {
        out.push_back({header, cell, e.line});
    }
    return out;
}

void Importer::read_fields(const Section& s, const Block& b) {
    const Collected c = collect_entries(b, true);
    if (c.entries.empty()) {
        keep(b);
        return;
    }
    note_pseudo(c);
    for (const Entry& e : c.entries) {
        std::vector<Field> fields;
        if (!e.columns.empty() || !e.cells.empty()) {
            fields = fields_of_row(e);
        } else if (auto f = field_of(e)) {
            fields.push_back(*f);
        }
        if (e.empty) {
            skip_empty(e.line);
            continue;
        }
        if (fields.empty()) {
            keep(e);
            continue;
        }
        for (const Field& f : fields) {
            const bool mapped = s.kind == SectionKind::alert ? alert_field(f) : entity_field(f);
            if (!mapped) {
                kept_.push_back({f.line, f.line, doc_.source(f.line, f.line)});
            }
        }
    }
}

bool Importer::alert_field(const Field& f) {
    const std::string label = normalize_heading(f.label);
    model::Alert& a = result_.value.alert;
    const auto is = [&](std::initializer_list<std::string_view> names) {
        return std::find(names.begin(), names.end(), label) != names.end();
    };
    if (trim(f.value).empty()) {
        finding("empty-placeholder", f.line, fmt::format("\"{}\" has no value", f.label),
                "fill it in, or remove the line");
        return true;
    }
    std::string key;
    if (is({"ticket id", "ticket", "case id", "incident id", "id", "case", "ticket number",
            "case number", "incident number", "reference"})) {
        a.ticket_id = f.value;
        key = "ticket_id";
    } else if (is({"source", "detection source", "alert source", "product", "tool",
                   "detected by"})) {
        a.source = f.value;
        key = "source";
    } else if (is({"alert title", "title", "alert name", "alert", "name", "detection", "rule",
                   "rule name"})) {
        a.title = f.value;
        key = "title";
    } else if (is({"observed at", "observed", "detected at", "detected", "detection time", "time",
                   "timestamp", "alert time", "date", "triggered at", "first seen", "time detected",
                   "created"})) {
        auto t = parse_time_value(f.value, f.line, false);
        if (!t) {
            return false;
        }
        a.observed_at = *t;
        have_observed_ = true;
        key = "observed_at";
    } else if (is({"severity", "priority", "criticality", "risk"})) {
        std::optional<model::Severity> sev;
        for (const std::string_view word :
             {"informational", "info", "low", "medium", "moderate", "high", "critical"}) {
            if (to_lower(f.value).find(word) != std::string::npos) {
                sev = word == "info"       ? model::Severity::informational
                      : word == "moderate" ? model::Severity::medium
                                           : model::parse_enum<model::Severity>(word);
                break;
            }
        }
        if (!sev) {
            return false;
        }
        a.severity = *sev;
        have_severity_ = true;
        key = "severity";
    } else if (is({"status", "state", "case status"})) {
        std::string v = to_lower(trim(f.value));
        std::replace(v.begin(), v.end(), ' ', '_');
        auto st = model::parse_enum<model::CaseStatus>(v);
        if (!st) {
            return false;
        }
        a.status = st;
        key = "status";
    } else if (is({"tlp", "traffic light protocol", "classification", "marking"}) &&
               to_lower(trim(f.value)) == "not set") {
        return true; // the report renderer's words for a case without TLP
    } else if (is({"tlp", "traffic light protocol", "classification", "marking"})) {
        auto tlp = model::parse_tlp(trim(f.value));
        if (!tlp) {
            return false;
        }
        a.tlp = tlp;
        key = "tlp";
    } else if (is({"description", "details", "summary", "alert description"})) {
        a.description = refang(f.value);
        key = "description";
    } else {
        return false;
    }
    result_.value.locations["alert." + key] = at(f.line);
    return true;
}

bool Importer::entity_field(const Field& f) {
    const std::string label = normalize_heading(f.label);
    const auto is = [&](std::initializer_list<std::string_view> names) {
        return std::find(names.begin(), names.end(), label) != names.end();
    };
    model::Entities& e = result_.value.entities;
    if (trim(f.value).empty()) {
        finding("empty-placeholder", f.line, fmt::format("\"{}\" has no value", f.label),
                "fill it in, or remove the line");
        return true;
    }
    const auto user = [&](std::string model::User::*member) {
        if (e.users.empty() || !(e.users.back().*member).empty()) {
            e.users.push_back(model::User{});
            e.users.back().where = at(f.line);
        }
        return &(e.users.back().*member);
    };
    const auto device = [&](std::string model::Device::*member) {
        if (e.devices.empty() || !(e.devices.back().*member).empty()) {
            e.devices.push_back(model::Device{});
            e.devices.back().where = at(f.line);
        }
        return &(e.devices.back().*member);
    };
    if (is({"user id", "sid", "user sid", "security id", "object id"})) {
        *user(&model::User::sid) = f.value;
    } else if (is({"user name", "name", "display name", "full name", "user", "employee"})) {
        *user(&model::User::name) = f.value;
    } else if (is({"account", "account name", "username", "logon name", "sam account name",
                   "samaccountname", "login"})) {
        *user(&model::User::account) = f.value;
    } else if (is({"upn", "user principal name", "principal"})) {
        *user(&model::User::upn) = ioc::refang_text(f.value);
    } else if (is({"email", "e mail", "mail", "email address"})) {
        *user(&model::User::email) = ioc::refang_text(f.value);
    } else if (is({"title", "job title", "role", "position", "department"})) {
        *user(&model::User::title) = f.value;
    } else if (is({"device id", "device", "machine id", "asset id", "asset"})) {
        *device(&model::Device::id) = f.value;
    } else if (is({"hostname", "host", "computer", "computer name", "machine", "host name",
                   "device name", "workstation"})) {
        *device(&model::Device::hostname) = f.value;
    } else if (is({"ip addresses", "ip address", "ip", "ips", "device ip", "host ip",
                   "internal ip"})) {
        if (e.devices.empty() || !e.devices.back().ips.empty()) {
            e.devices.push_back(model::Device{});
            e.devices.back().where = at(f.line);
        }
        std::string list = ioc::refang_text(f.value);
        std::replace(list.begin(), list.end(), ';', ',');
        for (size_t start = 0; start <= list.size();) {
            size_t end = list.find(',', start);
            end = end == std::string::npos ? list.size() : end;
            const std::string ip(trim(std::string_view(list).substr(start, end - start)));
            if (!ip.empty()) {
                e.devices.back().ips.push_back(ip);
            }
            start = end + 1;
        }
    } else {
        return false;
    }
    return true;
}

bool Importer::label_is_group(std::string_view label) const {
    return type_from_label(label).has_value() || normalize_heading(label).starts_with("command") ||
           normalize_heading(label).starts_with("script");
}

void Importer::read_iocs(const Block& b) {
    if (b.kind == Block::Kind::heading) {
        set_group(inline_plain(b.inlines), b.line);
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
