#include <array>

#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/parser.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

std::vector<std::string_view> fields_of(std::string_view s) {
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

bool squid_shape(const std::vector<std::string_view>& f) {
    if (f.size() < 7) {
        return false;
    }
    const std::string_view ts = f[0];
    const size_t dot = ts.find('.');
    return dot != std::string_view::npos && detail::parse_uint(ts.substr(0, dot)) &&
           detail::parse_uint(f[1]) && f[3].find('/') != std::string_view::npos;
}

/// Squid native access.log: "%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt".
class SquidParser final : public LogParser {
public:
    std::string_view name() const override { return "squid"; }
    std::string_view description() const override {
        return "Squid native access.log (time elapsed client code/status bytes method URL ...)";
    }

    int detect(std::string_view head, std::string_view) const override {
        const std::string_view first = head.substr(0, head.find('\n'));
        return squid_shape(fields_of(first)) ? 90 : 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::LineCursor lines(ctx.text());
        std::string_view line;
        uint32_t number = 0;
        static constexpr std::array<std::string_view, 10> kNames = {
            "time",   "elapsed", "client", "result",    "bytes",
            "method", "url",     "user",   "hierarchy", "content_type"};
        while (lines.next(line, number)) {
            const std::string_view t = trim(line);
            if (t.empty()) {
                continue;
            }
            const auto f = fields_of(t);
            if (!squid_shape(f)) {
                ctx.warn(number, "not a Squid access.log line",
                         "expected 'TIME.MS ELAPSED CLIENT CODE/STATUS BYTES METHOD URL ...'");
                continue;
            }
            Event e = ctx.make_event(number, t);
            for (size_t i = 0; i < f.size(); ++i) {
                e.fields.emplace_back(i < kNames.size() ? std::string(kNames[i])
                                                        : fmt::format("field{}", i + 1),
                                      std::string(f[i]));
            }
            ctx.set_epoch_time(e, f[0], number);
            e.event_category = "web";
            e.source_ip.assign(f[2]);
            const size_t slash = f[3].find('/');
            e.event_action.assign(f[3].substr(0, slash));
            e.http_response_status_code.assign(f[3].substr(slash + 1));
            e.destination_bytes = detail::parse_uint(f[4]);
            e.http_request_method.assign(f[5]);
            const std::string_view url = f[6];
            if (f[5] == "CONNECT") {
                const auto [host, port] = detail::split_host_port(url);
                e.destination_domain.assign(host);
                e.destination_port = detail::parse_port(port);
                e.url_domain.assign(to_lower(host));
            } else {
                e.url_full.assign(url);
            }
            if (f.size() > 7) {
                detail::set_user(e, f[7]);
            }
            if (f.size() > 8) {
                const size_t peer = f[8].find('/');
                if (peer != std::string_view::npos) {
                    const std::string_view addr = f[8].substr(peer + 1);
                    if (!addr.empty() && addr != "-" &&
                        addr.find_first_not_of("0123456789.:abcdefABCDEF") ==
                            std::string_view::npos) {
                        e.destination_ip.assign(addr);
                    }
                }
            }
            const bool denied = detail::contains(e.event_action, "DENIED");
            e.event_outcome = denied || (!e.http_response_status_code.empty() &&
                                         e.http_response_status_code[0] >= '4')
                                  ? "failure"
                                  : "success";
            e.message = fmt::format("{} {} {} -> {} {}", e.source_ip, e.http_request_method, url,
                                    e.event_action, e.http_response_status_code);
            ctx.emit(e);
        }
    }
};

} // namespace

const LogParser& squid_parser() {
    static const SquidParser parser;
    return parser;
}

} // namespace casefile::logs
