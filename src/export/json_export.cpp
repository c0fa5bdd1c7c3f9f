#include "export/json_export.hpp"

#include "model/enums.hpp"

namespace casefile::exporting {
namespace {

using Json = nlohmann::ordered_json;
using model::to_string;

Json time_or_null(const std::optional<Time>& t) {
    return t ? Json(format_time(*t)) : Json(nullptr);
}

Json strings(const std::vector<std::string>& values) {
    Json out = Json::array();
    for (const auto& v : values) {
        out.push_back(v);
    }
    return out;
}

Json alert(const model::Alert& a) {
    return Json{{"ticket_id", a.ticket_id},
                {"source", a.source},
                {"title", a.title},
                {"observed_at", format_time(a.observed_at)},
                {"severity", to_string(a.severity)},
                {"status", a.status ? Json(to_string(*a.status)) : Json(nullptr)},
                {"tlp", a.tlp ? Json(to_string(*a.tlp)) : Json(nullptr)},
                {"description", a.description}};
}

Json entities(const model::Entities& e) {
    Json users = Json::array();
    for (const auto& u : e.users) {
        users.push_back(Json{{"sid", u.sid},
                             {"name", u.name},
                             {"account", u.account},
                             {"upn", u.upn},
                             {"email", u.email},
                             {"title", u.title}});
    }
    Json devices = Json::array();
    for (const auto& d : e.devices) {
        devices.push_back(Json{{"id", d.id}, {"hostname", d.hostname}, {"ips", strings(d.ips)}});
    }
    return Json{{"users", users}, {"devices", devices}};
}

Json evidence(const model::Case& c) {
    Json queries = Json::array();
    for (const auto& q : c.queries) {
        queries.push_back(Json{{"language", to_string(q.language)},
                               {"title", q.title},
                               {"file", case_relative(c, q.file)},
                               {"discovered", q.discovered},
                               {"text", q.text}});
    }
    Json logs = Json::array();
    for (const auto& l : c.logs) {
        logs.push_back(Json{{"kind", to_string(l.kind)},
                            {"format", l.format},
                            {"title", l.title},
                            {"file", case_relative(c, l.file)},
                            {"time", time_or_null(l.time)},
                            {"discovered", l.discovered},
                            {"text", l.text}});
    }
    Json commands = Json::array();
    for (const auto& cmd : c.commands) {
        commands.push_back(Json{{"language", to_string(cmd.language)},
                                {"title", cmd.title},
                                {"file", case_relative(c, cmd.file)},
                                {"discovered", cmd.discovered},
                                {"text", cmd.text}});
    }
    return Json{{"queries", queries}, {"logs", logs}, {"commands", commands}};
}

Json osint(const std::vector<model::OsintResult>& results) {
    Json out = Json::array();
    for (const auto& r : results) {
        out.push_back(Json{{"provider", r.provider},
                           {"subject", r.subject},
                           {"verdict", r.verdict},
                           {"detections", r.detections ? Json{{"detected", r.detections->detected},
                                                              {"total", r.detections->total}}
                                                       : Json(nullptr)},
                           {"detection_names", strings(r.detection_names)},
                           {"first_seen", time_or_null(r.first_seen)},
                           {"last_seen", time_or_null(r.last_seen)},
                           {"classification", r.classification},
                           {"behaviours", strings(r.behaviours)},
                           {"links", strings(r.links)},
                           {"screenshot", r.screenshot ? Json{{"url", r.screenshot->url},
                                                              {"file", r.screenshot->file},
                                                              {"caption", r.screenshot->caption}}
                                                       : Json(nullptr)}});
    }
    return out;
}

template <class Entry> Json timed(const std::vector<Entry>& entries) {
    Json out = Json::array();
    for (const auto& e : entries) {
        out.push_back(Json{{"time", time_or_null(e.time)}, {"text", e.text}, {"actor", e.actor}});
    }
    return out;
}

Json case_json(const model::Case& c) {
    Json indicators = Json::array();
    for (const auto& m : c.indicators) {
        indicators.push_back(Json{
            {"type", to_string(m.type)}, {"value", m.value}, {"note", m.note}, {"file", m.file}});
    }
    Json escalations = Json::array();
    for (const auto& e : c.escalations) {
        escalations.push_back(
            Json{{"time", time_or_null(e.time)}, {"to", e.to}, {"reason", e.reason}});
    }
    Json sections = Json::array();
    for (const auto& s : c.sections) {
        sections.push_back(Json{{"title", s.title}, {"body", s.body}});
    }
    return Json{{"schema", model::kSchemaId},
                {"timezone", c.timezone},
                {"alert", alert(c.alert)},
                {"entities", entities(c.entities)},
                {"evidence", evidence(c)},
                {"indicators", indicators},
                {"techniques", strings(c.techniques)},
                {"osint", osint(c.osint)},
                {"triage", timed(c.triage)},
                {"actions", timed(c.actions)},
                {"escalations", escalations},
                {"summary", c.summary},
                {"executive_summary", c.executive_summary},
                {"lessons", strings(c.lessons)},
                {"next_steps", strings(c.next_steps)},
                {"sections", sections}};
}

std::string_view kind_name(analysis::SourceKind k) {
    switch (k) {
    case analysis::SourceKind::ioc_list:
        return "ioc_list";
    case analysis::SourceKind::log:
        return "log";
    case analysis::SourceKind::command:
        return "command";
    case analysis::SourceKind::query:
        return "query";
    case analysis::SourceKind::osint:
        return "osint";
    case analysis::SourceKind::narrative:
        return "narrative";
    }
    return "narrative";
}

Json location(const model::Case& c, const SourceLocation& where) {
    return Json{{"file", case_relative(c, where.file)},
                {"line", where.line > 0 ? Json(where.line) : Json(nullptr)},
                {"column", where.column > 0 ? Json(where.column) : Json(nullptr)}};
}

Json analysis_json(const model::Case& c, const analysis::Analysis& a) {
    Json indicators = Json::array();
    for (const auto& i : a.indicators) {
        Json seen = Json::array();
        for (const auto& p : i.seen_in) {
            Json entry{{"label", p.label}, {"kind", kind_name(p.kind)}};
            entry.update(location(c, p.where));
            seen.push_back(std::move(entry));
        }
        indicators.push_back(Json{{"type", to_string(i.type)},
                                  {"value", i.value},
                                  {"defanged", i.defanged},
                                  {"listed", i.listed},
                                  {"note", i.note},
                                  {"file", i.file},
                                  {"classification", i.classification},
                                  {"warninglists", strings(i.warninglists)},
                                  {"first_seen", time_or_null(i.first_seen)},
                                  {"seen_in", seen}});
    }
    Json findings = Json::array();
    for (const auto& f : a.findings) {
        Json entry{{"level", level_name(f.level)},
                   {"rule", f.rule},
                   {"message", f.message},
                   {"hint", f.hint}};
        entry.update(location(c, f.where));
        findings.push_back(std::move(entry));
    }
    return Json{{"indicators", indicators},
                {"techniques", strings(case_techniques(c, a))},
                {"findings", findings}};
}

} // namespace

std::string case_relative(const model::Case& c, const std::string& file) {
    if (file.empty() || c.folder.empty()) {
        return file;
    }
    const std::filesystem::path p(file);
    const std::filesystem::path rel =
        p.lexically_normal().lexically_relative(c.folder.lexically_normal());
    if (rel.empty() || *rel.begin() == "..") {
        return p.is_absolute() ? p.filename().string() : file;
    }
    return rel.generic_string();
}

std::string dump_json(const nlohmann::ordered_json& value) {
    return value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Result<ExportResult> export_json(const model::Case& c, const analysis::Analysis& a,
                                 const ExportOptions& options) {
    const auto tlp = effective_tlp(c, options);
    Json doc{{"format", "casefile-export"},
             {"version", 1},
             {"generator", "casefile " CASEFILE_VERSION},
             {"generated_at", millis_timestamp(options.now)},
             {"tlp", tlp ? Json(to_string(*tlp)) : Json(nullptr)},
             {"case", case_json(c)},
             {"analysis", analysis_json(c, a)}};
    ExportResult result{dump_json(doc), {}};
    if (!tlp) {
        result.notes.push_back(missing_tlp_note(c, "JSON"));
    }
    return result;
}

} // namespace casefile::exporting
