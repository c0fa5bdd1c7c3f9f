// CrowdStrike Falcon alert, as the Alerts API returns it (POST /alerts/entities/alerts/v2:
// resources[] of composite_id, device, one behaviour's process fields, severity_name,
// timestamp, tactic/technique).
#include <fmt/format.h>

#include "intake/alert_format.hpp"
#include "intake/formats/crowdstrike_fields.hpp"
#include "intake/json_fields.hpp"

namespace casefile::intake::detail {
namespace {

int detect(const Json& alert) {
    int score = points_if(alert, "composite_id", 6) + points_if(alert, "aggregate_id", 2) +
                points_if(alert, "severity_name", 2) + points_if(alert, "falcon_host_link", 1) +
                points_if(alert, "agent_id", 1);
    if (find(alert, "behaviors") != nullptr) {
        score -= 4;
    }
    return score;
}

void map(const AlertDocuments& documents, CaseBuilder& b) {
    const Json& alert = documents.alert;
    b.alert_id(find(alert, "composite_id"), "composite_id");
    b.title(find(alert, "display_name"), "display_name") || b.title(find(alert, "name"), "name");
    b.description(find(alert, "description"), "description");
    b.observed_at(find(alert, "timestamp"), "timestamp");
    b.severity(find(alert, "severity_name"), "severity_name", crowdstrike::severities());
    crowdstrike::severity_number_only(alert, "severity", "severity_name", b);
    b.status(find(alert, "status"), "status", crowdstrike::statuses());
    crowdstrike::map_device(alert, b);
    crowdstrike::map_process(alert, "", b);
    const auto mappings = array_items(find(alert, "mitre_attack"));
    for (size_t i = 0; i < mappings.size(); ++i) {
        b.technique(find(*mappings[i], "technique_id"),
                    fmt::format("mitre_attack[{}].technique_id", i));
    }
}

} // namespace

const AlertFormat& crowdstrike_alert_format() {
    static const AlertFormat format{
        "crowdstrike-alert",
        "CrowdStrike Falcon",
        "CrowdStrike Falcon alert (Alerts API v2: composite_id, device, process fields)",
        "alert",
        model::LogKind::edr,
        detect,
        map};
    return format;
}

} // namespace casefile::intake::detail
