#include "core/error.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

namespace casefile {

std::string SourceLocation::to_string() const {
    std::string out = file;
    if (line > 0) {
        out += fmt::format(":{}", line);
        if (column > 0) {
            out += fmt::format(":{}", column);
        }
    }
    return out;
}

namespace {
std::string with_location(const std::optional<SourceLocation>& where, const char* level,
                          const std::string& message) {
    if (where && !where->file.empty()) {
        return fmt::format("{}: {}: {}", where->to_string(), level, message);
    }
    return fmt::format("{}: {}", level, message);
}
} // namespace

std::string Error::to_string() const {
    std::string out = with_location(where, "error", message);
    if (!hint.empty()) {
        out += "\n    hint: " + hint;
    }
    return out;
}

const char* level_name(DiagnosticLevel level) {
    switch (level) {
    case DiagnosticLevel::error:
        return "error";
    case DiagnosticLevel::warning:
        return "warning";
    case DiagnosticLevel::info:
        return "info";
    }
    return "error";
}

std::string Diagnostic::to_string() const {
    std::string out = with_location(where, level_name(level), message);
    if (!rule.empty()) {
        out += fmt::format(" [{}]", rule);
    }
    if (!hint.empty()) {
        out += "\n    hint: " + hint;
    }
    return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.level == DiagnosticLevel::error; });
}

void assertion_failed(const char* condition, const char* why, const char* file, int line) {
    std::fprintf(stderr, "casefile: internal error: %s (%s) at %s:%d\n", why, condition, file,
                 line);
    std::abort();
}

} // namespace casefile
