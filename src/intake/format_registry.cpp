#include "intake/alert_format.hpp"
#include "intake/json_fields.hpp"

namespace casefile::intake::detail {

int points_if(const Json& alert, std::string_view path, int points) {
    return find(alert, path) != nullptr ? points : 0;
}

const std::vector<const AlertFormat*>& builtin_formats() {
    static const std::vector<const AlertFormat*> formats = {
        &defender_endpoint_format(), &graph_alert_format(),           &sentinel_incident_format(),
        &splunk_notable_format(),    &crowdstrike_detection_format(), &crowdstrike_alert_format(),
        &elastic_alert_format(),
    };
    return formats;
}

} // namespace casefile::intake::detail
