// What CrowdStrike's Detects API (detections with behaviors[]) and Alerts API (one behaviour
// per alert) share: the severity names, process and parent-process fields, the device object
// and the vendor-typed ioc_type/ioc_value pair.
#pragma once

#include <span>
#include <string>

#include "intake/case_builder.hpp"
#include "intake/json_document.hpp"

namespace casefile::intake::detail::crowdstrike {

/// Falcon's severity names ("severity_name", "max_severity_displayname"). The 1-100 score
/// beside them is not mapped: CrowdStrike documents no bucket boundaries for it.
[[nodiscard]] SeverityNames severities();

/// Warns when only the 1-100 score is there and its name (`name`) is not.
void severity_number_only(const Json& alert, std::string_view number, std::string_view name,
                          CaseBuilder& b);

/// Falcon's alert and detection statuses.
[[nodiscard]] StatusNames statuses();

/// The "device" object: device_id, hostname and local_ip.
void map_device(const Json& alert, CaseBuilder& b);

/// One process: its hashes, command line, user, parent process and ioc_type/ioc_value.
/// `at` prefixes field names in messages ("behaviors[0].").
void map_process(const Json& process, const std::string& at, CaseBuilder& b);

} // namespace casefile::intake::detail::crowdstrike
