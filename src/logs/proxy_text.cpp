#include <fmt/format.h>

#include "core/text.hpp"
#include "logs/parser.hpp"
#include "logs/reference_text.hpp"
#include "logs/util.hpp"

namespace casefile::logs {
namespace {

using detail::fill;

bool is_method(std::string_view m) {
    for (const std::string_view known :
         {"GET", "POST", "PUT", "HEAD", "DELETE", "CONNECT", "OPTIONS", "PATCH", "TRACE"}) {
        if (m == known) {
            return true;
        }
    }
    return false;
}

/// The reference proxy form: "2025-11-11T13:43:03Z GET hxxps[:]//cdn-dropbox[.]io/a.ps1"
/// followed by "Key: value" lines ("Response: 200 OK  Size: 14,820 bytes").
class ProxyTextParser final : public LogParser {
public:
    std::string_view name() const override { return "proxy-text"; }
    std::string_view description() const override {
        return "Proxy request text: 'TIME METHOD URL' + 'Response: 200 OK  Size: N bytes' lines";
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
            const size_t sp = t.find(' ');
            std::string_view rest = trim(t.substr(sp));
            const std::string_view method = rest.substr(0, rest.find(' '));
            return is_method(method) ? 90 : 0;
        }
        return 0;
    }

    void parse(ParseContext& ctx) const override {
        detail::for_each_timed_block(
            ctx,
            [&ctx](Event& e, std::string_view header) {
                const size_t sp = header.find(' ');
                const std::string_view time = header.substr(0, sp);
                std::string_view rest = trim(header.substr(sp));
                const size_t sp2 = rest.find(' ');
                const std::string_view method = rest.substr(0, sp2);
                const std::string_view url =
                    sp2 == std::string_view::npos ? std::string_view{} : trim(rest.substr(sp2));
                if (!is_method(method) || url.empty()) {
                    ctx.warn(e.line, "expected 'TIME METHOD URL'",
                             "the event and its 'Key: value' lines are skipped");
                    return false;
                }
                const std::string_view url_token = url.substr(0, url.find(' '));
                ctx.set_time(e, time, e.line);
                e.fields.emplace_back("time", std::string(time));
                e.fields.emplace_back("method", std::string(method));
                e.fields.emplace_back("url", std::string(url_token));
                e.event_category = "web";
                e.http_request_method.assign(method);
                if (detail::looks_defanged(url_token)) {
                    // Keep the defanged text as written; url.full is the usable form.
                    e.url_original.assign(url_token);
                    e.url_full = detail::refang_minimal(url_token);
                } else {
                    e.url_full.assign(url_token);
                }
                return true;
            },
            [](Event& e) {
                for (const auto& [k, v] : e.fields) {
                    if (equals_icase(k, "Response") || equals_icase(k, "Status")) {
                        const std::string_view code = std::string_view(v).substr(0, v.find(' '));
                        if (detail::parse_uint(code)) {
                            e.http_response_status_code.assign(code);
                        }
                    } else if (equals_icase(k, "Size") || equals_icase(k, "Bytes")) {
                        const std::string_view num = std::string_view(v).substr(0, v.find(' '));
                        e.destination_bytes = detail::parse_uint(num, true);
                    } else if (equals_icase(k, "Client") || equals_icase(k, "Source")) {
                        fill(e.source_ip, v);
                    } else if (equals_icase(k, "User")) {
                        detail::set_user(e, v);
                    } else if (equals_icase(k, "UserAgent") || equals_icase(k, "User-Agent")) {
                        fill(e.user_agent_original, v);
                    } else if (equals_icase(k, "Host") || equals_icase(k, "Device")) {
                        fill(e.host_name, v);
                    }
                }
                const std::string code = e.http_response_status_code;
                if (!code.empty()) {
                    e.event_outcome = code[0] == '2' || code[0] == '3' ? "success" : "failure";
                }
                e.message = fmt::format("{} {}{}", e.http_request_method, e.url_full,
                                        code.empty() ? "" : " -> " + code);
            });
    }
};

} // namespace

const LogParser& proxy_text_parser() {
    static const ProxyTextParser parser;
    return parser;
}

} // namespace casefile::logs
