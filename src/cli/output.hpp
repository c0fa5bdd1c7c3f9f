#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace casefile::cli {

/// Writes `data` to `path` atomically, or to stdout when `path` is empty or "-".
[[nodiscard]] Status write_output(const std::string& path, std::string_view data);

} // namespace casefile::cli
