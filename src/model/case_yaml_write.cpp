// Case -> case.yaml, in the field order of docs/case-format.md. Absent values stay absent so
// that loading and saving changes nothing but formatting.
#include <algorithm>

#include "core/file_io.hpp"
#include "model/case_yaml.hpp"
#include "model/yaml_writer.hpp"

namespace casefile::model {
namespace {

using detail::YamlWriter;

void text(YamlWriter& w, std::string_view key, const std::string& value) {
    if (!value.empty()) {
        w.field(key, value);
    }
}

void time(YamlWriter& w, std::string_view key, const std::optional<Time>& value) {
    if (value) {
        w.field(key, value->original.empty() ? format_time(*value) : value->original);
    }
}

void list(YamlWriter& w, std::string_view key, const std::vector<std::string>& values) {
    if (!values.empty()) {
        w.list_field(key, values);
    }
}

template <class E> void enumeration(YamlWriter& w, std::string_view key, E value) {
    w.field(key, to_string(value));
}

/// Evidence loaded from a file is saved as the reference, never inlined.
template <class T> void text_or_file(YamlWriter& w, const T& item) {
    if (!item.file.empty()) {
        w.field("file", item.file);
    } else {
        text(w, "text", item.text);
    }
}

template <class T> bool any_declared(const std::vector<T>& items) {
    return std::any_of(items.begin(), items.end(), [](const T& i) { return !i.discovered; });
}

void write_alert(YamlWriter& w, const Alert& a) {
    w.open_map("alert");
    text(w, "ticket_id", a.ticket_id);
    text(w, "source", a.source);
    text(w, "title", a.title);
    time(w, "observed_at", a.observed_at);
    enumeration(w, "severity", a.severity);
    if (a.status) {
        enumeration(w, "status", *a.status);
    }
    if (a.tlp) {
        enumeration(w, "tlp", *a.tlp);
    }
    text(w, "description", a.description);
    w.close();
}

void write_entities(YamlWriter& w, const Entities& e) {
    if (e.users.empty() && e.devices.empty()) {
        return;
    }
    w.open_map("entities");
    if (!e.users.empty()) {
        w.open_list("users");
        for (const User& u : e.users) {
            w.open_item();
            text(w, "sid", u.sid);
            text(w, "name", u.name);
            text(w, "account", u.account);
            text(w, "upn", u.upn);
            text(w, "email", u.email);
            text(w, "title", u.title);
            w.close();
        }
        w.close();
    }
    if (!e.devices.empty()) {
        w.open_list("devices");
        for (const Device& d : e.devices) {
            w.open_item();
            text(w, "id", d.id);
            text(w, "hostname", d.hostname);
            list(w, "ips", d.ips);
            w.close();
        }
        w.close();
    }
    w.close();
}

void write_evidence(YamlWriter& w, const Case& c) {
    const bool queries = any_declared(c.queries);
    const bool logs = any_declared(c.logs);
    if (!queries && !logs) {
        return;
    }
    w.open_map("evidence");
    if (queries) {
        w.open_list("queries");
        for (const Query& q : c.queries) {
            if (q.discovered) {
                continue;
            }
            w.open_item();
            enumeration(w, "language", q.language);
            text(w, "title", q.title);
            text_or_file(w, q);
            w.close();
        }
        w.close();
    }
    if (logs) {
        w.open_list("logs");
        for (const RawLog& l : c.logs) {
            if (l.discovered) {
                continue;
            }
            w.open_item();
            enumeration(w, "kind", l.kind);
            text(w, "format", l.format);
            text(w, "title", l.title);
            time(w, "time", l.time);
            text_or_file(w, l);
            w.close();
        }
        w.close();
    }
    w.close();
}

void write_indicators(YamlWriter& w, const std::vector<ManualIndicator>& indicators) {
    if (indicators.empty()) {
        return;
    }
    w.open_list("indicators");
    for (const ManualIndicator& i : indicators) {
        w.open_item();
        enumeration(w, "type", i.type);
        text(w, "value", i.value);
        text(w, "file", i.file);
        text(w, "note", i.note);
        w.close();
    }
    w.close();
}

void write_commands(YamlWriter& w, const std::vector<Command>& commands) {
    if (!any_declared(commands)) {
        return;
    }
    w.open_list("commands");
    for (const Command& cmd : commands) {
        if (cmd.discovered) {
            continue;
        }
        w.open_item();
        enumeration(w, "language", cmd.language);
        text(w, "title", cmd.title);
        text_or_file(w, cmd);
        w.close();
    }
    w.close();
}

void write_osint(YamlWriter& w, const std::vector<OsintResult>& results) {
    if (results.empty()) {
        return;
    }
    w.open_list("osint");
    for (const OsintResult& r : results) {
        w.open_item();
        text(w, "provider", r.provider);
        text(w, "subject", r.subject);
        text(w, "verdict", r.verdict);
        if (r.detections) {
            w.field("detections", std::to_string(r.detections->detected) + "/" +
                                      std::to_string(r.detections->total));
        }
        list(w, "detection_names", r.detection_names);
        time(w, "first_seen", r.first_seen);
        time(w, "last_seen", r.last_seen);
        text(w, "classification", r.classification);
        list(w, "behaviours", r.behaviours);
        list(w, "links", r.links);
        if (r.screenshot) {
            w.open_map("screenshot");
            text(w, "url", r.screenshot->url);
            text(w, "file", r.screenshot->file);
            text(w, "caption", r.screenshot->caption);
            w.close();
        }
        w.close();
    }
    w.close();
}

/// Entries with only text are written in the short form, as analysts usually write them.
template <class T>
void write_timed_entries(YamlWriter& w, std::string_view key, const std::vector<T>& entries) {
    if (entries.empty()) {
        return;
    }
    w.open_list(key);
    for (const T& e : entries) {
        if (!e.time && e.actor.empty()) {
            w.item(e.text);
            continue;
        }
        w.open_item();
        time(w, "time", e.time);
        text(w, "actor", e.actor);
        text(w, "text", e.text);
        w.close();
    }
    w.close();
}

void write_escalations(YamlWriter& w, const std::vector<Escalation>& escalations) {
    if (escalations.empty()) {
        return;
    }
    w.open_list("escalations");
    for (const Escalation& e : escalations) {
        w.open_item();
        time(w, "time", e.time);
        text(w, "to", e.to);
        text(w, "reason", e.reason);
        w.close();
    }
    w.close();
}

void write_sections(YamlWriter& w, const std::vector<CustomSection>& sections) {
    if (sections.empty()) {
        return;
    }
    w.open_list("sections");
    for (const CustomSection& s : sections) {
        w.open_item();
        text(w, "title", s.title);
        text(w, "body", s.body);
        w.close();
    }
    w.close();
}

void write_lint(YamlWriter& w, const LintSettings& lint) {
    if (lint.disable.empty()) {
        return;
    }
    w.open_map("lint");
    w.list_field("disable", lint.disable);
    w.close();
}

} // namespace

std::string to_yaml(const Case& c) {
    YamlWriter w;
    w.field("schema", kSchemaId);
    text(w, "timezone", c.timezone);
    write_alert(w, c.alert);
    write_entities(w, c.entities);
    write_evidence(w, c);
    write_indicators(w, c.indicators);
    list(w, "techniques", c.techniques);
    write_commands(w, c.commands);
    write_osint(w, c.osint);
    write_timed_entries(w, "triage", c.triage);
    write_timed_entries(w, "actions", c.actions);
    write_escalations(w, c.escalations);
    text(w, "summary", c.summary);
    text(w, "executive_summary", c.executive_summary);
    list(w, "lessons", c.lessons);
    list(w, "next_steps", c.next_steps);
    write_sections(w, c.sections);
    write_lint(w, c.lint);
    return w.text();
}

Status save_case_folder(const Case& c, const std::filesystem::path& dir) {
    return write_file_atomic(dir / "case.yaml", to_yaml(c));
}

} // namespace casefile::model
