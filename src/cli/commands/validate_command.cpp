#include <cstdio>
#include <memory>

#include "analysis/analyze.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/extractor_options.hpp"
#include "model/case_yaml.hpp"

namespace casefile::cli {
namespace {

struct ValidateOptions {
    std::string dir;
    ExtractorFlags extractor;
};

int run_validate(const ValidateOptions& o) {
    auto loaded = model::load_case_folder(o.dir);
    if (!loaded) {
        return report_error(loaded.error());
    }
    std::vector<Diagnostic> all = loaded->diagnostics;
    // Consistency checks need a complete case: they run only when the schema checks passed.
    if (loaded->ok()) {
        auto extractor = make_extractor(o.extractor);
        if (!extractor) {
            return report_error(extractor.error());
        }
        const analysis::Analysis a = analysis::analyze(loaded->value, *extractor);
        all.insert(all.end(), a.findings.begin(), a.findings.end());
    }
    const int code = report_diagnostics(all);
    size_t errors = 0;
    for (const Diagnostic& d : all) {
        errors += d.level == DiagnosticLevel::error ? 1 : 0;
    }
    const size_t warnings = all.size() - errors;
    std::fprintf(errors == 0 ? stdout : stderr, "%s: %s (%zu error%s, %zu warning%s)\n",
                 o.dir.c_str(), errors == 0 ? "valid" : "invalid", errors, errors == 1 ? "" : "s",
                 warnings, warnings == 1 ? "" : "s");
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
