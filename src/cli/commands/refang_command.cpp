#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "ioc/chunk_reader.hpp"
#include "ioc/defang.hpp"

namespace casefile::cli {
namespace {

int run_refang() {
    auto reader = ioc::ChunkReader::open("-");
    if (!reader) {
        return report_error(reader.error());
    }
    while (true) {
        auto chunk = reader->next();
        if (!chunk) {
            return report_error(chunk.error());
        }
        if (chunk->empty()) {
            break;
        }
        const std::string out = ioc::refang_text(*chunk);
        if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() ||
            std::fflush(stdout) != 0) {
            return report_error(Error{ErrorCode::io, "cannot write to standard output",
                                      "check whether the reading end of the pipe closed",
                                      std::nullopt});
        }
    }
    return kExitOk;
}

} // namespace

void add_refang_command(CLI::App& app, CommandOutcome& outcome) {
    CLI::App* cmd = app.add_subcommand(
        "refang",
        "Undo defanging: read standard input, write it to standard output with hxxp, [.], (dot),\n"
        "[@], [:], [://] and the other notations turned back into working indicators. Line by\n"
        "line; everything else passes through unchanged.\n\n"
        "Example:\n"
        "  echo 'hxxps[:]//evil[.]example/x' | casefile refang\n");
    cmd->callback([&outcome] { outcome.exit_code = run_refang(); });
}

} // namespace casefile::cli
