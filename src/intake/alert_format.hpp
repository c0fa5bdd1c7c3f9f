// The built-in alert formats. Each lives in formats/<name>.cpp and has two jobs: say how sure
// it is that a JSON object is one of its alerts, and map the fields it documents onto a
// CaseBuilder. docs/alert-intake.md has each format's mapping table; keep them in step.
#pragma once

#include <string_view>
#include <vector>

#include "intake/case_builder.hpp"
#include "intake/json_document.hpp"
#include "model/enums.hpp"

namespace casefile::intake::detail {

/// The documents one alert comes with: the alert itself and, for Sentinel incidents, the
/// incident's entities export.
struct AlertDocuments {
    const Json& alert;
    const Json* entities = nullptr;
};

struct AlertFormat {
    std::string_view name;    ///< "defender-endpoint"
    std::string_view product; ///< default alert.source
    std::string_view input;   ///< which export it reads, for --help and errors
    std::string_view noun;    ///< what the product calls the item: "alert", "incident", ...
    model::LogKind kind;      ///< evidence kind of the saved alert
    /// How sure the format is that `alert` is one of its alerts: 0 not at all; from
    /// kDetectThreshold on, sure enough to use it.
    int (*detect)(const Json& alert);
    void (*map)(const AlertDocuments& documents, CaseBuilder& builder);
};

/// The score a detector must reach for auto-detection to pick its format.
inline constexpr int kDetectThreshold = 5;

/// Detection points for a field that is present and not null.
[[nodiscard]] int points_if(const Json& alert, std::string_view path, int points);

[[nodiscard]] const AlertFormat& defender_endpoint_format();
[[nodiscard]] const AlertFormat& graph_alert_format();
[[nodiscard]] const AlertFormat& sentinel_incident_format();
[[nodiscard]] const AlertFormat& splunk_notable_format();
[[nodiscard]] const AlertFormat& crowdstrike_detection_format();
[[nodiscard]] const AlertFormat& crowdstrike_alert_format();
[[nodiscard]] const AlertFormat& elastic_alert_format();

/// The built-in formats in detection order.
[[nodiscard]] const std::vector<const AlertFormat*>& builtin_formats();

} // namespace casefile::intake::detail
