#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "analysis/analyze.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/extractor_options.hpp"
#include "cli/output.hpp"
#include "model/case_yaml.hpp"
#include "render/markdown/markdown_report.hpp"

namespace casefile::cli {
namespace {

struct ReportOptions {
    std::string dir;
    std::string output;
    ExtractorFlags extractor;
};

int run_report(const ReportOptions& o) {
    auto loaded = model::load_case_folder(o.dir);
    if (!loaded) {
        return report_error(loaded.error());
    }
    if (!loaded->ok()) {
        report_diagnostics(loaded->diagnostics);
        std::fprintf(stderr,
                     "report: %s has errors; fix them and run again (casefile validate "
                     "%s lists them)\n",
                     o.dir.c_str(), o.dir.c_str());
        return kExitBadData;
    }
    auto extractor = make_extractor(o.extractor);
    if (!extractor) {
        return report_error(extractor.error());
    }
    const analysis::Analysis analysis = analysis::analyze(loaded->value, *extractor);
    report_diagnostics(analysis.findings);

    render::RenderOptions options;
    options.defang_prose = [&](std::string_view prose) {
        return ioc::defang_text(prose, *extractor);
    };
    const std::string markdown = render::render_markdown(loaded->value, analysis, options);
    if (auto written = write_output(o.output, markdown); !written) {
        return report_error(written.error());
    }
    if (!o.output.empty() && o.output != "-") {
        std::fprintf(stderr, "wrote %s\n", o.output.c_str());
    }
    return kExitOk;
}

} // namespace

void add_report_command(CLI::App& app, CommandOutcome& outcome) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "report", "Render the investigation report of a case folder (Markdown).\n"
                  "Validation warnings go to stderr; the report goes to stdout or -o FILE.\n\n"
                  "Example:\n  casefile report examples/IR-2025-1142 -o IR-2025-1142.md\n");
    cmd->add_option("DIR", options->dir, "case folder")->required();
    cmd->add_option("-o,--output", options->output, "write the report here (default: stdout)");
    add_extractor_flags(cmd, options->extractor);
    cmd->callback([options, &outcome] { outcome.exit_code = run_report(*options); });
}

} // namespace casefile::cli
