#include <array>
#include <chrono>
#include <cstdio>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "cli/analyzed_case.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/export_options.hpp"
#include "cli/progress.hpp"
#include "export/sweep/sweep.hpp"
#include "model/enums.hpp"

namespace casefile::cli {
namespace {

struct SweepCommandOptions {
    std::string dir;
    std::vector<std::string> logs;
    std::string format = "text";
    unsigned threads = 0;
    bool no_progress = false;
    bool quiet = false;
    ExtractorFlags extractor;
};

std::string json_string(std::string_view s) {
    return nlohmann::json(std::string(s))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int run_sweep(const SweepCommandOptions& o) {
    const bool json = o.format == "json";
    if (!json && o.format != "text") {
        return report_error(Error{ErrorCode::bad_usage,
                                  fmt::format("unknown format '{}'", o.format),
                                  "use --format text or json", std::nullopt});
    }
    int exit_code = kExitOk;
    auto c = load_analyzed_case(o.dir, o.extractor, "sweep", exit_code);
    if (!c) {
        return exit_code;
    }
    if (!o.quiet) {
        mention_findings(*c, o.dir, "sweep");
    }
    std::vector<Diagnostic> notes;
    auto patterns = exporting::sweep_patterns(c->analysis, &notes);
    if (!o.quiet) {
        report_notes(notes);
    }
    auto engine = exporting::SweepEngine::compile(std::move(patterns));
    if (!engine) {
        return report_error(engine.error());
    }
    std::vector<std::filesystem::path> inputs(o.logs.begin(), o.logs.end());

    Progress bar("sweep", !o.no_progress);
    const bool stdout_is_terminal = ::isatty(STDOUT_FILENO) != 0;
    static std::array<char, 1 << 20> buffer;
    std::setvbuf(stdout, buffer.data(), _IOFBF, buffer.size());
    bool first = true;
    if (json) {
        std::fputs("{\"hits\": [", stdout);
    }
    exporting::SweepOptions options;
    options.threads = o.threads;
    options.progress = [&](uint64_t done, uint64_t total) { bar.update(done, total); };
    const auto started = std::chrono::steady_clock::now();
    auto summary = engine->sweep(inputs, options, [&](const exporting::SweepHit& h) {
        if (stdout_is_terminal) {
            bar.clear();
        }
        const std::string_view type = model::to_string(h.type);
        if (json) {
            std::fprintf(stdout,
                         "%s\n  {\"file\": %s, \"line\": %llu, \"column\": %llu, \"type\": "
                         "\"%.*s\", \"indicator\": %s}",
                         first ? "" : ",", json_string(h.file).c_str(),
                         static_cast<unsigned long long>(h.line),
                         static_cast<unsigned long long>(h.column), static_cast<int>(type.size()),
                         type.data(), json_string(h.indicator).c_str());
        } else {
            std::fprintf(stdout, "%.*s:%llu: %.*s %.*s\n", static_cast<int>(h.file.size()),
                         h.file.data(), static_cast<unsigned long long>(h.line),
                         static_cast<int>(type.size()), type.data(),
                         static_cast<int>(h.indicator.size()), h.indicator.data());
        }
        first = false;
    });
    bar.clear();
    if (!summary) {
        if (json) {
            std::fputs("]}\n", stdout);
        }
        std::fflush(stdout);
        return report_error(summary.error());
    }
    if (json) {
        std::fprintf(stdout, "%s], \"files\": %llu, \"bytes\": %llu}\n", first ? "" : "\n",
                     static_cast<unsigned long long>(summary->files),
                     static_cast<unsigned long long>(summary->bytes));
    }
    if (std::fflush(stdout) != 0) {
        return report_error(
            Error{ErrorCode::io, "cannot write to standard output", "", std::nullopt});
    }
    report_diagnostics(summary->errors);
    if (!o.quiet) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::fprintf(
            stderr, "sweep: %llu hits on %llu lines in %llu files (%s, %zu patterns, %.0f MB/s)\n",
            static_cast<unsigned long long>(summary->hits),
            static_cast<unsigned long long>(summary->lines),
            static_cast<unsigned long long>(summary->files),
            human_bytes(static_cast<double>(summary->bytes)).c_str(), engine->pattern_count(),
            seconds > 0 ? static_cast<double>(summary->bytes) / seconds / 1e6 : 0.0);
    }
    return summary->errors.empty() ? kExitOk : kExitBadData;
}

} // namespace

void add_sweep_command(CLI::App& app, CommandOutcome& outcome) {
    auto options = std::make_shared<SweepCommandOptions>();
    CLI::App* cmd = app.add_subcommand(
        "sweep",
        "Search log files (plain or .gz, folders recursively) for the case's indicators and print "
        "each occurrence as `file:line: type indicator`, or as JSON with --format json. Matching "
        "ignores case where the indicator type does; an occurrence counts only where it stands "
        "alone (1.2.3.4 does not hit inside 11.2.3.45). A progress bar shows on a terminal.\n\n"
        "Examples:\n"
        "  casefile sweep examples/IR-2025-1142 /var/log/proxy/ exports/edr-2025-11.jsonl.gz\n"
        "  casefile sweep examples/IR-2025-1142 logs/ --format json > hits.json\n");
    cmd->add_option("DIR", options->dir, "case folder")->required();
    cmd->add_option("LOGS", options->logs, "log files or folders to search")->required();
    cmd->add_option("--format", options->format, "text (default) or json");
    cmd->add_option("-j,--threads", options->threads, "scanning threads (default: one per CPU)");
    cmd->add_flag("--no-progress", options->no_progress, "never show the progress bar");
    cmd->add_flag("-q,--quiet", options->quiet, "no summary or notes on stderr");
    add_extractor_flags(cmd, options->extractor);
    cmd->callback([options, &outcome] { outcome.exit_code = run_sweep(*options); });
}

} // namespace casefile::cli
