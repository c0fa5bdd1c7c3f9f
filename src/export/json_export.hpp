#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "export/export.hpp"

namespace casefile::exporting {

/// The case and its analysis as one JSON document (docs/casefile-export.schema.json): every
/// case field, every indicator with its provenance, every finding. Times are RFC 3339 UTC;
/// absent optional values are null, absent text is "", so every key is always present.
[[nodiscard]] Result<ExportResult> export_json(const model::Case& c, const analysis::Analysis& a,
                                               const ExportOptions& options);

/// A file path as exports show it: relative to the case folder when it lies inside it, so an
/// export never reveals where the analyst keeps cases.
[[nodiscard]] std::string case_relative(const model::Case& c, const std::string& file);

/// Dumps JSON with two-space indentation and a final newline; invalid UTF-8 in evidence is
/// replaced by U+FFFD instead of failing.
[[nodiscard]] std::string dump_json(const nlohmann::ordered_json& value);

} // namespace casefile::exporting
