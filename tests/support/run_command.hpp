// Test support: runs the real casefile binary and captures what a user would see.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace casefile::testing {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs `CASEFILE_BINARY args...` with `input` on stdin, in `cwd` when given.
CommandResult run_casefile(const std::vector<std::string>& args, const std::string& input = {},
                           const std::filesystem::path& cwd = {});

/// Runs `argv` (the program is looked up in PATH) with `input` on stdin, in `cwd` when given;
/// exit_code stays -1 when the program could not be started.
CommandResult run_program(const std::vector<std::string>& argv, const std::string& input = {},
                          const std::filesystem::path& cwd = {});

/// True when `program` is an executable in PATH (for tests that need an outside tool).
bool have_program(const std::string& program);

/// A fresh empty folder under the system temp dir, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

} // namespace casefile::testing
