#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/parser.hpp"
#include "logs/syslog_header.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

using detail::fill;

struct Endpoint {
    std::string_view zone, ip, port;
};

/// "outside:185.199.109.15/443" -> zone, ip, port.
std::optional<Endpoint> read_endpoint(std::string_view s) {
    const size_t colon = s.find(':');
    const size_t slash = s.rfind('/');
    if (colon == std::string_view::npos || slash == std::string_view::npos || slash < colon) {
        return std::nullopt;
    }
    return Endpoint{s.substr(0, colon), s.substr(colon + 1, slash - colon - 1),
                    s.substr(slash + 1)};
}

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') {
            ++i;
        }
        const size_t start = i;
        while (i < s.size() && s[i] != ' ') {
            ++i;
        }
        if (i > start) {
            out.push_back(s.substr(start, i - start));
        }
    }
    return out;
}

/// Cisco ASA / FTD syslog: "%ASA-6-302013: Built outbound TCP connection ..", 302014
/// teardown (duration, bytes), 302015/302016 (UDP), 106023 and 106100 (access-list decisions).
class CiscoAsaParser final : public LogParser {
public:
    std::string_view name() const override { return "cisco-asa"; }
    std::string_view description() const override {
        return "Cisco ASA/FTD syslog (%ASA-6-302013/302014/302015/302016, 106023, 106100)";
    }

    int detect(std::string_view head, std::string_view) const override {
        return detail::contains(head, "%ASA-") || detail::contains(head, "%FTD-") ? 92 : 0;
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
            size_t tag = t.find("%ASA-");
            if (tag == std::string_view::npos) {
                tag = t.find("%FTD-");
            }
            const size_t colon = tag == std::string_view::npos ? tag : t.find(':', tag);
            if (colon == std::string_view::npos) {
                ctx.warn(number, "no %ASA-<level>-<id>: message id", "the line is skipped");
                continue;
            }
            Event e = ctx.make_event(number, t);
            if (const auto header = detail::parse_syslog_header(t.substr(0, tag))) {
                detail::add_syslog_fields(e, *header);
                detail::apply_syslog_time(ctx, e, *header, number);
            }
            // "%ASA-6-302013" -> severity 6, id 302013
            const std::string_view id_text = t.substr(tag + 5, colon - tag - 5);
            const size_t dash = id_text.find('-');
            const std::string_view severity = id_text.substr(0, dash);
            const std::string_view id =
                dash == std::string_view::npos ? id_text : id_text.substr(dash + 1);
            const std::string_view msg = trim(t.substr(colon + 1));
            e.event_code.assign(id);
            e.event_category = "network";
            e.fields.emplace_back("asa.severity", std::string(severity));
            e.fields.emplace_back("asa.message_id", std::string(id));
            e.fields.emplace_back("asa.message", std::string(msg));
            map_message(e, id, msg);
            if (e.message.empty()) {
                e.message = fmt::format("ASA {}: {}", id, msg.substr(0, 200));
            }
            ctx.emit(e);
        }
    }

private:
    static void set_src(Event& e, const Endpoint& p) {
        e.source_ip.assign(p.ip);
        e.source_port = detail::parse_port(p.port);
        e.fields.emplace_back("asa.source_zone", std::string(p.zone));
    }
    static void set_dst(Event& e, const Endpoint& p) {
        e.destination_ip.assign(p.ip);
        e.destination_port = detail::parse_port(p.port);
        e.fields.emplace_back("asa.destination_zone", std::string(p.zone));
    }

    static void map_message(Event& e, std::string_view id, std::string_view msg) {
        const auto w = words(msg);
        auto index_of = [&w](std::string_view word, size_t from = 0) {
            for (size_t i = from; i < w.size(); ++i) {
                if (w[i] == word) {
                    return i;
                }
            }
            return w.size();
        };
        if (id == "302013" || id == "302015" || id == "302014" || id == "302016") {
            // Built {inbound|outbound} TCP connection ID for IF:IP/PORT (..) to IF:IP/PORT (..)
            // Teardown TCP connection ID for IF:IP/PORT to IF:IP/PORT duration H:MM:SS bytes N
            const bool built = !w.empty() && w[0] == "Built";
            const bool inbound = w.size() > 1 && w[1] == "inbound";
            const size_t proto = built ? 2 : 1;
            if (w.size() > proto) {
                e.network_transport = to_lower(w[proto]);
            }
            const size_t f = index_of("for");
            const size_t to = index_of("to", f);
            const auto for_side = f + 1 < w.size() ? read_endpoint(w[f + 1]) : std::nullopt;
            const auto to_side = to + 1 < w.size() ? read_endpoint(w[to + 1]) : std::nullopt;
            // The "for" side is the lower-security (outside) interface: the destination of an
            // outbound connection and the source of an inbound one. Teardowns do not say the
            // direction; they are read as outbound, the common case for endpoint traffic.
            if (for_side && to_side) {
                if (inbound) {
                    set_src(e, *for_side);
                    set_dst(e, *to_side);
                } else {
                    set_src(e, *to_side);
                    set_dst(e, *for_side);
                }
            }
            e.event_action = built ? "connection-started" : "connection-ended";
            const size_t dur = index_of("duration");
            if (dur + 1 < w.size()) {
                e.fields.emplace_back("asa.duration", std::string(w[dur + 1]));
            }
            const size_t bytes = index_of("bytes");
            if (bytes + 1 < w.size()) {
                e.fields.emplace_back("asa.bytes", std::string(w[bytes + 1]));
            }
            if (w.size() > 3) {
                e.fields.emplace_back(
                    "asa.connection_id",
                    std::string(
                        w[index_of("connection") + 1 < w.size() ? index_of("connection") + 1 : 0]));
            }
        } else if (id == "106023") {
            // Deny tcp src outside:1.2.3.4/5555 dst inside:10.0.0.5/22 by access-group "ACL"
            e.event_action = "deny";
            e.event_outcome = "failure";
            if (w.size() > 1) {
                e.network_transport = to_lower(w[1]);
            }
            const size_t s = index_of("src");
            const size_t d = index_of("dst");
            if (s + 1 < w.size()) {
                if (const auto p = read_endpoint(w[s + 1])) {
                    set_src(e, *p);
                }
            }
            if (d + 1 < w.size()) {
                if (const auto p = read_endpoint(w[d + 1])) {
                    set_dst(e, *p);
                }
            }
            const size_t g = index_of("access-group");
            if (g + 1 < w.size()) {
                std::string_view rule = w[g + 1];
                if (rule.size() >= 2 && rule.front() == '"' && rule.back() == '"') {
                    rule = rule.substr(1, rule.size() - 2);
                }
                e.rule_name.assign(rule);
            }
        } else if (id == "106100") {
            // access-list ACL permitted tcp inside/10.0.5.22(49823) -> outside/1.2.3.4(443) hit-cnt
            // 1
            if (w.size() > 3) {
                e.rule_name.assign(w[1]);
                e.event_action = w[2] == "permitted" ? "allow" : "deny";
                e.event_outcome = w[2] == "permitted" ? "success" : "failure";
                e.network_transport = to_lower(w[3]);
            }
            auto endpoint = [](std::string_view s) -> std::optional<Endpoint> {
                const size_t slash = s.find('/');
                const size_t open = s.find('(');
                if (slash == std::string_view::npos || open == std::string_view::npos ||
                    open < slash || s.back() != ')') {
                    return std::nullopt;
                }
                return Endpoint{s.substr(0, slash), s.substr(slash + 1, open - slash - 1),
                                s.substr(open + 1, s.size() - open - 2)};
            };
            const size_t arrow = index_of("->");
            if (arrow > 0 && arrow + 1 < w.size()) {
                if (const auto p = endpoint(w[arrow - 1])) {
                    set_src(e, *p);
                }
                if (const auto p = endpoint(w[arrow + 1])) {
                    set_dst(e, *p);
                }
            }
        }
    }
};

} // namespace

const LogParser& cisco_asa_parser() {
    static const CiscoAsaParser parser;
    return parser;
}

} // namespace casefile::logs
