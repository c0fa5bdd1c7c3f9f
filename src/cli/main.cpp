// casefile: investigate an alert and report on it. Parses the command line, runs the chosen
// subcommand and returns its exit code (0 ok, 1 bad data, 2 bad usage).
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"

int main(int argc, char** argv) {
    using namespace casefile::cli;
    CLI::App app{"casefile: from raw alert to finished investigation report.\n\n"
                 "Example:\n  casefile report examples/IR-2025-1142 -o report.md\n",
                 "casefile"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "casefile 0.1.0");
    CommandOutcome outcome;
    add_new_command(app, outcome);
    add_validate_command(app, outcome);
    add_fmt_command(app, outcome);
    add_report_command(app, outcome);
    add_timeline_command(app, outcome);
    add_events_command(app, outcome);
    add_import_command(app, outcome);
    add_lint_command(app, outcome);
    add_export_command(app, outcome);
    add_hunt_command(app, outcome);
    add_sweep_command(app, outcome);
    add_iocs_command(app, outcome);
    add_refang_command(app, outcome);
    add_defang_command(app, outcome);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitBadUsage;
    }
    return outcome.exit_code;
}
