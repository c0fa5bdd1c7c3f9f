// The alert overview and the entities: "**Label:** value" fields, in lists or tables.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"
#include "importer/entries.hpp"
#include "importer/markdown_doc.hpp"
#include "importer/report_importer.hpp"
#include "importer/sections.hpp"

namespace casefile::importer::detail {

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
    for (const Entry& e : entries_of(b, true)) {
        std::vector<Field> fields;
        if (!e.columns.empty() || !e.cells.empty()) {
            fields = fields_of_row(e);
        } else if (auto f = field_of(e)) {
            fields.push_back(*f);
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

void Importer::keep_nameless_entities() {
    model::Entities& e = result_.value.entities;
    std::vector<int> lines;
    std::erase_if(e.users, [&](const model::User& u) {
        const bool nameless = u.sid.empty() && u.name.empty() && u.account.empty() &&
                              u.upn.empty() && u.email.empty();
        if (nameless) {
            lines.push_back(u.where.line);
        }
        return nameless;
    });
    std::erase_if(e.devices, [&](const model::Device& d) {
        const bool nameless = d.id.empty() && d.hostname.empty();
        if (nameless) {
            lines.push_back(d.where.line);
        }
        return nameless;
    });
    if (lines.empty()) {
        return;
    }
    std::sort(lines.begin(), lines.end());
    std::string body;
    for (const int line : lines) {
        body += (body.empty() ? "" : "\n") + doc_.source(line, line);
        event(ImportEvent::Kind::kept, "a user or device the report names no one by", line);
    }
    result_.value.sections.push_back(model::CustomSection{
        std::string(kKeptPrefix) + "entities without a name", body, at(lines.front())});
}

} // namespace casefile::importer::detail
