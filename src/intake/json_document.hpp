// Reading alert exports as JSON: parse errors located at file:line:column, a nesting limit so
// hostile input cannot exhaust the stack, and picking the one alert out of the list wrappers
// that vendor APIs put around results.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace casefile::intake::detail {

using Json = nlohmann::json;

/// Deeper nesting than any vendor export uses; deeper input is rejected before parsing.
inline constexpr int kMaxJsonDepth = 128;

/// Parses one JSON document, or JSON Lines (one document per line, as Splunk's export endpoint
/// writes them) into an array. Fails with bad_input located at file:line:column when the text
/// is neither, is empty, or nests deeper than kMaxJsonDepth.
[[nodiscard]] Result<Json> parse_json(std::string_view text, const std::string& file);

/// The one alert inside an export.
struct SelectedAlert {
    const Json* alert = nullptr;   ///< the alert object
    const Json* element = nullptr; ///< what holds it: the alert itself or a search hit around it
    size_t index = 0;
    size_t count = 1;
    std::string wrapper; ///< the list it was taken from ("value", "hits.hits", "[]" for a bare
                         ///< array); empty when the whole document is this one alert
};

/// "the 'value' list", or "the top-level list" for a bare array, for messages.
[[nodiscard]] std::string describe_wrapper(const std::string& wrapper);

/// Unwraps the list wrappers of vendor APIs (OData "value", Splunk "results"/"result",
/// CrowdStrike "resources", Elasticsearch "hits.hits[]._source", a bare array) down to one
/// alert object. Fails when there is no alert, or several and `index` does not pick one.
[[nodiscard]] Result<SelectedAlert> select_alert(const Json& document, std::optional<size_t> index,
                                                 const std::string& file);

/// The elements of a list export: a bare array, or the array under `key` or OData's "value";
/// any other document is a list of one.
[[nodiscard]] std::vector<const Json*> elements_of(const Json& document, std::string_view key);

} // namespace casefile::intake::detail
