#include <array>
#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/cef_leef.hpp"
#include "logs/parser.hpp"
#include "logs/syslog_header.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

/// Splits the CEF header on unescaped '|': 7 fields, then the extension.
bool split_header(std::string_view s, std::vector<std::string>& parts, std::string_view& ext) {
    parts.clear();
    std::string cur;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '|' || s[i + 1] == '\\')) {
            cur.push_back(s[i + 1]);
            ++i;
            continue;
        }
        if (s[i] == '|') {
            parts.push_back(std::move(cur));
            cur.clear();
            if (parts.size() == 7) {
                ext = s.substr(i + 1);
                return true;
            }
            continue;
        }
        cur.push_back(s[i]);
    }
    return false;
}

/// ArcSight Common Event Format: "[syslog header ]CEF:0|Vendor|Product|Version|SignatureID|
/// Name|Severity|k=v k=v ...".
class CefParser final : public LogParser {
public:
    std::string_view name() const override { return "cef"; }
    std::string_view description() const override {
        return "ArcSight Common Event Format (CEF:0|vendor|product|...|k=v), with or without "
               "syslog header";
    }

    int detect(std::string_view head, std::string_view) const override {
        return detail::contains(head, "CEF:0|") || detail::contains(head, "CEF:1|") ? 95 : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::LineCursor lines(ctx.text());
        std::string_view line;
        uint32_t number = 0;
        std::vector<std::string> parts;
        static constexpr std::array<std::string_view, 7> kNames = {
            "cef.version",      "cef.vendor", "cef.product", "cef.device_version",
            "cef.signature_id", "cef.name",   "cef.severity"};
        while (lines.next(line, number)) {
            const std::string_view t = trim(line);
            if (t.empty()) {
                continue;
            }
            const size_t at = t.find("CEF:");
            std::string_view ext;
            if (at == std::string_view::npos || !split_header(t.substr(at + 4), parts, ext)) {
                ctx.warn(number, "not a CEF record (expected CEF: and 7 '|'-separated fields)",
                         "the line is skipped");
                continue;
            }
            Event e = ctx.make_event(number, t);
            std::optional<detail::SyslogHeader> header;
            if (at > 0) {
                header = detail::parse_syslog_header(t.substr(0, at));
                if (header) {
                    detail::add_syslog_fields(e, *header);
                }
            }
            for (size_t i = 0; i < parts.size(); ++i) {
                e.fields.emplace_back(std::string(kNames[i]), parts[i]);
            }
            detail::split_cef_extension(ext, e.fields);
            detail::map_cef_keys(e);
            bool timed = false;
            for (const std::string_view key : {"rt", "start", "end"}) {
                if (const std::string* v = e.field(key); v != nullptr && !v->empty()) {
                    detail::set_cef_time(ctx, e, *v, number);
                    timed = true;
                    break;
                }
            }
            // The event's own time wins over the relay's syslog header.
            if (!timed && header) {
                detail::apply_syslog_time(ctx, e, *header, number);
            }
            e.event_code = parts[4];
            e.message = parts[1] + " " + parts[2] + ": " + parts[5];
            if (const std::string* msg = e.field("msg"); msg != nullptr && !msg->empty()) {
                e.message += " - " + msg->substr(0, 200);
            }
            ctx.emit(e);
        }
    }
};

} // namespace

const LogParser& cef_parser() {
    static const CefParser parser;
    return parser;
}

} // namespace casefile::logs
