// Microsoft Defender for Endpoint: an alert as GET /api/alerts/{id}?$expand=evidence (or the
// alert list) returns it, per the "Alert resource type" page of the Defender for Endpoint API.
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

constexpr std::array<VendorName<Severity>, 5> kSeverities{{
    {"UnSpecified", std::nullopt},
    {"Informational", Severity::informational},
    {"Low", Severity::low},
    {"Medium", Severity::medium},
    {"High", Severity::high},
}};

constexpr std::array<VendorName<CaseStatus>, 4> kStatuses{{
    {"Unknown", std::nullopt},
    {"New", CaseStatus::open},
    {"InProgress", CaseStatus::in_progress},
    {"Resolved", CaseStatus::resolved},
}};

int detect(const Json& alert) {
    int score = 0;
    if (const auto context = scalar_text(find(alert, "@odata.context"))) {
        if (context->find("securitycenter") != std::string::npos ||
            context->find("$metadata#Alerts") != std::string::npos) {
            score += 10;
        }
    }
    score += points_if(alert, "machineId", 3) + points_if(alert, "computerDnsName", 2) +
             points_if(alert, "alertCreationTime", 3) + points_if(alert, "firstEventTime", 1) +
             points_if(alert, "relatedUser", 1);
    for (const Json* item : array_items(find(alert, "evidence"))) {
        if (find(*item, "entityType") != nullptr) {
            score += 2;
            break;
        }
    }
    return score;
}

void map_device(const Json& alert, CaseBuilder& b) {
    model::Device device;
    const auto dns_name = scalar_text(find(alert, "computerDnsName"));
    const auto machine_id = scalar_text(find(alert, "machineId"));
    if (dns_name) {
        device.hostname = short_host_name(*dns_name);
        if (is_qualified_host_name(*dns_name)) {
            device.id = *dns_name;
        }
    }
    if (device.id.empty() && machine_id) {
        device.id = *machine_id;
    }
    if (!dns_name) {
        b.warn("the alert has no 'computerDnsName': the device is recorded by its machineId only");
    }
    b.device(std::move(device));
}

void map_evidence(const Json& item, size_t i, CaseBuilder& b) {
    const std::string at = fmt::format("evidence[{}].", i);
    const auto field = [&](std::string_view name) { return at + std::string(name); };
    const std::string type = scalar_text(find(item, "entityType")).value_or("evidence");
    const std::string file_name = scalar_text(find(item, "fileName")).value_or("");
    const std::string note = file_name.empty()
                                 ? fmt::format("alert evidence: {}", type)
                                 : fmt::format("alert evidence: {} {}", type, file_name);

    if (type == "User") {
        model::User user;
        user.sid = scalar_text(find(item, "userSid")).value_or("");
        user.upn = scalar_text(find(item, "userPrincipalName")).value_or("");
        if (const auto name = scalar_text(find(item, "accountName"))) {
            user.account = account_name(scalar_text(find(item, "domainName")).value_or(""), *name);
        }
        b.user(std::move(user));
        return;
    }
    b.indicator(IndicatorType::sha256, find(item, "sha256"), field("sha256"), note, file_name);
    b.indicator(IndicatorType::sha1, find(item, "sha1"), field("sha1"), note, file_name);
    if (type == "File" && !file_name.empty()) {
        const std::string path =
            join_path(scalar_text(find(item, "filePath")).value_or(""), file_name);
        b.indicator_text(path == file_name ? IndicatorType::filename : IndicatorType::file_path,
                         path, field("filePath"), note);
    }
    if (type == "Process") {
        const std::string pid = scalar_text(find(item, "processId")).value_or("");
        b.command(find(item, "processCommandLine"), file_name,
                  pid.empty() ? file_name : fmt::format("{} (process {})", file_name, pid));
    }
    b.ip(find(item, "ipAddress"), field("ipAddress"), note);
    b.indicator(IndicatorType::url, find(item, "url"), field("url"), note);
    if (const auto key = scalar_text(find(item, "registryKey"))) {
        const std::string hive = scalar_text(find(item, "registryHive")).value_or("");
        const bool has_hive = hive.empty() || key->starts_with("HK");
        b.indicator_text(IndicatorType::registry_key, has_hive ? *key : hive + "\\" + *key,
                         field("registryKey"), note);
    }
}

void map(const AlertDocuments& documents, CaseBuilder& b) {
    const Json& alert = documents.alert;
    b.alert_id(find(alert, "id"), "id");
    b.title(find(alert, "title"), "title");
    b.description(find(alert, "description"), "description");
    b.observed_at(find(alert, "firstEventTime"), "firstEventTime");
    b.severity(find(alert, "severity"), "severity", kSeverities);
    b.status(find(alert, "status"), "status", kStatuses);
    b.technique(find(alert, "mitreTechniques"), "mitreTechniques");
    map_device(alert, b);

    if (const Json* related = find(alert, "relatedUser"); related && related->is_object()) {
        if (const auto name = scalar_text(find(*related, "userName"))) {
            model::User user;
            user.account =
                account_name(scalar_text(find(*related, "domainName")).value_or(""), *name);
            b.user(std::move(user));
        }
    }
    const auto evidence = array_items(find(alert, "evidence"));
    for (size_t i = 0; i < evidence.size(); ++i) {
        if (evidence[i]->is_object()) {
            map_evidence(*evidence[i], i, b);
        }
    }
    const auto domains = array_items(find(alert, "domains"));
    for (size_t i = 0; i < domains.size(); ++i) {
        const bool bare = domains[i]->is_string();
        const std::string field = fmt::format("domains[{}]", i) + (bare ? "" : ".host");
        b.indicator(IndicatorType::domain, bare ? domains[i] : find(*domains[i], "host"), field,
                    "alert domains");
    }
}

} // namespace

const AlertFormat& defender_endpoint_format() {
    static const AlertFormat format{
        "defender-endpoint",
        "Microsoft Defender for Endpoint",
        "Defender for Endpoint API alert (GET /api/alerts/{id}?$expand=evidence)",
        "alert",
        model::LogKind::edr,
        detect,
        map};
    return format;
}

} // namespace casefile::intake::detail
