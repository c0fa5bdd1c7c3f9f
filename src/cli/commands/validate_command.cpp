#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "model/case_yaml.hpp"

namespace casefile::cli {

void add_validate_command(CLI::App& app, CommandOutcome& outcome) {
    auto dir = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand(
        "validate", "Check a case folder: case.yaml fields, times and evidence files.\n"
                    "Prints FILE:LINE:COL: error|warning: message; exits 1 on errors.\n\n"
                    "Example:\n  casefile validate examples/IR-2025-1142\n");
    cmd->add_option("DIR", *dir, "case folder")->required();
    cmd->callback([dir, &outcome] {
        auto loaded = model::load_case_folder(*dir);
        if (!loaded) {
            outcome.exit_code = report_error(loaded.error());
            return;
        }
        outcome.exit_code = report_diagnostics(loaded->diagnostics);
        size_t errors = 0;
        for (const Diagnostic& d : loaded->diagnostics) {
            errors += d.level == DiagnosticLevel::error ? 1 : 0;
        }
        const size_t warnings = loaded->diagnostics.size() - errors;
        if (errors == 0) {
            std::printf("%s: valid (%zu warning%s)\n", dir->c_str(), warnings,
                        warnings == 1 ? "" : "s");
        } else {
            std::fprintf(stderr, "%s: %zu error%s, %zu warning%s\n", dir->c_str(), errors,
                         errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
        }
    });
}

} // namespace casefile::cli
