// Times as vendors write them: RFC 3339 text (kept verbatim as Time::original) or Unix epoch
// seconds or milliseconds, as a number or as digits in a string (Splunk's "_time" in some
// exports, CrowdStrike's stream events).
#pragma once

#include "core/error.hpp"
#include "core/time.hpp"
#include "intake/json_document.hpp"

namespace casefile::intake::detail {

/// A vendor time. Text in RFC 3339 keeps its spelling in `original`; an epoch value has an
/// empty `original`, since case.yaml cannot store it in that form. Fails (bad_input) for text
/// that is not a time, for times without a zone, and for years before 1990 or after 2199,
/// which vendors use as placeholders for "no time".
[[nodiscard]] Result<Time> vendor_time(const Json& value);

/// True when `value` is an epoch number or digits, which vendor_time reads as Unix time.
[[nodiscard]] bool is_epoch_value(const Json& value);

} // namespace casefile::intake::detail
