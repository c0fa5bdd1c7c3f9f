#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "model/case.hpp"

namespace casefile::model {

/// A case as loaded: the value plus everything found wrong or doubtful in it. The value is
/// complete only when no diagnostic is an error.
struct LoadedCase {
    Case value;
    std::vector<Diagnostic> diagnostics;

    [[nodiscard]] bool ok() const { return !has_errors(diagnostics); }
};

/// Parses case.yaml text strictly: unknown keys, malformed times, unknown enum values and
/// missing required fields become error diagnostics located at `file:line:column`. Evidence
/// files are not read. Fails only when the text is not YAML at all.
[[nodiscard]] Result<LoadedCase> parse_case_yaml(std::string_view text, const std::string& file);

/// Loads `dir/case.yaml`, reads the evidence files it references and picks up files in
/// `dir/evidence/` it does not mention. Fails when the folder or case.yaml cannot be read.
[[nodiscard]] Result<LoadedCase> load_case_folder(const std::filesystem::path& dir);

/// Serializes a case to case.yaml text. Evidence that came from a file is written as a `file:`
/// reference; discovered evidence is left out (it is discovered again on load). Loading the
/// output gives back the same case.
[[nodiscard]] std::string to_yaml(const Case& c);

/// Writes `to_yaml(c)` to `dir/case.yaml` atomically.
[[nodiscard]] Status save_case_folder(const Case& c, const std::filesystem::path& dir);

} // namespace casefile::model
