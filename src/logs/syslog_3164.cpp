#include "core/text.hpp"
#include "logs/parser.hpp"
#include "logs/syslog_common.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

/// BSD syslog (RFC 3164) as syslog daemons write files: "Nov 11 13:42:20 host sshd[812]: ..",
/// with or without "<PRI>", or with an RFC 3339 time (rsyslog's precise format). Times
/// without year and zone need --year and --zone.
class Syslog3164Parser final : public LogParser {
public:
    std::string_view name() const override { return "syslog-3164"; }
    std::string_view description() const override {
        return "BSD syslog (RFC 3164, e.g. /var/log/auth.log; times need --year and --zone)";
    }

    int detect(std::string_view head, std::string_view) const override {
        const std::string_view first = trim(head.substr(0, head.find('\n')));
        const auto h = detail::parse_syslog_header(first);
        if (!h || h->rfc5424) {
            return 0;
        }
        return h->iso_time && h->host.empty() ? 20 : 55;
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
            const auto h = detail::parse_syslog_header(t);
            if (!h || h->rfc5424) {
                ctx.warn(number, "not an RFC 3164 syslog line",
                         "expected 'Mmm dd hh:mm:ss host program[pid]: message'");
                continue;
            }
            Event e = ctx.make_event(number, t);
            detail::map_syslog_message(ctx, e, *h, number);
            ctx.emit(e);
        }
    }
};

} // namespace

const LogParser& syslog_3164_parser() {
    static const Syslog3164Parser parser;
    return parser;
}

} // namespace casefile::logs
