#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "analysis/analysis.hpp"

namespace casefile::render {

/// Columns for a terminal: time, source, host, text; untimed evidence after a blank line.
/// `defang` rewrites the text a person reads (identity when unset).
[[nodiscard]] std::string timeline_text(const analysis::Analysis& a,
                                        const std::function<std::string(std::string_view)>& defang);

/// One JSON object per line: time (RFC 3339 UTC, null when untimed), kind, origin, location,
/// text, host, user, and for evidence rows the event's normalized and original fields.
[[nodiscard]] std::string timeline_json_lines(const analysis::Analysis& a);

/// RFC 4180 CSV with a header; cells that a spreadsheet would run as a formula are prefixed
/// with an apostrophe.
[[nodiscard]] std::string timeline_csv(const analysis::Analysis& a);

} // namespace casefile::render
