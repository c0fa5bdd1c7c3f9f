#include "render/timeline/timeline_output.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "logs/parse.hpp"

namespace casefile::render {
namespace {

using analysis::TimelineRow;
using analysis::UntimedEvidence;

std::string location_text(const SourceLocation& where) {
    return where.file.empty() ? std::string() : where.to_string();
}

/// A CSV cell: quoted when needed, and defused when a spreadsheet would treat it as a formula.
std::string csv_cell(std::string_view value) {
    std::string cell(value);
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                          cell[0] == '\t' || cell[0] == '\r')) {
        cell = "'" + cell;
    }
    if (cell.find_first_of(",\"\n\r") == std::string::npos) {
        return cell;
    }
    std::string quoted = "\"";
    for (const char c : cell) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

std::string one_line(std::string_view s) {
    std::string out(s);
    std::replace(out.begin(), out.end(), '\n', ' ');
    std::replace(out.begin(), out.end(), '\r', ' ');
    return out;
}

} // namespace

std::string timeline_text(const analysis::Analysis& a,
                          const std::function<std::string(std::string_view)>& defang) {
    const auto safe = [&](std::string_view s) {
        return one_line(defang ? defang(s) : std::string(s));
    };
    size_t origin_width = 6;
    size_t host_width = 4;
    for (const TimelineRow& row : a.timeline) {
        origin_width = std::max(origin_width, row.origin.size());
        host_width = std::max(host_width, row.host.size());
    }
    std::string out;
    for (const TimelineRow& row : a.timeline) {
        out += fmt::format("{:<24}  {:<{}}  {:<{}}  {}\n", format_rfc3339(row.time), row.origin,
                           origin_width, safe(row.host), host_width, safe(row.text));
    }
    if (!a.untimed.empty()) {
        out += "\nwithout a time:\n";
        for (const UntimedEvidence& u : a.untimed) {
            out += fmt::format("  {}  {} ({})\n", u.label, u.reason, location_text(u.where));
        }
    }
    return out;
}

std::string timeline_json_lines(const analysis::Analysis& a) {
    std::string out;
    const auto emit = [&](nlohmann::ordered_json row) {
        out += row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        out += '\n';
    };
    for (const TimelineRow& row : a.timeline) {
        nlohmann::ordered_json j = {{"time", format_rfc3339(row.time)},
                                    {"kind", analysis::to_string(row.kind)},
                                    {"origin", row.origin},
                                    {"location", location_text(row.where)},
                                    {"text", row.text}};
        if (!row.host.empty()) {
            j["host"] = row.host;
        }
        if (!row.user.empty()) {
            j["user"] = row.user;
        }
        if (row.event != nullptr) {
            j["event"] =
                nlohmann::ordered_json::parse(logs::to_json_line(*row.event), nullptr, false);
        }
        emit(std::move(j));
    }
    for (const UntimedEvidence& u : a.untimed) {
        emit({{"time", nullptr},
              {"kind", "evidence"},
              {"origin", u.label},
              {"location", location_text(u.where)},
              {"text", u.reason},
              {"untimed", true}});
    }
    return out;
}

std::string timeline_csv(const analysis::Analysis& a) {
    std::string out = "time,kind,origin,location,host,user,text\r\n";
    const auto row_line = [&](std::string_view time, std::string_view kind, std::string_view origin,
                              std::string_view location, std::string_view host,
                              std::string_view user, std::string_view text) {
        out += fmt::format("{},{},{},{},{},{},{}\r\n", csv_cell(time), csv_cell(kind),
                           csv_cell(origin), csv_cell(location), csv_cell(host), csv_cell(user),
                           csv_cell(text));
    };
    for (const TimelineRow& row : a.timeline) {
        row_line(format_rfc3339(row.time), analysis::to_string(row.kind), row.origin,
                 location_text(row.where), row.host, row.user, row.text);
    }
    for (const UntimedEvidence& u : a.untimed) {
        row_line("", "evidence", u.label, location_text(u.where), "", "", u.reason);
    }
    return out;
}

} // namespace casefile::render
