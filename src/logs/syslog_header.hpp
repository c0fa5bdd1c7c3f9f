#pragma once

#include <optional>
#include <string_view>

#include "logs/parser.hpp"

namespace casefile::logs::detail {

/// The parts of a syslog line before the message. RFC 3164 ("<34>Nov 11 13:42:20 host tag[1]:
/// msg", also without <PRI>, with a year as Cisco writes it, or with an RFC 3339 time as
/// rsyslog writes it) and RFC 5424 ("<34>1 2025-11-11T13:42:20Z host app 1 ID [sd] msg").
struct SyslogHeader {
    bool rfc5424 = false;
    int priority = -1; ///< -1 when the line has no <PRI>
    std::string_view time_text;
    std::string_view host, app, procid, msgid, structured_data;
    std::string_view message;
    // The time as written, split up; year 0 = not written.
    int year = 0;
    unsigned month = 0, day = 0;
    int hour = 0, minute = 0, second = 0;
    int64_t nanos = 0;
    bool iso_time = false; ///< time_text is RFC 3339 (carries its own zone)
};

/// Reads the header; nullopt when the line does not start like syslog.
[[nodiscard]] std::optional<SyslogHeader> parse_syslog_header(std::string_view line);

/// Sets the event's time from the header: RFC 3339 exactly, "Mmm dd hh:mm:ss" with the
/// analyst's year and zone (else untimed with one diagnostic per file).
void apply_syslog_time(ParseContext& ctx, Event& event, const SyslogHeader& header, uint32_t line);

/// Adds the header's parts to event.fields and sets host.name from it.
void add_syslog_fields(Event& event, const SyslogHeader& header);

/// "Key: value Key2: value2" continuation lines of the reference firewall/proxy forms: a
/// token ending in ':' that looks like a key starts a new pair.
void split_colon_pairs(std::string_view line,
                       std::vector<std::pair<std::string, std::string>>& out);

} // namespace casefile::logs::detail
