#include "logs/parser.hpp"
#include "logs/util.hpp"
#include "logs/windows_event.hpp"

namespace casefile::logs {
namespace {

/// Windows Security events as XML: <Event><System>..</System><EventData><Data Name=..>.
class WindowsSecurityXmlParser final : public LogParser {
public:
    std::string_view name() const override { return "windows-security-xml"; }
    std::string_view description() const override {
        return "Windows Security event log as XML (wevtutil, Get-WinEvent ToXml, Event Viewer)";
    }

    int detect(std::string_view head, std::string_view) const override {
        if (!detail::contains(head, "<Event")) {
            return 0;
        }
        if (detail::contains(head, "Microsoft-Windows-Security-Auditing") ||
            detail::contains(head, "Microsoft-Windows-Eventlog")) {
            return 90;
        }
        return detail::contains(head, "<EventData") || detail::contains(head, "<UserData") ? 40 : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::for_each_windows_xml_event(ctx, [&ctx](Event& e) {
            const std::string_view time = detail::value_of(e.fields, "TimeCreated");
            if (!time.empty()) {
                ctx.set_time(e, time, e.line);
            }
            detail::map_security_event(ctx, e, detail::value_of(e.fields, "EventID"), e.fields);
            ctx.emit(e);
        });
    }
};

} // namespace

const LogParser& windows_security_xml_parser() {
    static const WindowsSecurityXmlParser parser;
    return parser;
}

} // namespace casefile::logs
