#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "ioc/indicator_set.hpp"

namespace casefile::cli {

enum class IocFormat { text, json, csv };

/// Writes the set's indicators to `out` in the `casefile iocs` formats, streaming (no copy of
/// the set is made), formatted on `threads` threads; the output is the same for any number.
[[nodiscard]] Status write_indicators(std::FILE* out, IocFormat format,
                                      const ioc::IndicatorSet& indicators, unsigned threads = 1);

} // namespace casefile::cli
