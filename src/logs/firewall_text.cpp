#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/parser.hpp"
#include "logs/reference_text.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

using detail::fill;

bool is_action(std::string_view a) {
    for (const std::string_view known :
         {"ALLOW", "ACCEPT", "PERMIT", "DENY", "DROP", "BLOCK", "REJECT", "RESET"}) {
        if (equals_icase(a, known)) {
            return true;
        }
    }
    return false;
}

/// The reference firewall form: "2025-11-11T13:42:20Z ALLOW TCP 10.0.5.22:49823 ->
/// 185.199.109.15:443" followed by "Key: value" lines (Rule, AppID, BytesSent, ...).
class FirewallTextParser final : public LogParser {
public:
    std::string_view name() const override { return "firewall-text"; }
    std::string_view description() const override {
        return "Firewall session text: 'TIME ACTION PROTO SRC:PORT -> DST:PORT' + 'Key: value' "
               "lines";
    }

    int detect(std::string_view head, std::string_view) const override {
        detail::LineCursor lines(head);
        std::string_view line;
        uint32_t n = 0;
        while (lines.next(line, n) && n < 20) {
            const std::string_view t = trim(line);
            if (t.empty()) {
                continue;
            }
            if (!detail::starts_with_rfc3339(t)) {
                return 0;
            }
            const auto parts = split(t);
            return parts.size() >= 6 && is_action(parts[1]) && parts[4] == "->" ? 90 : 0;
        }
        return 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::for_each_timed_block(
            ctx,
            [&ctx](Event& e, std::string_view header) {
                const auto parts = split(header);
                if (parts.size() < 6 || !is_action(parts[1]) || parts[4] != "->") {
                    ctx.warn(e.line, "expected 'TIME ACTION PROTO SRC:PORT -> DST:PORT'",
                             "the event and its 'Key: value' lines are skipped");
                    return false;
                }
                ctx.set_time(e, parts[0], e.line);
                e.event_action = to_lower(parts[1]);
                e.event_category = "network";
                e.network_transport = to_lower(parts[2]);
                const auto [src, sport] = detail::split_host_port(parts[3]);
                const auto [dst, dport] = detail::split_host_port(parts[5]);
                e.source_ip.assign(src);
                e.source_port = detail::parse_port(sport);
                e.destination_ip.assign(dst);
                e.destination_port = detail::parse_port(dport);
                e.fields.emplace_back("time", std::string(parts[0]));
                e.fields.emplace_back("action", std::string(parts[1]));
                e.fields.emplace_back("protocol", std::string(parts[2]));
                e.fields.emplace_back("source", std::string(parts[3]));
                e.fields.emplace_back("destination", std::string(parts[5]));
                const std::string_view lower = e.event_action;
                e.event_outcome = lower == "allow" || lower == "accept" || lower == "permit"
                                      ? "success"
                                      : "failure";
                return true;
            },
            [](Event& e) {
                for (const auto& [k, v] : e.fields) {
                    if (equals_icase(k, "Rule")) {
                        fill(e.rule_name, v);
                    } else if (equals_icase(k, "AppID") || equals_icase(k, "App") ||
                               equals_icase(k, "Process")) {
                        fill(e.process_name, v);
                    } else if (equals_icase(k, "BytesSent")) {
                        e.source_bytes = detail::parse_uint(v, true);
                    } else if (equals_icase(k, "BytesReceived")) {
                        e.destination_bytes = detail::parse_uint(v, true);
                    } else if (equals_icase(k, "User")) {
                        detail::set_user(e, v);
                    } else if (equals_icase(k, "Host") || equals_icase(k, "Device")) {
                        fill(e.host_name, v);
                    } else if (equals_icase(k, "Domain") || equals_icase(k, "DestinationHost")) {
                        fill(e.destination_domain, v);
                    }
                }
                e.message = fmt::format(
                    "{} {} {}:{} -> {}:{}{}", e.event_action, e.network_transport, e.source_ip,
                    e.source_port ? std::to_string(*e.source_port) : "?", e.destination_ip,
                    e.destination_port ? std::to_string(*e.destination_port) : "?",
                    e.process_name.empty() ? "" : " (" + e.process_name + ")");
            });
    }

private:
    static std::vector<std::string_view> split(std::string_view s) {
        std::vector<std::string_view> out;
        size_t i = 0;
        while (i < s.size()) {
            while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
                ++i;
            }
            const size_t start = i;
            while (i < s.size() && s[i] != ' ' && s[i] != '\t') {
                ++i;
            }
            if (i > start) {
                out.push_back(s.substr(start, i - start));
            }
        }
        return out;
    }
};

} // namespace

const LogParser& firewall_text_parser() {
    static const FirewallTextParser parser;
    return parser;
}

} // namespace casefile::logs
