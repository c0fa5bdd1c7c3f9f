#pragma once

#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "core/time.hpp"

namespace casefile::model {

struct ScaffoldOptions {
    std::string ticket_id; ///< default: the folder's name
    std::string title;
    std::string source;
    std::string severity = "medium";
    Timestamp observed_at{}; ///< default: now
};

/// A commented case.yaml that passes validation and shows every section with an example.
[[nodiscard]] std::string scaffold_case_yaml(const ScaffoldOptions& options);

/// Creates `dir` with case.yaml and an empty evidence/ folder. Refuses when `dir` exists and
/// is not empty, so no earlier work can be overwritten.
[[nodiscard]] Status create_case_folder(const std::filesystem::path& dir, ScaffoldOptions options);

} // namespace casefile::model
