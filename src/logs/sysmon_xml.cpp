#include "logs/parser.hpp"
#include "logs/util.hpp"
#include "logs/windows_event.hpp"

namespace casefile::logs {
namespace {

/// Sysmon events as XML (provider Microsoft-Windows-Sysmon, channel
/// Microsoft-Windows-Sysmon/Operational).
class SysmonXmlParser final : public LogParser {
public:
    std::string_view name() const override { return "sysmon-xml"; }
    std::string_view description() const override {
        return "Sysinternals Sysmon events as XML (ids 1, 3, 7, 8, 10, 11, 12, 13, 22)";
    }

    int detect(std::string_view head, std::string_view) const override {
        return detail::contains(head, "<Event") &&
                       detail::contains(head, "Microsoft-Windows-Sysmon")
                   ? 95
                   : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::for_each_windows_xml_event(ctx, [&ctx](Event& e) {
            const std::string_view time = detail::value_of(e.fields, "TimeCreated");
            if (!time.empty()) {
                ctx.set_time(e, time, e.line);
            }
            detail::map_sysmon_event(ctx, e, detail::value_of(e.fields, "EventID"), e.fields);
            ctx.emit(e);
        });
    }
};

} // namespace

const LogParser& sysmon_xml_parser() {
    static const SysmonXmlParser parser;
    return parser;
}

} // namespace casefile::logs
