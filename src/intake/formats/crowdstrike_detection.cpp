// CrowdStrike Falcon detection, as the Detects API returns it (GET
// /detects/entities/summaries/GET/v1: resources[] of detection_id, device, behaviors[],
// max_severity_displayname, first_behavior, status).
#include <fmt/format.h>

#include "intake/alert_format.hpp"
#include "intake/formats/crowdstrike_fields.hpp"
#include "intake/json_fields.hpp"
#include "intake/vendor_time.hpp"

namespace casefile::intake::detail {
namespace {

int detect(const Json& alert) {
    int score = points_if(alert, "detection_id", 6) + points_if(alert, "max_severity", 2) +
                points_if(alert, "max_severity_displayname", 2) +
                points_if(alert, "first_behavior", 1);
    if (const Json* behaviors = find(alert, "behaviors"); behaviors && behaviors->is_array()) {
        score += 4;
    }
    return score;
}

/// The behaviour that names the detection: the most severe one, the first of equals.
size_t lead_behavior(const std::vector<const Json*>& behaviors) {
    size_t lead = 0;
    int64_t highest = -1;
    for (size_t i = 0; i < behaviors.size(); ++i) {
        const Json* severity = find(*behaviors[i], "severity");
        if (severity != nullptr && severity->is_number() && severity->get<int64_t>() > highest) {
            highest = severity->get<int64_t>();
            lead = i;
        }
    }
    return lead;
}

/// The behaviour with the earliest timestamp, which is what first_behavior records.
std::optional<size_t> earliest_behavior(const std::vector<const Json*>& behaviors) {
    std::optional<size_t> earliest;
    Timestamp first{};
    for (size_t i = 0; i < behaviors.size(); ++i) {
        const Json* time = find(*behaviors[i], "timestamp");
        if (time == nullptr) {
            continue;
        }
        if (auto t = vendor_time(*time); t && (!earliest || t->utc < first)) {
            earliest = i;
            first = t->utc;
        }
    }
    return earliest;
}

void map(const AlertDocuments& documents, CaseBuilder& b) {
    const Json& alert = documents.alert;
    std::vector<const Json*> behaviors;
    for (const Json* item : array_items(find(alert, "behaviors"))) {
        if (item->is_object()) {
            behaviors.push_back(item);
        }
    }
    b.alert_id(find(alert, "detection_id"), "detection_id");
    b.severity(find(alert, "max_severity_displayname"), "max_severity_displayname",
               crowdstrike::severities());
    crowdstrike::severity_number_only(alert, "max_severity", "max_severity_displayname", b);
    b.status(find(alert, "status"), "status", crowdstrike::statuses());
    if (!b.observed_at(find(alert, "first_behavior"), "first_behavior")) {
        if (const auto i = earliest_behavior(behaviors)) {
            b.observed_at(find(*behaviors[*i], "timestamp"),
                          fmt::format("behaviors[{}].timestamp", *i));
        }
    }
    if (!behaviors.empty()) {
        const size_t lead = lead_behavior(behaviors);
        const Json& behavior = *behaviors[lead];
        const std::string at = fmt::format("behaviors[{}].", lead);
        b.title(find(behavior, "display_name"), at + "display_name") ||
            b.title(find(behavior, "scenario"), at + "scenario");
        b.description(find(behavior, "description"), at + "description");
    } else {
        b.warn("the detection has no behaviors: no process, user, hash or technique to record");
        b.title(nullptr, "behaviors[].display_name");
        b.description(nullptr, "behaviors[].description");
    }
    crowdstrike::map_device(alert, b);
    for (size_t i = 0; i < behaviors.size(); ++i) {
        crowdstrike::map_process(*behaviors[i], fmt::format("behaviors[{}].", i), b);
    }
}

} // namespace

const AlertFormat& crowdstrike_detection_format() {
    static const AlertFormat format{
        "crowdstrike-detection",
        "CrowdStrike Falcon",
        "CrowdStrike Falcon detection (Detects API: detection_id, behaviors[])",
        "detection",
        model::LogKind::edr,
        detect,
        map};
    return format;
}

} // namespace casefile::intake::detail
