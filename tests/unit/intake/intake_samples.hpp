// Helpers for the intake tests: read a sample from tests/data/alerts and look things up in the
// case it produced.
#pragma once

#include <string>
#include <string_view>

#include "core/time.hpp"
#include "intake/intake.hpp"
#include "model/case.hpp"

namespace casefile::intake::testing {

/// The path of tests/data/alerts/<relative>.
[[nodiscard]] std::string sample_path(std::string_view relative);

/// The sample as an InputFile named by its path; empty text when it cannot be read.
[[nodiscard]] InputFile sample(std::string_view relative);

/// read_alert() on a sample.
[[nodiscard]] Result<Intake> read_sample(std::string_view relative,
                                         const IntakeOptions& options = {});

/// The UTC instant of an RFC 3339 time, for comparisons.
[[nodiscard]] Timestamp utc(std::string_view rfc3339);

/// The indicator of that type and value, or null.
[[nodiscard]] const model::ManualIndicator*
indicator(const model::Case& c, model::IndicatorType type, std::string_view value);

/// Every diagnostic, one per line, for failure messages.
[[nodiscard]] std::string all_diagnostics(const Intake& in);

/// Whether a diagnostic of `level` contains `text`.
[[nodiscard]] bool has_diagnostic(const Intake& in, DiagnosticLevel level, std::string_view text);

/// How many diagnostics have `level`.
[[nodiscard]] size_t count(const Intake& in, DiagnosticLevel level);

} // namespace casefile::intake::testing
