#include "support/run_command.hpp"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace casefile::testing {
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
} // namespace

TempDir::TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("casefile-test-" + std::to_string(rd()) + "-" + std::to_string(::getpid()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

CommandResult run_casefile(const std::vector<std::string>& args, const std::string& input,
                           const fs::path& cwd) {
    std::vector<std::string> argv = {CASEFILE_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv, input, cwd);
}

CommandResult run_program(const std::vector<std::string>& argv_in, const std::string& input,
                          const fs::path& cwd) {
    TempDir io;
    const fs::path in = io.path() / "stdin";
    const fs::path out = io.path() / "stdout";
    const fs::path err = io.path() / "stderr";
    std::ofstream(in, std::ios::binary) << input;

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (!cwd.empty()) {
        posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    }
    std::vector<std::string> argv_storage = argv_in;
    std::vector<char*> argv;
    for (auto& a : argv_storage) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);

    CommandResult result;
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv_storage.front().c_str(), &actions, nullptr, argv.data(), environ) ==
        0) {
        int status = 0;
        waitpid(pid, &status, 0);
        result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    result.out = slurp(out);
    result.err = slurp(err);
    return result;
}

bool have_program(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path == nullptr ? "/usr/bin:/bin" : path);
    for (std::string dir; std::getline(dirs, dir, ':');) {
        if (!dir.empty() && ::access((fs::path(dir) / program).c_str(), X_OK) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace casefile::testing
