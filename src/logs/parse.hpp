// logs: turns raw evidence (EDR exports, Windows and Sysmon events, firewall, proxy, cloud and
// IDS logs, syslog, CEF/LEEF, generic JSON Lines) into normalized Events with ECS-style field
// names, one parser per format behind a registry with content-based detection. It owns format
// detection, per-format field mapping and time normalization to UTC (never guessing a zone),
// and reports bad lines as Diagnostics beside the events instead of failing. It does not
// extract indicators (ioc/), correlate or build timelines (analysis/), or read case folders.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "logs/event.hpp"

namespace casefile::logs {

struct ParseOptions {
    std::string format;       ///< "" or "auto" = detect; else a name from known_formats()
    std::string default_zone; ///< IANA name or "UTC" for zone-less times; empty = none
    /// Year for timestamps written without one (RFC 3164 syslog "Nov 11 13:42:20", Cisco ASA
    /// without year); 0 = none, and such events stay untimed with one diagnostic per file.
    int default_year = 0;
    /// At most this many diagnostics per file; one more note says how many were left out.
    size_t max_diagnostics = 1000;
};

struct ParseResult {
    std::string format;
    std::vector<Event> events;
    std::vector<Diagnostic> diagnostics;
};

/// Parses `text` (the content of `file_label`). Fails only for an unknown explicit format name;
/// undetectable input gives format "unknown" and a diagnostic.
[[nodiscard]] Result<ParseResult> parse_log(std::string_view text, const std::string& file_label,
                                            const ParseOptions& options = {});

/// Receives each event as it is parsed; the event may be moved from.
using EventSink = std::function<void(Event&)>;

/// What parse_log_stream found besides the events it handed to the sink.
struct StreamSummary {
    std::string format;
    size_t events = 0;
    std::vector<Diagnostic> diagnostics;
};

/// parse_log without collecting: each event goes to `sink` in file order, so a large file never
/// needs all its events in memory. Same errors as parse_log.
[[nodiscard]] Result<StreamSummary> parse_log_stream(std::string_view text,
                                                     const std::string& file_label,
                                                     const ParseOptions& options,
                                                     const EventSink& sink);

/// Detection alone: best format name for this content (file name may help), or "unknown".
[[nodiscard]] std::string detect_format(std::string_view text, std::string_view file_name = {});

/// Names of all formats, for --help and error messages.
[[nodiscard]] std::vector<std::string_view> known_formats();

/// One-line description of a format ("Microsoft Defender XDR advanced hunting rows (JSON)"),
/// or "" for an unknown name.
[[nodiscard]] std::string_view format_description(std::string_view name);

/// The event as one JSON object on one line: ECS dotted names, "@timestamp" in RFC 3339 UTC
/// with Z, only non-empty fields; original fields under "fields".
[[nodiscard]] std::string to_json_line(const Event& event);

} // namespace casefile::logs
