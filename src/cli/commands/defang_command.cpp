#include <memory>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/line_filter.hpp"
#include "ioc/extractor.hpp"

namespace casefile::cli {
namespace {

struct DefangOptions {
    std::string psl;
    bool talos = false;
};

int run_defang(const DefangOptions& o) {
    ioc::ExtractorConfig config;
    config.psl_file = o.psl;
    auto extractor = ioc::Extractor::create(config);
    if (!extractor) {
        return report_error(extractor.error());
    }
    ioc::DefangStyle style;
    if (o.talos) {
        style.scheme_separator = "[://]";
    }
    return filter_stdin(
        [&](std::string_view chunk) { return ioc::defang_text(chunk, *extractor, style); });
}

} // namespace

void add_defang_command(CLI::App& app, CommandOutcome& outcome) {
    auto o = std::make_shared<DefangOptions>();
    CLI::App* cmd = app.add_subcommand(
        "defang",
        "Defang indicators: read standard input, write it to standard output with every URL,\n"
        "domain, email address and public IP address made unclickable in one style\n"
        "(hxxps://x[.]y/path, user[@]x[.]y, 1[.]2[.]3[.]4, 2001[:]db8[:][:]1). Indicators\n"
        "already defanged another way are rewritten in that style; other text is unchanged.\n\n"
        "Example:\n"
        "  echo 'beacon to https://evil.example/gate.php' | casefile defang\n");
    cmd->add_flag("--talos", o->talos, "write the scheme separator as [://] (Talos style)");
    cmd->add_option("--psl", o->psl, "Public Suffix List file to use instead of the system's");
    cmd->callback([o, &outcome] { outcome.exit_code = run_defang(*o); });
}

} // namespace casefile::cli
