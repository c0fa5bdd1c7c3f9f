#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/enums.hpp"

namespace casefile::analysis {

/// An indicator that only its surroundings reveal, such as a scheduled task's name.
struct ContextIndicator {
    model::IndicatorType type;
    std::string value;
};

/// Scheduled task names created in `text`: `schtasks /create ... /tn NAME` and
/// `Register-ScheduledTask -TaskName NAME` (quoted names keep their spaces).
[[nodiscard]] std::vector<ContextIndicator> find_context_indicators(std::string_view text);

/// True for the file names of common operating-system and office programs (powershell.exe,
/// cmd.exe...). Attackers use them, but their names alone identify nothing: they are not
/// indicators unless an analyst lists them.
[[nodiscard]] bool is_common_program_name(std::string_view file_name);

} // namespace casefile::analysis
