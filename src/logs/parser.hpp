#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "logs/parse.hpp"

namespace casefile::logs {

/// What a parser needs while it runs: the input, the options, and where events and diagnostics
/// go. Finalizing an event (related.* arrays, url.domain, a default message) happens in emit().
class ParseContext {
public:
    ParseContext(std::string_view text, const std::string& file, const ParseOptions& options,
                 std::string_view format, const EventSink& sink);

    [[nodiscard]] std::string_view text() const { return text_; }
    [[nodiscard]] const std::string& file() const { return file_; }
    [[nodiscard]] const ParseOptions& options() const { return options_; }

    /// A new event carrying the format, file, line and raw text.
    [[nodiscard]] Event make_event(uint32_t line, std::string_view raw) const;

    /// make_event into an existing event, reusing its storage (see Event::clear_for_reuse).
    void reuse_event(Event& event, uint32_t line, std::string_view raw) const;

    /// Finalizes the event and hands it to the sink.
    void emit(Event& event);

    /// A warning about `line` (0 = the whole file).
    void warn(uint32_t line, std::string message, std::string hint = {});

    /// Sets event.time from a time string. Times with 'Z' or an offset are exact; a time
    /// without zone takes options().default_zone, and without one the event stays untimed and
    /// the file gets one diagnostic. A malformed time gives a diagnostic for `line`.
    void set_time(Event& event, std::string_view iso_text, uint32_t line);

    /// As set_time for a time already split into parts, written in local time without zone.
    /// `original` is kept as the event's time_original.
    void set_local_time(Event& event, int year, unsigned month, unsigned day, int hour, int minute,
                        int second, int64_t nanos, std::string_view original, uint32_t line);

    /// As set_local_time when the source omits the year: uses options().default_year, and
    /// without one leaves the event untimed with one diagnostic per file.
    void set_yearless_time(Event& event, unsigned month, unsigned day, int hour, int minute,
                           int second, int64_t nanos, std::string_view original, uint32_t line);

    /// Sets event.time from any date-time form logs use: RFC 3339, "2025/11/11 13:42:20",
    /// "11/11/2025 1:42:18 PM", "Nov 11, 2025 1:42:18 PM", "Nov 11 2025 13:42:20". A time
    /// without zone is UTC when `utc` says the source defines it so, else as set_local_time.
    void set_time_any(Event& event, std::string_view text, uint32_t line, bool utc);

    /// Sets event.time from Unix time (seconds with an optional fraction, as text).
    void set_epoch_time(Event& event, std::string_view seconds_text, uint32_t line);

    /// Sets event.time from Unix milliseconds (as text).
    void set_epoch_millis(Event& event, std::string_view millis_text, uint32_t line);

    [[nodiscard]] size_t events() const { return events_; }
    [[nodiscard]] std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

private:
    void zone_missing(uint32_t line);

    std::string_view text_;
    const std::string& file_;
    const ParseOptions& options_;
    std::string format_;
    const EventSink& sink_;
    std::vector<Diagnostic> diagnostics_;
    size_t suppressed_ = 0;
    size_t events_ = 0;
    bool zone_warned_ = false;
    bool year_warned_ = false;
};

/// One log format. Each lives in its own .cpp file and registers itself in registry.cpp.
class LogParser {
public:
    virtual ~LogParser() = default;

    /// Stable name used by --format, in Event::format and in docs/log-formats.md.
    [[nodiscard]] virtual std::string_view name() const = 0;
    [[nodiscard]] virtual std::string_view description() const = 0;

    /// How sure this parser is that `head` (the first few KB of the file) is its format:
    /// 0 = not at all, 100 = certain. The file name may add a hint.
    [[nodiscard]] virtual int detect(std::string_view head, std::string_view file_name) const = 0;

    /// Parses the whole text; never fails: bad records become diagnostics.
    virtual void parse(ParseContext& ctx) const = 0;
};

/// All parsers, in the order detection breaks ties.
[[nodiscard]] const std::vector<const LogParser*>& parser_registry();

} // namespace casefile::logs
