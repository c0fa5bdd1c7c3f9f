#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "export/export.hpp"

namespace casefile::exporting {

/// The case's indicators as RFC 4180 CSV (CRLF line ends, a header row): type, value,
/// defanged, first_seen, sources, warninglists, tlp, listed, classification, note.
[[nodiscard]] Result<ExportResult> export_csv(const model::Case& c, const analysis::Analysis& a,
                                              const ExportOptions& options);

/// One RFC 4180 field. A cell that a spreadsheet would run as a formula (it starts with =, +,
/// -, @, tab or carriage return) gets a leading apostrophe; a cell holding a comma, quote, CR or
/// LF (or that apostrophe) is quoted with inner quotes doubled.
[[nodiscard]] std::string csv_field(std::string_view value);

/// Joins fields into one record ending in CRLF.
[[nodiscard]] std::string csv_record(const std::vector<std::string>& fields);

} // namespace casefile::exporting
