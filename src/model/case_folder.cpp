#include <fmt/format.h>

#include "core/file_io.hpp"
#include "model/case_yaml.hpp"
#include "model/evidence_discovery.hpp"
#include "model/validate.hpp"

namespace casefile::model {
namespace fs = std::filesystem;

Result<LoadedCase> load_case_folder(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return fail(ErrorCode::not_found, fmt::format("'{}' is not a case folder", dir.string()),
                    fmt::format("create one with 'casefile new {}'", dir.string()));
    }
    const fs::path file = dir / "case.yaml";
    auto text = read_file(file);
    if (!text) {
        return fail(
            text.error().code,
            fmt::format("'{}' has no readable case.yaml: {}", dir.string(), text.error().message),
            fmt::format("create one with 'casefile new {}'", dir.string()));
    }
    const std::string label = file.string();
    auto loaded = parse_case_yaml(*text, label);
    if (!loaded) {
        return loaded;
    }
    loaded->value.folder = dir;
    load_evidence_files(loaded->value, loaded->diagnostics, label);
    auto checks = check_case(loaded->value, label);
    loaded->diagnostics.insert(loaded->diagnostics.end(), checks.begin(), checks.end());
    return loaded;
}

} // namespace casefile::model
