// Reading fields out of vendor JSON whatever its layout: nested objects, flat dotted keys
// (Elastic's "kibana.alert.rule.name", Splunk's "annotations.mitre_attack") or a mix.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "intake/json_document.hpp"

namespace casefile::intake::detail {

/// The value at a dotted path, matching nested objects, flat keys that contain dots, or any
/// mix of the two. Null when absent or JSON null, or when `object` is not an object.
[[nodiscard]] const Json* find(const Json& object, std::string_view path);

/// A scalar as text: strings trimmed, numbers and booleans spelled as JSON writes them.
/// Nothing for absent values, null, blank strings, arrays and objects.
[[nodiscard]] std::optional<std::string> scalar_text(const Json* value);

/// The texts of a scalar, or of each scalar in an array (blank ones dropped).
[[nodiscard]] std::vector<std::string> scalar_texts(const Json* value);

/// The elements of an array value; nothing when absent or not an array.
[[nodiscard]] std::vector<const Json*> array_items(const Json* value);

/// "a list", "an object", "text", ... for messages about a value of the wrong kind.
[[nodiscard]] std::string_view describe(const Json& value);

} // namespace casefile::intake::detail
