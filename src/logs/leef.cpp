#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/cef_leef.hpp"
#include "logs/parser.hpp"
#include "logs/syslog_header.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

/// The LEEF 2.0 delimiter field: one character, or its hex code ("x09", "0x5E").
char leef_delimiter(std::string_view field) {
    if (field.size() == 1) {
        return field[0];
    }
    std::string_view hex = field;
    if (starts_with_icase(hex, "0x")) {
        hex.remove_prefix(2);
    } else if (starts_with_icase(hex, "x")) {
        hex.remove_prefix(1);
    }
    unsigned v = 0;
    for (const char c : hex) {
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0) {
            return '\t';
        }
        v = v * 16 + static_cast<unsigned>(d);
    }
    return v > 0 && v < 128 ? static_cast<char>(v) : '\t';
}

/// IBM QRadar Log Event Extended Format: "LEEF:1.0|Vendor|Product|Version|EventID|k=v<TAB>k=v"
/// and LEEF 2.0 with its own delimiter field.
class LeefParser final : public LogParser {
public:
    std::string_view name() const override { return "leef"; }
    std::string_view description() const override {
        return "IBM QRadar LEEF 1.0/2.0 (LEEF:1.0|vendor|product|version|id|k=v<TAB>...)";
    }

    int detect(std::string_view head, std::string_view) const override {
        return detail::contains(head, "LEEF:1.0|") || detail::contains(head, "LEEF:2.0|") ? 95 : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::LineCursor lines(ctx.text());
        std::string_view line;
        uint32_t number = 0;
        while (lines.next(line, number)) {
            const std::string_view t = trim(line);
            if (t.empty()) {
                continue;
            }
            const size_t at = t.find("LEEF:");
            std::vector<std::string_view> parts;
            size_t pos = at == std::string_view::npos ? at : at + 5;
            const bool v2 = pos != std::string_view::npos && t.substr(pos, 3) == "2.0";
            const size_t header_fields = v2 ? 6 : 5;
            while (pos != std::string_view::npos && parts.size() < header_fields) {
                const size_t bar = t.find('|', pos);
                if (bar == std::string_view::npos) {
                    pos = bar;
                    break;
                }
                parts.push_back(t.substr(pos, bar - pos));
                pos = bar + 1;
            }
            if (pos == std::string_view::npos || parts.size() < header_fields) {
                ctx.warn(number,
                         "not a LEEF record (expected LEEF:version|vendor|product|"
                         "version|eventid|attributes)",
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
            e.fields.emplace_back("leef.version", std::string(parts[0]));
            e.fields.emplace_back("leef.vendor", std::string(parts[1]));
            e.fields.emplace_back("leef.product", std::string(parts[2]));
            e.fields.emplace_back("leef.product_version", std::string(parts[3]));
            e.fields.emplace_back("leef.event_id", std::string(parts[4]));
            const char delim = v2 ? leef_delimiter(parts[5]) : '\t';
            const std::string_view attrs = t.substr(pos);
            size_t i = 0;
            while (i < attrs.size()) {
                size_t end = attrs.find(delim, i);
                if (end == std::string_view::npos) {
                    end = attrs.size();
                }
                const std::string_view kv = attrs.substr(i, end - i);
                const size_t eq = kv.find('=');
                if (eq != std::string_view::npos && eq > 0) {
                    e.fields.emplace_back(std::string(trim(kv.substr(0, eq))),
                                          std::string(kv.substr(eq + 1)));
                }
                i = end + 1;
            }
            detail::map_cef_keys(e);
            if (const std::string* v = e.field("devTime"); v != nullptr && !v->empty()) {
                detail::set_cef_time(ctx, e, *v, number);
            } else if (header) {
                detail::apply_syslog_time(ctx, e, *header, number);
            }
            e.event_code.assign(parts[4]);
            e.message = fmt::format("{} {}: {}", parts[1], parts[2], parts[4]);
            ctx.emit(e);
        }
    }
};

} // namespace

const LogParser& leef_parser() {
    static const LeefParser parser;
    return parser;
}

} // namespace casefile::logs
