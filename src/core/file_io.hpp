#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace casefile {

/// Reads a whole file; `.gz` files are decompressed transparently.
[[nodiscard]] Result<std::string> read_file(const std::filesystem::path& path);

/// Writes `data` to a temporary file beside `path`, flushes it, then renames it over `path`,
/// so a crash or a full disk never leaves a half-written file where a good one was.
[[nodiscard]] Status write_file_atomic(const std::filesystem::path& path, std::string_view data);

} // namespace casefile
