#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "core/file_io.hpp"
#include "logs/parse.hpp"

namespace casefile::cli {
namespace {

struct EventsArgs {
    std::vector<std::string> files;
    std::string format = "auto";
    std::string zone;
    int year = 0;
    std::string output = "jsonl";
};

int run_events(const EventsArgs& args) {
    logs::ParseOptions options;
    options.format = args.format;
    options.default_zone = args.zone;
    options.default_year = args.year;
    std::map<std::string, size_t> counts;
    size_t total = 0;
    int exit_code = kExitOk;
    std::string line;
    const bool jsonl = args.output == "jsonl";
    for (const std::string& file : args.files) {
        auto text = read_file(file);
        if (!text) {
            report_error(text.error());
            exit_code = kExitBadData;
            continue;
        }
        const logs::EventSink sink = [&](logs::Event& e) {
            if (jsonl) {
                line = logs::to_json_line(e);
                line.push_back('\n');
                std::fwrite(line.data(), 1, line.size(), stdout);
            }
        };
        auto summary = logs::parse_log_stream(*text, file, options, sink);
        if (!summary) {
            return report_error(summary.error());
        }
        for (const Diagnostic& d : summary->diagnostics) {
            std::fprintf(stderr, "%s\n", d.to_string().c_str());
        }
        counts[summary->format] += summary->events;
        total += summary->events;
    }
    if (!jsonl) {
        for (const auto& [format, n] : counts) {
            std::printf("%s\t%zu\n", format.c_str(), n);
        }
        std::printf("total\t%zu\n", total);
    }
    std::fflush(stdout);
    return exit_code;
}

} // namespace

void add_events_command(CLI::App& app, CommandOutcome& outcome) {
    auto args = std::make_shared<EventsArgs>();
    std::string formats = "auto";
    for (const std::string_view f : logs::known_formats()) {
        formats += ", " + std::string(f);
    }
    CLI::App* cmd = app.add_subcommand(
        "events",
        "Parse evidence log files into normalized events (ECS field names).\n"
        "Prints one JSON object per event (JSON Lines), or a count per format.\n"
        "Problems with single lines go to stderr as FILE:LINE: warning: ...; exits 1 when a\n"
        "file cannot be read, 2 for an unknown --format.\n\n"
        "Examples:\n"
        "  casefile events evidence/edr.json evidence/proxy.log\n"
        "  casefile events --format panos-csv --zone Europe/Berlin fw.csv.gz\n"
        "  casefile events --output count evidence/*.jsonl\n");
    cmd->add_option("FILE", args->files, "log files (.gz is read transparently)")->required();
    cmd->add_option("--format", args->format, "log format: " + formats)->default_str("auto");
    cmd->add_option("--zone", args->zone,
                    "zone for times written without one (IANA name such as Europe/Berlin, or UTC)");
    cmd->add_option("--year", args->year, "year for times written without one (RFC 3164 syslog)");
    cmd->add_option("--output", args->output, "jsonl (default) or count")
        ->check(CLI::IsMember({"jsonl", "count"}))
        ->default_str("jsonl");
    cmd->callback([args, &outcome] { outcome.exit_code = run_events(*args); });
}

} // namespace casefile::cli
