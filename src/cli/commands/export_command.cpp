#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/analyzed_case.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/export_options.hpp"
#include "cli/output.hpp"
#include "export/export.hpp"

namespace casefile::cli {
namespace {

struct ExportCommandOptions {
    std::string dir;
    std::string format;
    std::string output;
    ExtractorFlags extractor;
    ExportFlags exports;
};

int run_export(const ExportCommandOptions& o) {
    const auto format = exporting::parse_export_format(o.format);
    if (!format) {
        return report_error(Error{ErrorCode::bad_usage,
                                  fmt::format("unknown export format '{}'", o.format),
                                  "use --format json, csv, stix or misp", std::nullopt});
    }
    auto resolved = resolve_export_flags(o.exports);
    if (!resolved) {
        return report_error(resolved.error());
    }
    int exit_code = kExitOk;
    auto c = load_analyzed_case(o.dir, o.extractor, "export", exit_code);
    if (!c) {
        return exit_code;
    }
    mention_findings(*c, o.dir, "export");
    auto result = exporting::export_case(c->value, c->analysis, *format, resolved->options);
    if (!result) {
        return report_error(result.error());
    }
    report_notes(result->notes);
    if (auto written = write_output(o.output, result->text); !written) {
        return report_error(written.error());
    }
    if (!o.output.empty() && o.output != "-") {
        std::fprintf(stderr, "wrote %s\n", o.output.c_str());
    }
    return kExitOk;
}

} // namespace

void add_export_command(CLI::App& app, CommandOutcome& outcome) {
    auto options = std::make_shared<ExportCommandOptions>();
    CLI::App* cmd = app.add_subcommand(
        "export",
        "Export a case and its indicators for machines: json (the whole case and analysis, "
        "docs/casefile-export.schema.json), csv (one row per indicator), stix (a STIX 2.1 "
        "bundle) or misp (a MISP event). The TLP of the case (or --tlp) marks the output.\n\n"
        "Examples:\n"
        "  casefile export examples/IR-2025-1142 --format stix --tlp amber -o "
        "IR-2025-1142.stix.json\n"
        "  casefile export examples/IR-2025-1142 --format csv > iocs.csv\n");
    cmd->add_option("DIR", options->dir, "case folder")->required();
    cmd->add_option("-f,--format", options->format, "json, csv, stix or misp")->required();
    cmd->add_option("-o,--output", options->output, "write here (default: stdout)");
    add_export_flags(cmd, options->exports);
    add_extractor_flags(cmd, options->extractor);
    cmd->callback([options, &outcome] { outcome.exit_code = run_export(*options); });
}

} // namespace casefile::cli
