#include "cli/commands.hpp"
#include "cli/line_filter.hpp"
#include "ioc/defang.hpp"

namespace casefile::cli {

void add_refang_command(CLI::App& app, CommandOutcome& outcome) {
    CLI::App* cmd = app.add_subcommand(
        "refang",
        "Undo defanging: read standard input, write it to standard output with hxxp, [.], (dot),\n"
        "[@], [:], [://] and the other notations turned back into working indicators. Line by\n"
        "line; everything else passes through unchanged.\n\n"
        "Example:\n"
        "  echo 'hxxps[:]//evil[.]example/x' | casefile refang\n");
    cmd->callback([&outcome] { outcome.exit_code = filter_stdin(ioc::refang_text); });
}

} // namespace casefile::cli
