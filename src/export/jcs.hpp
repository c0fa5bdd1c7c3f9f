#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace casefile::exporting {

/// RFC 8785 JSON Canonicalization Scheme: no whitespace, object members sorted by their
/// UTF-16 code units, numbers in ECMAScript Number::toString form, strings with only the
/// mandatory escapes. STIX 2.1 hashes this form of an SCO's id-contributing properties into
/// its UUIDv5. Fails on strings that are not valid UTF-8 and on non-finite numbers.
[[nodiscard]] Result<std::string> canonical_json(const nlohmann::ordered_json& value);

/// ECMAScript Number::toString of a finite double ("1e+21", "0.000001", "1.5").
[[nodiscard]] std::string ecmascript_number(double value);

} // namespace casefile::exporting
