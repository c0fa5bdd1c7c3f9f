// The single place where intake turns a vendor's raw indicator value into the value a case
// stores. Today it trims; when the IoC engine is available this function calls
// ioc::Extractor::canonicalize(type, raw) instead, and nothing else in intake changes.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "model/enums.hpp"

namespace casefile::intake::detail {

/// The stored form of `raw` as an indicator of `type`: currently `raw` with surrounding
/// whitespace removed. Fails (bad_input) when nothing is left, saying why.
[[nodiscard]] Result<std::string> canonical_indicator(model::IndicatorType type,
                                                      std::string_view raw);

} // namespace casefile::intake::detail
