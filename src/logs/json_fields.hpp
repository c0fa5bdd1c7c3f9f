#pragma once

#include <initializer_list>
#include <string_view>

#include "logs/event.hpp"

namespace casefile::logs {
class ParseContext;
}

namespace casefile::logs::detail {

/// Reads fields of a flattened JSON record by name, also under a "properties." wrapper (Azure
/// diagnostic settings and Event Hub exports nest the row there).
class JsonView {
public:
    explicit JsonView(const Event& e) : e_(e) {}

    /// First meaningful value among `names` ("" when none).
    [[nodiscard]] std::string_view get(std::initializer_list<std::string_view> names) const;
    [[nodiscard]] std::string_view get(std::string_view name) const { return get({name}); }

private:
    const Event& e_;
};

/// Sets the time from a JSON time value: RFC 3339 text, or Unix seconds / milliseconds.
/// `utc`: a zone-less text time is UTC by the source's definition.
void set_json_time(ParseContext& ctx, Event& e, std::string_view value, bool utc);

/// True when the text's first non-blank character opens a JSON object or array.
[[nodiscard]] bool starts_json(std::string_view head);

} // namespace casefile::logs::detail
