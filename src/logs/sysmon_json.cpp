#include "core/text.hpp"
#include "logs/json_records.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"
#include "logs/windows_event.hpp"

namespace casefile::logs {
namespace {

/// Sysmon events as JSON: flat objects (NXLog, evtx tools: {"EventID":1,"Image":..}),
/// Winlogbeat ({"winlog":{"event_id":..,"event_data":{..}}}) and XML-shaped JSON
/// ({"Event":{"System":{..},"EventData":{..}}}).
class SysmonJsonParser final : public LogParser {
public:
    std::string_view name() const override { return "sysmon-json"; }
    std::string_view description() const override {
        return "Sysinternals Sysmon events as JSON (flat, Winlogbeat or XML-shaped)";
    }

    int detect(std::string_view head, std::string_view) const override {
        const size_t start = head.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos || (head[start] != '{' && head[start] != '[')) {
            return 0;
        }
        if (detail::contains(head, "Microsoft-Windows-Sysmon")) {
            return 92;
        }
        return detail::contains(head, "\"ProcessGuid\"") && detail::contains(head, "\"UtcTime\"")
                   ? 70
                   : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::for_each_json_record(ctx, [](ParseContext& ctx, Event& e) {
            detail::NamedValues values;
            std::string_view id;
            std::string_view time;
            for (const auto& [k, v] : e.fields) {
                std::string_view name = k;
                for (const std::string_view prefix :
                     {"winlog.event_data.", "Event.EventData.", "EventData.", "event_data."}) {
                    if (name.substr(0, prefix.size()) == prefix) {
                        name.remove_prefix(prefix.size());
                        break;
                    }
                }
                if (name == "EventID" || name == "winlog.event_id" ||
                    name == "Event.System.EventID" || name == "EventId" || name == "event.code") {
                    id = id.empty() ? std::string_view(v) : id;
                } else if (name == "Computer" || name == "Hostname" ||
                           name == "winlog.computer_name" || name == "Event.System.Computer" ||
                           name == "host.name") {
                    values.emplace_back("Computer", v);
                } else if (name == "@timestamp" || name == "EventTime" ||
                           name == "Event.System.TimeCreated.#attributes.SystemTime" ||
                           name == "Event.System.TimeCreated.SystemTime" || name == "TimeCreated") {
                    time = time.empty() ? std::string_view(v) : time;
                } else {
                    values.emplace_back(std::string(name), v);
                }
            }
            // UtcTime is Sysmon's own clock (UTC); other time fields come from shippers.
            if (detail::value_of(values, "UtcTime").empty() && !time.empty()) {
                if (detail::parse_datetime(time) && !detail::parse_datetime(time)->zone.empty()) {
                    ctx.set_time(e, time, e.line);
                } else {
                    ctx.set_time_any(e, time, e.line, false);
                }
            }
            detail::map_sysmon_event(ctx, e, trim(id), values);
            ctx.emit(e);
        });
    }
};

} // namespace

const LogParser& sysmon_json_parser() {
    static const SysmonJsonParser parser;
    return parser;
}

} // namespace casefile::logs
