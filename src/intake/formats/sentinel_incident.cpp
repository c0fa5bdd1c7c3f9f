// Microsoft Sentinel incident: the REST resource (GET .../providers/Microsoft.SecurityInsights/
// incidents/{id}) with its "properties", or those properties alone as the Azure CLI prints
// them. Users, devices and indicators come from the incident's entities export (POST
// .../incidents/{id}/entities), given with --entities.
#include <array>
#include <map>

#include <fmt/format.h>

#include "core/text.hpp"
#include "intake/alert_format.hpp"
#include "intake/json_fields.hpp"
#include "intake/value_shapes.hpp"

namespace casefile::intake::detail {
namespace {

using model::CaseStatus;
using model::IndicatorType;
using model::Severity;

constexpr std::array<VendorName<Severity>, 4> kSeverities{{
    {"Informational", Severity::informational},
    {"Low", Severity::low},
    {"Medium", Severity::medium},
    {"High", Severity::high},
}};

constexpr std::array<VendorName<CaseStatus>, 3> kStatuses{{
    {"New", CaseStatus::open},
    {"Active", CaseStatus::in_progress},
    {"Closed", CaseStatus::closed},
}};

int detect(const Json& alert) {
    int score = 0;
    if (const auto type = scalar_text(find(alert, "type"))) {
        if (equals_icase(*type, "Microsoft.SecurityInsights/Incidents")) {
            score += 10;
        }
    }
    score += points_if(alert, "properties.incidentNumber", 6) +
             points_if(alert, "incidentNumber", 6) +
             points_if(alert, "properties.firstActivityTimeUtc", 2) +
             points_if(alert, "firstActivityTimeUtc", 2);
    return score;
}

/// An entity's properties: nested under "properties" in the REST export, or beside "kind".
const Json& properties_of(const Json& entity) {
    const Json* properties = find(entity, "properties");
    return properties != nullptr && properties->is_object() ? *properties : entity;
}

std::string text(const Json& object, std::string_view field) {
    return scalar_text(find(object, field)).value_or("");
}

/// File names by the ids of the FileHash entities that File entities point at, so each hash
/// can be tied to its file.
std::map<std::string, std::string> files_by_hash_id(const std::vector<const Json*>& entities) {
    std::map<std::string, std::string> files;
    for (const Json* entity : entities) {
        if (text(*entity, "kind") != "File") {
            continue;
        }
        const Json& p = properties_of(*entity);
        for (const std::string& id : scalar_texts(find(p, "fileHashEntityIds"))) {
            files[id] = text(p, "fileName");
        }
    }
    return files;
}

void map_entity(const Json& entity, const std::string& at,
                const std::map<std::string, std::string>& files,
                std::map<std::string, int>& unmapped, CaseBuilder& b) {
    const std::string kind = text(entity, "kind");
    const Json& p = properties_of(entity);
    const std::string props = &p == &entity ? at : at + "properties.";
    const std::string note = fmt::format("incident entity: {}", kind);
    if (kind == "Account") {
        model::User user;
        user.sid = text(p, "sid");
        user.name = text(p, "displayName");
        const std::string name = text(p, "accountName");
        if (!name.empty()) {
            user.account = account_name(text(p, "ntDomain"), name);
            const std::string suffix = text(p, "upnSuffix");
            if (!suffix.empty()) {
                user.upn = name + "@" + suffix;
            }
        }
        b.user(std::move(user));
    } else if (kind == "Host") {
        model::Device device;
        device.hostname = text(p, "hostName");
        const std::string domain = text(p, "dnsDomain");
        if (!device.hostname.empty() && !domain.empty()) {
            device.id = device.hostname + "." + domain;
        } else {
            device.id = text(p, "azureID");
        }
        if (device.hostname.empty()) {
            device.hostname = text(p, "netBiosName");
        }
        b.device(std::move(device));
    } else if (kind == "Ip") {
        b.ip(find(p, "address"), props + "address", note);
    } else if (kind == "Url") {
        b.indicator(IndicatorType::url, find(p, "url"), props + "url", note);
    } else if (kind == "DnsResolution") {
        b.indicator(IndicatorType::domain, find(p, "domainName"), props + "domainName", note);
    } else if (kind == "FileHash") {
        const std::string algorithm = to_lower(text(p, "algorithm"));
        const auto file = files.find(text(entity, "id"));
        const std::string name = file != files.end() ? file->second : std::string();
        if (algorithm == "sha256" || algorithm == "sha1" || algorithm == "md5") {
            const auto type = model::parse_enum<IndicatorType>(algorithm);
            b.indicator(*type, find(p, "hashValue"), props + "hashValue", note, name);
        } else {
            b.hash(find(p, "hashValue"), props + "hashValue", note, name);
        }
    } else if (kind == "File") {
        const std::string name = text(p, "fileName");
        if (!name.empty()) {
            const std::string path = join_path(text(p, "directory"), name);
            b.indicator_text(path == name ? IndicatorType::filename : IndicatorType::file_path,
                             path, props + "fileName", note);
        }
    } else if (kind == "Process") {
        const std::string pid = text(p, "processId");
        b.command(find(p, "commandLine"), "",
                  pid.empty() ? std::string("process") : fmt::format("process {}", pid));
    } else if (kind == "MailMessage") {
        b.indicator(IndicatorType::email, find(p, "sender"), props + "sender", note + " (sender)");
        b.indicator(IndicatorType::email_subject, find(p, "subject"), props + "subject", note);
        b.ip(find(p, "senderIP"), props + "senderIP", note + " (sender IP)");
        b.indicator(IndicatorType::url, find(p, "urls"), props + "urls", note);
        if (const auto recipient = scalar_text(find(p, "recipient"))) {
            model::User user;
            user.email = *recipient;
            b.user(std::move(user));
        }
    } else if (kind == "Mailbox") {
        model::User user;
        user.email = text(p, "mailboxPrimaryAddress");
        user.name = text(p, "displayName");
        user.upn = text(p, "upn");
        b.user(std::move(user));
    } else if (kind == "RegistryKey") {
        const std::string key = text(p, "key");
        if (!key.empty()) {
            const std::string hive = text(p, "hive");
            b.indicator_text(IndicatorType::registry_key,
                             hive.empty() || key.starts_with("HK") ? key : hive + "\\" + key,
                             props + "key", note);
        }
    } else {
        ++unmapped[kind.empty() ? "untyped" : kind];
    }
}

void map_entities(const Json& document, CaseBuilder& b) {
    const auto entities = elements_of(document, "entities");
    const auto files = files_by_hash_id(entities);
    std::map<std::string, int> unmapped;
    for (size_t i = 0; i < entities.size(); ++i) {
        if (entities[i]->is_object()) {
            map_entity(*entities[i], fmt::format("entities[{}].", i), files, unmapped, b);
        }
    }
    for (const auto& [kind, count] : unmapped) {
        b.note(fmt::format("{} {} entit{} kept in the saved entities file only", count, kind,
                           count == 1 ? "y" : "ies"));
    }
}

void map(const AlertDocuments& documents, CaseBuilder& b) {
    const Json* nested = find(documents.alert, "properties");
    const bool has_properties = nested != nullptr && nested->is_object();
    const Json& p = has_properties ? *nested : documents.alert;
    const std::string at = has_properties ? "properties." : "";
    const auto field = [&](std::string_view name) { return at + std::string(name); };

    b.alert_id(find(p, "incidentNumber"), field("incidentNumber"));
    b.title(find(p, "title"), field("title"));
    b.description(find(p, "description"), field("description"));
    b.observed_at(find(p, "firstActivityTimeUtc"), field("firstActivityTimeUtc"));
    b.severity(find(p, "severity"), field("severity"), kSeverities);
    b.status(find(p, "status"), field("status"), kStatuses);
    b.technique(find(p, "additionalData.techniques"), field("additionalData.techniques"));

    std::vector<std::string> kept;
    if (const Json* owner = find(p, "owner"); owner && owner->is_object()) {
        const std::string who =
            text(*owner, "assignedTo").empty() ? text(*owner, "email") : text(*owner, "assignedTo");
        if (!who.empty()) {
            kept.push_back(fmt::format("owner {}", who));
        }
    }
    std::vector<std::string> labels;
    for (const Json* label : array_items(find(p, "labels"))) {
        if (const auto name = scalar_text(find(*label, "labelName"))) {
            labels.push_back(*name);
        }
    }
    if (!labels.empty()) {
        kept.push_back(fmt::format("labels {}", join(labels, ", ")));
    }
    if (const auto products = scalar_texts(find(p, "additionalData.alertProductNames"));
        !products.empty()) {
        kept.push_back(fmt::format("alert products {}", join(products, ", ")));
    }
    if (!kept.empty()) {
        b.note(fmt::format("{}: kept in the saved incident (case.yaml has no field for them)",
                           join(kept, "; ")));
    }

    if (documents.entities == nullptr) {
        b.warn("no entities file: the incident itself names no users, devices or indicators",
               "export them (POST .../incidents/{id}/entities, or the incident's Entities tab) "
               "and pass the file with --entities");
        return;
    }
    map_entities(*documents.entities, b);
}

} // namespace

const AlertFormat& sentinel_incident_format() {
    static const AlertFormat format{
        "sentinel-incident",
        "Microsoft Sentinel",
        "Microsoft Sentinel incident (REST resource or its properties), entities with --entities",
        "incident",
        model::LogKind::cloud,
        detect,
        map};
    return format;
}

} // namespace casefile::intake::detail
