#include "support/json_schema.hpp"

#include <fstream>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include "support/run_command.hpp"

extern char** environ;

namespace casefile::testing {
namespace fs = std::filesystem;

namespace {

const fs::path kTools = fs::path(CASEFILE_SOURCE_DIR) / "tests/tools";
const fs::path kStixSchemas = fs::path(CASEFILE_SHARED_DIR) / "reference-data/stix/schemas";

SchemaCheck run_validator(std::vector<std::string> args) {
    if (!fs::exists(kTools / "node_modules/ajv/package.json") ||
        !fs::exists(kTools / "node_modules/ajv-formats/package.json")) {
        return {false, "ajv is not installed in " + kTools.string() +
                           "/node_modules: run scripts/setup (or `npm ci` in tests/tools)"};
    }
    TempDir io;
    const fs::path out = io.path() / "out";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    args.insert(args.begin(), {"node", (kTools / "validate_json.js").string()});
    std::vector<char*> argv;
    for (auto& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, "node", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        return {false, "cannot run node (install nodejs; scripts/setup does it)"};
    }
    int status = 0;
    waitpid(pid, &status, 0);
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    return {WIFEXITED(status) && WEXITSTATUS(status) == 0, text.str()};
}

fs::path write_temp(const TempDir& dir, const std::string& name, const std::string& text) {
    const fs::path p = dir.path() / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

} // namespace

SchemaCheck validate_stix_bundle(const std::string& bundle) {
    return validate_stix_bundles({bundle});
}

SchemaCheck validate_stix_bundles(const std::vector<std::string>& bundles) {
    TempDir dir;
    std::vector<std::string> args = {"stix", kStixSchemas.string()};
    for (size_t k = 0; k < bundles.size(); ++k) {
        args.push_back(
            write_temp(dir, "bundle-" + std::to_string(k) + ".json", bundles[k]).string());
    }
    return run_validator(std::move(args));
}

SchemaCheck validate_json(const fs::path& schema, const std::string& json) {
    return validate_json_documents(schema, {json});
}

SchemaCheck validate_json_documents(const fs::path& schema,
                                    const std::vector<std::string>& documents) {
    TempDir dir;
    std::vector<std::string> args = {"schema", schema.string()};
    for (size_t k = 0; k < documents.size(); ++k) {
        args.push_back(
            write_temp(dir, "doc-" + std::to_string(k) + ".json", documents[k]).string());
    }
    return run_validator(std::move(args));
}

} // namespace casefile::testing
