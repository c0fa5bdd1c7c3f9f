// case.yaml -> Case. Field names and nesting are documented in docs/case-format.md.
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/text.hpp"
#include "model/case_yaml.hpp"
#include "model/yaml_reader.hpp"

namespace casefile::model {
namespace {

using detail::MapReader;
using detail::read_list;
using detail::ReadContext;

void read_alert(ReadContext& ctx, const YAML::Node& node, Case& c) {
    MapReader m(ctx, node, "alert",
                {"ticket_id", "source", "title", "observed_at", "severity", "status", "tlp",
                 "description"});
    if (!m.valid()) {
        return;
    }
    Alert& a = c.alert;
    a.ticket_id = m.text("ticket_id", true);
    a.source = m.text("source");
    a.title = m.text("title", true);
    if (auto t = m.time("observed_at", true)) {
        a.observed_at = *t;
    }
    if (auto s = m.enumeration<Severity>("severity", true)) {
        a.severity = *s;
    }
    a.status = m.enumeration<CaseStatus>("status");
    if (const YAML::Node tlp = m.scalar_or_report("tlp", false)) {
        a.tlp = parse_tlp(tlp.Scalar());
        if (!a.tlp) {
            m.report(tlp, fmt::format("unknown TLP label '{}'", tlp.Scalar()),
                     "use TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED",
                     "unknown-value");
        }
    }
    a.description = m.text("description");
    for (const char* key : {"ticket_id", "source", "title", "observed_at", "severity", "status",
                            "tlp", "description"}) {
        if (m.get(key)) {
            c.locations[fmt::format("alert.{}", key)] = m.location(key);
        }
    }
}

void read_entities(ReadContext& ctx, const YAML::Node& node, Entities& e) {
    MapReader m(ctx, node, "entities", {"users", "devices"});
    read_list(m, "users", [&](const YAML::Node& item, const std::string& path) {
        MapReader u(ctx, item, "entities." + path,
                    {"sid", "name", "account", "upn", "email", "title"});
        if (!u.valid()) {
            return;
        }
        User user{u.text("sid"),   u.text("name"),  u.text("account"), u.text("upn"),
                  u.text("email"), u.text("title"), ctx.at(item)};
        if (user.sid.empty() && user.name.empty() && user.account.empty() && user.upn.empty() &&
            user.email.empty()) {
            u.report(item, fmt::format("'entities.{}' names nobody", path),
                     "give at least one of sid, name, account, upn or email", "missing-field");
        }
        e.users.push_back(std::move(user));
    });
    read_list(m, "devices", [&](const YAML::Node& item, const std::string& path) {
        MapReader d(ctx, item, "entities." + path, {"id", "hostname", "ips"});
        if (!d.valid()) {
            return;
        }
        Device device{d.text("id"), d.text("hostname"), d.text_list("ips"), ctx.at(item)};
        if (device.id.empty() && device.hostname.empty()) {
            d.report(item, fmt::format("'entities.{}' names no device", path),
                     "give at least one of id or hostname", "missing-field");
        }
        e.devices.push_back(std::move(device));
    });
}

/// Evidence text comes inline (`text:`) or from a file (`file:`), never both.
bool read_text_or_file(MapReader& m, const YAML::Node& item, std::string& text, std::string& file) {
    text = m.text("text");
    file = m.text("file");
    if (!text.empty() && !file.empty()) {
        m.report(item, fmt::format("'{}' has both 'text' and 'file'", m.path()),
                 "keep the text inline or in the file, not both", "conflicting-fields");
        return false;
    }
    if (text.empty() && file.empty() && m.valid()) {
        m.report(item, fmt::format("'{}' has neither 'text' nor 'file'", m.path()),
                 "paste the content as 'text: |' or point 'file:' at a file in evidence/",
                 "missing-field");
        return false;
    }
    return true;
}

void read_evidence(ReadContext& ctx, const YAML::Node& node, Case& c) {
    MapReader m(ctx, node, "evidence", {"queries", "logs"});
    read_list(m, "queries", [&](const YAML::Node& item, const std::string& path) {
        MapReader q(ctx, item, "evidence." + path, {"language", "title", "text", "file"});
        if (!q.valid()) {
            return;
        }
        Query query;
        query.language =
            q.enumeration<QueryLanguage>("language", true).value_or(QueryLanguage::other);
        query.title = q.text("title");
        read_text_or_file(q, item, query.text, query.file);
        query.where = ctx.at(item);
        c.queries.push_back(std::move(query));
    });
    read_list(m, "logs", [&](const YAML::Node& item, const std::string& path) {
        MapReader l(ctx, item, "evidence." + path,
                    {"kind", "format", "title", "text", "file", "time"});
        if (!l.valid()) {
            return;
        }
        RawLog log;
        log.kind = l.enumeration<LogKind>("kind", true).value_or(LogKind::other);
        log.format = l.text("format");
        log.title = l.text("title");
        read_text_or_file(l, item, log.text, log.file);
        log.time = l.time("time");
        log.where = ctx.at(item);
        c.logs.push_back(std::move(log));
    });
}

/// "T1059" or "T1059.001": the shape of an ATT&CK technique id.
bool is_technique_id(std::string_view id) {
    const auto digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    };
    if (id.size() != 5 && id.size() != 9) {
        return false;
    }
    return id[0] == 'T' && digits(id.substr(1, 4)) &&
           (id.size() == 5 || (id[5] == '.' && digits(id.substr(6))));
}

void read_techniques(MapReader& top, Case& c) {
    const YAML::Node list = top.get("techniques");
    c.techniques = top.text_list("techniques");
    for (size_t i = 0; i < c.techniques.size() && list.IsSequence(); ++i) {
        if (!is_technique_id(c.techniques[i])) {
            top.report(list[i], fmt::format("'{}' is not an ATT&CK technique id", c.techniques[i]),
                       "write it as T1059 or T1059.001", "invalid-value");
        }
    }
}

void read_commands(MapReader& top, ReadContext& ctx, Case& c) {
    read_list(top, "commands", [&](const YAML::Node& item, const std::string& path) {
        MapReader m(ctx, item, path, {"language", "title", "text", "file"});
        if (!m.valid()) {
            return;
        }
        Command command;
        command.language =
            m.enumeration<ScriptLanguage>("language", true).value_or(ScriptLanguage::other);
        command.title = m.text("title");
        read_text_or_file(m, item, command.text, command.file);
        command.where = ctx.at(item);
        c.commands.push_back(std::move(command));
    });
}

void read_indicators(MapReader& top, ReadContext& ctx, Case& c) {
    read_list(top, "indicators", [&](const YAML::Node& item, const std::string& path) {
        MapReader m(ctx, item, path, {"type", "value", "note", "file"});
        if (!m.valid()) {
            return;
        }
        ManualIndicator indicator;
        indicator.type = m.enumeration<IndicatorType>("type", true).value_or(IndicatorType::other);
        indicator.value = m.text("value", true);
        indicator.note = m.text("note");
        indicator.file = m.text("file");
        indicator.where = ctx.at(item);
        c.indicators.push_back(std::move(indicator));
    });
}

std::optional<DetectionRatio> read_detections(MapReader& m) {
    const YAML::Node node = m.scalar_or_report("detections", false);
    if (!node) {
        return std::nullopt;
    }
    // "34/71" or "34 / 71": engines that flagged it out of engines that scanned it.
    const std::string raw = node.Scalar();
    int detected = 0;
    int total = 0;
    char slash = 0;
    char extra = 0;
    const int fields = std::sscanf(raw.c_str(), "%d %c %d %c", &detected, &slash, &total, &extra);
    if (fields != 3 || slash != '/' || detected < 0 || total <= 0 || detected > total) {
        m.report(node, fmt::format("detections '{}' is not a ratio such as 34/71", raw),
                 "write engines that detected it, a slash, and engines that scanned it",
                 "invalid-value");
        return std::nullopt;
    }
    return DetectionRatio{detected, total};
}

void read_osint(MapReader& top, ReadContext& ctx, Case& c) {
    read_list(top, "osint", [&](const YAML::Node& item, const std::string& path) {
        MapReader m(ctx, item, path,
                    {"provider", "subject", "verdict", "detections", "detection_names",
                     "first_seen", "last_seen", "classification", "behaviours", "links",
                     "screenshot"});
        if (!m.valid()) {
            return;
        }
        OsintResult r;
        r.provider = m.text("provider", true);
        r.subject = m.text("subject");
        r.verdict = m.text("verdict");
        r.detections = read_detections(m);
        r.detection_names = m.text_list("detection_names");
        r.first_seen = m.time("first_seen", false, true);
        r.last_seen = m.time("last_seen", false, true);
        r.classification = m.text("classification");
        r.behaviours = m.text_list("behaviours");
        r.links = m.text_list("links");
        if (const YAML::Node shot = m.get("screenshot")) {
            MapReader s(ctx, shot, path + ".screenshot", {"url", "file", "caption"});
            if (s.valid()) {
                r.screenshot = Screenshot{s.text("url"), s.text("file"), s.text("caption")};
                if (r.screenshot->url.empty() && r.screenshot->file.empty()) {
                    s.report(
                        shot, fmt::format("'{}.screenshot' has neither 'url' nor 'file'", path),
                        "give the screenshot's address or its file in evidence/", "missing-field");
                }
            }
        }
        r.where = ctx.at(item);
        c.osint.push_back(std::move(r));
    });
}

/// Triage steps and actions share a shape: a mapping, or plain text as a shorthand.
template <class T>
void read_timed_entries(MapReader& top, ReadContext& ctx, std::string_view key,
                        std::vector<T>& out) {
    read_list(top, key, [&](const YAML::Node& item, const std::string& path) {
        T entry;
        entry.where = ctx.at(item);
        if (item.IsScalar()) {
            entry.text = item.Scalar();
            out.push_back(std::move(entry));
            return;
        }
        MapReader m(ctx, item, path, {"time", "text", "actor"});
        if (!m.valid()) {
            return;
        }
        entry.time = m.time("time");
        entry.text = m.text("text", true);
        entry.actor = m.text("actor");
        out.push_back(std::move(entry));
    });
}

void read_escalations(MapReader& top, ReadContext& ctx, Case& c) {
    read_list(top, "escalations", [&](const YAML::Node& item, const std::string& path) {
        MapReader m(ctx, item, path, {"time", "to", "reason"});
        if (!m.valid()) {
            return;
        }
        Escalation e;
        e.time = m.time("time");
        e.to = m.text("to");
        e.reason = m.text("reason");
        e.where = ctx.at(item);
        c.escalations.push_back(std::move(e));
    });
}

void read_sections(MapReader& top, ReadContext& ctx, Case& c) {
    read_list(top, "sections", [&](const YAML::Node& item, const std::string& path) {
        MapReader m(ctx, item, path, {"title", "body"});
        if (!m.valid()) {
            return;
        }
        CustomSection s;
        s.title = m.text("title", true);
        s.body = m.text("body");
        s.where = ctx.at(item);
        c.sections.push_back(std::move(s));
    });
}

/// A rule id is lower-case words joined by hyphens ("time-shift"); which ids exist is the lint
/// module's business, so an unknown but well-formed id is reported there, not here.
bool is_rule_id(std::string_view id) {
    if (id.empty() || id.front() < 'a' || id.front() > 'z' || id.back() == '-') {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    });
}

void read_lint(ReadContext& ctx, const YAML::Node& node, Case& c) {
    MapReader m(ctx, node, "lint", {"disable"});
    if (!m.valid()) {
        return;
    }
    c.lint.where = ctx.at(node);
    c.lint.disable = m.text_list("disable");
    const YAML::Node list = m.get("disable");
    for (size_t i = 0; i < c.lint.disable.size() && list.IsSequence(); ++i) {
        if (!is_rule_id(c.lint.disable[i])) {
            m.report(list[i], fmt::format("'{}' is not a lint rule id", c.lint.disable[i]),
                     "write the id as 'casefile lint' prints it in brackets, e.g. time-shift",
                     "invalid-value");
        }
    }
}

void read_schema(MapReader& top, ReadContext& ctx, const YAML::Node& root) {
    const YAML::Node schema = top.scalar_or_report("schema", false);
    if (!schema) {
        ctx.report(DiagnosticLevel::error, root, "case.yaml does not say which schema it uses",
                   fmt::format("add 'schema: {}' as the first line", kSchemaId), "missing-field");
        return;
    }
    if (schema.Scalar() != kSchemaId) {
        top.report(schema, fmt::format("unsupported schema '{}'", schema.Scalar()),
                   fmt::format("this casefile reads '{}'", kSchemaId), "unknown-value");
    }
}

/// YAML forbids tabs in indentation, and yaml-cpp's message for them is cryptic.
std::optional<SourceLocation> find_tab_indent(std::string_view text, const std::string& file) {
    int line = 1;
    bool at_line_start = true;
    int column = 1;
    for (const char c : text) {
        if (c == '\n') {
            ++line;
            column = 1;
            at_line_start = true;
            continue;
        }
        if (at_line_start && c == '\t') {
            return SourceLocation{file, line, column};
        }
        if (c != ' ') {
            at_line_start = false;
        }
        ++column;
    }
    return std::nullopt;
}

} // namespace

Result<LoadedCase> parse_case_yaml(std::string_view text, const std::string& file) {
    // Checked once for the whole file: every value, list item and key is then UTF-8, so the
    // writer can save what was read and read it back the same.
    if (const size_t bad = invalid_utf8_offset(text); bad != std::string_view::npos) {
        const auto [line, column] = line_and_column(text, bad);
        return fail(
            ErrorCode::bad_input,
            fmt::format("not valid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(text[bad])),
            "save the file as UTF-8, for example: iconv -f WINDOWS-1252 -t UTF-8",
            SourceLocation{file, line, column});
    }
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::ParserException& e) {
        if (auto tab = find_tab_indent(text, file)) {
            return fail(ErrorCode::bad_input,
                        "a tab is used for indentation; YAML allows spaces only",
                        "replace the tabs at the start of the line with spaces", *tab);
        }
        return fail(ErrorCode::bad_input, fmt::format("not valid YAML: {}", e.msg),
                    "check indentation (spaces, not tabs) and quote values that contain ': '",
                    SourceLocation{file, e.mark.line + 1, e.mark.column + 1});
    } catch (const YAML::Exception& e) {
        return fail(ErrorCode::bad_input, fmt::format("not valid YAML: {}", e.msg), {},
                    SourceLocation{file, 0, 0});
    }

    LoadedCase loaded;
    ReadContext ctx{file, &loaded.diagnostics, {}};
    if (!root.IsMap()) {
        loaded.diagnostics.push_back(
            Diagnostic{DiagnosticLevel::error, "case.yaml must be a mapping of sections",
                       "start from 'casefile new DIR', which writes a commented template",
                       SourceLocation{file, 1, 1}, "wrong-type"});
        return loaded;
    }
    Case& c = loaded.value;
    MapReader top(ctx, root, "case.yaml",
                  {"schema", "timezone", "alert", "entities", "evidence", "indicators",
                   "techniques", "commands", "osint", "triage", "actions", "escalations", "summary",
                   "executive_summary", "lessons", "next_steps", "sections", "lint"});
    read_schema(top, ctx, root);

    // The zone must be known before any time is read.
    c.timezone = top.text("timezone");
    if (!c.timezone.empty()) {
        if (is_known_zone(c.timezone)) {
            ctx.time_options.default_zone = c.timezone;
        } else {
            top.report(top.get("timezone"), fmt::format("unknown time zone '{}'", c.timezone),
                       "use an IANA zone name such as Europe/Berlin, or UTC", "unknown-value");
        }
    }

    if (const YAML::Node alert = top.get("alert")) {
        read_alert(ctx, alert, c);
    } else if (top.valid()) {
        ctx.report(DiagnosticLevel::error, root, "case.yaml has no 'alert' section",
                   "add 'alert:' with ticket_id, title, observed_at and severity under it",
                   "missing-field");
    }
    if (const YAML::Node entities = top.get("entities")) {
        read_entities(ctx, entities, c.entities);
    }
    if (const YAML::Node evidence = top.get("evidence")) {
        read_evidence(ctx, evidence, c);
    }
    read_indicators(top, ctx, c);
    read_techniques(top, c);
    read_commands(top, ctx, c);
    read_osint(top, ctx, c);
    read_timed_entries(top, ctx, "triage", c.triage);
    read_timed_entries(top, ctx, "actions", c.actions);
    read_escalations(top, ctx, c);
    c.summary = top.text("summary");
    c.executive_summary = top.text("executive_summary");
    c.lessons = top.text_list("lessons");
    c.next_steps = top.text_list("next_steps");
    read_sections(top, ctx, c);
    if (const YAML::Node lint = top.get("lint")) {
        read_lint(ctx, lint, c);
    }

    for (const char* key : {"timezone", "alert", "entities", "evidence", "indicators", "techniques",
                            "commands", "osint", "triage", "actions", "escalations", "summary",
                            "executive_summary", "lessons", "next_steps", "sections", "lint"}) {
        if (top.get(key)) {
            c.locations[key] = top.location(key);
        }
    }
    return loaded;
}

} // namespace casefile::model
