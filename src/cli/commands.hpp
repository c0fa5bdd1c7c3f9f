// cli: the `casefile` subcommands. Each file under commands/ adds one subcommand to the app and
// runs it through the library; no investigation logic lives here.
#pragma once

#include <CLI/CLI.hpp>

namespace casefile::cli {

/// Set by the subcommand that ran; main() returns it.
struct CommandOutcome {
    int exit_code = 0;
};

void add_new_command(CLI::App& app, CommandOutcome& outcome);
void add_validate_command(CLI::App& app, CommandOutcome& outcome);
void add_fmt_command(CLI::App& app, CommandOutcome& outcome);
void add_report_command(CLI::App& app, CommandOutcome& outcome);
void add_timeline_command(CLI::App& app, CommandOutcome& outcome);
void add_events_command(CLI::App& app, CommandOutcome& outcome);
void add_import_command(CLI::App& app, CommandOutcome& outcome);
void add_lint_command(CLI::App& app, CommandOutcome& outcome);
void add_export_command(CLI::App& app, CommandOutcome& outcome);
void add_hunt_command(CLI::App& app, CommandOutcome& outcome);
void add_sweep_command(CLI::App& app, CommandOutcome& outcome);
void add_iocs_command(CLI::App& app, CommandOutcome& outcome);
void add_refang_command(CLI::App& app, CommandOutcome& outcome);
void add_defang_command(CLI::App& app, CommandOutcome& outcome);

} // namespace casefile::cli
