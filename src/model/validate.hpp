#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "model/case.hpp"

namespace casefile::model {

/// Checks that look at the case as a whole once it has parsed: sections that merely repeat
/// another section, escalations that name nobody. Returns warnings located in `file`.
[[nodiscard]] std::vector<Diagnostic> check_case(const Case& c, const std::string& file);

} // namespace casefile::model
