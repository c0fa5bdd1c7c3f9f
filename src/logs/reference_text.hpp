#pragma once

#include <functional>
#include <string_view>

#include "logs/parser.hpp"

namespace casefile::logs::detail {

/// Reads the reference text forms: a header line that starts with an RFC 3339 time, followed
/// by "Key: value" lines that belong to it. `header` returns false when a line that starts with
/// a time is not a valid header (a diagnostic); lines before the first header are reported.
/// `finish` is called once per event after its continuation lines were added to fields.
void for_each_timed_block(ParseContext& ctx,
                          const std::function<bool(Event&, std::string_view header)>& header,
                          const std::function<void(Event&)>& finish);

/// True when `line` starts with an RFC 3339 time followed by a space.
[[nodiscard]] bool starts_with_rfc3339(std::string_view line);

} // namespace casefile::logs::detail
