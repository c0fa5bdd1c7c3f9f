// core: the vocabulary every module shares — errors and diagnostics, UTC times, UTF-8 text
// helpers and safe file I/O. It knows nothing about cases, indicators or reports.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace casefile {

/// What kind of failure an Error is; the CLI maps it to an exit code (cli/exit_code.cpp).
enum class ErrorCode {
    bad_input, ///< the data is wrong (a malformed case.yaml, an unparsable time)
    bad_usage, ///< the caller asked for something impossible (unknown flag value)
    io,        ///< reading or writing a file failed
    not_found, ///< a named file, case or object does not exist
    conflict,  ///< the target exists and may not be overwritten
    internal,  ///< a bug: an invariant did not hold
};

/// A place in a text file; line and column are 1-based, 0 means unknown.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;

    /// "file:line:column", dropping the parts that are unknown.
    [[nodiscard]] std::string to_string() const;
    bool operator==(const SourceLocation&) const = default;
};

/// An expected failure: what went wrong, how to fix it, and where.
struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message;
    std::string hint;
    std::optional<SourceLocation> where;

    /// "where: error: message" plus an indented hint line, as compilers print it.
    [[nodiscard]] std::string to_string() const;
};

template <class T> using Result = tl::expected<T, Error>;
using Status = Result<void>;

[[nodiscard]] inline tl::unexpected<Error> fail(ErrorCode code, std::string message,
                                                std::string hint = {},
                                                std::optional<SourceLocation> where = {}) {
    return tl::unexpected<Error>(
        Error{code, std::move(message), std::move(hint), std::move(where)});
}

enum class DiagnosticLevel { error, warning, note };

/// A finding about input that does not stop processing: a bad line in a log, a validation
/// warning. Printed as "file:line:column: level: message [rule]".
struct Diagnostic {
    DiagnosticLevel level = DiagnosticLevel::error;
    std::string message;
    std::string hint;
    SourceLocation where;
    std::string rule; ///< stable id such as "unknown-key"; empty when not a rule
    /// The input text the finding is about, when it quotes some ("within 30 minutes"), so a
    /// caller can narrow `where` to the exact line.
    std::string quote = {};

    [[nodiscard]] std::string to_string() const;
};

[[nodiscard]] const char* level_name(DiagnosticLevel level);
[[nodiscard]] bool has_errors(const std::vector<Diagnostic>& diagnostics);

/// Guards invariants that input can never break; a failure is a bug in casefile.
[[noreturn]] void assertion_failed(const char* condition, const char* why, const char* file,
                                   int line);
#define CASEFILE_ASSERT(cond, why)                                                                 \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            ::casefile::assertion_failed(#cond, why, __FILE__, __LINE__);                          \
        }                                                                                          \
    } while (false)

} // namespace casefile
