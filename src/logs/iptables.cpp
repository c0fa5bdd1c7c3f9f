#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/parser.hpp"
#include "logs/syslog_header.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

using detail::fill;

/// Netfilter LOG target lines (iptables/nftables/ufw), usually inside kernel syslog:
/// "kernel: [UFW BLOCK] IN=eth0 OUT= MAC=.. SRC=1.2.3.4 DST=10.0.0.5 LEN=60 .. PROTO=TCP
/// SPT=51515 DPT=22 ..".
class IptablesParser final : public LogParser {
public:
    std::string_view name() const override { return "iptables"; }
    std::string_view description() const override {
        return "iptables/netfilter LOG lines (IN= OUT= SRC= DST= PROTO= SPT= DPT=)";
    }

    int detect(std::string_view head, std::string_view) const override {
        return detail::contains(head, " SRC=") && detail::contains(head, " DST=") &&
                       detail::contains(head, "PROTO=")
                   ? 88
                   : 0;
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
            const size_t src = t.find("SRC=");
            const size_t in = t.find("IN=");
            if (src == std::string_view::npos || t.find("DST=") == std::string_view::npos) {
                ctx.warn(number, "not a netfilter log line (no SRC= and DST=)",
                         "the line is skipped");
                continue;
            }
            Event e = ctx.make_event(number, t);
            const size_t kv_start = in != std::string_view::npos && in < src ? in : src;
            std::string_view prefix = t.substr(0, kv_start);
            if (const auto header = detail::parse_syslog_header(t)) {
                detail::add_syslog_fields(e, *header);
                detail::apply_syslog_time(ctx, e, *header, number);
                const size_t msg_off = static_cast<size_t>(header->message.data() - t.data());
                prefix = msg_off <= kv_start ? t.substr(msg_off, kv_start - msg_off) : prefix;
            }
            // The log prefix: an optional "[12345.678]" kernel uptime, then the rule's text.
            prefix = trim(prefix);
            if (!prefix.empty() && prefix.front() == '[' && prefix.size() > 1 && prefix[1] >= '0' &&
                prefix[1] <= '9') {
                prefix = trim(prefix.substr(prefix.find(']') + 1));
            }
            while (!prefix.empty() && (prefix.back() == ':' || prefix.back() == ' ')) {
                prefix.remove_suffix(1);
            }
            if (!prefix.empty()) {
                e.rule_name.assign(prefix);
                e.fields.emplace_back("prefix", std::string(prefix));
            }
            for (auto& [k, v] : detail::split_kv(t.substr(kv_start))) {
                if (k == "SRC") {
                    e.source_ip = v;
                } else if (k == "DST") {
                    e.destination_ip = v;
                } else if (k == "SPT") {
                    e.source_port = detail::parse_port(v);
                } else if (k == "DPT") {
                    e.destination_port = detail::parse_port(v);
                } else if (k == "PROTO") {
                    e.network_transport = to_lower(v);
                }
                e.fields.emplace_back(std::move(k), std::move(v));
            }
            e.event_category = "network";
            const std::string upper = to_lower(prefix);
            if (detail::contains(upper, "block") || detail::contains(upper, "drop") ||
                detail::contains(upper, "deny") || detail::contains(upper, "reject")) {
                e.event_action = "deny";
                e.event_outcome = "failure";
            } else if (detail::contains(upper, "allow") || detail::contains(upper, "accept")) {
                e.event_action = "allow";
                e.event_outcome = "success";
            }
            e.message = fmt::format(
                "{}{} {}{} -> {}{}", e.rule_name.empty() ? "" : e.rule_name + " ",
                e.network_transport, e.source_ip,
                e.source_port ? ":" + std::to_string(*e.source_port) : "", e.destination_ip,
                e.destination_port ? ":" + std::to_string(*e.destination_port) : "");
            ctx.emit(e);
        }
    }
};

} // namespace

const LogParser& iptables_parser() {
    static const IptablesParser parser;
    return parser;
}

} // namespace casefile::logs
