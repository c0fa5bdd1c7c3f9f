#include <cstdio>
#include <memory>

#include "cli/analyzed_case.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "model/case_yaml.hpp"

namespace casefile::cli {
namespace {

struct ValidateOptions {
    std::string dir;
    ExtractorFlags extractor;
};

void print_summary(const std::string& dir, const std::vector<Diagnostic>& all) {
    size_t errors = 0;
    for (const Diagnostic& d : all) {
        errors += d.level == DiagnosticLevel::error ? 1 : 0;
    }
    const size_t warnings = all.size() - errors;
    std::fprintf(errors == 0 ? stdout : stderr, "%s: %s (%zu error%s, %zu warning%s)\n",
                 dir.c_str(), errors == 0 ? "valid" : "invalid", errors, errors == 1 ? "" : "s",
                 warnings, warnings == 1 ? "" : "s");
}

int run_validate(const ValidateOptions& o) {
    // A case with schema errors is reported as it is: its consistency cannot be checked yet.
    auto loaded = model::load_case_folder(o.dir);
    if (!loaded) {
        return report_error(loaded.error());
    }
    if (!loaded->ok()) {
        const int code = report_diagnostics(loaded->diagnostics);
        print_summary(o.dir, loaded->diagnostics);
        return code;
    }
    int exit_code = kExitOk;
    const auto c = analyze_loaded_case(std::move(*loaded), o.extractor, exit_code);
    if (!c) {
        return exit_code;
    }
    const std::vector<Diagnostic> all = c->all_findings();
    const int code = report_diagnostics(all);
    print_summary(o.dir, all);
    return code;
}

} // namespace

void add_validate_command(CLI::App& app, CommandOutcome& outcome) {
    auto options = std::make_shared<ValidateOptions>();
    CLI::App* cmd = app.add_subcommand(
        "validate", "Check a case folder: case.yaml fields, times and evidence files, then the\n"
                    "case's consistency (times that contradict each other, untimed evidence).\n"
                    "Prints FILE:LINE:COL: error|warning: message [rule]; exits 1 on errors.\n\n"
                    "Example:\n  casefile validate examples/IR-2025-1142\n");
    cmd->add_option("DIR", options->dir, "case folder")->required();
    add_extractor_flags(cmd, options->extractor);
    cmd->callback([options, &outcome] { outcome.exit_code = run_validate(*options); });
}

} // namespace casefile::cli
