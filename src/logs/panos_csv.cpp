#include <array>

#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/parser.hpp"
#include "logs/syslog_header.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

using detail::fill;

// Column names of the PAN-OS TRAFFIC log (syslog CSV, PAN-OS 10/11 field order).
constexpr std::array<std::string_view, 53> kTrafficColumns = {"FUTURE_USE",
                                                              "Receive Time",
                                                              "Serial Number",
                                                              "Type",
                                                              "Threat/Content Type",
                                                              "FUTURE_USE",
                                                              "Generated Time",
                                                              "Source Address",
                                                              "Destination Address",
                                                              "NAT Source IP",
                                                              "NAT Destination IP",
                                                              "Rule Name",
                                                              "Source User",
                                                              "Destination User",
                                                              "Application",
                                                              "Virtual System",
                                                              "Source Zone",
                                                              "Destination Zone",
                                                              "Inbound Interface",
                                                              "Outbound Interface",
                                                              "Log Action",
                                                              "FUTURE_USE",
                                                              "Session ID",
                                                              "Repeat Count",
                                                              "Source Port",
                                                              "Destination Port",
                                                              "NAT Source Port",
                                                              "NAT Destination Port",
                                                              "Flags",
                                                              "Protocol",
                                                              "Action",
                                                              "Bytes",
                                                              "Bytes Sent",
                                                              "Bytes Received",
                                                              "Packets",
                                                              "Start Time",
                                                              "Elapsed Time",
                                                              "Category",
                                                              "FUTURE_USE",
                                                              "Sequence Number",
                                                              "Action Flags",
                                                              "Source Country",
                                                              "Destination Country",
                                                              "FUTURE_USE",
                                                              "Packets Sent",
                                                              "Packets Received",
                                                              "Session End Reason",
                                                              "Device Group Hierarchy Level 1",
                                                              "Device Group Hierarchy Level 2",
                                                              "Device Group Hierarchy Level 3",
                                                              "Device Group Hierarchy Level 4",
                                                              "Virtual System Name",
                                                              "Device Name"};

// THREAT logs share the first 31 columns, then differ.
constexpr std::array<std::string_view, 8> kThreatTail = {
    "URL/Filename", "Threat ID",       "Category",     "Severity",
    "Direction",    "Sequence Number", "Action Flags", "Source Country"};

bool looks_like_panos(std::string_view line) {
    std::vector<std::string> cells;
    size_t end = 0;
    if (!detail::split_csv_record(line, 0, ',', cells, end) || cells.size() < 30) {
        return false;
    }
    const std::string_view type = cells[3];
    return (type == "TRAFFIC" || type == "THREAT" || type == "URL") &&
           detail::parse_datetime(cells[1]).has_value();
}

/// The CSV part of a line: PAN-OS syslog puts "<14>Nov 11 13:42:20 PA-VM " before it.
std::string_view csv_part(std::string_view line) {
    const size_t comma = line.find(',');
    if (comma == std::string_view::npos) {
        return line;
    }
    const size_t sp = line.rfind(' ', comma);
    const size_t lt = line.find('<');
    if (sp != std::string_view::npos && (lt == 0 || detail::month_number(line) != 0)) {
        return line.substr(sp + 1);
    }
    return line;
}

/// Palo Alto Networks PAN-OS TRAFFIC and THREAT logs as CSV: syslog lines without header, or
/// a web-interface export with a header row. Times carry no zone.
class PanosCsvParser final : public LogParser {
public:
    std::string_view name() const override { return "panos-csv"; }
    std::string_view description() const override {
        return "Palo Alto PAN-OS traffic/threat CSV (syslog or export; times need --zone)";
    }

    int detect(std::string_view head, std::string_view) const override {
        const std::string_view first = trim(head.substr(0, head.find('\n')));
        if (detail::contains(first, "Receive Time") && detail::contains(first, "Source address")) {
            return 90;
        }
        return looks_like_panos(csv_part(first)) ? 90 : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::LineCursor lines(ctx.text());
        std::string_view line;
        uint32_t number = 0;
        std::vector<std::string> header;
        std::vector<std::string> cells;
        while (lines.next(line, number)) {
            const std::string_view t = trim(line);
            if (t.empty()) {
                continue;
            }
            if (number == 1 && detail::contains(t, "Receive Time")) {
                size_t end = 0;
                detail::split_csv_record(t, 0, ',', header, end);
                for (std::string& h : header) {
                    h = std::string(trim(h));
                }
                continue;
            }
            const std::string_view csv = header.empty() ? csv_part(t) : t;
            size_t end = 0;
            if (!detail::split_csv_record(csv, 0, ',', cells, end) ||
                (header.empty() && cells.size() < 31)) {
                ctx.warn(number,
                         fmt::format("PAN-OS CSV line has {} columns, at least 31 expected",
                                     cells.size()),
                         "the line is skipped");
                continue;
            }
            Event e = ctx.make_event(number, t);
            if (csv.data() != t.data()) {
                if (const auto h =
                        detail::parse_syslog_header(t.substr(0, csv.data() - t.data()))) {
                    detail::add_syslog_fields(e, *h);
                }
            }
            const bool threat = header.empty() && cells[3] == "THREAT";
            for (size_t i = 0; i < cells.size(); ++i) {
                std::string name;
                if (!header.empty()) {
                    name = i < header.size() ? header[i] : fmt::format("column {}", i + 1);
                } else if (threat && i >= 31 && i - 31 < kThreatTail.size()) {
                    name = kThreatTail[i - 31];
                } else if (i < kTrafficColumns.size()) {
                    name = kTrafficColumns[i];
                } else {
                    name = fmt::format("column {}", i + 1);
                }
                e.fields.emplace_back(std::move(name), std::move(cells[i]));
            }
            map(ctx, e);
            ctx.emit(e);
        }
    }

private:
    static std::string_view get(const Event& e, std::string_view name) {
        for (const auto& [k, v] : e.fields) {
            if (equals_icase(k, name)) {
                return detail::meaningful(v);
            }
        }
        return {};
    }

    static void map(ParseContext& ctx, Event& e) {
        // A field holding an RFC 3339 time with offset (High Resolution Timestamp, PAN-OS 10+)
        // is exact; otherwise Generated Time is local to the firewall.
        std::string_view exact;
        for (size_t i = 53; i < e.fields.size() && exact.empty(); ++i) {
            const auto p = detail::parse_datetime(e.fields[i].second);
            if (p && !p->zone.empty() && e.fields[i].second.find('T') != std::string::npos) {
                exact = e.fields[i].second;
            }
        }
        if (exact.empty()) {
            exact = get(e, "High Resolution Timestamp");
        }
        if (!exact.empty()) {
            ctx.set_time(e, exact, e.line);
        } else {
            std::string_view generated = get(e, "Generated Time");
            if (generated.empty()) {
                generated = get(e, "Receive Time");
            }
            ctx.set_time_any(e, generated, e.line, false);
        }
        e.event_category = "network";
        fill(e.source_ip, get(e, "Source Address"));
        fill(e.destination_ip, get(e, "Destination Address"));
        e.source_port = detail::parse_port(get(e, "Source Port"));
        e.destination_port = detail::parse_port(get(e, "Destination Port"));
        fill(e.rule_name, get(e, "Rule Name"));
        fill(e.rule_name, get(e, "Rule"));
        detail::set_user(e, get(e, "Source User"));
        fill(e.network_protocol, get(e, "Application"));
        std::string_view protocol = get(e, "Protocol");
        if (protocol.empty()) {
            protocol = get(e, "IP Protocol");
        }
        e.network_transport = to_lower(protocol);
        const std::string_view action = get(e, "Action");
        e.event_action = to_lower(action);
        if (!action.empty()) {
            e.event_outcome = equals_icase(action, "allow") ? "success" : "failure";
        }
        e.event_code.assign(get(e, "Threat/Content Type"));
        e.source_bytes = detail::parse_uint(get(e, "Bytes Sent"));
        e.destination_bytes = detail::parse_uint(get(e, "Bytes Received"));
        fill(e.host_name, get(e, "Device Name"));
        const std::string_view url = get(e, "URL/Filename");
        if (!url.empty()) {
            if (detail::contains(url, "/") || detail::contains(url, ".")) {
                e.url_full.assign(url);
            } else {
                e.file_name.assign(url);
            }
        }
        if (equals_icase(get(e, "Type"), "THREAT")) {
            e.event_category = "intrusion_detection";
        }
    }
};

} // namespace

const LogParser& panos_csv_parser() {
    static const PanosCsvParser parser;
    return parser;
}

} // namespace casefile::logs
