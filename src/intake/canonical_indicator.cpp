#include "intake/canonical_indicator.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace casefile::intake::detail {

Result<std::string> canonical_indicator(model::IndicatorType type, std::string_view raw) {
    const std::string_view value = trim(raw);
    if (value.empty()) {
        return fail(ErrorCode::bad_input, fmt::format("empty {} value", model::to_string(type)));
    }
    return std::string(value);
}

} // namespace casefile::intake::detail
