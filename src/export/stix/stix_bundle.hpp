#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "export/export.hpp"

namespace casefile::exporting {

/// The case as a STIX 2.1 bundle: the producer identity, the TLP 2.0 marking-definition, an
/// incident, a report whose object_refs name everything else, one indicator per indicator that
/// STIX can express (pattern per observables.hpp), SCOs and one observed-data per log or command
/// they were seen in, malware from OSINT classifications, attack-pattern / course-of-action /
/// vulnerability objects for ATT&CK ids and CVEs, and the relationships between them. Every
/// object but the identity carries the marking. Ids are stable across exports of the same case
/// (docs/exports.md explains how).
[[nodiscard]] Result<ExportResult> export_stix(const model::Case& c, const analysis::Analysis& a,
                                               const ExportOptions& options);

namespace stix {

/// The official TLP 2.0 marking-definition id for a level (OASIS cti-stix-common-objects).
[[nodiscard]] std::string_view tlp_marking_id(model::Tlp tlp);

/// The complete TLP 2.0 marking-definition object for a level.
[[nodiscard]] nlohmann::ordered_json tlp_marking(model::Tlp tlp);

} // namespace stix
} // namespace casefile::exporting
