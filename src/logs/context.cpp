#include <algorithm>
#include <charconv>

#include <date/date.h>
#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

constexpr size_t kMaxMessage = 240;

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(value);
    }
}

std::string endpoint(const std::string& ip, const std::optional<uint16_t>& port) {
    if (!port) {
        return ip;
    }
    if (ip.find(':') != std::string::npos) {
        return fmt::format("[{}]:{}", ip, *port);
    }
    return fmt::format("{}:{}", ip, *port);
}

std::string account(const Event& e) {
    if (e.user_name.empty()) {
        return e.user_id;
    }
    return e.user_domain.empty() ? e.user_name : e.user_domain + "\\" + e.user_name;
}

/// A one-line summary for events whose parser did not write one.
std::string default_message(const Event& e) {
    std::string out;
    const std::string& action = e.event_action.empty() ? e.event_code : e.event_action;
    const std::string& actor = e.process_name.empty() ? account(e) : e.process_name;
    if (e.event_category == "registry" && !e.registry_path.empty()) {
        out = fmt::format("{}{}{} {}{}{}", actor, actor.empty() ? "" : " ",
                          action.empty() ? "registry" : action, e.registry_path,
                          e.registry_value.empty() ? "" : "\\", e.registry_value);
    } else if (e.event_category == "file" && (!e.file_path.empty() || !e.file_name.empty())) {
        out = fmt::format("{}{}{} {}", actor, actor.empty() ? "" : " ",
                          action.empty() ? "file" : action,
                          e.file_path.empty() ? e.file_name : e.file_path);
        if (!e.url_full.empty()) {
            out += " from " + e.url_full;
        }
    } else if (!e.url_full.empty()) {
        out = e.http_request_method.empty() ? e.url_full : e.http_request_method + " " + e.url_full;
        if (!e.http_response_status_code.empty()) {
            out += " -> " + e.http_response_status_code;
        }
        if (!e.source_ip.empty()) {
            out += " from " + e.source_ip;
        }
    } else if (!e.dns_question_name.empty()) {
        out = "DNS query for " + e.dns_question_name;
        if (!e.source_ip.empty()) {
            out += " from " + e.source_ip;
        }
    } else if (!e.email_subject.empty() || !e.email_from.empty()) {
        out = fmt::format("email from {} to {}: {}", e.email_from.empty() ? "?" : e.email_from,
                          e.email_to.empty() ? "?" : e.email_to, e.email_subject);
    } else if (!e.logon_type.empty() || !e.logon_type_name.empty() ||
               e.event_category == "authentication") {
        out = action.empty() ? "logon" : action;
        const std::string who = account(e);
        if (!who.empty()) {
            out += " " + who;
        }
        if (!e.logon_type.empty()) {
            out += " logon type " + e.logon_type;
            if (!e.logon_type_name.empty()) {
                out += " (" + e.logon_type_name + ")";
            }
        }
        if (!e.source_ip.empty()) {
            out += " from " + e.source_ip;
        }
        if (!e.host_name.empty()) {
            out += " on " + e.host_name;
        }
    } else if (!e.destination_ip.empty() || !e.destination_domain.empty()) {
        const std::string dst = endpoint(
            e.destination_ip.empty() ? e.destination_domain : e.destination_ip, e.destination_port);
        if (!e.process_name.empty()) {
            out = e.process_name + " connected to " + dst;
        } else {
            out = action;
            if (!e.network_transport.empty()) {
                out += (out.empty() ? "" : " ") + e.network_transport;
            }
            if (!e.source_ip.empty()) {
                out += (out.empty() ? "" : " ") + endpoint(e.source_ip, e.source_port) + " ->";
            }
            out += (out.empty() ? "" : " ") + dst;
        }
    } else if (!e.process_command_line.empty() || !e.process_name.empty()) {
        const std::string& proc = e.process_name.empty() ? e.process_executable : e.process_name;
        out = e.process_parent_name.empty() ? proc : e.process_parent_name + " started " + proc;
        if (!e.process_command_line.empty()) {
            out += ": " + e.process_command_line;
        }
    } else if (!e.registry_path.empty()) {
        out = (action.empty() ? "registry" : action) + " " + e.registry_path;
    } else if (!e.file_path.empty() || !e.file_name.empty()) {
        out = (action.empty() ? "file" : action) + " " +
              (e.file_path.empty() ? e.file_name : e.file_path);
    } else {
        out = action;
        const std::string who = account(e);
        if (!who.empty()) {
            out += (out.empty() ? "" : " ") + who;
        }
    }
    if (out.size() > kMaxMessage) {
        out.resize(kMaxMessage);
        out += "...";
    }
    return out;
}

void finalize(Event& e) {
    if (!e.url_full.empty() && e.url_domain.empty()) {
        e.url_domain = detail::url_host(e.url_full);
    }
    add_unique(e.related_ip, e.source_ip);
    add_unique(e.related_ip, e.destination_ip);
    add_unique(e.related_ip, e.host_ip);
    add_unique(e.related_user, e.user_name);
    add_unique(e.related_user, e.user_id);
    add_unique(e.related_hosts, e.host_name);
    add_unique(e.related_hosts, e.source_domain);
    add_unique(e.related_hosts, e.destination_domain);
    add_unique(e.related_hosts, e.url_domain);
    add_unique(e.related_hosts, e.dns_question_name);
    add_unique(e.related_hash, e.file_hash_md5);
    add_unique(e.related_hash, e.file_hash_sha1);
    add_unique(e.related_hash, e.file_hash_sha256);
    if (e.message.empty()) {
        e.message = default_message(e);
    }
}

} // namespace

ParseContext::ParseContext(std::string_view text, const std::string& file,
                           const ParseOptions& options, std::string_view format,
                           const EventSink& sink)
    : text_(text), file_(file), options_(options), format_(format), sink_(sink) {}

void ParseContext::reuse_event(Event& e, uint32_t line, std::string_view raw) const {
    e.clear_for_reuse();
    e.format.assign(format_);
    e.file.assign(file_);
    e.line = line;
    e.raw.assign(raw);
}

Event ParseContext::make_event(uint32_t line, std::string_view raw) const {
    Event e;
    e.format = format_;
    e.file = file_;
    e.line = line;
    e.raw.assign(raw);
    return e;
}

void ParseContext::emit(Event& event) {
    finalize(event);
    ++events_;
    sink_(event);
}

void ParseContext::warn(uint32_t line, std::string message, std::string hint) {
    if (diagnostics_.size() >= options_.max_diagnostics) {
        ++suppressed_;
        if (suppressed_ == 1) {
            diagnostics_.push_back(
                Diagnostic{DiagnosticLevel::note,
                           fmt::format("more than {} problems; the rest are not listed",
                                       options_.max_diagnostics),
                           {},
                           SourceLocation{file_, 0, 0},
                           "log-diagnostics-capped"});
        }
        return;
    }
    diagnostics_.push_back(Diagnostic{DiagnosticLevel::warning, std::move(message), std::move(hint),
                                      SourceLocation{file_, static_cast<int>(line), 0},
                                      "log-bad-record"});
}

void ParseContext::zone_missing(uint32_t line) {
    if (zone_warned_) {
        return;
    }
    zone_warned_ = true;
    diagnostics_.push_back(Diagnostic{
        DiagnosticLevel::warning,
        fmt::format("{} times carry no time zone, so its events are left untimed", format_),
        "set the zone these times were written in: --zone Europe/Berlin (or UTC) for this file, "
        "or 'timezone:' in case.yaml",
        SourceLocation{file_, static_cast<int>(line), 0}, "log-time-without-zone"});
}

void ParseContext::set_time(Event& event, std::string_view iso_text, uint32_t line) {
    iso_text = trim(iso_text);
    if (iso_text.empty()) {
        return;
    }
    event.time_original.assign(iso_text);
    TimeParseOptions topt;
    topt.default_zone = options_.default_zone;
    auto parsed = parse_time(iso_text, topt);
    if (parsed) {
        event.time = parsed->utc;
        return;
    }
    if (options_.default_zone.empty()) {
        TimeParseOptions probe;
        probe.default_zone = "UTC";
        if (parse_time(iso_text, probe)) {
            zone_missing(line);
            return;
        }
    }
    warn(line, fmt::format("cannot read time '{}': {}", iso_text, parsed.error().message),
         "the event is kept without a time");
}

void ParseContext::set_local_time(Event& event, int year, unsigned month, unsigned day, int hour,
                                  int minute, int second, int64_t nanos, std::string_view original,
                                  uint32_t line) {
    event.time_original.assign(trim(original));
    const std::string iso = nanos > 0 ? fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}",
                                                    year, month, day, hour, minute, second, nanos)
                                      : fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", year,
                                                    month, day, hour, minute, second);
    if (options_.default_zone.empty()) {
        TimeParseOptions probe;
        probe.default_zone = "UTC";
        if (parse_time(iso, probe)) {
            zone_missing(line);
        } else {
            warn(line, fmt::format("cannot read time '{}'", event.time_original),
                 "the event is kept without a time");
        }
        return;
    }
    TimeParseOptions topt;
    topt.default_zone = options_.default_zone;
    auto parsed = parse_time(iso, topt);
    if (!parsed) {
        warn(line,
             fmt::format("cannot read time '{}': {}", event.time_original, parsed.error().message),
             "the event is kept without a time");
        return;
    }
    event.time = parsed->utc;
}

void ParseContext::set_yearless_time(Event& event, unsigned month, unsigned day, int hour,
                                     int minute, int second, int64_t nanos,
                                     std::string_view original, uint32_t line) {
    if (options_.default_year == 0) {
        event.time_original.assign(trim(original));
        if (!year_warned_) {
            year_warned_ = true;
            diagnostics_.push_back(Diagnostic{
                DiagnosticLevel::warning,
                fmt::format("{} times carry no year, so its events are left untimed", format_),
                "set the year with --year 2025 (and the zone with --zone)",
                SourceLocation{file_, static_cast<int>(line), 0}, "log-time-without-year"});
        }
        return;
    }
    set_local_time(event, options_.default_year, month, day, hour, minute, second, nanos, original,
                   line);
}

void ParseContext::set_epoch_time(Event& event, std::string_view seconds_text, uint32_t line) {
    seconds_text = trim(seconds_text);
    event.time_original.assign(seconds_text);
    const size_t dot = seconds_text.find('.');
    const auto whole = detail::parse_uint(seconds_text.substr(0, dot));
    int64_t nanos = 0;
    bool ok = whole.has_value() && *whole < 253402300800ULL; // before year 10000
    if (ok && dot != std::string_view::npos) {
        const std::string_view frac = seconds_text.substr(dot + 1);
        int used = 0;
        for (const char c : frac) {
            if (c < '0' || c > '9') {
                ok = false;
                break;
            }
            if (used < 9) {
                nanos = nanos * 10 + (c - '0');
                ++used;
            }
        }
        for (; used < 9; ++used) {
            nanos *= 10;
        }
    }
    if (!ok) {
        warn(line, fmt::format("cannot read Unix time '{}'", seconds_text),
             "the event is kept without a time");
        return;
    }
    event.time = Timestamp(std::chrono::seconds(static_cast<int64_t>(*whole)) +
                           std::chrono::nanoseconds(nanos));
}

void ParseContext::set_epoch_millis(Event& event, std::string_view millis_text, uint32_t line) {
    millis_text = trim(millis_text);
    event.time_original.assign(millis_text);
    const auto ms = detail::parse_uint(millis_text);
    if (!ms || *ms >= 253402300800000ULL) {
        warn(line, fmt::format("cannot read Unix milliseconds '{}'", millis_text),
             "the event is kept without a time");
        return;
    }
    event.time = Timestamp(std::chrono::milliseconds(static_cast<int64_t>(*ms)));
}

void Event::clear_for_reuse() {
    time.reset();
    for (std::string* s : {&time_original,
                           &format,
                           &file,
                           &event_action,
                           &event_code,
                           &event_outcome,
                           &event_category,
                           &host_name,
                           &host_ip,
                           &user_name,
                           &user_domain,
                           &user_id,
                           &process_name,
                           &process_executable,
                           &process_command_line,
                           &process_pid,
                           &process_parent_name,
                           &process_parent_command_line,
                           &file_path,
                           &file_name,
                           &file_hash_md5,
                           &file_hash_sha1,
                           &file_hash_sha256,
                           &source_ip,
                           &destination_ip,
                           &destination_domain,
                           &network_transport,
                           &network_protocol,
                           &url_full,
                           &url_domain,
                           &http_request_method,
                           &http_response_status_code,
                           &dns_question_name,
                           &registry_path,
                           &registry_value,
                           &email_from,
                           &email_to,
                           &email_subject,
                           &logon_type,
                           &logon_type_name,
                           &message,
                           &source_domain,
                           &user_agent_original,
                           &rule_name,
                           &url_original,
                           &raw}) {
        s->clear();
    }
    line = 0;
    source_port.reset();
    destination_port.reset();
    source_bytes.reset();
    destination_bytes.reset();
    related_ip.clear();
    related_hosts.clear();
    related_user.clear();
    related_hash.clear();
}

const std::string* Event::field(std::string_view name) const {
    for (const auto& [k, v] : fields) {
        if (k == name) {
            return &v;
        }
    }
    return nullptr;
}

} // namespace casefile::logs

namespace casefile::logs {

void ParseContext::set_time_any(Event& event, std::string_view text, uint32_t line, bool utc) {
    text = trim(text);
    if (text.empty()) {
        return;
    }
    const auto parts = detail::parse_datetime(text);
    if (!parts) {
        event.time_original.assign(text);
        warn(line, fmt::format("cannot read time '{}'", text), "the event is kept without a time");
        return;
    }
    if (!parts->zone.empty() || utc) {
        const std::string iso = fmt::format(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}{}", parts->year, parts->month, parts->day,
            parts->hour, parts->minute, parts->second, parts->nanos,
            parts->zone.empty()
                ? std::string_view("Z")
                : (parts->zone.front() == '+' || parts->zone.front() == '-' || parts->zone == "Z"
                       ? parts->zone
                       : std::string_view()));
        if (!parts->zone.empty() && iso.back() != 'Z' && parts->zone.front() != '+' &&
            parts->zone.front() != '-') {
            // A named zone ("UTC", "Europe/Berlin") after the clock time.
            set_time(event, fmt::format("{} {}", iso, parts->zone), line);
        } else {
            set_time(event, iso, line);
        }
        event.time_original.assign(text);
        return;
    }
    set_local_time(event, parts->year, parts->month, parts->day, parts->hour, parts->minute,
                   parts->second, parts->nanos, text, line);
}

} // namespace casefile::logs
