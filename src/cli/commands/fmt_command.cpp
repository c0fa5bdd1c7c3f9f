#include <algorithm>
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "core/file_io.hpp"
#include "model/case_yaml.hpp"

namespace casefile::cli {
namespace {

struct FmtOptions {
    std::string dir;
    bool check = false;
    bool drop_comments = false;
};

int run_fmt(const FmtOptions& o) {
    auto loaded = model::load_case_folder(o.dir);
    if (!loaded) {
        return report_error(loaded.error());
    }
    if (!loaded->ok()) {
        report_diagnostics(loaded->diagnostics);
        std::fprintf(stderr, "fmt: not rewriting a case.yaml with errors; fix them first\n");
        return kExitBadData;
    }
    const auto path = std::filesystem::path(o.dir) / "case.yaml";
    auto before = read_file(path);
    if (!before) {
        return report_error(before.error());
    }
    const std::string after = model::to_yaml(loaded->value);
    if (o.check) {
        if (after != *before) {
            std::fprintf(stderr, "%s is not formatted; run 'casefile fmt %s'\n", path.c_str(),
                         o.dir.c_str());
            return kExitBadData;
        }
        return kExitOk;
    }
    // Formatting keeps every '#' inside values, so fewer '#' afterwards means comments would go.
    const auto hashes = [](const std::string& s) { return std::count(s.begin(), s.end(), '#'); };
    if (hashes(after) < hashes(*before) && !o.drop_comments) {
        return report_error(Error{
            ErrorCode::bad_usage,
            fmt::format("{} has comments, and formatting would remove them", path.string()),
            "keep the file as it is, or pass --drop-comments to format it anyway", std::nullopt});
    }
    if (after == *before) {
        std::printf("%s: already formatted\n", path.c_str());
        return kExitOk;
    }
    if (auto written = write_file_atomic(path, after); !written) {
        return report_error(written.error());
    }
    std::printf("%s: formatted\n", path.c_str());
    return kExitOk;
}

} // namespace

void add_fmt_command(CLI::App& app, CommandOutcome& outcome) {
    auto options = std::make_shared<FmtOptions>();
    CLI::App* cmd = app.add_subcommand(
        "fmt", "Rewrite case.yaml in canonical layout without changing any value.\n\n"
               "Example:\n  casefile fmt IR-2025-1200 --check\n");
    cmd->add_option("DIR", options->dir, "case folder")->required();
    cmd->add_flag("--check", options->check, "only check; exit 1 when the file would change");
    cmd->add_flag("--drop-comments", options->drop_comments, "allow formatting to remove comments");
    cmd->callback([options, &outcome] { outcome.exit_code = run_fmt(*options); });
}

} // namespace casefile::cli
