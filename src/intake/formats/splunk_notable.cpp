// Splunk Enterprise Security notable event, as a search over the notable index returns it in
// JSON (REST output_mode=json "results", the export endpoint's "result" lines, or one result
// on its own). Field names follow ES and the Common Information Model; every field falls back
// to the orig_<field> copy that ES keeps from the original event.
#include <array>

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

constexpr std::array<VendorName<Severity>, 6> kSeverities{{
    {"informational", Severity::informational},
    {"low", Severity::low},
    {"medium", Severity::medium},
    {"high", Severity::high},
    {"critical", Severity::critical},
    {"unknown", std::nullopt},
}};

/// ES review statuses by label and by the number the notable index stores.
constexpr std::array<VendorName<CaseStatus>, 12> kStatuses{{
    {"Unassigned", CaseStatus::open},
    {"New", CaseStatus::open},
    {"In Progress", CaseStatus::in_progress},
    {"Pending", CaseStatus::in_progress},
    {"Resolved", CaseStatus::resolved},
    {"Closed", CaseStatus::closed},
    {"0", CaseStatus::open},
    {"1", CaseStatus::open},
    {"2", CaseStatus::in_progress},
    {"3", CaseStatus::in_progress},
    {"4", CaseStatus::resolved},
    {"5", CaseStatus::closed},
}};

int detect(const Json& alert) {
    int score = 0;
    if (const auto id = scalar_text(find(alert, "event_id"))) {
        if (id->find("@@notable@@") != std::string::npos) {
            score += 10;
        }
    }
    score += points_if(alert, "rule_name", 3) + points_if(alert, "urgency", 3) +
             points_if(alert, "security_domain", 2) + points_if(alert, "search_name", 1) +
             points_if(alert, "_time", 1);
    return score;
}

/// A notable's field, or the orig_<field> copy of the original event's value.
struct Field {
    const Json* value = nullptr;
    std::string name;
};

Field field(const Json& alert, std::string_view name) {
    if (const Json* value = find(alert, name)) {
        return {value, std::string(name)};
    }
    const std::string orig = "orig_" + std::string(name);
    return {find(alert, orig), orig};
}

model::Device named_device(std::string_view name) {
    model::Device device;
    device.hostname = short_host_name(name);
    if (is_qualified_host_name(name)) {
        device.id = std::string(name);
    }
    return device;
}

/// Hosts and addresses of one side ("src" or "dest"). Addresses join the side's named host;
/// without one they are indicators.
void map_side(const Json& alert, std::string_view side, CaseBuilder& b) {
    std::vector<std::string> names;
    std::vector<std::pair<std::string, std::string>> addresses; // value, field
    for (const std::string_view suffix : {"", "_host", "_nt_host"}) {
        const Field f = field(alert, std::string(side) + std::string(suffix));
        for (const std::string& value : scalar_texts(f.value)) {
            if (ip_type(value)) {
                addresses.emplace_back(value, f.name);
            } else {
                names.push_back(value);
            }
        }
    }
    const Field ip = field(alert, std::string(side) + "_ip");
    for (const std::string& value : scalar_texts(ip.value)) {
        addresses.emplace_back(value, ip.name);
    }
    if (!names.empty()) {
        model::Device device = named_device(names.front());
        for (const auto& [value, name] : addresses) {
            if (ip_type(value)) {
                device.ips.push_back(value);
            } else {
                b.warn(fmt::format("'{}' is '{}', not an IP address: not recorded", name, value));
            }
        }
        b.device(std::move(device));
        for (size_t i = 1; i < names.size(); ++i) {
            b.device(named_device(names[i]));
        }
        return;
    }
    for (const auto& [value, name] : addresses) {
        const Json text(value);
        b.ip(&text, name, fmt::format("notable {}", name));
    }
}

void map(const AlertDocuments& documents, CaseBuilder& b) {
    const Json& alert = documents.alert;
    b.alert_id(find(alert, "event_id"), "event_id");
    b.title(find(alert, "rule_title"), "rule_title") ||
        b.title(find(alert, "rule_name"), "rule_name") ||
        b.title(find(alert, "search_name"), "search_name");
    b.description(find(alert, "rule_description"), "rule_description") ||
        b.description(find(alert, "description"), "description");
    b.observed_at(find(alert, "firstTime"), "firstTime") ||
        b.observed_at(find(alert, "orig_time"), "orig_time") ||
        b.observed_at(find(alert, "_time"), "_time");
    b.severity(find(alert, "urgency"), "urgency", kSeverities) ||
        b.severity(find(alert, "severity"), "severity", kSeverities);
    b.status(find(alert, "status_label"), "status_label", kStatuses) ||
        b.status(find(alert, "status"), "status", kStatuses);
    b.technique(find(alert, "annotations.mitre_attack"), "annotations.mitre_attack");
    b.technique(find(alert, "annotations.mitre_attack.mitre_technique_id"),
                "annotations.mitre_attack.mitre_technique_id");

    map_side(alert, "dest", b);
    map_side(alert, "src", b);
    // The host that logged the original event: usually the endpoint the notable is about.
    for (const std::string& host : scalar_texts(find(alert, "orig_host"))) {
        if (!ip_type(host)) {
            b.device(named_device(host));
        }
    }
    for (const char* name : {"user", "src_user", "dest_user"}) {
        const Field f = field(alert, name);
        for (const std::string& account : scalar_texts(f.value)) {
            model::User user;
            user.account = account;
            b.user(std::move(user));
        }
    }

    const auto indicator = [&](IndicatorType type, std::string_view name) {
        const Field f = field(alert, name);
        b.indicator(type, f.value, f.name, fmt::format("notable {}", f.name));
    };
    indicator(IndicatorType::url, "url");
    indicator(IndicatorType::filename, "file_name");
    indicator(IndicatorType::file_path, "file_path");
    indicator(IndicatorType::registry_key, "registry_path");
    indicator(IndicatorType::domain, "query");
    const Field hashes = field(alert, "file_hash");
    for (const std::string& value : scalar_texts(hashes.value)) {
        const Json text(value);
        b.hash(&text, hashes.name, fmt::format("notable {}", hashes.name),
               scalar_text(field(alert, "file_name").value).value_or(""));
    }
    for (const std::string name : {"process", "parent_process"}) {
        const Field f = field(alert, name);
        b.command(f.value, scalar_text(field(alert, name + "_name").value).value_or(""),
                  fmt::format("notable {}", f.name));
    }
}

} // namespace

const AlertFormat& splunk_notable_format() {
    static const AlertFormat format{
        "splunk-notable",
        "Splunk Enterprise Security",
        "Splunk ES notable event (search result JSON: results[], result, or one event)",
        "notable event",
        model::LogKind::other,
        detect,
        map};
    return format;
}

} // namespace casefile::intake::detail
