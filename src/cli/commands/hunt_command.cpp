#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/analyzed_case.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/export_options.hpp"
#include "cli/output.hpp"
#include "export/hunts/hunt.hpp"

namespace casefile::cli {
namespace {

struct HuntCommandOptions {
    std::string dir;
    std::string language;
    std::string lookback = "30d";
    std::string index = "logs-*";
    std::string output;
    ExtractorFlags extractor;
    ExportFlags exports;
};

int run_hunt(const HuntCommandOptions& o) {
    const auto language = exporting::parse_hunt_language(o.language);
    if (!language) {
        return report_error(Error{ErrorCode::bad_usage,
                                  fmt::format("unknown query language '{}'", o.language),
                                  "use --lang kql, spl, esql or sigma", std::nullopt});
    }
    exporting::HuntOptions hunt;
    auto lookback = exporting::parse_lookback(o.lookback);
    if (!lookback) {
        return report_error(lookback.error());
    }
    hunt.lookback = *lookback;
    hunt.esql_index = o.index;
    auto resolved = resolve_export_flags(o.exports);
    if (!resolved) {
        return report_error(resolved.error());
    }
    int exit_code = kExitOk;
    auto c = load_analyzed_case(o.dir, o.extractor, "hunt", exit_code);
    if (!c) {
        return exit_code;
    }
    mention_findings(*c, o.dir, "hunt");
    auto result = exporting::hunt_query(c->value, c->analysis, *language, hunt, resolved->options);
    if (!result) {
        return report_error(result.error());
    }
    report_notes(result->notes);
    if (auto written = write_output(o.output, result->text); !written) {
        return report_error(written.error());
    }
    return kExitOk;
}

} // namespace

void add_hunt_command(CLI::App& app, CommandOutcome& outcome) {
    auto options = std::make_shared<HuntCommandOptions>();
    CLI::App* cmd = app.add_subcommand(
        "hunt",
        "Write a query that sweeps a SIEM retrospectively for the case's indicators: kql "
        "(Microsoft Defender XDR advanced hunting), spl (Splunk CIM data models, tstats), esql "
        "(Elasticsearch ES|QL over ECS) or sigma (one Sigma rule per indicator family). The "
        "query goes to stdout.\n\n"
        "Examples:\n"
        "  casefile hunt examples/IR-2025-1142 --lang kql --lookback 30d\n"
        "  casefile hunt examples/IR-2025-1142 --lang sigma > IR-2025-1142.sigma.yml\n");
    cmd->add_option("DIR", options->dir, "case folder")->required();
    cmd->add_option("-l,--lang", options->language, "kql, spl, esql or sigma")->required();
    cmd->add_option("--lookback", options->lookback,
                    "how far back to search: 30d, 12h, 90m, 3600s or 2w (default 30d)");
    cmd->add_option("--index", options->index, "ES|QL source indices for FROM (default logs-*)");
    cmd->add_option("-o,--output", options->output, "write here instead of stdout");
    add_export_flags(cmd, options->exports);
    add_extractor_flags(cmd, options->extractor);
    cmd->callback([options, &outcome] { outcome.exit_code = run_hunt(*options); });
}

} // namespace casefile::cli
