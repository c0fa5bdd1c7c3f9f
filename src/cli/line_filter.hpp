#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace casefile::cli {

/// Streams standard input to standard output through `transform`, one line-aligned chunk at a
/// time, flushing after each so a pipe gets answers line by line. Returns the exit code.
int filter_stdin(const std::function<std::string(std::string_view)>& transform);

} // namespace casefile::cli
