#include <memory>

#include "cli/analyzed_case.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/extractor_options.hpp"
#include "cli/output.hpp"
#include "render/timeline/timeline_output.hpp"

namespace casefile::cli {
namespace {

struct TimelineOptions {
    std::string dir;
    std::string format = "text";
    std::string output;
    ExtractorFlags extractor;
};

int run_timeline(const TimelineOptions& o) {
    int exit_code = kExitOk;
    const auto c = load_analyzed_case(o.dir, o.extractor, "timeline", exit_code);
    if (!c) {
        return exit_code;
    }
    mention_findings(*c, o.dir, "timeline");
    const analysis::Analysis& a = c->analysis;
    std::string text;
    if (o.format == "json") {
        text = render::timeline_json_lines(a);
    } else if (o.format == "csv") {
        text = render::timeline_csv(a);
    } else {
        text = render::timeline_text(
            a, [&](std::string_view s) { return ioc::defang_text(s, c->extractor); });
    }
    if (auto written = write_output(o.output, text); !written) {
        return report_error(written.error());
    }
    return kExitOk;
}

} // namespace

void add_timeline_command(CLI::App& app, CommandOutcome& outcome) {
    auto options = std::make_shared<TimelineOptions>();
    CLI::App* cmd = app.add_subcommand(
        "timeline",
        "Print the incident timeline: evidence events, actions, escalations and the alert,\n"
        "in time order, each saying where it came from; evidence without a time is listed\n"
        "separately, never guessed.\n\n"
        "Example:\n  casefile timeline examples/IR-2025-1142 --format csv -o timeline.csv\n");
    cmd->add_option("DIR", options->dir, "case folder")->required();
    cmd->add_option("--format", options->format,
                    "text (default), json (one object per line) or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    cmd->add_option("-o,--output", options->output, "write here instead of stdout");
    add_extractor_flags(cmd, options->extractor);
    cmd->callback([options, &outcome] { outcome.exit_code = run_timeline(*options); });
}

} // namespace casefile::cli
