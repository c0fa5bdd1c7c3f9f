#include "logs/parse.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/parser.hpp"

namespace casefile::logs {
namespace {

// Detection looks at this much of the file: enough for a W3C header or a pretty-printed JSON
// object, small enough to be free on a large file.
constexpr size_t kDetectBytes = 16 * 1024;
// Below this score no parser is confident enough to be chosen.
constexpr int kMinScore = 10;

const LogParser* find_parser(std::string_view name) {
    for (const LogParser* p : parser_registry()) {
        if (p->name() == name) {
            return p;
        }
    }
    return nullptr;
}

std::string_view strip_bom(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    return text;
}

std::string_view detection_head(std::string_view text) {
    text = strip_bom(text);
    if (text.size() <= kDetectBytes) {
        return text;
    }
    // Cut at a line end so the last line seen is whole.
    const size_t nl = text.rfind('\n', kDetectBytes);
    return text.substr(0, nl == std::string_view::npos || nl == 0 ? kDetectBytes : nl);
}

} // namespace

std::vector<std::string_view> known_formats() {
    std::vector<std::string_view> names;
    for (const LogParser* p : parser_registry()) {
        names.push_back(p->name());
    }
    return names;
}

std::string_view format_description(std::string_view name) {
    const LogParser* p = find_parser(name);
    return p ? p->description() : std::string_view{};
}

std::string detect_format(std::string_view text, std::string_view file_name) {
    const std::string_view head = detection_head(text);
    const LogParser* best = nullptr;
    int best_score = kMinScore - 1;
    for (const LogParser* p : parser_registry()) {
        const int score = p->detect(head, file_name);
        if (score > best_score) {
            best = p;
            best_score = score;
        }
    }
    return best ? std::string(best->name()) : std::string("unknown");
}

Result<StreamSummary> parse_log_stream(std::string_view text, const std::string& file_label,
                                       const ParseOptions& options, const EventSink& sink) {
    StreamSummary summary;
    const LogParser* parser = nullptr;
    if (options.format.empty() || options.format == "auto") {
        const std::string name = detect_format(text, file_label);
        parser = find_parser(name);
        if (parser == nullptr) {
            summary.format = "unknown";
            const bool empty = trim(text).empty();
            summary.diagnostics.push_back(Diagnostic{
                DiagnosticLevel::warning,
                empty ? "file is empty: no events" : "log format not recognized: no events read",
                empty ? ""
                      : fmt::format("name the format with --format; known formats: {}",
                                    fmt::join(known_formats(), ", ")),
                SourceLocation{file_label, 0, 0}, "log-format-unknown"});
            return summary;
        }
    } else {
        parser = find_parser(options.format);
        if (parser == nullptr) {
            std::vector<std::string_view> names = known_formats();
            const std::string guess = closest_match(options.format, names);
            return fail(
                ErrorCode::bad_usage,
                fmt::format("unknown log format '{}'{}", options.format,
                            guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)),
                fmt::format("known formats: auto, {}", fmt::join(names, ", ")));
        }
    }
    if (!options.default_zone.empty() && !is_known_zone(options.default_zone)) {
        return fail(ErrorCode::bad_usage,
                    fmt::format("unknown time zone '{}'", options.default_zone),
                    "use an IANA zone name such as Europe/Berlin or America/New_York, or UTC");
    }
    summary.format.assign(parser->name());
    ParseContext ctx(strip_bom(text), file_label, options, parser->name(), sink);
    parser->parse(ctx);
    summary.events = ctx.events();
    summary.diagnostics = std::move(ctx.diagnostics());
    return summary;
}

Result<ParseResult> parse_log(std::string_view text, const std::string& file_label,
                              const ParseOptions& options) {
    ParseResult result;
    const EventSink sink = [&result](Event& e) { result.events.push_back(std::move(e)); };
    auto summary = parse_log_stream(text, file_label, options, sink);
    if (!summary) {
        return tl::unexpected(summary.error());
    }
    result.format = std::move(summary->format);
    result.diagnostics = std::move(summary->diagnostics);
    return result;
}

} // namespace casefile::logs
