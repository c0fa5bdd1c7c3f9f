#include <algorithm>
#include <cstdio>
#include <functional>
#include <future>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/extractor_options.hpp"
#include "cli/ioc_output.hpp"
#include "cli/progress.hpp"
#include "core/ordered_pool.hpp"
#include "core/text.hpp"
#include "ioc/chunk_reader.hpp"
#include "ioc/extractor.hpp"
#include "ioc/indicator_set.hpp"

namespace casefile::cli {
namespace {

/// More threads than this gain little: merging the pieces they scan is done on one.
constexpr unsigned kDefaultMaxThreads = 16;
constexpr unsigned kMaxThreads = 256;

struct IocsOptions {
    std::vector<std::string> files;
    std::string format = "text";
    std::string types;
    bool include_private = false;
    bool url_hosts = false;
    unsigned threads = 0; ///< 0: one per CPU
    ExtractorFlags extractor;
};

Result<std::vector<model::IndicatorType>> parse_types(const std::string& list) {
    std::vector<model::IndicatorType> types;
    if (list.empty()) {
        return types;
    }
    size_t start = 0;
    while (start <= list.size()) {
        size_t comma = list.find(',', start);
        if (comma == std::string::npos) {
            comma = list.size();
        }
        const std::string_view name = trim(std::string_view(list).substr(start, comma - start));
        start = comma + 1;
        if (name.empty()) {
            continue;
        }
        auto type = model::parse_enum<model::IndicatorType>(name);
        if (!type) {
            const std::string guess =
                closest_match(name, model::enum_names<model::IndicatorType>());
            return fail(
                ErrorCode::bad_usage, fmt::format("unknown indicator type '{}'", name),
                guess.empty()
                    ? fmt::format("types are: {}",
                                  fmt::join(model::enum_names<model::IndicatorType>(), ", "))
                    : fmt::format("did you mean '{}'?", guess));
        }
        types.push_back(*type);
    }
    return types;
}

/// Scans every chunk of `reader` into `set`, calling progress(input position) after each. With
/// `read_ahead` the next chunk is read (and inflated) on another thread while this one is
/// scanned; ChunkReader keeps the previous chunk valid meanwhile.
Status scan_input(ioc::ChunkReader& reader, ioc::IndicatorSet& set, bool read_ahead,
                  const std::function<void(uint64_t)>& progress) {
    const auto next = [&reader] { return reader.next(); };
    auto chunk = next();
    while (true) {
        if (!chunk) {
            return tl::unexpected(chunk.error());
        }
        if (chunk->empty()) {
            return {};
        }
        const uint64_t position = reader.input_position(); // before the reader moves on
        std::future<Result<std::string_view>> ahead;
        if (read_ahead) {
            ahead = std::async(std::launch::async, next);
        }
        set.add_chunk(*chunk);
        progress(position);
        chunk = read_ahead ? ahead.get() : next();
    }
}

int run_iocs(const IocsOptions& o) {
    IocFormat format = IocFormat::text;
    if (o.format == "json") {
        format = IocFormat::json;
    } else if (o.format == "csv") {
        format = IocFormat::csv;
    } else if (o.format != "text") {
        return report_error(Error{ErrorCode::bad_usage,
                                  fmt::format("unknown format '{}'", o.format),
                                  "use --format text, json or csv", std::nullopt});
    }
    auto types = parse_types(o.types);
    if (!types) {
        return report_error(types.error());
    }
    auto extractor = make_extractor(o.extractor);
    if (!extractor) {
        return report_error(extractor.error());
    }
    ioc::ExtractOptions options;
    options.types = std::move(*types);
    options.include_private = o.include_private;
    options.domains_from_urls_and_emails = o.url_hosts;

    std::vector<std::string> files = o.files.empty() ? std::vector<std::string>{"-"} : o.files;
    // Open everything first: a typo in the last file name should not cost a long scan.
    std::vector<ioc::ChunkReader> readers;
    uint64_t total = 0;
    for (const std::string& f : files) {
        auto reader = ioc::ChunkReader::open(f);
        if (!reader) {
            return report_error(reader.error());
        }
        total += reader->input_size();
        readers.push_back(std::move(*reader));
    }
    ioc::IndicatorSet set(*extractor, options);
    set.expect_input(total);
    const unsigned threads =
        o.threads != 0 ? o.threads : std::min(available_cpus(), kDefaultMaxThreads);
    set.use_threads(threads);
    Progress progress("iocs", true);
    uint64_t done_before = 0;
    for (size_t k = 0; k < files.size(); ++k) {
        set.add_source(files[k]);
        auto scanned = scan_input(readers[k], set, threads > 1, [&](uint64_t position) {
            progress.update(done_before + position, total);
        });
        if (!scanned) {
            progress.clear();
            return report_error(scanned.error());
        }
        done_before += readers[k].input_position();
    }
    progress.clear();
    auto written = write_indicators(stdout, format, set, threads);
    if (!written) {
        return report_error(written.error());
    }
    return kExitOk;
}

} // namespace

void add_iocs_command(CLI::App& app, CommandOutcome& outcome) {
    auto o = std::make_shared<IocsOptions>();
    CLI::App* cmd = app.add_subcommand(
        "iocs",
        "Extract indicators of compromise (IPs, domains, URLs, emails, hashes, CVEs, ATT&CK ids,\n"
        "registry keys, file paths and names, coin addresses, ASNs, MACs) from text or log\n"
        "files, defanged or not. Large files are streamed; .gz input is read transparently.\n"
        "Private and reserved IP addresses are left out unless --include-private is given.\n"
        "Scans on one thread per CPU; the output is the same with -j 1.\n\n"
        "Examples:\n"
        "  casefile iocs evidence/*.log\n"
        "  casefile iocs --format json --types ipv4,domain,url proxy.log.gz > iocs.json\n"
        "  pbpaste | casefile iocs -\n");
    cmd->add_option("FILE", o->files, "input files; '-' or none reads standard input");
    cmd->add_option("--format", o->format, "output format: text (default), json or csv");
    cmd->add_option("--types", o->types,
                    "comma-separated types to report (default: all), e.g. ipv4,domain,sha256");
    cmd->add_flag("--include-private", o->include_private,
                  "also report private, loopback, link-local, CGNAT, documentation, multicast "
                  "and reserved IP addresses");
    cmd->add_flag("--url-hosts", o->url_hosts,
                  "also report each URL's host and each email's domain as a domain/IP");
    cmd->add_option("-j,--threads", o->threads,
                    fmt::format("threads that scan and format (default: one per CPU, at most {}); "
                                "the output is the same for any number",
                                kDefaultMaxThreads))
        ->check(CLI::Range(0U, kMaxThreads));
    add_extractor_flags(cmd, o->extractor);
    cmd->callback([o, &outcome] { outcome.exit_code = run_iocs(*o); });
}

} // namespace casefile::cli
