// Choices of the report layout that the renderer writes and the importer must read back the same
// way: the fence language of each query and script language, and the order of indicator groups.
#pragma once

#include <cstddef>
#include <string_view>

#include "model/case.hpp"

namespace casefile::model {

/// The code-fence info string for a query ("spl", "kql", "esql", "yaml" for Sigma, else "text").
[[nodiscard]] std::string_view fence_language(QueryLanguage language);

/// The code-fence info string for a script ("powershell", "bat" for cmd, "bash", ...).
[[nodiscard]] std::string_view fence_language(ScriptLanguage language);

/// Position of the report's indicator group holding `type` (Domains, IP Addresses, URLs, ...);
/// types that share a group heading share its rank.
[[nodiscard]] size_t indicator_group_rank(IndicatorType type);

} // namespace casefile::model
