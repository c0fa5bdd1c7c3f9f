#pragma once

#include <string_view>

#include "export/export.hpp"

namespace casefile::exporting {

/// The case as a MISP event (MISP core format, `{"Event": {...}}`): one Attribute per indicator
/// with the MISP type and category that fit it, to_ids on only for values worth alerting on
/// (never for warninglisted or non-public values, nor for types MISP itself defaults off), the
/// TLP as a `tlp:<level>` tag, and ATT&CK techniques as mitre-attack-pattern galaxy tags when
/// their names are known. Ids are stable across exports of the same case.
[[nodiscard]] Result<ExportResult> export_misp(const model::Case& c, const analysis::Analysis& a,
                                               const ExportOptions& options);

namespace misp {

/// MISP's attribute type, default category and to_ids for an indicator type (before the
/// warninglist/private-address rule). `composite_with_file` picks `filename|<hash>`.
struct AttributeKind {
    std::string_view type;
    std::string_view category;
    bool to_ids = false;
};
[[nodiscard]] AttributeKind attribute_kind(model::IndicatorType type, bool composite_with_file);

} // namespace misp
} // namespace casefile::exporting
