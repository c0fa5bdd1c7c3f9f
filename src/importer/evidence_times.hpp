#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/time.hpp"
#include "model/case.hpp"

namespace casefile::importer {

/// RFC 3339 timestamps (date, 'T' or space, clock, 'Z', an offset or " UTC") in `text`, in order.
[[nodiscard]] std::vector<Time> find_timestamps(std::string_view text);

/// The earliest time the raw logs record: a log's own `time`, else the earliest timestamp in
/// its text. Used when a report gives no Observed At.
[[nodiscard]] std::optional<Time> earliest_evidence_time(const model::Case& c);

} // namespace casefile::importer
