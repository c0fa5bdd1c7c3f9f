// Elastic Security (8.x) detection alert: a document of the .alerts-security.alerts-* indices
// (kibana.alert.* fields plus the ECS fields copied from the source event), alone, as a
// search hit, or in a search response. Keys may be nested or flat with dots.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "intake/alert_format.hpp"
#include "intake/json_fields.hpp"
#include "intake/value_shapes.hpp"

namespace casefile::intake::detail {
namespace {

using model::CaseStatus;
using model::IndicatorType;
using model::Severity;

constexpr std::array<VendorName<Severity>, 4> kSeverities{{
    {"low", Severity::low},
    {"medium", Severity::medium},
    {"high", Severity::high},
    {"critical", Severity::critical},
}};

constexpr std::array<VendorName<CaseStatus>, 4> kStatuses{{
    {"open", CaseStatus::open},
    {"acknowledged", CaseStatus::in_progress},
    {"in-progress", CaseStatus::in_progress},
    {"closed", CaseStatus::closed},
}};

int detect(const Json& alert) {
    return points_if(alert, "kibana.alert.rule.name", 5) +
           points_if(alert, "kibana.alert.rule.uuid", 3) +
           points_if(alert, "kibana.alert.original_time", 2) +
           points_if(alert, "kibana.alert.severity", 1);
}

std::string text(const Json& object, std::string_view field) {
    return scalar_text(find(object, field)).value_or("");
}

/// "alert process powershell.exe", or "alert process" when the name is unknown.
std::string label(std::string_view what, const std::string& name) {
    return name.empty() ? std::string(what) : fmt::format("{} {}", what, name);
}

void map_host(const Json& alert, CaseBuilder& b) {
    model::Device device;
    const std::string name = text(alert, "host.name");
    device.hostname = text(alert, "host.hostname");
    if (device.hostname.empty()) {
        device.hostname = short_host_name(name);
    }
    device.id = is_qualified_host_name(name) ? name : text(alert, "host.id");
    for (const std::string& ip : scalar_texts(find(alert, "host.ip"))) {
        if (ip_type(ip)) {
            device.ips.push_back(ip);
        }
    }
    b.device(std::move(device));
}

void map_user(const Json& alert, CaseBuilder& b) {
    model::User user;
    const std::string id = text(alert, "user.id");
    if (id.starts_with("S-")) {
        user.sid = id;
    }
    user.name = text(alert, "user.full_name");
    user.email = text(alert, "user.email");
    if (const auto name = scalar_text(find(alert, "user.name"))) {
        user.account = account_name(text(alert, "user.domain"), *name);
    }
    b.user(std::move(user));
}

/// Hashes of an ECS hash object (process.hash, file.hash, process.parent.hash).
void map_hashes(const Json& alert, const std::string& prefix, const std::string& file,
                const std::string& note, CaseBuilder& b) {
    for (const auto& [key, type] :
         {std::pair{"sha256", IndicatorType::sha256}, std::pair{"sha1", IndicatorType::sha1},
          std::pair{"md5", IndicatorType::md5}}) {
        const std::string field = prefix + ".hash." + key;
        b.indicator(type, find(alert, field), field, note, file);
    }
}

void map_indicators(const Json& alert, CaseBuilder& b) {
    const std::string process = text(alert, "process.name");
    map_hashes(alert, "process", process, label("alert process", process), b);
    b.command(find(alert, "process.command_line"), process, label("alert process", process));
    const std::string parent = text(alert, "process.parent.name");
    map_hashes(alert, "process.parent", parent, label("parent process", parent), b);
    b.command(find(alert, "process.parent.command_line"), parent, label("parent process", parent));

    const std::string file = text(alert, "file.name");
    map_hashes(alert, "file", file, label("alert file", file), b);
    b.indicator(IndicatorType::file_path, find(alert, "file.path"), "file.path", "alert file");

    const auto host_ips = scalar_texts(find(alert, "host.ip"));
    for (const std::string& ip : scalar_texts(find(alert, "source.ip"))) {
        if (std::find(host_ips.begin(), host_ips.end(), ip) == host_ips.end()) {
            const Json value(ip);
            b.ip(&value, "source.ip", "alert source");
        }
    }
    b.ip(find(alert, "destination.ip"), "destination.ip", "alert destination");
    b.indicator(IndicatorType::domain, find(alert, "destination.domain"), "destination.domain",
                "alert destination");
    b.indicator(IndicatorType::domain, find(alert, "dns.question.name"), "dns.question.name",
                "alert DNS query");
    b.indicator(IndicatorType::url, find(alert, "url.full"), "url.full", "alert URL");
    if (find(alert, "url.full") == nullptr) {
        b.indicator(IndicatorType::url, find(alert, "url.original"), "url.original", "alert URL");
    }
    b.indicator(IndicatorType::registry_key, find(alert, "registry.path"), "registry.path",
                "alert registry");
    b.indicator(IndicatorType::email, find(alert, "email.from.address"), "email.from.address",
                "alert email sender");
    b.indicator(IndicatorType::email_subject, find(alert, "email.subject"), "email.subject",
                "alert email");
}

void map_techniques(const Json& alert, CaseBuilder& b) {
    const auto threats = array_items(find(alert, "kibana.alert.rule.threat"));
    for (size_t i = 0; i < threats.size(); ++i) {
        const auto techniques = array_items(find(*threats[i], "technique"));
        for (size_t j = 0; j < techniques.size(); ++j) {
            const std::string at = fmt::format("kibana.alert.rule.threat[{}].technique[{}]", i, j);
            b.technique(find(*techniques[j], "id"), at + ".id");
            const auto subs = array_items(find(*techniques[j], "subtechnique"));
            for (size_t k = 0; k < subs.size(); ++k) {
                b.technique(find(*subs[k], "id"), fmt::format("{}.subtechnique[{}].id", at, k));
            }
        }
    }
}

void map(const AlertDocuments& documents, CaseBuilder& b) {
    const Json& alert = documents.alert;
    const std::string agent = text(alert, "agent.type");
    if (agent == "endpoint" || text(alert, "event.module") == "endpoint") {
        b.log_kind(model::LogKind::edr);
    }
    b.alert_id(find(alert, "kibana.alert.uuid"), "kibana.alert.uuid");
    b.title(find(alert, "kibana.alert.rule.name"), "kibana.alert.rule.name");
    b.description(find(alert, "kibana.alert.reason"), "kibana.alert.reason") ||
        b.description(find(alert, "kibana.alert.rule.description"),
                      "kibana.alert.rule.description");
    b.observed_at(find(alert, "kibana.alert.original_time"), "kibana.alert.original_time");
    b.severity(find(alert, "kibana.alert.severity"), "kibana.alert.severity", kSeverities);
    b.status(find(alert, "kibana.alert.workflow_status"), "kibana.alert.workflow_status",
             kStatuses);
    map_techniques(alert, b);
    map_host(alert, b);
    map_user(alert, b);
    map_indicators(alert, b);
}

} // namespace

const AlertFormat& elastic_alert_format() {
    static const AlertFormat format{
        "elastic-alert",
        "Elastic Security",
        "Elastic Security alert document (kibana.alert.* and ECS fields; alone or as a search hit)",
        "alert",
        model::LogKind::other,
        detect,
        map};
    return format;
}

} // namespace casefile::intake::detail
