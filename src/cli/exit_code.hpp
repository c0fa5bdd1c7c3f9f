#pragma once

#include <vector>

#include "core/error.hpp"

namespace casefile::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadData = 1;
inline constexpr int kExitBadUsage = 2;

/// 2 for bad usage, 1 for everything else that failed (bad data, I/O).
[[nodiscard]] int exit_code_for(const Error& error);

/// Prints the error to stderr and returns its exit code.
int report_error(const Error& error);

/// Prints diagnostics to stderr; returns 1 when any is an error, else 0.
int report_diagnostics(const std::vector<Diagnostic>& diagnostics);

} // namespace casefile::cli
